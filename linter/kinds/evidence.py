"""evidence: whether a part carries evidence, not just claims.

params:
  check: figures | causes | subsections | plan-linked

figures — concrete figures about the year's work in a part (泛化 is the typical defect):
  parts:      part kinds to read (default [measures])
  present:    {min: N, density: D, dense: E} — at least N figures and D figures per
              1,000 characters; or (with dense) fewer figures, at least E per 1,000
              characters (a part of a sentence or two)
  weak_min:   fewer figures than this is missing (default 1)
  cut_chars:  a last part with less body text than this (a copy cut off under its heading)
              reads n/a, not missing (default 0)
  targets:    extra phrases counted as figures (plan deadlines: 年底前, 每季度 …)
  observe:    whether the reading goes into the checklist (default true)
  fallback:   part kinds whose parts named by a theme of the work are read instead when the
              report has none of ``parts`` (一、强化主要责任人责任，夯实组织基础 tells the year's
              work; 一、党政主要负责人履行…职责情况 is the leaders' part only: n/a, as the dev
              set's reviewer reads it)
  intentions: clauses stating aims, targets or norms (力争全年开展讲座4次, 到2025年底…) whose
              figures are not the year's work (default "@intentions" from
              rules/data/reading.yaml, except when the parts include the plan; [] for none)
  weak_message: {count} figures, {density} per 1,000 characters
  vague:      quantities without a number (一批, 大量, 多次): with no figure, the finding names
              the first of them, so the clerk sees which words to replace with a count. The
              reading stays missing: the dev set's reviewer reads a part with 多次 and no number
              as unquantified, not as weakly quantified
  vague_message: the finding then ({found} is that quantity, {title} the part)
  aims_message: with no figure of the year's work but figures in its aims or targets (确定全年
              开展…不少于30场…的工作目标): the finding then ({found} the first such figure), so
              the clerk sees the number is a target, not a result
  aims_state: the reading then: missing (default) or weak — a part whose figures are all
              aims states only an intention, which the held-out writers read as weak (44 of
              48 such sentences), unlike a part with none
  With none of the parts in the report the reading is n/a (the part rule reports that).

causes — the shortcomings part analyses causes, not only lists problems:
  parts:      default [shortcomings]
  phrases:    cause phrases (原因, 究其原因, 主要是 …); the heading line does not count
  generic:    boilerplate causes (受各种因素影响): weak
  ignore:     hits that are not causes (问题主要是 …)
  heading_message: message when only the heading speaks of causes
  no_part_message: message (info) when the report has no shortcomings part at all

subsections — sub-items of a part that claim work without a single figure:
  parts:      default [measures]
  min_chars:  sub-items shorter than this are left alone (default 120)
  weak_share / weak_bare: the checklist reading is weak when at least this share (default
  0.5) and this many (default 2) of the sub-items read have no figure, else present — so
  the item is never ✓ beside a part most of whose sub-items have not one number.

plan-linked — next year's plan answers the shortcomings:
  themes:     {name: [phrases]}; a theme named in the shortcomings should recur in the plan
"""
from __future__ import annotations

import re

from ..text.figures import figures, is_date
from ..document.result import Evidence, Observation
from ..text.phrases import compile_phrases, strip_quotes
from ._concepts import deeds_only, unknown_names
from ._shared import Checks, find, find_within, heading_blocks, with_severity, without

CHECKS = Checks("evidence")


