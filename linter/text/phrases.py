"""Phrase lists compiled into one leftmost-longest alternation each."""
from __future__ import annotations

import functools
import re


@functools.lru_cache(maxsize=4096)
def phrase_pattern(phrases: tuple[str, ...]) -> "re.Pattern[str]":
    """One compiled alternation per phrase list, longest first (leftmost-longest)."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return re.compile("|".join(re.escape(p) for p in ordered))


QUOTES = frozenset("“”‘’「」『』\"'《》〈〉")
_QUOTE_RUN = re.compile("[" + re.escape("".join(sorted(QUOTES))) + "]+")


def strip_quotes(text: str) -> str:
    return _QUOTE_RUN.sub("", text) if _QUOTE_RUN.search(text) else text


@functools.lru_cache(maxsize=4096)
def compile_phrases(phrases: tuple[str, ...]) -> re.Pattern:
    """One alternation: regex entries (``re:``) first, then plain phrases longest first."""
    regexes = [p[3:] for p in phrases if p.startswith("re:")]
    plain = sorted({strip_quotes(p) for p in phrases if not p.startswith("re:")}, key=len, reverse=True)
    return re.compile("|".join([f"(?:{r})" for r in regexes] + [re.escape(p) for p in plain if p]))
