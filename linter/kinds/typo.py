"""typo: known misspellings of domain terms, as a list of wrong → right pairs.

No statistical guessing: every pair is written down, so a false positive is a data bug
that one YAML edit fixes. A pair is either a literal (``wrong``) or a regex (``pattern``,
with ``right`` as an expansion template, ``\\g<1>``), and may carry context:

params:
  pairs:
    - wrong: 规范字文件          # or pattern: <regex>
      right: 规范性文件
      after: 亲自部署           # regex the text right after the match must start with
      before: 理论               # regex the text right before the match must end with
      unless: 确实加强了         # regex; a sentence matching it is left alone
      safe: true                # override the rule-level ``safe``
      note: 同音误输入            # shown in the fix description
  safe:   default for the pairs (default true: an unambiguous misspelling)

Message placeholders: {found}, {replacement}, {note}.
"""
from __future__ import annotations


from ..document.result import Edit, Fix
from ._shared import compiled, regex_problems, sentence_around


def validate(params: dict) -> list[str]:
    pairs = params.get("pairs")
    if not isinstance(pairs, list) or not pairs:
        return ["typo 规则需要 pairs 列表"]
    problems = []
    for i, pair in enumerate(pairs, 1):
        if not isinstance(pair, dict) or not (pair.get("wrong") or pair.get("pattern")) or "right" not in pair:
            problems.append(f"pairs 第{i}项需要 wrong（或 pattern）和 right")
            continue
        problems += regex_problems(pair, ("pattern", "after", "before", "unless"), f"pairs 第{i}项的 ")
        if pair.get("wrong") and pair["wrong"] == pair["right"]:
            problems.append(f"pairs 第{i}项的 wrong 与 right 相同")
    return problems


def _occurrences(doc, pairs):
    """(start, end, pair, match) for every pair: literals by plain substring search (much
    faster than one big alternation), patterns by their own regex."""
    text = doc.content
    found = []
    for pair in pairs:
        if pair.get("pattern"):
            for m in doc.finditer(compiled(pair["pattern"])):
                found.append((m.start(), m.end(), pair, m))
            continue
        wrong = pair["wrong"]
        i = text.find(wrong)
        while i != -1:
            found.append((i, i + len(wrong), pair, None))
            i = text.find(wrong, i + len(wrong))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    kept, end = [], -1
    for f in found:                      # leftmost-longest, no overlaps
        if f[0] >= end:
            kept.append(f)
            end = f[1]
    return kept


def check(analysis, rule):
    p = rule.params
    doc = analysis.doc
    text = doc.content
    pairs = p["pairs"]
    default_safe = bool(p.get("safe", True))
    out = []
    for start, end, pair, m in _occurrences(doc, pairs):
        if pair.get("after") and not compiled(pair["after"]).match(text, end):
            continue
        if pair.get("before") and not compiled(f"(?:{pair['before']})$").search(text, max(0, start - 20), start):
            continue
        if pair.get("unless"):
            a, b = sentence_around(analysis, start, end)
            if compiled(pair["unless"]).search(text, a, b):
                continue
        found = text[start:end]
        right = m.expand(pair["right"]) if m is not None else pair["right"]
        span = doc.span(start, end)
        safe = bool(pair.get("safe", default_safe))
        note = pair.get("note", "")
        fix = Fix([Edit(span.line, span.column, span.end_line, span.end_column, right)], safe=safe,
                  description=f"“{found}”改为“{right}”" + (f"（{note}）" if note else ""))
        out.append(rule.diagnostic(span, fix=fix, context=analysis.paragraph(doc.line_of(start)),
                                   found=found, replacement=right, note=note))
    return out

