"""section: a required part of the report (督察规定: the five items), and its shape.

params:
  part:          measures | shortcomings | frp | plan | other
  mode:          presence (default) | thin | order
presence (the checklist reading of the part):
  weak_message:  message when the part exists only as a sub-item of another part
  weak_severity: severity of that finding (default: the rule's severity); a required part
                 written as a sub-item is usually a warning, not an error
  title_pattern: regex; a top-level heading whose title matches it is this part even when
                 the outline classified it otherwise ("一、压实主要负责人责任，筑牢组织保障")
  themed_message: message when every such part is named by a theme of the work (一、坚持党的
                 领导，…) and none by the part itself: the work is there, the required part is not
                 named, so the reading is weak
  themed_severity: severity of that finding (default: the rule's severity)
  stray_sub_item: true — with no part of this kind, a numbered sub-item heading standing
                 before the report's first part (its own heading lost) is the part as a
                 sub-item: weak, with weak_message
  mentions:      phrases; with no part at all, a mention in the text makes the reading weak
                 (the part's content is only touched on in passing)
  mention_message, mention_severity: the finding for that case
  slogan:        {max_sentences: N, phrases, message, severity} — a part whose whole text is
                 at most N sentences with no figure and (when ``phrases`` is given) restates
                 the duty in those words ("镇党委书记严格履行第一责任人职责。") only says the
                 duty is done: weak, not present
thin (no checklist reading):
  min_chars:     a part whose text (heading excluded) is shorter than this is flagged
order (no checklist reading):
  after:         part kinds that must come before ``part``; flagged when ``part`` comes first
"""
from __future__ import annotations

import re

from ..document.outline import classify_title
from ..document.result import Evidence, Observation
from ..text.figures import figures
from ..vocab import PART_KINDS
from ..text.phrases import strip_quotes
from ._concepts import SENTENCE_STOPS, matches
from ._shared import Checks, find, with_severity



def validate(params: dict) -> list[str]:
    problems = []
    if params.get("part") not in PART_KINDS:
        problems.append(f"section 规则需要 part: {'/'.join(PART_KINDS)}")
    mode = CHECKS.chosen(params)
    problems.extend(CHECKS.problems(params))
    if mode == "thin" and not isinstance(params.get("min_chars"), int):
        problems.append("mode: thin 需要整数 min_chars")
    if mode == "order" and not params.get("after"):
        problems.append("mode: order 需要 after 列表")
    if params.get("title_pattern"):
        try:
            re.compile(params["title_pattern"])
        except re.error as exc:
            problems.append(f"title_pattern 无效：{exc}")
    slogan = params.get("slogan")
    if slogan is not None and not (isinstance(slogan, dict) and isinstance(slogan.get("max_sentences", 1), int)):
        problems.append("slogan 应是 {max_sentences: 整数, message, severity} 映射")
    return problems


CHECKS = Checks("section", key="mode", default="presence")
check = CHECKS.run


def _observe(rule, state, evidence=()):
    return [Observation(rule.checklist, state, list(evidence))] if rule.checklist else []


def _presence(analysis, rule):
    p = rule.params
    doc = analysis.doc
    parts = analysis.parts(p["part"])
    own = [x for x in parts if not x.embedded]
    if not own and p.get("title_pattern"):
        pattern = re.compile(p["title_pattern"])
        own = [x for x in analysis.outline.parts if not x.embedded and x.heading and pattern.search(x.title)]
    subs = [x for x in own if _numbered_as_sub_item(analysis, x)]
    if own and len(subs) == len(own):
        # "（一）主要举措" where the other parts are 二、三、四、: the part is written at a
        # sub-item's level, as a reviewer reads it — not as a part of its own
        return _weak_at(analysis, rule, own[0].start, own[0].title)
    if own:
        evidence = [Evidence(x.start, analysis.paragraph(x.start)) for x in own]
        slogan = p.get("slogan")
        if slogan and all(_only_slogan(analysis, x, slogan) for x in own):
            x = own[0]
            diag = rule.diagnostic(doc.line_span(x.start), slogan.get("message"), title=x.title)
            return [with_severity(diag, slogan.get("severity"))] + _observe(rule, "weak", evidence)
        # (a leaders' part named by a theme and found by title_pattern is read as before: it
        # is a part of its own, named for what the leaders did)
        if p.get("themed_message") and all(x.themed and x.kind == p["part"] for x in own):
            x = own[0]
            diag = rule.diagnostic(doc.line_span(x.start), p["themed_message"], title=x.title)
            return [with_severity(diag, p.get("themed_severity"))] + _observe(rule, "weak", evidence)
        return _observe(rule, "present", evidence)
    if parts:
        return _weak_at(analysis, rule, parts[0].start, parts[0].title)
    stray = _stray_sub_item(analysis) if p.get("stray_sub_item") else None
    if stray is not None:
        return _weak_at(analysis, rule, stray.line, stray.title)
    hits = find(analysis, p.get("mentions"))
    if hits:
        h = hits[0]
        line = doc.line_of(h.start)
        diag = rule.diagnostic(doc.span(h.start, h.end), p.get("mention_message") or p.get("weak_message"),
                               title=doc.content[h.start:h.end], found=doc.content[h.start:h.end],
                               context=analysis.paragraph(line))
        lines = sorted({doc.line_of(x.start) for x in hits})[:5]
        return [with_severity(diag, p.get("mention_severity"))] + \
            _observe(rule, "weak", [Evidence(n, analysis.paragraph(n)[:80]) for n in lines])
    return [rule.diagnostic(analysis.title_span())] + _observe(rule, "missing")


