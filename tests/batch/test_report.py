"""fzlint report: a district bureau's folder, built here from the seeds.

The folder holds what a bureau meets every spring: a township's report (dated in time), a
neighbour's copy of it with the name swapped (dated late), a unit's report and its own
next-year report with the years moved on (and one plan item really carried out), a .docx,
a file that cannot be read, and two honest reports of other units. The roster names one
unit that sent nothing. Each is checked in overview.json, the spreadsheet (read back with
openpyxl) and the dashboard.
"""
from __future__ import annotations

import os
import sys

import json
import re

import openpyxl
import pytest

sys.path.insert(0, os.path.dirname(os.path.dirname(__file__)))
from cliutil import run  # noqa: E402
from fixtures import docx_plain, seed_lines, seed_text  # noqa: E402

CHANGSHENG = "长生桥镇"
DONE_LINE = "四是理顺部门职责。按照优化完善乡镇机构设置的实施方案，理顺镇属部门职责，做到定人定责。"
NEVER_DONE = "六是建成镇级无人机执法巡查平台。"


def _years_moved_on(text: str) -> str:
    return re.sub(r"20([0-4]\d)", lambda m: str(2000 + int(m.group(1)) + 1), text)


def build_folder(root):
    reports = root / "reports"
    reports.mkdir()
    jiguanshi = seed_text("002").rstrip() + "\n\n重庆市南岸区鸡冠石镇人民政府\n2025年2月20日\n"
    (reports / "南岸区鸡冠石镇2024年法治政府建设报告.txt").write_text(jiguanshi, encoding="utf-8")
    copy = jiguanshi.replace("鸡冠石", "长生桥").replace("2025年2月20日", "2025年3月10日")
    (reports / "长生桥镇2024年报告.txt").write_text(copy, encoding="utf-8")
    # 孙家镇: 2021, with one plan item nobody carries out; 2022, the same report moved on a
    # year with one of the 2021 plan items really done in its measures.
    lines = seed_lines("004")
    plan_at = next(i for i, ln in enumerate(lines) if ln.startswith("一是继续深入学习贯彻"))
    earlier = lines[:plan_at + 1] + [NEVER_DONE] + lines[plan_at + 1:]
    (reports / "孙家镇2021.txt").write_text("\n".join(earlier) + "\n", encoding="utf-8")
    later = [_years_moved_on(ln) for ln in earlier if ln != NEVER_DONE]
    measures_at = next(i for i, ln in enumerate(later) if ln.startswith("三是积极参与示范创建"))
    later.insert(measures_at + 1, DONE_LINE)
    (reports / "孙家镇2022.txt").write_text("\n".join(later) + "\n", encoding="utf-8")
    (reports / "中梁镇2021.docx").write_bytes(docx_plain(seed_lines("000")))
    (reports / "南岸区迎龙镇2024年报告.docx").write_bytes(b"this is not a Word file at all")
    for prefix in ("001", "003"):
        (reports / f"{prefix}.txt").write_text(seed_text(prefix), encoding="utf-8")
    roster = root / "units.csv"
    roster.write_text("unit,level,deadline\n南岸区鸡冠石镇,township,\n重庆市南岸区长生桥镇人民政府,township,\n"
                      "南岸区峡口镇,township,\n迎龙镇,township,\n", encoding="utf-8")
    return reports, roster


@pytest.fixture(scope="module")
def overview(tmp_path_factory):
    root = tmp_path_factory.mktemp("bureau")
    reports, roster = build_folder(root)
    out = root / "out"
    result = run(["report", "reports", "-o", "out", "--roster", "units.csv", "--for-year", "2024",
                  "--jobs", "2"], cwd=root)
    data = json.loads((out / "overview.json").read_text(encoding="utf-8"))
    return {"root": root, "out": out, "result": result, "json": data}


def _report(data, name):
    return next(r for r in data["reports"] if name in r["path"])


def _roster(data, unit):
    return next(r for r in data["roster"] if r["unit"] and unit in r["unit"])


def test_exit_code_and_summary_like_check(overview):
    # an unreadable file makes the run exit 2 (as check), yet every other file is reported
    assert overview["result"].exit_code == 2
    assert "南岸区迎龙镇2024年报告.docx" in overview["result"].output
    assert len(overview["json"]["reports"]) == 8
    # the closing line says which year its 报送 counts are of
    assert "8 份报告；2024 年度报送情况：已报送 1，逾期 1，未报送 1，无法读取 1；雷同 2 对" in overview["result"].output


