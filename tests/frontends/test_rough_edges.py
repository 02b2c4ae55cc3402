"""The rough edges a new user hits (issue 12), each as the user would meet it."""
from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
import time
from pathlib import Path

import pytest

from linter import __version__, lint_text

import fixtures as F
from cliutil import run

ROOT = Path(__file__).resolve().parents[2]
SEED = next((ROOT / "seeds").glob("002_*.txt"))

NOTICE = """关于召开全区2024年法治政府建设工作推进会的通知
各镇人民政府、街道办事处，区政府各部门：
经区政府同意，定于2024年3月15日召开全区法治政府建设工作推进会，总结2023年法治政府建设工作。现将有关事项通知如下：
一、会议时间
2024年3月15日上午9:00。
二、会议地点
区政府三楼会议室。
三、参会人员
各镇（街道）分管负责同志。请各单位于3月12日前报送参会人员名单。
某区人民政府办公室
2024年3月8日
"""


# -- option mistakes in Chinese -------------------------------------------------------------

@pytest.mark.parametrize("args,expected", [
    (["check", "--formt", "json", "r.txt"], "fzlint check：没有 --formt 这个选项，是不是想用 --format？"),
    (["check"], "fzlint check：缺少参数 PATHS"),
    (["rule"], "fzlint rule：缺少参数 CODE"),
    (["chek", "r.txt"], "fzlint：没有 chek 这个命令，是不是想用 check？"),
    (["check", "r.txt", "--format"], "选项 --format 后面需要一个值"),
    (["check", "--fix=yes", "r.txt"], "选项 --fix 不带值"),
])
def test_option_mistakes_are_answered_in_chinese(tmp_path, args, expected):
    (tmp_path / "r.txt").write_text("一、主要举措\n依法行政。\n", encoding="utf-8")
    result = run(args, tmp_path)
    assert result.exit_code == 2
    assert expected in result.stderr
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "-h 查看用法" in lines[0]
    for english in ("No such option", "Did you mean", "Missing argument", "Usage:", "Error:"):
        assert english not in result.stderr


@pytest.mark.parametrize("fmt,command", [
    ("html", "fzlint serve"), ("HTML", "fzlint report"), ("docx", "fzlint annotate"), ("word", "fzlint annotate"),
    ("xlsx", "overview.xlsx"), ("excel", "-f csv"),
])
def test_a_document_asked_for_as_a_format_names_the_command_that_writes_it(tmp_path, fmt, command):
    # a clerk who wants a page, a Word copy or a spreadsheet types it as a format first
    (tmp_path / "r.txt").write_text("一、主要举措\n依法行政。\n", encoding="utf-8")
    result = run(["check", "-f", fmt, "r.txt"], tmp_path)
    assert result.exit_code == 2
    assert f"未知的输出格式 {fmt}" in result.stderr and command in result.stderr
    assert len([ln for ln in result.stderr.splitlines() if ln.strip()]) == 1


def test_an_unknown_format_with_no_other_command_just_lists_the_formats(tmp_path):
    (tmp_path / "r.txt").write_text("一、主要举措\n依法行政。\n", encoding="utf-8")
    result = run(["check", "-f", "yaml", "r.txt"], tmp_path)
    assert result.exit_code == 2 and "可用：text" in result.stderr and "fzlint " not in result.stderr.split("可用")[1]


def test_help_and_version_still_exit_zero(tmp_path):
    assert run(["--version"], tmp_path).exit_code == 0
    assert run(["check", "-h"], tmp_path).exit_code == 0


@pytest.mark.parametrize("args", [["-h"], ["check", "-h"], ["serve", "--help"], ["report", "-h"], ["rule", "-h"]])
def test_help_pages_are_chinese(tmp_path, args):
    page = run(args, tmp_path).stdout
    assert page.startswith("用法：fzlint") and "选项：" in page and "显示本帮助并退出" in page
    for english in ("Usage:", "Options:", "Commands:", "Show this message", "[default", "[OPTIONS]", "TEXT"):
        assert english not in page


def test_help_shows_defaults_and_ranges_in_chinese(tmp_path):
    serve = run(["serve", "-h"], tmp_path).stdout
    assert "（默认：8765；取值 0～65535）" in serve
    assert "（默认：text）" in run(["check", "-h"], tmp_path).stdout