def _weak_at(analysis, rule, line: int, title: str):
    """The part written only as a sub-item, at ``line``: weak_message, the reading weak."""
    p = rule.params
    diag = rule.diagnostic(analysis.doc.line_span(line), p.get("weak_message"), title=title)
    return [with_severity(diag, p.get("weak_severity"))] + \
        _observe(rule, "weak", [Evidence(line, analysis.paragraph(line))])


_NAMES_SUBJECT = re.compile(r"法治|依法")


def _stray_sub_item(analysis):
    """A numbered sub-item heading standing before the report's first part, naming no part
    ("（三）持续深化行政执法规范化建设" over the year's work, then "二、…第一责任人…"): the part's own
    heading is missing and its work is written as a sub-item."""
    outline = analysis.outline
    for h in outline.headings:
        if h.line >= outline.body_start:
            return None
        if h.rank > outline.top_rank and h.number is not None and not h.list_item and not classify_title(h.title):
            return h
    return None


def _typed_rank(heading) -> int:
    return heading.typed_rank or heading.rank


def _numbered_as_sub_item(analysis, part) -> bool:
    """The part's heading carries a sub-item's number (（一）, 1.) while other parts of the
    report are numbered as parts (二、), and its title is a sub-item's bare label (主要举措,
    工作开展情况): the outline joined them into one list, a reviewer reads a sub-item. A title
    that names the subject still reads as the part when its number is Arabic (1．2024年依法行政工作
    主要举措及成效: a department's parts numbered 1. 2. 3.), not a （一）: writers read
    （一）2022年推进法治政府建设主要举措 standing for part 一 as a sub-item (weak), five of six."""
    # (the halves of a part whose heading names two — 三、不足及下一步安排 — are its sub-items
    # by design: each is read as a part of its own)
    # (the leaders' part names the rule of law in its very duty — 推进法治建设第一责任人 — so for it
    # naming the subject is no sign of a part of its own: writers read （二）认真履行法治建设第一
    # 责任人职责 standing for part 二 as weak, as they read （二）认真履行第一责任人职责)
    if part.heading is None or part.heading.number is None or part.combined or \
            (part.kind != "frp" and part.heading.style != "cn-paren" and _NAMES_SUBJECT.search(part.title)):
        return False
    others = [q.heading for q in analysis.outline.parts
              if q is not part and not q.embedded and q.heading is not None and q.heading.number is not None]
    return bool(others) and _typed_rank(part.heading) > min(_typed_rank(h) for h in others)


def _body_text(analysis, part) -> str:
    """The part's text without its heading."""
    doc = analysis.doc
    out = []
    for line in part.lines():
        if doc.line(line).chrome:
            continue
        text = doc.line(line).norm.strip()
        if line == part.start and part.heading is not None:
            i = text.find(part.heading.title)
            text = text[i + len(part.heading.title):] if part.heading.inline_body and i >= 0 else ""
        out.append(text)
    return "\n".join(t for t in out if t)


def _only_slogan(analysis, part, slogan: dict) -> bool:
    """A complete body of at most ``max_sentences`` sentences, no figure, and the duty
    restated. An empty or cut-off body (no closing stop) is left to the thin-part check."""
    text = _body_text(analysis, part).strip()
    if not text or text[-1] not in SENTENCE_STOPS.strip():
        return False
    sentences = [s for s in re.split(f"[{SENTENCE_STOPS}]", text) if s.strip()]
    if len(sentences) > slogan.get("max_sentences", 1) or figures(text):
        return False
    return not slogan.get("phrases") or bool(matches(strip_quotes(text), slogan["phrases"]))


def _body_chars(analysis, part) -> int:
    return len("".join(_body_text(analysis, part).split()))


def _thin(analysis, rule):
    out = []
    for part in analysis.parts(rule.params["part"]):
        if part.embedded:
            continue
        n = _body_chars(analysis, part)
        if n < rule.params["min_chars"]:
            out.append(rule.diagnostic(analysis.doc.line_span(part.start), title=part.title, chars=n))
    return out


def _order(analysis, rule):
    p = rule.params
    mine = [x for x in analysis.parts(p["part"]) if not x.embedded]
    before = [x for x in analysis.parts(*p["after"]) if not x.embedded]
    if not mine or not before:
        return []
    first, earliest = mine[0], min(x.start for x in before)
    if first.start < earliest:
        return [rule.diagnostic(analysis.doc.line_span(first.start), title=first.title)]
    return []


# -- the built-in checks, by the name a rule gives (``fzlint rule CODE`` shows the text) ----
CHECKS.register("presence", "该部分单独成篇（检查清单的判断）")(_presence)
CHECKS.register("thin", "该部分篇幅过短（min_chars）")(_thin)
CHECKS.register("order", "该部分排在应当位于其前的部分之前")(_order)
