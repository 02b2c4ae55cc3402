"""HTML fragments for one checked report: what the tool understood, the checklist, and the
report's own text with every finding highlighted where it is and explained beside it.

Pure functions returning HTML strings (no page, no server, no script): the clerk's web page
(``linter.frontends.web``) and the district overview (``linter.batch``) embed them. Every piece
of report or rule text goes through ``html.escape``, so nothing a report says becomes markup.

Ids inside a fragment: line *n* of the report is ``{id_prefix}L{n}``, finding *i* (its index in
``result.diagnostics``) is ``{id_prefix}F{i}``; a page holding several reports gives each its
own prefix. Checklist links point at those ids. Classes start with ``fz-``; the look is in
``report_html.css`` (``stylesheet()``), including print rules and the severity filter: a
container with class ``fz-hide-error`` / ``fz-hide-warning`` / ``fz-hide-info`` hides those
findings and their highlights.
"""
from __future__ import annotations

import functools
from html import escape
from pathlib import Path
from typing import Mapping, Sequence

from ..document.result import Diagnostic, FileResult
from ..errors import FzlintError
from ..vocab import (SEVERITY_LABELS, SEVERITY_RANK, SHOWN_STATES, STATE_LABELS, STATE_MARKS, UNKNOWN,
                     checklist_label, level_label)

STATE_ORDER = SHOWN_STATES   # as the text output groups the checklist

__all__ = ["meta_html", "checklist_html", "report_text_html", "rule_docs", "stylesheet",
           "line_id", "finding_id", "STATE_ORDER"]


def _e(value) -> str:
    return escape("" if value is None else str(value), quote=True)


def line_id(n: int, id_prefix: str = "") -> str:
    return f"{id_prefix}L{n}"


def finding_id(i: int, id_prefix: str = "") -> str:
    return f"{id_prefix}F{i}"


# -- what the tool understood ------------------------------------------------------------

def meta_html(result: FileResult) -> str:
    """A ``<dl>`` of title, unit, year, level and rule set as the tool read them."""
    m = result.meta or {}
    year = m.get("report_year")
    rows = [("报告标题", m.get("title") or "（未识别标题）"),
            ("报告单位", m.get("issuer") or UNKNOWN),
            ("报告年度", f"{year}年" if year else UNKNOWN),
            ("单位层级", level_label(m.get("level"))),
            ("规则集", m.get("ruleset") or "—")]
    items = "".join(f'<dt>{_e(k)}</dt><dd data-field="{_e(f)}">{_e(v)}</dd>'
                    for (k, v), f in zip(rows, ("title", "issuer", "year", "level", "ruleset")))
    notices = "".join(f'<p class="fz-notice">注意：{_e(n)}</p>' for n in result.notices)
    return f'<dl class="fz-meta">{items}</dl>{notices}'


# -- the checklist -----------------------------------------------------------------------

def checklist_html(result: FileResult, *, id_prefix: str = "") -> str:
    """The checklist grouped by state (✗ 缺失, △ 较弱, ？ 未能判断, ✓ 已写明, — 不适用), each item linked
    to its place: the finding about it when there is one, else the first line that shows it."""
    groups: dict[str, list[str]] = {s: [] for s in STATE_ORDER}
    first_finding = _first_finding_per_item(result)
    for item, entry in (result.checklist or {}).items():
        target, where = None, ""
        if item in first_finding:
            target = finding_id(first_finding[item], id_prefix)
        elif entry.evidence and entry.state != "n/a":
            target = line_id(entry.evidence[0].line, id_prefix)
        if entry.evidence and entry.state == "weak":
            where = f'<span class="fz-where">（第{entry.evidence[0].line}行）</span>'
        name = _e(checklist_label(item))
        body = f'<a href="#{_e(target)}">{name}</a>' if target else f"<span>{name}</span>"
        state = entry.shown_state
        groups.setdefault(state, []).append(
            f'<li class="fz-item fz-state-{_e(state)}" data-item="{_e(item)}">{body}{where}</li>')
    counts = "，".join(f"{STATE_MARKS[s]} {STATE_LABELS[s]} {len(v)} 项" for s, v in groups.items() if v)
    out = [f'<section class="fz-checklist" aria-label="检查清单"><h2>检查清单'
           f'<small class="fz-counts">（{_e(counts)}）</small></h2>']
    for state, items in groups.items():
        if not items:
            continue
        out.append(f'<div class="fz-group fz-state-{_e(state)}"><h3><span class="fz-mark">'
                   f'{_e(STATE_MARKS.get(state, ""))}</span> {_e(STATE_LABELS.get(state, state))}'
                   f'（{len(items)} 项）</h3><ul>{"".join(items)}</ul></div>')
    out.append("</section>")
    return "".join(out)


