"""Regex matching that starts only where a match can be: near a literal every match contains.

Rule data is full of patterns like ``{unit}(?:的)?(?:法治建设|依法行政)`` whose first part is a
character class with a lazy repeat: the regex engine tries a match at every position of the
report, most of them hopeless. Every match of such a pattern contains one of a few literal
strings (法治建设, 依法行政) at most ``w`` characters after its start. So the literals are
found first (``str.find``, fast), and the pattern is tried only at the ``w + 1`` positions
before each of them; a report without the literals costs one ``find`` per literal.

``finditer(pattern, text)`` gives exactly the matches ``pattern.finditer(text)`` gives (a
property test compares them); for a pattern with no such literal, one that starts with a
literal (the engine's own prefix scan is faster then), or flags that change what a literal
means, it *is* ``pattern.finditer``. This is the idea of RE2's and
Hyperscan's literal prefilters, kept to what Python's own parser tells.
"""
from __future__ import annotations

import bisect
import functools
import re

from .phrases import find_all

try:                                    # the parser behind re.compile (re._parser from 3.11)
    from re import _parser as _sre_parse, _constants as _sre
except ImportError:                     # pragma: no cover - Python 3.10
    import sre_parse as _sre_parse      # type: ignore[no-redef]
    import sre_constants as _sre        # type: ignore[no-redef]

_UNBOUNDED = 10_000           # a width past this is "any length" (sre reports MAXREPEAT-based sizes)
_MAX_ALTERNATIVES = 64        # a factor with more alternatives than this is not worth finding

# The analyses below depend only on a pattern's text and flags, this module and Python's parser.
# The fzlint program keeps them between runs (frontends.startup fills this dict from its cache
# folder and writes it back): parsing the rules' patterns is a noticeable part of a one-file run.
# None: each process analyses a pattern once (the lru caches below).
kept: dict | None = None


def _safely(analyse, pattern):
    try:
        return analyse(pattern)
    except Exception:                   # Python's internal parser, not ours: then just don't filter
        return None


_MAX_PATTERNS = 4096


def per_pattern(function):
    """Remember a function of one compiled pattern by the pattern's identity. A compiled pattern
    is hashed by value — its whole compiled code, a microsecond for a long alternation — and
    these are asked some 160 times a report. Each entry holds its pattern, so the id cannot be
    another pattern's while it is remembered; patterns are module constants or come from caches,
    so they are few (past ``_MAX_PATTERNS`` the memo starts again)."""
    memo: dict[int, tuple] = {}

    @functools.wraps(function)
    def remembered(pattern):
        entry = memo.get(id(pattern))
        if entry is not None and entry[0] is pattern:
            return entry[1]
        if len(memo) >= _MAX_PATTERNS:
            memo.clear()
        value = function(pattern)
        memo[id(pattern)] = (pattern, value)
        return value
    remembered.cache_clear = memo.clear
    return remembered


def _kept(kind: str, pattern, analyse):
    # (within a process the public functions' memos already ask once per pattern)
    if kept is None:
        return _safely(analyse, pattern)
    key = (kind, pattern.pattern, pattern.flags)
    try:
        return kept[key]
    except KeyError:
        value = kept[key] = _safely(analyse, pattern)
        return value


class Factor:
    """Literal strings one of which every match contains, at most ``reach`` characters
    after the match's start; ``reaches`` is each literal's own (an alternation's branches
    differ: a common word of one branch is not tried as far back as another branch's
    lead-in allows)."""

    __slots__ = ("alternatives", "reach", "reaches")

    def __init__(self, alternatives: tuple[str, ...], reach: int, reaches: tuple[int, ...] | None = None):
        self.alternatives, self.reach = alternatives, reach
        self.reaches = reaches if reaches is not None else (reach,) * len(alternatives)

    def shifted(self, by: int) -> "Factor":
        return Factor(self.alternatives, self.reach + by, tuple(r + by for r in self.reaches))


def _joined(chosen: "list[Factor]") -> "Factor | None":
    """One factor of several, one of which occurs in every match: their literals together,
    each with the largest reach it has in any of them."""
    reaches: dict[str, int] = {}
    for f in chosen:
        for lit, r in zip(f.alternatives, f.reaches):
            reaches[lit] = max(r, reaches.get(lit, 0))
    if len(reaches) > _MAX_ALTERNATIVES:
        return None
    alternatives = tuple(sorted(reaches))
    return Factor(alternatives, max(reaches.values()), tuple(reaches[a] for a in alternatives))


def _literal_set(items) -> set[str] | None:
    """The exact strings a sequence of parsed items matches, if it matches only literals."""
    out = {""}
    for op, av in items:
        if op is _sre.LITERAL:
            out = {s + chr(av) for s in out}
        elif op is _sre.SUBPATTERN:
            inner = _literal_set(av[-1])
            if inner is None or av[1] or av[2]:             # flags changed inside the group
                return None
            out = {s + t for s in out for t in inner}
        elif op is _sre.IN:                                 # [镇乡县]: a few single characters
            chars = _class_chars(av)
            if chars is None:
                return None
            out = {s + c for s in out for c in chars}
        elif op is _sre.BRANCH:
            inner: set[str] = set()
            for branch in av[1]:
                got = _literal_set(branch)
                if got is None:
                    return None
                inner |= got
            out = {s + t for s in out for t in inner}
        else:
            return None
        if len(out) > _MAX_ALTERNATIVES:
            return None
    return out


