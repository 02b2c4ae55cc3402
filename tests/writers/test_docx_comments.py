"""Word comments (批注): the findings written into the clerk's .docx.

Every check reads the annotated file back independently of the writer: the body text
through fzlint's reader, the comments and the text between each comment's range markers
straight from the XML (python-docx/lxml), and compares them with the findings.
"""
from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
import zlib
from collections import Counter

import pytest

sys.path.insert(0, os.path.dirname(os.path.dirname(__file__)))
import fixtures as F  # noqa: E402
from cliutil import run  # noqa: E402

from linter.engine.run import lint  # noqa: E402
from linter.errors import ReadError  # noqa: E402
from linter.readers import read_bytes, read_path  # noqa: E402
from linter.writers.docx_comments import annotate_upload  # noqa: E402

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SEEDS = sorted(p.name.split("_")[0] for p in F.SEEDS.glob("*.txt"))
BUILDERS = {"styled": F.docx_styled, "hand-numbered": F.docx_plain, "auto-numbered": F.docx_autonumbered}
SUMMARY_HEAD = "fzlint 检查结果"


# -- reading comments back, without the writer's code -----------------------------------
def _visible(el) -> bool:
    node = el.getparent()
    while node is not None:
        if node.tag in (W + "del", W + "moveFrom"):
            return False
        if node.tag == W + "r":
            rpr = node.find(W + "rPr")
            if rpr is not None and rpr.find(W + "vanish") is not None:
                return False
        node = node.getparent()
    return True


def comments_of(data: bytes) -> list[dict]:
    """Every comment: id, author, text, and the visible text between its range markers."""
    import docx

    word = docx.Document(io.BytesIO(data))
    anchored: dict[str, list[str]] = {}
    open_ids: list[str] = []
    for el in word.element.body.iter():
        tag = el.tag
        if tag == W + "commentRangeStart":
            open_ids.append(el.get(W + "id"))
            anchored.setdefault(el.get(W + "id"), [])
        elif tag == W + "commentRangeEnd":
            if el.get(W + "id") in open_ids:
                open_ids.remove(el.get(W + "id"))
        elif not open_ids:
            continue
        elif tag == W + "p":
            for i in open_ids:
                anchored[i].append("\n")
        elif tag == W + "t" and _visible(el):
            for i in open_ids:
                anchored[i].append(el.text or "")
        elif tag == W + "tab" and el.getparent().tag == W + "r" and _visible(el):
            for i in open_ids:
                anchored[i].append("\t")
    out = []
    for c in word.comments:
        cid = str(c.comment_id)
        out.append({"id": cid, "author": c.author,
                    "text": "\n".join(p.text for p in c.paragraphs),
                    "anchored": "".join(anchored[cid]) if cid in anchored else None})
    return out


def body_texts(data: bytes) -> list[str]:
    """Each body paragraph's own visible text (no auto-number labels: they are not text)."""
    import docx

    word = docx.Document(io.BytesIO(data))
    out = []
    for p in word.element.body.iter(W + "p"):
        text = []
        for el in p.iter(W + "t", W + "tab", W + "br"):
            if el.getparent().tag != W + "r" or not _visible(el):
                continue
            text.append(el.text or "" if el.tag == W + "t" else "\t" if el.tag == W + "tab" else " ")
        out.append("".join(text))
    return out


def expected_anchor(doc, d, own_text: dict[int, str]) -> str:
    """The finding's text: the Line.text slice between its columns, without the
    auto-number label (which is not text in the body; a range wholly on it takes the
    first character of the real text)."""
    def clip(number, a, b):
        text = doc.line(number).text
        label = len(text) - len(own_text.get(number, text))
        return text[max(a, label):max(b, label)], label

    if d.end_line == d.line:
        piece, label = clip(d.line, d.column - 1, d.end_column - 1)
        if not piece and d.end_column > d.column:
            return doc.line(d.line).text[label:label + 1]
        return piece
    first, _ = clip(d.line, d.column - 1, len(doc.line(d.line).text))
    middle = [clip(n, 0, len(doc.line(n).text))[0] for n in range(d.line + 1, d.end_line)]
    last, _ = clip(d.end_line, 0, d.end_column - 1)
    return "\n".join([first, *middle, last])