def _first_finding_per_item(result: FileResult) -> dict[str, int]:
    found: dict[str, int] = {}
    for i, d in enumerate(result.diagnostics):
        if d.checklist and not d.suppressed:
            found.setdefault(d.checklist, i)
    return found


# -- the report's text with findings -------------------------------------------------------

def report_text_html(lines: Sequence[str] | object, result: FileResult, *, id_prefix: str = "",
                     rule_docs: Mapping[str, str] | None = None,
                     include_suppressed: bool = False) -> str:
    """The report line by line (``lines``: the user-visible line texts, or a ``Document``),
    each finding's characters highlighted and the finding explained beside its first line:
    code, severity, message, suggestion, basis, and the rule's page (``rule_docs``: code ->
    ``fzlint rule`` text) in a ``<details>``. Findings whose line is not in the text are
    listed first."""
    texts = _texts(lines)
    chrome = _chrome_lines(lines)
    shown = [(i, d) for i, d in enumerate(result.diagnostics) if include_suppressed or not d.suppressed]
    on_line: dict[int, list[tuple[int, Diagnostic]]] = {}
    spans: dict[int, list[tuple[int, int, int, Diagnostic]]] = {}
    general = []
    for i, d in shown:
        if not 1 <= d.line <= len(texts):
            general.append((i, d))
            continue
        on_line.setdefault(d.line, []).append((i, d))
        for n in range(d.line, min(max(d.end_line, d.line), len(texts)) + 1):
            start = d.column - 1 if n == d.line else 0
            end = d.end_column - 1 if n == d.end_line else len(texts[n - 1])
            spans.setdefault(n, []).append((start, end, i, d))
    out = ['<section class="fz-report" aria-label="报告正文">']
    if general:
        out.append('<div class="fz-general"><h3>全文的问题</h3>'
                   + "".join(_finding(i, d, id_prefix, rule_docs) for i, d in general) + "</div>")
    for n, text in enumerate(texts, start=1):
        classes = "fz-line" + (" fz-blank" if not text.strip() else "") + (" fz-chrome" if n in chrome else "")
        notes = on_line.get(n, [])
        if notes:
            classes += " fz-has-findings " + " ".join(sorted({f"fz-has-{d.severity}" for _, d in notes}))
        out.append(f'<div class="{classes}" id="{_e(line_id(n, id_prefix))}">'
                   f'<span class="fz-ln">{n}</span>'
                   f'<div class="fz-tx">{_highlight(text, spans.get(n, []), id_prefix)}</div>')
        if notes:
            out.append('<div class="fz-notes">' + "".join(_finding(i, d, id_prefix, rule_docs) for i, d in notes)
                       + "</div>")
        out.append("</div>")
    out.append("</section>")
    return "".join(out)


def _texts(lines) -> list[str]:
    if hasattr(lines, "lines"):                       # a Document
        return [ln.text for ln in lines.lines]
    return [str(t) for t in lines]


def _chrome_lines(lines) -> set[int]:
    if hasattr(lines, "lines"):
        return {ln.number for ln in lines.lines if getattr(ln, "chrome", False)}
    return set()


