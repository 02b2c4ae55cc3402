"""topic: a required item of content, and whether it is stated concretely.

params:
  phrases:    what names the item (any one is enough to mention it)
  sufficient: phrases that on their own show the item in practice (执法记录仪, 宪法宣誓,
              四个亲自): a hit in an allowed part is present without further evidence
  generic:    umbrella or partial phrases (三项制度; 亮证执法 for the publicity system; a slogan
              the rule ignores as a mention, 尊法学法守法用法):
              when nothing else names the item, they make it weak
  acts:       phrases that show a concrete act near a mention (聘请, 动态调整 …)
  min_acts:   how many distinct act phrases the window needs (default 1)
  zero:       explicit statements that there was nothing to do (未发生行政诉讼): present
  ignore:     phrases whose hits are not mentions at all (宪法权威 for 宪法)
  past_years: ignore (default) | keep — a sentence opening on a year before the report's
              (2021年，时任镇长出庭应诉…) tells another year's work: ignore masks it like unrelated
  unrelated:  stretches about other work altogether (亲自部署秋冬季森林防火): like ignore, and
              not even a ``generic`` hit there names the item
  law_titles: ignore — a hit inside the title of a national law or regulation (《中华人民
              共和国突发事件应对法》《信访工作条例》, as rules/data/law_titles.tsv lists them)
              names the law, not the year's work: it is not a mention (default: mention)
  require:    mention | figure | act — what makes a mention concrete (default act)
  concrete:   finer control, a list of figure / act / document (overrides require):
              require: act means [figure, act, document]; figure means [figure];
              mention means []
  min_distinct: a present reading needs this many distinct concrete phrases (the four
              亲自 phrases); fewer make it weak. Default 1.
  complete:   phrases that name all the distinct parts at once (四个亲自); default: sufficient
  parts:      parts where a mention counts (default: measures, frp, preamble, other);
              a mention only elsewhere (shortcomings, plan) is weak
  window:     sentence | paragraph — how far from the mention to look for concreteness
  anchor:     part kinds, in order of preference, whose heading a finding about a missing
              item points at (default measures; then the title line)
  weak_message: message when only weak mentions exist (``message`` is for missing);
              {found} is the weak mention
  elsewhere_message: message when the item is only named in the shortcomings or plan
  weak_severity: severity of the weak finding (default: the rule's severity)
  min_count:  a local threshold (a bureau profile's): the largest number of times (次/场/期)
              stated next to a concrete mention must reach it, else the item is weak
              (count_message, {count} {min_count}; uncounted_message when no number is given)
  observe:    false to report findings only, leaving the checklist reading to other rules
              (a sharper check of an item another rule already reads)
  concepts:   items made of two parts that reports split and reorder (律师 … 审核,
              旁听 … 庭审): a list of {things, acts, combine: clause|sentence, order:
              any|things-first, gap, breaks, as: phrase|sufficient|act} (see kinds/_concepts.py)
  act_window: clause | sentence | paragraph — where acts are looked for (default: window);
              figures and documents are always looked for in ``window``
  figure_scope: window (default) | item — with item, a figure in another clause of the
              window counts only when that clause tells no deed of its own (全年累计开展20次)
              or its deed names the item (开展以案释法6场): in 县长切实做到四个亲自，…审议
              规范性文件8件 the figure is another item's
  intentions: phrases marking a clause as an aim, a target or a norm (下一步, 将, 力争,
              应当, 要求 …; default "@intentions" from rules/data/reading.yaml, [] for none):
              a mention there is weak, and figures or acts there do not make one concrete.
              A sentence opening with "@plans" (下一步, 今后 …) is an aim throughout.
              Two kinds of clause in the shared list are told apart: "@shortfalls" (…还不够
              到位: weak, shortfall_message) and "@lacking" (本年度尚未聘请…: the item is
              missing, and the finding, lacking_message, points at the words)
  audience:   {counts: [...], not: [...], reads: weak|missing} — who the item is for. A
              mention (not a sufficient phrase) whose sentence names only ``not`` audiences is
              weak, or no mention at all with ``reads: missing`` (the finding still says why)
              (cadres studying the 宪法 is not publicity; a lecture for villagers is not the
              leaders' study); audience_message says so ({need} from need_message)
  recital:    {phrases: [...], min: N} — the parts of a formula (亲自部署 …, the decision
              steps): a clause naming ≥ N of them (or a ``complete`` phrase) recites the
              formula; acts there do not count, and a mention left without concrete
              evidence is weak with recital_message (the formula recited, no instance)
              ``done``: phrases telling the steps as gone through (经过…后才作出决定): a
              clause holding one is an instance, not the formula
  slogans:    phrases (anchored ``re:^…`` patterns) marking a clause as a call to do more
              (持续深化…, 大力弘扬…; "@slogans" in rules/data/reading.yaml): acts there do
              not make a mention concrete
  intention_message, audience_message, recital_message: the finding for those cases
              (defaults in rules/data/reading.yaml); {found} is the mention

Any phrase list may name a shared list of rules/data/reading.yaml as ``@name``.

Every phrase list may hold regular expressions written as ``re:<pattern>``. Phrases are
matched against the normalised text with quotation marks and 《》 ignored, so “八五”普法,
“谁执法谁普法” and 《宪法》宣传 match 八五普法, 谁执法谁普法, 宪法宣传; positions still map
to the user's text.
"""
from __future__ import annotations

