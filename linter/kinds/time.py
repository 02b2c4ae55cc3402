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
                       person / shortcomings heading, differs from the report year
    plan-year          a plan heading names a year other than the year after the report year

The report year these two compare with is the title's — unless every other place (the
opening, the part headings, the plan heading's year minus one; two places at least) names
one other year: then the title is the likely slip, and body-year reports one finding at the
title (``title_message``) instead of one per line. A place that disagrees with the others
is reported with ``minority_message`` when given ({agree}: the places that agree).

A bureau with an earlier local deadline sets ``deadline`` in its profile; no Python changes.

Checklist ``time.deadline`` (deadline checks only): present when dated before 3月1日 and
after the year ended; weak when dated in March or before the year ended; missing when dated
4月1日 or later; n/a when there is no known report year, and n/a noted "unknown" (shown as
未能判断) when the report's date was not found.

Message placeholders: {date}, {deadline}, {found} (the year or heading text), {expected},
{where} (the place), {agree} (the places naming the report year).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.dates import date_in
from ..document.result import Evidence, Observation
from ._shared import Checks

CHECKS = Checks("time")
# (one \s* between a year and its 年 whichever way the range is left out: two in a row, as in
# …(20\d\d))?\s*年, split a run of spaces after a year n ways, quadratic in a heading's gap)
_YEARS = re.compile(r"(20\d\d)\s*(?:(?:年\s*)?[-—–－~～至到]+\s*(20\d\d)\s*)?年(?!\s*\d{1,2}\s*月\s*\d)")
_OPENING_YEAR = re.compile(r"^\s*(20\d\d)\s*年(?!\s*\d{1,2}\s*月)(?!\s*[-—–－~～至到])")
_TITLE_YEAR = re.compile(r"(20\d\d)\s*年")


_MONTH_DAY = re.compile(r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
# Defaults: 督察规定 — submit before 3月1日, publish before 4月1日 of the following year.
_DEFAULT_DEADLINE = {"late-publication": "04-01", "late-submission": "03-01"}
_DEFAULT_UNTIL = "04-01"


def validate(params: dict) -> list[str]:
    problems = CHECKS.problems(params)
    for key in ("deadline", "until"):
        value = params.get(key)
        if value is not None and not (isinstance(value, str) and _MONTH_DAY.match(value)):
            problems.append(f"{key} 应写成“月-日”，如 03-01，得到 {value}")
    return problems


def _month_day_cn(month_day: str) -> str:
    month, day = month_day.split("-")
    return f"{int(month)}月{int(day)}日"


check = CHECKS.run


def _deadline_check(kind: str):
    """The four date checks read the same date and year; ``kind`` says which limit applies."""
    return lambda analysis, rule: _deadline(analysis, rule, kind)


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


@dataclass
class _Place:
    """One place that names the report year: the title, the body's opening, a part heading,
    the plan heading (whose year, minus one, is the report year)."""
    where: str
    year: int              # the report year this place implies
    span: object
    found: str
    line: int
    shift: int = 0         # the plan heading names year + 1
    last: int | None = None   # a range (2025—2027年) implies year..last

    def fits(self, year: int) -> bool:
        return self.year <= year <= (self.last if self.last is not None else self.year)


def _places(analysis) -> list[_Place]:
    doc = analysis.doc
    out = []
    title_year = _title_year(analysis)
    if title_year is not None and analysis.meta.title_lines:
        n = analysis.meta.title_lines[0]
        for ln in analysis.meta.title_lines:
            m = _TITLE_YEAR.search(doc.line(ln).norm)
            if m:
                n = ln
                start = doc.line_start(ln) + m.start(1)
                out.append(_Place("标题", title_year, doc.span(start, start + 4), m.group(1) + "年", n))
                break
    last_title = max(analysis.meta.title_lines or [0])
    for ln in doc.lines[last_title: analysis.outline.body_start - 1]:
        if ln.chrome or not ln.stripped:
            continue
        m = _OPENING_YEAR.match(ln.norm)
        if m:
            start = doc.line_start(ln.number) + m.start(1)
            out.append(_Place("正文开头", int(m.group(1)), doc.span(start, start + 4), m.group(1) + "年", ln.number))
        break
    for kind, where, shift in (("measures", "部分标题", 0), ("frp", "部分标题", 0),
                               ("shortcomings", "部分标题", 0), ("plan", "工作安排标题", 1)):
        for part in analysis.parts(kind):
            h = part.heading
            if h is None or (kind != "plan" and (part.combined or part.start != h.line)):
                continue
            years = list(_years_in(h.title))
            if not years:
                continue
            a, b, m = years[0]
            out.append(_Place(where, a - shift, _heading_span(analysis, h, m), m.group(0).strip(), h.line, shift,
                              b - shift if b != a else None))
    return out


def year_reading(analysis) -> tuple[int | None, list[_Place]]:
    """The report year the places agree on, and the places. The title decides unless every
    other place (two at least) names one other year — then the title is the likely slip —
    or the user gave the year."""
    return analysis.index.remember("year-reading", lambda: _year_reading(analysis))


def _year_reading(analysis) -> tuple[int | None, list[_Place]]:
    places = _places(analysis)
    year = analysis.year
    title = [p for p in places if p.where == "标题"]
    others = [p for p in places if p.where != "标题" and p.last is None]
    if analysis.meta.year_source != "override" and title and len(others) >= 2 \
            and len({p.year for p in others}) == 1 and others[0].year != title[0].year:
        year = others[0].year
    elif title and analysis.meta.year_source != "override":
        year = title[0].year
    return year, places


def _names(places) -> str:
    seen = []
    for p in places:
        if p.where not in seen:
            seen.append(p.where)
    return "、".join(seen)


def _body_year(analysis, rule):
    year, places = year_reading(analysis)
    if year is None:
        return []
    out = []
    agree = [p for p in places if p.fits(year)]
    for p in places:
        if p.fits(year) or p.shift:
            continue
        if p.where == "标题":
            message = rule.params.get("title_message")
        else:
            message = rule.params.get("minority_message") if agree else None
        out.append(rule.diagnostic(p.span, message, context=analysis.paragraph(p.line), found=p.found,
                                   expected=str(year), where=p.where, agree=_names(agree) or "其他各处",
                                   year=year))
    return out


def _plan_year(analysis, rule):
    year, places = year_reading(analysis)
    if year is None:
        return []
    return [rule.diagnostic(p.span, context=analysis.paragraph(p.line), found=p.found, expected=str(year + 1),
                            where=p.where, year=year)
            for p in places if p.shift and not p.fits(year)]


def _heading_span(analysis, h, m):
    doc = analysis.doc
    line = doc.line(h.line)
    offset = line.norm.find(h.title)
    base = doc.line_start(h.line) + max(offset, 0)
    return doc.span(base + m.start(), base + m.end()) if offset >= 0 else doc.line_span(h.line)


# -- the built-in checks, by the name a rule gives (``fzlint rule CODE`` shows the text) ----
CHECKS.register("late-publication", "落款日期晚于公开期限（次年4月1日）")(_deadline_check("late-publication"))
CHECKS.register("late-submission", "落款日期晚于报送期限（3月1日），但在公开期限内")(_deadline_check("late-submission"))
CHECKS.register("early-date", "落款日期早于所报告年度结束")(_deadline_check("early-date"))
CHECKS.register("no-date", "没有成文日期或落款日期，无法核对期限")(_deadline_check("no-date"))
CHECKS.register("body-year", "正文开头或部分标题的年份与报告年度不一致")(_body_year)
CHECKS.register("plan-year", "工作安排标题的年份不是报告年度的下一年")(_plan_year)
