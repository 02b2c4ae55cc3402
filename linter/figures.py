"""Concrete evidence: figures about the year's work (counts, rates, amounts, dates).

Reviewers reject vague filler (泛化): "扎实推进""成效明显" without a number. A figure counts
only when it measures work — "开展讲座4次", "参考率100%", "罚款10.8万元" — not when it is
incidental: an age (60岁以上), an anniversary (75周年), an ordinal (第3次), a year.
"""
from __future__ import annotations

import re

_NUM = r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千万]+)"
_UNITS = (r"余?(?:次|场|期|件|起|宗|人次|人|名|个|项|份|批|家|户|条|篇|台|部|辆|处|所|支|座|套|册|本|幅|块|张|封|"
          r"万元|亿元|元|万份|万人|小时|学时|课时|天|日|个工作日|平方米|亩|公里|米|轮|批次|课|堂|村|社区|户次|台次|余人)")
FIGURE = re.compile(
    r"(?<![第\d.])" + _NUM + r"\s*" + _UNITS + r"(?!以上|以下|周年|岁|届|号|年)"
    r"|\d+(?:\.\d+)?\s*[%％]"
    r"|(?:率|比例)(?:达到?|为|达)?\s*\d+(?:\.\d+)?"
    r"|\d{1,2}月\d{1,2}日"
)
_INCIDENTAL = re.compile(r"\d+\s*(?:岁|周年|年代|届)|第\s*[\d一二三四五六七八九十]+\s*(?:次|届|号|条|款)")
_ZERO = re.compile(r"(?:未(?:发生|收到|制定|出现)|无|没有|0\s*(?:件|起|宗|次))")


def figures(text: str) -> list[re.Match]:
    """Figures measuring work in a text (incidental numbers excluded)."""
    incidental = [m.span() for m in _INCIDENTAL.finditer(text)]
    return [m for m in FIGURE.finditer(text)
            if not any(a <= m.start() < b for a, b in incidental)]


def is_concrete(text: str) -> bool:
    """True when the text states at least one figure, or an explicit zero ("未发生…")."""
    return bool(figures(text)) or bool(_ZERO.search(text))


def density(text: str) -> float:
    """Figures per 1,000 characters."""
    n = len(text.strip())
    return 1000.0 * len(figures(text)) / n if n else 0.0