import bisect
import functools
import re

from ..text.figures import figures
from ..document.result import Evidence, Observation
from ..text.phrases import QUOTE_RUN, compile_phrases, strip_quotes
from ..text.sentences import CLAUSE_STOP, SENTENCE_STOP
from ..vocab import PART_LABELS, checklist_label
from . import _concepts as concepts_
from . import _laws as laws_
from ._shared import (WINDOW_STOPS, Hit, anchor, find, find_concepts, heading_blocks, part_kinds, window,
                      window_span, with_severity, without)

_DEFAULT_PARTS = ("measures", "frp", "preamble", "other")
# A named document shows the item in practice; a form's name (《…意见书》《…登记表》) does not,
# nor does a national law or regulation the unit only studied or cited (see _own_document).
_NAMED_DOC = re.compile(r"《([^》]{2,60})(?<![书表])》|〔\d{4}〕\d+号")
# … nor one it names only as the ground of what it says (按照县委办《关于开展领导干部述法工作的
# 实施意见》执行, 见《…实施办法》第三章; the markers: reading.yaml's ``grounds``): someone's rule
# followed, not a piece of the year's work. The marker stands at most this many characters
# before the title, with no stop between.
_GROUND_GAP = 10
_GROUND_STOPS = re.compile(r"[，。；：《》\n]")
_LIST_KEYS = ("phrases", "sufficient", "generic", "acts", "zero", "ignore", "unrelated", "intentions", "complete", "slogans")
_WINDOWS = ("clause", "sentence", "paragraph")


# -- phrase matching over a quote-free view ------------------------------------------


# -- the kind ------------------------------------------------------------------------

def validate(params: dict) -> list[str]:
    problems = []
    if not params.get("phrases"):
        problems.append("topic 规则需要 phrases 列表")
    if params.get("law_titles", "mention") not in ("mention", "ignore"):
        problems.append("law_titles 只能是 mention / ignore")
    if params.get("require", "act") not in ("figure", "act", "mention"):
        problems.append("require 只能是 figure / act / mention")
    if not set(params.get("concrete", [])) <= {"figure", "act", "document"}:
        problems.append("concrete 只能包含 figure / act / document")
    if params.get("figure_scope", "window") not in ("window", "item"):
        problems.append("figure_scope 只能是 window / item")
    for key in ("window", "act_window"):
        if params.get(key, "sentence") not in _WINDOWS:
            problems.append(f"{key} 只能是 {' / '.join(_WINDOWS)}")
    problems.extend(concepts_.validate_concepts(params.get("concepts")))
    problems.extend(concepts_.validate_audience(params.get("audience")))
    recital = params.get("recital")
    if recital is not None and not (isinstance(recital, dict) and recital.get("phrases")
                                    and isinstance(recital.get("done", []), list)):
        problems.append("recital 需要 phrases 列表")
    for key in _LIST_KEYS:
        for name in concepts_.unknown_names(params.get(key)):
            problems.append(f"{key} 引用了不存在的词表 @{name}")
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
    n = params.get("min_count")
    if n is not None and (isinstance(n, bool) or not isinstance(n, int) or n < 1):
        problems.append("min_count 应是正整数（次数下限）")
    return problems


def _concrete_kinds(p) -> set[str]:
    if "concrete" in p:
        return set(p["concrete"])
    return {"mention": set(), "figure": {"figure"}, "act": {"figure", "act", "document"}}[p.get("require", "act")]


def hit_window(analysis, hit: Hit, size: str = "sentence") -> str:
    """The text around a hit that may show concreteness. A hit in a heading ("（二）持续优化
    法治营商环境") looks at the text under that heading."""
    doc = analysis.doc
    line = doc.line_of(hit.start)
    end = heading_blocks(analysis).get(line)
    if end is not None and end > line:
        return "\n".join(doc.line(n).norm for n in range(line, end + 1) if not doc.line(n).chrome)
    return window(analysis, hit.start, hit.end, size)


def _own_title(analysis, hit: Hit) -> tuple[int, int] | None:
    """The 《…》 title the hit lies in, if any: a document's name proves nothing about it."""
    return analysis.index.enclosing(hit.start, hit.end)


def _intentions(p):
    """The rule's aim/target/norm markers: the shared list unless it gives its own ([] = none)."""
    return p.get("intentions", "@intentions") or []


