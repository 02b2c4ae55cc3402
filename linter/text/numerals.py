"""Chinese numerals: 一 → 1, 十二 → 12, 二十三 → 23, and back."""
from __future__ import annotations


CN_DIGITS = "零一二三四五六七八九十百"
_VALUES = {c: i for i, c in enumerate("零一二三四五六七八九")}
_UNITS = {"百": 100, "十": 10}


def cn_number(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十三 → 23, 一百零五 → 105; None if not a Chinese numeral."""
    values = _VALUES                    # (built once: asked for every numbered line of a report)
    if not text:
        return None
    if len(text) == 1 and text in values:
        return values[text]
    total, digit = 0, None
    for ch in text:
        unit = _UNITS.get(ch)
        if unit:
            if unit == 10 and digit is None and total == 0:
                digit = 1                      # 十二: a leading 十 is 一十
            if digit is None or (total and total % (unit * 10)):
                return None                    # 百 after 十, or a unit without its digit
            total, digit = total + digit * unit, None
        elif ch in values:
            if digit is not None and not (digit == 0 and ch != "零"):
                return None                    # two digits in a row (一二)
            digit = values[ch]
        else:
            return None
    return total + (digit or 0)


def chinese_numeral(n: int, digits: str = "零一二三四五六七八九", ten: str = "十", hundred: str = "百") -> str:
    """1 → 一, 10 → 十, 23 → 二十三, 100 → 一百, 105 → 一百零五; Arabic from 1000 (and
    below 0), where Chinese numbering is not used in reports. ``digits``/``ten``/``hundred``
    give the other styles (壹贰叁 … 拾 佰)."""
    if n < 0 or n >= 1000:
        return str(n)
    if n < 10:
        return digits[n]
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = digits[hundreds] + hundred if hundreds else ""
    if tens:
        out += ("" if tens == 1 and not hundreds else digits[tens]) + ten
    elif hundreds and ones:
        out += digits[0]
    return out + (digits[ones] if ones else "")
