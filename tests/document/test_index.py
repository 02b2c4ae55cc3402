"""The per-document index answers exactly what the per-rule scans it replaces answered."""
from pathlib import Path

import pytest

from linter import Document, analyze
from linter.document.index import Index, vocabulary_of
from linter.engine.ruleset import load_ruleset
from linter.text.phrases import compile_phrases
from linter.text.sentences import PARAGRAPH_STOP, SENTENCE_STOP, sentence_bounds

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))


def _phrase_lists():
    lists = []
    for rule in load_ruleset().rules:
        for value in rule.params.values():
            if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
                lists.append(tuple(value))
            elif isinstance(value, dict):
                lists.extend(tuple(v) for v in value.values() if isinstance(v, list))
    return lists


def _regex_hits(index, phrases):
    """What a longest-first alternation finds on the quote-free text (the old per-rule scan)."""
    text, origin = index.quote_free
    out = []
    for m in compile_phrases(phrases).finditer(text):
        if m.end() > m.start():
            a, b = (m.start(), m.end()) if origin is None else (origin[m.start()], origin[m.end() - 1] + 1)
            out.append((a, b, m.group(0)))
    return out


@pytest.mark.parametrize("seed", SEEDS[:3], ids=lambda p: p.name[:3])
def test_one_scan_for_all_phrases_finds_what_each_rule_scan_found(seed):
    ruleset = load_ruleset()
    doc = Document.from_text(seed.read_text(encoding="utf-8"))
    index = Index(doc, ruleset.vocabulary)
    assert index._occurrences is not None            # the Aho-Corasick table is in use
    lists = _phrase_lists()
    assert len(lists) > 50
    for phrases in lists:
        assert [(h.start, h.end, h.key) for h in index.hits(phrases)] == _regex_hits(index, phrases), phrases


def test_quotes_and_overlaps_are_handled_like_the_alternation():
    text = "开展“八五”普法，落实“谁执法谁普法”责任制。法治政府建设示范创建，法治政府建设。"
    doc = Document.from_text(text)
    lists = [("八五普法", "普法"), ("法治政府", "法治政府建设", "政府建设"), ("谁执法谁普法",), ("建设示范",),
             ("re:执法[^。]{0,3}普法", "普法", "谁执法", "责任制"), ("re:法治政府", "法治政府建设", "示范")]
    index = Index(doc, vocabulary_of(lists))
    for phrases in lists:
        assert [(h.start, h.end, h.key) for h in index.hits(phrases)] == _regex_hits(index, phrases)
    hit = index.hits(("八五普法",))[0]
    assert doc.content[hit.start:hit.end] == "八五”普法"     # positions are the user's text, quotes included
    # a list the vocabulary does not hold (an ad-hoc rule) still gets an answer
    assert [h.key for h in index.hits(("执法谁",))] == ["执法谁"]
    first = text.index("法治政府")
    second = text.index("法治政府", first + 1)
    assert index.occurrences("法治政府") == [(first, first + 4), (second, second + 4)]


@pytest.mark.parametrize("stops", [SENTENCE_STOP, PARAGRAPH_STOP])
def test_sentence_bounds_from_the_table_match_the_text_search(stops):
    doc = Document.from_text(SEEDS[0].read_text(encoding="utf-8")[:3000] + "？末句没有句号")
    index = Index(doc)
    text = doc.content
    for start in range(0, len(text), 7):
        end = min(len(text), start + 5)
        assert index.bounds(start, end, stops) == sentence_bounds(text, start, end, stops)


def test_the_analysis_builds_its_index_once():
    analysis = analyze(Document.from_text("某镇人民政府2024年法治政府建设情况的报告\n一、主要举措\n聘请法律顾问。"))
    assert analysis.index is analysis.index
    assert analysis.heading_blocks is analysis.heading_blocks


def _typo_lists(ruleset):
    from linter.kinds.typo import allowed_forms, expanded_pairs
    lists = []
    for rule in ruleset.rules:
        if rule.kind == "typo":
            lists.append(tuple(dict.fromkeys(p["wrong"] for p in expanded_pairs(rule.params) if not p.get("pattern"))))
            lists.append(allowed_forms(rule.params))
    return [words for words in lists if words]


@pytest.mark.parametrize("seed", SEEDS[3:], ids=lambda p: p.name[:3])
def test_one_scan_of_the_users_text_finds_what_each_typo_scan_found(seed):
    from linter.text.phrases import literal_scanner
    ruleset = load_ruleset()
    # the seed with some wrong forms of the rule set written into it, quotes and all
    wrong = [w for words in _typo_lists(ruleset)[:4] for w in words[:3]]
    doc = Document.from_text(seed.read_text(encoding="utf-8") + "\n" + "，“".join(wrong) + "。")
    index = Index(doc, ruleset.vocabulary, ruleset.raw_vocabulary)
    lists = _typo_lists(ruleset)
    assert len(lists) >= 4 and all(set(words) <= ruleset.raw_vocabulary for words in lists)
    found = 0
    for words in lists:
        got = index.literals(words)
        assert got == literal_scanner(words)(doc.content), words
        found += len(got)
    assert found >= len(wrong)                       # the planted forms were found
    assert index._raw_occurrences is not None        # answered from the one scan


def test_literals_outside_the_raw_vocabulary_are_still_found():
    doc = Document.from_text("落实“谁执法谁普法”责任制，执法纪录仪配备到位。")
    index = Index(doc, raw_vocabulary=frozenset({"执法纪录仪"}))
    assert index.literals(("执法纪录仪",)) == [(14, 19, "执法纪录仪")]
    # a list the scan did not cover (an ad-hoc rule) falls back to its own scan, quotes kept
    assert index.literals(("谁普法”责任",)) == [(6, 12, "谁普法”责任")]


@pytest.mark.parametrize("seed", SEEDS[:2], ids=lambda p: p.name[:3])
def test_hits_within_a_part_are_the_reports_hits_that_start_there(seed):
    ruleset = load_ruleset()
    doc = Document.from_text(seed.read_text(encoding="utf-8"))
    lists = [phrases for phrases in _phrase_lists() if not any(p.startswith("@") for p in phrases)][:40]
    n = len(doc.content)
    stretches = [(0, n), (n // 3, n // 2), (n // 2, n // 2), (n - 200, n + 50)]
    for cached in (False, True):           # made afresh, and cut from the report's hits once made
        index = Index(doc, ruleset.vocabulary)
        for phrases in lists:
            if cached:
                index.hits(phrases)
            for low, high in stretches:
                expected = [h for h in index.hits(phrases) if low <= h.start <= high] if cached else \
                    [h for h in Index(doc, ruleset.vocabulary).hits(phrases) if low <= h.start <= high]
                assert index.hits_within(phrases, low, high) == expected, (phrases, low, high)
    assert any(Index(doc, ruleset.vocabulary).hits_within(p, n // 3, n // 2) for p in lists)


def test_hits_within_a_report_without_quotation_marks():
    text = "一、主要举措\n聘请法律顾问，开展普法宣传。\n二、存在的不足\n普法宣传形式单一，法律顾问作用发挥不够。"
    doc = Document.from_text(text)
    index = Index(doc, vocabulary_of([("普法宣传", "法律顾问")]))
    assert index.quote_free[1] is None
    second = doc.line_start(3)
    got = [(h.start, h.key) for h in index.hits_within(("普法宣传", "法律顾问"), second, len(doc.content))]
    assert got == [(text.index("普法宣传形式"), "普法宣传"), (text.index("法律顾问作用"), "法律顾问")]