def test_version_is_the_program_and_its_number(tmp_path):
    result = run(["--version"], tmp_path)
    assert result.stdout.strip() == "fzlint " + __version__


def test_format_has_the_short_option_eslint_and_textlint_users_type(tmp_path):
    (tmp_path / "r.txt").write_text("一、主要举措\n依法行政。\n", encoding="utf-8")
    short, long = run(["check", "-f", "json", "r.txt"], tmp_path), run(["check", "--format", "json", "r.txt"], tmp_path)
    assert short.exit_code == long.exit_code == 1
    found = json.loads(short.stdout)["files"][0]["diagnostics"]
    assert found and found == json.loads(long.stdout)["files"][0]["diagnostics"]


# -- the checklist agrees with the findings -------------------------------------------------

BARE = ("我镇坚持党委统一领导、政府实施、各部门配合的领导体制，切实把法治建设放在心上、抓在手上、"
        "落实在行动上，定期研究法治政府建设中的重大问题，督促班子成员抓好分管领域法治建设，形成了一级抓一级、"
        "层层抓落实的工作格局，为推进法治政府建设提供了坚强的组织保障和制度保障。")
FIGURES = ("全年召开专题会议4次，研究解决重大问题12项，开展法治讲座6场，培训干部320人次，"
           "办理行政复议案件3件，调解矛盾纠纷106件，调解成功率98.1%，审查合同45份，"
           "发放宣传资料1200份，覆盖群众8000余人，整改问题15个，完成率100%。")


def _measures(*bodies: str) -> str:
    items = "\n".join(f"（{'一二三四五'[i]}）第{i + 1}项工作\n{b}" for i, b in enumerate(bodies))
    return ("某镇2024年度法治政府建设情况报告\n一、2024年推进法治政府建设的主要举措和成效\n" + items
            + "\n二、存在的不足和原因\n一是执法人员业务能力有待提高，主要是培训不足。\n")


def test_checklist_is_not_ticked_beside_sub_items_without_figures():
    mostly_bare = lint_text(_measures(FIGURES, BARE, BARE))
    assert sum(d.code == "Q602" for d in mostly_bare.diagnostics) == 2
    assert mostly_bare.checklist["evidence.quantified"].state == "weak"
    assert {e.line for e in mostly_bare.checklist["evidence.quantified"].evidence} >= {
        d.line for d in mostly_bare.diagnostics if d.code == "Q602"}


def test_a_fully_quantified_measures_part_is_ticked():
    result = lint_text(_measures(FIGURES, FIGURES, FIGURES))
    assert not any(d.code in ("Q601", "Q602") for d in result.diagnostics)
    assert result.checklist["evidence.quantified"].state == "present"


# -- 按时报送和公开 when the date is not found: unknown, not 不适用 ---------------------------

def test_a_missing_date_makes_the_deadline_unknown_not_not_applicable(tmp_path):
    undated = F.seed_text("002")                           # a report with no 成文日期
    assert lint_text(undated).meta["date"] is None
    (tmp_path / "r.txt").write_text(undated, encoding="utf-8")
    data = json.loads(run(["check", "--format", "json", "r.txt"], tmp_path).stdout)
    entry = data["files"][0]["checklist"]["time.deadline"]
    assert entry["state"] == "n/a" and entry["note"] == "unknown"      # compatible: state unchanged
    text = run(["check", "r.txt"], tmp_path).stdout
    unknown = next(ln for ln in text.splitlines() if "未能判断：" in ln)
    assert "按时报送和公开" in unknown
    assert all("按时报送和公开" not in ln for ln in text.splitlines() if "不适用：" in ln)

    dated = lint_text(F.seed_text("004"))                  # dated 2022-01-26
    assert dated.meta["date"] and "note" not in dated.checklist["time.deadline"].to_dict()


# -- --statistics names rules in Chinese -------------------------------------------------------

def test_statistics_name_rules_in_chinese(tmp_path):
    out = run(["check", "--statistics", str(SEED)], tmp_path).stdout
    row = next(ln for ln in out.splitlines() if "\tE301\t" in ln)
    assert "未写明行政执法公示制度的落实情况" in row and "enforcement-publicity-missing" in row
    rows = json.loads(run(["check", "--statistics", "--format", "json", str(SEED)], tmp_path).stdout)
    assert all(r["title"] for r in rows)


# -- an unreadable file is named once on a terminal ------------------------------------------