def validate(params: dict) -> list[str]:
    problems = CHECKS.problems(params)
    if problems:
        return problems
    check = params["check"]
    if check == "causes" and not params.get("phrases"):
        problems.append("check: causes 需要 phrases 列表")
    if check == "plan-linked" and not isinstance(params.get("themes"), dict):
        problems.append("check: plan-linked 需要 themes 映射")
    if check == "subsections" and not all(isinstance(params.get(k, 1), (int, float)) and not
                                          isinstance(params.get(k, 1), bool) for k in ("weak_share", "weak_bare")):
        problems.append("weak_share / weak_bare 应是数字")
    if check == "figures" and params.get("present") is not None and not isinstance(params["present"], dict):
        problems.append("present 应是 {min, density} 映射")
    if params.get("aims_state", "missing") not in ("missing", "weak"):
        problems.append("aims_state 只能是 missing / weak")
    problems.extend(f"intentions 引用了不存在的词表 @{n}" for n in unknown_names(params.get("intentions")))
    return problems


check = CHECKS.run


# -- helpers ---------------------------------------------------------------------------

def _parts(analysis, kinds):
    return [p for p in analysis.parts(*kinds) if not p.embedded]


def _body_lines(analysis, parts) -> list[int]:
    """Content lines of the parts, heading lines excluded (inline body text kept)."""
    lines = set()
    for part in parts:
        for n in part.lines():
            if not analysis.doc.line(n).chrome:
                lines.add(n)
    return sorted(lines)


def _headings(analysis) -> dict:
    return analysis.headings_by_line


def _body_start(analysis, n: int) -> int:
    """Offset in the line's normalised text where body text starts (after a heading's title);
    -1 when the line is a heading with no body."""
    h = _headings(analysis).get(n)
    if h is None:
        return 0
    i = analysis.doc.line(n).norm.find(h.title)
    return i + len(h.title) if h.inline_body and i >= 0 else -1


def _line_text(analysis, n: int, parts=None) -> str:
    start = _body_start(analysis, n)
    return "" if start < 0 else analysis.doc.line(n).norm[start:]


def _observe(rule, state, evidence=()):
    if not rule.checklist or rule.params.get("observe", True) is False:
        return []
    return [Observation(rule.checklist, state, list(evidence))]


def _evidence(analysis, lines):
    return [Evidence(n, analysis.paragraph(n)[:80]) for n in sorted(set(lines))[:5]]


# -- figures ---------------------------------------------------------------------------

def _count(text: str, targets, intentions=(), year=None) -> int:
    if intentions:
        text = deeds_only(text, intentions, "@plans", year)
    n = sum(1 for m in figures(text) if not is_date(m))      # (a date measures no work)
    if targets:
        n += sum(1 for _ in compile_phrases(tuple(targets)).finditer(strip_quotes(text)))
    return n


def _figures(analysis, rule):
    p = rule.params
    parts = _parts(analysis, p.get("parts", ["measures"])) or \
        [x for x in _parts(analysis, p.get("fallback", [])) if x.themed]
    if not parts:
        return _observe(rule, "n/a")
    per_line = {}
    chars = 0
    kinds = p.get("parts", ["measures"])
    intentions = p.get("intentions", [] if "plan" in kinds else "@intentions")
    for n in _body_lines(analysis, parts):
        text = _line_text(analysis, n, parts)
        chars += len("".join(text.split()))
        c = _count(text, p.get("targets"), intentions, analysis.year)
        if c:
            per_line[n] = c
    # A copy cut off just under the part's heading (an excerpt, a page that stops): nothing to
    # measure is no proof of no figures, when no other part follows it
    last = parts[-1]
    if chars < p.get("cut_chars", 0) and not any(q.start > last.start for q in analysis.outline.parts):
        return _observe(rule, "n/a")
    count = sum(per_line.values())
    dens = 1000.0 * count / chars if chars else 0.0
    present = p.get("present", {"min": 3, "density": 1.5})
    best = sorted(per_line, key=lambda n: (-per_line[n], n))[:5]
    span = analysis.doc.line_span(parts[0].start)
    values = {"count": count, "density": f"{dens:.1f}", "title": parts[0].title}
    # A part of a sentence or two that is dense with figures is not "most measures
    # unsupported", even below the count (a draft, a short department report).
    if (count >= present.get("min", 1) and dens >= present.get("density", 0)) or \
            (count and "dense" in present and dens >= present["dense"]):
        return _observe(rule, "present", _evidence(analysis, best))
    if count >= p.get("weak_min", 1):
        diag = rule.diagnostic(span, p.get("weak_message"), **values)
        return [with_severity(diag, p.get("weak_severity"))] + _observe(rule, "weak", _evidence(analysis, best))
    aimed = _aimed(analysis, parts, p.get("targets")) if intentions and p.get("aims_message") else None
    if aimed:
        line, found = aimed
        diag = rule.diagnostic(analysis.doc.line_span(line), p["aims_message"], found=found, **values)
        return [diag] + _observe(rule, p.get("aims_state", "missing"))
    vague = _vague(analysis, p.get("vague"), parts, intentions)
    if vague:
        line, found = vague
        diag = rule.diagnostic(analysis.doc.line_span(line), p.get("vague_message") or p.get("weak_message"),
                               found=found, **values)
        return [diag] + _observe(rule, "missing")
    return [rule.diagnostic(span, **values)] + _observe(rule, "missing")


