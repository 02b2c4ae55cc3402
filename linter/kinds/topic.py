"""topic: a required item of content, and whether it is stated concretely.

params:
  phrases:   what names the item (any one is enough to mention it)
  generic:   umbrella phrases that only gesture at it (三项制度): alone they make it weak
  acts:      phrases that show a concrete act (执法记录仪, 录音录像 …)
  zero:      explicit statements that there was nothing to do (未发生行政诉讼): present
  require:   figure | act | mention — what makes a mention "present" (default act:
             a figure, an act phrase or a named document in the same window)
  parts:     parts where a mention counts (default: measures, frp, preamble, other);
             a mention only elsewhere (shortcomings, plan) is weak
  window:    sentence | paragraph — how far from the mention to look for concreteness
  anchor:    part kinds whose heading a "missing" finding points at (default measures)
  weak_message: message when only weak mentions exist (``message`` is for missing)
"""
from __future__ import annotations

import re

from ..document import phrase_pattern
from ..figures import figures
from ..result import Evidence, Observation

_DEFAULT_PARTS = ("measures", "frp", "preamble", "other")
_NAMED_DOC = re.compile(r"《[^》]{2,60}》|〔\d{4}〕\d+号")
_SENTENCE_STOP = "。；！？\n"


def validate(params: dict) -> list[str]:
    problems = []
    if not params.get("phrases"):
        problems.append("topic 规则需要 phrases 列表")
    if params.get("require", "act") not in ("figure", "act", "mention"):
        problems.append("require 只能是 figure / act / mention")
    if params.get("window", "sentence") not in ("sentence", "paragraph"):
        problems.append("window 只能是 sentence / paragraph")
    return problems


def check(analysis, rule):
    p = rule.params
    doc = analysis.doc
    allowed = set(p.get("parts", _DEFAULT_PARTS))
    strong, weak = [], []
    for m in doc.finditer(phrase_pattern(tuple(p["phrases"]))):
        line = doc.line_of(m.start())
        where = analysis.part_kind_at(line) or ("preamble" if line < analysis.outline.body_start else "measures")
        if where not in allowed:
            weak.append(m)
        elif _concrete(doc, m, p):
            strong.append(m)
        else:
            weak.append(m)
    if not strong and p.get("zero"):
        strong = [m for m in doc.finditer(phrase_pattern(tuple(p["zero"])))
                  if (analysis.part_kind_at(doc.line_of(m.start())) or "measures") in allowed]
    if strong:
        return _observe(rule, "present", doc, strong)
    if not weak and p.get("generic"):
        weak = list(doc.finditer(phrase_pattern(tuple(p["generic"]))))
    if weak:
        first = weak[0]
        out = [rule.diagnostic(doc.span(first.start(), first.end()), p.get("weak_message"),
                               found=first.group(0), context=analysis.paragraph(doc.line_of(first.start())))]
        return out + _observe(rule, "weak", doc, weak)
    anchor = analysis.anchor(*p.get("anchor", ["measures"]))
    return [rule.diagnostic(anchor)] + _observe(rule, "missing", doc, [])


def window(doc, m, size: str) -> str:
    text = doc.content
    if size == "paragraph":
        a = text.rfind("\n", 0, m.start()) + 1
        b = text.find("\n", m.end())
    else:
        a = max(text.rfind(c, 0, m.start()) for c in _SENTENCE_STOP) + 1
        ends = [i for i in (text.find(c, m.end()) for c in _SENTENCE_STOP) if i != -1]
        b = min(ends) if ends else -1
    return text[a: b if b != -1 else len(text)]


def _concrete(doc, m, p) -> bool:
    require = p.get("require", "act")
    if require == "mention":
        return True
    text = window(doc, m, p.get("window", "sentence"))
    if figures(text):
        return True
    if require == "figure":
        return False
    acts = p.get("acts")
    if acts and phrase_pattern(tuple(acts)).search(text):
        return True
    return bool(_NAMED_DOC.search(text))


def _observe(rule, state, doc, matches):
    if not rule.checklist:
        return []
    lines = sorted({doc.line_of(m.start()) for m in matches})[:5]
    return [Observation(rule.checklist, state, [Evidence(n, doc.line(n).norm.strip()[:80]) for n in lines])]
