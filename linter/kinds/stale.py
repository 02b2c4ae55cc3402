"""stale: a reference that is out of date for the report year, with its current form.

The rule's ``years`` say from which report year the reference is stale (七五普法 from 2021,
十九大 from 2023 …); this kind finds the reference and, when the sentence shows it is only
mentioned historically (总结验收, 期间, 以来 …), leaves it alone.

params:
  pattern:  regex for the stale reference (over normalised text: full-width brackets)
  current:  its current form, for {replacement} in the message
  unless:   regex; a sentence that matches it is a historical mention, not a finding
  require:  regex the sentence must match (e.g. words describing the item as ongoing)
  window:   sentence | paragraph — the text ``unless``/``require`` look at (default sentence)
  replace:  replacement text for an (unsafe) fix; may use \\g<n> groups of ``pattern``
  safe:     mark that fix safe (default false: a stale reference usually needs rewording)

Checklist (``time.current-references``, "the report's references are current"): present
when the rule finds nothing, weak when it finds a stale reference (evidence: those lines),
n/a when the rule does not apply to the report year or the year is unknown. It is never
missing: a report that cites nothing is not stale.
"""
from __future__ import annotations


from ..document.result import Edit, Fix
from ..text.sentences import PARAGRAPH_STOP, SENTENCE_STOP
from ._shared import bounded, compiled, not_applicable, observe, regex_problems, sentence_around


def validate(params: dict) -> list[str]:
    problems = regex_problems(params, ("pattern", "unless", "require"))
    if not params.get("pattern"):
        problems.append("stale 规则需要 pattern")
    if params.get("window", "sentence") not in ("sentence", "paragraph"):
        problems.append("window 只能是 sentence / paragraph")
    return problems


def check(analysis, rule):
    p = rule.params
    doc = analysis.doc
    if bounded(rule, analysis):
        return not_applicable(rule)
    stops = PARAGRAPH_STOP if p.get("window") == "paragraph" else SENTENCE_STOP
    unless = compiled(p["unless"]) if p.get("unless") else None
    require = compiled(p["require"]) if p.get("require") else None
    text = doc.content
    out, lines, reported = [], [], set()
    for m in doc.finditer(compiled(p["pattern"])):
        a, b = sentence_around(analysis, m.start(), m.end(), stops)
        if a in reported:
            continue                       # one finding per sentence
        sentence = text[a:b]
        if unless and unless.search(sentence):
            continue
        if require and not require.search(sentence):
            continue
        reported.add(a)
        span = doc.span(m.start(), m.end())
        fix = None
        if p.get("replace") is not None:
            fix = Fix([Edit(span.line, span.column, span.end_line, span.end_column, m.expand(p["replace"]))],
                      safe=bool(p.get("safe", False)), description=f"改为“{m.expand(p['replace'])}”")
        line = doc.line_of(m.start())
        lines.append(line)
        # messages quote {found} in “”: its own quotes become the inner ‘’ (“‘八五’普法”)
        found = m.group(0).replace("“", "‘").replace("”", "’").replace('"', "")
        out.append(rule.diagnostic(span, fix=fix, context=analysis.paragraph(line), found=found,
                                   replacement=p.get("current", ""), year=analysis.year))
    return out + observe(rule, doc, lines)
