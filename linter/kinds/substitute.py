"""substitute: a legacy term with a current replacement (法制宣传 → 法治宣传).

params:
  terms:    mapping legacy term → current term (longest match wins)
  except:   phrases in which a term is correct and must never be touched
            (重大执法决定法制审核, 法制和技术审核, 社会主义法制 …)
  safe:     the replacement cannot change the meaning, so ``--fix`` may apply it (default true)

Every occurrence is a finding with its own fix. With a ``checklist`` item the rule reads it
like a stale reference (see ``stale``): present when nothing is found, weak otherwise.
"""
from __future__ import annotations

from ..document.result import Edit, Fix
from ._shared import bounded, literals_in, not_applicable, observe


def validate(params: dict) -> list[str]:
    terms = params.get("terms")
    if not isinstance(terms, dict) or not terms:
        return ["substitute 规则需要 terms 映射（旧词: 新词）"]
    problems = [f"terms 中“{k}”的替换词为空" for k, v in terms.items() if not v]
    if not isinstance(params.get("except", []), list):
        problems.append("except 应是词语列表")
    return problems


def raw_words(params: dict) -> list[str]:
    """The terms and the exceptions, looked for in the user's text: the document index finds
    those of every substitute (and typo) rule in one scan."""
    terms = params.get("terms") or {}
    return [t for t in terms if isinstance(t, str)] + [e for e in params.get("except") or [] if isinstance(e, str)]


def check(analysis, rule):
    p = rule.params
    doc = analysis.doc
    if bounded(rule, analysis):
        return not_applicable(rule)
    terms = p["terms"]
    protected = []
    if p.get("except"):
        protected = [(a, b) for a, b, _ in literals_in(analysis, tuple(p["except"]))]
    safe = bool(p.get("safe", True))
    out, lines = [], []
    for start, end, found in literals_in(analysis, tuple(terms)):
        if any(a < end and start < b for a, b in protected):
            continue
        right = terms[found]
        span = doc.span(start, end)
        fix = Fix([Edit(span.line, span.column, span.end_line, span.end_column, right)], safe=safe,
                  description=f"“{found}”改为“{right}”")
        line = doc.line_of(start)
        lines.append(line)
        out.append(rule.diagnostic(span, fix=fix, context=analysis.paragraph(line), found=found,
                                   replacement=right, year=analysis.year))
    return out + observe(rule, doc, lines)