def test_json_reports_fields(overview):
    data = overview["json"]
    docx = _report(data, "中梁镇2021.docx")
    assert docx["error"] is None and docx["year"] == 2021 and "中梁镇" in docx["unit"]
    assert docx["checklist"]["section.measures"] == "present"
    assert set(docx["counts"]) >= {"error", "warning", "info"}
    assert data["reports"][0]["path"].startswith("reports/")          # paths as check shows them
    on_time = _report(data, "鸡冠石镇2024")
    late = _report(data, "长生桥镇2024")
    assert on_time["date"] == "2025-02-20" and on_time["on_time"] is True
    assert late["date"] == "2025-03-10" and late["on_time"] is False
    unreadable = _report(data, "迎龙镇")
    assert unreadable["error"]["code"] in ("corrupt", "parse-failed")


def test_json_roster_statuses(overview):
    data = overview["json"]
    # the roster's short spelling matches the report's 重庆市南岸区鸡冠石镇人民政府
    assert _roster(data, "鸡冠石镇")["status"] == "已报送"
    assert _roster(data, "鸡冠石镇")["reports"] == ["reports/南岸区鸡冠石镇2024年法治政府建设报告.txt"]
    assert _roster(data, CHANGSHENG)["status"] == "逾期"
    assert _roster(data, "峡口镇")["status"] == "未报送" and _roster(data, "峡口镇")["reports"] == []
    assert _roster(data, "迎龙镇")["status"] == "无法读取"
    # units not on the roster are listed, not dropped
    off = {r["unit"] for r in data["roster"] if not r["on_roster"]}
    assert any("松源镇" in u for u in off) and any("庙坝镇" in u for u in off)
    assert data["summary"]["status"] == {"已报送": 1, "逾期": 1, "未报送": 1, "无法读取": 1}


def test_json_copies(overview):
    copies = overview["json"]["copies"]
    pairs = {(c["a"].split("/")[-1], c["b"].split("/")[-1]): c for c in copies}
    swapped = pairs.get(("南岸区鸡冠石镇2024年法治政府建设报告.txt", "长生桥镇2024年报告.txt")) or \
        pairs.get(("长生桥镇2024年报告.txt", "南岸区鸡冠石镇2024年法治政府建设报告.txt"))
    assert swapped and swapped["similarity"] >= 0.9 and swapped["kind"] == "other-unit"
    passage = swapped["shared"][0]
    assert passage["a_lines"]["start"] <= passage["a_lines"]["end"] and passage["b_lines"]["start"] >= 1
    assert passage["text"]
    own = pairs.get(("孙家镇2021.txt", "孙家镇2022.txt"))
    assert own and own["kind"] == "own-earlier" and own["similarity"] >= 0.8
    # honest reports of different units are not copies of anyone
    assert len(copies) == 2


def test_json_promises(overview):
    promises = overview["json"]["promises"]
    assert len(promises) == 1
    p = promises[0]
    assert "孙家镇" in p["unit"] and p["year"] == 2022 and p["earlier"].endswith("孙家镇2021.txt")
    done = next(i for i in p["items"] if "理顺部门职责" in i["text"])
    assert done["state"] == "followed"
    later_lines = (overview["root"] / "reports" / "孙家镇2022.txt").read_text(encoding="utf-8").splitlines()
    assert DONE_LINE in [later_lines[e["line"] - 1] for e in done["evidence"]]
    never = next(i for i in p["items"] if "无人机" in i["text"])
    assert never["state"] == "not-found" and never["evidence"] == []
    earlier_lines = (overview["root"] / "reports" / "孙家镇2021.txt").read_text(encoding="utf-8").splitlines()
    assert earlier_lines[never["line"] - 1] == NEVER_DONE


