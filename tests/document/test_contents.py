"""A table of contents (目录) before the body is not the report's headings.

Reports written the way some units publish them: the parts listed under the title, then the
salutation and the body with the same headings again.
"""
from linter.document.document import Document
from linter.document.outline import build_outline
from linter.engine.run import lint_text

PARTS = ["一、2023年度推进法治政府建设的主要举措和成效",
         "二、党政主要负责人履行推进法治建设第一责任人职责情况",
         "三、存在的不足和原因",
         "四、2024年度推进法治政府建设的主要安排"]
BODY = {
    PARTS[0]: "（一）严格规范公正文明执法。全面落实行政执法公示、执法全过程记录、重大执法决定法制审核制度，"
              "全年办理行政处罚案件46件，法制审核12件。",
    PARTS[1]: "局主要负责人带头学法，全年参加党组理论学习中心组学法4次，在年终述职中专题述法。",
    PARTS[2]: "一是执法人员法律素养有待提高；二是普法形式较为单一。究其原因，主要是培训不够系统、投入不足。",
    PARTS[3]: "2024年，局将持续推进严格规范公正文明执法，加大执法人员培训力度。",
}
TITLE = "青川县市场监督管理局2023年度法治政府建设情况报告"
SALUTATION = "县委、县政府：\n2023年，我局坚持依法行政，现将有关情况报告如下。"


def report(contents: list[str]) -> str:
    body = "\n".join(f"{h}\n{BODY[h]}" for h in PARTS)
    return "\n".join([TITLE, *contents, SALUTATION, body])


def parts_of(text: str):
    doc = Document.from_text(text)
    return doc, [(p.kind, doc.line(p.start).norm[:2]) for p in build_outline(doc).parts if not p.embedded]


def body_line(text: str, heading: str) -> int:
    lines = text.splitlines()
    return max(i for i, ln in enumerate(lines, start=1) if ln == heading)


def test_a_contents_list_under_mulu_is_left_out_and_the_parts_are_the_body_s():
    text = report(["目　录", *PARTS])
    doc, parts = parts_of(text)
    assert [k for k, _ in parts] == ["measures", "frp", "shortcomings", "plan"]
    outline = build_outline(doc)
    assert outline.parts[0].start == body_line(text, PARTS[0])
    assert all(doc.line(n).chrome for n in range(2, 7))      # 目录 and its four lines


def test_a_bare_list_of_the_parts_typed_again_below_is_a_contents_list():
    text = report(PARTS)
    doc, parts = parts_of(text)
    assert [k for k, _ in parts] == ["measures", "frp", "shortcomings", "plan"]
    assert build_outline(doc).parts[2].start == body_line(text, PARTS[2])


def test_a_word_contents_list_with_page_numbers_is_a_contents_list():
    text = report(["目录", *(f"{h}……………………{n}" for n, h in enumerate(PARTS, start=1))])
    doc, parts = parts_of(text)
    assert [k for k, _ in parts] == ["measures", "frp", "shortcomings", "plan"]
    assert not any(ln.chrome for ln in doc.lines[7:])


def test_the_clerk_gets_the_findings_of_the_report_without_its_contents_list():
    # without the fix the shortcomings part read as empty ("只有0字") and the findings on
    # missing items pointed at the list's lines
    listed = range(2, 2 + len(PARTS))
    plain, with_contents = lint_text(report([])), lint_text(report(PARTS))
    assert ([(d.code, d.message) for d in with_contents.diagnostics]
            == [(d.code, d.message) for d in plain.diagnostics])
    assert not [d for d in with_contents.diagnostics if d.line in listed]


def test_a_part_heading_followed_at_once_by_its_first_sub_item_stays_a_heading():
    # 一、 then （一） on the next line, never typed again: the body's own headings
    text = "\n".join([TITLE, SALUTATION, PARTS[0], "（一）严格规范公正文明执法",
                      BODY[PARTS[0]].split("。", 1)[1], PARTS[1], BODY[PARTS[1]]])
    doc, parts = parts_of(text)
    assert [k for k, _ in parts] == ["measures", "frp"]
    assert not any(ln.chrome for ln in doc.lines)
