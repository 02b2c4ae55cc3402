"""numbering: heading numbers and 一是/二是 runs that skip, repeat, go backwards or switch style.

Headings come from the outline (``structure``); siblings are the headings under one parent.
A number that seems missing but is present on a line the outline could not read as a
heading (a label alone on its line) is not reported.

params:
  check: skipped     a sibling number is skipped (一、 then 三、), or a list starts past 1
         order       a sibling number repeats or goes backwards
         style       siblings switch numbering style mid-sequence (（9） then （十）)
         enumeration 一是/二是 items within a part skip, repeat or go backwards
         separator   a heading number without its 、 (“一主要举措和成效”): safe fix inserts it
  repeat_message / backward_message: messages for those cases (``message`` is for a skip)

Placeholders: {found} (the offending label), {previous} (the label before it),
{expected} (the label that should stand there).
"""
from __future__ import annotations

import bisect
import re

from ..document.result import Edit, Fix
from ..text.numerals import chinese_numeral as cn
from ._shared import Checks

CHECKS = Checks("numbering")


def validate(params: dict) -> list[str]:
    return CHECKS.problems(params)


def label(style: str, n: int, like: str = "") -> str:
    """The label numbered ``n`` in a style; a decimal sub-item keeps the prefix of ``like``, a
    label of its list (1.3 → 1.2)."""
    if style == "arabic-decimal":
        head = re.match(r"\s*\d{1,2}[.．]", like)
        return f"{head.group(0).strip() if head else ''}{n}"
    return {"cn-dun": f"{cn(n)}、", "cn-bracket": f"【{cn(n)}】", "cn-paren": f"（{cn(n)}）", "arabic-dot": f"{n}.",
            "arabic-paren": f"（{n}）"}.get(style, str(n))


check = CHECKS.run


def _sibling_check(kind: str):
    """skipped / order / style read the same sibling groups; ``kind`` says what to look for."""
    def run(analysis, rule):
        out = []
        for parent, siblings in _groups(analysis.outline):
            out.extend(_siblings(analysis, rule, kind, parent, siblings))
        return out
    return run


def _groups(outline):
    yield None, outline.roots
    for h in outline.headings:
        if h.children:
            yield h, h.children


def _siblings(analysis, rule, kind, parent, siblings):
    p = rule.params
    numbered = [h for h in siblings if h.number is not None]
    out = []
    prev = None
    for h in numbered:
        if prev is None:
            after = parent.line if parent else analysis.outline.body_start - 1
            if kind == "skipped" and h.number > 1 and parent is not None \
                    and not _label_between(analysis, after, h.line, 1):
                out.append(_at(analysis, rule, h, None, label(h.style, 1, h.label)))
            prev = h
            continue
        step = h.number - prev.number
        if kind == "style" and _style(h) != _style(prev) and step == 1 \
                and not _continues_own_style(analysis.outline.headings, h):
            out.append(_at(analysis, rule, h, prev, label(prev.style, h.number, prev.label)))
        elif kind == "skipped" and step > 1 and not _label_between(analysis, prev.line, h.line, prev.number + 1):
            out.append(_at(analysis, rule, h, prev, label(prev.style, prev.number + 1, prev.label)))
        elif kind == "order" and step == 0:
            out.append(_at(analysis, rule, h, prev, label(prev.style, prev.number + 1, prev.label), p.get("repeat_message")))
        elif kind == "order" and step < 0 and h.number != 1:
            out.append(_at(analysis, rule, h, prev, label(prev.style, prev.number + 1, prev.label), p.get("backward_message")))
        prev = h
    return out


def _style(h) -> str:
    return "cn-dun" if h.style == "cn-bare" else h.style


def _continues_own_style(headings, h) -> bool:
    """Numbering that runs on across parts in its own style (1. 2. under （一）, 3. under
    （二）) is a consistent style, even when the outline hangs 3. beside （二）."""
    before = [o for o in headings if o.line < h.line and _style(o) == _style(h) and o.number is not None]
    return bool(before) and before[-1].number == h.number - 1


def _label_between(analysis, first: int, last: int, number: int) -> bool:
    """Does a line strictly between first and last start with this number as a label?"""
    token = f"(?:{cn(number)}|{number})"
    pattern = re.compile(rf"^\s*(?:（\s*{token}\s*）|{token}\s*[、．.，])")
    doc = analysis.doc
    return any(pattern.match(doc.line(n).norm) for n in range(first + 1, last))