def _blank(text: str, spans) -> str:
    """The text with each (a, b) span turned to spaces (same length), in one pass: a window of
    thousands of slogan clauses was copied whole once per clause."""
    if not spans:
        return text
    pieces, at = [], 0
    for a, b in sorted(spans):
        a = max(a, at)
        if b > a:
            pieces += [text[at:a], " " * (b - a)]
            at = b
    pieces.append(text[at:])
    return "".join(pieces)


def concrete_text(analysis, hit: Hit, size: str, p) -> str:
    """The window around a hit as evidence may be read in it: aims, targets and norms blanked
    out. (The words of the hit's own 《…》 title are left out where acts are counted:
    _ActMatches.)"""
    bounds = _window_bounds(analysis, hit, size)
    text = hit_window(analysis, hit, size) if bounds is None else analysis.doc.content[bounds[0]:bounds[1]]
    intentions = _intentions(p)
    if intentions:
        text = concepts_.deeds_only(text, intentions, "@plans", analysis.year)
    return text


def _window_bounds(analysis, hit: Hit, size: str) -> tuple[int, int] | None:
    """The report offsets of a hit's window (a sentence with those that go on telling it);
    None for a hit in a heading, whose window is the text under it, read whole (its offsets
    are not the report's)."""
    line = analysis.doc.line_of(hit.start)
    end = heading_blocks(analysis).get(line)
    if end is not None and end > line:
        return None
    a, b = window_span(analysis, hit.start, hit.end, size)
    if size == "sentence":
        a, b = analysis.index.continued(a, b)
    return a, b


def _window_key(analysis, hit: Hit, size: str, place: tuple | None = None) -> tuple:
    """What identifies the window text around a hit: its heading block, or its bounds.
    (Asked for every hit of every rule: the index's bounds directly, not through window_span;
    ``place``, the hit's line and sentence when the caller has them, saves asking again.)"""
    if place is None:
        place = _place(analysis, hit)
    line = place[0]
    end = analysis.heading_blocks.get(line)
    if end is not None and end > line:
        return ("block", line, end)
    if size == "sentence":
        return ("sentence",) + place[1]
    return (size,) + analysis.index.bounds(hit.start, hit.end, WINDOW_STOPS[size])


def _place(analysis, hit: Hit) -> tuple[int, tuple[int, int]]:
    """A hit's line and sentence bounds: what each question about the hit starts from."""
    return analysis.doc.line_of(hit.start), analysis.index.bounds(hit.start, hit.end, SENTENCE_STOP)


_UNSET = object()


def is_concrete(analysis, hit: Hit, p, place: tuple | None = None) -> bool:
    """Whether the window around a hit shows the item concretely. Hits in one window share
    the answer, so it is judged once per window (and title): a long sentence full of hits
    costs its length once, not once per hit."""
    size = p.get("window", "sentence")
    act = p.get("act_window", size)
    if place is None:
        place = _place(analysis, hit)
    window_key = _window_key(analysis, hit, size, place)
    act_key = window_key if act == size else _window_key(analysis, hit, act, place)
    title = _own_title(analysis, hit)
    # (the hit's clause too: which figures of the window measure its item depends on it)
    key = ("concrete", id(p), window_key, act_key, title, analysis.index.bounds(hit.start, hit.end, CLAUSE_STOP))
    memo = analysis.index.memo
    found = memo.get(key, _UNSET)
    if found is _UNSET:
        found = memo[key] = _is_concrete(analysis, hit, p, title, window_key, act_key)
    return found


def _distinct_matches(text: str, phrases) -> set[str]:
    """The distinct non-empty texts a phrase list matches in a text."""
    pattern = compile_phrases(concepts_.expand(phrases))
    if pattern.groups:                  # (a regex entry with a group of its own: findall gives groups)
        return {m[2] for m in concepts_.matches(text, phrases)}
    found = set(pattern.findall(text))
    found.discard("")
    return found


def _is_concrete(analysis, hit: Hit, p, title, window_key, act_key) -> bool:
    kinds = _concrete_kinds(p)
    if not kinds:
        return True
    size = p.get("window", "sentence")
    remember = analysis.index.remember
    # What does not depend on the hit's own title is worked out once per window: a window
    # holding many titles (a "sentence" of a thousand 《…》 names with no stop) would
    # otherwise be read again, whole, for every one of them.
    text = remember(("concrete-text", id(p), window_key), lambda: concrete_text(analysis, hit, size, p))
    if "figure" in kinds and figures(text) and (p.get("figure_scope", "window") == "window"
                                                or _figure_of_the_item(analysis, hit, p, size, text)):
        return True
    if "act" in kinds and (p.get("acts") or p.get("concepts")):
        act_size = p.get("act_window", size)
        acts = remember(("act-matches", id(p), act_key),
                        lambda: _ActMatches(analysis, hit, act_size, p, text if act_key == window_key else None))
        if acts.distinct_outside(title, analysis, hit) >= p.get("min_acts", 1):
            return True
    return "document" in kinds and remember(("own-document", id(p), window_key),
                                            lambda: _own_document(text))


