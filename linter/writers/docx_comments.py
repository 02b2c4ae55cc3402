"""Word comments (批注): the findings written into the clerk's own .docx.

``annotate_upload(data, filename, config)`` reads an upload with the normal readers,
lints it and returns ``(docx bytes, FileResult)``:

- a .docx (or a .docx saved under .doc/.wps): the clerk's own document, body untouched,
  with one comment per finding in the standard comments part (word/comments.xml), so
  Word, WPS and LibreOffice all show them; existing comments and tracked changes stay;
- any other format (.pdf, .txt, .html, a converted .doc/.wps): a new .docx made of the
  report's text, one paragraph per line, with the same comments.

Where a comment goes: a finding covers columns ``column``..``end_column`` (1-based, end
exclusive) of ``Line.text``. The paragraphs and their texts come from the .docx reader's
own walk (``readers.docx.walk``), so line N here is line N of the reader, table cells and
content controls included, and an auto-number label ("一、") counts as it does for the
reader. The label is not text in the body, so a range is clipped to the paragraph's real
text; a range lying wholly on the label takes the real text's first character. Runs are
split at the range's ends (each part keeps the run's formatting) and the comment range
markers put around exactly those characters. Findings about something missing are
located by their rules at the heading (or title) of the part where it belongs, and are
anchored there like any other finding. One more comment on the title gives the
checklist (✗ 缺失 / △ 较弱 / ✓ 已写明) and lists any finding that has no place in the text.
"""
from __future__ import annotations

import copy
import io
import os
import re

from ..config import Config
from ..document.document import Document
from ..document.result import FileResult, summarize
from ..engine.run import lint
from ..errors import ReadError, UsageError, os_problem
from ..readers import load_path, read_bytes
from ..readers.docx import open_document, parts_of, pieces, walk
from ..vocab import ANNOTATED_SUFFIX, SEVERITY_LABELS as SEVERITY_LABEL, STATE_LABELS as STATE_LABEL, \
    STATE_MARKS as STATE_MARK, checklist_label as item_label

AUTHOR = "fzlint"
INITIALS = "fz"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = "{%s}" % W
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# characters XML 1.0 cannot carry (a .txt may hold them); comments must still save
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# the suffixes whose upload, when it is a zip, is read by the .docx reader as it is
_DOCX_SUFFIXES = (".docx", ".doc", ".wps")


def annotate_upload(data: bytes, filename: str, config: Config | None = None) -> tuple[bytes, FileResult]:
    """Read, lint and annotate one upload. Raises ``ReadError`` (Chinese message) for a
    file that cannot be read as a report, or (code ``annotate-failed``) whose comments
    cannot be written."""
    config = config or Config()
    document = read_bytes(data, filename, config.max_bytes)
    result = lint(document, config)
    suffix = os.path.splitext(filename)[1].lower()
    own = data[:4] == b"PK\x03\x04" and suffix in _DOCX_SUFFIXES
    try:
        return annotate_docx(data if own else text_docx(document), document, result), result
    except ReadError:
        raise
    except Exception as exc:  # noqa: BLE001 - a hostile file that read but cannot be written is no crash
        raise ReadError(f"无法在这份文件中写入批注（{type(exc).__name__}）；请用 Word/WPS 打开后另存一份再试",
                        filename, "annotate-failed") from None


def annotate_file(report: str, output: str | None = None, config: Config | None = None) -> tuple[str, FileResult]:
    """Annotate a report on disk into ``output`` (default: ``原名.批注.docx`` beside it).
    The report itself is never written: an ``output`` naming it is refused."""
    config = config or Config()
    data = load_path(report, config.max_bytes)     # a missing or unreadable report: ReadError
    output = output or os.path.join(os.path.dirname(report), annotated_name(report))
    if os.path.exists(output) and os.path.samefile(output, report):
        raise UsageError(f"输出文件 {output} 就是原报告，不会覆盖原文件；请用 -o 指定另一个文件名")
    if os.path.isdir(output) or not os.path.isdir(os.path.dirname(os.path.abspath(output))):
        raise UsageError(f"无法写入 {output}：{'这是一个目录' if os.path.isdir(output) else '目录不存在'}")
    annotated, result = annotate_upload(data, report, config)
    _write_new(output, annotated)
    return output, result


def _write_new(output: str, data: bytes) -> None:
    """Write through a temporary file in the same folder, so a half-written .docx never
    stands under the final name."""
    temporary = output + ".part"
    try:
        with open(temporary, "wb") as fh:
            fh.write(data)
        os.replace(temporary, output)
    except OSError as exc:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise UsageError(f"无法写入 {output}：{os_problem(exc, writing=True)}") from None