def _aimed(analysis, parts, targets) -> tuple[int, str] | None:
    """The first line of the parts with a figure, read with its aims (the count found none
    without them), and that figure: the part's numbers are all targets or norms."""
    for n in _body_lines(analysis, parts):
        text = _line_text(analysis, n, parts)
        if _count(text, targets):
            found = next((m.group(0) for m in figures(text) if not is_date(m)), None)
            return n, found or text.strip()[:20]
    return None


def _vague(analysis, phrases, parts, intentions) -> tuple[int, str] | None:
    """The first line of the parts that measures with words only (一批, 大量), and the words;
    aims are not measures (力争开展一批…)."""
    if not phrases:
        return None
    pattern = compile_phrases(tuple(phrases))
    for n in _body_lines(analysis, parts):
        text = strip_quotes(_line_text(analysis, n, parts))
        if intentions:
            text = deeds_only(text, intentions, "@plans", analysis.year)
        m = pattern.search(text)
        if m:
            return n, m.group(0)
    return None


# -- causes ----------------------------------------------------------------------------

def _hits_in(analysis, phrases, lines: set[int], parts, masks=(), subheadings: bool = False):
    """Hits on the parts' body text. The parts' own headings never count ("存在的不足和原因"
    as a title analyses nothing); with ``subheadings``, a sub-heading inside the part that has
    text under it ("（二）原因分析") does."""
    doc = analysis.doc
    if not lines:
        return []
    own = {p.start for p in parts} | {p.heading.line for p in parts if p.heading is not None}
    blocks = heading_blocks(analysis)
    # the parts' stretch of the report, so hits elsewhere are passed over without a lookup
    low = doc.line_start(min(lines))
    high = doc.line_start(max(lines)) + len(doc.line(max(lines)).norm)
    out = []
    for h in without(find_within(analysis, phrases, low, high), list(masks)):
        n = doc.line_of(h.start)
        if n not in lines:
            continue
        start = _body_start(analysis, n)
        if start < 0 or h.start - doc.line_start(n) < start:
            if not (subheadings and n not in own and blocks.get(n, n) > n):
                continue
        out.append(h)
    return out


