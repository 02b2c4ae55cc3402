"""Sentence and paragraph windows in a text."""
from __future__ import annotations

import functools
import re


SENTENCE_STOP = "。！？；\n"


PARAGRAPH_STOP = "\n"
# Clause stops: every sentence stop (full- and half-width) and the comma and colon kinds.
CLAUSE_STOP = "，,；;。！？!?：:\n"


def sentence_bounds(text: str, start: int, end: int, stops: str = SENTENCE_STOP) -> tuple[int, int]:
    """The sentence (or paragraph) around text[start:end]: (first offset, end offset)."""
    a = max(text.rfind(c, 0, start) for c in stops) + 1
    ends = [i for i in (text.find(c, end) for c in stops) if i != -1]
    return a, (min(ends) if ends else len(text))


@functools.lru_cache(maxsize=16)
def stop_class(stops: str) -> "re.Pattern[str]":
    """One character class of these stops: found by a regex scan, not a Python loop over
    every character."""
    return re.compile("[" + re.escape(stops) + "]")
