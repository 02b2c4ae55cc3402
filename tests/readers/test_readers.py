"""Readers: every format a clerk has must read as the same report.

The key test builds, from a seed report, a styled .docx, an unstyled .docx, a .docx
numbered by Word itself, a GBK .txt, a traditional-character copy, two government web
pages and a text-layer PDF, and checks that fzlint understands each exactly as it
understands the original .txt: same title/issuer/year/level/date, same parts, same
checklist states.
"""
from __future__ import annotations

import io
import os
import re
import sys
import textwrap
import zipfile

import pytest

sys.path.insert(0, os.path.dirname(os.path.dirname(__file__)))
import fixtures as F  # noqa: E402

from linter.document.document import Document  # noqa: E402
from linter.engine.run import analyze, lint  # noqa: E402
from linter.errors import ReadError  # noqa: E402
from linter.text.normalize import to_simplified  # noqa: E402
from linter.readers import read_bytes, read_path  # noqa: E402

SEEDS = ("002", "003")


def understanding(doc: Document):
    analysis = analyze(doc)
    m = analysis.meta
    meta = {"title": m.title and to_simplified(m.title), "issuer": m.issuer and to_simplified(m.issuer),
            "report_year": m.report_year, "level": m.level, "date": m.date}
    parts = [(p.kind, re.sub(r"\s+", "", to_simplified(p.title)), p.embedded) for p in analysis.outline.parts]
    states = {k: v.state for k, v in lint(doc).checklist.items()}
    return meta, parts, states


def variants(prefix: str):
    text = F.seed_text(prefix)
    lines = text.splitlines()
    title = analyze(read_bytes(text.encode(), "r.txt")).meta.title
    return {
        "styled.docx": F.docx_styled(lines),
        "unstyled.docx": F.docx_plain(lines),
        "autonumbered.docx": F.docx_autonumbered(lines),
        "gbk.txt": text.encode("gbk"),
        "traditional.txt": F.traditional(text).encode("utf-8"),
        "site.html": F.gov_page(lines, title),
        "site-gb2312-unknown-cms.htm": F.gov_page(lines, title, charset="gb2312", container='id="art_9f3"'),
        "site-chrome-inside.html": F.gov_page(lines, title, container='class="content"', chrome_inside=True),
        "text-layer.pdf": F.pdf_with_text(lines),
        "printed.pdf": F.pdf_with_text(F.wrap_for_print(lines), lines_per_page=30, page_numbers=True),
        "printed-no-indent.pdf": F.pdf_with_text(F.wrap_for_print(lines, width=30, indent=False), page_numbers=True),
    }


_CASES = [(seed, name) for seed in SEEDS for name in
          ("styled.docx", "unstyled.docx", "autonumbered.docx", "gbk.txt", "traditional.txt",
           "site.html", "site-gb2312-unknown-cms.htm", "site-chrome-inside.html", "text-layer.pdf", "printed.pdf",
           "printed-no-indent.pdf")]
_CACHE: dict[str, dict] = {}


@pytest.mark.parametrize("seed,variant", _CASES)
def test_every_format_reads_as_the_same_report(seed, variant):
    if seed not in _CACHE:
        _CACHE[seed] = variants(seed)
    original = understanding(read_bytes(F.seed_text(seed).encode("utf-8"), f"{seed}.txt"))
    assert original[0]["report_year"] and original[0]["issuer"]      # the seed is understood at all
    assert len(original[1]) >= 4
    doc = read_bytes(_CACHE[seed][variant], f"{seed}-{variant}")
    meta, parts, states = understanding(doc)
    assert meta == original[0]
    assert parts == original[1]
    assert states == original[2]


# -- .docx ---------------------------------------------------------------------------
def test_docx_line_is_paragraph_number_so_diagnostics_match_the_txt():
    lines = F.seed_lines("003")
    txt = lint(read_bytes("\n".join(lines).encode(), "003.txt"))
    for builder in (F.docx_styled, F.docx_plain):
        doc = read_bytes(builder(lines), "003.docx")
        assert [ln.text for ln in doc.lines] == lines
        got = lint(doc)
        assert [(d.code, d.line, d.column, d.end_column) for d in got.diagnostics] == \
            [(d.code, d.line, d.column, d.end_column) for d in txt.diagnostics]
        assert got.diagnostics, "seed 003 has known findings"


