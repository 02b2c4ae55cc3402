"""The HTML fragments shared by the web page and the district overview (linter.formats.report_html)."""
import os
import sys
from html.parser import HTMLParser

from linter import lint_text
from linter.formats import report_html
from linter.document.result import Diagnostic, FileResult

sys.path.insert(0, os.path.dirname(os.path.dirname(__file__)))
from fixtures import seed_text  # noqa: E402

REPORT = ("关于2023年法治政府建设情况的报告\n"
          "2023年，我镇认真贯彻《中华人民共和国行政处法》，组织干部学习<script>alert(1)</script>。\n")


class Tree(HTMLParser):
    """Elements with their attributes and the text directly inside each, and open tags' depth."""

    def __init__(self):
        super().__init__()
        self.elements, self.stack, self.texts = [], [], []

    def handle_starttag(self, tag, attrs):
        el = {"tag": tag, "attrs": dict(attrs), "text": "", "parents": [e["tag"] for e in self.stack]}
        self.elements.append(el)
        if tag not in ("br", "img", "input", "meta", "link"):
            self.stack.append(el)

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()["tag"] == tag:
                break

    def handle_data(self, data):
        for el in self.stack:
            el["text"] += data

    def by_id(self, ident):
        return next(e for e in self.elements if e["attrs"].get("id") == ident)

    def ids(self):
        return {e["attrs"]["id"] for e in self.elements if "id" in e["attrs"]}


def parse(fragment: str) -> Tree:
    tree = Tree()
    tree.feed(fragment)
    tree.close()
    return tree