def _class_chars(members) -> set[str] | None:
    """The characters of a character class made only of literals and short ranges."""
    chars: set[str] = set()
    for op, av in members:
        if op is _sre.LITERAL:
            chars.add(chr(av))
        elif op is _sre.RANGE and av[1] - av[0] < _MAX_ALTERNATIVES:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return None                 # a negation, a category (\d), a wide range
    return chars if len(chars) <= _MAX_ALTERNATIVES else None


def _width(state, item) -> tuple[int, int]:
    return _sre_parse.SubPattern(state, [item]).getwidth()


_MIN_LITERAL = 2              # a one-character literal (法, 未) is everywhere: no use as a filter


def _factors(parsed, shortest: int = _MIN_LITERAL) -> list[Factor]:
    """The literal factors of the pattern's top-level sequence: runs of literal items (a
    literal, or a group, alternation or small class of literals) with a bounded width
    before them (inside a group, alternatives of at least ``shortest`` characters)."""
    found, reach = [], 0
    items = list(parsed)
    i = 0
    while i < len(items):
        j = i
        strings = {""}
        while j < len(items):
            got = _literal_set([items[j]])
            if got is None:
                break
            combined = {s + t for s in strings for t in got}
            if len(combined) > _MAX_ALTERNATIVES:
                break
            strings, j = combined, j + 1
        if j > i:
            if all(strings):
                found.append(Factor(tuple(sorted(strings)), reach))
            for item in items[i:j]:
                reach += _width(parsed.state, item)[1]
            i = j
            continue
        op, _ = items[i]
        if op in (_sre.GROUPREF, getattr(_sre, "GROUPREF_EXISTS", None)):
            break
        inner = _inner_factor(parsed.state, items[i], shortest)
        if inner is not None:
            found.append(inner.shifted(reach))
        high = _width(parsed.state, items[i])[1]
        if high >= _UNBOUNDED:
            break                       # nothing after an unbounded item has a known reach
        reach += high
        i += 1
    return found


def _inner_factor(state, item, shortest: int = _MIN_LITERAL) -> Factor | None:
    """A factor inside one item that is not all literals, reach counted from the item's start:
    an alternation whose every branch has one (``(?:(?:全程)?录音|全程记录)``: 录音 or 全程记录),
    a group's content, the first of a repeat that happens at least once. Not a lookaround:
    what it looks at is not part of the match."""
    op, av = item
    if op is _sre.BRANCH:
        chosen = [_best(_factors(_sre_parse.SubPattern(state, branch), shortest), shortest) for branch in av[1]]
        return _joined(chosen) if chosen and all(chosen) else None
    if op is _sre.SUBPATTERN and not av[1] and not av[2]:          # (flags changed inside: no)
        return _best(_factors(_sre_parse.SubPattern(state, list(av[-1])), shortest), shortest)
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
        return _best(_factors(_sre_parse.SubPattern(state, list(av[2])), shortest), shortest)
    return None


def _leads_with_literal(parsed) -> bool:
    """Whether a sequence starts with literals of two or more characters: the regex engine's
    own prefix scan finds those quickly, and a Python-driven filter would only add cost."""
    found = _factors(parsed)
    return bool(found) and found[0].reach == 0 and _literal_set([parsed[0]]) is not None and \
        min(map(len, found[0].alternatives)) >= _MIN_LITERAL


# How often a literal of n characters occurs in a report, roughly, against one of two (a longer
# one is rarer): the factor tried is the one with the fewest expected tries, its occurrences
# times the positions before each (reach + 1). 报告 at reach 0 beats 法治建设 fifty-five
# characters on, which is in every other sentence of a report.
_RARITY = {1: 4.0, 2: 1.0, 3: 0.3}
_RARITY_LONG = 0.1


def _expected_tries(f: Factor) -> float:
    return sum(_RARITY.get(len(lit), _RARITY_LONG) * (r + 1) for lit, r in zip(f.alternatives, f.reaches))


def _best(found: list[Factor], shortest: int = _MIN_LITERAL) -> Factor | None:
    usable = [f for f in found if min(map(len, f.alternatives)) >= shortest]
    return min(usable, key=_expected_tries, default=None)


def _sequences(pattern: "re.Pattern[str]") -> list | None:
    """The pattern's top-level alternatives as parsed sequences (one, when it is not an
    alternation); None when flags change what a literal means, or the parser balks."""
    if not isinstance(pattern.pattern, str) or pattern.flags & re.IGNORECASE:
        return None
    try:
        parsed = _sre_parse.parse(pattern.pattern, pattern.flags & ~re.UNICODE)
    except Exception:                   # an internal parser we do not control: just don't filter
        return None
    if len(parsed) == 1 and parsed[0][0] is _sre.BRANCH:
        return [_sre_parse.SubPattern(parsed.state, b) for b in parsed[0][1][1]]
    return [parsed]


