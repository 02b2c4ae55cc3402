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

import functools
import re

try:                                    # the parser behind re.compile (re._parser from 3.11)
    from re import _parser as _sre_parse, _constants as _sre
except ImportError:                     # pragma: no cover - Python 3.10
    import sre_parse as _sre_parse      # type: ignore[no-redef]
    import sre_constants as _sre        # type: ignore[no-redef]

_UNBOUNDED = 10_000           # a width past this is "any length" (sre reports MAXREPEAT-based sizes)
_MAX_ALTERNATIVES = 64        # a factor with more alternatives than this is not worth finding


class Factor:
    """Literal strings one of which every match contains, at most ``reach`` characters
    after the match's start."""

    __slots__ = ("alternatives", "reach")

    def __init__(self, alternatives: tuple[str, ...], reach: int):
        self.alternatives, self.reach = alternatives, reach

    def cost(self, text: str) -> int:
        """How many match attempts the factor leaves in this text."""
        return sum(text.count(lit) for lit in self.alternatives) * (self.reach + 1)


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


def _factors(parsed) -> list[Factor]:
    """The literal factors of the pattern's top-level sequence: runs of literal items (a
    literal, or a group, alternation or small class of literals) with a bounded width
    before them."""
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
        high = _width(parsed.state, items[i])[1]
        if high >= _UNBOUNDED:
            break                       # nothing after an unbounded item has a known reach
        reach += high
        i += 1
    return found


@functools.lru_cache(maxsize=1024)
def factors_of(pattern: "re.Pattern[str]") -> tuple[Factor, ...]:
    """The literal factors of a compiled pattern (empty when it has none to use)."""
    if not isinstance(pattern.pattern, str) or pattern.flags & (re.IGNORECASE | re.VERBOSE):
        return ()
    try:
        parsed = _sre_parse.parse(pattern.pattern, pattern.flags & ~re.UNICODE)
    except Exception:                   # an internal parser we do not control: just don't filter
        return ()
    found = tuple(_factors(parsed))
    if any(f.reach == 0 for f in found):
        return ()      # it starts with literals: the regex engine's own prefix scan is faster
    return found


def factor_for(pattern: "re.Pattern[str]", text: str) -> Factor | None:
    """The factor leaving the fewest attempts in this text (counting literals is cheap)."""
    factors = factors_of(pattern)
    if not factors:
        return None
    return min(factors, key=lambda f: f.cost(text)) if len(factors) > 1 else factors[0]


def _candidates(text: str, factor: Factor) -> list[int]:
    """Where the factor's literals occur (overlapping occurrences included), in order."""
    found: set[int] = set()
    for lit in factor.alternatives:
        i = text.find(lit)
        while i != -1:
            found.add(i)
            i = text.find(lit, i + 1)
    return sorted(found)


def finditer(pattern: "re.Pattern[str]", text: str):
    """``pattern.finditer(text)``, trying the pattern only where a match can start."""
    factor = factor_for(pattern, text)
    if factor is None:
        yield from pattern.finditer(text)
        return
    pos, tried = 0, -1                  # next allowed start; last start already tried
    starts = _candidates(text, factor)
    k = 0
    while k < len(starts):
        q = starts[k]
        if q < pos:
            k += 1
            continue
        found = None
        for start in range(max(pos, q - factor.reach, tried + 1), q + 1):
            tried = start
            found = pattern.match(text, start)
            if found is not None:
                break
        if found is None:
            k += 1                      # no match hosted by this occurrence
            continue
        yield found
        # the next match starts after this one; it may still contain this occurrence
        pos = found.end() if found.end() > found.start() else found.end() + 1


def search(pattern: "re.Pattern[str]", text: str):
    """``pattern.search(text)`` through the same prefilter."""
    return next(finditer(pattern, text), None)
