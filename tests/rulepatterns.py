"""Every regular expression the rule data holds, for tests that check the patterns themselves
(linear time, no run across a paragraph, no lookahead opening): "re:" entries at any depth of
a rule's parameters, pattern-valued keys (a typo rule's ``pattern``, ``unless`` …), and the
shared lists of rules/data/reading.yaml."""
from __future__ import annotations

from linter.data import read_yaml
from linter.engine.ruleset import available_rulesets, load_ruleset

PATTERN_KEYS = ("pattern", "unless", "require", "title_pattern")


def _walk(value):
    if isinstance(value, dict):
        for key, item in value.items():
            if key in PATTERN_KEYS and isinstance(item, str) and not item.startswith("re:"):
                yield item
            else:
                yield from _walk(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _walk(item)
    elif isinstance(value, str) and value.startswith("re:"):
        yield value[3:]


def rule_patterns() -> dict[tuple[str, str], str]:
    """(where, pattern) → pattern: where is a rule's code or the shared list's file."""
    found = {}
    for name in available_rulesets():
        for rule in load_ruleset(name).rules:
            for pattern in _walk(rule.params):
                found[(rule.code, pattern)] = pattern
    for pattern in _walk(read_yaml("reading.yaml")):
        found[("rules/data/reading.yaml", pattern)] = pattern
    return found
