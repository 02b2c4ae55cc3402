"""The per-document index every kind shares, built once per analysed report.

Kinds ask three questions over and over: where do these phrases occur, which sentence (or
paragraph) holds this offset, which figures does this text state. Asked naively, each
question is a scan of the whole text, and a report is checked by some 80 rules. The index
answers them from tables built once:

- **phrases**: one Aho-Corasick scan (pyahocorasick) of the quote-free text for the rule
  set's whole vocabulary (every plain phrase of every rule), kept as phrase → occurrences;
  a phrase list is then answered from those occurrences, leftmost-longest, exactly as a
  longest-first regex alternation would answer it. Lists with ``re:`` entries, phrases
  outside the vocabulary, or a missing pyahocorasick fall back to that alternation (one
  scan per list, cached).
- **sentences**: the offsets of the stop characters, so a sentence's bounds are two
  bisections instead of a ``find``/``rfind`` over the text per stop character.
- **quote-free view**: the content without quotation marks and 《》, with the map back.
- **literals in the user's own text**: one more Aho-Corasick scan, of the content with its
  quotes, for the rule set's raw vocabulary (the typo rules' wrong and allowed forms, the
  substitute rules' terms), so each of those rules' lists is answered without a scan of
  its own.

Everything is in offsets of ``Document.content``. The API for kinds:
``hits(phrases) -> list[Hit]``, ``occurrences(phrase) -> list[(start, end)]``,
``literals(words) -> list[(start, end, word)]``,
``bounds(start, end, stops) -> (a, b)``, ``sentence(offset)`` / ``paragraph(offset)``.
"""
from __future__ import annotations

import bisect
import functools
from bisect import bisect_left
import re
from itertools import chain
from typing import NamedTuple
from functools import cached_property

from ..text import literals
from ..text.phrases import (QUOTE_CHAR, QUOTE_RUN, compile_phrases, find_all, leftmost_longest_spans, literal_scanner,
                            occurrences_by_phrase, strip_quotes)
from ..text.sentences import CONTINUES, CLAUSE_STOP, PARAGRAPH_STOP as PARAGRAPH_STOPS, SENTENCE_STOP as SENTENCE_STOPS, stop_class

_CLAUSE_STOP_SET = frozenset(CLAUSE_STOP)
_CLAUSE_STOP_RUN = stop_class(CLAUSE_STOP)


_PAIRED = (("“", "”"), ("《", "》"), ("（", "）"), ("「", "」"))


class Hit(NamedTuple):
    """One phrase hit (a tuple: made by the thousand per report, cheaply)."""

    start: int      # offsets in doc.content
    end: int
    key: str        # the matched text without quotes (for counting distinct phrases)

    def text(self, doc) -> str:
        """The hit as a finding quotes it. Hits are read with quotation marks ignored, so one can
        stop inside a title it opened (学习《…宪法 → 学习《…宪法修正案》): the quote runs on to
        the closing mark when it comes within a few characters of the same sentence."""
        content, end = doc.content, self.end
        for opening, closing in _PAIRED:
            text = content[self.start:end]
            if opening in text and text.count(opening) > text.count(closing):
                at = content.find(closing, end, end + 30)
                if at != -1 and not any(c in content[end:at] for c in "。；！？\n"):
                    end = at + 1
        return content[self.start:end]


def vocabulary_of(lists) -> frozenset[str]:
    """The plain phrases (quotes stripped) of some phrase lists, and the literals their
    ``re:`` entries are filtered by: what the index scans for."""
    plain = frozenset(strip_quotes(p) for phrases in lists for p in phrases
                      if isinstance(p, str) and p and not p.startswith("re:") and strip_quotes(p))
    regexes = {tuple(p[3:] for p in phrases if isinstance(p, str) and p.startswith("re:")) for phrases in lists}
    each = {r for group in regexes for r in group}        # (FirstOf looks for each regex's own)
    return plain | frozenset(lit for r in regexes if r for lit in literals.prefilter_literals(_regex_only(r))) \
        | frozenset(lit for r in each for lit in literals.prefilter_literals(re.compile(r)))


