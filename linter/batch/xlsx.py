"""``overview.xlsx``: the overview for Excel/WPS, one sheet per table, Chinese headers.

Sheets: 总览 (one row per report, one column per checklist item, ✓ △ ✗ — with coloured
cells), 问题 (one row per finding), 报送情况 (the roster: 已报送 / 逾期 / 未报送 / 无法读取 —
the table a 通报 is written from), 雷同 (copies), 上年安排落实 (last year's plan).

openpyxl in write-only mode: rows go to temporary files as they are added, so the 问题
sheet of a national folder streams (findings are added as each report is checked) and the
workbook is assembled on ``finish``.
"""
from __future__ import annotations

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Font, PatternFill

from ..vocab import LEVEL_LABELS as LEVEL_NAMES, SEVERITY_LABELS as SEVERITY_NAMES, STATE_LABELS as STATE_NAMES, \
    STATE_MARKS, checklist_label as label
from .html import ON_TIME

FILLS = {"present": "D6F5D6", "weak": "FFF0C2", "missing": "F9D0D0", "n/a": "F2F2F2", "unknown": "EFEAF8",
         "已报送": "D6F5D6", "逾期": "FFE0B3", "未报送": "F9D0D0", "无法读取": "F9D0D0"}
SHEETS = ("总览", "问题", "报送情况", "雷同", "上年安排落实")


def _clean(value):
    """Text XML cannot carry (control characters a file name or a roster may hold) is dropped:
    openpyxl refuses the whole workbook for one such character."""
    if isinstance(value, str) and ILLEGAL_CHARACTERS_RE.search(value):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


class OverviewWorkbook:
    def __init__(self, path: str):
        self.path = path
        self.book = Workbook(write_only=True)
        self.sheets = {name: self.book.create_sheet(name) for name in SHEETS}
        self._bold = Font(bold=True)
        self._fills = {k: PatternFill("solid", fgColor=v) for k, v in FILLS.items()}
        self._header("问题", ["单位", "文件", "行", "列", "级别", "代码", "规则", "问题", "检查项目"])
        self._saved = False

    def _cell(self, sheet: str, value, fill: str | None = None, bold: bool = False):
        cell = WriteOnlyCell(self.sheets[sheet], value=_clean(value))
        if fill in self._fills:
            cell.fill = self._fills[fill]
        if bold:
            cell.font = self._bold
        return cell

    def append_row(self, sheet: str, values: list) -> None:
        """One row of ``sheet``, its text cleaned of what XML cannot carry (see _clean)."""
        self.sheets[sheet].append([v if isinstance(v, Cell) else _clean(v) for v in values])

    def _header(self, sheet: str, names: list[str]) -> None:
        self.append_row(sheet, [self._cell(sheet, n, bold=True) for n in names])

    def add_findings(self, row, findings) -> None:
        name = row.issuer or ""
        for line, column, severity, code, rule, message, item in findings:
            self.append_row("问题", [name, row.path, line, column, SEVERITY_NAMES.get(severity, severity),
                                       code, rule, message, label(item) if item else ""])

    def finish(self, overview) -> None:
        items = overview.items
        self._header("总览", ["单位", "文件", "年度", "层级", "日期", "按时", "错误", "警告", "提示"]
                     + [label(i) for i in items])
        for r in overview.reports:
            if r.error:
                self.append_row("总览", [r.unit_name, r.path, None, None, None,
                                           self._cell("总览", "无法读取", "无法读取"), None, None, None,
                                           r.error["message"]])
                continue
            states = r.states()
            cells = [self._cell("总览", f"{STATE_MARKS[s]} {STATE_NAMES[s]}", s)
                     for s in (states.get(i, "n/a") for i in items)]
            self.append_row("总览", [r.unit_name, r.path, r.year, LEVEL_NAMES.get(r.level, r.level), r.date,
                                       self._cell("总览", ON_TIME[r.on_time], "逾期" if r.on_time is False else None),
                                       r.counts["error"], r.counts["warning"], r.counts["info"], *cells])
        self._header("报送情况", ["单位", "层级", "报送情况", "在名单内", "截止日期", "报告文件", "其他年度的报告"])
        for e in overview.roster:
            self.append_row("报送情况", [e["unit"] or "（未识别单位）", LEVEL_NAMES.get(e["level"], e["level"] or ""),
                                         self._cell("报送情况", e["status"], e["status"]),
                                         "是" if e["on_roster"] else "否", e["deadline"],
                                         "\n".join(e["reports"]), "\n".join(e["other_years"])])
        self._header("雷同", ["报告甲", "单位甲", "报告乙", "单位乙", "雷同比例", "类型", "相同段落数",
                             "相同段落（甲行—乙行：文字）"])
        for c in overview.copies:
            a, b = overview.reports[c["a_index"]], overview.reports[c["b_index"]]
            passages = "\n".join(f"{p['a_lines']['start']}-{p['a_lines']['end']} — {p['b_lines']['start']}-"
                                 f"{p['b_lines']['end']}：{p['text']}" for p in c["shared"][:30])
            self.append_row("雷同", [a.path, a.unit_name, b.path, b.unit_name, c["similarity"], c["kind_label"],
                                       len(c["shared"]), passages])
        self._header("上年安排落实", ["单位", "年度", "上年报告", "本年报告", "上年安排（行）", "上年安排",
                                  "落实情况", "本年报告中的依据"])
        for p in overview.promises:
            for item in p["items"]:
                state = "已落实" if item["state"] == "followed" else "未见落实"
                evidence = "\n".join(f"第{e['line']}行：{e['text']}" for e in item["evidence"])
                self.append_row("上年安排落实", [
                    p["unit"], p["year"], p["earlier"], p["later"], item["line"], item["text"],
                    self._cell("上年安排落实", state, "present" if item["state"] == "followed" else "missing"),
                    evidence])
        self.book.save(self.path)
        self._saved = True
