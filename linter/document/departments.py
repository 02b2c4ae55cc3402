"""Government departments' full names and their short forms (rules/data/department_names.tsv).

A report's title often uses the short form (武汉市市场监管局2022年法治政府建设年度报告) where a
reviewer, a roster and the overview write the full one (武汉市市场监督管理局): both name one unit.
"""
from __future__ import annotations

import functools

from ..data import read_tsv


@functools.lru_cache(maxsize=1)
def full_names() -> dict[str, str]:
    """Short form → full name (each short form names one department only)."""
    names = {}
    for row in read_tsv("department_names.tsv"):
        full, short = row[0].strip(), (row[1].strip() if len(row) > 1 else "")
        if full and short:
            names[short] = full
    return names


@functools.lru_cache(maxsize=1)
def _shorts_longest_first() -> tuple[str, ...]:
    return tuple(sorted(full_names(), key=len, reverse=True))


def formal_name(unit: str | None) -> str | None:
    """The unit's name with a short department form at its end written out in full
    (某某市市场监管局 → 某某市市场监督管理局); any other name as it is."""
    if not unit:
        return unit
    for short in _shorts_longest_first():
        if unit.endswith(short) and len(unit) > len(short):
            return unit[: -len(short)] + full_names()[short]
    return unit