def test_xlsx_read_back(overview):
    book = openpyxl.load_workbook(overview["out"] / "overview.xlsx")
    assert book.sheetnames == ["总览", "问题", "报送情况", "雷同", "上年安排落实"]
    matrix = list(book["总览"].iter_rows(values_only=True))
    header = matrix[0]
    assert header[:6] == ("单位", "文件", "年度", "层级", "日期", "按时")
    docx_row = next(r for r in matrix[1:] if r[1].endswith("中梁镇2021.docx"))
    assert "中梁镇" in docx_row[0] and docx_row[2] == 2021 and docx_row[6] is not None
    unreadable_row = next(r for r in matrix[1:] if r[1].endswith("迎龙镇2024年报告.docx"))
    assert unreadable_row[5] == "无法读取"
    late_row = next(r for r in book["总览"].iter_rows(min_row=2) if "长生桥镇2024" in r[1].value)
    assert late_row[5].value == "逾期"
    causes = header.index("不足的原因分析")
    cell = next(r for r in book["总览"].iter_rows(min_row=2) if "孙家镇2021" in r[1].value)[causes]
    state = _report(overview["json"], "孙家镇2021")["checklist"]["section.causes"]
    assert cell.value.startswith({"missing": "✗", "weak": "△", "present": "✓"}[state])
    assert cell.fill.fgColor.rgb.endswith({"missing": "F9D0D0", "weak": "FFF0C2", "present": "D6F5D6"}[state])
    status = {r[0]: r[2] for r in book["报送情况"].iter_rows(min_row=2, values_only=True)}
    assert status["南岸区鸡冠石镇"] == "已报送" and status["南岸区峡口镇"] == "未报送"
    assert status["迎龙镇"] == "无法读取" and status["重庆市南岸区长生桥镇人民政府"] == "逾期"
    findings = list(book["问题"].iter_rows(min_row=2, values_only=True))
    total = sum(r["counts"]["error"] + r["counts"]["warning"] + r["counts"]["info"]
                for r in overview["json"]["reports"])
    assert len(findings) == total > 0
    copies = list(book["雷同"].iter_rows(min_row=2, values_only=True))
    assert len(copies) == 2 and all(c[4] >= 0.8 for c in copies)
    plans = list(book["上年安排落实"].iter_rows(min_row=2, values_only=True))
    assert any("无人机" in r[5] and r[6] == "未见落实" for r in plans)
    assert any("理顺部门职责" in r[5] and r[6] == "已落实" and "理顺部门职责" in r[7] for r in plans)


def test_dashboard_and_unit_pages(overview):
    out = overview["out"]
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "http://" not in page and "https://" not in page        # nothing fetched from the net
    for text in ("南岸区峡口镇", "未报送", "逾期", "无法读取", "<svg", "理顺部门职责", "中梁镇2021.docx"):
        assert text in page
    assert page.count('<tr data-search=') == 8
    # a copied passage and a plan item's evidence link to their lines on the unit pages
    assert re.search(r'href="units/\d{4}\.html#L\d+">甲第', page)
    assert re.search(r'href="units/\d{4}\.html#L\d+">第\d+行</a>：', page)
    assert "检查报告" not in overview["result"].output      # no progress bar off a terminal
    copy_page = next(p for p in (out / "units").glob("*.html")
                     if "长生桥镇2024年报告.txt" in p.read_text(encoding="utf-8").split("<h2>")[0])
    body = copy_page.read_text(encoding="utf-8")
    assert "雷同" in body and "鸡冠石镇" in body and "fz-has-findings" in body
    assert not list((out / "units").glob("*.part"))


def test_an_undated_report_is_unknown_on_time_not_not_applicable_in_every_view(overview):
    # 中梁镇's report has no date: whether it was on time cannot be told; the bureau must not
    # read "不适用" (as if the deadline did not apply to it)
    data = overview["json"]
    undated, dated = _report(data, "中梁镇2021.docx"), _report(data, "鸡冠石镇2024")
    assert undated["checklist"]["time.deadline"] == "n/a"                    # the contract's values
    assert undated["checklist_notes"] == {"time.deadline": "unknown"}
    assert dated["checklist_notes"] == {}
    page = (overview["out"] / "index.html").read_text(encoding="utf-8")
    row = next(r for r in page.split("<tr data-search=")[1:] if "中梁镇2021.docx" in r)
    cell = re.search(r'<td class="st st-unknown" data-item="time.deadline" data-state="unknown"[^>]*>([^<]*)</td>', row)
    assert cell and cell.group(1) == "？" and "未能判断" in page.split("<table")[0]
    book = openpyxl.load_workbook(overview["out"] / "overview.xlsx")
    header = next(book["总览"].iter_rows(max_row=1, values_only=True))
    values = next(r for r in book["总览"].iter_rows(min_row=2, values_only=True) if r[1].endswith("中梁镇2021.docx"))
    assert values[header.index("按时报送和公开")] == "？ 未能判断"
    unit = next(p for p in (overview["out"] / "units").glob("*.html")
                if "中梁镇2021.docx" in p.read_text(encoding="utf-8").split("<h2>")[0])
    body = unit.read_text(encoding="utf-8")
    assert 'class="fz-item fz-state-unknown" data-item="time.deadline"' in body