def assert_annotated(original: bytes, annotated: bytes, name: str, own_text=None):
    """The body reads the same; one fzlint comment per finding, anchored to its text; a
    checklist comment on the title."""
    doc = read_bytes(original, name)
    result = lint(doc)
    back = read_bytes(annotated, "back.docx")
    assert [ln.text for ln in back.lines] == [ln.text for ln in doc.lines]
    if own_text is None:
        own_text = {n: t for n, t in enumerate(body_texts(annotated), start=1)}
    comments = [c for c in comments_of(annotated) if c["author"] == "fzlint"]
    findings = [c for c in comments if not c["text"].startswith(SUMMARY_HEAD)]
    summaries = [c for c in comments if c["text"].startswith(SUMMARY_HEAD)]
    assert all(c["anchored"] is not None for c in comments), "a comment without range markers"
    assert Counter((c["text"].split()[0], c["anchored"]) for c in findings) == \
        Counter((d.code, expected_anchor(doc, d, own_text)) for d in result.active())
    assert len(summaries) == 1
    title = result.meta["title_lines"]
    if title:
        assert summaries[0]["anchored"].replace("\n", "") == \
            "".join(doc.line(n).text.strip() for n in range(min(title), max(title) + 1)).replace("\n", "")
    return result, comments


def _formatting(data: bytes) -> list[list[tuple[str, bytes]]]:
    """Per body paragraph: each visible character with its run's properties."""
    import docx
    from lxml import etree

    word = docx.Document(io.BytesIO(data))
    out = []
    for p in word.element.body.iter(W + "p"):
        chars = []
        for t in p.iter(W + "t"):
            if not _visible(t):
                continue
            rpr = t.getparent().find(W + "rPr")
            props = etree.tostring(rpr) if rpr is not None else b""
            chars.extend((ch, props) for ch in t.text or "")
        out.append(chars)
    return out


# -- every seed, three ways -----------------------------------------------------------
@pytest.mark.parametrize("kind", BUILDERS)
@pytest.mark.parametrize("seed", SEEDS)
def test_every_seed_round_trips_with_one_comment_per_finding(seed, kind):
    original = BUILDERS[kind](F.seed_lines(seed))
    annotated, result = annotate_upload(original, "报告.docx")
    checked, comments = assert_annotated(original, annotated, "报告.docx")
    assert [d.to_dict() for d in checked.diagnostics] == [d.to_dict() for d in result.diagnostics]
    assert len(comments) == len(result.active()) + 1 and result.active()
    assert "word/comments.xml" in zipfile.ZipFile(io.BytesIO(annotated)).namelist()
    # the body is the same, character by character, with the same run formatting
    assert _formatting(annotated) == _formatting(original)
    # a finding about something missing sits on the heading of its part (or on the title)
    doc = read_bytes(original, "报告.docx")
    headings = {p["start"] for p in result.outline} | set(result.meta["title_lines"]) | \
        {ln.number for ln in doc.lines if ln.style_level} | {doc.content_lines()[0].number}
    missing = [d for d in result.active() if d.checklist and result.checklist[d.checklist].state == "missing"]
    assert missing and all(d.line in headings for d in missing)
    # and checking the annotated file finds the same problems in the same places
    again = lint(read_bytes(annotated, "报告.docx"))
    assert [(d.code, d.line, d.column) for d in again.active()] == \
        [(d.code, d.line, d.column) for d in result.active()]