def test_docx_heading_styles_give_levels_and_typed_numbering_survives():
    lines = F.seed_lines("002")
    doc = read_bytes(F.docx_styled(lines), "r.docx")
    levelled = {ln.number: (ln.style_level, ln.text[:3]) for ln in doc.lines if ln.style_level}
    assert levelled[7] == (1, "一、2")
    assert levelled[9] == (2, "（一）")
    assert all(ln.style_level is None for ln in doc.lines if ln.text.startswith(("按照全区", "2024年，")))


def test_docx_word_numbering_label_is_part_of_the_line_and_columns_count_it():
    lines = F.seed_lines("002")
    doc = read_bytes(F.docx_autonumbered(lines), "r.docx")
    assert doc.line(7).text == "一、2024年推进法治政府建设的主要举措和成效"
    assert doc.line(9).text.startswith("（一）强化组织领导")
    m = next(doc.finditer(re.compile("强化组织领导")))
    span = doc.span(m.start(), m.end())
    assert (span.line, span.column, span.end_column) == (9, 4, 10)


def test_docx_style_only_headings_without_numbering_make_parts():
    import docx

    d = docx.Document()
    d.add_paragraph("重庆市某某区某某镇人民政府关于2023年度法治政府建设情况的报告")
    d.add_paragraph("主要举措和成效", style="Heading 1")
    d.add_paragraph("全年开展普法宣传活动36场次，发放宣传资料5000余份。")
    d.add_paragraph("存在的不足和原因", style="标题 1" if "标题 1" in [s.name for s in d.styles] else "Heading 1")
    d.add_paragraph("一是执法人员专业素养有待提高。主要原因是培训不够系统。")
    d.add_paragraph("2024年工作安排", style="Heading 1")
    d.add_paragraph("深入推进严格规范公正文明执法。")
    buf = io.BytesIO()
    d.save(buf)
    doc = read_bytes(buf.getvalue(), "r.docx")
    kinds = [p.kind for p in analyze(doc).outline.parts]
    assert kinds == ["measures", "shortcomings", "plan"]


def test_docx_custom_styles_and_outline_levels_reach_headings():
    styles = textwrap.dedent("""
        <w:style w:type="paragraph" w:styleId="ReportH2"><w:name w:val="报告二级标题"/>
          <w:basedOn w:val="Heading2"/></w:style>
        <w:style w:type="paragraph" w:styleId="WpsTitle1"><w:name w:val="一级标题（WPS）"/>
          <w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="Loop"><w:name w:val="loop"/><w:basedOn w:val="Loop"/></w:style>
    """)
    body = (
        '<w:p><w:pPr><w:pStyle w:val="WpsTitle1"/></w:pPr><w:r><w:t>一、主要举措和成效</w:t></w:r></w:p>'
        '<w:p><w:pPr><w:pStyle w:val="ReportH2"/></w:pPr><w:r><w:t>（一）深化行政执法体制改革</w:t></w:r></w:p>'
        '<w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:r><w:t>全面推行行政执法公示制度</w:t></w:r></w:p>'
        '<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:outlineLvl w:val="9"/></w:pPr>'
        '<w:r><w:t>正文级别覆盖了标题样式</w:t></w:r></w:p>'
        '<w:p><w:pPr><w:pStyle w:val="Loop"/></w:pPr><w:r><w:t>样式循环不会卡住</w:t></w:r></w:p>'
    )
    doc = read_bytes(F.docx_from_body(body, styles), "r.docx")
    assert [ln.style_level for ln in doc.lines] == [1, 2, 3, None, None]


