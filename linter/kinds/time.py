"""time: the report's own dates and years — deadlines, and title / body / plan years.

params:
  check: one of
    late-publication   dated on or after ``deadline`` (MM-DD, default 04-01) of the year after
                       the report year (督察规定 第二十四条: publish before 4月1日)
    late-submission    dated on or after ``deadline`` (default 03-01: submit before 3月1日) but
                       before ``until`` (default 04-01, where late-publication takes over)
    early-date         dated before the reported year is over
    no-date            no 成文日期 or signature date: the deadline cannot be checked
    body-year          the body's opening year, or the year in a measures / first-responsible-
                       person / shortcomings heading, differs from the title's year
    plan-year          a plan heading names a year other than the year after the report year

A bureau with an earlier local deadline sets ``deadline`` in its profile; no Python changes.

Checklist ``time.deadline`` (deadline checks only): present when dated before 3月1日 and
after the year ended; weak when dated in March or before the year ended; missing when dated
4月1日 or later; n/a when there is no known report year, and n/a noted "unknown" (shown as
未能判断) when the report's date was not found.

Message placeholders: {date}, {deadline}, {found} (the year or heading text), {expected}.
"""
from __future__ import annotations

import re

from ..text.dates import date_in
from ..document.result import Evidence, Observation

CHECKS = ("late-publication", "late-submission", "early-date", "no-date", "body-year", "plan-year")
_DEADLINES = ("late-publication", "late-submission", "early-date", "no-date")
_YEARS = re.compile(r"(20\d\d)\s*(?:年?\s*[-—–－~～至到]+\s*(20\d\d))?\s*年(?!\s*\d{1,2}\s*月\s*\d)")
_OPENING_YEAR = re.compile(r"^\s*(20\d\d)\s*年(?!\s*\d{1,2}\s*月)(?!\s*[-—–－~～至到])")
_TITLE_YEAR = re.compile(r"(20\d\d)\s*年")


