"""Inputs built to hit a worst case finish: no step is quadratic in a line's or a report's
length (a quadratic step takes minutes on these inputs; the bound is generous so that a
loaded machine never fails it). The timings themselves are measured by bench/."""
import re
import sys
import time
from pathlib import Path

import pytest

from linter import lint_text
from linter.text import literals

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from adversarial import CASES, make  # noqa: E402
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from rulepatterns import rule_patterns  # noqa: E402
from regexgaps import gap_texts, module_patterns  # noqa: E402

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


def _cpu_per_character(name: str, budget: int) -> float:
    text = make(name, budget)
    best = float("inf")
    for _ in range(2):
        start = time.process_time()
        lint_text(text, f"{name}.txt")
        best = min(best, time.process_time() - start)
    return best / len(text)


@pytest.mark.parametrize("name", ["long_sentence", "enumerated_run", "shortfall_run", "titles"])
def test_one_long_sentence_costs_its_length_once(name):
    """A sentence of thousands of mentions with no stop: each mention's question about its
    sentence or clause (its audience, its opening clause, what it says was not done, whether a
    《…》 title is nested) is answered without reading the whole sentence again, so eight times
    the text costs about eight times the processor. Measured per character from 40 KB to 320 KB:
    0.7–1.1 here; 1.9, 5.6, 3.7 and 2.2 while each mention read its sentence or line again."""
    lint_text(make(name, 5_000))                   # (first-use costs out of the way)
    ratio = _cpu_per_character(name, 320_000) / _cpu_per_character(name, 40_000)
    assert ratio < 1.6, ratio


RUNS = ["1", "一", "a", " ", "1.", "二十", "法治", "，", "、", "《", "“", "（", "第1", "0", "万", "月1"]


def test_no_rule_regex_is_retried_across_a_long_run():
    """A rule author's regex like \\d+…% is tried from every digit of a long number: each
    rule regex over runs of 40,000 characters stays far under a second (a quadratic one takes
    seconds there: "\\d+项(?:职权|权力)" took 5.7 s, and 0.1 s on the 5,000 this test used to
    try, so it passed while the 200 KB digit input of bench/adversarial.py hung)."""
    assert not _slow_over_runs(lambda rx: RUNS)


def _slow_over_runs(units_of) -> list[tuple[str, str, str]]:
    """(code, pattern, unit) of each rule regex that takes over a second to scan a
    40,000-character run of one of ``units_of(compiled pattern)``."""
    slow = []
    for (code, _), pattern in rule_patterns().items():
        rx = re.compile(pattern)
        for unit in units_of(rx):
            text = unit * (40_000 // len(unit))
            start = time.perf_counter()
            for _ in rx.finditer(text):
                pass
            if time.perf_counter() - start > 1.0:
                slow.append((code, pattern, unit))
    return slow


def _own_literals(rx) -> list[str]:
    """The literals a pattern is tried near: what the scanner looks for, its opening ones."""
    lead = literals.lead_factor(rx)
    return sorted(literals.prefilter_literals(rx) | set(lead.alternatives if lead else ()))


def test_no_rule_regex_reads_a_long_sentence_again_from_each_of_its_literals():
    """A lookahead that reads the rest of the sentence, ``日前(?=[^。；\\n]*法)``, is tried at every
    日前: in one long run of them with no stop, each try read on to the run's end — quadratic
    (a 180 KB report took 8.5 s). Rule regexes bound what they read ahead; each one over a
    40,000-character run of any of its own literals stays far under a second."""
    assert not _slow_over_runs(lambda rx: _own_literals(rx)[:4])


def _unbounded_lookaheads(items) -> list[str]:
    """Lookaheads of a parsed pattern (at any depth) that may read without bound."""
    from re import _constants as sre, _parser      # (the parser re.compile uses)
    found = []
    for op, av in items:
        if op in (sre.ASSERT, sre.ASSERT_NOT) and av[0] == 1:
            if av[1].getwidth()[1] >= sre.MAXREPEAT:
                found.append(str(av[1]))
            continue
        for part in (av if isinstance(av, (list, tuple)) else (av,)):
            if isinstance(part, _parser.SubPattern):
                found += _unbounded_lookaheads(part)
            elif isinstance(part, list):
                found += [f for b in part if isinstance(b, _parser.SubPattern) for f in _unbounded_lookaheads(b)]
    return found


def _opens_at_a_start(parsed) -> bool:
    """``^…`` or ``(?<![^。；\\n])…``: tried once per line or sentence, not at every literal."""
    from re import _constants as sre
    if not len(parsed):
        return False
    op, av = parsed[0]
    if op is sre.AT:
        return av in (sre.AT_BEGINNING, sre.AT_BEGINNING_STRING)
    # (?<![^…]): after a stop or at the text's start — not any lookbehind, (?<!已) is none
    return op is sre.ASSERT_NOT and av[0] == -1 and len(av[1]) == 1 and av[1][0][0] is sre.IN \
        and bool(av[1][0][1]) and av[1][0][1][0][0] is sre.NEGATE


def test_a_rule_regex_reads_ahead_a_bounded_stretch_unless_it_opens_at_a_start():
    """What a lookahead reads is read again from every place the pattern is tried: a rule's
    ``(?=[^。；\\n]*法)`` is written ``(?=[^。；\\n]{0,200}法)`` (a sentence is rarely longer), except
    in a pattern tried once per sentence or line."""
    from re import _parser
    unbounded = []
    for (code, _), pattern in rule_patterns().items():
        parsed = _parser.parse(pattern)
        if not _opens_at_a_start(parsed) and _unbounded_lookaheads(parsed):
            unbounded.append((code, pattern))
    assert not unbounded


def test_no_regex_splits_a_long_gap_many_ways():
    """Two repeats that take the same character, with nothing certain between them, split a run
    of it n ways before a try fails: ``(20\\d\\d)\\s*(?:年?…)?\\s*年`` over a part heading "一、2021"
    followed by a gap of spaces took 14.9 s of CPU on a 108 KB report (fuzzing found it), and a
    page's date line, a contents line and a law title's edition had the same shape. Every
    regex the linter's modules compile and every rule regex, tried once on a text that reaches
    each of its long repeats and then runs 20,000 characters of what the repeat takes, stays far
    under a second (linear: at most tens of milliseconds here)."""
    import linter
    patterns = dict(module_patterns(linter))
    patterns.update({f"{where}: {pattern}": re.compile(pattern) for (where, _), pattern in rule_patterns().items()})
    assert len(patterns) > 500
    slow = []
    for where, rx in patterns.items():
        for short, long in zip(gap_texts(rx, 1_000), gap_texts(rx, 20_000)):
            # (a cubic pattern would take hours on the long text: it is caught on the short one)
            for text, bound in ((short, 0.2), (long, 1.0)):
                start = time.perf_counter()
                rx.match(text)
                if time.perf_counter() - start > bound:
                    slow.append((where, text[:20]))
                    break
    assert not slow