def test_auto_numbered_findings_land_after_the_label_not_off_by_its_length():
    lines = F.seed_lines("002")
    at = next(i for i, t in enumerate(lines) if F.H2.match(t))
    lines[at] = "（一）深入学习贯彻党的十九大精神，" + lines[at][3:]    # a finding in mid-heading
    annotated, result = annotate_upload(F.docx_autonumbered(lines), "报告.docx")
    doc = read_bytes(annotated, "报告.docx")
    assert doc.line(at + 1).text == lines[at]           # the label "（一）" comes from numbering.xml
    assert "十九大" not in body_texts(annotated)[at][:4] and body_texts(annotated)[at].startswith("深入学习")
    stale = next(d for d in result.active() if d.code == "T712")
    assert (stale.line, doc.line(stale.line).text[stale.column - 1:stale.end_column - 1]) == (at + 1, "十九大")
    mine = [c for c in comments_of(annotated) if c["text"].startswith("T712")]
    assert [c["anchored"] for c in mine] == ["十九大"]
    # a finding over a whole numbered heading covers its real text, not the label
    numbered = {ln.number for ln in doc.lines if F.H1.match(ln.text) or F.H2.match(ln.text)}
    whole = [d for d in result.active() if d.line in numbered and d.column == 1]
    assert whole
    texts = Counter((c["text"].split()[0], c["anchored"]) for c in comments_of(annotated))
    for d in whole:
        heading = doc.line(d.line).text
        label = (F.H1.match(heading) or F.H2.match(heading)).end()
        assert texts[(d.code, heading[label:d.end_column - 1])] >= 1


def test_a_finding_on_the_label_itself_anchors_to_the_start_of_the_real_text():
    from linter.document.result import Diagnostic
    from linter.writers.docx_comments import annotate_docx

    lines = F.seed_lines("002")
    data = F.docx_autonumbered(lines)
    doc = read_bytes(data, "报告.docx")
    result = lint(doc)
    heading = next(ln for ln in doc.lines if F.H1.match(ln.text))
    label = F.H1.match(heading.text).end()
    result.diagnostics = [Diagnostic("F901", "heading-number-skipped", "warning", "标题编号不连续",
                                     heading.number, 1, heading.number, label + 1)]
    comments = comments_of(annotate_docx(data, doc, result))
    assert [c["anchored"] for c in comments if c["text"].startswith("F901")] == [heading.text[label]]


def test_a_finding_over_several_paragraphs_is_one_comment_over_all_of_them():
    from linter.document.result import Diagnostic
    from linter.writers.docx_comments import annotate_docx

    data = F.docx_plain(REPORT)
    doc = read_bytes(data, "报告.docx")
    result = lint(doc)
    result.diagnostics = [Diagnostic("S101", "x", "warning", "跨段的问题", 3, 5, 5, 4)]
    comments = comments_of(annotate_docx(data, doc, result))
    assert [c["anchored"] for c in comments if c["text"].startswith("S101")] == \
        [REPORT[2][4:] + "\n" + REPORT[3] + "\n" + REPORT[4][:3]]


def test_comment_text_is_short_chinese_with_code_severity_suggestion_and_basis():
    annotated, result = annotate_upload(F.docx_styled(F.seed_lines("000")), "报告.docx")
    comments = {c["text"].split()[0]: c["text"] for c in comments_of(annotated)}
    d = next(d for d in result.active() if d.suggestion and d.basis)
    text = comments[d.code]
    severity = {"error": "错误", "warning": "警告", "info": "提示"}[d.severity]
    assert text.startswith(f"{d.code} {severity}：{d.message}")
    assert f"建议：{d.suggestion}" in text and f"依据：{d.basis}" in text
    summary = next(c for c in comments_of(annotated) if c["text"].startswith(SUMMARY_HEAD))["text"]
    states = Counter(e.state for e in result.checklist.values())
    assert f"✗ 缺失（{states['missing']} 项）" in summary and f"✓ 已写明（{states['present']} 项）" in summary
    assert "行政裁量权基准" in summary.split("✗ 缺失")[1].split("\n")[0]


# -- existing comments, tracked changes, tables, content controls ------------------------
REPORT = ["关于2024年度法治政府建设情况的报告",
          "一、2024年推进法治政府建设的主要举措和成效",
          "全年开展法治宣传活动36场次，办理行政复议案件12件。",
          "二、存在的不足和原因",
          "一是普法形式单一，主要是宣传人员不足。",
          "三、2025年推进法治政府建设的主要安排",
          "6月底前完成权责清单调整。"]