@per_pattern
def factor_of(pattern: "re.Pattern[str]") -> Factor | None:
    """The literal factor to scan a compiled pattern by, or None when the pattern is best left
    to the engine: it has an alternative without a literal of two or more characters, every
    alternative starts with one (the engine's prefix scan), or flags change what a literal
    means. For an alternation (a phrase list's regexes, r1|r2|…) the factor joins each
    alternative's best, with the largest reach."""
    return _kept("factor", pattern, _factor_of)


def _factor_of(pattern: "re.Pattern[str]") -> Factor | None:
    sequences = _sequences(pattern)
    if sequences is None or all(len(seq) and _leads_with_literal(seq) for seq in sequences):
        return None
    chosen = [_best(_factors(seq)) for seq in sequences]
    return _joined(chosen) if all(chosen) else None


# Occurrences a caller found already: (table, known) — ``table[lit]`` the (start, -length) pairs of
# every occurrence of ``lit`` in the text, overlapping ones included, for each ``lit`` of the
# frozenset ``known`` that occurs (the document index's one Aho-Corasick scan).
Occurrences = tuple


# -- a pattern with no factor of two characters: one character, or the start of a sentence ------
#
# Phrase lists hold regexes that read a whole sentence from its start, ``(?<![^。；\n])[^。；，\n]
# {0,16}?(?:村|社区)…``: no literal of two characters, and a match can open with any character, so
# the engine tries every position of the report. Such an alternative still starts only after one
# of the lookbehind's characters (or at the text's start), and another only near a single
# character (村). Where those places are few — a report's sentence starts, a rare character — the
# pattern is tried only there; where they are many, the engine's own scan is faster.

# Past this share of a text's positions, trying the candidates one by one from Python costs more
# than the engine's scan: one in 8 for a pattern the engine tries at every position, one in 200
# for one it runs only at its first characters (measured on the seeds, each regex of the rules).
_DENSE = 8
_SPARSE = 200


def _sentence_anchor(seq) -> tuple[str, bool] | None:
    """(characters, also at the text's start) when a sequence opens with ``(?<![^X])`` (a match
    starts after one of X or at the start) or ``(?<=[X])`` (after one of X)."""
    if not len(seq):
        return None
    op, av = seq[0]
    if op not in (_sre.ASSERT, _sre.ASSERT_NOT) or av[0] != -1 or len(av[1]) != 1:
        return None
    inner_op, members = av[1][0]
    if inner_op is not _sre.IN:
        return None
    negated = bool(members) and members[0][0] is _sre.NEGATE
    if negated != (op is _sre.ASSERT_NOT):
        return None
    chars = _class_chars(members[1:] if negated else members)
    return ("".join(sorted(chars)), negated) if chars else None


@per_pattern
def _wide_plan(pattern: "re.Pattern[str]") -> tuple | None:
    """(factor of literals of one character or more, or None; characters a sentence-opening
    alternative starts after; whether such an alternative may start the text) — for a pattern
    without a factor of two characters; None when some alternative has neither."""
    return _kept("wide", pattern, _wide_plan_of)


def _wide_plan_of(pattern: "re.Pattern[str]") -> tuple | None:
    sequences = _sequences(pattern)
    if sequences is None or all(len(seq) and _leads_with_literal(seq) for seq in sequences):
        return None
    chosen, after, at_start = [], set(), False
    for seq in sequences:
        anchor = _sentence_anchor(seq)
        if anchor is not None:
            after.update(anchor[0])
            at_start = at_start or anchor[1]
            continue
        best = _best(_factors(seq, 1), 1)
        if best is None:
            return None
        chosen.append(best)
    factor = _joined(chosen) if chosen else None
    if chosen and factor is None:
        return None
    return factor, "".join(sorted(after)), at_start


@functools.lru_cache(maxsize=64)
def _one_of(chars: str) -> "re.Pattern[str]":
    return re.compile("[" + re.escape(chars) + "]")


def _literal_spans(text: str, factor: Factor, found: "Occurrences | None" = None) -> list[tuple[int, int]]:
    """[q - r, q] for each occurrence q of a factor's literal of reach r."""
    table, known = found if found is not None else ({}, frozenset())
    spans: list[tuple[int, int]] = []
    for lit, r in zip(factor.alternatives, factor.reaches):
        if lit in known:
            spans += [(q - r if q > r else 0, q) for q, _ in table.get(lit, ())]
        else:
            spans += [(q - r if q > r else 0, q) for q in find_all(text, lit)]
    return spans


