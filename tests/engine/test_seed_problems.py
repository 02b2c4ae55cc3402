"""What a reviewer marks in the seed reports, read off the seeds themselves.

Positions come from the seed text (the line as the user sees it), not from the tool's output:
each expectation names the words a reviewer would circle.
"""
from pathlib import Path

import pytest

from linter import lint_text
from linter.config import Config
from linter.engine.run import lint_path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
STALE_CODES = {f"T{n}" for n in range(710, 735)} | {"L802"}


def seed_path(prefix):
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def lines(prefix):
    return seed_path(prefix).read_text(encoding="utf-8").splitlines()


def at(prefix, line, words):
    """(line, 1-based column) of words on a seed line."""
    col = lines(prefix)[line - 1].index(words) + 1
    return line, col


def check(prefix, year=None):
    return lint_path(str(seed_path(prefix)), Config(year=year))


def hits(result, code):
    return [(d.line, d.column) for d in result.diagnostics if d.code == code]


# -- 003: 松源镇 2021 ---------------------------------------------------------------------------

def test_003_misnamed_laws():
    result = check("003")
    l801 = {(d.line, d.column): d for d in result.diagnostics if d.code == "L801"}
    women = l801[at("003", 33, "《妇女儿童权益保护法》")]
    assert "妇女权益保障法" in women.message and "未成年人保护法" in women.message
    police = l801[at("003", 33, "《社会治安管处罚法》")]
    assert police.fix.edits[0].text == "治安管理处罚法" and not police.fix.safe
    # the correctly named ones on the same line are not findings
    assert len(l801) == 2


def test_003_typos():
    result = check("003")
    got = {(d.line, d.column): d for d in result.diagnostics if d.code == "F920"}
    assert got[at("003", 17, "规范字文件")].fix.edits[0].text == "规范性文件"
    assert got[at("003", 11, "公钥工作")].fix.edits[0].text == "重要工作"


def test_003_numbering_switches_style_at_ten():
    result = check("003")
    [d] = [d for d in result.diagnostics if d.code == "F903"]
    assert (d.line, d.column) == at("003", 28, "（十）")
    assert "（9）" in d.message and "（10）" in d.message
    assert not hits(result, "F901") and not hits(result, "F902")


def test_003_nineteenth_congress_is_right_for_2021_and_stale_for_2023():
    assert not hits(check("003"), "T712")
    assert hits(check("003", year=2023), "T712") == [at("003", 8, "十九大")]


# -- 004: 孙家镇 2021, copied from a web page -----------------------------------------------------

def test_004_halfwidth_punctuation():
    result = check("004")
    [d] = [d for d in result.diagnostics if d.code == "F910"]
    assert (d.line, d.column) == at("004", 21, ",")                 # "2021年,孙家镇"
    assert d.fix.safe
    edit = next(e for e in d.fix.edits if (e.line, e.column) == (21, 6))
    assert edit.text == "，"
    assert not any(e.line <= 10 for e in d.fix.edits)              # the page's metadata block


def test_004_run_on_enumerations():
    result = check("004")
    assert hits(result, "F911") == [at("004", 93, "三是"), at("004", 97, "三是")]
    assert not hits(result, "F904")                 # the same gap is not reported twice


def test_004_typo_and_date():
    result = check("004")
    [d] = [d for d in result.diagnostics if d.code == "F920"]
    assert (d.line, d.column) == at("004", 97, "法律顾辅助") and d.fix.edits[0].text == "法律顾问辅助"
    assert not {d.code for d in result.diagnostics} & {"T701", "T702", "T703", "T704"}
    assert result.checklist["time.deadline"].state == "present"


# -- 001: 庙坝镇 2020 ------------------------------------------------------------------------------

def test_001_legacy_terms():
    result = check("001")
    assert at("001", 17, "法制宣传") in hits(result, "T730")
    assert at("001", 12, "法制教育") in hits(result, "T731")
    assert hits(result, "T733") == [at("001", 12, "民主法制示范村")]
    assert hits(result, "F921") == [at("001", 18, "法治延寿")]


def test_001_seventh_plan_is_current_for_2020_but_stale_for_2021():
    assert not hits(check("001"), "T710")
    [d] = [d for d in check("001", year=2021).diagnostics if d.code == "T710"]
    assert (d.line, d.column) == at("001", 12, "“七五”普法") and d.severity == "error"
    sentence = next(s for s in lines("001")[11].split("。") if "七五" in s) + "。"
    text = ("某镇人民政府关于2021年度法治政府建设情况的报告\n一、2021年推进法治政府建设的主要举措和成效\n"
            + sentence + "\n")
    assert [d.severity for d in lint_text(text, "r.txt", Config(select=["T710"])).diagnostics] == ["error"]


# -- negatives -------------------------------------------------------------------------------------

def test_000_legal_review_is_never_flagged():
    result = check("000")
    text = lines("000")[4]
    spans = [(i + 1, i + 5) for i in range(len(text)) if text.startswith("法制审核", i)]
    assert spans
    for d in result.diagnostics:
        if d.line == 5:
            assert not any(d.column < end and start < d.end_column for start, end in spans), d


@pytest.mark.parametrize("prefix", ["000", "002"])
def test_current_reports_have_no_stale_references(prefix):
    result = check(prefix)
    assert not {d.code for d in result.diagnostics} & STALE_CODES
    assert result.checklist["time.current-references"].state == "present"


def test_002_is_clean_of_wrong_findings():
    result = check("002")
    wrong = [d for d in result.diagnostics if d.code[0] in "TLFX" and d.code != "T704"]
    assert not wrong, wrong
