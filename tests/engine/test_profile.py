"""Bureau profiles, end to end through the CLI: a profile named in the configuration extends
the rule set with thresholds, a local deadline, extra required items and word lists; every
mistake in a profile is one Chinese line naming the file and the entry, exit code 2."""
import json
import textwrap

import pytest

from cliutil import run

PROFILE = """\
name: 示例区司法局2025年度报告要求
basis: 示例区司法局《关于做好2025年度法治政府建设情况报告工作的通知》
thresholds:
  R205: 3
  study-law-missing: 6
deadline: 01-31
items:
  - code: Q901
    name: legal-vice-principal
    label: 法治副校长
    phrases: [法治副校长]
words:
  forbid:
    法制政府: 法治政府
  allow: [确实加强]
"""

SHORT = """\
某镇人民政府关于2025年度法治政府建设情况的报告
一、2025年推进法治政府建设的主要举措和成效
全年办理行政许可事项120件，推进法制政府建设，执法监督确实加强。
二、2025年党政主要负责人履行推进法治建设第一责任人职责情况
镇长主持召开政府常务会议2次，专题研究法治政府建设。镇党委坚持会前学法制度，全年共计学法4次。
某镇人民政府
2026年2月10日
"""

MEETS = """\
某镇人民政府关于2025年度法治政府建设情况的报告
一、2025年推进法治政府建设的主要举措和成效
全年办理行政许可事项120件，推进法治政府建设，为辖区3所学校聘请法治副校长。
二、2025年党政主要负责人履行推进法治建设第一责任人职责情况
镇长主持召开政府常务会议4次，专题研究法治政府建设。镇党委坚持会前学法制度，全年共计学法8次。
某镇人民政府
2026年1月20日
"""


def lint_json(folder, name="report.txt"):
    result = run(["check", name, "--format", "json"], folder)
    return result, json.loads(result.output)["files"][0]


def found(report, code):
    return [d for d in report["diagnostics"] if d["code"] == code]


@pytest.fixture
def bureau(tmp_path):
    (tmp_path / "区司法局要求.yaml").write_text(PROFILE, encoding="utf-8")
    (tmp_path / ".fzlint.yaml").write_text("profile: 区司法局要求.yaml\n", encoding="utf-8")
    return tmp_path


def test_a_report_short_of_the_bureaus_requirements(bureau):
    (bureau / "report.txt").write_text(SHORT, encoding="utf-8")
    _, report = lint_json(bureau)
    (special,) = found(report, "R205")
    assert "2次" in special["message"] and "不少于3次" in special["message"]
    (study,) = found(report, "R203")
    assert "4次" in study["message"] and "不少于6次" in study["message"]
    (late,) = found(report, "T702")
    assert "2026年1月31日" in late["message"] and "2026年1月31日" in late["suggestion"]
    (item,) = found(report, "Q901")
    assert "法治副校长" in item["message"]
    assert report["checklist"]["local.legal-vice-principal"]["state"] == "missing"
    (word,) = found(report, "F990")
    assert "法制政府" in word["message"] and "法治政府" in word["message"]
    assert found(report, "F921") == []            # 确实加强 is allowed by the profile


def test_a_report_that_meets_them(bureau):
    (bureau / "report.txt").write_text(MEETS, encoding="utf-8")
    _, report = lint_json(bureau)
    for code in ("R205", "R203", "T702", "Q901", "F990"):
        assert found(report, code) == [], code
    assert report["checklist"]["local.legal-vice-principal"]["state"] == "present"


def test_without_the_profile_the_national_rules_stand(tmp_path):
    (tmp_path / "report.txt").write_text(SHORT, encoding="utf-8")
    _, report = lint_json(tmp_path)
    assert found(report, "R205") == [] and found(report, "T702") == [] and found(report, "Q901") == []
    assert found(report, "F921")                  # 确实加强 is flagged without the allow list


