""".docx (Word 2007+, also what WPS saves as .docx).

Positions: **line N is the N-th paragraph of the document body**, counted in document
order with every paragraph included — empty ones, and each paragraph of every table cell
(row by row, cell by cell, nested tables in place). Headers, footers, footnotes, comments
and text boxes are not read. The column is the character position within that paragraph's
text as Word shows it:

- a manual line break (Shift+Enter) and a tab each count as one character (shown as a
  space and a tab); deleted tracked changes, hidden text and field codes are not text;
- when Word numbers a paragraph itself (automatic numbering, ``w:numPr``) the label it
  shows — "一、", "（二）", "3." — is written in front of the paragraph's text, so the
  columns count it too and the outline sees the same numbering as in a typed report.
  Bullets are not written.

Heading levels come from the paragraph style ("Heading 1".."Heading 9", "标题 1", a custom
style whose ``basedOn`` chain reaches one) and from ``w:outlineLvl`` on the paragraph or
its style (as WPS writes); they are passed to ``Document`` as ``style_levels``. Literal
numbering typed by hand is plain text and is left for the outline to detect.

The paragraphs, their labels and their text come from one walk, ``walk()``, which the
Word-comment writer (``linter.writers.docx_comments``) uses too: each line's text pieces
are tied to the runs they sit in, so a comment lands on the characters the reader counted.

Refused with a ``ReadError``: not a zip (corrupt / truncated), a zip bomb (declared
uncompressed size checked before anything is parsed), text parts (the XML, not pictures)
that unpack to more than ``max_bytes``, a password-protected document (an
OLE container with an ``EncryptionInfo`` stream), an old binary .doc renamed to .docx.
"""
from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass
from typing import NamedTuple

from ..document.document import Document
from ..errors import ReadError
from ..text.numerals import chinese_numeral

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = "{%s}" % W

MAX_UNPACKED = 200 * 1024 * 1024     # total declared uncompressed size of all members
MAX_RATIO = 200                      # uncompressed / compressed, for a large archive
MAX_MEMBERS = 10000
MAX_FILE = 200 * 1024 * 1024         # the whole package, pictures included

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")
_WORD_STREAM = "WordDocument".encode("utf-16-le")

_HEADING_NAME = re.compile(r"^\s*(?:heading|标题)\s*([1-9])\s*$", re.IGNORECASE)


def file_limit(max_bytes: int) -> int:
    """The size a .docx file may have: pictures do not count against ``max_bytes`` (the
    text parts do, see ``check_container``), up to a ceiling for the whole package."""
    return max(max_bytes, MAX_FILE)


def read(data: bytes, name: str, fmt: str = "docx", max_bytes: int | None = None) -> Document:
    check_container(data, name, max_bytes)
    lines, levels = extract(data, name)
    return Document(lines, path=name, fmt=fmt, encoding="utf-8", newline="\n", style_levels=levels)