def _windows(text: str, factor: Factor, found: "Occurrences | None" = None) -> tuple[list[int], list[int]]:
    """The stretches of the text where a match can start, as sorted disjoint [low, high]
    (each occurrence q of a literal with reach r opens [q - r, q]; stretches that touch are
    joined, so no start is tried twice)."""
    return _joined_spans(_literal_spans(text, factor, found))


def _wide_windows(text: str, plan: tuple, found: "Occurrences | None", one_in: int):
    """``_windows`` for a wide plan, or None when the candidate starts are more than one in
    ``one_in`` characters."""
    factor, after, at_start = plan
    spans = _literal_spans(text, factor, found) if factor is not None else []
    if after:
        spans += [(m.end(), m.end()) for m in _one_of(after).finditer(text)]
    if at_start:
        spans.append((0, 0))
    if len(spans) > len(text) // one_in:
        return None
    lows, highs = _joined_spans(spans)
    if sum(highs) - sum(lows) + len(lows) > len(text) // one_in:
        return None
    return lows, highs


def _joined_spans(spans) -> tuple[list[int], list[int]]:
    spans = sorted(spans)
    lows: list[int] = []
    highs: list[int] = []
    for low, high in spans:
        if highs and low <= highs[-1] + 1:
            if high > highs[-1]:
                highs[-1] = high
        else:
            lows.append(low)
            highs.append(high)
    return lows, highs


# -- a window read in one call -------------------------------------------------------------
#
# A window of candidate starts [low, high] could be tried position by position, a
# ``pattern.match`` call from Python each. A pattern that reads nothing after the end of its
# match (no lookahead, no $, \b or \Z) and spans at most ``w`` characters cannot tell the text
# from the text cut at ``high + w`` for a start in the window: ``pattern.search(text, low,
# high + w)`` finds the same first match there, the engine trying the positions in C. (A match
# it finds past ``high`` may be cut short; the next window finds that one whole.)

_ENDS = {getattr(_sre, name) for name in ("AT_END", "AT_END_LINE", "AT_END_STRING",
                                          "AT_BOUNDARY", "AT_NON_BOUNDARY",
                                          "AT_LOC_BOUNDARY", "AT_LOC_NON_BOUNDARY",
                                          "AT_UNI_BOUNDARY", "AT_UNI_NON_BOUNDARY")
         if hasattr(_sre, name)}


def _looks_past_its_end(items) -> bool:
    """Whether a parsed sequence may read the text after its match: a lookahead (also inside
    a lookbehind), an end anchor, a word boundary, a conditional group."""
    for op, av in items:
        if op is _sre.AT:
            if av in _ENDS:
                return True
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            if av[0] != -1 or _looks_past_its_end(av[1]):
                return True
        elif op is _sre.SUBPATTERN:
            if _looks_past_its_end(av[-1]):
                return True
        elif op is _sre.BRANCH:
            if any(_looks_past_its_end(b) for b in av[1]):
                return True
        elif op in _REPEATS:
            if _looks_past_its_end(av[2]):
                return True
        elif op is getattr(_sre, "GROUPREF_EXISTS", None):
            return True
        elif op is getattr(_sre, "ATOMIC_GROUP", None):
            if _looks_past_its_end(av):
                return True
    return False


@per_pattern
def window_width(pattern: "re.Pattern[str]") -> int | None:
    """The most characters a match of the pattern spans, when it reads nothing past its end;
    None when it may, or its width has no bound: then each start is matched on its own."""
    return _kept("window-width", pattern, _window_width)


def _window_width(pattern: "re.Pattern[str]") -> int | None:
    if not isinstance(pattern.pattern, str):
        return None
    parsed = _sre_parse.parse(pattern.pattern, pattern.flags & ~re.UNICODE)
    if _looks_past_its_end(parsed):
        return None
    high = parsed.getwidth()[1]
    return high if high < _UNBOUNDED else None


# A pattern ending in a greedy run of one class, ``…考核[^。；\n]*`` (read to the sentence's end), has
# no bounded width, but the run always matches, so it never decides where a match starts: the
# pattern matches at a start exactly where the pattern without it does, and there the engine
# never backtracks into the rest. The rest, when it has a window width, finds the starts window
# by window; the whole pattern is matched once at each start found.
_CLASS_RUN_END = re.compile(r"\[(?:[^\]\\]|\\.)+\]\*\Z")


def _head_of(pattern: "re.Pattern[str]") -> "re.Pattern[str] | None":
    """The pattern without a closing greedy ``[…]*`` (see above), or None."""
    source = _kept("head", pattern, _head_source)
    if source is None:
        return None
    try:
        return re.compile(source, pattern.flags)
    except re.error:
        return None


