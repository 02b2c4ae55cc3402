"""Helpers several rule kinds use: compiled regexes, rule-parameter checks, observations,
phrase hits over the quote-free content, windows and anchors."""
from __future__ import annotations

import bisect
import functools
import re

from ..document.index import Hit
from ..document.result import Evidence, Observation
from ..text.phrases import QUOTES, compile_phrases, literal_scanner
from ..text.sentences import PARAGRAPH_STOP, SENTENCE_STOP
from . import _concepts as concepts_


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


# The helpers below take the Analysis (its document index answers from tables built once
# per report) or, for callers that only have it, the Document (each call scans the text).

def _indexed(source) -> bool:
    return hasattr(source, "index")


def quote_free(doc) -> tuple[str, list[int] | None]:
    """doc.content without quotation marks, and a map from its offsets to content offsets
    (None when the content has no quotes). Built once per document."""
    if _indexed(doc):
        return doc.index.quote_free                # cached on the document's index
    content = doc.content                          # a bare Document (tests, old callers): uncached
    if not any(c in QUOTES for c in content):
        return content, None
    keep = [i for i, c in enumerate(content) if c not in QUOTES]
    text = "".join(content[i] for i in keep)
    keep.append(len(content))
    return text, keep


def _hit(origin, start: int, end: int, key: str) -> Hit:
    """A match in the quote-free view as a hit in doc.content."""
    if origin is None:
        return Hit(start, end, key)
    return Hit(origin[start], origin[end - 1] + 1, key)


def find(doc, phrases) -> list[Hit]:
    """Every hit of a phrase list in the document content (quotes ignored; ``@name``
    entries are lists of the shared reading vocabulary, rules/data/reading.yaml)."""
    phrases = concepts_.expand(phrases)
    if not phrases:
        return []
    if _indexed(doc):
        return doc.index.hits(phrases)
    text, origin = quote_free(doc)
    return [_hit(origin, m.start(), m.end(), m.group(0))
            for m in compile_phrases(phrases).finditer(text) if m.end() > m.start()]


def find_within(doc, phrases, low: int, high: int) -> list[Hit]:
    """``find`` for the hits that start in content[low:high + 1] (a part of the report)."""
    phrases = concepts_.expand(phrases)
    if not phrases:
        return []
    if _indexed(doc):
        return doc.index.hits_within(phrases, low, high)
    return [h for h in find(doc, phrases) if low <= h.start <= high]


def literals_in(source, words: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """(start, end, word) of literals in the user's own text (quotes kept), leftmost-longest:
    from the index's one scan of the rule set's raw vocabulary when there is an index."""
    if _indexed(source):
        return source.index.literals(words)
    return literal_scanner(words)(source.content)


def find_concepts(doc, concepts, role: str = "phrase") -> list[Hit]:
    """Hits of a rule's two-part concepts that count as ``role`` (phrase / sufficient)."""
    wanted = [c for c in concepts or () if c.get("as", "phrase") == role]
    if not wanted:
        return []
    text, origin = quote_free(doc)
    if not _indexed(doc):
        return [_hit(origin, a, b, key) for c in wanted for a, b, key in concepts_.concept_matches(text, c)]
    index = doc.index
    units = index.remember("concept-units", lambda: concepts_.Units(
        None, index.quote_free_stops(concepts_.CLAUSE_STOPS), index.quote_free_stops(concepts_.SENTENCE_STOPS),
        index.quote_free_stops(concepts_.PERIOD_STOPS)))

    def indexed(text, phrases):              # the index's spans of the list, as matches()
        return [(a, b, text[a:b]) for a, b in index.spans(concepts_.expand(phrases))]

    return [_hit(origin, a, b, key) for c in wanted
            for a, b, key in concepts_.concept_matches(text, c, units, find=indexed)]


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


def part_kinds(analysis) -> list[str]:
    """``part_of`` for every line, by line number (index 0 unused): asked for every hit of
    every topic rule, read from a list built once per report."""
    return analysis.index.remember("part-kinds", lambda: [""] + [
        part_of(analysis, n) for n in range(1, len(analysis.doc.lines) + 1)])


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


# The stop characters that end each size of window.
WINDOW_STOPS = {"clause": concepts_.CLAUSE_STOPS, "sentence": SENTENCE_STOP, "paragraph": PARAGRAPH_STOP}


def window_span(doc, start: int, end: int, size: str = "sentence") -> tuple[int, int]:
    """Content offsets of the clause, sentence or paragraph around start..end."""
    if _indexed(doc):
        return doc.index.bounds(start, max(end, start), WINDOW_STOPS[size])
    text = doc.content
    if size == "clause":
        return concepts_.clause_bounds(text, start, end)
    if size == "paragraph":
        a = text.rfind("\n", 0, start) + 1
        b = text.find("\n", end)
    else:
        a = max(text.rfind(c, 0, start) for c in SENTENCE_STOP) + 1
        ends = [i for i in (text.find(c, end) for c in SENTENCE_STOP) if i != -1]
        b = min(ends) if ends else -1
    return a, (b if b != -1 else len(text))


def window(doc, start: int, end: int, size: str = "sentence") -> str:
    a, b = window_span(doc, start, end, size)
    return (doc.doc if _indexed(doc) else doc).content[a:b]


def with_severity(diag, severity: str | None):
    if severity:
        diag.severity = severity
    return diag


def heading_blocks(analysis) -> dict[int, int]:
    """Heading line -> last line of the text directly under it (up to the next heading)."""
    return analysis.heading_blocks


class Checks:
    """A kind's named built-in checks. A rule picks one by name (``check: NAME`` in its YAML,
    or another key such as ``mode``); each is a function ``(analysis, rule)`` registered with
    ``CHECKS.register("name", "what it finds")`` (the text ``fzlint rule CODE`` shows).
    One way throughout: no kind dispatches on a parameter with its own if/elif chain."""

    def __init__(self, kind: str, key: str = "check", default: str | None = None):
        self.kind, self.key, self.default = kind, key, default
        self.functions: dict = {}
        self.docs: dict[str, str] = {}

    def register(self, name: str, doc: str = ""):
        def add(function):
            self.functions[name] = function
            self.docs[name] = doc or " ".join((function.__doc__ or "").split())
            return function
        return add

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self.functions)

    def chosen(self, params: dict) -> str | None:
        return params.get(self.key, self.default)

    def problems(self, params: dict) -> list[str]:
        """The rule's choice is missing or unknown (checked when the rule loads)."""
        if self.chosen(params) not in self.functions:
            return [f"{self.kind} 规则的 {self.key} 应是 {' / '.join(self.functions)} 之一"]
        return []

    def run(self, analysis, rule):
        return self.functions[self.chosen(rule.params)](analysis, rule)

    def doc(self, params: dict) -> str:
        """What the chosen check finds, in one line."""
        return self.docs.get(self.chosen(params), "")