def annotated_name(filename: str) -> str:
    """``报告.docx`` -> ``报告.批注.docx`` (any suffix becomes .docx)."""
    stem = os.path.splitext(os.path.basename(filename))[0] or "报告"
    return stem + ANNOTATED_SUFFIX


def text_docx(document: Document) -> bytes:
    """A plain .docx holding the report's text, one paragraph per line."""
    import docx  # python-docx

    word = docx.Document()
    for line in document.lines:
        word.add_paragraph(_NOT_XML.sub(" ", line.text))
    buf = io.BytesIO()
    word.save(buf)
    return buf.getvalue()


def annotate_docx(data: bytes, document: Document, result: FileResult) -> bytes:
    """``data`` (the .docx ``document`` was read from, or ``text_docx(document)``) with one
    comment per active finding and a checklist comment on the title."""
    word = open_document(data, document.path)
    drop_own_comments(word)
    paragraphs = {para.line: para for para in walk(parts_of(word))}
    if len(paragraphs) != len(document.lines):
        raise ValueError(f"the .docx has {len(paragraphs)} paragraphs, the document {len(document.lines)} lines")
    comments = word.comments
    unplaced = []
    for d in result.active():
        anchor = _range(paragraphs, d.line, d.column, d.end_line, d.end_column)
        if anchor is None:
            unplaced.append(d)
            continue
        _comment(comments, anchor, finding_text(d))
    title = _title_range(paragraphs, document, result)
    if title is not None:
        _comment(comments, title, summary_text(result, unplaced))
    buf = io.BytesIO()
    word.save(buf)
    return buf.getvalue()


# -- comment texts ------------------------------------------------------------------
def finding_text(d) -> str:
    """Code, severity, message, suggestion and basis: one short line each."""
    lines = [f"{d.code} {SEVERITY_LABEL.get(d.severity, d.severity)}：{d.message}"]
    if d.suggestion:
        lines.append(f"建议：{d.suggestion}")
    if d.basis:
        lines.append(f"依据：{d.basis}")
    return "\n".join(lines)


def summary_text(result: FileResult, unplaced=()) -> str:
    counts = summarize([result])
    lines = [f"fzlint 检查结果：错误 {counts['errors']} 个，警告 {counts['warnings']} 个，"
             f"提示 {counts['infos']} 个（逐条批注在正文相应位置）。"]
    groups: dict[str, list[str]] = {"missing": [], "weak": [], "unknown": [], "present": []}
    for item, entry in (result.checklist or {}).items():
        if entry.shown_state in groups:
            groups[entry.shown_state].append(item_label(item))
    if any(groups.values()):
        lines.append("检查清单：")
    for state, names in groups.items():
        if names:
            lines.append(f"{STATE_MARK[state]} {STATE_LABEL[state]}（{len(names)} 项）：{'、'.join(names)}")
    for d in unplaced:
        lines.append(f"另：{d.code} {SEVERITY_LABEL.get(d.severity, d.severity)}：{d.message}")
    return "\n".join(lines)


# -- ranges -------------------------------------------------------------------------
def _range(paragraphs: dict, line: int, column: int, end_line: int, end_column: int):
    """The finding's range as ((line, offset), (line, offset)) in the paragraphs' own text
    (label not counted), or None when it has no place in the body."""
    if line not in paragraphs:
        return None
    end_line = end_line if end_line in paragraphs and end_line >= line else line
    if end_line == line:
        end_column = max(end_column, column)
    start = (line, column - 1 - len(paragraphs[line].label))
    end = (end_line, end_column - 1 - len(paragraphs[end_line].label))
    first_len = _length(paragraphs[line])
    start = (line, min(max(start[1], 0), first_len))
    end = (end_line, min(max(end[1], 0), _length(paragraphs[end_line])))
    if end_line == line and end[1] <= start[1] and column < end_column:
        # the range lay wholly on the auto-number label (or past the text): the real text's
        # first character stands for it
        start, end = (line, 0), (line, min(1, first_len))
    return paragraphs[line].element, start[1], paragraphs[end_line].element, end[1]


def _length(para) -> int:
    return sum(len(piece.text) for piece in para.pieces)


