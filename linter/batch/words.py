"""Words of a report for comparing reports: jieba's segmentation, loaded once per process.

Copy detection and plan tracking both compare reports by their words. jieba builds its
dictionary on first use (about a second) and logs to stderr while doing so: it is loaded
once per process, quietly, and only when a comparison needs it.

Figures and years are replaced by one placeholder before comparing, so that last year's
report with the years moved on (2022 → 2023, 15 件 → 18 件) still compares as the same text.
"""
from __future__ import annotations

import functools
import logging
import re
import zlib

# (a numeral run is tried from its first character only: tried from each, a long run followed by
# none of the units was read to its end again from every character)
_DIGITS = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?"
                     r"|(?<![〇零一二三四五六七八九十百千万亿两])[〇零一二三四五六七八九十百千万亿两]+(?=[年月日件次场人个名家项万余])")
_NOT_WORD = re.compile(r"^[\W_]+$")


@functools.lru_cache(maxsize=1)
def _jieba():
    import jieba
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def _data_rows(name: str) -> list[str]:
    from ..data import read_tsv
    return [row[0].strip() for row in read_tsv(name) if row and row[0].strip()]


@functools.lru_cache(maxsize=1)
def common_wording() -> re.Pattern:
    """What every report says (rules/data/common_wording.tsv), longest phrase first."""
    phrases = sorted(set(_data_rows("common_wording.tsv")), key=len, reverse=True)
    return re.compile("|".join(re.escape(p) for p in phrases))


@functools.lru_cache(maxsize=1)
def generic_words() -> frozenset[str]:
    """Words too general to show a plan item was carried out (plan_generic_words.tsv)."""
    return frozenset(_data_rows("plan_generic_words.tsv"))


def without_common_wording(text: str) -> str:
    return common_wording().sub("", text)


def words(text: str) -> list[str]:
    """jieba's words of ``text``, figures as ``#``, punctuation and spaces dropped."""
    text = _DIGITS.sub("#", text)
    return [w for w in _jieba().lcut(text) if w.strip() and not _NOT_WORD.match(w)]


def content_words(text: str) -> set[str]:
    """The words of ``text`` that can show matching work: two characters or more, not
    generic (加强, 推进 …), not a figure."""
    generic = generic_words()
    return {w for w in words(text) if len(w) >= 2 and w not in generic and "#" not in w}


def shingle_hashes(tokens: list[str], size: int) -> list[int]:
    """Stable 32-bit hashes of every run of ``size`` consecutive words (the same in every
    process and every run, unlike ``hash``: they are cached on disk)."""
    if len(tokens) < size:
        return []
    return [zlib.crc32("\x1f".join(tokens[i:i + size]).encode("utf-8"))
            for i in range(len(tokens) - size + 1)]
