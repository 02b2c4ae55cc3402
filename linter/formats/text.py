"""The clerk's view: per file, a one-screen checklist, then the findings, in Chinese."""
from __future__ import annotations

from ..vocab import SEVERITY_LABELS as _SEVERITY, SHOWN_STATES, STATE_LABELS as _STATE, STATE_MARKS as _MARK, \
    checklist_label as label, level_label
from ._paths import display_path



def _paint(text: str, color: str, options) -> str:
    if not options.color:
        return text
    from colorama import Fore, Style
    return getattr(Fore, color) + text + Style.RESET_ALL


_STATE_COLOR = {"present": "GREEN", "weak": "YELLOW", "missing": "RED", "n/a": "WHITE", "unknown": "YELLOW"}
_SEV_COLOR = {"error": "RED", "warning": "YELLOW", "info": "CYAN"}


def item(r, options, n: int = 0) -> str:
    return "\n".join(_file(r, options)) + "\n"


def tail(totals, options) -> str:
    s = totals.counts
    out = [f"共检查 {s['files']} 个文件：错误 {s['errors']} 个，警告 {s['warnings']} 个，"
           f"提示 {s['infos']} 个" + (f"，无法读取 {s['unreadable']} 个" if s["unreadable"] else "")
           + (f"，{totals.not_reports} 个看起来不是年度报告" if totals.not_reports else "")
           + (f"，已豁免 {s['suppressed']} 个" if s["suppressed"] else "") + "。"]
    if totals.hidden:
        out.append(f"另有 {totals.hidden} 个级别较低的问题未显示（--min-severity）；去掉这个选项可以看到全部问题。")
    if totals.fixable:
        out.append(f"其中 {totals.fixable} 个标有［可自动修复］，可用 fzlint check --fix 自动修改（.txt/.md 文件）。")
    return "\n".join(out) + "\n"


def _checklist(checklist, options) -> list[str]:
    """One screen: the items grouped by state, worst first, each group wrapped."""
    groups = {state: [] for state in SHOWN_STATES}
    for item, entry in checklist.items():
        where = f"（第{entry.evidence[0].line}行）" if entry.evidence and entry.state == "weak" else ""
        groups[entry.shown_state].append(label(item) + where)
    counts = "，".join(f"{_MARK[s]} {_STATE[s]} {len(v)} 项" for s, v in groups.items() if v)
    out = [f"   检查清单（{counts}）："]
    for state, names in groups.items():
        if not names:
            continue
        head = f"     {_paint(_MARK[state], _STATE_COLOR[state], options)} {_STATE[state]}："
        for i, chunk in enumerate(_wrap(names, _WRAP_CHARS)):
            out.append((head if i == 0 else " " * 7 + "　" * (len(_STATE[state]) + 1)) + chunk)
    return out


_WRAP_CHARS = 34  # Chinese characters per line: fits an 80-column terminal


def _wrap(names: list[str], width: int) -> list[str]:
    lines, current = [], ""
    for name in names:
        piece = name if not current else "、" + name
        if current and len(current) + len(piece) > width:
            lines.append(current + "、")
            current = name
        else:
            current += piece
    if current:
        lines.append(current)
    return lines


def _file(r, options) -> list[str]:
    path = display_path(r.path, options.base)
    if r.error:
        return [_paint(f"{path}: 无法读取：{r.error['message']}", "RED", options), ""]
    m = r.meta or {}
    out = [_paint(f"== {path}", "CYAN", options),
           f"   报告：{m.get('title') or '（未识别标题）'}",
           f"   单位：{m.get('issuer') or '未识别'}  年度：{m.get('report_year') or '未识别'}  "
           f"层级：{level_label(m.get('level'))}  规则集：{m.get('ruleset')}"]
    if not m.get("report_like", True):
        out.insert(1, _paint("   注意：这个文件看起来不是法治政府建设年度报告，下面的检查结果仅供参考，"
                             "检查清单不计入统计", "YELLOW", options))
    for notice in r.notices:
        out.append(f"   注意：{notice}")
    if m.get("report_like", True):
        out.extend(_checklist(r.checklist or {}, options))
    active = [d for d in r.diagnostics if options.show_suppressed or not d.suppressed]
    if active:
        out.append("   问题：")
    # errors first, then warnings, then hints; by position within each group
    for severity in ("error", "warning", "info"):
        group = [d for d in active if d.severity == severity]
        if group:
            out.append(f"   {_paint(_SEVERITY[severity], _SEV_COLOR[severity], options)}（{len(group)} 个）：")
        out.extend(line for d in group for line in _finding(d, path, options))
    out.append("")
    return out


def _finding(d, path: str, options) -> list[str]:
    out = []
    sev = _paint(_SEVERITY[d.severity], _SEV_COLOR[d.severity], options)
    tag = "［已豁免］" if d.suppressed else ""
    fixable = "［可自动修复］" if d.fix is not None and d.fix.safe and not d.suppressed else ""
    out.append(f"     {path}:{d.line}:{d.column}  {d.code} {sev}{tag}{fixable} {d.message}")
    if d.suggestion:
        out.append(f"         建议：{d.suggestion}")
    if d.fix is not None and not d.fix.safe and d.fix.edits:
        what = d.fix.description or "、".join(f"“{e.text}”" for e in d.fix.edits if e.text) or "删除"
        out.append(f"         可改为（需人工确认，不会自动修改）：{what}")
    if d.basis:
        out.append(f"         依据：{d.basis}")
    if d.suppressed and d.waiver:
        out.append(f"         豁免：{d.waiver.get('justification', '')}（有效期至 {d.waiver.get('expires', '')}）")
    return out


def render(results, options=None) -> str:
    """The whole output for a list of results (the format also streams: see formats/__init__)."""
    from . import render as render_all
    return render_all("text", results, options)
