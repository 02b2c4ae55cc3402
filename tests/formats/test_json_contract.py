"""The JSON result is a contract other tools read (../shared/spec/checklist.md)."""
import json
from pathlib import Path

from click.testing import CliRunner

from linter.frontends.cli import main

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
DIAGNOSTIC_KEYS = {"code", "name", "severity", "message", "line", "column", "end_line",
                   "end_column", "basis", "checklist", "fix", "suppressed"}


def _run(*paths):
    result = CliRunner().invoke(main, ["check", "--format", "json", *map(str, paths)])
    return result.exit_code, json.loads(result.stdout)


def test_json_result_has_the_documented_shape(tmp_path):
    empty = tmp_path / "空报告.txt"
    empty.write_bytes(b"")
    code, data = _run(next(SEEDS.glob("002_*.txt")), empty)
    assert code == 2                       # an unreadable file makes the run exit 2 …
    assert data["version"] == 1
    report, unreadable = data["files"]     # … and the other file is still checked
    assert report["format"] == "txt" and report["error"] is None
    assert report["meta"]["title"] == "重庆市南岸区鸡冠石镇人民政府关于2024年度法治政府建设情况的报告"
    assert report["meta"]["report_year"] == 2024 and report["meta"]["level"] == "township"
    assert report["meta"]["ruleset"] == "outline-2021-2025"
    assert {"issuer", "date"} <= set(report["meta"])
    for item, entry in report["checklist"].items():
        assert entry["state"] in {"present", "weak", "missing", "n/a"}, item
        assert all(set(e) == {"line", "text"} for e in entry["evidence"])
    assert report["checklist"]["enforcement.publicity"]["state"] == "missing"
    for d in report["diagnostics"]:
        assert DIAGNOSTIC_KEYS <= set(d)
        assert d["severity"] in {"error", "warning", "info"}
    assert unreadable["error"]["code"] == "empty" and unreadable["error"]["message"]
    assert unreadable["checklist"] is None
    assert set(data["summary"]) >= {"files", "errors", "warnings", "infos", "unreadable"}
    assert data["summary"]["files"] == 2 and data["summary"]["unreadable"] == 1


def test_positions_point_at_the_text_the_user_sees():
    path = next(SEEDS.glob("003_*.txt"))
    _, data = _run(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    typo = next(d for d in data["files"][0]["diagnostics"] if "规范字文件" in d["message"])
    text = lines[typo["line"] - 1][typo["column"] - 1: typo["end_column"] - 1]
    assert text == "规范字文件"
