"""An analysed report: the document, its outline and metadata, read once per lint.

Kinds receive this object; it offers the few questions every kind asks (which lines
belong to which part, where to point a finding about something missing).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from .document import Document, Span
from .index import Index
from .meta import Meta
from .outline import Outline, Part


@dataclass
class Analysis:
    """A report read once: its document, outline and metadata, shared by every rule."""

    doc: Document
    outline: Outline
    meta: Meta
    # The plain phrases of the rule set's rules: what the index scans for in one pass
    # (set by the engine once the rule set is known, before any kind runs).
    vocabulary: frozenset = field(default_factory=frozenset)
    # The literals kinds look for in the user's own text, quotes kept (typo's wrong forms,
    # substitute's terms: their ``raw_words``).
    raw_vocabulary: frozenset = field(default_factory=frozenset)

    @cached_property
    def index(self) -> Index:
        """Phrase occurrences, sentence bounds and the quote-free view, built once."""
        return Index(self.doc, self.vocabulary, self.raw_vocabulary)

    @cached_property
    def heading_blocks(self) -> dict[int, int]:
        """Heading line -> last line of the text directly under it (up to the next heading)."""
        lines = [h.line for h in self.outline.headings]
        last = len(self.doc.lines)
        return {n: (lines[i + 1] - 1 if i + 1 < len(lines) else last) for i, n in enumerate(lines)}

    @cached_property
    def headings_by_line(self) -> dict:
        return {h.line: h for h in self.outline.headings}

    @property
    def year(self) -> int | None:
        return self.meta.report_year

    @property
    def level(self) -> str | None:
        return self.meta.level

    def parts(self, *kinds: str) -> list[Part]:
        return self.outline.parts_of(*kinds)

    def part_kind_at(self, line: int) -> str | None:
        part = self.outline.part_at(line)
        return part.kind if part else None

    def line_ranges(self, *kinds: str) -> list[tuple[int, int]]:
        """(first, last) line ranges of the parts of these kinds; the preamble is 'preamble'."""
        ranges = [(p.start, p.end) for p in self.parts(*kinds)]
        if "preamble" in kinds and self.outline.body_start > 1:
            ranges.append((1, self.outline.body_start - 1))
        return sorted(ranges)

    def anchor(self, *kinds: str) -> Span:
        """Best place for a finding about something missing: the heading of the part where
        it belongs, else the title line, else the first content line."""
        for part in self.parts(*kinds):
            return self.doc.line_span(part.start)
        return self.title_span()

    def title_span(self) -> Span:
        if self.meta.title_lines:
            return self.doc.line_span(self.meta.title_lines[0])
        content = self.doc.content_lines()
        return self.doc.line_span(content[0].number) if content else Span(1, 1, 1, 1)

    def paragraph(self, line: int) -> str:
        return self.doc.line(line).norm.strip()
