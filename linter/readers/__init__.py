"""Readers: one module per format, each turning bytes into a ``Document``.

``read_path`` and ``read_bytes`` pick the reader from the file name and refuse what is
not a report (empty, binary, too big, corrupt) with a ``ReadError`` naming the file.
"""
from __future__ import annotations

import importlib
import os

from ..config import DEFAULT_MAX_BYTES
from ..document import Document
from ..errors import ReadError

# suffix -> reader module
READERS = {
    ".txt": "txt", ".text": "txt", ".md": "txt", ".markdown": "txt",
    ".docx": "docx", ".html": "html", ".htm": "html", ".shtml": "html",
    ".pdf": "pdf", ".doc": "office", ".wps": "office", ".rtf": "office", ".odt": "office",
}
SUFFIXES = tuple(READERS)


def reader_for(name: str):
    suffix = os.path.splitext(name)[1].lower()
    module = READERS.get(suffix)
    if module is None:
        raise ReadError(f"不支持的文件类型“{suffix or '无扩展名'}”；请另存为 .docx 或 .txt", name, "unsupported")
    return importlib.import_module(f"{__name__}.{module}")


def read_path(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    try:
        size = os.path.getsize(path)
    except OSError as exc:
        raise ReadError(f"无法打开文件：{exc.strerror}", path, "unreadable") from None
    if size > max_bytes:
        raise ReadError(f"文件过大（{size / 1048576:.1f} MB，上限 {max_bytes / 1048576:.0f} MB）", path, "too-large")
    reader = reader_for(path)
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise ReadError(f"无法读取文件：{exc.strerror}", path, "unreadable") from None
    return read_bytes(data, path, max_bytes, reader)


def read_bytes(data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES, reader=None) -> Document:
    if len(data) > max_bytes:
        raise ReadError(f"文件过大（{len(data) / 1048576:.1f} MB，上限 {max_bytes / 1048576:.0f} MB）", name, "too-large")
    if not data.strip():
        raise ReadError("文件是空的", name, "empty")
    reader = reader or reader_for(name)
    doc = reader.read(data, name)
    if not doc.content_lines():
        raise ReadError("文件中没有可读的正文文字", name, "no-text")
    return doc
