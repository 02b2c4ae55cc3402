"""What a finding quotes of the report: a title it opens is quoted to its closing mark."""
from __future__ import annotations

from linter import lint_text

REPORT = ("某镇人民政府关于2023年度法治政府建设情况的报告\n一、2023年推进法治政府建设的主要举措和成效\n"
          "我镇坚持稳中求进，各项工作平稳有序开展。\n二、2023年党政主要负责人履行推进法治建设第一责任人职责情况\n"
          "{frp}\n三、2023年推进法治政府建设存在的不足和原因\n一是工作创新意识还不够强，主要是培训不足。\n"
          "四、2024年推进法治政府建设的工作安排\n一是进一步提高工作水平。\n")


def _study_finding(sentence: str) -> str:
    result = lint_text(REPORT.format(frp=sentence), "r.txt")
    return next(d.message for d in result.diagnostics if d.code == "R203")


def test_a_weak_mention_quotes_the_title_it_opens_to_its_closing_mark():
    # hits are read with 《》 ignored, and stopped inside the title: “学习《中华人民共和国宪法”
    assert "“学习《中华人民共和国宪法修正案》”" in _study_finding("班子成员集中学习《中华人民共和国宪法修正案》。")
    assert "“学习《中华人民共和国合同法》《中华人民共和国物权法》”" in _study_finding(
        "组织班子成员学习《中华人民共和国合同法》《中华人民共和国物权法》。")


def test_a_quote_is_not_run_on_past_the_sentence():
    message = _study_finding("班子成员集中学习《中华人民共和国宪法。二是加强宣传》。")
    assert "二是" not in message
