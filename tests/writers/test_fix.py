"""Safe fixes: --fix / --diff keep the encoding and line endings byte for byte, never touch
a .docx, never apply an unsafe fix, resolve overlaps deterministically and re-lint.

Most tests run the real CLI with a fake rule set (``engine.run_rules`` replaced by a rule
that turns a half-width comma between Chinese characters into a full-width one), so they
test the mechanism whatever the real rules do. The last test uses the real rule set.
"""
from __future__ import annotations

import json
import os
import re
import sys

import pytest

from linter.engine import run as engine
from linter.writers.fixes import apply_fixes, fix_file
from linter.document.result import Diagnostic, Edit, Fix

sys.path.insert(0, os.path.dirname(os.path.dirname(__file__)))
import fixtures as F  # noqa: E402
from cliutil import run  # noqa: E402

SEED = F.seed_text("002")
CJK_COMMA = re.compile(r"(?<=[\u4e00-\u9fff])，(?=[\u4e00-\u9fff])")


def inject(text: str, count: int = 12) -> str:
    """Turn the first ``count`` full-width commas between Chinese characters half-width."""
    return CJK_COMMA.sub(",", text, count=count)


def fake_rules(analysis, ruleset):
    """F999: a half-width comma between Chinese characters (safe fix); F998: 的的 (unsafe)."""
    out = []
    for ln in analysis.doc.lines:
        for m in re.finditer(r"(?<=[\u4e00-\u9fff]),(?=[\u4e00-\u9fff])", ln.text):
            c = m.start() + 1
            out.append(Diagnostic("F999", "fake-halfwidth-comma", "warning", "半角逗号", ln.number, c,
                                  ln.number, c + 1, fix=Fix([Edit(ln.number, c, ln.number, c + 1, "，")], True)))
        for m in re.finditer("的的", ln.text):
            c = m.start() + 1
            out.append(Diagnostic("F998", "fake-doubled", "warning", "“的的”重复", ln.number, c,
                                  ln.number, c + 2, fix=Fix([Edit(ln.number, c, ln.number, c + 2, "的")], False,
                                                            "删去一个“的”")))
    return out, []


@pytest.fixture
def fake(monkeypatch):
    monkeypatch.setattr(engine, "run_rules", fake_rules)




def encoded(text: str, encoding: str, newline: str) -> bytes:
    text = text.replace("\r\n", "\n").replace("\n", newline)
    if encoding == "utf-16":
        return b"\xff\xfe" + text.encode("utf-16-le")
    return text.encode(encoding)


CASES = [("utf-8", "\n"), ("utf-8-sig", "\r\n"), ("gb18030", "\r\n"), ("gb18030", "\n"),
         ("utf-8", "\r"), ("utf-16", "\r\n")]


@pytest.mark.parametrize("encoding,newline", CASES, ids=[f"{e}-{n!r}" for e, n in CASES])
def test_fix_gives_the_seed_back_byte_for_byte(fake, tmp_path, encoding, newline):
    original = encoded(SEED, encoding, newline)
    (tmp_path / "r.txt").write_bytes(encoded(inject(SEED), encoding, newline))
    result = run(["check", "--fix", "--format", "json", "r.txt"], tmp_path)
    assert (tmp_path / "r.txt").read_bytes() == original
    data = json.loads(result.stdout)
    assert data["files"][0]["diagnostics"] == []            # re-linted after fixing
    assert result.exit_code == 0
    assert "已修复 12 处问题（1 个文件）" in result.stderr


def test_mixed_line_endings_and_no_final_newline_are_kept(fake, tmp_path):
    text = "甲,乙\r\n丙,丁\n戊己\r\n庚,辛"
    (tmp_path / "r.txt").write_bytes(text.encode("utf-8"))
    run(["check", "--fix", "r.txt"], tmp_path)
    assert (tmp_path / "r.txt").read_bytes() == "甲，乙\r\n丙，丁\n戊己\r\n庚，辛".encode("utf-8")