# A clause telling a deed of its own, its object before its figure (全年办理行政复议案件43件, 审议
# 规范性文件8件), counts other work: its figure says nothing of an item named in another clause.
# Not a deed told again (全年累计开展20次, 全年共举办此类讲座4场). The verbs, and the openers of a
# mention told as the means (通过发挥…作用，全年就地调处…), are reading.yaml's deed_verbs and means.
@functools.lru_cache(maxsize=1)
def _other_deed() -> "re.Pattern[str]":
    verbs = "|".join(map(re.escape, concepts_.expand("@deed_verbs")))
    return re.compile(r"(?:" + verbs + r")(?!此类|该类|此项|上述|类似|同类)([^\d，。；、]{2,16}?)\s*"
                      r"(?:\d|[一二两三四五六七八九十百千万]{1,6}(?:余|多)?[次场件项份个人期批起户])")


@functools.lru_cache(maxsize=1)
def _means() -> "re.Pattern[str]":
    return re.compile(r"^\s*(?:" + "|".join(map(re.escape, concepts_.expand("@means"))) + ")")


def _figure_of_the_item(analysis, hit: Hit, p, size: str, text: str) -> bool:
    """Whether a figure of the window measures the hit's item: one in the hit's own clause, or
    in a clause that tells no deed of its own, or one whose deed names the item or one of its
    acts (开展以案释法6场)."""
    bounds = _window_bounds(analysis, hit, size)
    if bounds is None:
        return True
    at = hit.start - bounds[0]
    spans = concepts_.clause_spans(text)
    own = next(((a, b) for a, b in spans if a <= at <= b), None)
    if own is not None and _means().match(text[own[0]:own[1]]):
        return True
    # (a clause counting with no deed of its own, 受众达18万人次, goes on telling the deed before
    # it: the mention's, unless another deed came between them)
    after_own, other_between = False, False
    for a, b in spans:
        clause = text[a:b]
        if (a, b) == own:
            if figures(clause):
                return True
            after_own = True
            continue
        deed = _other_deed().search(clause)
        if deed is not None and not (_names_item(deed.group(1), p) or _shares_a_word(deed.group(1), hit.key)):
            other_between = other_between or after_own
            continue
        # (before it: a date opening the sentence, 5月8日，镇党委书记…)
        if figures(clause) and (deed is not None or not other_between):
            return True
    return False


def _shares_a_word(words: str, mention: str) -> bool:
    """Whether a deed's object holds two characters of the mention in a row (亲自协调 … 召开协调会2次:
    the meeting is the coordination's)."""
    return any(mention[i:i + 2] in words for i in range(len(mention) - 1))


def _names_item(text: str, p) -> bool:
    """Whether a deed's words name the item: a phrase, an act or a concept's part of the rule."""
    lists = [p.get("phrases"), p.get("acts"), p.get("sufficient")]
    for concept in p.get("concepts") or ():
        lists += [concept.get("things"), concept.get("acts")]
    return any(words and concepts_.matches(text, words) for words in lists)


class _ActMatches:
    """The act phrases (and act concepts) in a hit's act window, read as evidence is read:
    aims, recitals and slogans blanked, quotes left out. The words of the hit's own 《…》
    title are no act (a document's name proves nothing), so ``distinct_outside(title)``
    counts the distinct acts outside it — what blanking the title before matching would give,
    without matching the window again for every title in it. (Offsets are worked out only
    for a hit that lies in a title: most hits do not.)"""

    def __init__(self, analysis, hit: Hit, size: str, p, text: str | None = None):
        if text is None:
            text = concrete_text(analysis, hit, size, p)
        self.size, self.raw = size, text
        stripped = strip_quotes(text)
        stripped = _blank(stripped, recital_clauses(stripped, p) + slogan_clauses(stripped, p))
        self.text, self.p = stripped, p
        # (the text is quote-free, so is every match in it)
        found = _distinct_matches(stripped, p.get("acts")) if p.get("acts") else set()
        found |= {m[2] for c in p.get("concepts") or () if c.get("as") == "act"
                  for m in concepts_.concept_matches(stripped, c)}
        self.distinct = len(found)
        self._placed = None

    def _matches(self):
        if self._placed is None:
            p = self.p
            shifts = _removed_before(self.raw) if strip_quotes(self.raw) is not self.raw else ()
            found = concepts_.matches(self.text, p["acts"]) if p.get("acts") else []
            found += [m for c in p.get("concepts") or () if c.get("as") == "act"
                      for m in concepts_.concept_matches(self.text, c)]
            found = sorted((_original(a, shifts), _original(b - 1, shifts) + 1, t) for a, b, t in found if b > a)
            counts: dict[str, int] = {}
            for _, _, t in found:
                counts[t] = counts.get(t, 0) + 1
            self._placed = (found, [a for a, _, _ in found], max((b - a for a, b, _ in found), default=0), counts)
        return self._placed

    def distinct_outside(self, title: tuple[int, int] | None, analysis, hit: Hit) -> int:
        """The distinct acts outside ``title``, the 《…》 title ``hit`` lies in (None: all)."""
        if title is None or not self.distinct:
            return self.distinct
        bounds = _window_bounds(analysis, hit, self.size)
        if bounds is None:
            return self.distinct
        start = bounds[0]
        found, starts, longest, counts = self._matches()
        t0, t1 = title[0] - start, title[1] - start
        lost: dict[str, int] = {}
        for a, b, t in found[bisect.bisect_left(starts, t0 - longest):bisect.bisect_left(starts, t1)]:
            if a < t1 and b > t0:
                lost[t] = lost.get(t, 0) + 1
        return len(counts) - sum(1 for t, n in lost.items() if n == counts[t])


