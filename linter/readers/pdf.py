""".pdf: the text layer, read with pypdf.

Positions: **line N is the N-th paragraph of the extracted text**, pages in order. A PDF
has no paragraphs, only printed lines, so lines are joined back into paragraphs (so
"行政执法公示" at the end of one printed line and "制度" at the start of the next are read
as one phrase): when first lines are indented (首行缩进), a new paragraph is a line that
starts indented; otherwise a line that fills the page width and does not end a sentence
continues on the next line. Lines that are only a page number ("- 3 -", "第3页 共10页") are dropped.
Headings, short lines and lines ending in 。！？；： stay lines of their own. The column is
the character position in that paragraph.

Refused with a ``ReadError``: a scan without a text layer (``no-text-layer``: it needs OCR,
or the original .docx), a password-protected PDF (``encrypted``; a PDF with only an owner
password — printing/copying restrictions — is read), a text layer that does not map to
real characters (``garbled``: fonts without a ToUnicode map), a damaged file (``corrupt``).
"""
from __future__ import annotations

import contextlib
import io
import logging
import re
import sys
import threading
from collections import Counter

from ..document.document import Document, split_lines
from ..errors import ReadError
from ..text.width import display_width

MAX_PAGES = 2000
_MIN_CHARS_PER_PAGE = 10


