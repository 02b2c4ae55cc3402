"""Plain text and Markdown: UTF-8 (with or without BOM), UTF-16/32 with BOM, or
GB18030/GBK, detected. Lines are the file's own lines (``\\r\\n``, ``\\r`` and ``\\n`` all end
one); the file's line ending is kept in ``Document.newline`` so fixes can write it back.

Binary data (a .docx or .pdf renamed to .txt, an image …) and text in an encoding we
cannot read with confidence (Big5, mixed UTF-8/GBK …) are refused with a ``ReadError``
rather than read as mojibake.
"""
from __future__ import annotations

import re

from ..document.document import Document, split_lines
from ..errors import ReadError

# What plain text hardly has: control characters other than \t \n \v \f \r and \x1a (the DOS
# end-of-file mark some editors add), private-use characters, U+FFFD. One regex scan: a
# character-by-character loop cost a tenth of a report's whole check.
_NOT_TEXT = re.compile("[\x00-\x08\x0e-\x19\x1b-\x1f\ue000-\uf8ff\ufffd]")

# Leading bytes of formats people save with the wrong suffix.
_MAGIC = (
    (b"PK\x03\x04", "看起来是 .docx（或其他压缩包）文件，请把扩展名改为 .docx"),
    (b"%PDF", "看起来是 PDF 文件，请把扩展名改为 .pdf"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "看起来是旧版 Word（.doc/.wps）文件，请在 Word 或 WPS 中另存为 .docx"),
    (b"{\\rtf", "看起来是 RTF 文件，请在 Word 或 WPS 中另存为 .docx"),
)


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Return (text, encoding). Binary data and unreadable encodings are refused."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode(data[3:], "utf-8", name), "utf-8-sig"
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return _decode(data, "utf-32", name), "utf-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode(data, "utf-16", name), "utf-16"
    for magic, hint in _MAGIC:
        if data.startswith(magic):
            raise ReadError(f"这不是文本文件：{hint}", name, "binary")
    if b"\x00" in data[:4096]:
        raise ReadError("这不是文本文件（含有二进制数据）", name, "binary")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if not _mostly_text(text):
            raise ReadError("这不是文本文件（含有大量控制字符）", name, "binary")
        return text, "utf-8"
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _mostly_text(text) and _plausible_chinese(text):
        return text, "gb18030"
    # UTF-8 or GBK with a few damaged bytes (a download cut mid-character, a bad copy):
    # read it, the damaged characters shown as U+FFFD, rather than refuse the whole report.
    for encoding in ("utf-8", "gb18030"):
        lenient = data.decode(encoding, errors="replace")
        damaged = lenient.count("\ufffd") - (data.count(b"\xef\xbf\xbd") if encoding == "utf-8" else 0)
        if damaged <= max(8, len(lenient) // 500) and _mostly_text(lenient) \
                and (encoding == "utf-8" or _plausible_chinese(lenient)):
            return lenient, encoding
    if text is None and _binary_looking(data):
        raise ReadError("这不是文本文件（含有二进制数据）", name, "binary")
    raise ReadError("无法识别文件编码（既不是 UTF-8 也不是 GBK/GB18030），请另存为 UTF-8 文本", name, "encoding")


def _decode(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise ReadError(f"文件声明为 {encoding} 编码（带 BOM），但内容无法按此编码读取；请另存为 UTF-8 文本",
                        name, "encoding") from None


def _mostly_text(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return True
    return len(_NOT_TEXT.findall(sample)) / len(sample) < 0.01


def _binary_looking(data: bytes) -> bool:
    sample = data[:4096]
    control = sum(1 for b in sample if b < 32 and b not in b"\t\n\r\f\v")
    return control / max(len(sample), 1) > 0.05


def _plausible_chinese(text: str) -> bool:
    """GB18030 decodes almost anything; Big5 or UTF-8 bytes read as GBK give rare
    characters. Real reports (simplified, or traditional converted back) stay within GB2312."""
    cjk = [c for c in text[:20000] if "\u3400" <= c <= "\u9fff"]
    if len(cjk) < 20:
        return True
    from ..text.normalize import to_simplified
    common = 0
    for c in to_simplified("".join(cjk)):
        try:
            c.encode("gb2312")
        except UnicodeEncodeError:
            continue
        common += 1
    return common / len(cjk) >= 0.9


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
