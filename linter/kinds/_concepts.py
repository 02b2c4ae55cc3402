"""Reading a sentence the way a reviewer does: clauses, intentions, audiences, and items
made of two parts (a thing and an act) that reports split, reorder and paraphrase.

Three separate steps, so that a faster phrase index can replace the first two:

1. phrase lists from the rules, with ``@name`` entries taken from the shared vocabulary
   (``rules/data/reading.yaml``) → one compiled pattern each   (:func:`expand`, ``compile``)
2. pattern → matches in a text                                  (:func:`matches`)
3. matches → clause / sentence logic on plain strings           (:func:`concept_matches`,
   :func:`clause_bounds`, :func:`intention_clauses`, :func:`deeds_only`, :func:`wrong_audience`)

Everything here works on a string and offsets into it; the topic kind runs it over the
document's quote-free view and maps offsets back.

A concept in a rule (``concepts:``, a list) is::

    things:  [律师, 法律服务机构]     what the item is about
    acts:    [审核, 审查, 把关]       what is done with it
    combine: clause | sentence | period   both parts within one clause (default), sentence,
                                    or period (a sentence whose clauses are joined by ；: the
                                    subject of its first clause carries on — 局长…；…带队…)
    order:   any | things-first     either order (default) or the thing first
    gap:     20                     at most this many characters between the parts
    breaks:  [各部门, 各村]           words that, standing between the parts, give the act
                                    to someone else (书记…，各部门密切配合，协调解决…)
    as:      phrase | sufficient | act   what a match counts as (default phrase: a mention)
"""
from __future__ import annotations

import bisect
import functools
import re

from ..data import read_yaml
from ..text import literals
from ..text.phrases import compile_phrases
from ..text.sentences import CLAUSE_STOP, stop_class

CLAUSE_STOPS = CLAUSE_STOP
SENTENCE_STOPS = "。；;！？!?\n"
PERIOD_STOPS = "。！？!?\n"
_COMBINE = ("clause", "sentence", "period")
_ORDER = ("any", "things-first")
_AS = ("phrase", "sufficient", "act")


# -- 1. phrase lists -----------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def vocabulary() -> dict:
    """The shared reading vocabulary (rules/data/reading.yaml)."""
    return read_yaml("reading.yaml") or {}


def key(phrases) -> tuple[str, ...]:
    """A phrase list (a list, a tuple or one ``@name``) as a hashable tuple."""
    if isinstance(phrases, str):
        return (phrases,)
    return tuple(phrases or ())


def expand(phrases) -> tuple[str, ...]:
    """A phrase list with ``@name`` entries replaced by the vocabulary list of that name."""
    return _expand(key(phrases))


@functools.lru_cache(maxsize=1024)
def _expand(phrases: tuple[str, ...], seen: frozenset = frozenset()) -> tuple[str, ...]:
    # (a vocabulary list may name another, as intentions names @lacking; a name met again
    # inside itself expands to nothing)
    out = []
    for p in phrases:
        if isinstance(p, str) and p.startswith("@"):
            if p not in seen:
                out.extend(_expand(tuple(vocabulary().get(p[1:], []) or []), seen | {p}))
        else:
            out.append(p)
    return tuple(out)


def unknown_names(phrases) -> list[str]:
    """``@name`` entries with no list of that name in the vocabulary (for validation)."""
    if isinstance(phrases, str):
        phrases = (phrases,)
    names = [p[1:] for p in phrases or () if isinstance(p, str) and p.startswith("@")]
    vocab = vocabulary()
    return [n for n in names if not isinstance(vocab.get(n), list)]


def message(name: str) -> str:
    return (vocabulary().get("messages") or {}).get(name, "")


# -- 2. matches ----------------------------------------------------------------------

def matches(text: str, phrases) -> list[tuple[int, int, str]]:
    """(start, end, matched text) of every phrase hit in a text."""
    phrases = expand(phrases)
    if not phrases:
        return []
    return [(m.start(), m.end(), m.group(0)) for m in compile_phrases(phrases).finditer(text)
            if m.end() > m.start()]


# -- 3. clause and sentence logic ----------------------------------------------------