def _at(analysis, rule, h, prev, expected, message=None):
    doc = analysis.doc
    line = doc.line(h.line)
    start = doc.line_start(h.line) + (len(line.norm) - len(line.norm.lstrip()))
    span = doc.span(start, start + len(h.label)) if h.label else doc.line_span(h.line)
    return rule.diagnostic(span, message, context=analysis.paragraph(h.line), found=h.label,
                           previous=prev.label if prev else "", expected=expected)


# -- 一是/二是 -------------------------------------------------------------------------------

def _enumerations(analysis, rule):
    p = rule.params
    doc = analysis.doc
    outline = analysis.outline
    heading_lines = {h.line for h in outline.headings}
    # (sorted once: whether a heading lies between two items is one bisection, not a scan of
    # every heading for every item — quadratic on a long report)
    ordered = sorted(heading_lines)
    out = []
    last = None     # (number, line, offset) of the run's last item
    for line in sorted(outline.enumerations):
        if line in heading_lines or (last and _heading_between(ordered, last[1], line)):
            last = None
        for number, offset in outline.enumerations[line]:
            if number == 0:
                continue
            if number == 1:
                last = (1, line, offset)
                continue
            if last is None:
                if number == 2 and not _run_on_before(doc, line, offset, 1):
                    out.append(_enum_at(analysis, rule, line, offset, number, None, None))
                last = (number, line, offset)
                continue
            prev = last[0]
            if number == prev + 1:
                pass
            elif number > prev + 1:
                if not all(_run_on_between(doc, last, (line, offset), k) for k in range(prev + 1, number)):
                    out.append(_enum_at(analysis, rule, line, offset, number, prev, None))
            elif number == prev:
                out.append(_enum_at(analysis, rule, line, offset, number, prev, p.get("repeat_message")))
            else:
                out.append(_enum_at(analysis, rule, line, offset, number, prev, p.get("backward_message")))
            last = (number, line, offset)
    return out


def _heading_between(ordered: list[int], a: int, b: int) -> bool:
    """Whether a heading line lies strictly between lines a and b (``ordered``: sorted lines)."""
    i = bisect.bisect_right(ordered, a)
    return i < len(ordered) and ordered[i] < b


def _run_on_between(doc, a, b, k) -> bool:
    """Is item k written between items a and b, only not recognised (no punctuation before it)?"""
    (_, line_a, off_a), (line_b, off_b) = a, b
    word = f"{cn(k)}是"
    if line_a == line_b:
        return word in doc.line(line_a).norm[off_a + 2: off_b]
    return word in doc.line(line_a).norm[off_a + 2:] or word in doc.line(line_b).norm[:off_b]


def _run_on_before(doc, line, offset, k) -> bool:
    return f"{cn(k)}是" in doc.line(line).norm[:offset]


def _enum_at(analysis, rule, line, offset, number, prev, message):
    doc = analysis.doc
    start = doc.line_start(line) + offset
    found = f"{cn(number)}是"
    expected = f"{cn((prev or 0) + 1)}是"
    return rule.diagnostic(doc.span(start, start + len(found)), message, context=analysis.paragraph(line),
                           found=found, previous=f"{cn(prev)}是" if prev else "", expected=expected)


# -- 一主要举措和成效 ------------------------------------------------------------------------

def _separators(analysis, rule):
    doc = analysis.doc
    out = []
    for h in analysis.outline.headings:
        if h.style != "cn-bare" or h.number is None:
            continue
        line = doc.line(h.line)
        start = doc.line_start(h.line) + (len(line.norm) - len(line.norm.lstrip()))
        span = doc.span(start, start + len(h.label))
        fix = Fix([Edit(span.line, span.end_column, span.line, span.end_column, "、")], safe=True,
                  description=f"在“{h.label}”后加“、”")
        out.append(rule.diagnostic(span, fix=fix, context=analysis.paragraph(h.line), found=h.label + h.title[:8],
                                   expected=f"{h.label}、{h.title[:8]}"))
    return out


# -- the built-in checks, by the name a rule gives (``fzlint rule CODE`` shows the text) ----
CHECKS.register("skipped", "同级序号跳号（一、之后是三、），或不从一开始")(_sibling_check("skipped"))
CHECKS.register("order", "同级序号重复或倒退")(_sibling_check("order"))
CHECKS.register("style", "同级序号中途换了写法（（9）之后是（十））")(_sibling_check("style"))
CHECKS.register("enumeration", "同一部分内“一是/二是”跳号、重复或倒退")(_enumerations)
CHECKS.register("separator", "标题序号后缺“、”（可安全补上）")(_separators)