def _title_range(paragraphs: dict, document: Document, result: FileResult):
    lines = sorted((result.meta or {}).get("title_lines") or [])
    if not lines:
        content = document.content_lines()
        if not content:
            return None
        lines = [content[0].number]
    first, last = document.line_span(lines[0]), document.line_span(lines[-1])
    return _range(paragraphs, first.line, first.column, last.line, last.end_column)


# -- the XML ------------------------------------------------------------------------
def drop_own_comments(word) -> int:
    """Remove the comments an earlier fzlint run wrote (author ``fzlint``), with their ranges
    and reference marks; a reviewer's own comments stay. A clerk who edits the 批注 copy and
    annotates it again gets this run's findings, not each finding twice. Returns how many."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    try:
        part = word.part.part_related_by(RT.COMMENTS)
    except KeyError:                     # no comments part: nothing was annotated before
        return 0
    ours = [c for c in part.element.findall(_W + "comment") if c.get(_W + "author") == AUTHOR]
    ids = {c.get(_W + "id") for c in ours}
    if not ids:
        return 0
    for c in ours:
        part.element.remove(c)
    marks = (_W + "commentRangeStart", _W + "commentRangeEnd", _W + "commentReference")
    for mark in [m for m in word.element.iter(*marks) if m.get(_W + "id") in ids]:
        holder = mark.getparent()
        holder.remove(mark)
        # the run that only carried the reference mark (and its style) goes with it
        if mark.tag == _W + "commentReference" and holder.tag == _W + "r" and \
                all(child.tag == _W + "rPr" for child in holder):
            holder.getparent().remove(holder)
    return len(ids)


def _comment(comments, anchor, text: str) -> None:
    first_p, start, last_p, end = anchor
    _cut(last_p, end)
    _cut(first_p, start)
    comment = comments.add_comment(text=_NOT_XML.sub(" ", text), author=AUTHOR, initials=INITIALS)
    cid = str(comment.comment_id)
    mark_start, mark_end = _el("commentRangeStart", cid), _el("commentRangeEnd", cid)
    head = [pc for pc in pieces(first_p) if pc.start >= start]
    tail = [pc for pc in pieces(last_p) if pc.end <= end]
    if first_p is last_p:
        tail = [pc for pc in head if pc.end <= end]
    if head:
        _holder(head[0]).addprevious(mark_start)
    else:
        first_p.append(mark_start)
    if tail:
        _holder(tail[-1]).addnext(mark_end)
    else:                   # nothing to cover: a point comment where the range starts
        mark_start.addnext(mark_end)
    top = mark_end          # the reference goes after the run's container (w:ins, w:hyperlink …)
    while top.getparent() is not None and top.getparent().tag != _W + "p":
        top = top.getparent()
    top.addnext(_reference_run(cid))


def _holder(piece):
    return piece.run if piece.run is not None else piece.child


def _cut(p, offset: int) -> None:
    """Make ``offset`` (in the paragraph's text) fall between two runs."""
    found = pieces(p)
    for i, piece in enumerate(found):
        if piece.run is None:
            continue
        if piece.start < offset < piece.end:
            _split(piece.run, piece.child, offset - piece.start, len(piece.text))
            return
        if piece.start == offset:
            if i > 0 and found[i - 1].run is piece.run:
                _split(piece.run, piece.child, 0, len(piece.text))
            return


def _split(run, child, k: int, size: int) -> None:
    """Split ``run`` before character ``k`` of its direct child ``child``: the second part
    becomes a new run right after it, with a copy of the run's properties (rPr)."""
    content = [c for c in run if c.tag != _W + "rPr"]
    index = content.index(child)
    if child.tag == _W + "t" and 0 < k < len(child.text or ""):
        tail = copy.deepcopy(child)
        tail.text, child.text = child.text[k:], child.text[:k]
        for t in (child, tail):
            t.set(_XML_SPACE, "preserve")
        child.addnext(tail)
        moved = [tail] + content[index + 1:]
    elif k * 2 < size:
        moved = content[index:]
    else:
        moved = content[index + 1:]
    if not moved or moved[0] is content[0]:
        return                    # already a run boundary
    second = copy.deepcopy(run)
    for c in list(second):
        if c.tag != _W + "rPr":
            second.remove(c)
    for c in moved:
        second.append(c)          # moves the element out of the first run
    run.addnext(second)


def _el(tag: str, cid: str):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    return OxmlElement(f"w:{tag}", attrs={qn("w:id"): cid})


def _reference_run(cid: str):
    from docx.oxml import parse_xml
    return parse_xml(f'<w:r xmlns:w="{W}"><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
                     f'<w:commentReference w:id="{cid}"/></w:r>')

