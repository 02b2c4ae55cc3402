"""Phrase lists compiled into one leftmost-longest alternation each."""
from __future__ import annotations

import functools
import re
from collections import defaultdict
from itertools import chain


def longest_first(phrases) -> list[str]:
    """Distinct phrases, longest first, and in text order among equal lengths: the same
    alternation in every process (a set's order changes with each run's string hashing), so
    the command's compiled-pattern store recognises it. Which of two equally long phrases
    comes first changes no match: both cannot match at one place."""
    return sorted(set(phrases), key=lambda p: (-len(p), p))


@functools.lru_cache(maxsize=4096)
def phrase_pattern(phrases: tuple[str, ...]) -> "re.Pattern[str]":
    """One compiled alternation per phrase list, longest first (leftmost-longest)."""
    return re.compile("|".join(re.escape(p) for p in longest_first(phrases)))


# The automaton walks one trie node per character, and pyahocorasick looks a character up
# among a node's children one by one: the root of a vocabulary of Chinese phrases has hundreds
# of children. Spelled as UTF-16 code units read as Latin-1 (two characters < 256 each), the
# same phrases have a root of a few dozen children and small nodes below it — the scan is about
# twice as fast. A match is kept only where it starts on a character boundary (even offset).
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def _as_bytes(text: str) -> str:
    return text.encode("utf-16-be").decode("latin-1")


@functools.lru_cache(maxsize=8)
def _automaton(vocabulary: frozenset[str], split: bool = False):
    try:
        import ahocorasick
    except ImportError:
        return None
    auto = ahocorasick.Automaton()
    for phrase in vocabulary:
        # the value: what a match's start and sort key are computed from (the end offset,
        # less this many code units, is the start), so the scan's loop does no more than that
        auto.add_word(_as_bytes(phrase) if split else phrase,
                      (phrase, 2 * len(phrase) - 1 if split else len(phrase) - 1, -len(phrase)))
    auto.make_automaton()
    return auto


def occurrences_by_phrase(vocabulary: frozenset[str], text: str) -> dict[str, list[tuple[int, int]]] | None:
    """phrase -> [(start, -length), …] of every occurrence of every phrase that occurs,
    overlapping ones included, each phrase's in the order of their starts (-length: the sort
    key of leftmost-longest); None without pyahocorasick."""
    units = _as_bytes(text)
    split = len(units) == 2 * len(text) and not _astral_phrases(vocabulary)
    auto = _automaton(vocabulary, split)
    if auto is None:
        return None
    # (a defaultdict: setdefault would make a new empty list for every one of the matches)
    out: defaultdict[str, list[tuple[int, int]]] = defaultdict(list)
    if not split:
        for end, (p, back, neg) in auto.iter(text):
            out[p].append((end - back, neg))
        return dict(out)
    for end, (p, back, neg) in auto.iter(units):
        start = end - back
        if not start & 1:
            out[p].append((start >> 1, neg))
    return dict(out)


@functools.lru_cache(maxsize=8)
def _astral_phrases(vocabulary: frozenset[str]) -> tuple[str, ...]:
    """The vocabulary's phrases with a character beyond the BMP (none, in practice)."""
    return tuple(p for p in vocabulary if _ASTRAL.search(p))


def leftmost_longest_spans(starts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Occurrences (start, -length), sorted, to the hits a longest-first alternation gives."""
    spans, last = [], 0
    for s, neg in starts:
        if s >= last:
            spans.append((s, s - neg))
            last = s - neg
    return spans


@functools.lru_cache(maxsize=8)
def _endings(vocabulary: frozenset[str]):
    """The characters the vocabulary's phrases end with (as one character class) and, for
    each, the phrase lengths ending with it, longest first."""
    lengths: dict[str, set[int]] = {}
    for phrase in vocabulary:
        lengths.setdefault(phrase[-1], set()).add(len(phrase))
    cls = re.compile("[" + re.escape("".join(sorted(lengths))) + "]")
    return cls, {c: sorted(n, reverse=True) for c, n in lengths.items()}


def leftmost_longest(text: str, vocabulary: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) of the phrases of a vocabulary in a text, leftmost-longest and not
    overlapping — what a longest-first alternation's ``finditer`` gives. Meant for a
    vocabulary whose phrases end with a few characters (place names: 省 市 州 区 盟): the
    regex engine finds those characters, and only the phrases that could end there are
    looked up — a regex alternation of hundreds of names tries each at every position, and
    an Aho-Corasick automaton walks a root with hundreds of branches at every character."""
    if not vocabulary:
        return []
    cls, lengths = _endings(vocabulary)
    starts = []
    for m in cls.finditer(text):
        stop = m.end()
        for n in lengths[m.group()]:
            if n <= stop and text[stop - n:stop] in vocabulary:
                starts.append((stop - n, -n))
    starts.sort()
    return leftmost_longest_spans(starts)


def find_all(text: str, literal: str):
    """Every offset where ``literal`` occurs in ``text``, overlapping ones included, in order."""
    i = text.find(literal)
    while i != -1:
        yield i
        i = text.find(literal, i + 1)


@functools.lru_cache(maxsize=64)
def literal_scanner(words: tuple[str, ...]):
    """A function text -> [(start, end, word)]: every word, leftmost-longest, no overlaps, in one
    pass (Aho–Corasick via pyahocorasick; the longest-first alternation if it is missing)."""
    vocabulary = frozenset(words)

    def scan(text: str):
        found = occurrences_by_phrase(vocabulary, text)
        if found is None:  # pragma: no cover - pyahocorasick is a declared dependency
            return [(m.start(), m.end(), m.group(0)) for m in phrase_pattern(words).finditer(text)]
        spans = leftmost_longest_spans(sorted(chain.from_iterable(found.values())))
        return [(a, b, text[a:b]) for a, b in spans]
    return scan


QUOTES = frozenset("“”‘’「」『』\"'《》〈〉")
_QUOTE_CLASS = "[" + re.escape("".join(sorted(QUOTES))) + "]"
# A run of quotation marks, spelled ``[…][…]*`` rather than ``[…]+``: a pattern opening with a
# class is found by the engine's prefix scan, a repeat is tried at every position.
QUOTE_RUN = re.compile(_QUOTE_CLASS + _QUOTE_CLASS + "*")
# whether a text has a quotation mark at all
QUOTE_CHAR = re.compile(_QUOTE_CLASS)


def strip_quotes(text: str) -> str:
    return QUOTE_RUN.sub("", text) if QUOTE_CHAR.search(text) else text


@functools.lru_cache(maxsize=4096)
def compile_phrases(phrases: tuple[str, ...]) -> re.Pattern:
    """One alternation: regex entries (``re:``) first, then plain phrases longest first."""
    regexes = [p[3:] for p in phrases if p.startswith("re:")]
    plain = longest_first(strip_quotes(p) for p in phrases if not p.startswith("re:"))
    return re.compile("|".join([f"(?:{r})" for r in regexes] + [re.escape(p) for p in plain if p]))