def test_diff_shows_and_does_not_write(fake, tmp_path):
    injected = encoded(inject(SEED, 2), "gb18030", "\r\n")
    (tmp_path / "r.txt").write_bytes(injected)
    result = run(["check", "--diff", "r.txt"], tmp_path)
    assert (tmp_path / "r.txt").read_bytes() == injected
    assert result.exit_code == 1
    out = result.stdout
    assert out.startswith("--- a/r.txt\n+++ b/r.txt\n@@ ")
    minus = [ln for ln in out.splitlines() if ln.startswith("-") and not ln.startswith("---")]
    plus = [ln for ln in out.splitlines() if ln.startswith("+") and not ln.startswith("+++")]
    assert len(minus) == len(plus) >= 1
    assert sum(ln.count(",") for ln in minus) - sum(ln.count(",") for ln in plus) == 2
    assert "可修复 2 处问题" in result.stderr
    (tmp_path / "clean.txt").write_bytes(encoded(SEED, "utf-8", "\n"))
    clean = run(["check", "--diff", "clean.txt"], tmp_path)
    assert clean.exit_code == 0 and clean.stdout == ""


def test_unsafe_fixes_are_shown_never_applied(fake, tmp_path):
    text = "我镇的的法治建设,成效明显。\n"
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    result = run(["check", "--fix", "r.txt"], tmp_path)
    assert (tmp_path / "r.txt").read_text(encoding="utf-8") == "我镇的的法治建设，成效明显。\n"
    assert "F998" in result.stdout and "需人工确认" in result.stdout and "删去一个“的”" in result.stdout
    assert "另有 1 处修改建议需人工确认" in result.stderr
    assert result.exit_code == 1                              # the unsafe one still counts


def test_docx_is_never_rewritten(fake, tmp_path):
    data = F.docx_plain(["某镇人民政府关于2024年度法治政府建设情况的报告", "一、主要举措", "全年开展讲座,效果良好。"])
    (tmp_path / "r.docx").write_bytes(data)
    result = run(["check", "--fix", "r.docx"], tmp_path)
    assert (tmp_path / "r.docx").read_bytes() == data
    notes = [ln for ln in result.stderr.splitlines() if "docx" in ln]
    # one Chinese line: not rewritten, why, and what to do instead (never "nothing to fix")
    assert len(notes) == 1 and "未修改" in notes[0] and "只改写 .txt/.md" in notes[0]
    assert "Word/WPS" in notes[0] and "fzlint annotate" in notes[0]
    assert "没有可自动修复的问题" not in result.stderr and "没有文件被修改" in result.stderr
    assert "F999" in result.stdout                             # still reported


def test_damaged_utf8_is_left_alone(fake, tmp_path):
    data = "甲,乙\n".encode("utf-8") + b"\xe4\xb8" + "丙丁戊己庚辛壬癸\n".encode("utf-8") * 200
    (tmp_path / "r.txt").write_bytes(data)
    result = run(["check", "--fix", "r.txt"], tmp_path)
    assert (tmp_path / "r.txt").read_bytes() == data
    assert "无损" in result.stderr


# -- the mechanism, without the CLI ---------------------------------------------------

def diag(code, line, col, end, text, *more):
    edits = [Edit(line, col, line, end, text)] + [Edit(*m) for m in more]
    return Diagnostic(code, code.lower(), "warning", "m", line, col, line, end, fix=Fix(edits, True))


def test_overlapping_fixes_are_resolved_by_position_then_code():
    text = "甲乙丙丁\n戊己"
    a = diag("F002", 1, 2, 4, "X")          # 乙丙 -> X
    b = diag("F001", 1, 3, 5, "Y")          # 丙丁 -> Y: overlaps a, starts later
    c = diag("F003", 2, 1, 2, "Z")
    for order in ([a, b, c], [c, b, a], [b, c, a]):
        new, applied = apply_fixes(text, order)
        assert new == "甲X丁\nZ己" and [d.code for d in applied] == ["F002", "F003"]
    same_start = diag("F000", 1, 2, 3, "W")  # same start as a: the lower code wins
    new, applied = apply_fixes(text, [a, same_start])
    assert new == "甲W丙丁\n戊己" and [d.code for d in applied] == ["F000"]


