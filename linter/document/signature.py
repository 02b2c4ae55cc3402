"""The 落款 at the end of a report: the issuer line(s) just above the date.

One detector, used by the outline (where the report's text ends) and by the metadata (who
issued it and when), so the two can never disagree about where the signature is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text.dates import date_in
from .document import Document, Line

# 2025年1月6日 / 二〇二五年一月六日 alone on a line (a little leading/trailing noise allowed)
SIGNATURE_DATE = re.compile(r"^\S{0,4}(?:20\d\d|[二〇零○]{4})\s*年\s*\S{1,3}\s*月\s*\S{1,3}\s*日\S{0,2}$")
# one body's name: "县人民政府" names no place; "中共永和县委" ends in 委
ISSUER_LINE = re.compile(r"^(?:中共)?\S{1,30}?(?:人民政府|街道办事处|办事处|委员会|党工委|党委|(?<=[县区市旗州盟])委|"
                         r"局|厅|办公室|镇|乡|街道|县|区|市|省)$")
_TAIL = 5           # the signature stands within the last lines of the text
_DATE_WIDTH = 24    # a date line is short
_NAME_WIDTH = 40    # an issuer line is one body's name (or two, space-separated)


@dataclass
class Signature:
    """The issuer's name lines and the date line at the end of a report."""

    date_line: Line | None = None
    name_lines: list[Line] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        """Issuer names; two bodies on one line ("中共XX镇委员会 XX镇人民政府") are split."""
        return [p for ln in self.name_lines for p in re.split(r"\s+|、", ln.stripped) if p]

    @property
    def first_line(self) -> int | None:
        lines = self.name_lines or ([self.date_line] if self.date_line else [])
        return lines[0].number if lines else None


def find_signature(doc: Document) -> Signature:
    tail = [ln for ln in doc.lines if not ln.chrome and ln.stripped][-_TAIL:]
    for i in range(len(tail) - 1, 0, -1):
        text = tail[i].stripped
        if len(text) <= _DATE_WIDTH and (date_in(text) or SIGNATURE_DATE.match(text)):
            names: list[Line] = []
            for ln in reversed(tail[max(0, i - 2):i]):
                pieces = [p for p in re.split(r"\s+|、", ln.stripped) if p]
                if len(ln.stripped) <= _NAME_WIDTH and pieces and all(ISSUER_LINE.match(p) for p in pieces):
                    names.insert(0, ln)
                else:
                    break
            return Signature(tail[i], names)
    return Signature()
