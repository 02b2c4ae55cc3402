"""Phrase lists compiled into one leftmost-longest alternation each."""
from __future__ import annotations

import functools
import re


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


@functools.lru_cache(maxsize=64)
def literal_scanner(words: tuple[str, ...]):
    """A function text -> [(start, end, word)]: every word, leftmost-longest, no overlaps, in one
    pass (Aho–Corasick via pyahocorasick; the longest-first alternation if it is missing)."""
    try:
        import ahocorasick
    except ImportError:  # pragma: no cover - pyahocorasick is a declared dependency
        pattern = phrase_pattern(words)
        return lambda text: [(m.start(), m.end(), m.group(0)) for m in pattern.finditer(text)]
    automaton = ahocorasick.Automaton()
    for w in set(words):
        automaton.add_word(w, w)
    automaton.make_automaton()
    return lambda text: [(end + 1 - len(w), end + 1, w) for end, w in automaton.iter_long(text)]


QUOTES = frozenset("“”‘’「」『』\"'《》〈〉")
_QUOTE_RUN = re.compile("[" + re.escape("".join(sorted(QUOTES))) + "]+")


def strip_quotes(text: str) -> str:
    return _QUOTE_RUN.sub("", text) if _QUOTE_RUN.search(text) else text


@functools.lru_cache(maxsize=4096)
def compile_phrases(phrases: tuple[str, ...]) -> re.Pattern:
    """One alternation: regex entries (``re:``) first, then plain phrases longest first."""
    regexes = [p[3:] for p in phrases if p.startswith("re:")]
    plain = longest_first(strip_quotes(p) for p in phrases if not p.startswith("re:"))
    return re.compile("|".join([f"(?:{r})" for r in regexes] + [re.escape(p) for p in plain if p]))