def _causes(analysis, rule):
    p = rule.params
    doc = analysis.doc
    parts = _parts(analysis, p.get("parts", ["shortcomings"]))
    if not parts:
        # The missing part is the shortcomings rule's finding; here only a note, so one
        # omission is not reported twice at full weight.
        diag = rule.diagnostic(analysis.title_span(), p.get("no_part_message"))
        return [with_severity(diag, "info")] + _observe(rule, "missing")
    lines = set(_body_lines(analysis, parts))
    generic = _hits_in(analysis, p.get("generic"), lines, parts)
    masks = find(analysis, p.get("ignore")) + generic      # "主客观原因" is boilerplate, not a cause
    strong = _hits_in(analysis, p["phrases"], lines, parts, masks, subheadings=True)
    if strong:
        return _observe(rule, "present", _evidence(analysis, [doc.line_of(h.start) for h in strong]))
    span = doc.line_span(parts[0].start)
    if generic:
        h = generic[0]
        diag = rule.diagnostic(doc.span(h.start, h.end), p.get("weak_message"), found=h.text(doc),
                               context=analysis.paragraph(doc.line_of(h.start)))
        return [with_severity(diag, p.get("weak_severity"))] + \
            _observe(rule, "weak", _evidence(analysis, [doc.line_of(h.start) for h in generic]))
    titled = any(x.heading is not None and re.search(r"原因", x.title) for x in parts)
    message = p.get("heading_message") if titled else None
    return [rule.diagnostic(span, message, title=parts[0].title)] + _observe(rule, "missing")


# -- subsections -----------------------------------------------------------------------

def _subsections(analysis, rule):
    """Also a checklist reading, so the checklist agrees with the findings (never ✓ beside
    eight "通篇没有一个具体数字")."""
    p = rule.params
    doc = analysis.doc
    out, bare, checked = [], [], 0
    for part in _parts(analysis, p.get("parts", ["measures"])):
        if part.heading is None:
            continue
        children = part.heading.children
        for i, child in enumerate(children):
            end = children[i + 1].line - 1 if i + 1 < len(children) else part.end
            text = "".join(doc.line(n).norm for n in range(child.line, end + 1) if not doc.line(n).chrome)
            if len("".join(text.split())) < p.get("min_chars", 120):
                continue
            checked += 1
            if not figures(text):
                bare.append(child.line)
                out.append(rule.diagnostic(doc.line_span(child.line), title=child.title))
    if checked:
        weak = len(bare) >= p.get("weak_bare", 2) and len(bare) >= p.get("weak_share", 0.5) * checked
        out += _observe(rule, "weak" if weak else "present", _evidence(analysis, bare))
    else:
        out += _observe(rule, "n/a")
    return out


# -- plan-linked -----------------------------------------------------------------------

def _themes_in(analysis, parts, themes: dict) -> dict[str, int]:
    lines = set(_body_lines(analysis, parts))
    found = {}
    for name, phrases in themes.items():
        hits = _hits_in(analysis, phrases, lines, parts)
        if hits:
            found[name] = analysis.doc.line_of(hits[0].start)
    return found


def _plan_linked(analysis, rule):
    p = rule.params
    short = _parts(analysis, ["shortcomings"])
    plan = _parts(analysis, ["plan"])
    if not short or not plan:
        return _observe(rule, "n/a")
    named = _themes_in(analysis, short, p["themes"])
    if not named:
        return _observe(rule, "n/a")
    answered = _themes_in(analysis, plan, {k: p["themes"][k] for k in named})
    left = [k for k in named if k not in answered]
    if not left:
        return _observe(rule, "present", _evidence(analysis, list(answered.values())))
    span = analysis.doc.line_span(plan[0].start)
    values = {"themes": "、".join(left), "title": plan[0].title}
    if answered:
        diag = rule.diagnostic(span, p.get("weak_message"), **values)
        return [with_severity(diag, p.get("weak_severity"))] + \
            _observe(rule, "weak", _evidence(analysis, list(answered.values())))
    return [rule.diagnostic(span, **values)] + _observe(rule, "missing")


# -- the built-in checks, by the name a rule gives (``fzlint rule CODE`` shows the text) ----
CHECKS.register("figures", "所读部分中有关本年度工作的具体数字")(_figures)
CHECKS.register("causes", "不足有原因分析，而不只是罗列")(_causes)
CHECKS.register("subsections", "举措中没有一个数字的分项")(_subsections)
CHECKS.register("plan-linked", "下一年度安排回应所列不足")(_plan_linked)