def _head_source(pattern: "re.Pattern[str]") -> str | None:
    if not isinstance(pattern.pattern, str) or pattern.flags & re.VERBOSE:
        return None
    tail = _CLASS_RUN_END.search(pattern.pattern)
    if tail is None:
        return None
    head = pattern.pattern[:tail.start()]
    whole = _sre_parse.parse(pattern.pattern, pattern.flags & ~re.UNICODE)
    try:
        rest = _sre_parse.parse(head, pattern.flags & ~re.UNICODE)
    except re.error:
        return None
    # (the tail is the whole pattern's last item: not the last branch of a top-level alternation,
    # nor the inside of a group the source only seemed to end with)
    last = whole[-1] if len(whole) else None
    if last is None or last[0] is not _sre.MAX_REPEAT or last[1][0] != 0 or last[1][1] != _sre.MAXREPEAT:
        return None
    if len(last[1][2]) != 1 or len(rest) != len(whole) - 1 or not len(rest):     # (one class: [^x] parses as NOT_LITERAL)
        return None
    return head


# A pattern whose every alternative opens with a literal is left to the engine by
# ``factor_of``, and for one literal the engine's prefix scan is fast. For an alternation of
# them, ``(?:检查|执法|巡查|办案)[^。；，\n]{0,14}(?:时|中)``, the engine has only a set of first
# characters, tried at every position of the report (about 40 µs for a seed): its matches start
# exactly at those literals' occurrences, which the index's one scan has already found. Where
# they are rarer than one in ``_LEAD_ONE_IN`` characters, the pattern is tried only there.
_LEAD_ONE_IN = 24


@per_pattern
def lead_factor(pattern: "re.Pattern[str]") -> Factor | None:
    """The literals (two or more) every match of the pattern opens with, each at reach 0, when
    every alternative opens with a literal; None otherwise, or for one literal (the engine's
    own prefix scan is faster)."""
    return _kept("lead", pattern, _lead_factor_of)


def _lead_factor_of(pattern: "re.Pattern[str]") -> Factor | None:
    sequences = _sequences(pattern)
    if sequences is None or not all(len(seq) and _leads_with_literal(seq) for seq in sequences):
        return None
    factor = _joined([_factors(seq)[0] for seq in sequences])
    return factor if factor is not None and len(factor.alternatives) >= 2 else None


class ScanPlan:
    """What a Scanner asks of one pattern, worked out once per pattern (one memo lookup per
    Scanner instead of four; a report builds about ninety): the literal factor, else the wide
    plan and how dense its candidate starts may be; the pattern searched window by window and
    its width (the pattern itself, or its head, see ``_head_of``); the first-character search."""

    __slots__ = ("factor", "wide", "lead", "one_in", "first", "width", "probe")

    def __init__(self, pattern: "re.Pattern[str]"):
        self.factor = factor_of(pattern)
        self.wide = _wide_plan(pattern) if self.factor is None else None
        self.lead = lead_factor(pattern) if self.factor is None and self.wide is None else None
        self.first = _first_character(pattern)
        self.one_in = None
        if self.wide is not None:
            engine_scans_all = self.first.finder() is None
            self.one_in = _DENSE if engine_scans_all else _SPARSE
        self.width, self.probe = None, pattern
        if self.factor is not None or self.wide is not None or self.lead is not None:
            self.width = window_width(pattern)
            if self.width is None and (head := _head_of(pattern)) is not None:
                self.width = window_width(head)
                self.probe = head if self.width is not None else pattern


@per_pattern
def scan_plan(pattern: "re.Pattern[str]") -> ScanPlan:
    return ScanPlan(pattern)


class Scanner:
    """One pattern over one text: ``search(pos)`` is ``pattern.search(text, pos)``, trying
    the pattern only in the positions up to a literal's reach before each of its occurrences
    (a pattern without literals: at the characters its matches start with)."""

    __slots__ = ("pattern", "text", "lows", "highs", "whole", "width", "probe")

    def __init__(self, pattern: "re.Pattern[str]", text: str, found: "Occurrences | None" = None):
        self.pattern, self.text = pattern, text
        plan = scan_plan(pattern)
        windows = None
        if plan.factor is not None:
            windows = _windows(text, plan.factor, found)
        elif plan.wide is not None:
            windows = _wide_windows(text, plan.wide, found, plan.one_in)
        elif plan.lead is not None:
            windows = _windows(text, plan.lead, found)
            if len(windows[0]) > len(text) // _LEAD_ONE_IN:
                windows = None          # (everywhere: the engine's own scan is faster)
        self.lows, self.highs = windows or (None, None)
        # no literal to look for: the whole text is searched, at the characters a match starts with
        self.whole = plan.first if windows is None else None
        self.width = plan.width if windows is not None else None
        self.probe = plan.probe

    def search(self, pos: int = 0):
        if self.lows is None:
            return self.whole.search(self.text, pos)
        text, lows, highs, width = self.text, self.lows, self.highs, self.width
        if width is not None:           # each window in one call (see window_width)
            search = self.probe.search
            for k in range(bisect.bisect_left(highs, pos), len(highs)):
                found = search(text, max(pos, lows[k]), highs[k] + width)
                if found is not None and found.start() <= highs[k]:
                    # (the head's start: the whole pattern is read from there, to the end of its run)
                    return found if self.probe is self.pattern else self.pattern.match(text, found.start())
            return None
        match = self.pattern.match
        for k in range(bisect.bisect_left(highs, pos), len(highs)):
            for start in range(max(pos, lows[k]), highs[k] + 1):
                found = match(text, start)
                if found is not None:
                    return found
        return None

    def finditer(self):
        pos = 0
        while pos <= len(self.text):
            found = self.search(pos)
            if found is None:
                return
            yield found
            pos = found.end() if found.end() > found.start() else found.end() + 1


