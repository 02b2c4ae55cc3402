"""topic: a required item of content, and whether it is stated concretely.

params:
  phrases:    what names the item (any one is enough to mention it)
  sufficient: phrases that on their own show the item in practice (执法记录仪, 宪法宣誓,
              四个亲自): a hit in an allowed part is present without further evidence
  generic:    umbrella or partial phrases (三项制度; 亮证执法 for the publicity system):
              when nothing else names the item, they make it weak
  acts:       phrases that show a concrete act near a mention (聘请, 动态调整 …)
  min_acts:   how many distinct act phrases the window needs (default 1)
  zero:       explicit statements that there was nothing to do (未发生行政诉讼): present
  ignore:     phrases whose hits are not mentions at all (宪法权威 for 宪法)
  require:    mention | figure | act — what makes a mention concrete (default act)
  concrete:   finer control, a list of figure / act / document (overrides require):
              require: act means [figure, act, document]; figure means [figure];
              mention means []
  min_distinct: a present reading needs this many distinct concrete phrases (the four
              亲自 phrases); fewer make it weak. Default 1.
  parts:      parts where a mention counts (default: measures, frp, preamble, other);
              a mention only elsewhere (shortcomings, plan) is weak
  window:     sentence | paragraph — how far from the mention to look for concreteness
  anchor:     part kinds, in order of preference, whose heading a finding about a missing
              item points at (default measures; then the title line)
  weak_message: message when only weak mentions exist (``message`` is for missing);
              {found} is the weak mention
  elsewhere_message: message when the item is only named in the shortcomings or plan
  weak_severity: severity of the weak finding (default: the rule's severity)
  observe:    false to report findings only, leaving the checklist reading to other rules
              (a sharper check of an item another rule already reads)

Every phrase list may hold regular expressions written as ``re:<pattern>``. Phrases are
matched against the normalised text with quotation marks and 《》 ignored, so “八五”普法,
“谁执法谁普法” and 《宪法》宣传 match 八五普法, 谁执法谁普法, 宪法宣传; positions still map
to the user's text.
"""
from __future__ import annotations

import re

from ..text.figures import figures
from ..document.result import Evidence, Observation
from ..text.phrases import compile_phrases, strip_quotes
from ..vocab import checklist_label
from ._shared import (Hit, anchor, find, heading_blocks, part_of, window, window_span, with_severity,
                      without)

_DEFAULT_PARTS = ("measures", "frp", "preamble", "other")
_NAMED_DOC = re.compile(r"《[^》]{2,60}》|〔\d{4}〕\d+号")
_LIST_KEYS = ("phrases", "sufficient", "generic", "acts", "zero", "ignore")


# -- phrase matching over a quote-free view ------------------------------------------


# -- the kind ------------------------------------------------------------------------

def validate(params: dict) -> list[str]:
    problems = []
    if not params.get("phrases"):
        problems.append("topic 规则需要 phrases 列表")
    if params.get("require", "act") not in ("figure", "act", "mention"):
        problems.append("require 只能是 figure / act / mention")
    if not set(params.get("concrete", [])) <= {"figure", "act", "document"}:
        problems.append("concrete 只能包含 figure / act / document")
    if params.get("window", "sentence") not in ("sentence", "paragraph"):
        problems.append("window 只能是 sentence / paragraph")
    for key in _LIST_KEYS:
        value = params.get(key)
        if value is not None and not (isinstance(value, list) and all(isinstance(v, str) and v for v in value)):
            problems.append(f"{key} 应是非空字符串列表")
            continue
        for v in value or []:
            if v.startswith("re:"):
                try:
                    re.compile(v[3:])
                except re.error as exc:
                    problems.append(f"{key} 中的正则 {v!r} 无效：{exc}")
    if params.get("concrete") and "act" in params["concrete"] and not params.get("acts"):
        problems.append("concrete 含 act 时需要 acts 列表")
    return problems


def _concrete_kinds(p) -> set[str]:
    if "concrete" in p:
        return set(p["concrete"])
    return {"mention": set(), "figure": {"figure"}, "act": {"figure", "act", "document"}}[p.get("require", "act")]


def _block_end(analysis, line: int) -> int | None:
    end = heading_blocks(analysis).get(line)
    return end if end is not None and end > line else None


def hit_window(analysis, hit: Hit, size: str = "sentence") -> str:
    """The text around a hit that may show concreteness. A hit in a heading ("（二）持续优化
    法治营商环境") looks at the text under that heading."""
    doc = analysis.doc
    line = doc.line_of(hit.start)
    end = _block_end(analysis, line)
    if end is not None:
        return "\n".join(doc.line(n).norm for n in range(line, end + 1) if not doc.line(n).chrome)
    return window(analysis, hit.start, hit.end, size)


