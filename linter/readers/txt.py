"""Plain text and Markdown: UTF-8 (with or without BOM) or GB18030/GBK, detected."""
from __future__ import annotations

from ..document import Document, split_lines
from ..errors import ReadError

_CONTROL_OK = set("\t\n\r\f\v")


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Return (text, encoding). Binary data is refused."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode(data[3:], "utf-8", name), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode(data, "utf-16", name), "utf-16"
    if b"\x00" in data[:4096]:
        raise ReadError("这不是文本文件（含有二进制数据）", name, "binary")
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _mostly_text(text):
            return text, encoding
    raise ReadError("无法识别文件编码（既不是 UTF-8 也不是 GBK/GB18030），请另存为 UTF-8 文本", name, "encoding")


def _decode(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise ReadError(f"文件声明为 {encoding} 但内容无法按此编码读取", name, "encoding") from None


def _mostly_text(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return True
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in _CONTROL_OK) or 0xE000 <= ord(c) <= 0xF8FF)
    return bad / len(sample) < 0.01


def newline_of(text: str) -> str:
    if "\r\n" in text:
        return "\r\n"
    if "\r" in text:
        return "\r"
    return "\n"


def read(data: bytes, name: str) -> Document:
    text, encoding = decode(data, name)
    fmt = "md" if name.lower().endswith((".md", ".markdown")) else "txt"
    return Document(split_lines(text), path=name, fmt=fmt, encoding=encoding, newline=newline_of(text))
