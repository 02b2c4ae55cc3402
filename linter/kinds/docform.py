r"""docform: the form of the report as a 公文 — its title and its 成文日期 (GB/T 9704—2012).

params:
  check: one of
    title          the title names the issuing unit, the year and the document type
    no-title       the report has no title line at all (a web copy often loses it: keep it soft)
    document-type  the document is another kind of paper (工作总结, 述法报告, 工作要点 …) rather
                   than the annual report on 法治政府建设
    date-format    the 成文日期 (the date line of the 落款, or the date line under the title) is
                   not written "2025年1月6日": Arabic numerals, the full year, no leading zeros
    run-in         part headings run into one paragraph after other sentences ("…成效。二、存在的
                   不足…"): the line breaks were lost in copying, and the outline, which reads a
                   heading at the start of a line, cannot tell the parts apart
  unit:      (title) regex for the issuer's name (a place or a body), searched in the part of the
             title before 关于 / the subject
  year:      (title) regex for the year
  report:    (title, document-type) regex for the annual report's own document type
  types:     (document-type) {name: regex} of the other kinds of paper; the first that
             matches the title (and ``report`` does not) is {found}

  heading:   (run-in) regex for a heading that opens after a sentence's end, group 1 its
             number ("[。；！？]\s*([一二三四五六七八九十]{1,2}、)")
  min_headings: (run-in) how many such headings one line must hold (default 2: one could be a
             heading the writer set after a colon)

Message placeholders: {found}, {missing} (title), {expected} (date-format), {count} (run-in).
"""
from __future__ import annotations

import re

from ..document.result import Edit, Fix
from ..text.dates import date_in
from ._shared import Checks, compiled, regex_problems

CHECKS = Checks("docform")
_CORRECT_DATE = re.compile(r"20\d\d\s*年\s*[1-9]\d?\s*月\s*[1-9]\d?\s*日")
_ANY_DATE = re.compile(
    r"(?:(?:19|20)?\d\d|[二〇○零Ｏ一三四五六七八九]{2,4})\s*年\s*[0-9一二三四五六七八九十]{1,3}\s*月\s*[0-9一二三四五六七八九十]{1,3}\s*日"
    r"|20\d\d\s*[-/.．]\s*\d{1,2}\s*[-/.．]\s*\d{1,2}\s*日?"
    r"|20\d\d\s*年\s*\d{1,2}\s*月(?!\s*[\d一二三四五六七八九十])")
