"""Builders for test inputs: the same report as .docx (styled, unstyled, auto-numbered),
GBK .txt, traditional characters, a government web page, a text-layer PDF, and broken
files (truncated .docx, zip bomb, password-protected, scanned PDF).

Everything is generated in memory from a seed report, so no binary file is checked in.
"""
from __future__ import annotations

import html
import io
import re
import zipfile
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

H1 = re.compile(r"^\s*[一二三四五六七八九十]{1,3}、")
H2 = re.compile(r"^\s*（[一二三四五六七八九十]{1,3}）")


def seed_text(prefix: str) -> str:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8")


def seed_lines(prefix: str) -> list[str]:
    return seed_text(prefix).splitlines()


# -- .docx ------------------------------------------------------------------------
def _docx_bytes(document) -> bytes:
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def docx_styled(lines: list[str]) -> bytes:
    """Headings in Heading 1 / Heading 2 styles; their numbering still typed."""
    import docx

    d = docx.Document()
    for line in lines:
        if H1.match(line):
            d.add_paragraph(line, style="Heading 1")
        elif H2.match(line):
            d.add_paragraph(line, style="Heading 2")
        else:
            d.add_paragraph(line)
    return _docx_bytes(d)


def docx_plain(lines: list[str]) -> bytes:
    """No heading styles at all: literal numbering and direct formatting (黑体/楷体, 三号,
    bold, centred title), as most real reports are written."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    d = docx.Document()

    def run(paragraph, text, font, size, bold=False):
        r = paragraph.add_run(text)
        r.font.size = Pt(size)
        r.font.bold = bold
        r.font.name = font
        r._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
        return r

    for i, line in enumerate(lines):
        p = d.add_paragraph()
        if i < 3 and line.strip():
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run(p, line, "方正小标宋简体", 22)
        elif H1.match(line):
            run(p, line, "黑体", 16)
        elif H2.match(line):
            run(p, line, "楷体_GB2312", 16, bold=True)
        elif line:
            # split the paragraph into several runs, as Word does after editing
            cut = max(1, len(line) // 3)
            run(p, line[:cut], "仿宋_GB2312", 16)
            run(p, line[cut:], "仿宋_GB2312", 16)
    return _docx_bytes(d)


def docx_autonumbered(lines: list[str]) -> bytes:
    """Headings numbered by Word itself: "一、" and "（一）" come from numbering.xml
    (chineseCounting, lvlText "%1、" / "（%2）"), not from the text."""
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    numbering = d.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum xmlns:w="{w}" w:abstractNumId="90">'
        '<w:multiLevelType w:val="multilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>'
        '</w:abstractNum>')
    first_num = numbering.find(f"{{{w}}}num")
    first_num.addprevious(abstract)
    numbering.append(parse_xml(f'<w:num xmlns:w="{w}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for line in lines:
        level = 0 if H1.match(line) else 1 if H2.match(line) else None
        if level is None:
            d.add_paragraph(line)
            continue
        text = re.sub(r"^\s*(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）)", "", line)
        p = d.add_paragraph(text)
        ppr = p._p.get_or_add_pPr()
        ppr.append(parse_xml(f'<w:numPr xmlns:w="{w}"><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))
    return _docx_bytes(d)


def docx_with_table(before: list[str], rows: list[list[str]], after: list[str]) -> bytes:
    import docx

    d = docx.Document()
    for line in before:
        d.add_paragraph(line)
    table = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for line in after:
        d.add_paragraph(line)
    return _docx_bytes(d)


def docx_from_body(body_xml: str, styles_xml: str = "") -> bytes:
    """A .docx from python-docx's template with our own body (and extra styles)."""
    import docx

    d = docx.Document()
    buf = io.BytesIO()
    d.save(buf)
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                        f'<w:document {w}><w:body>{body_xml}<w:sectPr/></w:body></w:document>').encode()
            elif info.filename == "word/styles.xml" and styles_xml:
                data = data.replace(b"</w:styles>", styles_xml.encode() + b"</w:styles>")
            dst.writestr(info, data)
    return out.getvalue()


def docx_with_photo(lines: list[str], megabytes: int) -> bytes:
    """The report as a styled .docx carrying one incompressible "photo" of ``megabytes`` MB."""
    import os
    import zlib

    import docx

    def chunk(kind: bytes, body: bytes) -> bytes:
        return len(body).to_bytes(4, "big") + kind + body + zlib.crc32(kind + body).to_bytes(4, "big")
    ihdr = (100).to_bytes(4, "big") * 2 + bytes([8, 2, 0, 0, 0])
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", os.urandom(megabytes << 20))
           + chunk(b"IEND", b""))
    word = docx.Document(io.BytesIO(docx_styled(lines)))
    word.add_picture(io.BytesIO(png))
    return _docx_bytes(word)


