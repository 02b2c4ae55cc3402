"""Run a rule's own example sentences, so docs cannot drift from behaviour.

A rule's ``examples`` holds ``fail`` and ``pass`` texts. Unless ``context: raw`` says the
example is a whole report, the text is placed into a small report of the given year and
level, in the part named by ``context`` (measures by default).
"""
from __future__ import annotations

from ..config import Config
from ..document.document import Document
from .run import lint
from .ruleset import Rule, RuleSet

_MEASURES = "一、{year}年推进法治政府建设的主要举措和成效\n"
_TEMPLATES = {
    "preamble": "某镇人民政府关于{year}年度法治政府建设情况的报告\n{text}\n" + _MEASURES + "全年开展法治讲座4次。\n",
    "measures": "某镇人民政府关于{year}年度法治政府建设情况的报告\n" + _MEASURES + "{text}\n",
    "frp": "某镇人民政府关于{year}年度法治政府建设情况的报告\n" + _MEASURES + "全年开展法治讲座4次。\n"
           "二、{year}年党政主要负责人履行推进法治建设第一责任人职责情况\n{text}\n",
    "shortcomings": "某镇人民政府关于{year}年度法治政府建设情况的报告\n" + _MEASURES + "全年开展法治讲座4次。\n"
                    "二、{year}年推进法治政府建设存在的不足和原因\n{text}\n",
    "plan": "某镇人民政府关于{year}年度法治政府建设情况的报告\n" + _MEASURES + "全年开展法治讲座4次。\n"
            "二、{next}年推进法治政府建设的工作安排\n{text}\n",
    "raw": "{text}",
}


def example_document(rule: Rule, text: str) -> Document:
    ex = rule.examples
    year = int(ex.get("year", 2024))
    template = _TEMPLATES[ex.get("context", "measures")]
    body = template.format(year=year, next=year + 1, text=text)
    name = ex.get("filename", "example.txt")
    return Document.from_text(body, path=name)


def run_example(rule: Rule, text: str):
    """Diagnostics this rule reports on one of its examples."""
    ex = rule.examples
    config = Config(year=ex.get("year", 2024) if ex.get("context", "measures") != "raw" or "year" in ex else None,
                    level=ex.get("level", "township"))
    ruleset = RuleSet("example", "example", (None, None), [rule])
    result = lint(example_document(rule, text), config, ruleset)
    return [d for d in result.diagnostics if d.code == rule.code]


def check_examples(rule: Rule) -> list[str]:
    """Problems with a rule's examples: a fail that passes or a pass that fails."""
    problems = []
    for text in rule.examples.get("fail", []):
        if not run_example(rule, text):
            problems.append(f"{rule.code} 的失败例句没有触发规则：{text[:40]}")
    for text in rule.examples.get("pass", []):
        found = run_example(rule, text)
        if found:
            problems.append(f"{rule.code} 的通过例句触发了规则（{found[0].message}）：{text[:40]}")
    return problems