def test_existing_comments_and_tracked_changes_are_kept():
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    word = docx.Document()
    paragraphs = [word.add_paragraph(t) for t in REPORT]
    word.add_comment(paragraphs[2].runs, "请核对数字", author="张科长", initials="张")
    p = word.add_paragraph("联系人王某，电话")
    p._p.append(parse_xml(f'<w:del {w} w:id="91" w:author="李四"><w:r><w:delText>0512-1234</w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:ins {w} w:id="92" w:author="李四"><w:r><w:rPr><w:b/></w:rPr>'
                          f'<w:t>13812345678</w:t></w:r></w:ins>'))
    p.add_run("。。")
    buf = io.BytesIO()
    word.save(buf)
    original = buf.getvalue()

    annotated, result = annotate_upload(original, "报告.docx")
    assert {"X102", "F912"} <= {d.code for d in result.active()}
    assert_annotated(original, annotated, "报告.docx")
    kept = [c for c in comments_of(annotated) if c["author"] == "张科长"]
    assert [(c["text"], c["anchored"]) for c in kept] == [("请核对数字", REPORT[2])]
    xml = zipfile.ZipFile(io.BytesIO(annotated)).read("word/document.xml").decode()
    assert xml.count("<w:del ") == 1 and "0512-1234" in xml and xml.count("<w:ins ") == 1
    phone = next(c for c in comments_of(annotated) if c["text"].startswith("X102"))
    assert phone["anchored"] == "13812345678"


def test_annotating_the_annotated_copy_again_replaces_fzlints_comments_and_keeps_a_reviewers():
    # the clerk edits 报告.批注.docx in Word (fixes the figures one comment asked for, a
    # reviewer adds a note) and annotates it again: one comment per finding that is left
    import docx

    word = docx.Document()
    paragraphs = [word.add_paragraph(t) for t in REPORT]
    word.add_comment(paragraphs[2].runs, "请核对数字", author="张科长", initials="张")
    word.add_paragraph("联系人王某，电话13812345678。")
    buf = io.BytesIO()
    word.save(buf)
    first, first_result = annotate_upload(buf.getvalue(), "报告.docx")
    assert "X102" in {d.code for d in first_result.active()}

    edited = docx.Document(io.BytesIO(first))
    phone = edited.paragraphs[-1]
    for run in phone.runs:
        run.text = run.text.replace("13812345678", "") if "13812345678" in run.text else run.text
    buf = io.BytesIO()
    edited.save(buf)
    second, second_result = annotate_upload(buf.getvalue(), "报告.批注.docx")

    assert "X102" not in {d.code for d in second_result.active()}
    ours = [c for c in comments_of(second) if c["author"] == "fzlint"]
    assert len(ours) == len(second_result.active()) + 1          # the findings and one checklist
    assert not any(c["text"].startswith("X102") for c in ours)
    assert [c["text"] for c in comments_of(second) if c["author"] == "张科长"] == ["请核对数字"]
    xml = zipfile.ZipFile(io.BytesIO(second)).read("word/document.xml").decode()
    ids = {c["id"] for c in comments_of(second)}
    assert set(re.findall(r'<w:commentReference w:id="(\d+)"', xml)) == ids   # no mark left dangling
    assert set(re.findall(r'<w:commentRangeStart w:id="(\d+)"', xml)) == ids


def test_table_cells_and_content_controls_are_anchored_where_the_reader_puts_them():
    cell = '<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>'
    body = "".join(f'<w:p><w:r><w:t>{t}</w:t></w:r></w:p>' for t in REPORT[:3]) + (
        '<w:tbl><w:tr>' + cell.format("联系电话") + '<w:sdt><w:sdtContent>'
        + cell.format("值班电话13812345678") + '</w:sdtContent></w:sdt></w:tr>'
        '<w:tr><w:tc><w:tbl><w:tr>' + cell.format("身份证号11010519491231002X") + '</w:tr></w:tbl>'
        '<w:p><w:r><w:t>均已办结。。</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
        '<w:sdt><w:sdtContent><w:p><w:r><w:t xml:space="preserve">内容控件：手机</w:t></w:r>'
        '<w:r><w:rPr><w:i/></w:rPr><w:t>13912345678</w:t></w:r><w:r><w:t>，</w:t></w:r></w:p>'
        '</w:sdtContent></w:sdt>') + "".join(f'<w:p><w:r><w:t>{t}</w:t></w:r></w:p>' for t in REPORT[3:])
    original = F.docx_from_body(body)
    annotated, result = annotate_upload(original, "报告.docx")
    doc = read_bytes(original, "报告.docx")
    cells = {d.code: doc.line(d.line).text for d in result.active() if d.code in ("X101", "X102", "F912")}
    assert set(cells) == {"X101", "X102", "F912"}
    assert_annotated(original, annotated, "报告.docx")
    anchored = Counter(c["anchored"] for c in comments_of(annotated) if c["text"][:4] in ("X101", "X102"))
    assert anchored["13812345678"] == 1 and anchored["13912345678"] == 1
    assert anchored["11010519491231002X"] == 1


