"""A report copied out of a PDF into a .txt: its paragraphs arrive as lines broken at the page's
width, often mid-word (法治建 / 设). The text is read across those breaks; every line keeps its
own number and columns."""
from pathlib import Path

import pytest

from fixtures import wrap_for_print
from linter import Config, Document, lint

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def _paragraphs(seed: Path) -> list[str]:
    return [p.strip() for p in seed.read_text(encoding="utf-8").splitlines() if p.strip()]


@pytest.mark.parametrize("seed", SEEDS[:3], ids=lambda p: p.stem)
def test_a_pdf_copy_reads_as_its_paragraphs(seed):
    paragraphs = _paragraphs(seed)
    lines = wrap_for_print(paragraphs, width=26, indent=False)
    doc = Document.from_text("\n".join(lines), path="copy.txt")
    assert doc.soft_breaks                       # (the copy is recognised as one)
    # every sentence is whole in the content, however its lines were broken (a break right
    # after a 。 stays a line break: it may end the paragraph)
    for p in paragraphs:
        for sentence in Document.from_text(p).content.split("。"):
            assert sentence in doc.content
    # …and each line is still where the user sees it
    for ln in doc.lines:
        start = doc.line_start(ln.number)
        assert doc.content[start:start + len(ln.norm)] == ln.norm


@pytest.mark.parametrize("seed", SEEDS[:3], ids=lambda p: p.stem)
def test_a_pdf_copy_gets_the_checklist_of_the_report(seed):
    paragraphs = _paragraphs(seed)
    config = Config()
    whole = lint(Document.from_text("\n".join(paragraphs), path="r.txt"), config)
    copy_lines = wrap_for_print(paragraphs, width=26, indent=False)
    copy = lint(Document.from_text("\n".join(copy_lines), path="r.txt"), config)
    differ = {k for k, v in whole.checklist.items() if copy.checklist[k].state != v.state}
    assert not differ, differ
    for d in copy.diagnostics:                   # findings point inside the copy's lines
        assert 1 <= d.line <= d.end_line <= len(copy_lines)


def test_a_web_copy_keeps_its_line_breaks():
    text = ("某镇2023年度法治政府建设情况报告\n一、2023年推进法治政府建设的主要举措和成效\n"
            "全年开展法治讲座4次\n镇党委书记主持召开专题会议3次\n")
    doc = Document.from_text(text)
    assert not doc.soft_breaks and doc.content == text.rstrip("\n")


def test_a_numbered_heading_after_a_full_line_starts_anew():
    # a copy whose first paragraph fills its last line exactly, with no stop at its end
    run_on = ("镇党委坚持把法治建设摆在全局工作突出位置统筹推进依法行政各项工作" * 4)[:104]
    body = "全年召开专题会议研究法治政府建设工作3次，开展会前学法10次，组织干部参加学法考试，参考率100%。" * 2
    lines = wrap_for_print([run_on, "二、存在的不足和原因", body, body], width=26, indent=False)
    doc = Document.from_text("\n".join(lines), path="copy.txt")
    heading = lines.index("二、存在的不足和原因") + 1
    assert heading - 1 in doc.wrapped and heading - 1 not in doc.soft_breaks
    assert doc.soft_breaks                       # (the paragraphs around it still run on)
    assert "\n二、存在的不足和原因\n" in doc.content