def _removed_before(text: str) -> list[tuple[int, int]]:
    """For strip_quotes(text): (offset in the stripped text, characters removed up to there),
    one pair per quote run removed."""
    out, removed = [], 0
    for m in QUOTE_RUN.finditer(text):
        removed += m.end() - m.start()
        out.append((m.start() - (removed - (m.end() - m.start())), removed))
    return out


def _original(offset: int, shifts) -> int:
    """An offset of the stripped text as an offset of the text before quotes were removed."""
    if not shifts:
        return offset
    i = bisect.bisect_right(shifts, (offset, float("inf"))) - 1
    return offset + (shifts[i][1] if i >= 0 else 0)


def _own_document(text: str) -> bool:
    """A document of the unit's own named in ``text`` (《某镇突发事件总体应急预案》, 〔2023〕5号):
    not a law or regulation of the registry, which anyone can cite without doing anything."""
    return any((m.group(1) is None or not laws_.is_registered(m.group(1))) and not _cited_as_ground(text, m.start())
               for m in _NAMED_DOC.finditer(text))


def _cited_as_ground(text: str, start: int) -> bool:
    """Whether a ``grounds`` marker (按照, 见 …) introduces the title that opens at ``start``."""
    grounds = compile_phrases(concepts_.expand("@grounds"))
    for g in grounds.finditer(text, max(0, start - _GROUND_GAP - 4), start):
        if start - g.end() <= _GROUND_GAP and not _GROUND_STOPS.search(text, g.end(), start):
            return True
    return False


# A sentence opening on an earlier year than the report's (2021年，时任镇长出庭应诉…; 2022年12月4日，
# …开展国家宪法日宣传活动 in a report on 2023) tells another year's work — not 2022年以来 or
# 2021年至2023年, which run on into the report's year. (After a stop or a line's start, or an
# enumeration's 一是.) The year's digits are found first and the sentence start looked for in a
# bounded stretch before them: a pattern opening at every line's start with two space loops in
# a row was cubic on long blank runs (31 s on a fuzzed 100 KB report).
_YEAR_OPENING = re.compile(r"(?<![\d])(20\d\d)\s{0,2}年(?!\s*(?:度?以来|来|起|至|到|—|–|-|~|～|底前|前|上半年以来))")
_OPENS_SENTENCE = re.compile(r"(?:^|[。；！？\n])[ \t\u3000]{0,8}(?:[一二三四五六七八九十]{1,3}是[ \t\u3000]{0,4})?$")


def past_year_sentences(analysis) -> list[Hit]:
    """The report's sentences that open on a year before the report's, as hits."""
    def build():
        year, content = analysis.year, analysis.doc.content
        if not year:
            return []
        out = []
        for m in _YEAR_OPENING.finditer(content):
            if int(m.group(1)) < year and _OPENS_SENTENCE.search(content, max(0, m.start() - 16), m.start()):
                a, b = analysis.index.bounds(m.start(1), m.end(1), SENTENCE_STOP)
                out.append(Hit(a, b, content[a:b]))
        return out
    return analysis.index.remember("past-year-sentences", build)


def law_title_hits(analysis) -> list[Hit]:
    """The report's 《…》 titles of national laws and regulations (the registry's), as hits."""
    def build():
        content = analysis.doc.content
        if "《" not in content:
            return []
        return [Hit(m.start(), m.end(), m.group(1)) for m in laws_.TITLE.finditer(content)
                if laws_.is_registered(m.group(1))]
    return analysis.index.remember("law-titles", build)