_ISO = re.compile(r"(20\d\d)\s*[-/.．]\s*(\d{1,2})\s*[-/.．]\s*(\d{1,2})")
_SUBJECT_START = re.compile(r"关于|法治|依法")
_MONTH_ONLY = re.compile(r"(20\d\d)\s*年\s*(\d{1,2})\s*月")
_TWO_DIGIT = re.compile(r"^(\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def validate(params: dict) -> list[str]:
    problems = CHECKS.problems(params)
    if problems:
        return problems
    problems = regex_problems(params, ("unit", "year", "report", "heading"))
    if params.get("check") == "run-in" and not params.get("heading"):
        problems.append("check: run-in 需要 heading 正则")
    types = params.get("types", {})
    if not isinstance(types, dict):
        problems.append("types 应是 名称: 正则 的映射")
    else:
        problems += regex_problems(types, tuple(types), "types 的 ")
    return problems


check = CHECKS.run


def _with_title(function):
    """The title checks read the title line first; the check gets it with its line number."""
    return lambda analysis, rule: function(analysis, rule, *_title(analysis))


def _title(analysis) -> tuple[str | None, int | None]:
    """The title as metadata reads it, else the first short line before the body (a 工作要点
    or 述法报告 has a title the metadata does not take for a report's)."""
    meta = analysis.meta
    if meta.title:
        return meta.title, meta.title_lines[0]
    for ln in analysis.doc.lines[: max(analysis.outline.body_start - 1, 0)][:8]:
        text = ln.stripped
        if ln.chrome or not text:
            continue
        if len(text) <= 60 and not re.search(r"[。；：，]", text):
            return text, ln.number
        break
    return None, None


def _document_type(analysis, rule, title, line):
    p = rule.params
    if not title or compiled(p["report"]).search(title):
        return []
    for name, pattern in p.get("types", {}).items():
        if compiled(pattern).search(title):
            return [rule.diagnostic(analysis.doc.line_span(line), context=title, found=name, title=title)]
    return []


def _title_parts(analysis, rule, title, line):
    p = rule.params
    if rule.params["check"] == "no-title":
        return [rule.diagnostic(analysis.title_span())] if title is None else []
    if title is None:
        return []
    if not compiled(p["report"]).search(title):
        return []                      # another kind of paper: the document-type rule says so
    prefix = _SUBJECT_START.split(title, 1)[0]     # the unit comes before 关于 / the subject
    missing = [label for label, key, text in (("发文单位", "unit", prefix), ("年度", "year", title),
                                               ("文种（报告）", "report", title))
               if not compiled(p[key]).search(text)]
    if not missing:
        return []
    return [rule.diagnostic(analysis.doc.line_span(line), context=title, found=title, missing="、".join(missing))]


def _date_lines(analysis):
    """Lines that hold only the report's 成文日期: the last short lines, and the line right
    under the title (“（2022年1月26日）”)."""
    doc = analysis.doc
    content = [ln for ln in doc.lines if not ln.chrome and ln.stripped]
    lines = content[-4:]
    if analysis.meta.title_lines:
        below = [ln for ln in content if ln.number > max(analysis.meta.title_lines)][:1]
        lines = below + lines
    seen = set()
    for ln in lines:
        if ln.number in seen or len(ln.stripped) > 24:
            continue
        seen.add(ln.number)
        m = _ANY_DATE.search(ln.norm)
        rest = (ln.norm[: m.start()] + ln.norm[m.end():]) if m else ""
        if m and not re.sub(r"[\s（）()]", "", rest):
            yield ln, m


def _canonical(text: str) -> str | None:
    month_only = _MONTH_ONLY.fullmatch(text)
    if month_only:                     # the day is missing: say so with a placeholder, never a guess
        return f"{int(month_only.group(1))}年{int(month_only.group(2))}月×日"
    iso = date_in(text)
    if iso is None:
        m = _ISO.search(text) or _TWO_DIGIT.search(text)
        if not m:
            return None
        y, mo, d = m.groups()
        iso = f"{int(y) + 2000 if len(y) == 2 else int(y):04d}-{int(mo):02d}-{int(d):02d}"
    y, mo, d = (int(x) for x in iso.split("-"))
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y}年{mo}月{d}日"


def _date_format(analysis, rule):
    doc = analysis.doc
    out = []
    for ln, m in _date_lines(analysis):
        found = m.group(0).strip()
        if _CORRECT_DATE.fullmatch(found):
            continue
        expected = _canonical(found)
        start = doc.line_start(ln.number) + m.start()
        span = doc.span(start, start + len(m.group(0).rstrip()))
        fix = None
        if expected:
            fix = Fix([Edit(span.line, span.column, span.end_line, span.end_column, expected)], safe=False,
                      description=f"“{found}”改为“{expected}”")
        out.append(rule.diagnostic(span, fix=fix, context=analysis.paragraph(ln.number), found=found,
                                   expected=expected or "××××年×月×日"))
    return out


def _run_in(analysis, rule):
    """The first line holding ``min_headings`` headings or more after sentence ends."""
    pattern = compiled(rule.params["heading"])
    least = rule.params.get("min_headings", 2)
    doc = analysis.doc
    for ln in doc.content_lines():
        found = list(pattern.finditer(ln.norm))
        if len(found) >= least:
            first = doc.line_start(ln.number) + found[0].start(1)
            numbers = "、".join(f"“{m.group(1)}”" for m in found[:3])
            return [rule.diagnostic(doc.span(first, first + len(found[0].group(1))),
                                    context=analysis.paragraph(ln.number), found=numbers, count=len(found))]
    return []


# -- the built-in checks, by the name a rule gives (``fzlint rule CODE`` shows the text) ----
CHECKS.register("title", "标题写明发文单位、年度和文种")(_with_title(_title_parts))
CHECKS.register("no-title", "报告没有标题")(_with_title(_title_parts))
CHECKS.register("document-type", "文种不是年度报告（工作总结、述法报告、工作要点等）")(
    _with_title(_document_type))
CHECKS.register("date-format", "成文日期写法不规范（应为阿拉伯数字、年份写全、不编虚位，如2025年1月6日）")(
    _date_format)
CHECKS.register("run-in", "各部分标题连在同一段里（复制时丢失了分段）")(_run_in)