def test_cache_relints_only_changed_files(tmp_path):
    reports, roster = build_folder(tmp_path)
    first = run(["report", "reports", "-o", "out", "--jobs", "1"], cwd=tmp_path)
    assert "（0 份结果取自缓存）" in first.output
    again = run(["report", "reports", "-o", "out", "--jobs", "1"], cwd=tmp_path)
    assert "（7 份结果取自缓存）" in again.output          # all but the unreadable one
    edited = reports / "001.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n特此报告。\n", encoding="utf-8")
    third = run(["report", "reports", "-o", "out", "--jobs", "1"], cwd=tmp_path)
    assert "（6 份结果取自缓存）" in third.output
    fresh = run(["report", "reports", "-o", "out", "--jobs", "1", "--no-cache"], cwd=tmp_path)
    assert "（0 份结果取自缓存）" in fresh.output
    a = json.loads((tmp_path / "out" / "overview.json").read_text(encoding="utf-8"))
    assert len(a["reports"]) == 8


def test_report_bad_roster_is_one_line(tmp_path):
    (tmp_path / "r.txt").write_text(seed_text("000"), encoding="utf-8")
    (tmp_path / "units.csv").write_text("名称\n某镇\n", encoding="utf-8")
    result = run(["report", "r.txt", "-o", "out", "--roster", "units.csv"], cwd=tmp_path)
    assert result.exit_code == 2
    assert "units.csv" in result.output and "unit" in result.output and "Traceback" not in result.output


def test_a_roster_headed_in_chinese_and_saved_from_excel_as_gbk_reads_as_the_english_one(tmp_path):
    # Excel on a Chinese Windows saves "CSV" as GBK, and staff head the columns in Chinese
    (tmp_path / "r").mkdir()
    (tmp_path / "r" / "a.txt").write_text(seed_text("002"), encoding="utf-8")
    (tmp_path / "en.csv").write_text("unit,level,deadline\n南岸区鸡冠石镇,township,3月15日\n南岸区峡口镇,township,\n",
                                     encoding="utf-8")
    (tmp_path / "cn.csv").write_bytes("单位,层级,截止日期\r\n南岸区鸡冠石镇,乡镇,3月15日\r\n南岸区峡口镇,街道,\r\n"
                                      .encode("gbk"))
    rosters = {}
    for name in ("en", "cn"):
        result = run(["report", "r", "-o", f"out-{name}", "--roster", f"{name}.csv"], cwd=tmp_path)
        assert result.exit_code in (0, 1), result.output
        rosters[name] = json.loads((tmp_path / f"out-{name}" / "overview.json").read_text(encoding="utf-8"))["roster"]
    assert rosters["cn"] == rosters["en"]
    assert any(e["unit"] == "南岸区峡口镇" and e["level"] == "township" for e in rosters["cn"])   # 街道 is a township
    bad = tmp_path / "bad.csv"
    bad.write_text("单位,截止日期\n南岸区峡口镇,下个月\n", encoding="utf-8")
    result = run(["report", "r", "-o", "out-bad", "--roster", "bad.csv"], cwd=tmp_path)
    assert result.exit_code == 2 and "第 2 行的截止日期应为 YYYY-MM-DD 或 3月1日，得到 下个月" in result.output


def test_a_roster_kept_as_an_excel_workbook_is_read_with_its_title_row_and_date_cells(tmp_path):
    import datetime
    (tmp_path / "r").mkdir()
    (tmp_path / "r" / "a.txt").write_text(seed_text("002"), encoding="utf-8")
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["2024年度法治政府建设年度报告应报送单位名单"], [], ["序号", "单位", "层级", "截止日期"],
                [1, "南岸区鸡冠石镇", "乡镇", datetime.datetime(2025, 3, 15)], [2, "南岸区峡口镇", "街道", None]):
        sheet.append(row)
    book.save(tmp_path / "名单.xlsx")
    result = run(["report", "r", "-o", "out", "--roster", "名单.xlsx"], cwd=tmp_path)
    assert result.exit_code in (0, 1), result.output
    roster = json.loads((tmp_path / "out" / "overview.json").read_text(encoding="utf-8"))["roster"]
    named = {e["unit"]: e for e in roster if e["on_roster"]}
    assert set(named) == {"南岸区鸡冠石镇", "南岸区峡口镇"}
    assert named["南岸区鸡冠石镇"]["deadline"] == "2025-03-15" and named["南岸区峡口镇"]["level"] == "township"
    assert named["南岸区峡口镇"]["status"] == "未报送"


@pytest.mark.parametrize("name,content,message", [
    ("旧.xls", b"\xd0\xcf\x11\xe0 old excel", "不能读取旧版 Excel 文件（.xls）；请在 Excel 中另存为 .xlsx 或 CSV 后再试"),
    ("坏.xlsx", b"not a workbook", "单位名单不是有效的 .xlsx 文件"),
])
def test_a_roster_that_cannot_be_read_is_one_chinese_line(tmp_path, name, content, message):
    (tmp_path / "r.txt").write_text(seed_text("000"), encoding="utf-8")
    (tmp_path / name).write_bytes(content)
    result = run(["report", "r.txt", "-o", "out", "--roster", name], cwd=tmp_path)
    assert result.exit_code == 2 and f"{name}: {message}" in result.output and "Traceback" not in result.output


