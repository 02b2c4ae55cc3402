"""Inputs built to hit a worst case finish: no step is quadratic in a line's or a report's
length (a quadratic step takes minutes on these inputs; the bound is generous so that a
loaded machine never fails it). The timings themselves are measured by bench/."""
import re
import sys
import time
from pathlib import Path

import pytest

from linter import lint_text

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from adversarial import CASES, make  # noqa: E402
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from rulepatterns import rule_patterns  # noqa: E402

BOUND = 20.0      # seconds for a 60 KB input; before issue 12 several took over 60 s at that size


@pytest.mark.parametrize("name", sorted(CASES))
def test_adversarial_input_finishes(name):
    text = make(name, 60_000)
    start = time.perf_counter()
    result = lint_text(text, f"{name}.txt")
    assert time.perf_counter() - start < BOUND
    assert result.error is None
    lines = text.splitlines()
    for d in result.diagnostics:                  # and every position lies in the text
        assert 1 <= d.line <= len(lines)
        assert 1 <= d.column <= len(lines[d.line - 1]) + 1


RUNS = ["1", "一", "a", " ", "1.", "二十", "法治", "，", "、", "《", "“", "（", "第1", "0", "万", "月1"]


def test_no_rule_regex_is_retried_across_a_long_run():
    """A rule author's regex like \\d+…% is tried from every digit of a long number: each
    rule regex over runs of 40,000 characters stays far under a second (a quadratic one takes
    seconds there: "\\d+项(?:职权|权力)" took 5.7 s, and 0.1 s on the 5,000 this test used to
    try, so it passed while the 200 KB digit input of bench/adversarial.py hung)."""
    slow = []
    for (code, _), pattern in rule_patterns().items():
        rx = re.compile(pattern)
        for unit in RUNS:
            text = unit * (40_000 // len(unit))
            start = time.perf_counter()
            for _ in rx.finditer(text):
                pass
            if time.perf_counter() - start > 1.0:
                slow.append((code, pattern, unit))
    assert not slow
