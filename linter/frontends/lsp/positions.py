"""LSP positions: the linter's 1-based line and character columns to the position
encoding the client negotiated (UTF-16 code units unless it chose UTF-8 or UTF-32)."""
from __future__ import annotations

import bisect
import re

from lsprotocol import types


def _units_utf16(s: str) -> int:
    return len(s) + sum(1 for c in s if ord(c) > 0xFFFF)


def _units_utf8(s: str) -> int:
    return len(s.encode("utf-8", "surrogatepass"))


_UNITS = {"utf-16": _units_utf16, "utf-8": _units_utf8, "utf-32": len}
_LSP_NEWLINE = re.compile(r"\r\n|\r|\n")
_LINE_BREAKS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"   # what str.splitlines breaks at


class PositionMap:
    """Linter positions (1-based line, 1-based character column, end exclusive) to LSP.

    The linter splits lines like ``str.splitlines`` (which also breaks at U+2028, U+0085,
    form feed …); LSP breaks only at CR, LF and CRLF. Both are mapped through absolute
    character offsets into the text, so the two line models can differ safely.
    """

    def __init__(self, text: str, encoding: str = "utf-16"):
        self.text = text
        self.units = _UNITS.get(str(encoding).lower(), _units_utf16)
        self.doc_starts: list[int] = []
        self.doc_lengths: list[int] = []
        offset = 0
        for piece in text.splitlines(keepends=True):
            self.doc_starts.append(offset)
            self.doc_lengths.append(len(piece.rstrip(_LINE_BREAKS)))  # one break per piece
            offset += len(piece)
        self.lsp_starts = [0] + [m.end() for m in _LSP_NEWLINE.finditer(text)]

    def offset(self, line: int, column: int) -> int:
        """Absolute character offset of a linter position (clamped into the text)."""
        if not self.doc_starts:
            return 0
        if line < 1:
            return 0
        if line > len(self.doc_starts):
            return len(self.text.rstrip("\r\n")) if self.text else 0
        start, length = self.doc_starts[line - 1], self.doc_lengths[line - 1]
        return start + max(0, min(column - 1, length))

    def position(self, offset: int) -> types.Position:
        offset = max(0, min(offset, len(self.text)))
        index = bisect.bisect_right(self.lsp_starts, offset) - 1
        start = self.lsp_starts[index]
        return types.Position(line=index, character=self.units(self.text[start:offset]))

    def range(self, line: int, column: int, end_line: int, end_column: int) -> types.Range:
        a = self.offset(line, column)
        b = max(a, self.offset(end_line, end_column))
        return types.Range(start=self.position(a), end=self.position(b))