def test_a_roster_row_longer_than_its_header_is_read_not_a_traceback(tmp_path):
    (tmp_path / "r.txt").write_text(seed_text("000"), encoding="utf-8")
    (tmp_path / "units.csv").write_text("unit,level\n南岸区峡口镇,township,,备注\n", encoding="utf-8")
    result = run(["report", "r.txt", "-o", "out", "--roster", "units.csv"], cwd=tmp_path)
    assert result.exit_code in (0, 1), result.output
    roster = json.loads((tmp_path / "out" / "overview.json").read_text(encoding="utf-8"))["roster"]
    assert any(e["unit"] == "南岸区峡口镇" and e["on_roster"] for e in roster)


def test_check_jobs_same_output_in_input_order(tmp_path):
    for prefix in ("000", "001", "002", "003", "004"):
        (tmp_path / f"{prefix}.txt").write_text(seed_text(prefix), encoding="utf-8")
    one = run(["check", ".", "--format", "concise", "--jobs", "1"], cwd=tmp_path)
    two = run(["check", ".", "--format", "concise", "--jobs", "2"], cwd=tmp_path)
    assert one.output == two.output and one.exit_code == two.exit_code == 1
    files = [ln.split(":")[0] for ln in two.output.splitlines() if ln.endswith(("]", ")")) or ":" in ln]
    order = [f for i, f in enumerate(files) if f.endswith(".txt") and f not in files[:i]]
    assert order == sorted(order)
    bad = run(["check", ".", "--jobs", "0"], cwd=tmp_path)
    assert bad.exit_code == 2 and "--jobs" in bad.output


def test_outdir_inside_the_folder_is_not_read_as_reports(tmp_path):
    (tmp_path / "a.txt").write_text(seed_text("000"), encoding="utf-8")
    (tmp_path / "b.txt").write_text(seed_text("001"), encoding="utf-8")
    for _ in range(2):
        result = run(["report", ".", "-o", "overview", "--jobs", "1"], cwd=tmp_path)
        assert "2 份报告" in result.output
    data = json.loads((tmp_path / "overview" / "overview.json").read_text(encoding="utf-8"))
    assert [r["path"] for r in data["reports"]] == ["a.txt", "b.txt"]


def test_an_empty_folder_says_so_and_still_writes_an_empty_overview(tmp_path):
    (tmp_path / "空").mkdir()
    result = run(["report", "空", "-o", "out"], cwd=tmp_path)
    assert result.exit_code == 2
    assert "没有找到可检查的报告文件" in result.output
    assert "0 份报告；报送情况：—；雷同 0 对" in result.output and "报送报送" not in result.output
    assert json.loads((tmp_path / "out" / "overview.json").read_text(encoding="utf-8"))["reports"] == []


def test_a_control_character_in_a_file_name_does_not_lose_the_spreadsheet(tmp_path):
    # openpyxl refuses a whole workbook for one character XML cannot carry
    (tmp_path / "r").mkdir()
    (tmp_path / "r" / "中梁镇\x01报告.txt").write_text(seed_text("000"), encoding="utf-8")
    (tmp_path / "units.csv").write_text("unit\n中梁\x00镇\n", encoding="utf-8")
    result = run(["report", "r", "-o", "out", "--roster", "units.csv"], cwd=tmp_path)
    assert result.exit_code in (0, 1), result.output
    book = openpyxl.load_workbook(tmp_path / "out" / "overview.xlsx")
    paths = [r[1] for r in book["总览"].iter_rows(min_row=2, values_only=True)]
    assert paths == ["r/中梁镇报告.txt"]
    assert [r[0] for r in book["报送情况"].iter_rows(min_row=2, values_only=True)] == ["中梁镇"]


def test_a_csv_with_a_cell_beyond_the_csv_limit_is_one_line(tmp_path):
    (tmp_path / "r.txt").write_text(seed_text("000"), encoding="utf-8")
    (tmp_path / "units.csv").write_text('unit\n"' + "某" * 200_000 + "\n", encoding="utf-8")
    result = run(["report", "r.txt", "-o", "out", "--roster", "units.csv"], cwd=tmp_path)
    assert result.exit_code == 2 and "units.csv: 单位名单不是有效的 CSV 文件" in result.output
