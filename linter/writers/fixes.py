"""Safe fixes: apply the ``Fix(safe=True)`` of active findings to a .txt/.md report.

- Only plain-text reports (.txt, .md) are rewritten; a .docx, .pdf, .html … never is.
- The file's encoding (UTF-8, UTF-8 with BOM, GB18030/GBK, UTF-16/32) and its line endings
  are kept exactly: edits are made in the decoded text at the user's (line, column)
  positions and everything else is written back byte for byte. A file that would not
  round-trip exactly (UTF-8 with damaged bytes the reader replaced) is left alone.
- Each fix is applied whole or not at all. Fixes are taken in order of position (then
  rule code); a fix that overlaps one already taken waits for the next pass. After each
  pass the text is linted again, up to ``MAX_PASSES`` times, so the findings reported
  afterwards are what really remains.
- Unsafe fixes are never applied; front ends show them as suggestions.
"""
from __future__ import annotations

import bisect
import difflib
from dataclasses import dataclass, field

from ..engine.run import lint_bytes, lint_path
from ..errors import FzlintError, os_problem

TEXT_FORMATS = ("txt", "md")
MAX_PASSES = 10


@dataclass
class FixOutcome:
    path: str
    applied: int = 0                  # fixes applied, over all passes
    changed: bool = False
    diff: str = ""
    unsafe: int = 0                   # fixes left for a person to judge
    refused: str = ""                 # why the file was not rewritten, one line
    result: object = None             # FileResult after fixing (or as linted, when nothing changed)
    original: bytes = b""
    fixed: bytes = b""
    codes: dict = field(default_factory=dict)   # code -> fixes applied


def safe_fixes(result) -> list:
    return [d for d in result.active() if d.fix is not None and d.fix.safe and d.fix.edits]


def unsafe_fixes(result) -> list:
    return [d for d in result.active() if d.fix is not None and not d.fix.safe]


# -- text codec that round-trips exactly ----------------------------------------------

def split_bytes(data: bytes, path: str) -> tuple[bytes, str, str]:
    """(byte-order mark, codec, text) such that ``bom + text.encode(codec) == data``."""
    from ..readers.txt import decode
    _, encoding = decode(data, path)
    bom, codec = b"", encoding
    if encoding == "utf-8-sig":
        bom, codec = data[:3], "utf-8"
    elif encoding == "utf-16":
        bom = data[:2]
        codec = "utf-16-le" if bom == b"\xff\xfe" else "utf-16-be"
    elif encoding == "utf-32":
        bom = data[:4]
        codec = "utf-32-le" if bom == b"\xff\xfe\x00\x00" else "utf-32-be"
    try:
        text = data[len(bom):].decode(codec)
    except (UnicodeDecodeError, LookupError):
        raise FzlintError(f"无法按原编码（{encoding}）无损改写，未修改", path, "fix-encoding") from None
    if text.encode(codec) != data[len(bom):]:
        raise FzlintError(f"无法按原编码（{encoding}）无损改写，未修改", path, "fix-encoding")
    return bom, codec, text


# -- applying edits ----------------------------------------------------------------------

def _line_starts(text: str) -> tuple[list[int], list[int]]:
    """Offsets where each user line starts, and each line's length without its ending."""
    starts, lengths, offset = [], [], 0
    for piece in text.splitlines(keepends=True):
        body = piece.splitlines()[0] if piece.splitlines() else ""
        starts.append(offset)
        lengths.append(len(body))
        offset += len(piece)
    return starts, lengths


def _offset(starts, lengths, total: int, line: int, column: int) -> int | None:
    if line == len(starts) + 1 and column == 1:
        return total
    if not 1 <= line <= len(starts) or not 1 <= column <= lengths[line - 1] + 1:
        return None
    return starts[line - 1] + column - 1


def _newline(text: str) -> str:
    from ..readers.txt import newline_of
    return newline_of(text)