# -- the container ---------------------------------------------------------------
def check_container(data: bytes, name: str, max_text_bytes: int | None = None) -> None:
    """Refuse what is not a sane .docx before any XML is parsed. ``max_text_bytes`` limits
    the unpacked size of the parts that are read (the XML), not of pictures or embedded files."""
    if data.startswith(OLE_MAGIC):
        if _ENCRYPTION_INFO in data:
            raise ReadError("文件设置了打开密码（已加密），无法读取；请在 Word 或 WPS 中取消密码后另存为 .docx 再检查",
                            name, "encrypted")
        raise ReadError("这是旧版 Word（.doc/.wps）格式的文件，只是扩展名为 .docx；请在 Word 或 WPS 中“另存为”.docx 后再检查",
                        name, "corrupt")
    if not data.startswith(b"PK"):
        raise ReadError("文件已损坏或不是有效的 .docx 文件（不是 Word 文档格式）", name, "corrupt")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise ReadError("文件已损坏或不是有效的 .docx 文件（压缩包不完整，可能下载或复制中断）", name, "corrupt") from None
    if len(infos) > MAX_MEMBERS:
        raise ReadError(f"文件包含 {len(infos)} 个部件，不像正常的 Word 文档（疑似压缩炸弹），已拒绝读取", name, "zip-bomb")
    unpacked = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if unpacked > MAX_UNPACKED or (unpacked > 20 * 1024 * 1024 and unpacked / packed > MAX_RATIO):
        raise ReadError(f"文件解压后将达 {unpacked / 1048576:.0f} MB，不像正常的 Word 文档（疑似压缩炸弹），已拒绝读取",
                        name, "zip-bomb")
    text = sum(i.file_size for i in infos if _is_text_part(i.filename))
    if max_text_bytes is not None and text > max_text_bytes:
        raise ReadError(f"文件中的文字内容过大（解压后 {text / 1048576:.1f} MB，上限 {max_text_bytes / 1048576:.0f} MB；"
                        "图片不计在内）", name, "too-large")
    names = {i.filename for i in infos}
    if "word/document.xml" not in names and not any(n.endswith("document.xml") for n in names):
        if "xl/workbook.xml" in names:
            hint = "这是 Excel 表格"
        elif "ppt/presentation.xml" in names:
            hint = "这是 PowerPoint 演示文稿"
        else:
            hint = "压缩包里没有 Word 正文"
        raise ReadError(f"文件已损坏或不是有效的 .docx 文件（{hint}）", name, "corrupt")


def _is_text_part(member: str) -> bool:
    """An XML part (document, styles, numbering, relationships …): what gets parsed."""
    return member.lower().endswith((".xml", ".rels"))


# -- paragraphs ------------------------------------------------------------------
def extract(data: bytes, name: str) -> tuple[list[str], dict[int, int]]:
    """Return the paragraphs' texts and {line: heading level}."""
    parts = _plain_parts(data)
    if parts is None:               # anything unusual: python-docx decides, as it always did
        parts = parts_of(open_document(data, name))
    return lines_and_levels(parts)


def lines_and_levels(parts: "Parts") -> tuple[list[str], dict[int, int]]:
    lines: list[str] = []
    levels: dict[int, int] = {}
    styles = _Styles(parts.styles)
    for para in walk(parts, styles):
        lines.append(para.text)
        level = _paragraph_level(para.ppr, para.style_id, styles)
        if level and para.text.strip():
            levels[para.line] = level
    return lines, _trust(levels, lines)


def _reason(exc: Exception) -> str:
    if isinstance(exc, ValueError) and "content type" in str(exc):
        return "文档类型不是普通 Word 文档，请另存为 .docx"
    if isinstance(exc, KeyError):
        return "缺少必要的部件"
    if isinstance(exc, (zlib.error, zipfile.BadZipFile)):
        return "压缩数据损坏，可能下载或复制中断"
    return "无法打开压缩包"


@dataclass
class Piece:
    """A stretch of a paragraph's text: where it starts in the paragraph's own text (the
    auto-number label not counted), the text, the w:r holding it and the run's direct child
    it comes from (a w:t, w:tab, w:br …; None when the text sits outside any run)."""

    start: int
    text: str
    run: object
    child: object

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass
class Paragraph:
    """One line of the document as the reader sees it."""

    element: object         # the w:p
    line: int               # 1-based line number (= Line.number)
    label: str              # Word's auto-number label, written in front of the text
    ppr: object
    style_id: str | None
    pieces: list[Piece]

    @property
    def text(self) -> str:
        """The line's text: label + the paragraph's visible text."""
        return self.label + "".join(piece.text for piece in self.pieces)


def preload() -> None:
    """Import what reading needs now (``readers.preload``): lxml (python-docx only for a
    package that is not plain, and for writing comments)."""
    from lxml import etree  # noqa: F401


