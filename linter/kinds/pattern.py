"""pattern: a regular expression that must not match, optionally confirmed by a validator.

Built for personal data a published report must not carry (身份证号码, 手机号码), but generic:
more patterns are YAML only.

params:
  regex:      the pattern, over the normalised text (full-width digits are already folded)
  validator:  a named check the matched text must pass: gb11643 (身份证 check digit),
              luhn (bank card check digit)
  group:      which group holds the value (default 0, the whole match)
  unless:     regex; a sentence matching it is left alone
  mask:       show the value masked in the message ({found}: 110105********123X); default true

The value is never echoed unmasked: the lint output may itself be shared.
"""
from __future__ import annotations

import re

from ._shared import compiled, regex_problems, sentence_around

_GB11643_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_GB11643_CHECK = "10X98765432"


def gb11643(value: str) -> bool:
    """An 18-character 公民身份号码 with a valid check digit (GB 11643-1999)."""
    value = value.upper()
    if not re.fullmatch(r"\d{17}[\dX]", value):
        return False
    total = sum(int(d) * w for d, w in zip(value[:17], _GB11643_WEIGHTS))
    return _GB11643_CHECK[total % 11] == value[17]


def luhn(value: str) -> bool:
    digits = [int(c) for c in value if c.isdigit()]
    if len(digits) < 12:
        return False
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


VALIDATORS = {"gb11643": gb11643, "luhn": luhn}


def validate(params: dict) -> list[str]:
    problems = []
    if not params.get("regex"):
        problems.append("pattern 规则需要 regex")
    problems += regex_problems(params, ("regex", "unless"))
    if params.get("validator") and params["validator"] not in VALIDATORS:
        problems.append(f"validator 只能是 {'/'.join(VALIDATORS)}")
    return problems


def mask(value: str) -> str:
    if len(value) <= 4:
        return "*" * len(value)
    keep = 3 if len(value) <= 11 else 6
    return value[:keep] + "*" * (len(value) - keep - 4) + value[-4:]


def check(analysis, rule):
    p = rule.params
    doc = analysis.doc
    check_value = VALIDATORS.get(p.get("validator", ""))
    group = p.get("group", 0)
    unless = compiled(p["unless"]) if p.get("unless") else None
    out = []
    for m in doc.finditer(compiled(p["regex"])):
        value = m.group(group)
        if value is None or (check_value and not check_value(value)):
            continue
        if unless:
            a, b = sentence_around(analysis, m.start(), m.end())
            if unless.search(doc.content, a, b):
                continue
        span = doc.span(m.start(group), m.end(group))
        shown = mask(value) if p.get("mask", True) else value
        out.append(rule.diagnostic(span, context=analysis.paragraph(doc.line_of(m.start())), found=shown))
    return out
