""".pdf: the text layer, read with pypdf.

Positions: **line N is the N-th line of the extracted text**, pages in order, one line per
line of text as pypdf lays it out (a paragraph that wraps on the page is several lines;
page headers, footers and page numbers stay in as lines of their own). The column is the
character position in that line.

Refused with a ``ReadError``: a scan without a text layer (``no-text-layer``: it needs OCR,
or the original .docx), a password-protected PDF (``encrypted``; a PDF with only an owner
password — printing/copying restrictions — is read), a text layer that does not map to
real characters (``garbled``: fonts without a ToUnicode map), a damaged file (``corrupt``).
"""
from __future__ import annotations

import contextlib
import io
import logging

from ..document import Document, split_lines
from ..errors import ReadError

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
        text = extract_text(data, name)
    lines = [line.rstrip() for line in split_lines(text)]
    return Document(lines, path=name, fmt="pdf", encoding="utf-8", newline="\n")


def extract_text(data: bytes, name: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not data.lstrip()[:1024].count(b"%PDF"):
        raise ReadError("文件已损坏或不是有效的 PDF 文件", name, "corrupt")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        encrypted = reader.is_encrypted
    except PdfReadError as exc:
        raise ReadError(f"文件已损坏或不是有效的 PDF 文件（{_short(exc)}）", name, "corrupt") from None
    if encrypted:
        _decrypt(reader, name)
    try:
        pages = reader.pages
        count = len(pages)
    except PdfReadError as exc:
        raise ReadError(f"文件已损坏或不是有效的 PDF 文件（{_short(exc)}）", name, "corrupt") from None
    if count > MAX_PAGES:
        raise ReadError(f"PDF 有 {count} 页，超出上限 {MAX_PAGES} 页", name, "too-large")
    texts = []
    for page in pages:
        try:
            texts.append(page.extract_text() or "")
        except PdfReadError:
            texts.append("")
    text = "\n".join(t.rstrip("\n") for t in texts)
    visible = [c for c in text if not c.isspace()]
    if len(visible) < max(1, count) * _MIN_CHARS_PER_PAGE:
        raise ReadError("PDF 中没有文字层（是扫描件或图片），无法检查；请先做文字识别（OCR），或提供原始 .docx 文件",
                        name, "no-text-layer")
    bad = sum(1 for c in visible if _garbage(c))
    if bad / len(visible) > 0.3:
        raise ReadError("PDF 中的文字无法正确提取（字体缺少字符映射，提取出来是乱码）；请提供原始 .docx 文件，"
                        "或重新导出 PDF 时嵌入字体", name, "garbled")
    return text


def _decrypt(reader, name: str) -> None:
    from pypdf.errors import DependencyError, PdfReadError

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
