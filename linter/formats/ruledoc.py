"""A rule's documentation page, as ``fzlint rule CODE`` prints it (like ``ruff rule``)."""
from __future__ import annotations

import re

from ..engine.run import REPORT_YEARS
from ..engine.ruleset import Rule
from ..kinds import builtin_check
from ..vocab import CONFIDENCE_LABELS, FAMILIES, SEVERITY_LABELS

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def readable(template: str) -> str:
    """A message or suggestion template as a reader of the rule's page sees it: a year it
    fills in from the report as ××××, anything else it quotes from the report as …
    (“关于{year}年度” → “关于××××年度”; “{found}”应为“{expected}” → “…”应为“…”)."""
    return _PLACEHOLDER.sub(lambda m: "××××" if m.group(1) in REPORT_YEARS else "…", template or "")


def render_rule(rule: Rule) -> str:
    lines = [f"# {rule.code} {rule.name}", "",
             f"族：{rule.family} {FAMILIES.get(rule.family, '')}    级别：{SEVERITY_LABELS[rule.severity]}    "
             f"类型：{_kind(rule)}" + (f"    检查清单：{rule.checklist}" if rule.checklist else ""), "",
             f"提示语：{readable(rule.message)}", "", "## 为什么", rule.explanation, "",
             "## 依据", rule.basis + f"（{CONFIDENCE_LABELS.get(rule.confidence, rule.confidence)}）"]
    if rule.suggestion:
        lines += ["", "## 怎么改", readable(rule.suggestion)]
    if rule.profile and rule.local_params:
        lines += ["", f"本地参数（来自规则配置档 {rule.profile}）："]
        lines += [f"  {k} = {v}" for k, v in rule.local_params.items()]
    elif rule.profile:
        lines += ["", f"来源：规则配置档 {rule.profile}（本地增加的规则）"]
    if rule.levels:
        lines += ["", "适用层级：" + "、".join(rule.levels)]
    lo, hi = rule.years
    if lo or hi:
        lines += ["适用年度：" + f"{lo or '…'}—{hi or '…'}"]
    lines += ["", "## 会报问题的写法"]
    lines += [_quote(t) for t in rule.examples.get("fail", [])]
    lines += ["", "## 不会报问题的写法"]
    lines += [_quote(t) for t in rule.examples.get("pass", [])]
    return "\n".join(lines)


def _kind(rule: Rule) -> str:
    """The rule kind, and the built-in check it uses with what that check finds."""
    chosen = builtin_check(rule.kind, rule.params)
    return f"{rule.kind} / {chosen[0]}（内置检查：{chosen[1]}）" if chosen else rule.kind


def _quote(text: str) -> str:
    return "\n".join("    " + ln for ln in text.splitlines()) + "\n"