def test_docx_table_cells_are_lines_in_reading_order():
    data = F.docx_with_table(
        ["2024年法治政府建设主要数据如下："],
        [["项目", "数量"], ["开展普法宣传活动", "36场次"], ["办理行政复议案件", "12件"]],
        ["以上数据截至2024年12月31日。"])
    doc = read_bytes(data, "r.docx")
    assert [ln.text for ln in doc.lines] == [
        "2024年法治政府建设主要数据如下：", "项目", "数量", "开展普法宣传活动", "36场次",
        "办理行政复议案件", "12件", "以上数据截至2024年12月31日。"]


def test_docx_nested_tables_and_content_control_cells_keep_reading_order():
    cell = '<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>'
    body = ('<w:tbl><w:tr><w:sdt><w:sdtContent>' + cell.format("行政复议案件") + '</w:sdtContent></w:sdt>'
            '<w:tc><w:tbl><w:tr>' + cell.format("12件") + '</w:tr></w:tbl>'
            '<w:p><w:r><w:t>均已办结</w:t></w:r></w:p></w:tc></w:tr>'
            '<w:tr>' + cell.format("行政诉讼案件") + cell.format("3件") + '</w:tr></w:tbl>'
            '<w:p><w:r><w:t>以上数据截至2024年12月31日。</w:t></w:r></w:p>')
    doc = read_bytes(F.docx_from_body(body), "r.docx")
    assert [ln.text for ln in doc.lines] == [
        "行政复议案件", "12件", "均已办结", "行政诉讼案件", "3件", "以上数据截至2024年12月31日。"]


def test_docx_text_is_what_word_shows():
    body = (
        # tracked deletion, hidden text and a field code are not shown; the field result is
        '<w:p><w:r><w:t xml:space="preserve">落实行政执法</w:t></w:r>'
        '<w:del w:id="1" w:author="a"><w:r><w:delText>三项</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="a"><w:r><w:t>公示</w:t></w:r></w:ins>'
        '<w:r><w:rPr><w:vanish/></w:rPr><w:t>（隐藏批注）</w:t></w:r>'
        '<w:r><w:t>制度</w:t></w:r></w:p>'
        # a manual line break keeps the paragraph one line (one character wide)
        '<w:p><w:r><w:t>二、存在的不足</w:t><w:br/><w:t>一是普法形式单一。</w:t></w:r></w:p>'
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        '<w:sdt><w:sdtContent><w:p><w:r><w:t>内容控件中的段落</w:t></w:r></w:p></w:sdtContent></w:sdt>'
    )
    doc = read_bytes(F.docx_from_body(body), "r.docx")
    assert [ln.text for ln in doc.lines] == [
        "落实行政执法公示制度", "二、存在的不足 一是普法形式单一。", "3", "内容控件中的段落"]


def test_docx_numbering_formats():
    from linter.readers.docx import format_number

    assert [format_number(n, "chineseCounting") for n in (1, 10, 11, 20, 23, 105)] == \
        ["一", "十", "十一", "二十", "二十三", "一百零五"]
    assert format_number(3, "decimalEnclosedCircle") == "③"
    assert format_number(4, "upperRoman") == "IV"
    assert format_number(2, "chineseLegalSimplified") == "贰"


# -- .txt ----------------------------------------------------------------------------
def test_txt_encodings_and_newlines(tmp_path):
    text = "关于2024年度法治政府建设情况的报告\r\n一、2024年推进法治政府建设的主要举措和成效\r\n"
    cases = {"utf8.txt": (text.encode("utf-8"), "utf-8"),
             "bom.txt": (b"\xef\xbb\xbf" + text.encode("utf-8"), "utf-8-sig"),
             "gbk.txt": (text.encode("gbk"), "gb18030"),
             "utf16.txt": (text.encode("utf-16"), "utf-16")}
    for name, (data, encoding) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        doc = read_path(str(path))
        assert doc.encoding == encoding, name
        assert doc.newline == "\r\n", name
        assert [ln.text for ln in doc.lines] == text.splitlines(), name