def weak_reason(analysis, hit: Hit, p, sufficient: bool = False, sentence: tuple[int, int] | None = None) -> str | None:
    """Why a mention in an allowed part is not the year's work, if a reviewer would say so:
    intention (an aim, a target or a norm), shortfall (told as not done well enough), lacking
    (told as not done), audience (the wrong people taught). ``sentence``:
    the hit's sentence bounds, when the caller has them."""
    intentions = _intentions(p)
    if intentions and _in_intention(analysis, hit, intentions, sentence):
        # (what the report says was not done, or not well enough, is no plan)
        return concepts_.unmet(analysis.doc.content, hit.start, hit.end, analysis.year,
                               analysis.index.bounds(hit.start, hit.end, CLAUSE_STOP)) or "intention"
    if sufficient and p.get("slogans") and _in_slogan(analysis, hit, p):
        # (进一步规范执法记录仪使用管理: the device named in a call to do better, nothing counted)
        return "slogan"
    if not sufficient and p.get("audience"):
        if _wrong_audience(analysis, hit, p["audience"]):
            return "audience"
    return None


def _wrong_audience(analysis, hit: Hit, audience: dict) -> bool:
    """concepts_.wrong_audience on the hit's sentence, worked out once per sentence and rule
    (each of a sentence's hits asks: a sentence of thousands of hits was read once per hit)."""
    a, b = window_span(analysis, hit.start, hit.end)
    return analysis.index.remember(("wrong-audience", id(audience), a, b),
                                   lambda: concepts_.wrong_audience(analysis.doc.content[a:b], audience))


def _in_slogan(analysis, hit: Hit, p) -> bool:
    """Whether the hit's clause opens on a call to do more (``slogans``) in a sentence that
    counts nothing (深化“民法典宣传月”等主题活动，全年开展…186场次 tells the campaign held)."""
    content, bounds = analysis.doc.content, analysis.index.bounds
    a, b = bounds(hit.start, hit.end, CLAUSE_STOP)
    if not concepts_.matches(content[a:b], p["slogans"]):
        return False
    # (a campaign named in quotes is an occasion, whatever the call around it:
    # 深入开展“美好生活·民法典相伴”主题宣传活动)
    opened = content.rfind("“", a, hit.start)
    if opened >= 0 and content.find("”", opened, hit.start) < 0 and content.find("”", hit.end, b) >= 0:
        return False
    a, b = bounds(hit.start, hit.end, SENTENCE_STOP)
    return not figures(content[a:b])


def _in_intention(analysis, hit: Hit, intentions, sentence: tuple[int, int] | None = None) -> bool:
    """concepts_.is_intention on the hit's sentence, with the sentence's intention clauses
    worked out once (every hit of every rule in that sentence asks)."""
    a, b = sentence or analysis.index.bounds(hit.start, hit.end, SENTENCE_STOP)
    key = ("intention-clauses", a, b, intentions if isinstance(intentions, str) else tuple(intentions))
    memo = analysis.index.memo
    clauses = memo.get(key)
    if clauses is None:
        clauses = memo[key] = sorted(concepts_.intention_clauses(
            analysis.doc.content[a:b], intentions, "@plans", year=analysis.year))
    at = hit.start - a
    if len(clauses) <= 8:               # (a sentence has a clause or two of aims, if any)
        for x, y in clauses:
            if x <= at < y:
                return True
        return False
    i = bisect.bisect_right(clauses, (at, float("inf")))
    return any(x <= at < y for x, y in clauses[max(0, i - 8):i])


def recital_clauses(text: str, p) -> list[tuple[int, int]]:
    """Clauses of a text that recite the rule's formula: at least ``recital.min`` distinct
    parts of it in one clause (坚持公众参与、专家论证、风险评估…等程序) with no figure, or a
    phrase naming the whole formula (四个亲自). Acts there are the formula, not an instance of it."""
    recital = p.get("recital")
    if not recital:
        return []
    out = []
    for a, b in concepts_.clause_spans(text):
        clause = text[a:b]
        if p.get("complete") and concepts_.matches(clause, p["complete"]):
            out.append((a, b))
        elif len({m[2] for m in concepts_.matches(clause, recital["phrases"])}) >= recital.get("min", 2) \
                and not _counts_work(clause) and not concepts_.matches(clause, recital.get("done")):
            out.append((a, b))
    return out


# A figure that counts the formula's own steps ("等5项法定程序") counts no work.
_FORMULA_COUNT = re.compile(r"\s*(?:法定|决策|工作)?(?:程序|环节|步骤|制度|要求)")


def _counts_work(clause: str) -> bool:
    """Whether a clause holds a figure of work done (经过2轮公开征求意见): a formula counts nothing."""
    return any(not _FORMULA_COUNT.match(clause, f.end()) for f in figures(clause))


def slogan_clauses(text: str, p) -> list[tuple[int, int]]:
    """Clauses of a text that open on a call to do more (持续深化…, 推动…深入人心): the
    words of the work they name (宣传, 普法) are a slogan there, not an act."""
    if not p.get("slogans"):
        return []
    return [(a, b) for a, b in concepts_.clause_spans(text) if concepts_.matches(text[a:b], p["slogans"])]


