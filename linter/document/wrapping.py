"""Lines of a copy out of a PDF, broken at the page's width.

A report copied out of a PDF (into a .txt, or onto a web page) keeps the printed line breaks:
a paragraph arrives as lines of one width, broken mid-word (法治建 / 设). The outline must not
read such a line as a heading standing alone, and the text must be read across the breaks:
the line's break to the next one is soft (``soft_breaks``), and ``Document.content`` joins
the two without a newline.
"""
from __future__ import annotations

import re
from collections import Counter

from ..text.width import display_width

# What a line ends on when its paragraph or sentence ends there: the break after it is real.
_ENDS = "。；！？：:;!?"
# A line that opens a numbered part or sub-item starts anew, whatever the line above it ends on.
_OPENS_ITEM = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|第[一二三四五六七八九十]{1,3}部分)")


def wrapped_lines(lines) -> frozenset[int]:
    """Lines of a copy out of a PDF, broken at the page's width: every full line has the same
    display width (a CJK character counts two), so a line of that width is a piece of a
    paragraph, never a heading standing alone ("县政府主要负责同志切实履行推进法治建设第一责任人" / "职责，…")."""
    lines = [ln for ln in lines if not ln.chrome and ln.text.strip()]
    # (a printed line is at most a page wide: longer lines are paragraphs, not measured; and
    # first, by length alone, whether most lines are about as long — a web copy's are not)
    short = [ln for ln in lines if len(ln.text) <= 120]
    if len(short) < max(8, 0.4 * len(lines)):
        return frozenset()
    common = Counter(len(ln.text.rstrip()) for ln in short).most_common(1)[0][0]
    if sum(1 for ln in short if abs(len(ln.text.rstrip()) - common) <= 4) < 0.4 * len(lines):
        return frozenset()
    widths = {ln.number: display_width(ln.text.rstrip()) for ln in short}
    # (most lines of a copy are full ones, 40 columns or more — a report's short theme lines of
    # one width are not; a half-width digit makes a full line a column short: a band of widths)
    width = Counter(widths.values()).most_common(1)[0][0]
    full = sum(1 for w in widths.values() if width - 2 <= w <= width + 1)
    if width < 40 or full < max(5, 0.4 * len(lines)):
        return frozenset()
    return frozenset(number for number, w in widths.items() if w >= width - 2)


def soft_breaks(lines, wrapped: frozenset[int]) -> frozenset[int]:
    """The wrapped lines whose break to the next line is soft: the line does not end a
    sentence, and the next line is report text too (not chrome, not blank, not a numbered
    heading) that goes on where this one stops (no spaces at the join: an indented line opens a
    paragraph)."""
    by_number = {ln.number: ln for ln in lines}
    soft = []
    for number in wrapped:
        ln, after = by_number[number], by_number.get(number + 1)
        text = ln.norm
        if (text and text == text.rstrip() and text[-1] not in _ENDS and after is not None and not after.chrome
                and after.norm and after.norm == after.norm.lstrip() and not _OPENS_ITEM.match(after.norm)):
            soft.append(number)
    return frozenset(soft)