class FirstOf:
    """``(?:p1)|(?:p2)|…`` over one text, searched as its alternatives: each by a Scanner of
    its own, near its own literals; the earliest match wins, and the first alternative among
    those that match at one place — what the alternation's ``search`` gives. Scanned whole,
    the alternation is tried at the union of its alternatives' windows with every alternative
    at each position (a phrase list's ten sentence-reading regexes, each tried wherever any
    of the others could match). For patterns without backreferences (``refers_back``):
    joined, ``\\1`` would name another group."""

    __slots__ = ("scanners", "ahead")

    def __init__(self, patterns, text: str, found: "Occurrences | None" = None):
        self.scanners = [Scanner(p, text, found) for p in patterns if may_match(p, text, found)]
        # each alternative's next match as last searched: (searched from, match or None), or None
        self.ahead: list = [None] * len(self.scanners)

    def search(self, pos: int = 0):
        best = None
        for i, scanner in enumerate(self.scanners):
            ahead = self.ahead[i]
            # (still its next match: searched from no later than pos, and not before pos)
            if ahead is not None and ahead[0] <= pos and (ahead[1] is None or ahead[1].start() >= pos):
                found = ahead[1]
            else:
                found = scanner.search(pos)
                self.ahead[i] = (pos, found)
            if found is not None and (best is None or found.start() < best.start()):
                best = found            # (a later alternative at the same start does not win)
        return best


_GROUP_REFERENCES = {getattr(_sre, name) for name in ("GROUPREF", "GROUPREF_EXISTS", "GROUPREF_IGNORE",
                                                       "GROUPREF_LOC_IGNORE", "GROUPREF_UNI_IGNORE")
                     if hasattr(_sre, name)}


def refers_back(pattern: "re.Pattern[str]") -> bool:
    """Whether a pattern has a backreference (``\\1``, ``(?P=name)``, ``(?(1)…)``); True when
    the parser cannot tell."""
    return _kept("refers-back", pattern, _refers_back) is not False


def _refers_back(pattern: "re.Pattern[str]") -> bool:
    def walk(items) -> bool:
        for op, av in items:
            if op in _GROUP_REFERENCES:
                return True
            for part in (av if isinstance(av, (list, tuple)) else (av,)):
                if isinstance(part, _sre_parse.SubPattern) and walk(part):
                    return True
                if isinstance(part, list) and any(isinstance(b, _sre_parse.SubPattern) and walk(b) for b in part):
                    return True
        return False
    return walk(_sre_parse.parse(pattern.pattern, pattern.flags & ~re.UNICODE))


@per_pattern
def required(pattern: "re.Pattern[str]") -> tuple[str, ...] | None:
    """Literals one of which every match contains (the longest such factor), whether or not
    the engine scans the pattern fast; None when there are none (or flags change literals).
    For picking the lines of a report worth trying a pattern on."""
    return _kept("required", pattern, _required)


def _required(pattern: "re.Pattern[str]") -> tuple[str, ...] | None:
    sequences = _sequences(pattern)
    if sequences is None:
        return None
    chosen = [max(_factors(seq), key=lambda f: min(map(len, f.alternatives)), default=None)
              for seq in sequences]
    if not all(chosen):
        return None
    return tuple(sorted({lit for f in chosen for lit in f.alternatives}))


@per_pattern
def _needs(pattern: "re.Pattern[str]") -> tuple[tuple[tuple[str, ...], ...], ...] | None:
    """For each alternative of the pattern, the literal sets it needs (one string of each
    set must occur for the alternative to match); None when some alternative needs none."""
    return _kept("needs", pattern, _needs_of)


def _needs_of(pattern: "re.Pattern[str]") -> tuple[tuple[tuple[str, ...], ...], ...] | None:
    sequences = _sequences(pattern)
    if sequences is None:
        return None
    needs = tuple(tuple(f.alternatives for f in _factors(seq)) for seq in sequences)
    return needs if all(needs) else None


def prefilter_literals(pattern: "re.Pattern[str]") -> frozenset[str]:
    """Every literal ``may_match`` and ``Scanner`` look for in a text for this pattern: a
    caller that finds them all in one multi-phrase scan can hand them the occurrences."""
    factor = factor_of(pattern)
    needs = _needs(pattern) or ()
    # (not one character: 法 occurs hundreds of times a report, and ``in`` finds it at once)
    return frozenset(lit for lit in (factor.alternatives if factor else ())
                     + tuple(lit for alternative in needs for lits in alternative for lit in lits)
                     if len(lit) >= _MIN_LITERAL)


