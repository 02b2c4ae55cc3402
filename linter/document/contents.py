"""Recognise a table of contents (目录) before the report's body.

Some reports list their parts before the body — under a 目录 line, or as a bare block of
headings between the title and the salutation — and a Word table of contents adds dot
leaders and page numbers. Read as headings, such a block makes every part after the first
look empty and puts the findings on missing items at the list instead of the body. Its lines
are marked like page chrome: no rule reads them as report text.

A block is a contents list when it is a run of consecutive heading lines with no text of
their own (no paragraph after a heading sentence), holding at least two parts' headings, and
either it follows a 目录 line or its first heading is typed again later in the report — a
real part heading followed at once by the next one never recurs.
"""
from __future__ import annotations

import re

# "目录", "目　录", "目 录：" on a line of its own
# (one \s* on each side of the optional colon: \s*[:：]?\s* split a run of spaces n ways)
_CONTENTS_LINE = re.compile(r"^\s*目\s*录\s*(?:[:：]\s*)?$")
# a Word table of contents' dot leader before its page number: "一、主要举措和成效……………3", "…\t3"
_LEADER = " \t\u3000.．·…_—-"
_TOP_RANKS = (0, 1)         # 第一部分 / 一、: the numbering of a report's parts
# A contents list sits between the title (or a cover block) and the salutation: only runs
# starting among the first lines are tried, so a report of a thousand headings costs one
# scan for the recurrence, not one per run.
_SEARCHED_LINES = 30


def _without_page_number(text: str) -> str:
    """The line without a trailing page number set off by a leader or a space. (Cut from the
    right by hand: a pattern anchored at the end is still tried from every position, and a
    line of 30,000 spaces made that quadratic.)"""
    body = text.rstrip()
    digits = len(body) - len(body.rstrip("0123456789"))
    if not 1 <= digits <= 3:
        return text
    head = body[:-digits]
    kept = head.rstrip(_LEADER)
    return kept if kept and len(kept) < len(head) else text


def _entry(text: str, number: int):
    """The heading a contents line names (page number cut), or None."""
    from .outline import find_heading  # late import: the outline module imports Document
    heading = find_heading(_without_page_number(text), number)
    return heading if heading is not None and not heading.inline_body else None


def _key(heading) -> tuple:
    return heading.style, heading.number, re.sub(r"\s", "", heading.title)


def mark_contents(lines) -> None:
    """Mark the lines of a table of contents, and the 目录 line above it, as chrome."""
    candidates = [ln for ln in lines if not ln.chrome and ln.norm.strip()]
    i = 0
    while i < min(len(candidates), _SEARCHED_LINES):
        run = []
        while i + len(run) < len(candidates):
            ln = candidates[i + len(run)]
            entry = _entry(ln.norm, ln.number)
            if entry is None:
                break
            run.append((ln, entry))
        if len(run) < 2 or sum(1 for _, h in run if h.rank in _TOP_RANKS) < 2:
            i += max(1, len(run))
            continue
        before = candidates[i - 1] if i > 0 else None
        titled = before is not None and _CONTENTS_LINE.match(before.norm) is not None
        if titled or _recurs(run[0][1], candidates[i + len(run):]):
            for ln, _ in run:
                ln.chrome = True
            if titled:
                before.chrome = True
            return              # a report has one table of contents
        i += len(run)


def _recurs(first, rest) -> bool:
    """Whether the run's first heading is typed again later (the body's own heading, which
    may run on into its paragraph)."""
    from .outline import find_heading
    key, opener = _key(first), first.label[:1]
    for ln in rest:
        if ln.norm.lstrip()[:1] != opener:      # (a heading test only for lines opening alike)
            continue
        heading = find_heading(ln.norm, ln.number)
        if heading is not None and _key(heading) == key:
            return True
    return False
