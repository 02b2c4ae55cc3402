"""Normalisation for matching only.

The user always sees their own text; rules match against a normalised copy. Every
normalised character remembers the index of the original character it came from, so a
match maps back to the line and column the user sees.
"""
from __future__ import annotations

import bisect
import functools
import re

from .literals import FirstCharacter

# Characters that occur only in traditional script; one of them is enough to make the
# (comparatively slow) OpenCC pass worthwhile.
_TRADITIONAL_HINTS = frozenset(
    "國們這為會發實設與說時對經當過進關來個開從問門區電長現後點動機樣質務體報專業場應該"
    "責華員職權並眾傳統爭議議規範辦審計認識論調幹導於執書頒佈價構決屬條歷臨歲陽陰視聽讀請題顯"
    # (and the ones a paste or an OCR pass leaves here and there in a simplified report:
    # 工作完成情況, 《行政處罰法》, 執法全過程記錄)
    "況處記錄罰產據觀義農親聯檢測續紀網線類單備總營資創維護證訴訟選舉環廣無萬億團黨鄉鎮縣區級圖劃")

# A remnant's name is bounded so an unclosed "[bookmark:" costs a bounded look-ahead, not
# a scan to the end of the line for each one (quadratic on a line full of them).
_REMNANTS = re.compile(r"\[(?:bookmark|comment):[^\]\n]{0,256}\]|[\u200b-\u200f\u2060\ufeff\u00ad]")
_REMNANT_SCAN = FirstCharacter(_REMNANTS)    # (asked of every line: found by its first character)
# A letter-spaced run (法 律 明 白 人, 法 治 政 府: a PDF's or a heading's spacing kept in the
# text) and a stray space a PDF's conversion left inside a word (工作思 路, 相关内 容, 人 次): one
# space between two Chinese characters is cut out as remnants are, so the words match (the
# user's text keeps it; 镇长 张某 reads as 镇长张某, which no rule tells apart). Two spaces or
# more, and spaces beside digits or letters (一、 2023 年), stay;
_SPACE_IN_CHINESE = re.compile(r"[\u4e00-\u9fff](?:[ \u3000](?![\u4e00-\u9fff]{1,6}[：:])[\u4e00-\u9fff])+")
# … in a line of prose or a numbered heading only (it has a comma, a stop or 、): a line without
# them may be a signature or a page's fields, whose spaces part names (中共永和县委 永和县人民政府;
# 来源：某区人民政府 发布时间：…, where the next field's label is kept apart too). A letter-spaced
# run is cut anywhere.
_PROSE = re.compile(r"[，。；、,;]")
_LETTER_SPACED = re.compile(r"[\u4e00-\u9fff](?:[ \u3000][\u4e00-\u9fff]){2,}")
# What a remnant starts with: a report holding none of these (most) has no line to look at.
REMNANT_OPENERS = "[\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad"

# Full-width ASCII letters and digits fold to half-width; half-width punctuation that
# Chinese text uses folds to its full-width form (except between digits: 1,300 / 10:30).
_WIDTH = {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)}
_WIDTH.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)})
_WIDTH.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)})
_WIDTH.update({"\u3000": " ", "\xa0": " ", "．": "."})
_PUNCT = {"(": "（", ")": "）", ",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}
# Variant forms a font or an OCR pass puts for a common character (法律眀白人): read as it.
_VARIANTS = {"眀": "明"}
_DIGIT_SEPARATORS = frozenset(",:")


# One character class searched by the regex engine: ``frozenset.isdisjoint(text)`` would make
# a one-character string of every character of the report first (ten times slower).
_TRADITIONAL_HINT = re.compile("[" + re.escape("".join(sorted(_TRADITIONAL_HINTS))) + "]")


def looks_traditional(text: str) -> bool:
    return _TRADITIONAL_HINT.search(text) is not None


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


_FOLDS = {**_WIDTH, **_PUNCT, **_VARIANTS}      # every one-character fold, in one table
_FOLD = str.maketrans(_FOLDS)
_FOLDABLE = re.compile("[" + re.escape("".join(sorted(_FOLDS))) + "]")
_SEPARATOR = re.compile("[,:]")


def normalize_line(text: str, traditional: bool = False, remnants: bool = True) -> tuple[str, list[int]]:
    """Return the normalised line and, for each of its characters, the original index.

    The origin list has one extra entry (the original length) so that a match end maps
    to a column too. Linear in the line's length: remnants are cut out by slices, the
    folding is one ``str.translate`` (every mapping is one character to one character).
    """
    n = len(text)
    removed = _removed_spans(text) if remnants else []       # (False: the caller knows there are none)
    if " " in text or "\u3000" in text:
        spaced = _SPACE_IN_CHINESE if _PROSE.search(text) else _LETTER_SPACED
        spaces = [(i, i + 1) for m in spaced.finditer(text)
                  for i in range(m.start() + 1, m.end(), 2)]
        if spaces:
            removed = merge_spans(sorted(removed + spaces))
    if removed:
        pieces, origin, at = [], [], 0
        for a, b in removed:
            pieces.append(text[at:a])
            origin.extend(range(at, a))
            at = b
        pieces.append(text[at:])
        origin.extend(range(at, n))
        kept = "".join(pieces)
    else:
        kept, origin = text, list(range(n))
    folded = kept.translate(_FOLD) if _FOLDABLE.search(kept) else kept
    if "," in text or ":" in text:
        # 1,300 and 10:30 keep their half-width separators (judged on the user's text).
        chars = None
        for m in _SEPARATOR.finditer(text):
            i = m.start()
            if _between_digits(text, i):
                j = _kept_index(origin, i) if removed else i
                if j is not None:
                    chars = chars or list(folded)
                    chars[j] = text[i]
        if chars is not None:
            folded = "".join(chars)
    origin.append(n)
    if traditional:
        folded = to_simplified(folded)
    return folded, origin


def _kept_index(origin: list[int], i: int) -> int | None:
    j = bisect.bisect_left(origin, i)
    return j if j < len(origin) and origin[j] == i else None


def _removed_spans(text: str) -> list[tuple[int, int]]:
    if _REMNANT_SCAN.search(text) is None:
        return []
    return merge_spans(m.span() for m in _REMNANTS.finditer(text))


def merge_spans(spans) -> list[tuple[int, int]]:
    """Sorted (start, end) spans with overlapping or touching ones joined."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _between_digits(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()