@contextlib.contextmanager
def _quiet():
    """pypdf logs a warning for every oddity in a file; the user gets one clear line instead."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def read(data: bytes, name: str) -> Document:
    with _quiet():
        printed = extract_lines(data, name)
    return Document(reflow(printed), path=name, fmt="pdf", encoding="utf-8", newline="\n")


# (no \s* of its own before the closing run, which takes spaces too: two in a row split a gap n ways)
_PAGE_NUMBER = re.compile(r"^[-—–－\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*(?:[/，,]\s*)?共\s*\d{1,4}\s*页)?[-—–－\s]*$")
_SENTENCE_END = tuple("。！？；：!?;:")
_CONTINUATION = tuple("，。、；：！？）》”’」』,.;:!?)")
_HEADING_START = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、．.]|（[一二三四五六七八九十\d]{1,3}）|\(\d{1,2}\)|\d{1,2}[．.、](?!\d))")
_INDENT = 4.0     # points right of the left margin that count as a first-line indent


def reflow(printed: list[tuple[str, float | None]]) -> list[str]:
    """Join printed lines back into paragraphs (see the module docstring).

    ``printed`` is [(text, x of the line's start or None)]. When the paragraphs' first
    lines are indented (首行缩进, as in every 公文), a line at the left margin after a
    long line continues it. Otherwise a line continues the previous one when that one
    filled the page width without ending a sentence. A line starting with a heading label
    ("一、", "（二）", "3.") always starts a paragraph."""
    lines = [(t.strip(), x) for t, x in printed if not _PAGE_NUMBER.match(t.strip())]
    long_lines = [(t, x) for t, x in lines if len(t) >= 8]
    widths = sorted(display_width(t) for t, _ in long_lines)
    if len(widths) < 5:
        return [t for t, _ in lines]
    full = widths[int(len(widths) * 0.9)]
    margins = Counter(round(x) for t, x in long_lines if x is not None)
    margin = min(margins.most_common(3))[0] if margins else None

    def indented(x):
        return margin is not None and x is not None and x > margin + _INDENT

    starts = sum(1 for _, x in long_lines if indented(x))
    by_indent = starts >= 3 and starts >= 0.05 * len(long_lines)

    out: list[str] = []
    previous = ""
    for text, x in lines:
        join = bool(out and out[-1] and text) and not _HEADING_START.match(text)
        if join and text.startswith(_CONTINUATION):
            pass                       # a line never starts with a comma: it goes on
        elif join and by_indent:
            join = not indented(x) and display_width(previous) >= 0.75 * full
        elif join:
            # a heading shorter than the page by a character or two is still a heading
            need = 0.97 if _HEADING_START.match(out[-1]) else 0.85
            join = display_width(previous) >= need * full and not _ends_sentence(out[-1])
        if join:
            out[-1] += text
        else:
            out.append(text)
        previous = text
    return out


def _ends_sentence(text: str) -> bool:
    return text.rstrip("”’」』）)》").endswith(_SENTENCE_END) or text.endswith(_SENTENCE_END)


def _page_lines(page) -> list[tuple[str, float | None]]:
    """The page's printed lines with the x where each starts (pypdf's own line breaks)."""
    lines: list[tuple[str, float | None]] = []
    current: list[str] = []
    start: list[float | None] = [None]

    def visit(text, cm, tm, font_dict, font_size):
        if not text:
            return
        for k, part in enumerate(text.split("\n")):
            if k:
                lines.append(("".join(current), start[0]))
                current.clear()
                start[0] = None
            if part:
                if start[0] is None and part.strip():
                    try:
                        start[0] = float(tm[4]) * float(cm[0]) + float(tm[5]) * float(cm[2]) + float(cm[4])
                    except (TypeError, ValueError, IndexError):
                        start[0] = None
                current.append(part)

    text = page.extract_text(visitor_text=visit) or ""
    if current:
        lines.append(("".join(current), start[0]))
    if "\n".join(t for t, _ in lines).strip() != text.strip():
        return [(t, None) for t in split_lines(text)]     # the visitor saw something else: no x
    return lines


# pypdf picks its AES/RC4 provider when it is imported, and importing the cryptography package
# for it is over half of pypdf's import: about 60 of 110 ms, a fifth of a one-file run that reads
# a .pdf. Only an encrypted file needs it, and an encrypted file says so in its trailer
# (``/Encrypt``, never compressed), so pypdf is imported with cryptography hidden until a file
# asks; then pypdf is imported again, whole. (pypdf's own fallback reads RC4 but not AES.)
_import_lock = threading.Lock()
_without_crypto = False


def _pypdf(crypto: bool):
    """The pypdf package, able to decrypt AES when ``crypto``."""
    global _without_crypto
    with _import_lock:
        if "pypdf" in sys.modules and not (crypto and _without_crypto):
            return sys.modules["pypdf"]
        if crypto or "cryptography" in sys.modules:
            for module in [m for m in sys.modules if m == "pypdf" or m.startswith("pypdf.")]:
                del sys.modules[module]              # (imported without it: again, with it)
            import pypdf
            _without_crypto = False
            return pypdf
        sys.modules["cryptography"] = None           # type: ignore[assignment]  # import fails
        try:
            import pypdf
        finally:
            del sys.modules["cryptography"]
        _without_crypto = True
        return pypdf


def preload() -> None:
    """Import pypdf now (``readers.preload``)."""
    _pypdf(crypto=False)


def extract_lines(data: bytes, name: str) -> list[tuple[str, float | None]]:
    if not data.lstrip()[:1024].count(b"%PDF"):
        raise ReadError("文件已损坏或不是有效的 PDF 文件", name, "corrupt")
    pypdf = _pypdf(crypto=b"/Encrypt" in data)
    reader, encrypted = _open(pypdf, data, name)
    if encrypted and _without_crypto:     # (no /Encrypt written plainly, yet encrypted: again)
        pypdf = _pypdf(crypto=True)
        reader, encrypted = _open(pypdf, data, name)
    if encrypted:
        _decrypt(reader, name, pypdf)
    PdfReadError = pypdf.errors.PdfReadError
    try:
        pages = reader.pages
        count = len(pages)
    except PdfReadError as exc:
        raise ReadError(f"文件已损坏或不是有效的 PDF 文件（{_short(exc)}）", name, "corrupt") from None
    if count > MAX_PAGES:
        raise ReadError(f"PDF 有 {count} 页，超出上限 {MAX_PAGES} 页", name, "too-large")
    printed: list[tuple[str, float | None]] = []
    seen: set = set()
    for index in range(count):
        try:
            page = pages[index]
            ref = page.indirect_reference
            key = (ref.idnum, ref.generation) if ref is not None else None
            if key is not None and key in seen:
                continue     # a page tree that lists one page many times: read it once
            seen.add(key)
            printed.extend(_page_lines(page))
        except (PdfReadError, AttributeError):
            continue
    visible = [c for t, _ in printed for c in t if not c.isspace()]
    if len(visible) < max(1, len(seen)) * _MIN_CHARS_PER_PAGE:
        raise ReadError("PDF 中没有文字层（是扫描件或图片），无法检查；请先做文字识别（OCR），或提供原始 .docx 文件",
                        name, "no-text-layer")
    bad = sum(1 for c in visible if _garbage(c))
    if bad / len(visible) > 0.3:
        raise ReadError("PDF 中的文字无法正确提取（字体缺少字符映射，提取出来是乱码）；请提供原始 .docx 文件，"
                        "或重新导出 PDF 时嵌入字体", name, "garbled")
    return printed


def _open(pypdf, data: bytes, name: str):
    """(reader, whether the file is encrypted)."""
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        return reader, reader.is_encrypted
    except pypdf.errors.PdfReadError as exc:
        raise ReadError(f"文件已损坏或不是有效的 PDF 文件（{_short(exc)}）", name, "corrupt") from None


def _decrypt(reader, name: str, pypdf) -> None:
    DependencyError, PdfReadError = pypdf.errors.DependencyError, pypdf.errors.PdfReadError
    try:
        ok = reader.decrypt("")
    except DependencyError:
        raise ReadError("PDF 已加密（AES），缺少解密组件 cryptography，无法读取；请运行 pip install cryptography，"
                        "或提供原始 .docx 文件", name, "encrypted") from None
    except (NotImplementedError, PdfReadError):
        ok = 0
    if not ok:
        raise ReadError("PDF 设置了打开密码（已加密），无法读取；请提供未加密的文件或原始 .docx 文件", name, "encrypted")


def _garbage(c: str) -> bool:
    o = ord(c)
    return (0xE000 <= o <= 0xF8FF or c == "\ufffd" or o < 32 or 0xF0000 <= o
            or 0xFFF0 <= o <= 0xFFFF)


def _short(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text[:60]
