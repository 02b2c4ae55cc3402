"""Dates as reports write them: 2025年1月6日, 二〇二五年一月六日, 2025-01-06."""
from __future__ import annotations

import re

from .numerals import cn_number


YEAR = r"(20[0-4]\d|19[89]\d)"


_DATE = re.compile(YEAR + r"\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


ISO_DATE = re.compile(YEAR + r"\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})")


_CN_DATE = re.compile(r"([二〇零○Ｏ０O一三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月"
                      r"\s*([一二三四五六七八九十]{1,3})\s*日")


_CN_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")}
_CN_DIGIT.update({"零": "0", "○": "0", "Ｏ": "0", "０": "0", "O": "0"})


_CN_YEAR = re.compile(r"[二〇零○Ｏ０O一三四五六七八九]{4}(?=\s*年)")


def arabic_years(text: str) -> str:
    """The text with years written in Chinese numerals (二〇二三年) in digits (2023年), same
    meaning; other numerals are left as they are."""
    if "年" not in text:
        return text
    return _CN_YEAR.sub(lambda m: "".join(_CN_DIGIT.get(c, c) for c in m.group(0)), text)


def date_in(text: str) -> str | None:
    m = _DATE.search(text)
    if m:
        return iso_date(m.group(1), m.group(2), m.group(3))
    m = _CN_DATE.search(text)
    if m:
        year = "".join(_CN_DIGIT.get(c, "") for c in m.group(1))
        month, day = cn_number(m.group(2)), cn_number(m.group(3))
        if len(year) == 4 and month and day:
            return iso_date(year, month, day)
    return None


def iso_date(year, month, day) -> str | None:
    month, day = int(month), int(day)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{int(year):04d}-{month:02d}-{day:02d}"
