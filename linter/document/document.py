"""The Document: what every reader returns and every rule reads.

A document is a list of user-visible lines (a .txt line, a .docx paragraph, a line of
extracted .html/.pdf text). Each line keeps the user's text and a normalised copy with an
offset map back to the user's columns. Lines recognised as web-page chrome (or a table of
contents) are marked and left out of ``content``, so no rule reads them as report content.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..text import literals
from ..text.normalize import REMNANT_OPENERS, looks_traditional, normalize_line


@dataclass
class Line:
    """One line (paragraph) of a report: its text as shown and normalised."""

    number: int                     # 1-based, as the user counts lines/paragraphs
    text: str                       # exactly what the user sees
    norm: str = ""                  # normalised for matching
    origin: list[int] = field(default_factory=list)  # norm index -> text index (+1 sentinel)
    chrome: bool = False            # site navigation, metadata block, footer, table of contents …
    style_level: int | None = None  # heading level from a .docx style or outline level

    def column(self, norm_index: int) -> int:
        """1-based user column of a normalised character index."""
        if not self.origin:
            return 1
        norm_index = max(0, min(norm_index, len(self.origin) - 1))
        return self.origin[norm_index] + 1

    @property
    def stripped(self) -> str:
        return self.norm.strip()


@dataclass(frozen=True)
class Span:
    """A user-visible range: 1-based lines and columns, end exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int


# A lone surrogate (from a docx symbol, a PDF character map or a str built by a caller)
# cannot be encoded as UTF-8: every output would crash on it. Replaced once, here, by
# U+FFFD (one character for one, so columns do not move).
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _encodable(text: str) -> bool:
    """No lone surrogate (UTF-8 encoding refuses one; encoding is much faster than a search)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class Document:
    """A report as text lines, with normalised content and positions."""

    def __init__(self, lines: list[str], path: str = "<memory>", fmt: str = "txt",
                 encoding: str = "utf-8", newline: str = "\n",
                 style_levels: dict[int, int] | None = None):
        self.path = path
        self.format = fmt
        self.encoding = encoding
        self.newline = newline
        self.traditional = looks_traditional("".join(lines[:400]))
        self.lines: list[Line] = []
        # What most reports hold none of is looked for once in the whole text, not line by
        # line: lone surrogates (the text cannot be encoded) and the remnants normalisation cuts.
        whole = "\n".join(lines)
        surrogates = not _encodable(whole)
        remnants = any(c in whole for c in REMNANT_OPENERS)
        for number, text in enumerate(lines, start=1):
            if surrogates:
                text = _LONE_SURROGATE.sub("\ufffd", text)
            norm, origin = normalize_line(text, self.traditional, remnants)
            level = (style_levels or {}).get(number)
            self.lines.append(Line(number, text, norm, origin, style_level=level))
        from .chrome import mark_chrome  # late import: chrome rules read Line objects
        from .contents import mark_contents
        from .wrapping import soft_breaks, wrapped_lines
        mark_chrome(self.lines)
        mark_contents(self.lines)
        # a copy out of a PDF: lines broken at the page's width, read across the breaks
        self.wrapped: frozenset[int] = wrapped_lines(self.lines)
        self.soft_breaks: frozenset[int] = soft_breaks(self.lines, self.wrapped) if self.wrapped else frozenset()
        self._build_content()

    @classmethod
    def from_text(cls, text: str, path: str = "<memory>", fmt: str = "txt", **kw) -> "Document":
        return cls(split_lines(text), path=path, fmt=fmt, **kw)

    def _build_content(self) -> None:
        # Lines joined by a newline, but for a soft break (a line a PDF broke at the page's
        # width runs on into the next: 法治建 / 设 is read 法治建设); each line's norm stays at
        # content[line_start(n):line_start(n) + len(norm)] either way.
        pieces = [("" if ln.chrome else ln.norm) for ln in self.lines]
        soft = self.soft_breaks
        self._starts = []
        joined, offset = [], 0
        for ln, piece in zip(self.lines, pieces):
            self._starts.append(offset)
            separator = "" if ln.number in soft else "\n"
            joined += (piece, separator)
            offset += len(piece) + len(separator)
        self.content = "".join(joined[:-1])

    # -- positions -------------------------------------------------------------
    def line(self, number: int) -> Line:
        return self.lines[number - 1]

    def line_start(self, number: int) -> int:
        """Offset of a line's first character in ``content``."""
        return self._starts[number - 1]

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset)

    def span(self, start: int, end: int) -> Span:
        """Map a ``content`` range to user lines and columns."""
        first = self.line_of(start)
        last = self.line_of(max(start, end - 1)) if end > start else first
        a = self.lines[first - 1].column(start - self._starts[first - 1])
        b = self.lines[last - 1].column(end - self._starts[last - 1])
        return Span(first, a, last, b)

    def line_span(self, number: int) -> Span:
        """The whole visible text of a line (for findings that point at a line)."""
        ln = self.lines[number - 1]
        text = ln.text.rstrip()
        lead = len(text) - len(text.lstrip())
        return Span(number, lead + 1, number, max(len(text), lead) + 1)

    # -- matching --------------------------------------------------------------
    def finditer(self, pattern: "re.Pattern[str]", first: int = 1, last: int | None = None):
        """Regex matches over content, restricted to lines first..last (inclusive)."""
        last = len(self.lines) if last is None else last
        if first > last or not self.lines:
            return
        start = self._starts[first - 1]
        end = self._starts[last - 1] + len(self.lines[last - 1].norm)
        if start == 0 and end == len(self.content):
            # the whole report: tried only near the literals a match must contain
            yield from literals.finditer(pattern, self.content)
        else:
            yield from pattern.finditer(self.content, start, end)

    def content_lines(self):
        """Lines that are report content (not chrome, not blank)."""
        return [ln for ln in self.lines if not ln.chrome and ln.norm.strip()]


def split_lines(text: str) -> list[str]:
    """Split like a text editor does: \\r\\n, \\r and \\n all end a line."""
    lines = text.splitlines()
    return lines


