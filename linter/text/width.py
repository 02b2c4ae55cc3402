"""Terminal columns of Chinese text, and wrapping by them.

A Chinese character takes two columns of a terminal, a Latin letter one; Python's
``len`` and ``textwrap`` count both as one and break only at spaces, so a help line that
mixes the two comes out twice as wide as the terminal, or cut inside an English word
("departme" / "nt"). Lines here break between Chinese characters or at spaces, never
inside a run of Latin letters, digits and ASCII marks, never before a closing mark
（，。、）……) and never after an opening one (（“《).
"""
from __future__ import annotations

import re
import unicodedata

# Marks that may not open a line (they close what came before) and that may not end one.
_NO_LINE_START = set("，。、；：！？）》」』】〕”’…—·,.;:!?)]}%")
_NO_LINE_END = set("（《「『【〔“‘([{")
_PIECE = re.compile(r"[!-~]+| +|.", re.S)        # an ASCII run, a run of spaces, or one character


def display_width(text: str) -> int:
    """Terminal columns of ``text``: two for wide and full-width characters, one otherwise."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pieces(text: str) -> list[str]:
    """The unbreakable pieces of a line: closing marks glued to what precedes them, opening
    marks to what follows."""
    pieces: list[str] = []
    glue_next = False
    for piece in _PIECE.findall(text):
        # A mark after a space is not glued to the space: the line may break at it.
        if (pieces and not piece.isspace() and not pieces[-1].isspace()
                and (glue_next or piece[0] in _NO_LINE_START)):
            pieces[-1] += piece
        else:
            pieces.append(piece)
        glue_next = piece[-1] in _NO_LINE_END
    return pieces


def wrap_display(text: str, width: int) -> list[str]:
    """``text`` as lines of at most ``width`` columns (a piece wider than that gets a line of
    its own); paragraphs (lines of the input) are kept, spaces at a break are dropped."""
    out: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line, used = "", 0
        for piece in _pieces(paragraph):
            size = display_width(piece)
            if line and used + size > width:
                if line.strip():            # leading spaces alone do not make a line
                    out.append(line.rstrip())
                line, used = "", 0
                if piece.isspace():
                    continue
            line += piece
            used += size
        out.append(line.rstrip())
    return out
