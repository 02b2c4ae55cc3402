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
  formulas:                     # the same, grouped by the right form (fixed political formulas)
    - right: 习近平法治思想
      wrong: [习近平法制思想, …] # literals that are errors
      allowed: [习近平法治思想的, …]  # legitimate variants: documented, never flagged
      note: …
  allowed: legitimate forms for the whole rule; a match inside one of them is left alone

All literals (``wrong`` of the pairs and of the formulas) are found in one multi-pattern scan
(Aho–Corasick via pyahocorasick, else one longest-first alternation), so a list of hundreds of
forms costs one pass over the text.

Message placeholders: {found}, {replacement}, {note}.
"""
from __future__ import annotations

from ..document.result import Edit, Fix
from ._shared import compiled, literals_in, regex_problems, sentence_around


def validate(params: dict) -> list[str]:
    pairs = params.get("pairs", [])
    formulas = params.get("formulas", [])
    if not isinstance(pairs, list) or not isinstance(formulas, list) or not (pairs or formulas):
        return ["typo 规则需要 pairs 或 formulas 列表"]
    problems = _formula_problems(formulas)
    if not isinstance(params.get("allowed", []), list):
        problems.append("allowed 应是列表")
    for i, pair in enumerate(pairs, 1):
        if not isinstance(pair, dict) or not (pair.get("wrong") or pair.get("pattern")) or "right" not in pair:
            problems.append(f"pairs 第{i}项需要 wrong（或 pattern）和 right")
            continue
        problems += regex_problems(pair, ("pattern", "after", "before", "unless"), f"pairs 第{i}项的 ")
        if pair.get("wrong") and pair["wrong"] == pair["right"]:
            problems.append(f"pairs 第{i}项的 wrong 与 right 相同")
    return problems


def _formula_problems(formulas) -> list[str]:
    problems = []
    for i, f in enumerate(formulas, 1):
        if not isinstance(f, dict) or not f.get("right") or not isinstance(f.get("wrong"), list) or not f["wrong"]:
            problems.append(f"formulas 第{i}项需要 right 和 wrong 列表")
            continue
        if f["right"] in f["wrong"]:
            problems.append(f"formulas 第{i}项（{f['right']}）的 wrong 含有正确写法")
        for legit in f.get("allowed", []):
            if legit in f["wrong"]:
                problems.append(f"formulas 第{i}项的“{legit}”同时列在 wrong 和 allowed 中")
    return problems


def expanded_pairs(params: dict) -> list[dict]:
    """The rule's pairs plus one pair per wrong form of each formula."""
    pairs = list(params.get("pairs", []))
    for f in params.get("formulas", []):
        pairs += [{"wrong": w, "right": f["right"], "note": f.get("note", "")} for w in f["wrong"]]
    return pairs


def allowed_forms(params: dict) -> tuple[str, ...]:
    forms = list(params.get("allowed", []))
    for f in params.get("formulas", []):
        forms += f.get("allowed", [])
    return tuple(forms)


def raw_words(params: dict) -> list[str]:
    """The literals the rule looks for in the user's text (its wrong forms and the allowed
    ones): the document index finds those of every typo rule in one scan."""
    return [p["wrong"] for p in expanded_pairs(params) if not p.get("pattern") and p.get("wrong")] + \
        list(allowed_forms(params))


def _occurrences(analysis, pairs):
    """(start, end, pair, match) for every pair: all literals in one multi-pattern scan,
    patterns by their own regex."""
    doc = analysis.doc
    found = []
    literals = {}
    for pair in pairs:
        if pair.get("pattern"):
            for m in doc.finditer(compiled(pair["pattern"])):
                found.append((m.start(), m.end(), pair, m))
        else:
            literals.setdefault(pair["wrong"], pair)
    if literals:
        for start, end, word in literals_in(analysis, tuple(literals)):
            found.append((start, end, literals[word], None))
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
    pairs = expanded_pairs(p)
    default_safe = bool(p.get("safe", True))
    allowed = allowed_forms(p)
    legit = literals_in(analysis, allowed) if allowed else []
    out = []
    for start, end, pair, m in _occurrences(analysis, pairs):
        if any(a <= start and end <= b for a, b, _ in legit):
            continue
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