def test_report_text_is_escaped_and_never_markup():
    result = lint_text(REPORT, "x.txt")
    fragment = report_html.report_text_html(REPORT.splitlines(), result)
    tree = parse(fragment)
    assert not [e for e in tree.elements if e["tag"] == "script"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in fragment
    assert "<script>alert(1)</script>" in tree.by_id("L2")["text"]


def test_finding_text_from_a_rule_is_escaped_too():
    d = Diagnostic("X001", "x", "warning", "含有<b>标签</b>与\"引号\"", 1, 1, 1, 3,
                   basis="<i>依据</i>", suggestion="<img src=x onerror=alert(1)>")
    result = FileResult(path="x.txt", diagnostics=[d], checklist={})
    fragment = report_html.report_text_html(["<em>报告</em>"], result)
    tree = parse(fragment)
    assert {e["tag"] for e in tree.elements} <= {"section", "div", "span", "mark", "article", "header", "p"}
    assert 'title="X001 含有&lt;b&gt;标签&lt;/b&gt;与&quot;引号&quot;"' in fragment


def test_a_finding_highlights_exactly_its_characters_and_is_explained_beside_its_line():
    result = lint_text(REPORT, "x.txt")
    i, law = next((i, d) for i, d in enumerate(result.diagnostics) if d.code == "L801")
    tree = parse(report_html.report_text_html(REPORT.splitlines(), result, rule_docs={"L801": "# L801 规则页"}))
    marks = [e for e in tree.elements if e["tag"] == "mark" and f"F{i}" in e["attrs"]["data-findings"].split()]
    assert "".join(m["text"] for m in marks) == REPORT.splitlines()[1][law.column - 1:law.end_column - 1]
    assert "".join(m["text"] for m in marks) == "《中华人民共和国行政处法》"
    card = tree.by_id(f"F{i}")
    assert card["tag"] == "article" and "行政处罚法" in card["text"] and "L801" in card["text"]
    assert "# L801 规则页" in card["text"]                        # the rule's page, in a <details>
    details = next(e for e in tree.elements if e["tag"] == "details" and "article" in e["parents"]
                   and "L801" in e["text"])
    assert details["text"].startswith("规则说明")
    # the card sits in the same line block as the highlight
    line_block = tree.by_id("L2")
    assert "《中华人民共和国行政处法》" in line_block["text"] and "不是现行法律法规的名称" in line_block["text"]


def test_overlapping_findings_give_flat_marks_naming_every_finding_under_them():
    a = Diagnostic("A001", "a", "info", "甲", 1, 1, 1, 5)
    b = Diagnostic("B001", "b", "error", "乙", 1, 3, 1, 7)
    result = FileResult(path="x.txt", diagnostics=[a, b], checklist={})
    tree = parse(report_html.report_text_html(["一二三四五六七八"], result))
    marks = [e for e in tree.elements if e["tag"] == "mark"]
    assert not [m for m in marks if "mark" in m["parents"]]
    assert [(m["text"], m["attrs"]["data-findings"]) for m in marks] == [
        ("一二", "F0"), ("三四", "F0 F1"), ("五六", "F1")]
    assert "fz-worst-error" in marks[1]["attrs"]["class"]         # the worse severity colours it


def test_a_finding_over_several_lines_highlights_each_of_them():
    d = Diagnostic("A001", "a", "warning", "甲", 1, 3, 2, 3)
    result = FileResult(path="x.txt", diagnostics=[d], checklist={})
    tree = parse(report_html.report_text_html(["一二三四", "五六七八"], result))
    assert [m["text"] for m in tree.elements if m["tag"] == "mark"] == ["三四", "五六"]


def test_a_finding_outside_the_text_is_listed_first_not_lost():
    d = Diagnostic("A001", "a", "warning", "全文没有落款", 9, 1, 9, 2)
    result = FileResult(path="x.txt", diagnostics=[d], checklist={})
    fragment = report_html.report_text_html(["一行"], result)
    assert fragment.index('id="F0"') < fragment.index('id="L1"')


def test_checklist_groups_by_state_as_the_text_output_and_links_each_item_to_its_place():
    text = seed_text("000")
    result = lint_text(text, "seed.txt")
    fragment = report_html.checklist_html(result, id_prefix="u1-")
    tree = parse(fragment)
    groups = [e for e in tree.elements if e["tag"] == "div" and "fz-group" in e["attrs"]["class"]]
    # seed 000 has no date: 按时报送和公开 is "？ 未能判断" here as in the text output, not "— 不适用"
    assert result.checklist["time.deadline"].shown_state == "unknown"
    assert [g["attrs"]["class"].split()[1] for g in groups] == [
        "fz-state-missing", "fz-state-weak", "fz-state-unknown", "fz-state-present"]
    assert groups[0]["text"].startswith("✗ 缺失") and groups[1]["text"].startswith("△ 较弱")
    assert groups[2]["text"].startswith("？ 未能判断") and "不适用" not in fragment
    items = [e for e in tree.elements if e["tag"] == "li"]
    assert len(items) == len(result.checklist)
    states = {e["attrs"]["data-item"]: e["attrs"]["class"] for e in items}
    for item, entry in result.checklist.items():
        assert f"fz-state-{entry.shown_state}" in states[item]
    # every link lands on an element of the report text rendered with the same prefix
    body = parse(report_html.report_text_html(text.splitlines(), result, id_prefix="u1-"))
    links = [e["attrs"]["href"][1:] for e in tree.elements if e["tag"] == "a"]
    assert links and set(links) <= body.ids()
    # a missing item points at the finding about it, a present one at the line showing it
    missing = next(k for k, v in result.checklist.items() if v.state == "missing")
    link = next(e for e in tree.elements if e["tag"] == "a" and e in _children(tree, "li", missing))
    target = body.by_id(link["attrs"]["href"][1:])
    assert target["tag"] == "article" and target["attrs"]["data-code"] in result.checklist[missing].codes
    present = next(k for k, v in result.checklist.items() if v.state == "present" and v.evidence)
    link = next(e for e in tree.elements if e["tag"] == "a" and e in _children(tree, "li", present))
    assert link["attrs"]["href"] == f"#u1-L{result.checklist[present].evidence[0].line}"
    # weak items name their line, as in the text output
    weak = next(k for k, v in result.checklist.items() if v.state == "weak")
    li = next(e for e in items if e["attrs"]["data-item"] == weak)
    assert f"（第{result.checklist[weak].evidence[0].line}行）" in li["text"]


def _children(tree, tag, item):
    i = next(n for n, e in enumerate(tree.elements) if e["tag"] == tag and e["attrs"].get("data-item") == item)
    return tree.elements[i + 1:i + 3]


def test_meta_names_what_the_tool_understood():
    result = lint_text(seed_text("000"), "seed.txt")
    tree = parse(report_html.meta_html(result))
    fields = {e["attrs"]["data-field"]: e["text"] for e in tree.elements if "data-field" in e["attrs"]}
    assert fields == {"title": "（未识别标题）", "issuer": "中梁镇人民政府", "year": "2021年",
                      "level": "乡镇（街道）", "ruleset": "outline-2021-2025"}


def test_rule_docs_are_the_fzlint_rule_pages_of_the_codes_found():
    result = lint_text(REPORT, "x.txt")
    docs = report_html.rule_docs(result)
    assert set(docs) == {d.code for d in result.diagnostics}
    assert docs["L801"].startswith("# L801 ")


def test_the_stylesheet_has_the_filter_and_print_rules():
    css = report_html.stylesheet()
    assert ".fz-hide-info .fz-finding.fz-sev-info" in css and "@media print" in css