def _stops(text: str, stops: str) -> list[int]:
    # a regex scan, not a Python loop over every character (run once per report)
    return [m.start() for m in stop_class(stops).finditer(text)]


def bounds(text: str, start: int, end: int, stops: str) -> tuple[int, int]:
    """The stretch of text between the stop characters around start..end."""
    a = max(text.rfind(c, 0, start) for c in stops) + 1
    ends = [i for i in (text.find(c, max(end, start)) for c in stops) if i != -1]
    return a, (min(ends) if ends else len(text))


def clause_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every clause of a text."""
    out, a = [], 0
    for i in _stops(text, CLAUSE_STOPS):
        if i > a:
            out.append((a, i))
        a = i + 1
    if len(text) > a:
        out.append((a, len(text)))
    return out


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    return bounds(text, start, end, CLAUSE_STOPS)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    return bounds(text, start, end, SENTENCE_STOPS)


class Units:
    """Clause and sentence numbers of the offsets of one text (built once per text, or
    from a document index's tables of the stops)."""

    def __init__(self, text: str | None, clause: list[int] | None = None, sentence: list[int] | None = None,
                 period: list[int] | None = None):
        self.clause = _stops(text, CLAUSE_STOPS) if clause is None else clause
        self.sentence = _stops(text, SENTENCE_STOPS) if sentence is None else sentence
        self.period = _stops(text, PERIOD_STOPS) if period is None else period


def concept_matches(text: str, concept: dict, units: Units | None = None,
                    find=matches) -> list[tuple[int, int, str]]:
    """Spans where a thing and an act of the concept meet in one clause (or sentence), in
    either order unless ``order: things-first``, with at most ``gap`` characters between.
    ``find(text, phrases)`` gives a list's matches (a document index answers it for the
    whole report from its one scan)."""
    things = find(text, concept.get("things"))
    acts = find(text, concept.get("acts")) if things else []
    if not things or not acts:
        return []
    units = units or Units(text)
    unit = concept.get("combine", "clause")
    gap = concept.get("gap")
    # a break (another actor) between the parts: the act is that actor's, not the thing's
    breaks = sorted(a for a, _, _ in find(text, concept["breaks"])) if concept.get("breaks") else ()
    things_first = concept.get("order", "any") == "things-first"
    # The nearest act on either side is the only candidate (hits do not overlap, so they
    # are ordered by start and by end alike): two bisections per thing, not a loop over
    # every act of the report.
    starts = [a for a, _, _ in acts]
    ends = [e for _, e, _ in acts]
    # Things usually far outnumber acts (执法 175 times beside 3 recordings): a thing whose
    # clause (or sentence) holds no act start is passed over after one bisection.
    stops = getattr(units, unit)
    act_units = [bisect.bisect_right(stops, a) for a in starts]
    with_acts = set(act_units)
    out = []
    for ts, te, tk in things:
        here = bisect.bisect_right(stops, ts)
        if here not in with_acts:
            continue
        candidates = []
        i = bisect.bisect_right(ends, ts) - 1          # the last act ending at or before ts
        if i >= 0 and not things_first:
            candidates.append((ts - ends[i], i))
        j = bisect.bisect_left(starts, te)             # the first act starting at or after te
        if j < len(acts):
            candidates.append((starts[j] - te, j))
        best = None
        for between, k in sorted(candidates):           # a tie goes to the earlier act
            if act_units[k] != here:
                continue
            if gap is not None and between > gap:
                continue
            if breaks and _broken(breaks, *((ends[k], ts) if starts[k] < ts else (te, starts[k]))):
                continue
            best = (between, *acts[k])
            break
        if best:
            _, as_, ae, ak = best
            out.append((min(ts, as_), max(te, ae), tk + "+" + ak))
    return out


def _broken(breaks: list[int], lo: int, hi: int) -> bool:
    """Whether a break starts in the span between the parts (sorted starts, one bisection)."""
    i = bisect.bisect_left(breaks, lo)
    return i < len(breaks) and breaks[i] < hi


def validate_concepts(concepts) -> list[str]:
    if concepts is None:
        return []
    if not isinstance(concepts, list):
        return ["concepts 应是列表"]
    problems = []
    for i, c in enumerate(concepts, 1):
        if not isinstance(c, dict) or not c.get("things") or not c.get("acts"):
            problems.append(f"concepts 第{i}项需要 things 和 acts 列表")
            continue
        if c.get("combine", "clause") not in _COMBINE:
            problems.append(f"concepts 第{i}项的 combine 只能是 {'/'.join(_COMBINE)}")
        if c.get("order", "any") not in _ORDER:
            problems.append(f"concepts 第{i}项的 order 只能是 {'/'.join(_ORDER)}")
        if c.get("as", "phrase") not in _AS:
            problems.append(f"concepts 第{i}项的 as 只能是 {'/'.join(_AS)}")
        for key in ("things", "acts", "breaks"):
            for name in unknown_names(c.get(key)):
                problems.append(f"concepts 第{i}项的 {key} 引用了不存在的词表 @{name}")
    return problems


# -- intentions: aims, targets and norms are not deeds -------------------------------

_YEAR = re.compile(r"20\d\d")
def _sentences_with_stops(text: str):
    """The sentences of a text, each with its stop: the text split after every stop (a scan
    for the stops, not a zero-width split tried at every position)."""
    at = 0
    for m in stop_class(SENTENCE_STOPS).finditer(text):
        yield text[at:m.end()]
        at = m.end()
    if at < len(text):
        yield text[at:]


@functools.lru_cache(maxsize=256)
def _markers(phrases: tuple[str, ...]) -> literals.FirstCharacter | None:
    """The marker list (``@name`` entries not yet expanded: a short key to look up, asked
    for every sentence) as one scan; None for an empty list. (Marker lists open with
    lookbehinds and lookaheads: they are run where a marker can start.)"""
    expanded = expand(phrases)
    return literals.FirstCharacter(compile_phrases(expanded)) if expanded else None


@functools.lru_cache(maxsize=256)
def _marker_test(phrases: tuple[str, ...]):
    """A function text -> whether some marker of the list occurs at all (a match or None):
    the first test of every sentence, one call; None for an empty list."""
    scan = _markers(phrases)
    return None if scan is None else scan.tester()


def _marked(text: str, phrases, year: int | None) -> bool:
    """Whether a marker of the list occurs; one naming a year the report has reached
    ("到2024年底" in a 2024 report) states a result, not a target."""
    scan = _markers(key(phrases))
    if scan is None:
        return False
    if scan.search(text) is None:          # the usual sentence: no marker at all
        return False
    for m in scan.finditer(text):
        if m.end() == m.start():
            continue
        years = [int(y) for y in _YEAR.findall(m.group(0))]
        if not (year and years and max(years) <= year):
            return True
    return False


def intention_clauses(sentence: str, intentions="@intentions", plans="@plans",
                      deeds="@deeds", year: int | None = None) -> tuple[tuple[int, int], ...]:
    """Spans of the clauses of one sentence that state an aim, a target or a norm. A clause
    after an aim continues it ("力争开展宣传20场，覆盖群众5000人次") until a clause marks a deed
    (已, 全年共, 累计 …: "拟新建2个，已完成1个"); a clause of condition ending in 的 just before
    a norm ("未经法制审核的，不得作出决定") belongs to it; a sentence opening with "@plans" (下一步,
    今后 …) is an aim throughout. ``year`` is the report year, when known. (Cached: every
    topic rule asks about the same sentences.)"""
    return _intention_clauses(sentence, key(intentions), key(plans), key(deeds), year)


@functools.lru_cache(maxsize=8192)
def _intention_clauses(sentence: str, intentions, plans, deeds, year) -> tuple[tuple[int, int], ...]:
    # (most sentences hold no marker of either list: two searches, before any closer look)
    plan_test, aim_test = _marker_test(plans), _marker_test(intentions)
    if plan_test is not None and plan_test(sentence) and _marked(sentence, plans, year):
        return tuple(clause_spans(sentence))
    if aim_test is None or not aim_test(sentence) or not _marked(sentence, intentions, year):
        return ()
    out, carry, condition = [], False, None
    for a, b in clause_spans(sentence):
        clause = sentence[a:b]
        if _marked(clause, intentions, year):
            if condition is not None:   # "…未经审核的，不得作出决定": the condition is the norm's
                out.append(condition)
            out.append((a, b))
            carry = True
        elif carry and not matches(clause, deeds):
            out.append((a, b))
        else:
            carry = False
        condition = (a, b) if not carry and clause.rstrip().endswith("的") else None
        if out and not carry and _COUNTED_DEED.search(clause):
            # "要求执法人员每办结一起案件都要召开'案后说法'会，全年共开展14场": the norm was
            # kept, and the sentence counts how often — what it required is the year's work
            # (not "拟新建2个，已完成1个": what is done of an aim is no count of the aim)
            out = []
    return tuple(out)


# A clause counting the year's doing: 全年共开展14场, 累计办理…36件, 全年结合查办的典型案件发布以案说法案例8个.
_COUNTED_DEED = re.compile(r"(?:全年|累计|共计)[^，；。：\n]{0,24}\d")


def unmet(text: str, start: int, end: int, year: int | None = None,
          clause: tuple[int, int] | None = None) -> str | None:
    """What the clause around start..end tells of work not done: "lacking" (尚未聘请法律顾问,
    本年度未组织宪法宣誓活动: not done at all), "shortfall" (…还不够到位: done, not well
    enough) or None. ``clause``: its bounds, when the caller has an index of the stops (found
    here, each is a scan back through the text for every stop character)."""
    a, b = clause or clause_bounds(text, start, end)
    clause = text[a:b]
    if _marked(clause, "@lacking", year):
        return "lacking"
    return "shortfall" if _marked(clause, "@shortfalls", year) else None


def is_intention(text: str, start: int, end: int, intentions="@intentions", plans="@plans",
                 year: int | None = None) -> bool:
    """Whether the clause around start..end states an aim, a target or a norm."""
    a, b = sentence_bounds(text, start, end)
    at = start - a
    return any(x <= at < y for x, y in intention_clauses(text[a:b], intentions, plans, year=year))


_DEEDS = key("@deeds")


def deeds_only(text: str, intentions="@intentions", plans="@plans", year: int | None = None) -> str:
    """The text with every aim, target and norm clause blanked out (same length), so that
    a figure or an act there does not count as the year's work."""
    return _deeds_only(text, key(intentions), key(plans), year)


@functools.lru_cache(maxsize=4096)
def _deeds_only(text: str, intentions, plans, year) -> str:
    if not expand(intentions) and not expand(plans):
        return text
    out = None                          # a copy only once something is blanked
    pos = 0
    for sentence in _sentences_with_stops(text):
        for a, b in _intention_clauses(sentence, intentions, plans, _DEEDS, year):   # (keys made already)
            out = out if out is not None else list(text)
            out[pos + a:pos + b] = " " * (b - a)
        pos += len(sentence)
    return text if out is None else "".join(out)


# -- audience: who is taught ---------------------------------------------------------

def wrong_audience(sentence: str, audience: dict | None) -> bool:
    """True when the sentence names only an audience the item does not count (cadres
    studying where publicity to the public is required, or the reverse)."""
    if not audience:
        return False
    wrong = matches(sentence, audience.get("not"))
    if not wrong:
        return False
    # a counted word inside a longer word of the wrong audience is that audience (干部 in
    # 村干部), while a longer counted word holding one is not (镇村干部 holds 村干部)
    return not any(not any(a <= s and e <= b and e - s < b - a for a, b, _ in wrong)
                   for s, e, _ in matches(sentence, audience.get("counts")))


def validate_audience(audience) -> list[str]:
    if audience is None:
        return []
    if not isinstance(audience, dict) or not audience.get("counts") or not audience.get("not"):
        return ["audience 需要 counts 和 not 两个词表"]
    problems = [f"audience 引用了不存在的词表 @{n}"
                for key in ("counts", "not") for n in unknown_names(audience.get(key))]
    if audience.get("reads", "weak") not in ("weak", "missing"):
        problems.append("audience.reads 只能是 weak 或 missing")
    return problems