def test_unreadable_file_is_named_once_on_a_terminal(tmp_path):
    (tmp_path / "坏.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (tmp_path / "好.txt").write_bytes(SEED.read_bytes())
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "linter", "check", "--no-color", "坏.docx", "好.txt"],
                            cwd=tmp_path, stdin=subprocess.DEVNULL, stdout=slave, stderr=slave)
    os.close(slave)
    chunks = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            chunk = os.read(master, 65536)
        except OSError:             # the pty closes when the process ends
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait(timeout=60)
    os.close(master)
    screen = b"".join(chunks).decode("utf-8", "replace")
    assert proc.returncode == 2
    assert screen.count("坏.docx") == 1, screen
    # and with the report in a pipe, standard error still names it
    piped = subprocess.run([sys.executable, "-m", "linter", "check", "坏.docx", "好.txt"], cwd=tmp_path,
                           capture_output=True, timeout=120)
    assert "坏.docx" in piped.stderr.decode("utf-8")


# -- a file that is not a report says so first ------------------------------------------------

def test_a_meeting_notice_is_said_not_to_be_a_report(tmp_path):
    (tmp_path / "通知.txt").write_text(NOTICE, encoding="utf-8")
    (tmp_path / "报告.txt").write_bytes(SEED.read_bytes())
    text = run(["check", "通知.txt", "报告.txt"], tmp_path).stdout
    notice_block = text.split("== 报告.txt")[0]
    report_block = text.split("== 报告.txt")[1]
    first_lines = notice_block.strip().splitlines()
    assert first_lines[0] == "== 通知.txt" and "看起来不是法治政府建设年度报告" in first_lines[1]
    assert "检查清单（" not in notice_block                 # kept out of the checklist counts
    assert "检查清单（" in report_block and "看起来不是法治政府" not in report_block
    assert "1 个看起来不是年度报告" in text
    data = json.loads(run(["check", "--format", "json", "通知.txt", "报告.txt"], tmp_path).stdout)
    assert [f["meta"]["report_like"] for f in data["files"]] == [False, True]


def test_every_seed_looks_like_a_report():
    for path in sorted((ROOT / "seeds").glob("*_*.txt")):
        assert lint_text(path.read_text(encoding="utf-8")).meta["report_like"], path.name


# -- errors and warnings first ----------------------------------------------------------------

def test_text_output_groups_findings_by_severity(tmp_path):
    out = run(["check", "--no-color", str(SEED)], tmp_path).stdout
    heads = [ln.strip().split("（")[0] for ln in out.splitlines() if ln.strip().endswith("个）：")]
    assert heads == [h for h in ("错误", "警告", "提示") if h in heads] and len(heads) >= 2
    lines = out.splitlines()
    start = {h: next(i for i, ln in enumerate(lines) if ln.strip().startswith(h + "（")) for h in heads}
    assert sorted(start.values()) == [start[h] for h in heads]


def test_min_severity_shows_only_what_reaches_it(tmp_path):
    everything = json.loads(run(["check", "--format", "json", str(SEED)], tmp_path).stdout)
    severities = {d["severity"] for f in everything["files"] for d in f["diagnostics"]}
    assert {"warning", "info"} <= severities
    result = run(["check", "--format", "json", "--min-severity", "warning", str(SEED)], tmp_path)
    kept = {d["severity"] for f in json.loads(result.stdout)["files"] for d in f["diagnostics"]}
    assert kept and kept <= {"error", "warning"}
    text = run(["check", "--min-severity", "warning", str(SEED)], tmp_path).stdout
    assert "提示（" not in text
    bad = run(["check", "--min-severity", "loud", str(SEED)], tmp_path)
    assert bad.exit_code == 2 and "--min-severity 应为 error / warning / info 之一" in bad.stderr


# -- a second round as a new user (fzlint alone, help pages, outline, what was left out) ----------

def test_fzlint_alone_shows_the_help_page_not_a_complaint_wrapping_it(tmp_path):
    result = run([], tmp_path)
    page = result.stderr or result.stdout
    assert page.startswith("用法：fzlint") and "命令：" in page and "check" in page
    assert "用法有误" not in page and "（用 fzlint -h 查看用法）" not in page