@pytest.mark.parametrize("data,code,words", [
    (("雞冠石鎮深入開展法治宣傳教育，提升人民法治意識，依法行政工作扎實推進。" * 5).encode("big5"), "encoding", "编码"),
    (b"\xef\xbb\xbf" + "依法行政工作扎实推进".encode("gbk"), "encoding", "UTF-8"),
    (b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 200, "binary", ".docx"),
    (b"%PDF-1.7\n" + bytes(range(256)), "binary", "PDF"),
    (bytes(range(1, 32)) * 40, "binary", "不是文本文件"),
])
def test_txt_refuses_what_is_not_readable_text(data, code, words):
    with pytest.raises(ReadError) as err:
        read_bytes(data, "报告.txt")
    assert err.value.code == code
    assert words in err.value.message


# -- .html ---------------------------------------------------------------------------
def _page_doc(**kw) -> Document:
    lines = F.seed_lines("002")
    return read_bytes(F.gov_page(lines, "重庆市南岸区鸡冠石镇人民政府关于2024年度法治政府建设情况的报告", **kw), "page.html")


@pytest.mark.parametrize("container,inside", [('class="TRS_Editor"', False), ('id="zoom"', False),
                                              ('class="detail-box"', False), ('class="content"', True),
                                              ('class="detail-box"', True)])
def test_html_keeps_the_article_and_drops_the_site(container, inside):
    doc = _page_doc(container=container, chrome_inside=inside)
    content = doc.content
    for chrome in ("政府信息公开目录", "11500108MB1956128P", "2023年度法治政府建设情况的报告",
                   "峡口镇", "渝ICP备", "主办单位", "脚本输出", "成文日期", "2025-01-20"):
        assert chrome not in content, chrome
    report = [t for t in F.seed_lines("002") if t.strip()]
    kept = [ln.text for ln in doc.content_lines()]
    assert kept[-len(report):] == [t.strip() for t in report]


def test_html_decodes_declared_and_misdeclared_charsets():
    lines = ["重庆市南岸区鸡冠石镇人民政府", "关于2024年度法治政府建设情况的报告", "一、2024年推进法治政府建设的主要举措和成效",
             "深入落实“谁执法谁普法”普法责任制，开展宪法宣传周活动12场次。"]
    gbk = F.gov_page(lines, "关于2024年度法治政府建设情况的报告", charset="gbk")
    assert read_bytes(gbk, "p.html").encoding == "gb18030"
    liar = F.gov_page(lines, "关于2024年度法治政府建设情况的报告").replace(b"charset=utf-8", b"charset=gb2312")
    doc = read_bytes(liar, "p.html")
    assert doc.encoding == "utf-8"
    assert "谁执法谁普法" in doc.content


def test_html_br_separated_paragraphs_are_lines():
    page = ("<html><body><div class='nav'><a>首页</a> <a>政务公开</a> <a>法治政府</a></div><div id='zoom'>"
            "　　关于2024年度法治政府建设情况的报告<br>一、主要举措和成效<br/>&nbsp;&nbsp;全年办理行政复议案件12件。"
            "<br><br>二、存在的不足和原因</div></body></html>").encode()
    doc = read_bytes(page, "p.htm")
    assert [ln.text for ln in doc.lines] == [
        "关于2024年度法治政府建设情况的报告", "一、主要举措和成效", "全年办理行政复议案件12件。", "二、存在的不足和原因"]


# -- .pdf ----------------------------------------------------------------------------
def test_pdf_text_layer_lines():
    lines = [t for t in F.seed_lines("002") if t.strip()]
    doc = read_bytes(F.pdf_with_text(lines, lines_per_page=10), "r.pdf")
    assert [ln.text for ln in doc.lines if ln.text] == [t.strip() for t in lines]


