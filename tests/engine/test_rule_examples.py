"""Every rule's own examples: each failing example fires the rule, each passing one does not."""
import pytest

from linter.engine.examples import run_example
from linter.engine.ruleset import available_rulesets, load_ruleset


def _cases():
    seen = set()
    for name in available_rulesets():
        for rule in load_ruleset(name).rules:
            key = (rule.code, rule.source)
            if key in seen:
                continue
            seen.add(key)
            for i, text in enumerate(rule.examples["fail"]):
                yield pytest.param(rule, text, True, id=f"{rule.code}-fail{i}")
            for i, text in enumerate(rule.examples["pass"]):
                yield pytest.param(rule, text, False, id=f"{rule.code}-pass{i}")


@pytest.mark.parametrize("rule,text,should_fire", list(_cases()))
def test_rule_example(rule, text, should_fire):
    found = run_example(rule, text)
    if should_fire:
        assert found, f"{rule.code} did not fire on its failing example"
    else:
        assert not found, f"{rule.code} fired on its passing example: {found[0].message}"