def apply_fixes(text: str, diagnostics) -> tuple[str, list]:
    """Apply the fixes of these diagnostics once; return (new text, diagnostics applied).

    Deterministic: fixes are tried by position then code; one that overlaps a fix already
    taken (or is malformed) is left for the next pass.
    """
    starts, lengths = _line_starts(text)
    newline = _newline(text)
    candidates = []
    for d in diagnostics:
        spans = []
        for e in d.fix.edits:
            a = _offset(starts, lengths, len(text), e.line, e.column)
            b = _offset(starts, lengths, len(text), e.end_line, e.end_column)
            if a is None or b is None or b < a:
                spans = None
                break
            spans.append((a, b, e.text.replace("\r\n", "\n").replace("\n", newline)))
        if spans:
            candidates.append((min(s[0] for s in spans), d.code, d.line, d.column, spans, d))
    candidates.sort(key=lambda c: c[:4])
    taken: list[tuple[int, int, str]] = []     # sorted by (start, end); never conflicting
    applied = []
    for *_, spans, d in candidates:
        ordered = sorted(spans)      # (sorted, only neighbours can conflict: see below)
        if any(_conflict(x, y) for x, y in zip(ordered, ordered[1:])) or \
                any(_conflicts_with_taken(s, taken) for s in spans):
            continue
        for span in spans:
            bisect.insort(taken, span)
        applied.append(d)
    pieces, at = [], 0                          # one pass: linear in the text and the edits
    for a, b, new in taken:
        pieces += [text[at:a], new]
        at = b
    pieces.append(text[at:])
    return "".join(pieces), applied


def _conflict(x, y) -> bool:
    (a1, b1, _), (a2, b2, _) = x, y
    return a1 == a2 or (a1 < b2 and a2 < b1)


def _conflicts_with_taken(span, taken: list[tuple[int, int, str]]) -> bool:
    """``_conflict`` against every taken span, by looking at two: taken spans do not
    overlap, so their ends rise with their starts, and only the neighbours of ``span``'s
    start can meet it (a bisection instead of a comparison with each of 20,000 edits)."""
    i = bisect.bisect_left(taken, (span[0], -1, ""))
    return any(_conflict(span, taken[j]) for j in (i - 1, i) if 0 <= j < len(taken))


def unified_diff(path: str, before: str, after: str) -> str:
    a, b = before.splitlines(keepends=True), after.splitlines(keepends=True)
    out = []
    for line in difflib.unified_diff(a, b, fromfile=f"a/{path}", tofile=f"b/{path}"):
        out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ 文件末尾没有换行\n")
    return "".join(out)


# -- one file -----------------------------------------------------------------------------

def fix_file(path: str, config=None, write: bool = True, result=None,
             display: str | None = None) -> FixOutcome:
    """Lint, apply safe fixes until none is left (or ``MAX_PASSES``), re-lint, and write
    the file back when ``write`` (``--fix``) — or only compute the diff (``--diff``)."""
    result = result if result is not None else lint_path(path, config)
    shown = display or path
    outcome = FixOutcome(path, result=result)
    if result.error:
        return outcome
    if result.format not in TEXT_FORMATS:
        n = len(safe_fixes(result))
        if n:
            outcome.refused = (f"{shown}: 未修改。--fix 只改写 .txt/.md 文件，不改 .{result.format} 文件"
                               f"（以免破坏排版）；下面标有［可自动修复］的 {n} 处请在 Word/WPS 中照建议修改，"
                               "或用 fzlint annotate 生成带批注的副本")
        outcome.unsafe = len(unsafe_fixes(result))
        return outcome
    if not safe_fixes(result):
        outcome.unsafe = len(unsafe_fixes(result))
        return outcome
    try:
        with open(path, "rb") as fh:
            data = fh.read()
        bom, codec, text = split_bytes(data, path)
    except OSError as exc:
        outcome.refused = f"{shown}: 无法读取文件，未修改：{os_problem(exc)}"
        return outcome
    except FzlintError as exc:
        outcome.refused = f"{shown}: {exc.message}"
        return outcome
    original = text
    for _ in range(MAX_PASSES):
        fixes = safe_fixes(result)
        if not fixes:
            break
        new, applied = apply_fixes(text, fixes)
        if not applied or new == text:
            break
        for d in applied:
            outcome.codes[d.code] = outcome.codes.get(d.code, 0) + 1
        outcome.applied += len(applied)
        text = new
        result = lint_bytes(bom + text.encode(codec), path, config)
        if result.error:       # a fix must never make a report unreadable; keep the original
            outcome.refused = f"{shown}: 修复后无法重新读取，未修改"
            outcome.applied, outcome.codes, text = 0, {}, original
            result = lint_bytes(data, path, config)
            break
    outcome.result = result
    outcome.unsafe = len(unsafe_fixes(result))
    outcome.original = data
    outcome.fixed = bom + text.encode(codec)
    outcome.changed = outcome.fixed != data
    if outcome.changed:
        outcome.diff = unified_diff(shown, original, text)
        if write:
            try:
                with open(path, "wb") as fh:
                    fh.write(outcome.fixed)
            except OSError as exc:
                outcome.refused = f"{shown}: 无法写入文件，未修改：{os_problem(exc, writing=True)}"
                outcome.changed, outcome.applied, outcome.codes = False, 0, {}
                outcome.result = lint_bytes(data, path, config)
    return outcome