def _window_key(analysis, hit: Hit, size: str) -> tuple:
    """What identifies hit_window's text: the heading block, or the sentence bounds."""
    line = analysis.doc.line_of(hit.start)
    end = _block_end(analysis, line)
    return ("block", line, end) if end is not None else (size,) + window_span(analysis, hit.start, hit.end, size)


def is_concrete(analysis, hit: Hit, p) -> bool:
    kinds = _concrete_kinds(p)
    if not kinds:
        return True
    size = p.get("window", "sentence")
    # Hits in one sentence share the answer: judged once per window, so a long sentence
    # full of hits costs its length once, not once per hit.
    key = ("concrete", _window_key(analysis, hit, size), frozenset(kinds), tuple(p.get("acts") or ()),
           p.get("min_acts", 1))
    return analysis.index.remember(key, lambda: _concrete(hit_window(analysis, hit, size), kinds, p))


def _concrete(text: str, kinds: set[str], p) -> bool:
    if "figure" in kinds and figures(text):
        return True
    if "act" in kinds and p.get("acts"):
        found = {strip_quotes(m.group(0)) for m in compile_phrases(tuple(p["acts"])).finditer(strip_quotes(text))}
        if len(found) >= p.get("min_acts", 1):
            return True
    return "document" in kinds and bool(_NAMED_DOC.search(text))


def read(analysis, rule):
    """Classify a topic's hits: (state, strong hits, weak hits, weak_only_elsewhere)."""
    p = rule.params
    doc = analysis.doc
    allowed = set(p.get("parts", _DEFAULT_PARTS))
    masks = find(analysis, p.get("ignore"))
    strong, weak, elsewhere = [], [], []

    def where(h):
        return part_of(analysis, doc.line_of(h.start))

    for h in without(find(analysis, p.get("sufficient")), masks):
        (strong if where(h) in allowed else elsewhere).append(h)
    for h in without(find(analysis, p["phrases"]), masks):
        if where(h) not in allowed:
            elsewhere.append(h)
        elif is_concrete(analysis, h, p):
            strong.append(h)
        else:
            weak.append(h)
    if strong and p.get("min_distinct", 1) > 1:
        sufficient = compile_phrases(tuple(p["sufficient"])) if p.get("sufficient") else None
        if not any(sufficient and sufficient.fullmatch(h.key) for h in strong):
            if len({h.key for h in strong}) < p["min_distinct"]:
                weak, strong = sorted(weak + strong, key=lambda h: h.start), []
    if not strong and p.get("zero"):
        strong = [h for h in without(find(analysis, p["zero"]), masks) if where(h) in allowed]
    if strong:
        return "present", strong, [], False
    if weak:
        return "weak", weak, [], False
    if elsewhere:
        return "weak", elsewhere, [], True
    generic = [h for h in without(find(analysis, p.get("generic")), masks)]
    if generic:
        return "weak", generic, [], False
    return "missing", [], [], False


def check(analysis, rule):
    p = rule.params
    doc = analysis.doc
    state, hits, _, elsewhere = read(analysis, rule)
    if state == "present":
        return observe(rule, "present", analysis, hits)
    kinds = p.get("anchor", ["measures"])
    if state == "weak":
        first = hits[0]
        if elsewhere:
            label = _label(rule)
            message = p.get("elsewhere_message") or \
                f"{label}只在“存在的不足”或“下一步安排”中提到，未写明本年度的落实情况"
            span = anchor(analysis, kinds)
        else:
            message = p.get("weak_message")
            span = doc.span(first.start, first.end)
        diag = rule.diagnostic(span, message, found=first.text(doc),
                               context=analysis.paragraph(doc.line_of(first.start)))
        return [with_severity(diag, p.get("weak_severity"))] + observe(rule, "weak", analysis, hits)
    return [rule.diagnostic(anchor(analysis, kinds))] + observe(rule, "missing", analysis, [])


def _label(rule) -> str:
    return checklist_label(rule.checklist) if rule.checklist else rule.name


def observe(rule, state, analysis, hits):
    if not rule.checklist or rule.params.get("observe", True) is False:
        return []
    doc = analysis.doc
    evidence, seen = [], set()
    for h in sorted(hits, key=lambda h: h.start):
        n = doc.line_of(h.start)
        if n not in seen and len(seen) < 5:
            seen.add(n)
            evidence.append(Evidence(n, snippet(analysis, h)))
    return [Observation(rule.checklist, state, evidence)]


def snippet(analysis, hit: Hit, width: int = 80) -> str:
    """The sentence around a hit, cut to ``width`` characters so that the hit stays visible."""
    a, b = window_span(analysis, hit.start, hit.end)
    text = analysis.doc.content[a:b]
    if len(text.strip()) <= width:
        return text.strip()
    at = hit.start - a
    if at + (hit.end - hit.start) <= width:
        return text[:width].strip()
    begin = max(0, min(at - width // 3, len(text) - width))
    return "…" + text[begin: begin + width - 1].strip()
