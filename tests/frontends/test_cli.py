"""The command line: exit codes, files and folders, options, statistics, rules, and one
Chinese line (never a traceback) for every mistake a user can make."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter import lint_path
from linter.frontends.cli import main
from fixtures import two_part_report  # noqa: E402

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
REPORT = two_part_report()


def run(args, cwd):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, args)
    finally:
        os.chdir(old)


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "b").mkdir()
    (tmp_path / "a" / "r1.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "a" / "b" / "r2.md").write_text(REPORT, encoding="utf-8")
    (tmp_path / "a" / "b" / "notes.csv").write_text("x,y\n", encoding="utf-8")
    (tmp_path / "a" / ".hidden").mkdir()
    (tmp_path / "a" / ".hidden" / "r3.txt").write_text(REPORT, encoding="utf-8")
    return tmp_path


def one_line_error(result, *needles):
    assert result.exit_code == 2, result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


# -- exit codes -------------------------------------------------------------------------

def test_exit_codes_follow_the_fail_level(tree):
    assert run(["check", "--select", "S102", "a"], tree).exit_code == 1           # an error
    assert run(["check", "--select", "S105", "a"], tree).exit_code == 0           # info < warning
    assert run(["check", "--select", "S105", "--fail-on", "info", "a"], tree).exit_code == 1
    assert run(["check", "--select", "S102", "--fail-on", "error", "a"], tree).exit_code == 1
    assert run(["check", "--select", "S102", "--exit-zero", "a"], tree).exit_code == 0
    (tree / "good.txt").write_text(REPORT, encoding="utf-8")
    assert run(["check", "--select", "S101", "good.txt"], tree).exit_code == 0


def test_folders_are_searched_recursively(tree):
    result = run(["check", "--format", "json", "--select", "S102", "."], tree)
    paths = sorted(Path(f["path"]).as_posix().lstrip("./") for f in json.loads(result.stdout)["files"])
    assert paths == ["a/b/r2.md", "a/r1.txt"]                   # no .csv, no hidden folder


def test_unreadable_files_give_exit_2_and_the_others_are_still_checked(tree):
    (tree / "a" / "empty.txt").write_bytes(b"")
    (tree / "a" / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    result = run(["check", "--format", "json", "--select", "S102", "a", "missing.txt"], tree)
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    errors = {Path(f["path"]).name: f["error"] for f in data["files"]}
    assert errors["empty.txt"]["code"] == "empty" and errors["bin.txt"]["code"] == "binary"
    assert errors["r1.txt"] is None and errors["r2.md"] is None
    assert data["summary"]["unreadable"] == 2
    assert "missing.txt: 文件或目录不存在" in result.stderr
    assert "Traceback" not in result.output


def test_explicit_file_with_unknown_suffix_is_an_unreadable_file(tree):
    result = run(["check", "a/b/notes.csv"], tree)
    assert result.exit_code == 2 and "不支持的文件类型" in result.stderr


def test_nothing_to_check_is_a_usage_problem(tmp_path):
    (tmp_path / "empty").mkdir()
    result = run(["check", "empty"], tmp_path)
    assert result.exit_code == 2 and "没有找到可检查的报告文件" in result.stderr


# -- mistakes: one line, exit 2 -----------------------------------------------------------

@pytest.mark.parametrize("args,needles", [
    (["--format", "xml"], ("xml", "sarif")),
    (["--fail-on", "fatal"], ("--fail-on", "fatal")),
    (["--level", "village"], ("--level", "township")),
    (["--year", "24"], ("--year",)),
    (["--year", "abcd"], ("--year",)),
    (["--select", "S1,Q99X"], ("--select", "Q99X")),
    (["--ignore", "Z"], ("--ignore", "Z")),
    (["--extend-select", "E3000"], ("--extend-select",)),
    (["--ruleset", "outline-1990"], ("outline-1990",)),
    (["--output", "no/such/dir/out.json"], ("无法写入", "no/such/dir")),
    (["--output", "."], ("无法写入",)),
    (["--fix", "--diff"], ("--fix", "--diff")),
    (["--config", "nope.yaml"], ("nope.yaml",)),
    (["--waivers", "nope.yaml"], ("nope.yaml",)),
    (["--today", "2025/01/01"], ("--today",)),
])
def test_bad_options_are_one_line(tree, args, needles):
    result = run(["check", *args, "a"], tree)
    one_line_error(result, *needles)
    assert result.stdout == ""


def test_unknown_option_is_a_click_usage_error(tree):
    result = run(["check", "--frobnicate", "a"], tree)
    assert result.exit_code == 2 and "Traceback" not in result.output


# -- output -------------------------------------------------------------------------------

def test_output_file(tree):
    result = run(["check", "--format", "json", "--select", "S102", "-o", "out.json", "a"], tree)
    assert result.exit_code == 1 and result.stdout == ""
    data = json.loads((tree / "out.json").read_text(encoding="utf-8"))
    assert data["summary"]["errors"] == 2


def test_text_output_is_plain_when_not_a_terminal(tree):
    result = run(["check", "--select", "S102", "a"], tree)
    assert "\x1b[" not in result.stdout
    assert "缺少“存在的不足和原因”部分" in result.stdout and "依据" in result.stdout
    assert "共检查 2 个文件" in result.stdout


def test_statistics(tree):
    result = run(["check", "--statistics", "--select", "S102,S103", "a"], tree)
    lines = result.stdout.splitlines()
    # named in Chinese first (the rule's message), its code name after it (issue 12)
    assert lines[0].split("\t") == ["2", "S102", "[ ] 缺少“存在的不足和原因”部分（shortcomings-section-missing）"]
    assert lines[1].split("\t")[:2] == ["2", "S103"]
    assert result.exit_code == 1
    data = json.loads(run(["check", "--statistics", "--format", "json", "--select", "S102", "a"], tree).stdout)
    assert data == [{"code": "S102", "name": "shortcomings-section-missing", "title": "缺少“存在的不足和原因”部分",
                     "count": 2, "fixable": False}]


def test_statistics_marks_fixable_rules(tmp_path):
    (tmp_path / "r.txt").write_text(REPORT.replace("，办理", ",办理"), encoding="utf-8")
    result = run(["check", "--statistics", "r.txt"], tmp_path)
    fixable = [ln for ln in result.stdout.splitlines() if "[*]" in ln and "\t" in ln]
    assert fixable, "the half-width comma should be counted under a rule marked fixable"
    assert "--fix" in result.stdout


def test_every_format_through_the_cli(tree):
    from linter.formats import FORMATS
    for fmt in FORMATS:
        result = run(["check", "--format", fmt, "--select", "S102", "a"], tree)
        assert result.exit_code == 1, (fmt, result.output)
        assert result.stdout_bytes, fmt


# -- rules --------------------------------------------------------------------------------

def test_rules_and_rule(tmp_path):
    result = run(["rules"], tmp_path)
    lines = result.stdout.splitlines()
    assert result.exit_code == 0 and lines and all(ln[:1].isupper() and ln[1:4].isdigit() for ln in lines)
    data = json.loads(run(["rules", "--format", "json"], tmp_path).stdout)
    s102 = next(r for r in data if r["code"] == "S102")
    assert s102["name"] == "shortcomings-section-missing" and s102["basis"]
    assert len(data) == len(lines)
    assert run(["rules", "--format", "yaml"], tmp_path).exit_code == 2
    page = run(["rule", "S102"], tmp_path)
    assert page.exit_code == 0 and "# S102" in page.stdout and "依据" in page.stdout
    assert run(["rule", "Z999"], tmp_path).exit_code == 2


def test_lsp_command_is_there():
    result = CliRunner().invoke(main, ["lsp", "--help"])
    assert result.exit_code == 0


# -- a real process: exit code, UTF-8 on a pipe, a seed folder ------------------------------

def test_subprocess_on_the_seeds(tmp_path):
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, tmp_path / seed.name)
    env = dict(os.environ, PYTHONIOENCODING="ascii", LC_ALL="C")
    proc = subprocess.run([sys.executable, "-m", "linter", "check", "--format", "sarif", "."],
                          cwd=tmp_path, capture_output=True, env=env, timeout=300)
    assert proc.returncode in (0, 1), proc.stderr.decode("utf-8", "replace")
    log = json.loads(proc.stdout.decode("utf-8"))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris <= {p.name for p in tmp_path.glob("*.txt")}
    assert b"Traceback" not in proc.stderr


def test_the_program_ends_without_teardown_and_loses_no_output(tmp_path):
    """The command ends with ``os._exit`` (no interpreter teardown): every line it wrote is
    there, on a pipe and in an ``-o`` file, with the exit code the findings call for, and the
    caches it writes at the end are written."""
    for seed in sorted(SEEDS.glob("*.txt"))[:3]:
        shutil.copy(seed, tmp_path / seed.name)
    env = dict(os.environ, FZLINT_CACHE_DIR=str(tmp_path / "cache"))
    expected = sum(len(lint_path(str(p)).diagnostics) for p in tmp_path.glob("*.txt"))
    piped = subprocess.run([sys.executable, "-m", "linter", "check", "--format", "json-lines", "--jobs", "2", "."],
                           cwd=tmp_path, capture_output=True, env=env, timeout=300)
    assert piped.returncode == 1, piped.stderr.decode("utf-8", "replace")
    lines = piped.stdout.decode("utf-8").splitlines()
    assert len(lines) == expected and all(json.loads(line)["code"] for line in lines)
    written = subprocess.run([sys.executable, "-m", "linter", "check", "--format", "json-lines", "-o", "结果.jsonl",
                              "."], cwd=tmp_path, capture_output=True, env=env, timeout=300)
    assert written.returncode == 1
    assert (tmp_path / "结果.jsonl").read_text(encoding="utf-8").splitlines() == lines
    assert list((tmp_path / "cache").glob("regex-*.pickle"))          # startup.finish ran
    ended = subprocess.run([sys.executable, "-c", "from linter.__main__ import end; print('已写'); end('出错了')"],
                           capture_output=True, text=True, timeout=60)
    assert (ended.returncode, ended.stdout, ended.stderr.strip()) == (1, "已写\n", "出错了")


def test_pre_commit_hooks_file():
    import re

    import yaml
    hooks = yaml.safe_load((SEEDS.parent / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    main_hook = next(h for h in hooks if h["id"] == "fzlint")
    assert main_hook["entry"] == "fzlint check" and main_hook["language"] == "python"
    files = re.compile(main_hook["files"])
    assert all(files.search(n) for n in ("a.txt", "报告/某镇.DOCX", "b.md"))
    assert not any(files.search(n) for n in ("setup.py", "a.pdf", "a.txt.bak"))
    fix_hook = next(h for h in hooks if h["id"] == "fzlint-fix")
    assert "--fix" in fix_hook["entry"] and not re.search(fix_hook["files"], "a.docx")
