"""Property-based tests (hypothesis): whatever the input, fzlint answers.

For arbitrary bytes under every reader's file name, and for arbitrary text, ``lint_bytes``
and ``lint_text`` return a result (or a result carrying a read error), within a time bound
(hypothesis' per-example deadline, generous because the machine may be shared), every
output format can encode the result, and every finding's position lies inside the text
it names. Example counts are bounded so the suite stays fast; ``scripts/fuzz.py`` does
the long runs.
"""
from __future__ import annotations

import datetime
import io
import json
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter import lint_bytes, lint_text
from linter.document.document import split_lines
from linter.formats import Options, render
from linter.readers import read_bytes

import fixtures as F

SUFFIXES = (".txt", ".md", ".docx", ".html", ".pdf", ".doc", ".wps")
BOUNDED = settings(max_examples=25, deadline=datetime.timedelta(seconds=20), derandomize=True,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Characters reports (and hostile inputs) are made of: CJK, the punctuation rules look at,
# heading labels, digits, spaces and line breaks of every kind, zero-width and control
# characters, surrogates, emoji.
REPORT_ALPHABET = st.sampled_from(list(
    "一二三四五六七八九十百零、（）()。，；：！？“”《》【】[]0123456789. \u3000\t\n\r\u2028\x0c\x00"
    "\u200b\u200d\ufeff依法行政法治政府建设年度报告主要举措和成效存在的不足下一步工作安排第一责任人"
    "县镇区人民政府办公室印发年月日是\ud800\udfff\U0001F600"))
REPORT_TEXT = st.one_of(
    st.text(max_size=400),
    st.text(REPORT_ALPHABET, max_size=2000),
    st.lists(st.sampled_from(F.seed_lines("002") + ["九十九、工作情况", "一百、工作情况", "（九十九）",
                                                     "1.", "①", "", "[bookmark: _Toc1]"]),
             max_size=60).map("\n".join),
)


def assert_inside(result, lines: list[str]) -> None:
    """Each finding starts and ends on a line of the text, at a column of that line."""
    lines = lines or [""]
    for d in result.diagnostics:
        where = f"{d.code} {d.line}:{d.column}-{d.end_line}:{d.end_column}"
        assert 1 <= d.line <= d.end_line <= len(lines), where
        assert 1 <= d.column <= len(lines[d.line - 1]) + 1, where
        assert 1 <= d.end_column <= len(lines[d.end_line - 1]) + 1, where
        assert d.end_line > d.line or d.end_column >= d.column, where


def assert_renders(result) -> None:
    for name in ("json", "sarif", "text"):
        out = render(name, [result], Options())
        out.encode("utf-8")                     # no lone surrogate reaches an output
    json.loads(render("json", [result], Options()))


@BOUNDED
@given(text=REPORT_TEXT)
def test_any_text_gives_findings_inside_it(text):
    result = lint_text(text)
    assert result.error is None
    assert_inside(result, split_lines(text))
    assert_renders(result)


def _read_lines(data: bytes, name: str) -> list[str] | None:
    try:
        return [ln.text for ln in read_bytes(data, name).lines]
    except Exception:  # noqa: BLE001 - the result's error is checked instead
        return None


def _check_bytes(data: bytes, name: str) -> None:
    result = lint_bytes(data, name)
    if result.error is not None:
        assert result.error["code"] and result.error["message"]
        assert not result.diagnostics
    else:
        assert_inside(result, _read_lines(data, name))
    assert_renders(result)


@BOUNDED
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_under_any_reader_name_give_a_result_or_a_read_error(data, suffix):
    _check_bytes(data, "报告" + suffix)


def _encoded(text: str, encoding: str) -> bytes:
    return text.encode(encoding, "ignore")


@BOUNDED
@given(text=REPORT_TEXT, encoding=st.sampled_from(["utf-8", "gbk", "utf-16", "utf-8-sig"]),
       suffix=st.sampled_from([".txt", ".md", ".html", ".doc"]))
def test_report_like_bytes_in_any_encoding(text, encoding, suffix):
    _check_bytes(_encoded(text, encoding), "报告" + suffix)


# A .docx whose document.xml carries hypothesis-chosen paragraphs, symbols and numbering
BASE_DOCX = F.docx_autonumbered(F.seed_lines("003")[:25])
XML_PIECES = st.sampled_from([
    '<w:p><w:r><w:t>{t}</w:t></w:r></w:p>',
    '<w:p><w:r><w:sym w:font="Wingdings" w:char="{h}"/><w:t>{t}</w:t></w:r></w:p>',
    '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>{t}</w:t></w:r></w:p>',
    '<w:p><w:pPr><w:outlineLvl w:val="{h}"/></w:pPr><w:r><w:t>{t}</w:t></w:r></w:p>',
    '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
])
XML_TEXT = st.text(st.sampled_from(list("一二三、依法行政。（）1. <>&")), max_size=30).map(
    lambda t: t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
HEX = st.sampled_from(["F04A", "4E00", "FFFFFF", "D800", "110000", "-1", "zz", "0"])


@BOUNDED
@given(pieces=st.lists(st.tuples(XML_PIECES, XML_TEXT, HEX), max_size=12),
       start=st.sampled_from(["1", "0", "99", "999999999", "-5", "x"]),
       fmt=st.sampled_from(["decimal", "chineseCounting", "upperRoman", "lowerLetter", "bullet", "odd"]),
       flips=st.lists(st.tuples(st.integers(0, 10 ** 6), st.integers(0, 255)), max_size=3))
def test_mutated_docx_gives_a_result_or_a_read_error(pieces, start, fmt, flips):
    zin = zipfile.ZipFile(io.BytesIO(BASE_DOCX))
    members = {i.filename: zin.read(i) for i in zin.infolist()}
    xml = members["word/document.xml"].decode("utf-8")
    at = xml.index("<w:body>") + len("<w:body>")
    xml = xml[:at] + "".join(p.format(t=t, h=h) for p, t, h in pieces) + xml[at:]
    members["word/document.xml"] = xml.encode("utf-8")
    if "word/numbering.xml" in members:
        numbering = members["word/numbering.xml"].decode("utf-8")
        members["word/numbering.xml"] = numbering.replace('w:start w:val="1"', f'w:start w:val="{start}"') \
            .replace('w:numFmt w:val="chineseCounting"', f'w:numFmt w:val="{fmt}"').encode("utf-8")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, body in members.items():
            zout.writestr(name, body)
    data = bytearray(buf.getvalue())
    for position, value in flips:
        data[position % len(data)] = value
    _check_bytes(bytes(data), "报告.docx")


BASE_HTML = F.gov_page(F.seed_lines("002")[1:30], F.seed_lines("002")[0])
BASE_PDF = F.pdf_with_text(F.seed_lines("002")[:30])


@BOUNDED
@given(depth=st.integers(0, 3000), tag=st.sampled_from(["div", "span", "table", "font"]),
       cut=st.integers(0, len(BASE_HTML)))
def test_deeply_nested_html_keeps_the_rest_of_the_page(depth, tag, cut):
    at = BASE_HTML.index(b"<body")
    data = BASE_HTML[:at] + f"<{tag}>".encode() * depth + "深处。".encode() + f"</{tag}>".encode() * depth \
        + BASE_HTML[at:]
    _check_bytes(data, "报告.html")
    _check_bytes(data[:cut], "报告.html")


@BOUNDED
@given(flips=st.lists(st.tuples(st.integers(0, len(BASE_PDF) - 1), st.integers(0, 255)), max_size=6),
       cut=st.integers(0, len(BASE_PDF)))
def test_damaged_pdf_gives_a_result_or_a_read_error(flips, cut):
    data = bytearray(BASE_PDF)
    for position, value in flips:
        data[position] = value
    _check_bytes(bytes(data), "报告.pdf")
    _check_bytes(bytes(data[:cut]), "报告.pdf")


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_every_reader_name_is_covered(suffix):
    """The suites above draw from these suffixes: each is a reader's (not 'unsupported')."""
    result = lint_bytes(b"\x00\x01garbage", "r" + suffix)
    assert result.error is None or result.error["code"] != "unsupported"