def open_document(data: bytes, name: str):
    """The python-docx Document, or a ReadError for a damaged package."""
    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    try:
        return docx.Document(io.BytesIO(data))
    except XMLSyntaxError:
        raise ReadError("文件已损坏或不是有效的 .docx 文件（正文 XML 不完整）", name, "corrupt") from None
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, EOFError, OSError, zlib.error,
            NotImplementedError) as exc:
        raise ReadError(f"文件已损坏或不是有效的 .docx 文件（{_reason(exc)}）", name, "corrupt") from None


class Parts(NamedTuple):
    """The XML the walk reads: the document's w:body, and the styles and numbering parts'
    roots (None where the package has none)."""

    body: object
    styles: object
    numbering: object


def parts_of(document) -> Parts:
    """The parts of a python-docx Document (the Word-comment writer edits one)."""
    try:
        styles = document.styles.element
    except Exception:  # noqa: BLE001 - a document without styles.xml is still readable
        styles = None
    try:
        numbering = document.part.numbering_part.element
    except Exception:  # noqa: BLE001 - no numbering.xml: nothing is auto-numbered
        numbering = None
    return Parts(document.element.body, styles, numbering)


# Reading needs three XML parts, not python-docx's object model: importing python-docx is about
# 70 ms, a third of a one-file run. So the package is opened here as python-docx opens it — the
# parts reachable through the relationships, each with a content type, the XML parts it knows
# parsed as it parses them (blank text dropped, no entities resolved) — and anything that is not
# plainly so (a missing part, a part without a content type, another main content type, two
# styles parts, XML that does not parse) goes to python-docx, whose answer or refusal the reader
# always gave. (The differential test feeds both the same damaged packages.)
_R = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
_MAIN_CONTENT_TYPE = _WML + "document.main+xml"
# the XML parts python-docx parses when it opens a package (its PartFactory's types)
_PARSED_TYPES = frozenset([_MAIN_CONTENT_TYPE, _WML + "comments+xml", _WML + "footer+xml", _WML + "header+xml",
                           _WML + "numbering+xml", _WML + "settings+xml", _WML + "styles+xml",
                           "application/vnd.openxmlformats-package.core-properties+xml"])


class _NotPlain(Exception):
    """The package is not read here: python-docx decides."""


def _plain_parts(data: bytes) -> Parts | None:
    try:
        return _PlainPackage(data).parts()
    except Exception:  # noqa: BLE001 - whatever is unusual here, python-docx's reading decides
        return None