def zip_bomb_docx(megabytes: int = 30) -> bytes:
    """A .docx whose document.xml unpacks to `megabytes` MB of zeros (a ratio of ~1000)."""
    good = docx_styled(["关于2024年度法治政府建设情况的报告"])
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename == "word/document.xml":
                with dst.open("word/document.xml", "w", force_zip64=True) as fh:
                    chunk = b"\0" * (1 << 20)
                    for _ in range(megabytes):
                        fh.write(chunk)
            else:
                dst.writestr(info, src.read(info.filename))
    return buf.getvalue()


def ole_with_stream(stream_name: str) -> bytes:
    """Bytes shaped like an OLE2 compound file whose directory names `stream_name`
    (as a password-protected .docx names "EncryptionInfo", a .doc names "WordDocument")."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    entry = stream_name.encode("utf-16-le").ljust(64, b"\0") + b"\0" * 64
    return header + entry + b"\x01" * 2048


# -- text, web, pdf ------------------------------------------------------------------
def traditional(text: str) -> str:
    import opencc
    return opencc.OpenCC("s2t").convert(text)


def gov_page(lines: list[str], title: str, charset: str = "utf-8", container: str = 'class="TRS_Editor"',
             chrome_inside: bool = False) -> bytes:
    """The report inside the chrome of a typical government site page. With
    `chrome_inside` the 索引号 table and the 相关文章 list sit inside the content container."""
    body = "\n".join(f"<p style=\"text-indent:2em\">{html.escape(t)}</p>" if t.strip() else "<p>&nbsp;</p>"
                     for t in lines)
    nav = "".join(f'<li><a href="/{i}">{name}</a></li>' for i, name in enumerate(
        ["首页", "要闻动态", "政务公开", "政务服务", "互动交流", "走进南岸", "政府信息公开目录", "法治政府建设"]))
    related = "".join(
        f'<li><a href="/a/{y}.html">{html.escape(t)}</a><span>{y + 1}-01-2{y % 10}</span></li>'
        for y, t in [(2023, "重庆市南岸区鸡冠石镇人民政府关于2023年度法治政府建设情况的报告"),
                     (2022, "重庆市南岸区峡口镇人民政府关于2022年度法治政府建设情况的报告"),
                     (2021, "关于2021年度法治政府建设工作的总结")])
    meta = """<table class="xxgk-table">