def may_match(pattern: "re.Pattern[str]", text: str, found: "Occurrences | None" = None) -> bool:
    """False when the pattern cannot match anywhere in the text: every alternative of it
    needs a literal the text does not hold (checked before a report or its lines are
    scanned: a few substring tests instead of a regex search; set lookups when ``found``
    holds the text's occurrences of them)."""
    needs = _needs(pattern)
    if needs is None:
        return True
    table, known = found if found is not None else (None, frozenset())
    for alternative in needs:           # (plain loops: asked for every phrase list of a report)
        for lits in alternative:
            for lit in lits:
                if (lit in table) if lit in known else (lit in text):
                    break
            else:
                break                   # this alternative lacks one of its literals
        else:
            return True
    return False


def finditer(pattern: "re.Pattern[str]", text: str):
    """``pattern.finditer(text)``, trying the pattern only where a match can start: near its
    literals, else at the characters its matches start with."""
    if not may_match(pattern, text):
        return iter(())
    plan = scan_plan(pattern)
    if plan.factor is None and plan.wide is None and plan.lead is None:
        return plan.first.finditer(text)
    return Scanner(pattern, text).finditer()


def search(pattern: "re.Pattern[str]", text: str, pos: int = 0):
    """``pattern.search(text, pos)`` through the same prefilter."""
    if not may_match(pattern, text):
        return None
    plan = scan_plan(pattern)
    if plan.factor is None and plan.wide is None and plan.lead is None:
        return plan.first.search(text, pos)
    return Scanner(pattern, text).search(pos)


# -- patterns without a literal: tried only where a match can start ---------------------------
#
# A pattern that opens with a lookbehind or an alternation of classes (the figures: "(?<![第\d.])
# (?:\d…|[一二…]…)…|…率…|…人次…") gets no prefix scan from the engine: it runs the whole pattern
# at every position of the text. Its matches still all start with one of a few characters (a
# digit, a Chinese numeral, 率, 人 …). ``[F](?<=(?=P).)`` — one character of that set, behind
# which P matches — *does* open with a class, so the engine skips every other position in C and
# runs P only where it can match; P itself is then matched at the found start.

_ZERO_WIDTH = {_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT}
_REPEATS = {_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)}


def _first_class(items) -> tuple[list[str], bool] | None:
    """The class members (regex source) a non-empty match of a parsed sequence can start with,
    and whether the sequence can match empty; None when that is not a small known set
    (a dot, a negated class, a backreference)."""
    members: list[str] = []
    for op, av in items:
        if op in _ZERO_WIDTH:            # consumes nothing: the set of what follows (a superset)
            continue
        if op is _sre.LITERAL:
            return members + [re.escape(chr(av))], False
        if op is _sre.IN:
            got = _class_source(av)
            return None if got is None else (members + got, False)
        if op is _sre.SUBPATTERN:
            if av[1] & (re.IGNORECASE | re.VERBOSE):     # (?i:…): a literal is not one character
                return None
            inner = _first_class(av[-1])
        elif op is _sre.BRANCH:
            inner, empty = ([], False)
            for branch in av[1]:
                got = _first_class(branch)
                if got is None:
                    return None
                inner, empty = inner + got[0], empty or got[1]
            inner = (inner, empty)
        elif op in _REPEATS:
            got = _first_class(av[2])
            inner = None if got is None else (got[0], got[1] or av[0] == 0)
        else:
            return None
        if inner is None:
            return None
        members += inner[0]
        if not inner[1]:
            return members, False
    return members, True


_CATEGORIES = {_sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_SPACE: r"\s", _sre.CATEGORY_WORD: r"\w",
               _sre.CATEGORY_NOT_DIGIT: r"\D", _sre.CATEGORY_NOT_SPACE: r"\S", _sre.CATEGORY_NOT_WORD: r"\W"}


def _class_source(members) -> list[str] | None:
    out = []
    for op, av in members:
        if op is _sre.LITERAL:
            out.append(re.escape(chr(av)))
        elif op is _sre.RANGE:
            out.append(re.escape(chr(av[0])) + "-" + re.escape(chr(av[1])))
        elif op is _sre.CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
        else:
            return None                 # a negated class: its complement is most characters
    return out


def _engine_scans_fast(pattern: "re.Pattern[str]") -> bool:
    """Whether the engine finds the pattern's starts itself: it opens with a literal, a class,
    or an alternation of literals (the prefix scan of ``re._compiler._compile_info``), or it is
    anchored at the start of the text."""
    items = _sre_parse.parse(pattern.pattern, pattern.flags & ~re.UNICODE)
    while len(items) and items[0][0] is _sre.SUBPATTERN:
        items = items[0][1][-1]
    if not len(items):
        return False
    op, av = items[0]
    if op in (_sre.LITERAL, _sre.IN):
        return True
    if op is _sre.AT and av in (_sre.AT_BEGINNING, _sre.AT_BEGINNING_STRING) and not pattern.flags & re.MULTILINE:
        return True                     # tried at the start only
    return op is _sre.BRANCH and all(len(b) and b[0][0] is _sre.LITERAL for b in av[1])