class _PlainPackage:
    def __init__(self, data: bytes):
        from lxml import etree
        self.etree = etree
        self.parser = etree.XMLParser(remove_blank_text=True, resolve_entities=False)
        self.archive = zipfile.ZipFile(io.BytesIO(data))
        types = self._xml("[Content_Types].xml")
        self.overrides = {o.get("PartName").lower(): o.get("ContentType") for o in types.iter(_CT + "Override")}
        self.defaults = {d.get("Extension").lower(): d.get("ContentType") for d in types.iter(_CT + "Default")}
        self.parsed: dict[str, object] = {}
        self.rels: dict[str, list[tuple[str, str]]] = {}      # part ("" = package) -> [(type, target)]
        self._walk("")

    def _xml(self, member: str):
        return self.etree.fromstring(self.archive.read(member), self.parser)

    def _content_type(self, part: str) -> str:
        found = self.overrides.get("/" + part.lower())
        if found is None:
            found = self.defaults.get(part.rpartition(".")[2].lower())
        if found is None:
            raise _NotPlain(part)
        return found

    def _walk(self, part: str) -> None:
        folder, _, base = part.rpartition("/")
        member = f"{folder}/_rels/{base}.rels" if folder else (f"_rels/{base}.rels" if base else "_rels/.rels")
        found: list[tuple[str, str]] = []
        self.rels[part] = found
        if member not in self.archive.NameToInfo:
            return
        for rel in self._xml(member).iter(_R + "Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            kind, target = rel.get("Type"), _resolve(folder, rel.get("Target"))
            found.append((kind, target))
            if target in self.rels:
                continue
            blob = self.archive.read(target)              # (a missing part: KeyError)
            if self._content_type(target) in _PARSED_TYPES:
                self.parsed[target] = self.etree.fromstring(blob, self.parser)
            self._walk(target)

    def _related(self, part: str, kind: str) -> str | None:
        targets = [t for k, t in self.rels.get(part, ()) if k == _RELATIONSHIPS + kind]
        if len(targets) > 1:
            raise _NotPlain(kind)
        return targets[0] if targets else None

    def parts(self) -> Parts:
        main = self._related("", "officeDocument")
        if main is None or self._content_type(main) != _MAIN_CONTENT_TYPE:
            raise _NotPlain("main")
        styles = self._related(main, "styles")
        if styles is None:            # (python-docx supplies its default styles: let it)
            raise _NotPlain("styles")
        numbering = self._related(main, "numbering")
        document, styles_root = self.parsed[main], self.parsed.get(styles)
        body = document.find(_W + "body")
        if document.tag != _W + "document" or body is None or styles_root is None:
            raise _NotPlain("body")
        return Parts(body, styles_root, self.parsed.get(numbering) if numbering else None)


def _resolve(folder: str, target: str | None) -> str:
    """A relationship's target as a zip member name (python-docx's PackURI.from_rel_ref)."""
    if not target:
        raise _NotPlain("target")
    path = posixpath.normpath(posixpath.join("/" + folder, target))
    return path.lstrip("/")


def walk(parts: Parts, styles: "_Styles | None" = None):
    """THE walk: every paragraph that becomes a line, in line order, with its line number,
    its auto-number label and its text pieces. The reader builds its lines from it and the
    Word-comment writer anchors comments with it, so their positions cannot disagree."""
    styles = styles or _Styles(parts.styles)
    numbering = _Numbering(parts.numbering, styles)
    for number, p in enumerate(_paragraphs(parts.body), start=1):
        ppr = p.find(_W + "pPr")
        style_id = _val(ppr, "pStyle") if ppr is not None else None
        yield Paragraph(p, number, numbering.label(ppr, style_id), ppr, style_id, pieces(p))


def _paragraphs(container):
    """Every w:p in document order: body paragraphs, table cells, content controls."""
    for child in container:
        tag = child.tag
        if tag == _W + "p":
            yield child
        elif tag == _W + "tbl":
            for row in child.iter(_W + "tr"):
                if _nearest(row, _W + "tbl") is not child:
                    continue
                for cell in row.iter(_W + "tc"):      # cells may sit inside content controls
                    if _nearest(cell, _W + "tr") is row:
                        yield from _paragraphs(cell)
        elif tag in (_W + "sdt",):
            content = child.find(_W + "sdtContent")
            if content is not None:
                yield from _paragraphs(content)
        elif tag in (_W + "customXml", _W + "ins", _W + "smartTag"):
            yield from _paragraphs(child)


def _nearest(node, tag: str):
    """The closest ancestor with this tag."""
    node = node.getparent()
    while node is not None and node.tag != tag:
        node = node.getparent()
    return node


# Elements whose text is not part of the paragraph's visible text.
_SKIP = {_W + t for t in ("pPr", "rPr", "del", "moveFrom", "delText", "instrText", "delInstrText",
                          "drawing", "pict", "object", "fldChar", "footnoteReference",
                          "endnoteReference", "commentReference", "sectPr")}
_MC_ALTERNATE = "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"


def pieces(p) -> list[Piece]:
    """The paragraph's visible text as pieces, each tied to the run element it sits in."""
    out: list[Piece] = []
    _collect(p, out, None, None)
    return out


def _collect(node, out: list[Piece], run, child) -> None:
    """``run``: the enclosing w:r; ``child``: that run's direct child holding the text."""
    for el in node:
        tag = el.tag
        if not isinstance(tag, str) or tag in _SKIP or tag == _MC_ALTERNATE:
            continue
        here = el if run is not None and child is None else child
        if tag == _W + "r":
            rpr = el.find(_W + "rPr")
            if rpr is not None and _on(rpr.find(_W + "vanish")):
                continue
            _collect(el, out, el, None)
        elif tag == _W + "t":
            _add(out, el.text or "", run, here)
        elif tag in (_W + "tab", _W + "ptab"):
            _add(out, "\t", run, here)
        elif tag in (_W + "br", _W + "cr"):
            kind = el.get(_W + "type")
            if kind not in ("page", "column"):
                _add(out, " ", run, here)
        elif tag == _W + "noBreakHyphen":
            _add(out, "-", run, here)
        elif tag == _W + "sym":
            _add(out, _symbol(el.get(_W + "char")), run, here)
        elif tag == _W + "p":   # a paragraph nested in a run (text box): not this line's text
            continue
        else:
            _collect(el, out, run, here)


def _add(out: list[Piece], text: str, run, child) -> None:
    if text:
        start = out[-1].end if out else 0
        out.append(Piece(start, text, run, child))


def _symbol(code: str | None) -> str:
    try:
        value = int(code or "", 16)
    except ValueError:
        return ""
    if 0xF000 <= value <= 0xF0FF:        # symbol-font private range: not a real character
        return ""
    if not 0 < value <= 0x10FFFF or 0xD800 <= value <= 0xDFFF:
        return ""                        # no such character: this symbol is lost, not the file
    return chr(value)


def _on(el) -> bool:
    if el is None:
        return False
    return el.get(_W + "val", "true") not in ("0", "false", "off")


def _val(parent, tag: str) -> str | None:
    if parent is None:
        return None
    el = parent.find(_W + tag)
    return None if el is None else el.get(_W + "val")


# -- heading levels --------------------------------------------------------------
class _Styles:
    """Paragraph styles by id: name, base style, outline level, numbering."""

    def __init__(self, root):
        self.by_id: dict[str, object] = {}
        self.default: str | None = None
        if root is None:
            return
        for st in root.findall(_W + "style"):
            if st.get(_W + "type", "paragraph") != "paragraph":
                continue
            sid = st.get(_W + "styleId")
            if sid is None:
                continue
            self.by_id[sid] = st
            if st.get(_W + "default") in ("1", "true", "on"):
                self.default = sid

    def chain(self, style_id: str | None):
        """The style and its bases, nearest first (a loop in basedOn is cut)."""
        sid = style_id or self.default
        seen = set()
        while sid and sid in self.by_id and sid not in seen and len(seen) < 20:
            seen.add(sid)
            st = self.by_id[sid]
            yield st
            sid = _val(st, "basedOn")

    def level(self, style_id: str | None) -> int | None:
        for st in self.chain(style_id):
            ppr = st.find(_W + "pPr")
            outline = _val(ppr, "outlineLvl")
            if outline is not None:
                return _outline_level(outline)
            name = _val(st, "name") or ""
            m = _HEADING_NAME.match(name)
            if m:
                return int(m.group(1))
        return None

    def numpr(self, style_id: str | None):
        for st in self.chain(style_id):
            ppr = st.find(_W + "pPr")
            if ppr is not None and ppr.find(_W + "numPr") is not None:
                return ppr.find(_W + "numPr")
        return None


def _outline_level(value: str) -> int | None:
    try:
        n = int(value)
    except ValueError:
        return None
    return n + 1 if 0 <= n <= 8 else None      # 9 = body text


def _paragraph_level(ppr, style_id: str | None, styles: _Styles) -> int | None:
    direct = _val(ppr, "outlineLvl") if ppr is not None else None
    if direct is not None:
        return _outline_level(direct)
    return styles.level(style_id)


def _trust(levels: dict[int, int], lines: list[str]) -> dict[int, int]:
    """A document where most paragraphs carry an outline level (WPS does this when
    formatting is copied wholesale) has no usable levels: drop them all."""
    filled = sum(1 for t in lines if t.strip())
    if filled >= 8 and len(levels) > filled / 2:
        return {}
    return levels


# -- automatic numbering -----------------------------------------------------------
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_GAN = "甲乙丙丁戊己庚辛壬癸"
_ZHI = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_PERIOD = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out


def _letter(n: int) -> str:
    n = max(n, 1)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


MAX_NUMBER = 32767   # Word's own limit for a list number; beyond it (a damaged or hostile
                     # start value) the number is shown in digits, never spelled out


def format_number(n: int, fmt: str) -> str:
    if not 0 <= n <= MAX_NUMBER:
        return str(n)
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting",
               "taiwaneseCountingThousand", "ideographDigital", "japaneseCounting"):
        return chinese_numeral(n)
    if fmt == "chineseLegalSimplified":
        return chinese_numeral(n, _CN_LEGAL, "拾", "佰")
    if fmt in ("ideographTraditional",):
        return _GAN[(n - 1) % 10]
    if fmt in ("ideographZodiac",):
        return _ZHI[(n - 1) % 12]
    if fmt == "upperLetter":
        return _letter(n)
    if fmt == "lowerLetter":
        return _letter(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return _CIRCLED[n - 1]
    if fmt == "decimalEnclosedParen" and 1 <= n <= 20:
        return _PAREN[n - 1]
    if fmt == "decimalEnclosedFullstop" and 1 <= n <= 20:
        return _PERIOD[n - 1]
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


class _Numbering:
    """Renders the labels Word draws for auto-numbered paragraphs, counting as it goes."""

    def __init__(self, root, styles: _Styles):
        self.styles = styles
        self.abstract: dict[str, dict[int, dict]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        if root is None:
            return
        for an in root.findall(_W + "abstractNum"):
            levels = {}
            for lvl in an.findall(_W + "lvl"):
                levels[_int(lvl.get(_W + "ilvl"), 0)] = self._level(lvl)
            self.abstract[an.get(_W + "abstractNumId")] = levels
        for num in root.findall(_W + "num"):
            overrides = {}
            for ov in num.findall(_W + "lvlOverride"):
                start = _val(ov, "startOverride")
                if start is not None:
                    overrides[_int(ov.get(_W + "ilvl"), 0)] = _int(start, 1)
            self.nums[num.get(_W + "numId")] = (_val(num, "abstractNumId"), overrides)

    @staticmethod
    def _level(lvl) -> dict:
        return {"start": _int(_val(lvl, "start"), 1), "fmt": _val(lvl, "numFmt") or "decimal",
                "text": _val(lvl, "lvlText"), "suff": _val(lvl, "suff") or "tab",
                "legal": _on(lvl.find(_W + "isLgl"))}

    def label(self, ppr, style_id: str | None) -> str:
        if not self.nums:
            return ""
        numpr = ppr.find(_W + "numPr") if ppr is not None else None
        style_numpr = self.styles.numpr(style_id)
        num_id = _val(numpr, "numId") or _val(style_numpr, "numId")
        ilvl = _val(numpr, "ilvl") or _val(style_numpr, "ilvl") or "0"
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id)
        if not levels:
            return ""
        ilvl_n = _int(ilvl, 0)
        counters = self.counters.setdefault(abstract_id, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for lv, start in overrides.items():
                counters[lv] = start - 1
        level = levels.get(ilvl_n)
        if level is None:
            return ""
        counters[ilvl_n] = counters.get(ilvl_n, level["start"] - 1) + 1
        for deeper in [k for k in counters if k > ilvl_n]:
            del counters[deeper]
        if level["fmt"] == "bullet" or level["text"] is None:
            return ""

        def number(m):
            lv = int(m.group(1)) - 1
            spec = levels.get(lv, {"start": 1, "fmt": "decimal"})
            value = counters.get(lv, spec["start"])
            fmt = "decimal" if level["legal"] and lv != ilvl_n else spec["fmt"]
            return format_number(value, fmt)

        text = re.sub(r"%([1-9])", number, level["text"])
        if not text:
            return ""
        return text + ("" if level["suff"] == "nothing" else " ")


def _int(value, default: int) -> int:
    try:
        return int(str(value)[:12])     # 12 digits at most: no 5,000-digit conversions
    except (TypeError, ValueError):
        return default