@pytest.mark.parametrize("args,whole", [
    (["check", "-h"], ("json-lines", "department", "township", "--fail-on", "README.md")),
    (["report", "-h"], ("overview.json", "overview.xlsx", "index.html", "OUTDIR/.fzlint-cache")),
    (["serve", "-h"], ("127.0.0.1", "0.0.0.0", "65535")),
    (["-h"], ("http://127.0.0.1:8765",)),
])
def test_help_lines_fit_the_terminal_and_never_split_an_english_word(tmp_path, args, whole, monkeypatch):
    # click wraps by characters and breaks only at spaces: a Chinese line came out twice as
    # wide as the terminal and "department" was cut into "departme" / "nt"
    from linter.text.width import display_width
    monkeypatch.setenv("COLUMNS", "80")
    page = run(args, tmp_path).stdout
    assert max(display_width(ln) for ln in page.splitlines()) <= 80
    for word in whole:
        assert word in page, word


def test_a_missing_required_option_is_named_as_it_is_typed(tmp_path):
    (tmp_path / "报告").mkdir()
    result = run(["report", "报告"], tmp_path)
    assert result.exit_code == 2
    assert result.stderr.startswith("fzlint report：缺少选项 -o / --output（汇总写入此目录")
    assert "OUTDIR" not in result.stderr


def test_outline_takes_the_year_and_level_the_readme_tells_the_clerk_to_give(tmp_path):
    shown = run(["outline", str(SEED), "--year", "2023", "--level", "county"], tmp_path)
    assert shown.exit_code == 0
    assert "年度：2023（由命令行指定）" in shown.stdout and "层级：县（区、县级市）（由命令行指定）" in shown.stdout
    data = json.loads(run(["outline", str(SEED), "--json", "--year", "2023"], tmp_path).stdout)
    assert data["meta"]["report_year"] == 2023
    bad = run(["outline", str(SEED), "--level", "村"], tmp_path)
    assert bad.exit_code == 2 and bad.stderr.strip().startswith("fzlint：--level 应为 township")


def test_min_severity_says_how_many_findings_it_left_out(tmp_path):
    everything = json.loads(run(["check", "--format", "json", str(SEED)], tmp_path).stdout)
    infos = sum(d["severity"] == "info" for d in everything["files"][0]["diagnostics"])
    assert infos
    for jobs in ("1", "2"):         # the streamed pieces carry the count from the workers too
        text = run(["check", "--min-severity", "warning", "-j", jobs, str(SEED), str(SEED.with_name("x"))],
                   tmp_path).stdout
        assert f"另有 {infos} 个级别较低的问题未显示（--min-severity）" in text
    assert "未显示" not in run(["check", str(SEED)], tmp_path).stdout


def test_statistics_titles_are_cut_visibly_never_mid_word(tmp_path):
    from linter.formats.statistics import chinese_title
    assert chinese_title("未写明政务公开（政府信息公开）情况") == "未写明政务公开（政府信息公开）情况"
    long = "未写明重大行政决策法定程序（公众参与、专家论证、风险评估、合法性审查、集体讨论决定）的执行情况"
    assert chinese_title(long) == "未写明重大行政决策法定程序的执行情况"
    assert chinese_title("未" * 40) == "未" * 29 + "…"
    out = run(["check", "--statistics", str(SEED)], tmp_path).stdout
    for row in out.splitlines():
        if "\t" in row:
            title = row.split("] ", 1)[1].rsplit("（", 1)[0]
            assert len(title) <= 30