@per_pattern
def by_first_character(pattern: "re.Pattern[str]") -> "re.Pattern[str] | None":
    """``[F](?<=(?=P).)`` for a pattern P whose non-empty matches all start with a character
    of the set F, or None (P may match empty, F is unknown, or flags get in the way)."""
    source = _kept("first", pattern, _first_source)
    if source is None:
        return None
    try:
        return re.compile(source, pattern.flags)
    except re.error:                    # global inline flags, which must open a pattern
        return None


def _first_source(pattern: "re.Pattern[str]") -> str | None:
    sequences = _sequences(pattern)
    if sequences is None or pattern.flags & re.MULTILINE or _engine_scans_fast(pattern):
        return None
    got = _first_class(_sre_parse.SubPattern(sequences[0].state, [(_sre.BRANCH, (None, sequences))])
                       if len(sequences) > 1 else sequences[0])
    if got is None or got[1] or not got[0]:
        return None
    # The pattern's own source inside the wrapper: without its opening global flags (they are
    # the pattern's flags, which the wrapper is compiled with, and may only open a pattern), and
    # in verbose mode with a line break after it, so a closing comment cannot swallow the rest.
    body = _GLOBAL_FLAGS.sub("", pattern.pattern, count=1)
    if pattern.flags & re.VERBOSE:
        body += "\n"
    return "[" + "".join(got[0]) + "](?<=(?=(?:" + body + "))(?s:.))"


_GLOBAL_FLAGS = re.compile(r"\A\(\?[aiLmsux]+\)")


_UNSET = object()


@per_pattern
def _first_character(pattern: "re.Pattern[str]") -> "FirstCharacter":
    return FirstCharacter(pattern)


class FirstCharacter:
    """One pattern, run only at the characters its matches can start with (``by_first_character``;
    the pattern itself where that gives nothing). Keep one per pattern: looking a compiled
    pattern up in a cache hashes its whole code, a microsecond per call for a phrase list."""

    __slots__ = ("pattern", "_finder")

    def __init__(self, pattern: "re.Pattern[str]"):
        self.pattern = pattern
        self._finder = _UNSET            # worked out on first use (not at import: start-up time)

    def _find(self):
        if self._finder is _UNSET:
            self._finder = by_first_character(self.pattern)
        return self._finder

    def finder(self):
        """The pattern run at its first characters, or None: the engine tries every position."""
        return self._find()

    def search(self, text: str, pos: int = 0):
        """``pattern.search(text, pos)``."""
        finder = self._find()
        if finder is None:
            return self.pattern.search(text, pos)
        found = finder.search(text, pos)
        return None if found is None else self.pattern.match(text, found.start())

    def tester(self):
        """A function text -> a match object or None: whether the pattern matches somewhere in
        the text (not where; one call, no wrapper, for a test asked of every sentence)."""
        finder = self._find()
        return (finder or self.pattern).search

    def finditer(self, text: str):
        """``pattern.finditer(text)``: the same matches, as match objects of ``pattern``."""
        finder = self._find()
        if finder is None:
            yield from self.pattern.finditer(text)
            return
        search, match, pos = finder.search, self.pattern.match, 0
        while True:
            found = search(text, pos)
            if found is None:
                return
            m = match(text, found.start())
            yield m
            pos = m.end()               # never empty: a pattern that can match empty has no finder


# -- patterns that cannot see past their line ----------------------------------------------

def _within_a_line(items) -> bool:
    for op, av in items:
        if op is _sre.LITERAL:
            if av == 10:
                return False
        elif op is _sre.IN:
            members = _class_source(av)
            if members is None or re.fullmatch("[" + "".join(members) + "]", "\n"):
                return False
        elif op is _sre.SUBPATTERN:
            if not _within_a_line(av[-1]):
                return False
        elif op is _sre.BRANCH:
            if not all(_within_a_line(b) for b in av[1]):
                return False
        elif op in _REPEATS:
            if not _within_a_line(av[2]):
                return False
        elif op is not _sre.GROUPREF:
            return False                # a dot, a negation, an anchor, a lookaround: may see a line break
    return True


@per_pattern
def line_local(pattern: "re.Pattern[str]") -> bool:
    """Whether no match of the pattern can hold a line break or depend on the text beyond
    its line (no anchor, no lookaround, no class or dot that matches a line break): then its
    matches in lines joined by "\\n" are exactly its matches in each line, and the joined text
    can be scanned once instead of line by line."""
    return bool(_kept("line-local", pattern, _line_local))


def _line_local(pattern: "re.Pattern[str]") -> bool:
    if not isinstance(pattern.pattern, str) or pattern.flags & (re.MULTILINE | re.DOTALL | re.VERBOSE):
        return False
    try:
        parsed = _sre_parse.parse(pattern.pattern, pattern.flags & ~re.UNICODE)
    except Exception:                   # an internal parser we do not control
        return False
    return _within_a_line(parsed)
