"""Waivers: suppress (by rule or checklist item, by path or issuer), expire, and refuse
malformed files with the entry's number and the problem."""
from __future__ import annotations

import json
import textwrap

import pytest

from linter import Config, lint_text
from linter.errors import ConfigError
from linter.engine.waivers import apply_waivers, parse_waivers
from linter.workspace.waiverfile import load_waivers
from cliutil import run  # noqa: E402
from fixtures import two_part_report  # noqa: E402

REPORT = two_part_report("重庆市某某区某某镇人民政府")
ONLY = Config(select=["S102", "S103"])


def lint(path="reports/某某镇.txt", waivers=(), today="2025-06-01", text=REPORT):
    return lint_text(text, path, Config(select=["S102", "S103"], waivers=list(waivers), today=today))


def entry(**kw):
    base = {"rule": "S102", "justification": "本镇已并入街道，经区司法局同意", "expires": "2025-12-31"}
    base.update(kw)
    return base


def by_code(result):
    return {d.code: d for d in result.diagnostics}


def test_the_report_has_the_two_findings_the_tests_rely_on():
    assert set(by_code(lint())) == {"S102", "S103"}


def test_waiver_by_rule_code_suppresses_and_keeps_the_finding():
    r = lint(waivers=parse_waivers([entry()], "w.yaml"))
    d = by_code(r)
    assert d["S102"].suppressed and not d["S103"].suppressed
    assert d["S102"].waiver["justification"].startswith("本镇") and d["S102"].waiver["expires"] == "2025-12-31"
    assert d["S102"].waiver["source"] == "w.yaml#1"
    assert [x.code for x in r.active()] == ["S103"]
    assert r.to_dict()["diagnostics"][0]["suppressed"] is True


def test_waiver_by_checklist_item_keeps_the_state_and_suppresses_its_findings():
    r = lint(waivers=parse_waivers([entry(rule="section.frp")], "w.yaml"))
    assert by_code(r)["S103"].suppressed and not by_code(r)["S102"].suppressed
    assert r.checklist["section.frp"].state == "missing"


@pytest.mark.parametrize("unit,applies", [
    ("reports/*.txt", True), ("*某某镇*", True), ("某某镇.txt", True),
    ("重庆市某某区某某镇人民政府", True), ("*某某镇人民政府", True),
    ("other/*.txt", False), ("*另一个镇*", False)])
def test_unit_matches_the_path_or_the_issuer(unit, applies):
    r = lint(waivers=parse_waivers([entry(unit=unit)], "w.yaml"))
    assert r.meta["issuer"] == "重庆市某某区某某镇人民政府"
    assert by_code(r)["S102"].suppressed is applies


def test_a_waiver_is_valid_through_its_expiry_day_and_then_reported():
    waivers = parse_waivers([entry(expires="2025-12-31")], "w.yaml")
    assert by_code(lint(waivers=waivers, today="2025-12-31"))["S102"].suppressed
    r = lint(waivers=waivers, today="2026-01-01")
    assert not by_code(r)["S102"].suppressed
    notes = [n for n in r.notices if "过期" in n]
    assert len(notes) == 1 and "2025-12-31" in notes[0] and "S102" in notes[0] and "w.yaml" in notes[0]


def test_an_expired_waiver_that_matches_nothing_is_not_noise():
    r = lint(waivers=parse_waivers([entry(rule="R204", expires="2020-01-01")], "w.yaml"),
             today="2025-01-01")
    assert not [n for n in r.notices if "过期" in n]


def test_apply_waivers_accepts_a_date_object():
    import datetime
    r = lint()
    apply_waivers(r, parse_waivers([entry()], "w"), datetime.date(2025, 1, 1))
    assert by_code(r)["S102"].suppressed


@pytest.mark.parametrize("data,needle", [
    ([{"rule": "S102", "expires": "2025-12-31"}], "第1条：缺少 justification"),
    ([entry(), {"rule": "S102", "justification": "x"}], "第2条：缺少 expires"),
    ([entry(expires="2025-13-01")], "第1条：expires"),
    ([entry(expires="明年")], "expires 应为日期"),
    ([entry(rule="S 102")], "rule 应为规则代码"),
    ([entry(rule="Z999")], "没有规则或检查清单项"),
    ([entry(reason="x")], "未知的字段 reason"),
    ([entry(justification="  ")], "justification 应为说明理由的文字"),
    (["S102"], "第1条：应为一个映射"),
    ({"rule": "S102"}, "豁免应为列表"),
])
def test_malformed_waivers_name_the_entry_and_the_problem(data, needle):
    from linter.workspace.configfile import known_targets
    _, targets, _ = known_targets()
    with pytest.raises(ConfigError) as exc:
        parse_waivers(data, "w.yaml", known=targets)
    assert needle in exc.value.line() and exc.value.line().startswith("w.yaml: ")


def test_waiver_file_loading(tmp_path):
    path = tmp_path / "w.yaml"
    path.write_text("waivers:\n  - rule: S102\n    justification: 理由\n    expires: 2025-12-31\n"
                    "    approver: 区司法局\n", encoding="utf-8")
    [w] = load_waivers(str(path))
    assert w.approver == "区司法局" and w.expires.isoformat() == "2025-12-31" and w.unit == "*"
    path.write_text("", encoding="utf-8")
    assert load_waivers(str(path)) == []
    path.write_text("- rule: [S102\n", encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_waivers(str(path))
    assert "YAML" in exc.value.line() and "第" in exc.value.line()
    with pytest.raises(ConfigError):
        load_waivers(str(tmp_path / "missing.yaml"))


# -- through the command line --------------------------------------------------------



@pytest.fixture
def folder(tmp_path):
    (tmp_path / "r.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "w.yaml").write_text(textwrap.dedent("""\
        - rule: S102
          unit: "*.txt"
          justification: 本镇已并入街道
          expires: 2025-12-31
        - rule: section.frp
          justification: 第一责任人部分合并撰写，经同意
          expires: 2025-12-31
        """), encoding="utf-8")
    return tmp_path


def test_waived_findings_do_not_count_for_the_exit_code(folder):
    args = ["check", "--select", "S102,S103", "--waivers", "w.yaml", "--today", "2025-06-01"]
    result = run(args + ["--format", "json", "r.txt"], folder)
    data = json.loads(result.stdout)
    assert result.exit_code == 0
    assert all(d["suppressed"] for d in data["files"][0]["diagnostics"])
    assert data["summary"]["suppressed"] == 2 and data["summary"]["errors"] == 0
    text = run(args + ["r.txt"], folder).stdout
    assert "已豁免" in text and "本镇已并入街道" in text


def test_expired_waivers_fail_again_with_a_notice(folder):
    args = ["check", "--select", "S102,S103", "--waivers", "w.yaml", "--today", "2026-01-01"]
    result = run(args + ["--format", "json", "r.txt"], folder)
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert not any(d["suppressed"] for d in data["files"][0]["diagnostics"])
    assert sum("过期" in n for n in data["files"][0]["notices"]) == 2
    assert "过期" in run(args + ["r.txt"], folder).stdout


def test_malformed_waiver_file_is_exit_2_with_one_line(folder):
    (folder / "bad.yaml").write_text("- rule: S102\n  expires: 2025-12-31\n", encoding="utf-8")
    result = run(["check", "--waivers", "bad.yaml", "r.txt"], folder)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.strip() == "bad.yaml: 豁免第1条：缺少 justification"
    result = run(["check", "--waivers", "nothere.yaml", "r.txt"], folder)
    assert result.exit_code == 2 and "nothere.yaml" in result.stderr and "Traceback" not in result.stderr