_MONTH_DAY = re.compile(r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
# Defaults: 督察规定 — submit before 3月1日, publish before 4月1日 of the following year.
_DEFAULT_DEADLINE = {"late-publication": "04-01", "late-submission": "03-01"}
_DEFAULT_UNTIL = "04-01"


def validate(params: dict) -> list[str]:
    if params.get("check") not in CHECKS:
        return [f"time 规则的 check 应是 {' / '.join(CHECKS)} 之一"]
    problems = []
    for key in ("deadline", "until"):
        value = params.get(key)
        if value is not None and not (isinstance(value, str) and _MONTH_DAY.match(value)):
            problems.append(f"{key} 应写成“月-日”，如 03-01，得到 {value}")
    return problems


def _month_day_cn(month_day: str) -> str:
    month, day = month_day.split("-")
    return f"{int(month)}月{int(day)}日"


def check(analysis, rule):
    kind = rule.params["check"]
    if kind in _DEADLINES:
        return _deadline(analysis, rule, kind)
    if kind == "body-year":
        return _body_year(analysis, rule)
    return _plan_year(analysis, rule)


# -- deadlines -----------------------------------------------------------------------------

def _deadline(analysis, rule, kind):
    meta = analysis.meta
    year, date = analysis.year, meta.date
    if not date:       # not "does not apply": the date that would tell was not found
        out = [rule.diagnostic(_end_span(analysis))] if kind == "no-date" else []
        return out + _observe(rule, "n/a", note="unknown")
    if year is None or kind == "no-date":
        return _observe(rule, "n/a" if year is None else "present")
    nxt = year + 1
    span, line = _date_span(analysis, date)
    found = None
    limit = rule.params.get("deadline") or _DEFAULT_DEADLINE.get(kind, "")
    until = rule.params.get("until") or _DEFAULT_UNTIL
    if kind == "late-publication" and date >= f"{nxt}-{limit}":
        found, state, deadline = date, "missing", f"{nxt}年{_month_day_cn(limit)}"
    elif kind == "late-submission" and f"{nxt}-{limit}" <= date < f"{nxt}-{until}":
        found, state, deadline = date, "weak", f"{nxt}年{_month_day_cn(limit)}"
    elif kind == "early-date" and date < f"{nxt}-01-01":
        found, state, deadline = date, "weak", f"{year}年12月31日"
    if found is None:
        return _observe(rule, "present", line, analysis)
    d = rule.diagnostic(span, context=analysis.paragraph(line) if line else "", date=_cn_date(date),
                        deadline=deadline, year=year)
    return [d] + _observe(rule, state, line, analysis)


def _observe(rule, state, line=None, analysis=None, note=""):
    if not rule.checklist:
        return []
    evidence = []
    if line and analysis and state != "n/a":
        evidence = [Evidence(line, analysis.doc.line(line).norm.strip()[:80])]
    return [Observation(rule.checklist, state, evidence, note=note)]


def _cn_date(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{int(y)}年{int(m)}月{int(d)}日"


def _date_span(analysis, iso: str):
    """The line that carries the report's date (signature, else a 成文日期 field)."""
    doc = analysis.doc
    for ln in reversed(doc.lines):
        if not ln.stripped or len(ln.stripped) > 40:
            continue
        if date_in(ln.stripped) == iso or iso in ln.norm:
            return doc.line_span(ln.number), ln.number
    return analysis.title_span(), None


def _end_span(analysis):
    content = analysis.doc.content_lines()
    return analysis.doc.line_span(content[-1].number) if content else analysis.title_span()


# -- years ---------------------------------------------------------------------------------

def _title_year(analysis) -> int | None:
    title = analysis.meta.title
    m = _TITLE_YEAR.search(title or "")
    return int(m.group(1)) if m else None


def _years_in(text: str):
    """(first, last, match) for each year or year range named in a text."""
    for m in _YEARS.finditer(text):
        a = int(m.group(1))
        yield a, int(m.group(2)) if m.group(2) else a, m


def _body_year(analysis, rule):
    doc = analysis.doc
    out = []
    title_year = _title_year(analysis)
    if title_year is not None:
        last_title = max(analysis.meta.title_lines or [0])
        for ln in doc.lines[last_title: analysis.outline.body_start - 1]:
            if ln.chrome or not ln.stripped:
                continue
            m = _OPENING_YEAR.match(ln.norm)
            if m and int(m.group(1)) != title_year:
                start = doc.line_start(ln.number) + m.start(1)
                out.append(rule.diagnostic(doc.span(start, start + 4), context=analysis.paragraph(ln.number),
                                           found=m.group(1) + "年", expected=str(title_year), where="正文开头"))
            break
    year = analysis.year
    if year is None:
        return out
    for part in analysis.parts("measures", "frp", "shortcomings"):
        h = part.heading
        if h is None or part.combined or part.start != h.line:
            continue
        for a, b, m in _years_in(h.title):
            if not a <= year <= b:
                out.append(_heading_diag(analysis, rule, h, m, str(year), "部分标题"))
                break
    return out


def _plan_year(analysis, rule):
    year = analysis.year
    if year is None:
        return []
    out = []
    for part in analysis.parts("plan"):
        h = part.heading
        if h is None:
            continue
        years = list(_years_in(h.title))
        if not years or any(a <= year + 1 <= b for a, b, _ in years):
            continue
        out.append(_heading_diag(analysis, rule, h, years[0][2], str(year + 1), "工作安排标题"))
    return out


def _heading_diag(analysis, rule, h, m, expected, where):
    doc = analysis.doc
    line = doc.line(h.line)
    offset = line.norm.find(h.title)
    base = doc.line_start(h.line) + max(offset, 0)
    span = doc.span(base + m.start(), base + m.end()) if offset >= 0 else doc.line_span(h.line)
    return rule.diagnostic(span, context=analysis.paragraph(h.line), found=m.group(0).strip(),
                           expected=expected, where=where, year=analysis.year)