def test_a_fix_is_applied_whole_or_not_at_all():
    text = "甲乙丙丁"
    a = diag("F001", 1, 1, 2, "A")
    b = diag("F002", 1, 3, 4, "B", (1, 1, 1, 2, "C"))   # second edit overlaps a
    new, applied = apply_fixes(text, [a, b])
    assert new == "A乙丙丁" and [d.code for d in applied] == ["F001"]
    bad = diag("F003", 1, 9, 12, "?")                    # outside the line
    assert apply_fixes(text, [bad]) == (text, [])


def test_insertions_and_multi_line_edits():
    text = "甲乙\r\n丙丁\r\n"
    ins = Diagnostic("F001", "x", "info", "m", 1, 3, 1, 3, fix=Fix([Edit(1, 3, 1, 3, "。")], True))
    join = Diagnostic("F002", "y", "info", "m", 2, 1, 2, 3, fix=Fix([Edit(2, 1, 2, 3, "丙\n丁")], True))
    new, applied = apply_fixes(text, [ins, join])
    assert new == "甲乙。\r\n丙\r\n丁\r\n" and len(applied) == 2


def test_fix_file_repeats_until_nothing_is_left(monkeypatch, tmp_path):
    def chained(analysis, ruleset):   # each fix covers a comma and the next character
        out = []
        for ln in analysis.doc.lines:
            for m in re.finditer(",", ln.text):
                c = m.start() + 1
                nxt = ln.text[m.start() + 1: m.start() + 2]
                out.append(Diagnostic("F999", "x", "warning", "m", ln.number, c, ln.number, c + 2,
                                      fix=Fix([Edit(ln.number, c, ln.number, c + 2, "，" + nxt)], True)))
        return out, []
    monkeypatch.setattr(engine, "run_rules", chained)
    path = tmp_path / "r.txt"
    path.write_text("我镇,,,坚持依法行政。\n", encoding="utf-8")
    outcome = fix_file(str(path))
    assert path.read_text(encoding="utf-8") == "我镇，，，坚持依法行政。\n"
    assert outcome.applied == 3 and outcome.result.diagnostics == []
    before = path.read_bytes()
    outcome = fix_file(str(path), write=False)
    assert not outcome.changed and path.read_bytes() == before


# -- with the real rule set ------------------------------------------------------------

def test_real_punctuation_rule_restores_the_seed(tmp_path):
    """Half-width commas injected into a seed are put back by the rule set's own safe fix."""
    from linter import lint_text
    probe = lint_text(inject(SEED), "probe.txt")
    assert any(d.fix is not None and d.fix.safe for d in probe.diagnostics)
    (tmp_path / "seed.txt").write_text(SEED, encoding="utf-8")
    (tmp_path / "injected.txt").write_text(inject(SEED), encoding="utf-8")
    run(["check", "--fix", "seed.txt"], tmp_path)             # whatever the rules fix in the seed itself
    run(["check", "--fix", "injected.txt"], tmp_path)
    fixed_seed = (tmp_path / "seed.txt").read_bytes()
    assert (tmp_path / "injected.txt").read_bytes() == fixed_seed
    if fixed_seed == SEED.encode("utf-8"):
        assert (tmp_path / "injected.txt").read_bytes() == SEED.encode("utf-8")


def test_twenty_thousand_edits_are_applied_in_one_pass():
    """--fix once compared every edit with every other (20,000 edits: minutes); each is now
    checked against its neighbours only. All apply, none twice, the text is otherwise kept."""
    from linter import lint_text
    from linter.writers.fixes import apply_fixes, safe_fixes

    text = "某镇2024年度法治政府建设情况报告\n一、主要举措和成效\n" + "我们坚持依法行政,推进执法规范化,完善制度建设。\n" * 10000
    result = lint_text(text)
    fixes = safe_fixes(result)
    edits = sum(len(d.fix.edits) for d in fixes)
    assert edits >= 20000
    new, applied = apply_fixes(text, fixes)
    assert applied and "," not in new and new.count("，") == 20000
    assert new.replace("，", ",") == text
