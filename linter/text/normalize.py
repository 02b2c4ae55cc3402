"""Normalisation for matching only.

The user always sees their own text; rules match against a normalised copy. Every
normalised character remembers the index of the original character it came from, so a
match maps back to the line and column the user sees.
"""
from __future__ import annotations

import functools
import re

# Characters that occur only in traditional script; one of them is enough to make the
# (comparatively slow) OpenCC pass worthwhile.
_TRADITIONAL_HINTS = frozenset(
    "國們這為會發實設與說時對經當過進關來個開從問門區電長現後點動機樣質務體報專業場應該"
    "責華員職權並眾傳統爭議議規範辦審計認識論調幹導於執書頒佈價構決屬條歷臨歲陽陰視聽讀請題顯")

_REMNANTS = re.compile(r"\[bookmark:[^\]]*\]|\[comment:[^\]]*\]|[\u200b-\u200f\u2060\ufeff\u00ad]")

# Full-width ASCII letters and digits fold to half-width; half-width punctuation that
# Chinese text uses folds to its full-width form (except between digits: 1,300 / 10:30).
_WIDTH = {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)}
_WIDTH.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)})
_WIDTH.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)})
_WIDTH.update({"\u3000": " ", "\xa0": " ", "．": "."})
_PUNCT = {"(": "（", ")": "）", ",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}
_DIGIT_SEPARATORS = frozenset(",:")


def looks_traditional(text: str) -> bool:
    return any(ch in _TRADITIONAL_HINTS for ch in text)


@functools.lru_cache(maxsize=1)
def _t2s():
    try:
        import opencc
    except ImportError:  # pragma: no cover - opencc is a declared dependency
        return None
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → simplified, keeping the length (character for character)."""
    converter = _t2s()
    if converter is None:
        return text
    converted = converter.convert(text)
    if len(converted) == len(text):
        return converted
    # A phrase conversion changed the length: fall back to one character at a time so
    # the offset map stays exact.
    return "".join(c if len(c) == 1 else ch for ch, c in ((ch, converter.convert(ch)) for ch in text))


def normalize_line(text: str, traditional: bool = False) -> tuple[str, list[int]]:
    """Return the normalised line and, for each of its characters, the original index.

    The origin list has one extra entry (the original length) so that a match end maps
    to a column too.
    """
    kept: list[str] = []
    origin: list[int] = []
    removed = _removed_spans(text)
    n = len(text)
    for i, ch in enumerate(text):
        if removed and _inside(i, removed):
            continue
        folded = _WIDTH.get(ch, ch)
        if folded in _PUNCT and not (folded in _DIGIT_SEPARATORS and _between_digits(text, i)):
            folded = _PUNCT[folded]
        kept.append(folded)
        origin.append(i)
    origin.append(n)
    norm = "".join(kept)
    if traditional:
        norm = to_simplified(norm)
    return norm, origin


def _removed_spans(text: str) -> list[tuple[int, int]]:
    if "[" not in text and not any("\u200b" <= c <= "\u200f" or c in "\u2060\ufeff\u00ad" for c in text):
        return []
    return [m.span() for m in _REMNANTS.finditer(text)]


def _inside(i: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= i < b for a, b in spans)


def _between_digits(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()
