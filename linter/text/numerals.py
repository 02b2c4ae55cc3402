"""Chinese numerals: 一 → 1, 十二 → 12, 二十三 → 23, and back."""
from __future__ import annotations


CN_DIGITS = "零一二三四五六七八九十百"


def cn_number(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十三 → 23; None if not a Chinese numeral."""
    values = {c: i for i, c in enumerate("零一二三四五六七八九")}
    if not text:
        return None
    if "十" in text:
        tens, _, ones = text.partition("十")
        t = values.get(tens, None) if tens else 1
        o = values.get(ones, None) if ones else 0
        return None if t is None or o is None else t * 10 + o
    if len(text) == 1 and text in values:
        return values[text]
    return None