def test_a_folder_check_skips_fzlints_own_output_beside_the_reports(tmp_path):
    # the clerk annotates, the bureau writes its overview into the same folder, then both
    # check the folder again: the annotated copy and the overview pages are not more reports
    (tmp_path / "镇").mkdir()
    (tmp_path / "镇" / "报告.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    assert run(["annotate", str(tmp_path / "镇" / "报告.txt")], tmp_path).exit_code == 0
    assert (tmp_path / "镇" / "报告.批注.docx").exists()
    assert run(["report", str(tmp_path / "镇"), "-o", str(tmp_path / "镇" / "汇总")], tmp_path).exit_code in (0, 1)
    concise = run(["check", "--format", "concise", "."], tmp_path).stdout
    files = {ln.split(":", 1)[0] for ln in concise.splitlines() if ln.strip() and ":" in ln}
    assert files == {os.path.join("镇", "报告.txt")}
    again = run(["report", str(tmp_path), "-o", str(tmp_path / "汇总2")], tmp_path)
    assert json.loads((tmp_path / "汇总2" / "overview.json").read_text(encoding="utf-8"))["reports"].__len__() == 1, \
        again.stderr
    # named on its own, or alone in its folder, an annotated copy is still a report to check
    (tmp_path / "另一镇").mkdir()
    (tmp_path / "镇" / "报告.批注.docx").rename(tmp_path / "另一镇" / "报告.批注.docx")
    alone = run(["check", "--format", "concise", str(tmp_path / "另一镇")], tmp_path).stdout
    assert "报告.批注.docx:" in alone


def test_missing_or_unreadable_side_files_are_named_in_chinese(tmp_path):
    (tmp_path / "报告").mkdir()
    (tmp_path / "报告" / "a.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    roster = run(["report", "报告", "-o", "汇总", "--roster", "名单.csv"], tmp_path)
    assert roster.exit_code == 2
    assert "名单.csv" in roster.stderr and "文件不存在" in roster.stderr and "No such file" not in roster.stderr
    (tmp_path / ".fzlint.yaml").write_bytes("select: [E3]  # 只查执法\n".encode("gbk"))
    config = run(["check", "报告"], tmp_path)
    assert config.exit_code == 2
    assert "不是 UTF-8 编码" in config.stderr and "codec" not in config.stderr


def test_output_file_never_overwrites_the_report_it_checks(tmp_path):
    # "-o 结果.txt" is what the README tells Windows users; a slip of the name was data loss
    report = tmp_path / "报告.txt"
    report.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    before = report.read_bytes()
    result = run(["check", "报告.txt", "-o", "报告.txt"], tmp_path)
    assert result.exit_code == 2
    assert result.stderr.strip() == "fzlint：输出文件 报告.txt 就是要检查的报告，不会覆盖它；请用 -o 指定另一个文件名"
    assert report.read_bytes() == before


def test_last_runs_results_in_the_folder_are_not_checked_as_a_report(tmp_path):
    (tmp_path / "报告.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    for _ in range(2):
        assert run(["check", ".", "-o", "结果.txt"], tmp_path).exit_code == 1
    written = (tmp_path / "结果.txt").read_text(encoding="utf-8")
    assert written.count("== ") == 1 and "== 报告.txt" in written


def test_rule_pages_show_no_raw_placeholders(tmp_path):
    # the page a clerk opens from the web page or with fzlint rule: "{next_year}年×月×日" read as a bug
    from linter.engine.ruleset import load_ruleset
    pages = {r.code: run(["rule", r.code], tmp_path).stdout for r in load_ruleset("outline-2021-2025").rules}
    assert "（如“××××年×月×日”）" in pages["T704"]
    assert "关于××××年度法治政府建设情况的报告" in pages["F940"]
    assert not [code for code, page in pages.items() if __import__("re").search(r"\{\w+\}", page)]
    listing = run(["rules"], tmp_path).stdout
    assert "{" not in listing
    raw = json.loads(run(["rules", "--format", "json"], tmp_path).stdout)      # integrators get the template
    assert any("{year}" in r["message"] for r in raw)


def test_level_can_be_given_as_the_clerk_says_it(tmp_path):
    for word, code in (("街道", "township"), ("乡镇", "township"), ("区", "county"), ("部门", "department")):
        shown = json.loads(run(["outline", str(SEED), "--json", "--level", word], tmp_path).stdout)
        assert shown["meta"]["level"] == code
    assert run(["check", str(SEED), "--level", "县", "--format", "json"], tmp_path).exit_code == 1


def test_a_rule_can_be_looked_up_by_what_it_is_about(tmp_path):
    # a clerk remembers "民法典", not P403
    one = run(["rule", "民法典"], tmp_path)
    assert one.exit_code == 0 and one.stdout.startswith("# P403 civil-code-publicity-missing")
    several = run(["rule", "普法"], tmp_path)
    assert several.exit_code == 0 and several.stdout.startswith("提到“普法”的规则有 ")
    listed = [ln.split()[0] for ln in several.stdout.splitlines()[1:]]
    assert {"P401", "P405"} <= set(listed) and "{" not in several.stdout
    assert run(["rule", "enforcement-publicity-missing"], tmp_path).stdout.startswith("# E301")
    none = run(["rule", "火星"], tmp_path)
    assert none.exit_code == 2 and "没有规则 火星，也没有提到“火星”的规则" in none.stderr
    assert run(["rule", " "], tmp_path).exit_code == 2