def test_the_checklist_shows_the_items_label(bureau):
    (bureau / "report.txt").write_text(SHORT, encoding="utf-8")
    assert "法治副校长" in run(["check", "report.txt"], bureau).output


@pytest.mark.parametrize("config_name,text", [
    ("setup.cfg", "[fzlint]\nprofile = 区司法局要求.yaml\n"),
    ("pyproject.toml", '[tool.fzlint]\nprofile = "区司法局要求.yaml"\n'),
])
def test_profile_from_setup_cfg_and_pyproject(tmp_path, config_name, text):
    (tmp_path / "区司法局要求.yaml").write_text(PROFILE, encoding="utf-8")
    (tmp_path / config_name).write_text(text, encoding="utf-8")
    (tmp_path / "report.txt").write_text(SHORT, encoding="utf-8")
    _, report = lint_json(tmp_path)
    assert found(report, "Q901") and found(report, "R205")


def test_fzlint_rule_names_the_profile(bureau):
    out = run(["rule", "Q901"], bureau).output
    assert "区司法局要求.yaml" in out and "示例区司法局2025年度报告要求" in out and "法治副校长" in out
    out = run(["rule", "R205"], bureau).output
    assert "规则配置档" in out and "min_count = 3" in out
    assert "规则配置档" not in run(["rule", "R201"], bureau).output
    listed = run(["rules"], bureau).output
    assert "Q901" in listed and "F990" in listed


def test_profile_codes_can_be_ignored_in_the_same_configuration(bureau):
    (bureau / ".fzlint.yaml").write_text("profile: 区司法局要求.yaml\nignore: [Q901]\n", encoding="utf-8")
    (bureau / "report.txt").write_text(SHORT, encoding="utf-8")
    result, report = lint_json(bureau)
    assert found(report, "Q901") == [] and found(report, "F990")


@pytest.mark.parametrize("profile,entry", [
    ("thresholds:\n  R999: 3\n", "thresholds.R999"),
    ("thresholds:\n  R205: 三次\n", "thresholds.R205"),
    ("thresholds:\n  T701: 3\n", "thresholds.T701"),
    ("deadline: 13-40\n", "deadline"),
    ("items:\n  - code: Q901\n    name: legal-vice-principal\n    label: 法治副校长\n", "items 第1项"),
    ("items:\n  - code: R205\n    name: my-item\n    label: 某事项\n    phrases: [某事项]\n", "items 第1项"),
    ("items:\n  - code: Q901\n    name: Legal_Vice\n    label: 某事项\n    phrases: [某事项]\n", "items 第1项"),
    ("words:\n  forbid: [法制政府]\n", "words.forbid"),
    ("words:\n  forbid: {法制政府: 法治政府}\n  code: R205\n", "words.code"),
    ("colour: red\n", "colour"),
    ("thresholds: [R205]\n", "thresholds"),
    ("name: [未闭合\n", "YAML"),
])
def test_a_mistake_in_a_profile_is_one_line_naming_file_and_entry(tmp_path, profile, entry):
    (tmp_path / "要求.yaml").write_text(profile, encoding="utf-8")
    (tmp_path / ".fzlint.yaml").write_text("profile: 要求.yaml\n", encoding="utf-8")
    (tmp_path / "report.txt").write_text(SHORT, encoding="utf-8")
    result = run(["check", "report.txt"], tmp_path)
    assert result.exit_code == 2
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and "要求.yaml" in lines[0] and entry in lines[0], result.output
    assert "Traceback" not in result.output


def test_a_missing_profile_file(tmp_path):
    (tmp_path / ".fzlint.yaml").write_text("profile: 没有这个文件.yaml\n", encoding="utf-8")
    (tmp_path / "report.txt").write_text(SHORT, encoding="utf-8")
    result = run(["check", "report.txt"], tmp_path)
    assert result.exit_code == 2 and "没有这个文件.yaml" in result.output and "不存在" in result.output
