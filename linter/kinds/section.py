"""section: a required part of the report (督察规定: the five items).

params:
  part: measures | shortcomings | frp | plan | other
  weak_message: message when the part exists only as a sub-item of another part
"""
from __future__ import annotations

from ..result import Evidence, Observation
from ..structure import PART_KINDS


def validate(params: dict) -> list[str]:
    if params.get("part") not in PART_KINDS:
        return [f"section 规则需要 part: {'/'.join(PART_KINDS)}"]
    return []


def check(analysis, rule):
    parts = analysis.parts(rule.params["part"])
    own = [p for p in parts if not p.embedded]
    if own:
        evidence = [Evidence(p.start, analysis.paragraph(p.start)) for p in own]
        return [Observation(rule.checklist, "present", evidence)] if rule.checklist else []
    if parts:
        p = parts[0]
        out = [rule.diagnostic(analysis.doc.line_span(p.start), rule.params.get("weak_message"),
                               title=p.title)]
        if rule.checklist:
            out.append(Observation(rule.checklist, "weak", [Evidence(p.start, analysis.paragraph(p.start))]))
        return out
    out = [rule.diagnostic(analysis.title_span())]
    if rule.checklist:
        out.append(Observation(rule.checklist, "missing"))
    return out