<tr><td>索引号：</td><td>11500108MB1956128P/2025-00003</td><td>发布机构：</td><td>南岸区鸡冠石镇</td></tr>
<tr><td>成文日期：</td><td>2025-01-20</td><td>发布日期：</td><td>2025-01-22</td></tr>
<tr><td>主题分类：</td><td>政府工作</td><td>文号：</td><td></td></tr>
</table>"""
    related = f'<div class="list"><h3>相关文章</h3><ul>{related}</ul></div>'
    meta_inside, related_inside = (meta, related) if chrome_inside else ("", "")
    meta_outside, related_outside = ("", "") if chrome_inside else (meta, related)
    page = f"""<!DOCTYPE html>
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{html.escape(title)}_重庆市南岸区人民政府</title>
<script>var _hmt = _hmt || []; document.write("<p>脚本输出</p>");</script>
<style>.nav li {{ float: left; }}</style>
</head>
<body>
<div class="top"><span>2025年1月22日 星期三</span> <a href="#">无障碍</a> <a href="#">简体</a>|<a href="#">繁体</a></div>
<div class="nav"><ul>{nav}</ul></div>
<div class="crumb">您当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; <a href="/fz">法治政府建设</a></div>
<div class="main">
{meta_outside}
<div class="article">
<h1 class="article-title">{html.escape(title)}</h1>
<div class="info">发布时间：2025-01-22 10:30 来源：鸡冠石镇 字号：<a>大</a> <a>中</a> <a>小</a></div>
<div {container}>
{meta_inside}
{body}
{related_inside}
</div>
<div class="share">分享到：<a>微信</a><a>微博</a></div>
<div class="qr">扫一扫在手机打开当前页面</div>
</div>
{related_outside}
</div>
<div class="footer"><p>主办单位：重庆市南岸区人民政府办公室　承办单位：重庆市南岸区大数据发展局</p>
<p>网站标识码：5001080001　渝ICP备05003300号</p><p>版权所有：重庆市南岸区人民政府</p></div>
</body></html>"""
    return page.encode(charset if charset.lower() != "gb2312" else "gb18030")


def wrap_for_print(paragraphs: list[str], width: int = 28, indent: bool = True) -> list[str]:
    """Printed lines: each paragraph broken when it reaches `width` full-width characters
    (a digit or Latin letter counts half), as on an A4 page. With `indent`, a paragraph's
    first line starts with "\t" (pdf_with_text draws it two characters in: 首行缩进) and
    holds two characters fewer."""
    import unicodedata

    out = []
    for p in paragraphs:
        p = p.strip()
        if not p:
            continue
        room = 2 * (width - 2 if indent else width)
        line, used, first = "", 0, True
        for ch in p:
            w = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
            if used + w > room:
                out.append(("\t" if first and indent else "") + line)
                line, used, first, room = "", 0, False, 2 * width
            line += ch
            used += w
        out.append(("\t" if first and indent else "") + line)
    return out


def pdf_with_text(lines: list[str], lines_per_page: int = 40, page_numbers: bool = False) -> bytes:
    """A text-layer PDF: each line drawn with a Type0 (Identity-H) font whose ToUnicode map
    gives the real characters, as Word's "Save as PDF" does. The glyphs are not embedded
    (viewers substitute a font); the text layer is what is read. With `page_numbers`, each
    page ends with a "- N -" footer line. A line starting with "\t" is drawn indented."""
    pages = [lines[i:i + lines_per_page] for i in range(0, len(lines), lines_per_page)] or [[]]
    if page_numbers:
        pages = [page + [f"- {n} -"] for n, page in enumerate(pages, start=1)]
    lines = [line for page in pages for line in page]
    used = sorted({ord(c) for line in lines for c in line.lstrip("\t") if ord(c) <= 0xFFFF} | {0x20})
    cmap_entries = []
    for i in range(0, len(used), 100):
        block = used[i:i + 100]
        cmap_entries.append(f"{len(block)} beginbfchar\n" +
                            "\n".join(f"<{c:04X}> <{c:04X}>" for c in block) + "\nendbfchar")
    cmap = ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n" + "\n".join(cmap_entries) +
            "\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n").encode()
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")            # filled in below
    pages_obj = add(b"")
    tounicode = add(b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream")
    descriptor = add(b"<< /Type /FontDescriptor /FontName /SimSun /Flags 6 /FontBBox [0 -140 1000 880] "
                     b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>")
    cid_font = add(b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun "
                   b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                   b"/FontDescriptor %d 0 R /DW 1000 /CIDToGIDMap /Identity >>" % descriptor)
    font = add(b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H "
               b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (cid_font, tounicode))
    kids = []
    for page_lines in pages:
        ops = []
        for n, line in enumerate(page_lines):
            x = 60 if line.startswith("\t") else 40
            codes = "".join(f"{ord(c):04X}" for c in line.lstrip("\t") if ord(c) <= 0xFFFF)
            ops.append(f"BT /F1 10 Tf 1 0 0 1 {x} {800 - n * 18} Tm <{codes}> Tj ET")
        content = "\n".join(ops).encode()
        stream = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
                        b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                        % (pages_obj, font, stream)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj
    objects[pages_obj - 1] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) +
                              b"] /Count %d >>" % len(kids))
    return _pdf_file(objects, catalog)


def pdf_image_only(pages: int = 2) -> bytes:
    """A scan: pages that only paint an image, no text operators at all."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")
    pages_obj = add(b"")
    pixels = bytes([200]) * 64
    image = add(b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
                b"/BitsPerComponent 8 /Length %d >>\nstream\n" % len(pixels) + pixels + b"\nendstream")
    kids = []
    for _ in range(pages):
        content = b"q 595 0 0 842 0 0 cm /Im1 Do Q"
        stream = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
                        b"/Resources << /XObject << /Im1 %d 0 R >> >> /Contents %d 0 R >>"
                        % (pages_obj, image, stream)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj
    objects[pages_obj - 1] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) +
                              b"] /Count %d >>" % len(kids))
    return _pdf_file(objects, catalog)


def _pdf_file(objects: list[bytes], root: int) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref))
    return out.getvalue()


def encrypted_pdf(lines: list[str], password: str = "secret") -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_with_text(lines))))
    writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def garbled_pdf(lines: list[str]) -> bytes:
    """A PDF whose ToUnicode map sends every glyph into the private-use area, as subset
    fonts without a proper map do."""
    data = pdf_with_text(lines)

    def shift(m):
        code = int(m.group(2), 16)
        return m.group(1) + b"<%04X>" % (0xE000 + code % 0x1800)

    return re.sub(rb"(<[0-9A-F]{4}> )<([0-9A-F]{4})>", shift, data)


def two_part_report(issuer: str = "某镇人民政府") -> str:
    """A short report with its measures and plan but neither the shortcomings part (S102) nor
    the first-responsible-person part (S103): findings that stay stable whatever rules land."""
    return (f"{issuer}关于2024年度法治政府建设情况的报告\n"
            "一、2024年推进法治政府建设的主要举措和成效\n"
            "全年开展法治讲座4次，办理行政执法案件12件。\n"
            "二、2025年工作安排\n"
            "一是加强执法人员培训，全年组织培训不少于4次。\n")