@pytest.mark.parametrize("indent", [True, False])
def test_pdf_printed_lines_are_joined_back_into_paragraphs(indent):
    paragraphs = [t.strip() for t in F.seed_lines("002") if t.strip()]
    printed = F.wrap_for_print(paragraphs, width=28, indent=indent)
    assert len(printed) > 2 * len(paragraphs)
    doc = read_bytes(F.pdf_with_text(printed, lines_per_page=30, page_numbers=True), "r.pdf")
    lines = [ln.text for ln in doc.lines]
    assert "".join(lines) == "".join(paragraphs)                  # page numbers gone, nothing lost
    if indent:      # 首行缩进 tells every paragraph apart
        assert lines == paragraphs
    else:           # without it, a paragraph ending exactly at the margin may run on
        assert len(lines) >= len(paragraphs) - 3
        assert all(any(ln.startswith(p) for ln in lines) for p in paragraphs if p.startswith(("一、", "二、", "三、")))
    # a phrase broken across two printed lines is found, at its column in the paragraph
    phrase = next(a[-4:] + b[:4] for a, b in zip(printed, printed[1:])
                  if not b.startswith("\t") and any(a[-4:] + b[:4] in p for p in paragraphs[2:]))
    assert not any(phrase in t for t in printed)                   # it really was broken
    line = next(ln for ln in doc.lines if phrase in ln.text)
    m = next(doc.finditer(re.compile(re.escape(phrase))))
    span = doc.span(m.start(), m.end())
    assert (span.line, span.column) == (line.number, line.text.index(phrase) + 1)


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_pdf_with_only_an_owner_password_is_read(algorithm):
    """Copy/print restrictions (an owner password, empty user password) are common on
    government PDFs; they must not stop the check."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(F.pdf_with_text(F.seed_lines("002")))))
    writer.encrypt(user_password="", owner_password="owner", algorithm=algorithm)
    buf = io.BytesIO()
    writer.write(buf)
    doc = read_bytes(buf.getvalue(), "r.pdf")
    assert "鸡冠石镇" in doc.content


def test_a_plain_pdf_is_read_without_the_decryption_library_and_an_aes_one_after_it(tmp_path):
    """Importing cryptography is over half of pypdf's import (a fifth of a one-file .pdf run):
    a process reads plain PDFs without it, and still reads an AES owner-password PDF, and
    refuses a user-password one, when one comes after them."""
    import subprocess
    from pypdf import PdfReader, PdfWriter

    plain = F.pdf_with_text(F.seed_lines("002"))
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(plain)))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-256")
    buf = io.BytesIO()
    writer.write(buf)
    (tmp_path / "plain.pdf").write_bytes(plain)
    (tmp_path / "aes.pdf").write_bytes(buf.getvalue())
    (tmp_path / "locked.pdf").write_bytes(F.encrypted_pdf(F.seed_lines("002")))
    script = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from linter.readers import read_bytes
        from linter.errors import ReadError
        folder = Path({str(tmp_path)!r})
        doc = read_bytes((folder / "plain.pdf").read_bytes(), "plain.pdf")
        print("鸡冠石镇" in doc.content, "cryptography" in sys.modules)
        doc = read_bytes((folder / "aes.pdf").read_bytes(), "aes.pdf")
        print("鸡冠石镇" in doc.content)
        try:
            read_bytes((folder / "locked.pdf").read_bytes(), "locked.pdf")
        except ReadError as e:
            print(e.code)
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.stdout.split() == ["True", "False", "True", "encrypted"], out.stderr


@pytest.mark.parametrize("make,code,words", [
    (lambda: F.pdf_image_only(), "no-text-layer", "扫描件"),
    (lambda: F.encrypted_pdf(F.seed_lines("002")), "encrypted", "密码"),
    (lambda: F.garbled_pdf(F.seed_lines("002")), "garbled", "乱码"),
    (lambda: F.pdf_with_text(F.seed_lines("002"))[:300], "corrupt", "损坏"),
    (lambda: b"<html>not a pdf</html>", "corrupt", "PDF"),
])
def test_pdf_refusals(make, code, words):
    with pytest.raises(ReadError) as err:
        read_bytes(make(), "报告.pdf")
    assert err.value.code == code
    assert words in err.value.message


# -- .doc / .wps ---------------------------------------------------------------------
def test_doc_without_libreoffice_says_save_as_docx(monkeypatch):
    monkeypatch.setattr("shutil.which", lambda name: None)
    with pytest.raises(ReadError) as err:
        read_bytes(F.ole_with_stream("WordDocument"), "2024年法治政府建设报告.doc")
    assert err.value.code == "needs-conversion"
    assert err.value.message == "无法直接读取 .doc 文件：请在 Word 或 WPS 中“另存为”.docx 后再检查"
    with pytest.raises(ReadError) as err:
        read_bytes(F.ole_with_stream("WordDocument"), "报告.wps")
    assert ".wps" in err.value.message and err.value.code == "needs-conversion"


def _fake_soffice(tmp_path, docx_bytes: bytes, sleep: float = 0) -> str:
    """A stand-in for LibreOffice: writes the given .docx where soffice would."""
    bindir = tmp_path / "bin"
    bindir.mkdir()
    (tmp_path / "converted.docx").write_bytes(docx_bytes)
    script = bindir / "soffice"
    script.write_text(textwrap.dedent(f"""\
        #!{sys.executable}
        import os, shutil, sys, time
        time.sleep({sleep})
        args = sys.argv[1:]
        assert "--headless" in args and args[args.index("--convert-to") + 1] == "docx"
        outdir = args[args.index("--outdir") + 1]
        stem = os.path.splitext(os.path.basename(args[-1]))[0]
        shutil.copy({str(tmp_path / "converted.docx")!r}, os.path.join(outdir, stem + ".docx"))
    """))
    script.chmod(0o755)
    return str(bindir)


def test_doc_is_converted_with_libreoffice_when_present(tmp_path, monkeypatch):
    lines = F.seed_lines("002")
    bindir = _fake_soffice(tmp_path, F.docx_plain(lines))
    monkeypatch.setenv("PATH", bindir + os.pathsep + os.environ.get("PATH", ""))
    path = tmp_path / "鸡冠石镇报告.wps"
    path.write_bytes(F.ole_with_stream("WordDocument"))
    doc = read_path(str(path))
    assert doc.format == "wps" and doc.path == str(path)
    assert analyze(doc).meta.issuer == "重庆市南岸区鸡冠石镇人民政府"


def test_doc_conversion_timeout_is_a_read_error(tmp_path, monkeypatch):
    from linter.readers import office

    bindir = _fake_soffice(tmp_path, F.docx_plain(["x"]), sleep=5)
    monkeypatch.setenv("PATH", bindir + os.pathsep + os.environ.get("PATH", ""))
    monkeypatch.setattr(office, "TIMEOUT", 0.3)
    with pytest.raises(ReadError) as err:
        read_bytes(F.ole_with_stream("WordDocument"), "报告.doc")
    assert err.value.code == "convert-failed" and "超时" in err.value.message


def test_docx_saved_with_doc_suffix_is_read_directly(monkeypatch):
    monkeypatch.setattr("shutil.which", lambda name: None)
    doc = read_bytes(F.docx_plain(F.seed_lines("002")), "报告.doc")
    assert doc.format == "doc"
    assert analyze(doc).meta.report_year == 2024


@pytest.mark.parametrize("encoding,expected", [("utf-8", "utf-8"), ("gbk", "gb18030")])
def test_text_with_a_few_damaged_bytes_is_still_read(encoding, expected):
    text = F.seed_text("002").encode(encoding)
    damaged = text[:500] + b"\xe6\xb3\xff" + text[500:]     # a broken character dropped in
    doc = read_bytes(damaged, "r.txt")
    assert doc.encoding == expected
    assert "\ufffd" in doc.content and "鸡冠石镇" in doc.content
    assert analyze(doc).meta.report_year == 2024


def test_docx_where_every_paragraph_has_an_outline_level_falls_back_to_typed_numbering():
    """WPS copies an outline level onto every paragraph when formatting is brushed over the
    whole document; such levels say nothing and must not make every paragraph a heading."""
    lines = [t for t in F.seed_lines("002") if t.strip()]
    body = "".join('<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>{}</w:t></w:r></w:p>'.format(t)
                   for t in lines)
    doc = read_bytes(F.docx_from_body(body), "r.docx")
    assert all(ln.style_level is None for ln in doc.lines)
    txt = read_bytes("\n".join(lines).encode(), "r.txt")
    assert understanding(doc)[1] == understanding(txt)[1]