def _recited(analysis, hit: Hit, p, place: tuple | None = None) -> bool:
    if not p.get("recital"):           # (most rules have no formula: no window to build)
        return False
    size = p.get("window", "sentence")
    key = ("recited", id(p), _window_key(analysis, hit, size, place))
    return analysis.index.remember(
        key, lambda: bool(recital_clauses(strip_quotes(hit_window(analysis, hit, size)), p)))


def read(analysis, rule):
    """Classify a topic's hits: (state, hits, reason, weak_only_elsewhere). ``reason`` says
    why a weak reading is weak: intention, shortfall, audience, recital or None (no concrete detail);
    "lacking" or "audience" with a missing reading: the only mentions tell the item was not done,
    or (audience.reads: missing) are for the wrong people."""
    p = rule.params
    doc = analysis.doc
    allowed = set(p.get("parts", _DEFAULT_PARTS))
    sufficient = find(analysis, p.get("sufficient")) + find_concepts(analysis, p.get("concepts"), "sufficient")
    mentions = find(analysis, p["phrases"]) + find_concepts(analysis, p.get("concepts"), "phrase")
    generic_list = p.get("generic")
    if not sufficient and not mentions and not generic_list and not p.get("zero"):
        return "missing", [], None, False   # (nothing to mask: the masks' lists are not searched)
    # (another year's work told is no mention of this year's: past_years: keep turns it off)
    unrelated = find(analysis, p.get("unrelated")) + \
        (past_year_sentences(analysis) if p.get("past_years", "ignore") == "ignore" else [])
    title_masks = law_title_hits(analysis) if p.get("law_titles") == "ignore" else []
    masks = find(analysis, p.get("ignore")) + unrelated + title_masks
    strong, weak, elsewhere, absent_hits = [], [], [], []
    reasons: dict[Hit, str | None] = {}
    # what reads as no mention at all, only a finding at the words: told as not done, and —
    # where the rule says so — the wrong audience (a lecture for villagers is no leaders' study)
    absent = {"lacking"} | ({"audience"} if (p.get("audience") or {}).get("reads") == "missing" else set())

    kinds_by_line, line_of, bounds = part_kinds(analysis), doc.line_of, analysis.index.bounds

    def where(h):
        return kinds_by_line[line_of(h.start)]

    # Both kinds of hit in the order of the text: once strong hits stand on as many lines as
    # the checklist shows (observe), later hits change nothing a user sees — unless the rule
    # counts them (min_count) or wants several distinct ones (min_distinct). A long report is
    # then read as far as its evidence, not to its end, for an item it tells plainly.
    settled_at = None if p.get("min_count") or p.get("min_distinct", 1) > 1 else EVIDENCE_LINES
    strong_lines: set[int] = set()
    # (ties keep the lists' order: a phrase's hit before a concept's at the same place)
    ordered = sorted([(h.start, 0, i, h) for i, h in enumerate(without(sufficient, masks))]
                     + [(h.start, 1, i, h) for i, h in enumerate(without(mentions, masks + sufficient))])
    found_elsewhere = []                # (shown in the lists' order: the sufficient words first)
    for _, is_mention, i, h in ordered:
        line = line_of(h.start)
        if kinds_by_line[line] not in allowed:
            found_elsewhere.append((is_mention, i, h))
            continue
        if not is_mention:
            reason = weak_reason(analysis, h, p, sufficient=True)
        else:
            place = (line, bounds(h.start, h.end, SENTENCE_STOP))  # (every question below starts here)
            reason = weak_reason(analysis, h, p, sentence=place[1])
            if not reason and not is_concrete(analysis, h, p, place):
                reasons[h] = "recital" if _recited(analysis, h, p, place) else None
                weak.append(h)
                continue
        if reason:
            reasons[h] = reason
            (absent_hits if reason in absent else weak).append(h)
            continue
        strong.append(h)
        strong_lines.add(line)
        if settled_at is not None and len(strong_lines) >= settled_at:
            break
    elsewhere = [h for *_, h in sorted(found_elsewhere)]
    weak.sort(key=lambda h: h.start)
    if strong and p.get("min_distinct", 1) > 1:
        named = p.get("complete") or p.get("sufficient")
        whole = compile_phrases(concepts_.expand(named)) if named else None
        if not any(whole and whole.fullmatch(h.key) for h in strong):
            if len({h.key for h in strong}) < p["min_distinct"]:
                weak, strong = sorted(weak + strong, key=lambda h: h.start), []
    if not strong and p.get("zero"):
        strong = [h for h in without(find(analysis, p["zero"]), masks) if where(h) in allowed]
    if strong:
        return "present", sorted(strong, key=lambda h: h.start), None, False
    if weak:
        plain = [h for h in weak if reasons.get(h) is None]
        first = plain[0] if plain else weak[0]
        return "weak", [first] + [h for h in weak if h is not first], reasons.get(first), False
    if elsewhere:
        return "weak", elsewhere, None, True
    # (what `ignore` keeps from counting as the item, a slogan say, may still name it: generic)
    generic = [h for h in without(find(analysis, generic_list), title_masks + unrelated)]
    if generic:
        return "weak", generic, None, False
    if absent_hits:                     # not the item: missing, and the finding says why
        absent_hits.sort(key=lambda h: h.start)
        return "missing", absent_hits, reasons[absent_hits[0]], False
    return "missing", [], None, False


