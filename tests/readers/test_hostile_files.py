"""Files built to hurt: each loses at most the bad piece, never the whole file, and finishes."""
from __future__ import annotations

import io
import re
import zipfile

from linter import lint_bytes, lint_text
from linter.formats import Options, render
from linter.readers import read_bytes

import fixtures as F


def _content(doc) -> str:
    return "\n".join(ln.text for ln in doc.lines)


def _with_document_xml(data: bytes, change) -> bytes:
    zin = zipfile.ZipFile(io.BytesIO(data))
    members = {i.filename: zin.read(i) for i in zin.infolist()}
    members = change(members)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, body in members.items():
            zout.writestr(name, body)
    return buf.getvalue()


def test_one_impossible_docx_symbol_loses_only_itself():
    base = F.docx_plain(F.seed_lines("002")[:20])

    def add_symbol(members):
        xml = members["word/document.xml"].decode("utf-8")
        at = xml.index("<w:body>") + len("<w:body>")
        members["word/document.xml"] = (xml[:at] + '<w:p><w:r><w:t>符号前</w:t><w:sym w:font="Wingdings" '
                                        'w:char="FFFFFF"/><w:sym w:char="D800"/><w:t>符号后</w:t></w:r></w:p>'
                                        + xml[at:]).encode("utf-8")
        return members

    doc = read_bytes(_with_document_xml(base, add_symbol), "报告.docx")
    assert "符号前符号后" in _content(doc)
    assert F.seed_lines("002")[0].strip() in _content(doc)


def test_auto_numbering_with_a_huge_start_value_is_shown_in_digits():
    base = F.docx_autonumbered(F.seed_lines("003")[:25])

    def huge(members):
        numbering = members["word/numbering.xml"].decode("utf-8")
        numbering = re.sub(r'w:start w:val="\d+"', 'w:start w:val="999999999"', numbering)
        numbering = re.sub(r'w:numFmt w:val="\w+"', 'w:numFmt w:val="upperRoman"', numbering)
        members["word/numbering.xml"] = numbering.encode("utf-8")
        return members

    result = lint_bytes(_with_document_xml(base, huge), "报告.docx")
    assert result.error is None
    assert any(o["title"] for o in result.outline)


def test_html_nested_thousands_deep_keeps_the_rest_of_the_page():
    lines = F.seed_lines("002")
    page = F.gov_page(lines[1:30], lines[0])
    at = page.index(b'class="TRS_Editor">') + len(b'class="TRS_Editor">')
    deep = page[:at] + b"<div>" * 5000 + "深处的一段文字。".encode() + b"</div>" * 5000 + page[at:]
    text = _content(read_bytes(deep, "报告.html"))
    assert "深处的一段文字。" in text                           # the deep piece: its words kept
    assert all(ln.strip() in text for ln in lines[1:30] if ln.strip())   # the rest: all of it


def test_a_pdf_page_tree_listing_one_page_900_times_is_read_once():
    pdf = F.pdf_with_text(F.seed_lines("002")[:30]).decode("latin-1")
    m = re.search(r"/Kids\s*\[([^\]]*)\]", pdf)
    first = m.group(1).split("R")[0].strip() + " R"
    pdf = pdf[:m.start(1)] + " ".join([first] * 900) + pdf[m.end(1):]
    pdf = re.sub(r"/Count\s+\d+", "/Count 900", pdf)
    doc = read_bytes(pdf.encode("latin-1"), "报告.pdf")
    text = _content(doc)
    assert text.count(F.seed_lines("002")[0].strip()[:12]) == 1


def test_lone_surrogates_reach_no_output():
    result = lint_text("某镇2024年度法治政府建设情况报告\n一、主要举措\ud800\n依法行政\udfff工作。\n")
    for name in ("json", "sarif", "text", "junit", "gitlab", "csv"):
        render(name, [result], Options()).encode("utf-8")