def test_runs_are_split_inside_hyperlinks_fields_tabs_and_breaks_keeping_their_formatting():
    body = "".join(f'<w:p><w:r><w:t>{t}</w:t></w:r></w:p>' for t in REPORT[:3]) + (
        # one number over a run, a hyperlink and a bookmark
        '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">值班电话 138</w:t></w:r>'
        '<w:bookmarkStart w:id="7" w:name="tel"/><w:hyperlink w:anchor="tel"><w:r><w:rPr><w:u w:val="single"/>'
        '</w:rPr><w:t>1234</w:t></w:r></w:hyperlink><w:bookmarkEnd w:id="7"/>'
        '<w:proofErr w:type="spellStart"/><w:r><w:t>5678，</w:t></w:r><w:proofErr w:type="spellEnd"/></w:p>'
        # one run holding text, a tab, the number and a line break
        '<w:p><w:r><w:rPr><w:i/></w:rPr><w:t>手机</w:t><w:tab/><w:t>13912345678</w:t><w:br/>'
        '<w:t>（个人）</w:t></w:r></w:p>'
        # a field: the code is not text, the result is
        '<w:p><w:r><w:t xml:space="preserve">联系 </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText> MERGEFIELD 电话 </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:t>13712345678</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    ) + "".join(f'<w:p><w:r><w:t>{t}</w:t></w:r></w:p>' for t in REPORT[3:])
    original = F.docx_from_body(body)
    annotated, result = annotate_upload(original, "报告.docx")
    assert_annotated(original, annotated, "报告.docx")
    phones = sorted(c["anchored"] for c in comments_of(annotated) if c["text"].startswith("X102"))
    assert phones == ["13712345678", "13812345678", "13912345678"]
    assert _formatting(annotated) == _formatting(original)


def test_a_text_upload_gives_a_docx_with_the_same_comments(tmp_path):
    text = "\r\n".join(F.seed_lines("003")) + "\r\n"
    data = text.encode("gbk", errors="replace")
    annotated, result = annotate_upload(data, "松源镇报告.txt")
    txt_doc = read_bytes(data, "松源镇报告.txt")
    back = read_bytes(annotated, "back.docx")
    assert [ln.text for ln in back.lines] == [ln.text for ln in txt_doc.lines]
    comments = [c for c in comments_of(annotated) if c["author"] == "fzlint"]
    assert Counter((c["text"].split()[0], c["anchored"]) for c in comments
                   if not c["text"].startswith(SUMMARY_HEAD)) == \
        Counter((d.code, txt_doc.line(d.line).text[d.column - 1:d.end_column - 1]) for d in result.active())


def test_html_and_pdf_uploads_give_a_docx_too():
    lines = F.seed_lines("002")
    for data, name in ((F.gov_page(lines, lines[0]), "page.html"),
                       (F.pdf_with_text(F.wrap_for_print(lines)), "scan.pdf")):
        annotated, result = annotate_upload(data, name)
        doc = read_bytes(data, name)
        assert [ln.text for ln in read_bytes(annotated, "x.docx").lines] == [ln.text for ln in doc.lines]
        fz = [c for c in comments_of(annotated) if c["author"] == "fzlint"]
        assert len(fz) == len(result.active()) + 1


def test_unreadable_upload_raises_the_readers_chinese_error():
    for data, name in ((b"", "a.docx"), (b"PK\x03\x04broken", "a.docx"), (F.zip_bomb_docx(), "bomb.docx")):
        with pytest.raises(ReadError) as err:
            annotate_upload(data, name)
        assert "文件" in err.value.message and "\n" not in err.value.message


def test_a_file_that_reads_but_cannot_be_annotated_gets_a_chinese_error_not_a_traceback(monkeypatch):
    import linter.writers.docx_comments as writer

    def broken(*args):
        raise KeyError("w:id")

    monkeypatch.setattr(writer, "_comment", broken)
    with pytest.raises(ReadError) as err:
        annotate_upload(F.docx_styled(REPORT), "报告.docx")
    assert err.value.code == "annotate-failed" and "批注" in err.value.message


# -- pictures do not count against the size limit ----------------------------------------
def _png(size: int) -> bytes:
    """A PNG header (100×100) with ``size`` bytes of incompressible data as its IDAT."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return len(body).to_bytes(4, "big") + kind + body + zlib.crc32(kind + body).to_bytes(4, "big")
    ihdr = (100).to_bytes(4, "big") * 2 + bytes([8, 2, 0, 0, 0])
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", os.urandom(size)) + chunk(b"IEND", b"")


def test_a_report_with_a_25_mb_photo_is_checked_and_annotated(tmp_path):
    import docx

    word = docx.Document(io.BytesIO(F.docx_styled(F.seed_lines("002"))))
    word.add_picture(io.BytesIO(_png(25 * 1024 * 1024)))
    path = tmp_path / "带照片的报告.docx"
    word.save(str(path))
    data = path.read_bytes()
    assert len(data) > 25 * 1024 * 1024
    doc = read_path(str(path))
    assert doc.lines[0].text == F.seed_lines("002")[0]
    annotated, result = annotate_upload(data, path.name)
    assert result.active() and len(annotated) > 25 * 1024 * 1024
    assert len([c for c in comments_of(annotated) if c["author"] == "fzlint"]) == len(result.active()) + 1
    # what is read is still limited: the text parts against max_bytes
    with pytest.raises(ReadError) as err:
        read_bytes(data, path.name, max_bytes=4096)
    assert err.value.code == "too-large" and "文字内容" in err.value.message


# -- the command ------------------------------------------------------------------------
def test_annotate_command_writes_next_to_the_report_and_never_over_it(tmp_path):
    source = tmp_path / "庙坝镇报告.docx"
    source.write_bytes(F.docx_plain(F.seed_lines("001")))
    before = source.read_bytes()
    r = run(["annotate", str(source)], tmp_path)
    assert r.exit_code == 0, r.output
    out = tmp_path / "庙坝镇报告.批注.docx"
    assert out.exists() and source.read_bytes() == before
    assert "庙坝镇报告.批注.docx" in r.output and "批注" in r.output
    assert_annotated(before, out.read_bytes(), source.name)

    chosen = tmp_path / "out.docx"
    assert run(["annotate", str(source), "-o", str(chosen)], tmp_path).exit_code == 0
    assert chosen.exists()
    r = run(["annotate", str(source), "-o", str(source)], tmp_path)
    assert r.exit_code == 2 and source.read_bytes() == before
    assert "不会覆盖" in r.output


def test_annotate_command_on_unreadable_input_prints_one_chinese_line_and_exits_2(tmp_path):
    bad = tmp_path / "坏文件.docx"
    bad.write_bytes(b"PK\x03\x04 not really")
    r = run(["annotate", str(bad)], tmp_path)
    assert r.exit_code == 2
    assert len(r.output.strip().splitlines()) == 1 and "坏文件.docx" in r.output and "损坏" in r.output
    assert not (tmp_path / "坏文件.批注.docx").exists()
    r = run(["annotate", str(tmp_path / "没有这个文件.docx")], tmp_path)
    assert r.exit_code == 2 and "Traceback" not in r.output


def test_annotate_command_takes_several_reports_or_a_folder_and_goes_on_past_a_bad_one(tmp_path):
    # a bureau sends every unit its own annotated report back
    folder = tmp_path / "各镇"
    folder.mkdir()
    (folder / "庙坝镇.docx").write_bytes(F.docx_plain(F.seed_lines("001")))
    (folder / "松源镇.txt").write_text("\n".join(F.seed_lines("003")), encoding="utf-8")
    (folder / "坏文件.docx").write_bytes(b"PK\x03\x04 not really")
    r = run(["annotate", str(folder)], tmp_path)
    assert r.exit_code == 2
    lines = r.output.strip().splitlines()
    assert len(lines) == 3 and sum(ln.startswith("已写出 ") for ln in lines) == 2
    assert any("坏文件.docx" in ln and "损坏" in ln for ln in lines)
    assert (folder / "庙坝镇.批注.docx").exists() and (folder / "松源镇.批注.docx").exists()
    assert not (folder / "坏文件.批注.docx").exists()
    again = run(["annotate", str(folder / "庙坝镇.docx"), str(folder / "松源镇.txt")], tmp_path)
    assert again.exit_code == 0 and again.output.count("已写出 ") == 2
    refused = run(["annotate", str(folder), "-o", str(tmp_path / "x.docx")], tmp_path)
    assert refused.exit_code == 2 and "-o 只能在批注一个文件时使用" in refused.output
    assert not (tmp_path / "x.docx").exists()


def test_annotate_command_takes_a_text_report(tmp_path):
    source = tmp_path / "report.txt"
    source.write_text("\n".join(F.seed_lines("004")), encoding="utf-8")
    assert run(["annotate", str(source)], tmp_path).exit_code == 0
    assert (tmp_path / "report.批注.docx").exists()


# -- a real LibreOffice opens it ----------------------------------------------------------
def _soffice(args: list[str], tmp_path) -> subprocess.CompletedProcess:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    assert exe, "LibreOffice (soffice) is required: .ci/run installs libreoffice-writer-nogui"
    profile = (tmp_path / "lo-profile").as_uri()
    return subprocess.run([exe, f"-env:UserInstallation={profile}", "--headless", "--norestore", *args],
                          stdin=subprocess.DEVNULL, capture_output=True, timeout=180, cwd=tmp_path)


def test_libreoffice_opens_the_annotated_docx_and_sees_every_comment(tmp_path):
    from pypdf import PdfReader

    annotated, result = annotate_upload(F.docx_autonumbered(F.seed_lines("002")), "报告.docx")
    path = tmp_path / "annotated.docx"
    path.write_bytes(annotated)
    # PDF export with the comments as PDF notes (the filter option exists since LibreOffice 7.4)
    pdf_filter = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
    done = _soffice(["--convert-to", pdf_filter, "--outdir", str(tmp_path / "pdf"), str(path)], tmp_path)
    pdf = tmp_path / "pdf" / "annotated.pdf"
    assert done.returncode == 0 and pdf.exists(), done.stderr
    reader = PdfReader(str(pdf))
    assert "鸡冠石镇" in reader.pages[0].extract_text()
    notes = [a.get_object().get("/Contents") for page in reader.pages for a in page.get("/Annots") or []
             if a.get_object().get("/Subtype") == "/Text"]
    expected = [c["text"] for c in comments_of(annotated)]
    assert len(expected) == len(result.active()) + 1
    assert Counter(n.replace("\r", "\n") for n in notes) == Counter(expected)


def test_a_wps_upload_is_converted_and_gives_a_docx_with_comments(tmp_path):
    source = tmp_path / "report.docx"
    source.write_bytes(F.docx_styled(F.seed_lines("004")))
    done = _soffice(["--convert-to", "doc", "--outdir", str(tmp_path / "doc"), str(source)], tmp_path)
    legacy = (tmp_path / "doc" / "report.doc").read_bytes()
    assert done.returncode == 0 and legacy.startswith(b"\xd0\xcf\x11\xe0")
    name = "孙家镇报告.wps"             # WPS's binary format is Word's; read as .doc (one conversion)
    annotated, result = annotate_upload(legacy, name)
    assert result.format == "wps"
    converted = [ln.text for ln in read_bytes(annotated, "x.docx").lines]
    assert [t for t in converted if t.strip()] == [t for t in F.seed_lines("004") if t.strip()]
    assert len([c for c in comments_of(annotated) if c["author"] == "fzlint"]) == len(result.active()) + 1