def _weak_message(p, reason: str | None) -> str | None:
    if reason is None:
        return p.get("weak_message")
    text = p.get(f"{reason}_message") or concepts_.message(reason)
    if reason == "audience":
        need = p["audience"].get("need_message") or concepts_.message("need_" + p["audience"].get("need", "public"))
        text = text.replace("{need}", need)
    return text


def check(analysis, rule):
    p = rule.params
    doc = analysis.doc
    state, hits, reason, elsewhere = read(analysis, rule)
    if state == "present" and p.get("min_count"):
        short = _below_min_count(analysis, rule, hits)
        if short:
            return short
    if state == "present":
        return observe(rule, "present", analysis, hits)
    kinds = p.get("anchor", ["measures"])
    if state == "weak":
        first = hits[0]
        if elsewhere:
            label = _label(rule)
            message = p.get("elsewhere_message") or \
                f"{label}只在{_places(analysis, hits)}中提到，未写明本年度的落实情况"
            span = anchor(analysis, kinds)
        else:
            message = _weak_message(p, reason)
            span = doc.span(first.start, first.end)
        diag = rule.diagnostic(span, message, found=first.text(doc),
                               context=analysis.paragraph(doc.line_of(first.start)))
        return [with_severity(diag, p.get("weak_severity"))] + observe(rule, "weak", analysis, hits)
    if reason in ("lacking", "audience"):
        first = hits[0]
        diag = rule.diagnostic(doc.span(first.start, first.end), _weak_message(p, reason),
                               found=first.text(doc), context=analysis.paragraph(doc.line_of(first.start)))
        return [diag] + observe(rule, "missing", analysis, [])
    return [rule.diagnostic(anchor(analysis, kinds))] + observe(rule, "missing", analysis, [])


def _places(analysis, hits) -> str:
    """Where the mentions outside the rule's parts are, as the clerk's headings name them:
    “存在的不足”, “存在的不足”或“下一年度工作安排”."""
    kinds_by_line, line_of = part_kinds(analysis), analysis.doc.line_of
    kinds = [kinds_by_line[line_of(h.start)] for h in sorted(hits, key=lambda h: h.start)]
    names = [f"“{PART_LABELS[k]}”" if k in PART_LABELS else "标题或落款" for k in kinds]
    return "或".join(dict.fromkeys(names))


# "召开专题会议3次", "学法十二次", "举办讲座2期"; not an ordinal ("第3次会议")
_TIMES = re.compile(r"(?<!第)(\d{1,4}|[一二两三四五六七八九十百]{1,4})\s*(?:次|场次|场|期|轮)")


def _below_min_count(analysis, rule, hits):
    """A local threshold (min_count, from a bureau profile): the largest number of times stated
    next to the item's mentions must reach it; no stated number is short of it too."""
    from ..text.numerals import cn_number
    p = rule.params
    doc = analysis.doc
    counts = []
    for h in hits:
        for m in _TIMES.finditer(hit_window(analysis, h, p.get("window", "sentence"))):
            n = int(m.group(1)) if m.group(1).isdigit() else cn_number(m.group(1))
            if n is not None:
                counts.append(n)
    count = max(counts) if counts else None
    if count is not None and count >= p["min_count"]:
        return []
    first = hits[0]
    if count is None:
        message = p.get("uncounted_message") or "“{found}”没有写明次数；本地要求{label}不少于{min_count}次"
    else:
        message = p.get("count_message") or "“{found}”：{label}写了{count}次，本地要求不少于{min_count}次"
    diag = rule.diagnostic(doc.span(first.start, first.end), message, found=first.text(doc), count=count,
                           min_count=p["min_count"], label=_label(rule),
                           context=analysis.paragraph(doc.line_of(first.start)))
    return [with_severity(diag, p.get("weak_severity"))] + observe(rule, "weak", analysis, hits)


def _label(rule) -> str:
    return checklist_label(rule.checklist) if rule.checklist else rule.name


EVIDENCE_LINES = 5          # the lines of a report a checklist item shows as its evidence


def observe(rule, state, analysis, hits):
    if not rule.checklist or rule.params.get("observe", True) is False:
        return []
    doc = analysis.doc
    evidence, seen = [], set()
    for h in sorted(hits, key=lambda h: h.start):
        n = doc.line_of(h.start)
        if n not in seen and len(seen) < EVIDENCE_LINES:
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