@functools.lru_cache(maxsize=4096)
def _split(phrases: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    """A list's plain phrases (without quotes) and its regexes (``re:`` entries)."""
    plain = frozenset(q for q in (strip_quotes(p) for p in phrases if not p.startswith("re:")) if q)
    return plain, tuple(p[3:] for p in phrases if p.startswith("re:"))


@functools.lru_cache(maxsize=512)
def _regex_only(regexes: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(f"(?:{r})" for r in regexes))


@functools.lru_cache(maxsize=512)
def _alternatives(regexes: tuple[str, ...]) -> tuple[re.Pattern, ...] | None:
    """A list's regexes compiled one by one, for ``literals.FirstOf``; None for a single
    regex, or when one has a backreference (joined, its number names another group: the
    joined alternation is what is matched then)."""
    if len(regexes) < 2:
        return None
    compiled = tuple(re.compile(r) for r in regexes)
    return None if any(literals.refers_back(p) for p in compiled) else compiled


def _with_regexes(text: str, starts: list[tuple[int, int]], regexes: tuple[str, ...], occurrences=None):
    """The hits of ``re:`` entries followed by plain phrases, as their alternation gives them
    (at each position a regex first, else the longest phrase), without scanning the text
    once per list for the plain part: the regexes' next match is searched only when the
    scan has passed the last one. None when a regex matches empty (then the alternation
    itself decides). ``occurrences``: the scan's occurrences of the literals the regexes are
    filtered by (``literals.Occurrences``), so they are not searched for again."""
    pattern = _regex_only(regexes)
    if not literals.may_match(pattern, text, occurrences):  # no literal the regexes need: the phrases alone
        return leftmost_longest_spans(starts)
    alternatives = _alternatives(regexes)
    # (searched near its literals only: each regex near its own, when they can be told apart)
    rx = (literals.FirstOf(alternatives, text, occurrences) if alternatives
          else literals.Scanner(pattern, text, occurrences))
    spans, pos, i, found, exhausted = [], 0, 0, None, False
    while True:
        if not exhausted and (found is None or found.start() < pos):
            found = rx.search(pos)
            exhausted = found is None          # no match from here on: never search again
        while i < len(starts) and starts[i][0] < pos:
            i += 1
        q = starts[i][0] if i < len(starts) else None
        if found is not None and (q is None or found.start() <= q):
            if found.end() == found.start():
                return None
            spans.append(found.span())
            pos = found.end()
        elif q is not None:
            pos = q - starts[i][1]
            spans.append((q, pos))
        else:
            return spans


def _starts_of(table: dict[str, list[tuple[int, int]]], words: frozenset[str]) -> list[tuple[int, int]]:
    """(start, -length) of the words' occurrences in a scan's table, in leftmost-longest order
    (the words that occur found in one C loop: ``keys() & words``)."""
    return sorted(chain.from_iterable(table[w] for w in table.keys() & words))


class Index:
    """Tables over one document's content; see the module docstring."""

    def __init__(self, doc, vocabulary: frozenset[str] = frozenset(), raw_vocabulary: frozenset[str] = frozenset()):
        self.doc = doc
        self.vocabulary = vocabulary
        self.raw_vocabulary = raw_vocabulary
        self._literals: dict[tuple[str, ...], list[tuple[int, int, str]]] = {}
        self._hits: dict[tuple[str, ...], list[Hit]] = {}
        self._spans: dict[tuple[str, ...], list[tuple[int, int]]] = {}
        self._stops: dict[str, list[int]] = {}
        self._chars: dict[str, list[int]] = {}
        self.memo: dict = {}        # remember()'s answers; hot paths may read it directly

    def remember(self, key, compute):
        """A kind's answer about this document, computed once per key (e.g. whether a
        sentence is concrete: every hit in that sentence asks)."""
        memo = self.memo
        if key in memo:
            return memo[key]
        value = memo[key] = compute()
        return value

    # -- quote-free view -----------------------------------------------------------------
    @cached_property
    def quote_free(self) -> tuple[str, list[int] | None]:
        """The content without quotation marks, and a map from its offsets to content
        offsets (None when the content has no quotes)."""
        content = self.doc.content
        if not QUOTE_CHAR.search(content):
            return content, None
        pieces, origin, at = [], [], 0
        for m in QUOTE_RUN.finditer(content):
            pieces.append(content[at:m.start()])
            origin.extend(range(at, m.start()))
            at = m.end()
        pieces.append(content[at:])
        origin.extend(range(at, len(content)))
        origin.append(len(content))
        return "".join(pieces), origin

    def _to_content(self, start: int, end: int) -> tuple[int, int]:
        origin = self.quote_free[1]
        if origin is None:
            return start, end
        return origin[start], origin[end - 1] + 1

    # -- phrases -------------------------------------------------------------------------
    @cached_property
    def _occurrences(self) -> dict[str, list[tuple[int, int]]] | None:
        """phrase -> (start, -length) in the quote-free view of every occurrence, overlapping
        ones included (the sort order of leftmost-longest); None without pyahocorasick."""
        return occurrences_by_phrase(self.vocabulary, self.quote_free[0]) if self.vocabulary else None

    def occurrences(self, phrase: str) -> list[tuple[int, int]]:
        """Every occurrence of one phrase, overlapping ones included, as content ranges."""
        key = strip_quotes(phrase)
        table = self._occurrences
        if table is None or key not in self.vocabulary:
            text = self.quote_free[0]
            starts, i = [], text.find(key)
            while key and i != -1:
                starts.append(i)
                i = text.find(key, i + 1)
        else:
            starts = [start for start, _ in table.get(key, ())]
        return [self._to_content(s, s + len(key)) for s in starts]

    def hits(self, phrases) -> list[Hit]:
        """The hits of a phrase list (quotes ignored), leftmost-longest, not overlapping:
        what ``compile_phrases(phrases).finditer`` gives on the quote-free text."""
        key = tuple(phrases or ())
        if not key:
            return []
        cached = self._hits.get(key)
        if cached is None:
            text, origin = self.quote_free
            spans = self.spans(key)
            new = tuple.__new__         # (a NamedTuple's own constructor is a Python call per hit)
            if origin is None:
                cached = [new(Hit, (s, e, text[s:e])) for s, e in spans]
            else:
                cached = [new(Hit, (origin[s], origin[e - 1] + 1, text[s:e])) for s, e in spans]
            self._hits[key] = cached
        return cached

    def hits_within(self, phrases, low: int, high: int) -> list[Hit]:
        """``hits(phrases)`` that start in content[low:high + 1] (one part of the report), made
        for that stretch only: a part's phrases are not turned into hits all over the report."""
        key = tuple(phrases or ())
        if not key:
            return []
        cached = self._hits.get(key)
        if cached is not None:
            return [h for h in cached[bisect_left(cached, (low,)):] if h.start <= high]
        text, origin = self.quote_free
        spans = self.spans(key)
        qlow, qhigh = (low, high + 1) if origin is None else (bisect_left(origin, low), bisect.bisect_right(origin, high))
        new, out = tuple.__new__, []
        for s, e in spans[bisect_left(spans, (qlow,)):]:
            if s >= qhigh:
                break
            out.append(new(Hit, (s, e, text[s:e]) if origin is None else (origin[s], origin[e - 1] + 1, text[s:e])))
        return out

    def spans(self, phrases: tuple[str, ...]) -> list[tuple[int, int]]:
        """``hits`` as (start, end) in the quote-free view (what kinds that read that view,
        the two-part concepts, work in)."""
        cached = self._spans.get(phrases)
        if cached is None:
            cached = self._spans[phrases] = self._find(phrases)
        return cached

    def _find(self, phrases: tuple[str, ...]) -> list[tuple[int, int]]:
        text = self.quote_free[0]
        table = self._occurrences
        plain, regexes = _split(phrases)
        spans = None
        if table is not None and plain <= self.vocabulary:
            starts = _starts_of(table, plain)
            spans = (_with_regexes(text, starts, regexes, (table, self.vocabulary)) if regexes
                     else leftmost_longest_spans(starts))
        if spans is None:
            spans = [(m.start(), m.end()) for m in compile_phrases(phrases).finditer(text) if m.end() > m.start()]
        return spans

    # -- literals in the user's own text ---------------------------------------------------
    @cached_property
    def _raw_occurrences(self) -> dict[str, list[tuple[int, int]]] | None:
        """phrase -> (start, -length) of every occurrence of the raw vocabulary in the content
        itself (quotes kept); None without pyahocorasick or a raw vocabulary."""
        return occurrences_by_phrase(self.raw_vocabulary, self.doc.content) if self.raw_vocabulary else None

    def literals(self, words: tuple[str, ...]) -> list[tuple[int, int, str]]:
        """(start, end, word) of some literals in the content, leftmost-longest, not
        overlapping: what ``literal_scanner(words)`` gives, answered from the one scan of
        the raw vocabulary when it holds them all (a kind's several lists, one pass)."""
        cached = self._literals.get(words)
        if cached is None:
            table, text = self._raw_occurrences, self.doc.content
            wanted = frozenset(words)
            if table is not None and wanted <= self.raw_vocabulary:
                spans = leftmost_longest_spans(_starts_of(table, wanted))
                cached = [(a, b, text[a:b]) for a, b in spans]
            else:
                cached = literal_scanner(words)(text)
            self._literals[words] = cached
        return cached

    # -- sentences -----------------------------------------------------------------------
    @cached_property
    def _marks(self) -> list[tuple[int, str]]:
        """(offset, character) of every clause stop — which includes every sentence and
        paragraph stop: one scan of the report serves every table of stops."""
        return [(m.start(), m.group()) for m in _CLAUSE_STOP_RUN.finditer(self.doc.content)]

    def _stop_offsets(self, stops: str) -> list[int]:
        table = self._stops.get(stops)
        if table is None:
            if set(stops) <= _CLAUSE_STOP_SET:
                table = [i for i, c in self._marks if c in stops]
            else:
                table = [m.start() for m in stop_class(stops).finditer(self.doc.content)]
            self._stops[stops] = table
        return table

    def quote_free_stops(self, stops: str) -> list[int]:
        """``_stop_offsets`` in the quote-free view (a stop is never a quotation mark, so
        each maps to exactly one offset there)."""
        text, origin = self.quote_free
        if origin is None:
            return self._stop_offsets(stops)
        return [m.start() for m in stop_class(stops).finditer(text)]    # one scan, no bisection per stop

    def bounds(self, start: int, end: int, stops: str = SENTENCE_STOPS) -> tuple[int, int]:
        """The sentence (or, with ``PARAGRAPH_STOPS``, paragraph) around content[start:end]:
        from after the last stop before ``start`` to the first stop at or after ``end``."""
        table = self._stops.get(stops)     # (asked several times for every hit: no call when built)
        if table is None:
            table = self._stop_offsets(stops)
        i = bisect_left(table, start)
        a = table[i - 1] + 1 if i else 0
        j = bisect_left(table, end, i if end >= start else 0)
        b = table[j] if j < len(table) else len(self.doc.content)
        return a, b

    def continued(self, start: int, end: int) -> tuple[int, int]:
        """The sentence content[start:end] (its bounds) with the sentences that go on telling it
        (``CONTINUES``): the one before it when it opens so, and up to two after it that do —
        within its paragraph."""
        content = self.doc.content
        for _ in range(2):
            if end + 1 < len(content) and content[end] != "\n" and CONTINUES.match(content, end + 1):
                end = self.bounds(end + 1, end + 1)[1]
            else:
                break
        if start > 1 and content[start - 1] != "\n" and CONTINUES.match(content, start):
            start = self.bounds(start - 2, start - 2)[0]
        return start, end

    def _char_offsets(self, char: str) -> list[int]:
        table = self._chars.get(char)
        if table is None:
            table = self._chars[char] = list(find_all(self.doc.content, char))
        return table

    def enclosing(self, start: int, end: int, opening: str = "《", closing: str = "》") -> tuple[int, int] | None:
        """The bracketed stretch (《…》 by default) that content[start:end] lies in, brackets
        included, when both brackets are on one line; None otherwise. Two bisections, not
        an ``rfind`` back through the report per hit."""
        opens, closes = self._char_offsets(opening), self._char_offsets(closing)
        i = bisect.bisect_right(opens, start) - 1             # the last opening at or before start
        if i < 0:
            return None
        a = opens[i]
        j = bisect.bisect_left(closes, a)
        if j < len(closes) and closes[j] < start:            # closed again before the hit
            return None
        k = bisect.bisect_left(closes, end - 1)                # the first closing from the hit's end
        if k == len(closes):
            return None
        b = closes[k]
        if self.doc.line_of(a) != self.doc.line_of(b):
            return None
        return a, b + 1

    def sentence(self, offset: int) -> tuple[int, int]:
        return self.bounds(offset, offset)

    def paragraph(self, offset: int) -> tuple[int, int]:
        return self.bounds(offset, offset, PARAGRAPH_STOPS)
