""".doc / .wps / .rtf / .odt: converted to .docx by LibreOffice when it is installed.

With ``soffice`` (or ``libreoffice``) on PATH the file is converted headless in a temporary
folder (its own LibreOffice profile, so a running LibreOffice does not block it; 60 s
limit) and read by the .docx reader: positions are then those of the converted .docx
(paragraph numbers), and the ``Document`` keeps the user's path and the format "doc",
"wps", "rtf" or "odt". Without LibreOffice the file is refused with ``needs-conversion``
and one line telling the user to save it as .docx.

Files that are something else under an old suffix are read for what they are: a .docx
renamed .doc, or a "Word web page" saved as .doc (HTML).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile

from ..document.document import Document
from ..errors import ReadError, os_problem

TIMEOUT = 60
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _convertible(data: bytes) -> bool:
    """What LibreOffice is asked to convert: an OLE compound file (.doc, Kingsoft .wps,
    old Works .wps), RTF (often saved as .doc), or a zip container (.odt)."""
    return data.startswith((OLE_MAGIC, b"{\\rtf", b"PK\x03\x04"))


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def preload() -> None:
    """What the converted file is read with (``readers.preload``)."""
    from . import docx
    docx.preload()


def read(data: bytes, name: str) -> Document:
    suffix = os.path.splitext(name)[1].lower()
    fmt = suffix.lstrip(".") or "doc"
    head = data[:1024].lstrip().lower()
    if data.startswith(b"PK\x03\x04") and suffix in (".doc", ".wps"):
        from . import docx
        return docx.read(data, name, fmt=fmt)        # a .docx with an old suffix
    if head.startswith((b"<html", b"<!doctype html", b"<?xml")) and b"<html" in data[:4096].lower():
        from . import html
        doc = html.read(data, name)                   # Word's "web page" saved as .doc
        doc.format = fmt
        return doc
    if not _convertible(data):
        # Not Word's binary format, RTF or OpenDocument: LibreOffice would only guess (and
        # take seconds to do it). A text file saved under an old suffix reads as text;
        # anything else is refused by the text reader as binary.
        from . import txt
        try:
            doc = txt.read(data, name)
        except ReadError as exc:
            if exc.code != "binary":
                raise
            # (binary, yet none of the containers Word, WPS or LibreOffice write: "not a
            # text file" would puzzle whoever saved it as .wps)
            raise ReadError(f"文件已损坏或不是有效的 .{fmt} 文件；请在 Word 或 WPS 中打开后“另存为”.docx 再检查",
                            name, "corrupt") from None
        doc.format = fmt
        return doc
    exe = soffice()
    if exe is None:
        raise ReadError(f"无法直接读取 .{fmt} 文件：请在 Word 或 WPS 中“另存为”.docx 后再检查", name, "needs-conversion")
    return _convert(exe, data, name, fmt)


def _convert(exe: str, data: bytes, name: str, fmt: str) -> Document:
    from . import docx

    with tempfile.TemporaryDirectory(prefix="fzlint-") as tmp:
        # Kingsoft .wps is Word's binary format under another suffix; LibreOffice's
        # ".wps" filter is for Microsoft Works, so name it .doc when it looks like Word.
        suffix = ".doc" if fmt == "wps" and data.startswith(OLE_MAGIC) else "." + fmt
        source = os.path.join(tmp, "input" + suffix)
        with open(source, "wb") as fh:
            fh.write(data)
        outdir = os.path.join(tmp, "out")
        os.mkdir(outdir)
        profile = "file://" + os.path.join(tmp, "profile")
        command = [exe, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nologo",
                   "--convert-to", "docx", "--outdir", outdir, source]
        try:
            subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            raise ReadError(f"用 LibreOffice 转换 .{fmt} 文件超时（{TIMEOUT} 秒）；请在 Word 或 WPS 中“另存为”.docx 后再检查",
                            name, "convert-failed") from None
        except OSError as exc:
            raise ReadError(f"无法启动 LibreOffice（{os_problem(exc)}）；请在 Word 或 WPS 中“另存为”.docx 后再检查",
                            name, "convert-failed") from None
        produced = [f for f in os.listdir(outdir) if f.lower().endswith(".docx")]
        if not produced:
            raise ReadError(f"LibreOffice 无法转换这个 .{fmt} 文件（文件可能已损坏或加密）；请在 Word 或 WPS 中“另存为”.docx 后再检查",
                            name, "convert-failed")
        with open(os.path.join(outdir, produced[0]), "rb") as fh:
            converted = fh.read()
    return docx.read(converted, name, fmt=fmt)
