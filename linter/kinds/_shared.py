"""Helpers several rule kinds use: compiled regexes, rule-parameter checks, observations,
phrase hits over the quote-free content, windows and anchors."""
from __future__ import annotations

import bisect
import functools
import re

from ..document.index import Hit
from ..document.result import Evidence, Observation
from ..text.sentences import PARAGRAPH_STOP, SENTENCE_STOP


@functools.lru_cache(maxsize=512)
def compiled(pattern: str) -> "re.Pattern[str]":
    return re.compile(pattern)


def regex_problems(params: dict, keys, label: str = "") -> list[str]:
    """Problems with regex parameters: not a string, or not a valid pattern (shared by the
    kinds that take regexes, so a bad rule fails at load time with the same wording)."""
    problems = []
    for key in keys:
        if not params.get(key):
            continue
        if not isinstance(params[key], str):
            problems.append(f"{label}{key} 应是正则表达式字符串")
            continue
        try:
            compiled(params[key])
        except re.error as exc:
            problems.append(f"{label}{key} 不是有效的正则表达式：{exc}")
    return problems


def bounded(rule, analysis) -> bool:
    """A rule limited to some report years cannot judge a report whose year is unknown."""
    return analysis.year is None and rule.years != (None, None)


def observe(rule, doc, lines) -> list:
    if not rule.checklist:
        return []
    if not lines:
        return [Observation(rule.checklist, "present")]
    lines = sorted(set(lines))[:5]
    return [Observation(rule.checklist, "weak", [Evidence(n, doc.line(n).norm.strip()[:80]) for n in lines])]


def not_applicable(rule) -> list:
    return [Observation(rule.checklist, "n/a")] if rule.checklist else []


def find(analysis, phrases) -> list[Hit]:
    """Every hit of a phrase list in the document content (quotes ignored), from the
    document index (one scan per document for every rule's phrases)."""
    if not phrases:
        return []
    return analysis.index.hits(phrases)


def without(hits: list[Hit], masks: list[Hit]) -> list[Hit]:
    """Hits not lying inside one of the masks (masks sorted once, each hit one bisection)."""
    if not masks:
        return hits
    ordered = sorted((m.start, m.end) for m in masks)
    starts = [a for a, _ in ordered]
    reach, best = [], -1                  # reach[i]: the furthest end among masks 0..i
    for _, b in ordered:
        best = max(best, b)
        reach.append(best)
    out = []
    for h in hits:
        i = bisect.bisect_right(starts, h.start)
        if not (i and reach[i - 1] >= h.end):
            out.append(h)
    return out


def part_of(analysis, line: int) -> str:
    kind = analysis.part_kind_at(line)
    if kind:
        return kind
    return "preamble" if line < analysis.outline.body_start else "measures"


def anchor(analysis, kinds):
    """The heading of the first part of the preferred kind, else the title line."""
    for kind in kinds:
        parts = [p for p in analysis.parts(kind) if not p.embedded] or analysis.parts(kind)
        if parts:
            return analysis.doc.line_span(parts[0].start)
    return analysis.title_span()


def sentence_around(analysis, start: int, end: int, stops: str = SENTENCE_STOP) -> tuple[int, int]:
    """The sentence (or paragraph) around content[start:end]: (first offset, end offset),
    from the document index's table of stops (two bisections, not a scan of the text)."""
    return analysis.index.bounds(start, end, stops)


def window_span(analysis, start: int, end: int, size: str = "sentence") -> tuple[int, int]:
    """Content offsets of the sentence (or paragraph) around start..end."""
    return analysis.index.bounds(start, end, PARAGRAPH_STOP if size == "paragraph" else SENTENCE_STOP)


def window(analysis, start: int, end: int, size: str = "sentence") -> str:
    a, b = window_span(analysis, start, end, size)
    return analysis.doc.content[a:b]


def with_severity(diag, severity: str | None):
    if severity:
        diag.severity = severity
    return diag


def heading_blocks(analysis) -> dict[int, int]:
    """Heading line -> last line of the text directly under it (up to the next heading)."""
    return analysis.heading_blocks
