"""Readers: one module per format, each turning bytes into a ``Document``.

``read_path`` and ``read_bytes`` pick the reader from the file name and refuse what is
not a report (empty, binary, too big, corrupt) with a ``ReadError`` naming the file. No
reader may let an exception escape as a traceback: anything unexpected that a parser
raises on hostile input becomes ``ReadError(code="parse-failed")``.

Error codes (``ReadError.code``) a reader can give:

=================  =========================================================
unreadable         the file cannot be opened (missing, no permission, loop …)
not-a-file         a directory, FIFO or device was named as a report
too-large          over ``Config.max_bytes`` (checked before reading); for a .docx the
                   limit is on its text parts (pictures do not count), see readers.docx
empty              nothing but whitespace
no-text            readable, but no report text in it
unsupported        a suffix no reader handles
binary / encoding  a text file that is binary, or in an encoding we cannot read
corrupt            a damaged or mislabelled .docx/.pdf
zip-bomb           a .docx whose members would unpack to an absurd size
encrypted          a password-protected .docx or .pdf
no-text-layer      a scanned PDF (images only)
garbled            a PDF whose text layer does not map to real characters
needs-conversion   .doc/.wps/.rtf/.odt and no LibreOffice to convert them
convert-failed     LibreOffice was found but could not convert the file
parse-failed       a parser failed unexpectedly on the file
annotate-failed    read, but its Word comments could not be written (linter.writers.docx_comments)
=================  =========================================================
"""
from __future__ import annotations

import importlib
import os
import stat

from ..config import DEFAULT_MAX_BYTES
from ..document.document import Document
from ..errors import ReadError, os_problem

# suffix -> reader module
READERS = {
    ".txt": "txt", ".text": "txt", ".md": "txt", ".markdown": "txt",
    ".docx": "docx", ".html": "html", ".htm": "html", ".shtml": "html",
    ".pdf": "pdf", ".doc": "office", ".wps": "office", ".rtf": "office", ".odt": "office",
}
SUFFIXES = tuple(READERS)

def _too_large(size: int, max_bytes: int, name: str) -> ReadError:
    return ReadError(f"文件过大（{size / 1048576:.1f} MB，上限 {max_bytes / 1048576:.0f} MB）", name, "too-large")


def reader_for(name: str):
    suffix = os.path.splitext(name)[1].lower()
    module = READERS.get(suffix)
    if module is None:
        raise ReadError(f"不支持的文件类型“{suffix or '无扩展名'}”；请另存为 .docx 或 .txt", name, "unsupported")
    return importlib.import_module(f"{__name__}.{module}")


def preload(names) -> None:
    """Import the readers these file names need and the parsing libraries those readers load
    on first use (python-docx, pypdf, BeautifulSoup): done once before worker processes are
    forked, they are not imported again in each worker. Unknown suffixes are left alone."""
    modules = {READERS.get(os.path.splitext(name)[1].lower()) for name in names} - {None}
    for module in sorted(modules):
        load = getattr(importlib.import_module(f"{__name__}.{module}"), "preload", None)
        if load is not None:
            load()


def read_path(path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read a report from disk (see ``load_path``). A ``pathlib.Path`` is taken as its string:
    the document, its findings and every output name the file by a ``str``."""
    path = os.fspath(path)
    return read_bytes(load_path(path, max_bytes), path, max_bytes)


def load_path(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """A report file's bytes. The size is checked before anything is read, and never more
    than the limit + 1 bytes are read (a device or a growing file cannot hang us)."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise ReadError(f"无法打开文件：{os_problem(exc)}", path, "unreadable") from None
    if stat.S_ISDIR(info.st_mode):
        raise ReadError("这是一个目录，不是文件", path, "not-a-file")
    if not stat.S_ISREG(info.st_mode):
        raise ReadError("不是普通文件（设备、管道或套接字）", path, "not-a-file")
    reader = reader_for(path)
    limit = _file_limit(reader, max_bytes)
    if info.st_size > limit:
        raise _too_large(info.st_size, limit, path)
    try:
        with open(path, "rb") as fh:
            return fh.read(limit + 1)
    except OSError as exc:
        raise ReadError(f"无法读取文件：{os_problem(exc)}", path, "unreadable") from None


def _file_limit(reader, max_bytes: int) -> int:
    """A reader that limits what it parses itself (the .docx one) allows a bigger file."""
    limit = getattr(reader, "file_limit", None)
    return limit(max_bytes) if limit else max_bytes


def read_bytes(data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES, reader=None) -> Document:
    reader = reader or reader_for(name)
    limit = _file_limit(reader, max_bytes)
    if len(data) > limit:
        raise _too_large(len(data), limit, name)
    if not data.strip():
        raise ReadError("文件是空的", name, "empty")
    try:
        if getattr(reader, "file_limit", None):
            doc = reader.read(data, name, max_bytes=max_bytes)
        else:
            doc = reader.read(data, name)
    except ReadError:
        raise
    except Exception as exc:  # noqa: BLE001 - a parser bug on hostile input is not a crash
        raise ReadError(f"无法解析文件（{type(exc).__name__}），文件可能已损坏；请用 Word/WPS 打开后另存一份再检查",
                        name, "parse-failed") from None
    if not doc.content_lines():
        raise ReadError("文件中没有可读的正文文字", name, "no-text")
    return doc
