"""A national law or regulation named in a report is what was studied or cited, not the
year's work on the item it is about."""
from __future__ import annotations

import pytest

from linter import lint_text

REPORT = ("某镇人民政府关于2023年度法治政府建设情况的报告\n一、2023年推进法治政府建设的主要举措和成效\n"
          "我镇坚持稳中求进，各项工作平稳有序开展。\n{measures}\n二、2023年党政主要负责人履行推进法治建设第一责任人职责情况\n"
          "镇党委书记高度重视，切实加强组织领导。\n三、2023年推进法治政府建设存在的不足和原因\n"
          "一是工作创新意识还不够强，主要是培训不足。\n四、2024年推进法治政府建设的工作安排\n一是进一步提高工作水平。\n")


def _states(measures: str) -> dict[str, str]:
    return {k: v.state for k, v in lint_text(REPORT.format(measures=measures), "r.txt").checklist.items()}


@pytest.mark.parametrize("sentence,item", [
    ("组织班子成员学习《中华人民共和国政府信息公开条例》《优化营商环境条例》等法律法规6次。", "outline.openness"),
    ("组织班子成员学习《中华人民共和国政府信息公开条例》《优化营商环境条例》等法律法规6次。",
     "outline.business-environment"),
    ("组织学习《中华人民共和国突发事件应对法》《中华人民共和国行政许可法》4次。", "outline.emergency"),
    ("组织学习《重大行政决策程序暂行条例》《中华人民共和国公职人员政务处分法》3次。", "decision.major-procedure"),
    ("组织学习《中华人民共和国未成年人保护法》《中华人民共和国预防未成年人犯罪法》2次。", "popularization.youth"),
])
def test_studying_a_law_is_not_the_work_its_title_names(sentence, item):
    assert _states(sentence)[item] == "missing"


def test_the_study_itself_still_counts():
    states = _states("组织班子成员学习《中华人民共和国政府信息公开条例》《优化营商环境条例》等法律法规6次。")
    assert states["frp.study-law"] == "present"


@pytest.mark.parametrize("sentence,item", [
    ("修订《某镇突发事件总体应急预案》，组织应急演练2次。", "outline.emergency"),
    ("制定《某镇重大行政决策程序规定》，全年作出重大行政决策2项。", "decision.major-procedure"),
])
def test_a_document_of_the_units_own_still_shows_the_work(sentence, item):
    assert _states(sentence)[item] == "present"