def _highlight(text: str, spans, id_prefix: str) -> str:
    """Cut the line at every span boundary; each piece covered by findings becomes one
    ``<mark>`` naming them (overlapping findings need no nested marks)."""
    if not spans:
        return _e(text)
    size = len(text)
    cuts = {0, size}
    clipped = []
    for start, end, i, d in spans:
        start, end = max(0, min(start, size)), max(0, min(end, size))
        if end <= start:                          # an empty range: mark the character at it
            end = min(start + 1, size)
            start = max(0, end - 1)
        if end > start:
            clipped.append((start, end, i, d))
            cuts.update((start, end))
    points = sorted(cuts)
    out = []
    for a, b in zip(points, points[1:]):
        covering = [(i, d) for start, end, i, d in clipped if start <= a and b <= end]
        piece = _e(text[a:b])
        if not covering:
            out.append(piece)
            continue
        worst = max((d.severity for _, d in covering), key=lambda s: SEVERITY_RANK.get(s, 0))
        sevs = " ".join(sorted({f"fz-sev-{d.severity}" for _, d in covering}))
        ids = " ".join(finding_id(i, id_prefix) for i, _ in covering)
        tip = "；".join(f"{d.code} {d.message}" for _, d in covering)
        out.append(f'<mark class="fz-hl fz-worst-{_e(worst)} {_e(sevs)}" data-findings="{_e(ids)}" '
                   f'title="{_e(tip)}">{piece}</mark>')
    return "".join(out)


def _finding(i: int, d: Diagnostic, id_prefix: str, rule_docs: Mapping[str, str] | None) -> str:
    parts = [f'<article class="fz-finding fz-sev-{_e(d.severity)}{" fz-suppressed" if d.suppressed else ""}" '
             f'id="{_e(finding_id(i, id_prefix))}" data-code="{_e(d.code)}">'
             f'<header><span class="fz-code">{_e(d.code)}</span> '
             f'<span class="fz-sev">{_e(SEVERITY_LABELS.get(d.severity, d.severity))}</span>'
             + (' <span class="fz-tag">已豁免</span>' if d.suppressed else "")
             + f' <span class="fz-pos">第{d.line}行第{d.column}字</span></header>'
             f'<p class="fz-msg">{_e(d.message)}</p>']
    if d.suggestion:
        parts.append(f'<p class="fz-sug">建议：{_e(d.suggestion)}</p>')
    if d.fix is not None and d.fix.edits:
        what = d.fix.description or "、".join(f"“{e.text}”" for e in d.fix.edits if e.text) or "删除"
        parts.append(f'<p class="fz-fix">可改为：{_e(what)}</p>')
    if d.basis:
        parts.append(f'<p class="fz-basis">依据：{_e(d.basis)}</p>')
    doc = (rule_docs or {}).get(d.code)
    if doc:
        parts.append(f'<details class="fz-rule"><summary>规则说明（fzlint rule {_e(d.code)}）</summary>'
                     f'<pre>{_e(doc)}</pre></details>')
    parts.append("</article>")
    return "".join(parts)


# -- helpers for callers -----------------------------------------------------------------

def rule_docs(result: FileResult) -> dict[str, str]:
    """code -> the ``fzlint rule CODE`` page for every rule that has a finding in ``result``."""
    from ..engine.ruleset import DEFAULT_RULESET, load_ruleset
    from .ruledoc import render_rule
    codes = {d.code for d in result.diagnostics}
    if not codes:
        return {}
    try:
        ruleset = load_ruleset((result.meta or {}).get("ruleset") or DEFAULT_RULESET)
    except FzlintError:
        return {}
    return {r.code: render_rule(r) for r in ruleset.rules if r.code in codes}


@functools.lru_cache(maxsize=1)
def stylesheet() -> str:
    """The CSS these fragments are drawn with (screen and print)."""
    return (Path(__file__).with_name("report_html.css")).read_text(encoding="utf-8")
