"""Kinds with several built-in checks keep them in one registry: a rule's ``check:`` picks one,
an unknown name fails when the rule loads, and ``fzlint rule`` says which check a rule uses."""
from __future__ import annotations

import pytest

from linter import kinds
from linter.engine.ruleset import load_ruleset, parse_rule
from linter.errors import RuleError
from linter.formats.ruledoc import render_rule

KINDS_WITH_CHECKS = ("evidence", "lawtitle", "numbering", "punctuation", "time", "section",
                     "consistency", "docform", "place")


@pytest.mark.parametrize("kind", KINDS_WITH_CHECKS)
def test_every_switching_kind_uses_the_registry(kind):
    checks = kinds.module(kind).CHECKS
    assert checks.names and kinds.module(kind).check == checks.run
    assert all(checks.docs[name] for name in checks.names)       # each built-in is documented


def test_every_rule_of_those_kinds_names_a_registered_check():
    for rule in load_ruleset().rules:
        if rule.kind in KINDS_WITH_CHECKS:
            assert kinds.builtin_check(rule.kind, rule.params), rule.code


def test_an_unknown_check_fails_when_the_rule_loads():
    raw = {"code": "F999", "name": "no-such-check", "kind": "punctuation", "check": "semicolons",
           "severity": "warning", "message": "x", "basis": "x", "explanation": "x", "suggestion": "x",
           "examples": {"fail": ["一是甲二是乙。"], "pass": ["一是甲；二是乙。"]}}
    with pytest.raises(RuleError, match="halfwidth / run-on / duplicate / pairs"):
        parse_rule(raw)


def test_rule_page_names_the_builtin_check_in_chinese():
    page = render_rule(load_ruleset().by_code("T701"))
    assert "time / late-publication（内置检查：落款日期晚于公开期限" in page
