"""The report's outline: headings, their tree, and the five required parts.

Most real reports type their numbering by hand (一、 /（一）/ 1. /（1）) rather than use
heading styles, so headings are found from literal numbering first and from .docx style
levels second. Each top-level part is then classified as one of the parts the 督察规定
requires: measures, shortcomings, frp (first responsible person), plan, other.

What the outline copes with, because real reports do it:

- a heading followed by its paragraph on the same line (“（一）依法全面履行政府职能。一是…”);
- mixed numbering inside one list (（1）…（9） then （十）（十一）): the continuation keeps the
  level of the list it continues;
- lists typed with top-level numbers inside a part (a second “一、” under “四、”): a restart
  of the top-level numbering is a list, not a new part;
- a truncated copy with a single “一、”: the top level is the shallowest numbering present;
- a part named by theme (一、加强党的领导) rather than “主要举措和成效”;
- the frp part placed first, or written as a sub-item of the measures part (embedded);
- one heading naming two parts (三、工作不足及2022年工作主要安排), split by its sub-headings
  or, lacking them, at the paragraph where the plan begins;
- an unnumbered line standing alone that names a required part (“存在的问题”).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from ..text.numerals import cn_number
from .document import Document
from .signature import find_signature


# rank: 0 第一部分  1 一、  2 （一）  3 1.  4 （1）/1）/1.1  5 ①; enumerations (一是) are kept apart.
_HEADING_PATTERNS = [
    # 第一部分 工作开展情况 / 第二部分：存在的问题 — some regions number the parts so, with 一、 inside
    (0, "cn-part", re.compile(r"^\s*第([一二三四五六七八九十]{1,3})部分\s*(?:[、，：:.．]\s*)?")),
    # (一.2022年主要工作…: a year may follow the dot, where a digit of a number may not)
    (1, "cn-dun", re.compile(r"^\s*([一二三四五六七八九十]{1,3})\s*(?:、|[，．.](?![一二三四五六七八九十]|\d(?!\d{3}年)))\s*")),
    # 【一】坚持党建引领…: the parts numbered in brackets, as some departments' pages set them
    (1, "cn-bracket", re.compile(r"^\s*【\s*([一二三四五六七八九十]{1,3})\s*】\s*")),
    (2, "cn-paren", re.compile(r"^\s*（\s*([一二三四五六七八九十]{1,3})\s*）\s*(?:[、，.]\s*)?")),
    # (a digit after the dot is a decimal, 1.5万元 — but not a year: "1．2024年依法行政工作…")
    (3, "arabic-dot", re.compile(r"^\s*(\d{1,2})\s*(?:[.](?!\d)|[.](?=(?:19|20)\d\d\s*年)|、)\s*")),
    # 1.1 压紧压实第一责任人职责: a sub-item numbered under "1.", set off by a space (1.5万元,
    # 12.4国家宪法日 and 3.15 are figures and dates)
    (4, "arabic-decimal", re.compile(r"^\s*\d{1,2}[.．](\d{1,2})[ \t\u3000]+")),
    (4, "arabic-paren", re.compile(r"^\s*（\s*(\d{1,2})\s*）\s*(?:[、，.]\s*)?")),
    (4, "arabic-half-paren", re.compile(r"^\s*(\d{1,2})）\s*")),
    (5, "circled", re.compile(r"^\s*([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*")),
]
LIST_RANK = 6            # a restart of the top-level numbering inside a part: a list item
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# 一是 … 二是 …: ([…]{1,3})是 spelled with the class first, so that the engine's prefix scan
# finds it (the outline's enumerations, and the punctuation kind's checks of them)
ENUMERATION = re.compile(r"([一二三四五六七八九十][一二三四五六七八九十]{0,2})是")
_SENTENCE_END = re.compile(r"[。；！？]")
# What cannot follow a number for it to be a heading: units, dates, ranks ("1.5万元" is
# refused by the pattern; "2、3月份" and "1、2号楼" by this; "一、年度重点任务落实情况" is a title).
_NOT_A_TITLE = re.compile(r"^(?:\d{0,2}(?:[月日号期批次个项件人名家万亿元%％]|年(?!度))|[二三四五六七八九十][、级类等])")


_FRP = (r"第一责任(?:人)?|主要负责(?:人|同志)(?:切实|认真|严格|带头)?(?:履行|履职)|"
        r"主要(?:负责人|负责同志|领导|责任人).{0,12}(?:职责|责任)(?:情况)?|"
        # 领导班子带头推进法治建设情况: the leaders' part named by what they did
        r"(?:领导班子|主要领导|主要负责人|一把手|书记|镇长|乡长|县长|区长|市长|局长)[”\"’]?(?:亲自|带头)?(?:推进|抓)法治(?:政府)?建设|"
        # 局党组书记、局长履行推进法治建设首要职责情况: the duty named in other words
        r"(?:书记|镇长|乡长|县长|区长|市长|州长|旗长|局长|厅长|主任|主要领导|负责人)\S{0,10}履行\S{0,6}"
        r"法治(?:政府)?建设\S{0,4}(?:职责|责任)")
_KIND_WORDS = {
    "frp": re.compile(_FRP),
    # (a year's 重点工作 ending the heading is its plan: "四、2024年重点工作"; "2023年重点工作完成情况"
    # is the measures)
    # (改进措施 and a year's 谋划 are the plan too: "四、改进措施", "四、2024年工作谋划")
    "plan": re.compile(r"下一步|下步|下一年|下年度|明年|今后|来年|展望|努力方向|改进方向|"
                       r"(?:改进|整改)(?:措施|举措)|"
                       r"(?:工作|主要)?(?:安排|打算|思路|设想)(?!部署)|工作计划|目标举措|目标任务|"
                       r"20\d\d年(?:度)?(?:的)?(?:重点工作|工作重点|重点任务)(?:清单)?$|20\d\d年\S{0,14}?谋划$|"
                       # (四、2024年推进法治政府建设的主要举措和目标: the measures to come and their
                       # aims; 主要举措和成效 is the year's)
                       r"(?:举措|措施|任务|思路)(?:和|及|与|、)(?:工作)?目标$"),
    "shortcomings": re.compile(r"不足|存在(?:的)?(?:主要)?(?:问题|困难)|问题(?:和|与|及)|困难(?:和|与|及)?问题|"
                               r"短板|差距|薄弱|弱项|原因分析"),
    # (一、本局机构设置和人员编制基本情况: the unit's profile, no part of the 督察规定's five and
    # none of the year's work; a bare 基本情况 may hold the work and stays as it is)
    "other": re.compile(r"其他|其它|意见建议|需要报告|需报告|机构设置|人员编制|单位概况|机构概况|机构职能"),
    "measures": re.compile(r"举措|措施|成效|工作情况|开展情况|主要做法|主要工作|建设情况|推进情况|"
                           # (一、街道基本情况 is the unit's profile; 法治政府建设基本情况 its work)
                           # (一、本人2023年度推进法治政府建设履职情况: a leader's own report; …推进及落实成果)
                           r"工作成果|落实成果|履职情况|主要成绩|取得|总体情况|(?:法治|建设|工作|推进)\S{0,6}基本情况|落实情况|完成情况|"
                           # the year's work in plain words: 工作回顾, 具体做法与进展, 干了什么
                           r"回顾|做法|进展|收获|哪些效果?|干了什么|做了哪些|抓了哪些|实际工作|"
                           # (一、本年度推进依法行政的重点工作及成果; 重点工作推进及成果; 工作纪实, the year
                           # told as a record)
                           r"(?:工作|推进|开展|落实)(?:和|及|与|、)(?:成效|成果)|工作纪实"),
}
# Words that name a part only when the heading does not use them as the object of an
# action: "聚焦短板弱项，提升执法质效" and "创新工作思路" are themes of the year's work,
# "存在的短板" and "2022年工作思路" are parts.
_WEAK = {
    "shortcomings": re.compile(r"短板|差距|薄弱|弱项|问题(?:和|与|及)"),
    "plan": re.compile(r"(?:工作|主要)?(?:安排|打算|思路|设想)|工作计划|目标举措|目标任务"),
}
_STRONG = {
    "shortcomings": re.compile(r"不足|存在(?:的)?(?:主要)?(?:问题|困难|短板|差距)|困难(?:和|与|及)?问题|"
                               r"问题(?:和|与|及)(?:不足|原因|短板|差距|困难)|原因分析"),
    "plan": re.compile(r"下一步|下步|下一年|下年度|明年|今后|来年|展望|努力方向|改进方向|"
                       r"^(?:改进|整改)(?:措施|举措)$|"
                       r"20\d\d年\S{0,14}?(?:思路|安排|计划|打算|设想|目标|谋划)|20\d\d年(?:度)?(?:的)?(?:重点工作|工作重点|重点任务)(?:清单)?$"),
}
_ACTION = re.compile(r"^(?:\S{0,4}?)(?:加强|提升|推进|聚焦|补齐|补|强化|完善|健全|深化|坚持|着力|狠抓|创新|破解|"
                     r"解决|化解|整改|弥补|攻克|针对|缩小|夯实|优化|抓好|统筹|科学|系统|全面)")
# A measures/plan heading that names a problem to solve is not the shortcomings part.
_SOLVING = re.compile(r"问题导向|补齐|补短板|破解|解决|化解|整改(?!.{0,4}(?:思路|措施|安排))")
# Wording that opens the plan inside a combined part when it has no sub-headings.
_PLAN_START = re.compile(r"^(?:[一二三四五六七八九十]是)?\s*(?:下一步|下步|下阶段|今后|接下来|"
                         r"20\d\d年(?:度)?[，,]?\s*(?:我|本)?\S{0,8}?将|明年)")
# Strong wording for a part named by a line that carries no number.
_UNNUMBERED = {
    "shortcomings": re.compile(r"^(?:\S{0,16}?)(?:存在(?:的)?(?:主要)?(?:问题|不足)|不足之处|问题和不足|"
                               r"不足和问题|困难和问题|短板和不足)"),
    "plan": re.compile(r"^(?:\S{0,16}?)(?:下一步|下步|下一年度?|(?:20\d\d年(?:度)?)\S{0,12}?"
                       r"(?:思路|安排|计划|打算))"),
    "frp": re.compile(r"第一责任人"),
    # the whole line names the year's measures: 主要举措和成效, 2023年法治政府建设工作开展情况
    "measures": re.compile(r"^(?:\S{0,20}?)(?:(?:主要)?(?:举措|做法|工作)(?:和|及|与|、)(?:成效|成果)|"
                           r"(?:工作|建设)(?:开展|推进|完成)情况)$"),
}
_CAUSES = re.compile(r"原因")
# A short line opening with a numeral but no separator, e.g. "一主要举措和成效" (not 一是,
# 一年来, 一批 … which are words).
_BARE_NUMBERED = re.compile(r"^\s*([一二三四五六七八九十])(?![是些步年批系把直定般起方线次致项个份贯向度点半共季月天周级体站以要切"
                            r"二三四五六七八九十])\s*([^\s，。；：、,.;:（）()“”]{3,30})\s*$")
# The 落款 at the end: an issuer line or two above a short date line.


@dataclass
class Heading:
    """A numbered or styled heading line and its rank in the heading tree."""

    line: int
    rank: int
    style: str            # cn-dun, cn-paren, arabic-dot, arabic-paren, circled, style, bare
    number: int | None    # the number the heading carries (None for style-only/unnumbered)
    label: str            # the literal label as typed: "一、", "（1）"
    title: str            # heading text without its label (normalised)
    inline_body: bool     # the paragraph continues after the heading sentence
    children: list["Heading"] = field(default_factory=list)
    typed_rank: int | None = None   # the rank its label alone suggests, when it was changed
    style_level: int | None = None  # the .docx heading level of its paragraph, if any
    # a run-in first heading whose line goes on with its first sub-item (…报告如下。一、…情况（一）…):
    # the （二） on a later line is that list's second item, not this heading's level
    runs_into_sub_item: bool = False

    @property
    def list_item(self) -> bool:
        return self.rank == LIST_RANK


@dataclass
class Part:
    """One of a report's parts (measures, shortcomings, …) and the lines it spans."""

    kind: str             # measures | shortcomings | frp | plan | other
    start: int            # first line (the heading line when there is one)
    end: int              # last line, inclusive
    heading: Heading | None
    title: str
    embedded: bool = False   # a sub-item of another part rather than a part of its own
    themed: bool = False     # a measures (or leaders') part named by a theme of the work, not
                             # by the part ("主要举措和成效", "…第一责任人职责情况")
    combined: bool = False   # split out of a heading that names two parts
    names_causes: bool = False   # the heading itself names causes (不足和原因)
    outer_start: int | None = None   # for a combined part: the line of the heading naming both

    def lines(self) -> range:
        return range(self.start, self.end + 1)

    def to_dict(self) -> dict:
        return {"kind": self.kind, "title": self.title, "start": self.start, "end": self.end,
                "embedded": self.embedded, "themed": self.themed, "combined": self.combined,
                "names_causes": self.names_causes}


@dataclass
class Outline:
    """A report's headings, their tree and its parts."""

    headings: list[Heading]        # every heading, in document order
    roots: list[Heading]           # the heading tree
    parts: list[Part]              # classified parts, in document order (embedded included)
    body_start: int                # first line after the preamble
    enumerations: dict[int, list[tuple[int, int]]]  # line -> [(number, norm offset)] of 一是/二是
    top_rank: int = 1

    def parts_of(self, *kinds: str, embedded: bool = True) -> list[Part]:
        return [p for p in self.parts if p.kind in kinds and (embedded or not p.embedded)]

    def part_at(self, line: int) -> Part | None:
        """The innermost part containing a line (an embedded part wins over its host)."""
        table = self._part_by_line
        return table[line] if 0 <= line < len(table) else None

    @cached_property
    def _part_by_line(self) -> list[Part | None]:
        """line -> part_at(line), painted once: the last embedded part containing the line,
        else the first part containing it, else (the heading line of a combined part) the
        first part split out of it."""
        size = max((p.end for p in self.parts), default=0) + 1
        table: list[Part | None] = [None] * size
        for p in reversed(self.parts):
            if p.outer_start is not None:
                table[max(0, p.outer_start):p.end + 1] = [p] * (p.end + 1 - max(0, p.outer_start))
        for p in reversed(self.parts):
            table[p.start:p.end + 1] = [p] * (p.end + 1 - p.start)
        for p in self.parts:
            if p.embedded:
                table[p.start:p.end + 1] = [p] * (p.end + 1 - p.start)
        return table


# A list bullet before a numbered heading (■ 一、…, as a table or a list copies it)
_BULLET = re.compile(r"^\s*[■□●○◆◇▪•]\s*(?=[一二三四五六七八九十（\d第])")


# What every numbered heading pattern (and the bare 一主要举措) opens with after its spaces: one
# test turns away a line of prose instead of ten (most lines of a report are prose)
_NUMBERED_START = re.compile(r"\s*[第一二三四五六七八九十【（\d①-⑳]")


def find_heading(text: str, line: int, style_level: int | None = None) -> Heading | None:
    """The heading a line opens with, if any (literal numbering first, then a style level)."""
    text = _BULLET.sub("", text, count=1)
    for rank, style, pattern in (_HEADING_PATTERNS if _NUMBERED_START.match(text) else ()):
        m = pattern.match(text)
        if not m:
            continue
        raw = m.group(1)
        if raw in _CIRCLED:
            number = _CIRCLED.index(raw) + 1
        else:
            number = int(raw) if raw.isdigit() else cn_number(raw)
        rest = text[m.end():].strip()
        if not rest or number is None or _NOT_A_TITLE.match(rest):
            return None
        title, inline = _split_title(rest)
        if rank >= 3 and not _plausible_arabic_heading(title, inline):
            return None
        return Heading(line, rank, style, number, text[: m.end()].strip(), title, inline,
                       style_level=style_level)
    bare = _BARE_NUMBERED.match(text) if _NUMBERED_START.match(text) else None
    if bare and _kind_of(bare.group(2))[0] is not None:
        # "一主要举措和成效": a part heading whose 、 was dropped (the numbering rules flag it).
        return Heading(line, 1, "cn-bare", cn_number(bare.group(1)), bare.group(1), bare.group(2).strip(),
                       False, style_level=style_level)
    if style_level and style_level > 0:
        title, inline = _split_title(text.strip())
        if title:
            return Heading(line, style_level, "style", None, "", title, inline, style_level=style_level)
    return None


# The intro's closing formula with the first part's heading run on after it, as a page copy
# that lost its line breaks shows it ("…现将有关情况报告如下：一、2022年推进法治政府建设的主要举措和
# 成效（一）强化组织领导，…"): the heading is read there, and from that line on the text is the
# first part. Only after 如下： and only 一、: an enumeration inside a paragraph (有以下三点：一、…；
# 二、…) is not a part. The title ends before a run-on sub-item or a gap of full-width spaces.
_RUN_IN_OPENER = re.compile(r"如下\s*[:：。][\s\u3000]*(?=一\s*[、.．])")
_RUN_IN_TITLE_END = re.compile(r"[（(][一二三四五六七八九十1-9][）)]|[ \u3000]{2}")


def _run_in_heading(text: str, line: int, style_level: int | None) -> Heading | None:
    """The first part's heading run on after the intro's closing formula, if any."""
    m = _RUN_IN_OPENER.search(text) if "如下" in text else None
    if not m:
        return None
    rest = text[m.end():]
    end = _RUN_IN_TITLE_END.search(rest, 2)
    h = find_heading(rest[: end.start()] if end else rest, line, style_level)
    if h is None or h.number != 1 or h.style != "cn-dun":
        return None
    h.inline_body = True
    h.runs_into_sub_item = bool(end and end.group(0)[0] in "（(")
    return h


# (a heading whose paragraph follows after a gap of spaces, as a page copy joins them:
# "二、推进依法行政，规范权力运行　　严格落实…。" — a gap followed by a sentence, not the
# letter-spaced gap of a title alone)
_TITLE_END = re.compile(r"[。；！？]|(?<=\S)[ \u3000]{2,}(?=[^。；！？\n]{4,200}[。；！？])")
_TITLE_STOP = re.compile(r"[。；！？]")
_GAP = re.compile(r"(?<=\S)[ \u3000]{2,}")


def _title_end(rest: str) -> tuple[int, int] | None:
    """``_TITLE_END.search(rest).span()``, without its backtracking: the engine gives back a
    long gap's spaces one by one and reads up to 200 characters ahead after each (a heading
    followed by 200,000 spaces took 1.9 s). A gap before the first stop S, spaces g..r, matches
    where some end p in g+2..r leaves 4 to 200 characters before S — S - r <= 200 and
    S - g - 2 >= 4 — and ends at the last such p, min(r, S - 4)."""
    if "\n" in rest:                    # (one line's text has none: the regex, to be exact)
        m = _TITLE_END.search(rest)
        return m and m.span()
    stop = _TITLE_STOP.search(rest)
    if stop is None:
        return None                     # (the gap's lookahead needs a stop after it)
    s = stop.start()
    for gap in _GAP.finditer(rest, 0, s):
        g, r = gap.span()
        if s - r <= 200 and s - g - 2 >= 4:
            return g, min(r, s - 4)
    return s, s + 1


def _split_title(rest: str) -> tuple[str, bool]:
    end = _title_end(rest)
    if end and end[1] < len(rest.rstrip()):
        return rest[: end[0]].strip(), True
    return rest.rstrip("。；").strip(), False


def _plausible_arabic_heading(title: str, inline: bool) -> bool:
    # "1.5万元" is never here (the pattern refuses a digit after the dot); a numbered
    # heading is a short phrase, possibly followed by its paragraph.
    return len(title) <= 60 or inline


def build_outline(doc: Document) -> Outline:
    headings: list[Heading] = []
    enumerations: dict[int, list[tuple[int, int]]] = {}
    for ln in doc.lines:
        if ln.chrome or not ln.norm.strip():
            continue
        h = find_heading(ln.norm, ln.number, ln.style_level) or _run_in_heading(ln.norm, ln.number, ln.style_level)
        if h and not (h.style == "style" and _looks_like_title(h.title)):
            headings.append(h)
        enums = [(cn_number(m.group(1)) or 0, m.start()) for m in ENUMERATION.finditer(ln.norm)
                 if _is_enumeration_start(ln.norm, m.start())] if "是" in ln.norm else None
        if enums:
            enumerations[ln.number] = enums
    _integrate_style_levels(headings)
    _continue_mixed_lists(headings)
    wrapped = doc.wrapped
    if not any(h.rank <= 1 for h in headings):
        headings.extend(_theme_headings(doc, {h.line for h in headings}, wrapped))
        headings.sort(key=lambda h: h.line)
    top_rank = _top_rank(headings)
    _demote_restarts(headings, top_rank)
    headings.extend(_theme_sub_items(doc, headings, top_rank, wrapped))
    headings.sort(key=lambda h: h.line)
    headings.extend(_unnumbered_headings(doc, headings, top_rank, wrapped))
    headings.sort(key=lambda h: h.line)
    roots = _build_tree(headings)
    body_start = next((h.line for h in headings if h.rank == top_rank), len(doc.lines) + 1)
    parts = _classify(doc, headings, top_rank, enumerations)
    return Outline(headings, roots, parts, body_start, enumerations, top_rank)


def _looks_like_title(text: str) -> bool:
    """A styled line naming the whole report (the .docx title) is not a part heading."""
    return bool(re.search(r"法治|依法行政", text) and re.search(r"报告|总结$", text))


def _is_enumeration_start(text: str, pos: int) -> bool:
    # 一是 opens an item at the start of a sentence, not inside a word (统一是, 唯一是).
    return pos == 0 or text[pos - 1] in "。；：，、 ”\"）)" or text[: pos].strip() == ""


def _integrate_style_levels(headings: list[Heading]) -> None:
    """Give style-only headings (.docx Heading n without typed numbers) the rank that the
    numbered headings of the same style level have, so both kinds build one tree."""
    styled = [h for h in headings if h.style == "style"]
    if not styled:
        return
    numbered_levels: dict[int, dict[int, int]] = {}
    for h in headings:
        level = h.style_level
        if h.style != "style" and level:
            numbered_levels.setdefault(level, {}).setdefault(h.rank, 0)
            numbered_levels[level][h.rank] += 1
    for h in styled:
        ranks = numbered_levels.get(h.rank)
        if ranks:
            h.typed_rank, h.rank = h.rank, max(ranks, key=ranks.get)


def _continue_mixed_lists(headings: list[Heading]) -> None:
    """（1）…（9） followed by （十）: the item numbered next in the open list continues it,
    whatever its label style, unless its own level is already open above it."""
    stack: list[Heading] = []
    prev: Heading | None = None
    for h in headings:
        if (prev is not None and h.rank != prev.rank and not prev.runs_into_sub_item
                and (h.style != prev.style or prev.typed_rank is not None)
                and h.number is not None and prev.number is not None
                and h.number == prev.number + 1 and h.number > 1
                and all(s.rank != h.rank for s in stack)
                and not any(s.rank == prev.rank and s.number == h.number for s in stack)):
            h.typed_rank, h.rank = h.rank, prev.rank
        while stack and stack[-1].rank >= h.rank:
            stack.pop()
        stack.append(h)
        prev = h


def _top_rank(headings: list[Heading]) -> int:
    """The shallowest numbering present is the top level (a cut copy may show one 一、)."""
    ranks = sorted({h.rank for h in headings if h.rank < LIST_RANK})
    return ranks[0] if ranks else 1


def _demote_restarts(headings: list[Heading], top_rank: int) -> None:
    """A second "一、" inside a part starts a list typed with top-level numbers: it and the
    items that continue it are list items, until a heading that names a part."""
    last_number: int | None = None
    list_next: int | None = None
    for h in headings:
        if h.rank != top_rank or h.number is None:
            continue
        if list_next is not None:
            if h.number == list_next and not _names_part(h.title):
                h.typed_rank, h.rank = h.rank, LIST_RANK
                list_next += 1
                continue
            list_next = None
        if last_number is not None and h.number == 1 and not _names_part(h.title):
            h.typed_rank, h.rank = h.rank, LIST_RANK
            list_next = 2
            continue
        last_number = h.number


def _names_part(title: str) -> bool:
    kind, _ = _kind_of(title)
    return kind is not None


def _unnumbered_headings(doc: Document, headings: list[Heading], top_rank: int,
                         wrapped: set[int]) -> list[Heading]:
    """A short line standing alone, without a number, that names a required part."""
    numbered = {h.line for h in headings} | wrapped
    found = []
    first_top = next((h.line for h in headings if h.rank == top_rank), None)
    content = [ln for ln in doc.lines if not ln.chrome and ln.stripped]
    for i, ln in enumerate(content):
        text = ln.stripped.rstrip("：:")
        if text[:1] in "【[" and text[-1:] in "】]":     # 【主要举措和成效】: a label set off by brackets
            text = text[1:-1].strip()
        if first_top is not None and ln.number < first_top:
            continue
        if ln.number in numbered or _looks_like_title(text) or len(text) > 30 or _SENTENCE_END.search(text) or "，" in text:
            continue
        if i + 1 >= len(content) or i == 0:
            continue
        # (the line under the title may be the first part's heading only when it names the
        # measures in full; other short lines there are bylines and dates)
        if first_top is None and i < 2 and not (i == 1 and _UNNUMBERED["measures"].search(text)):
            continue
        for kind, pattern in _UNNUMBERED.items():
            if pattern.search(text):
                found.append(Heading(ln.number, top_rank, "bare", None, "", text, False))
                break
    return found


# A theme heading carrying no number opens on what the year's work did: 坚持依法决策，…
_THEME_OPENER = re.compile(r"^(?:坚持|强化|加强|推进|推动|深化|深入|持续|聚焦|健全|完善|提升|规范|严格|扎实|全面|着力|"
                           r"优化|夯实|创新|狠抓|注重|突出|抓实|压实|压紧|围绕|立足|紧扣|做好|抓好|落实|践行|筑牢|"
                           r"织密|构建|打造|建立|拓展|统筹|凝聚|护航|服务|营造|助力|抓牢|守牢|紧盯|聚力|加快|高位|"
                           r"依法|科学|多元|精准|从严|用心|倾力)")


def _theme_headings(doc: Document, numbered: set[int], wrapped: set[int], rank: int = 1) -> list[Heading]:
    """Parts set off by short unnumbered theme lines (坚持高位推动，压紧压实主体责任), each
    above its paragraph (or right under a numbered heading), in a report with no numbered
    parts — or, at ``rank``, the sub-items of a numbered part: two such lines at least, so a
    lone short line (a byline, a slogan) is never read as one."""
    content = [ln for ln in doc.lines if not ln.chrome and ln.stripped]
    found: list[Heading] = []
    for i in range(1, len(content) - 1):
        ln, before, after = content[i], content[i - 1], content[i + 1]
        text = ln.stripped
        if (ln.number in numbered or ln.number in wrapped or not 6 <= len(text) <= 30 or _SENTENCE_END.search(text)
                or text.count("，") > 1 or _looks_like_title(text) or not _THEME_OPENER.match(text)):
            continue
        if after.stripped == text and i + 2 < len(content):     # a line a page copy doubled
            after = content[i + 2]
        # (above it: a paragraph — the intro ends on 报告如下： — or a numbered heading, or the same
        # line copied in other characters (強化依法行政…); never the title or a byline)
        if not (_SENTENCE_END.search(before.stripped) or before.stripped.endswith(("：", ":"))
                or before.number in numbered or i >= 2 and len(before.stripped) == len(text)):
            continue
        # (below it: a paragraph of 40 characters or more, or the first line of one a PDF copy
        # broke at the page's width)
        if (len(after.stripped) < 40 and after.number not in wrapped
                or "，" not in after.stripped and not _SENTENCE_END.search(after.stripped)):
            continue
        if found and found[-1].title == text and found[-1].line == before.number:
            continue
        found.append(Heading(ln.number, rank, "bare", None, "", text, False))
    if len(found) < 2 and rank == 1:
        found = _inline_theme_headings(content, numbered, wrapped)
    return found if len(found) >= 2 else []


def _inline_theme_headings(content, numbered: set[int], wrapped: set[int]) -> list[Heading]:
    """Theme headings run into their paragraphs, two in a row at least: "坚持依法决策，行政行为日趋
    规范。严格落实…" (a report with no numbered part whose paragraphs each open on a theme)."""
    found: list[Heading] = []
    for i in range(1, len(content)):
        ln = content[i]
        first, _, rest = ln.stripped.partition("。")
        if (ln.number in numbered or ln.number in wrapped or not rest or len(rest) < 40
                or not 6 <= len(first) <= 30 or first.count("，") > 1 or not _THEME_OPENER.match(first)):
            continue
        found.append(Heading(ln.number, 1, "bare", None, "", first, True))
    # (in a row: each such paragraph next to another, as a report's parts are; found is in line
    # order, so a neighbour is the one before or after it)
    return [h for i, h in enumerate(found)
            if i > 0 and h.line - found[i - 1].line <= 3 or i + 1 < len(found) and found[i + 1].line - h.line <= 3]


def _theme_sub_items(doc: Document, headings: list[Heading], top_rank: int, wrapped: set[int]) -> list[Heading]:
    """Unnumbered theme lines inside a numbered part that has no numbered sub-item: its
    sub-items (一、2022年工作情况 over 坚持党建引领，压实第一责任人职责 / its paragraph / …)."""
    themes = _theme_headings(doc, {h.line for h in headings}, wrapped, top_rank + 1)
    if not themes:
        return []
    # each theme line and each sub-heading under the top-level heading above it, in one pass
    # over both in line order (a report of many parts is not scanned once per part)
    owner: dict[int, int] = {}          # theme line -> the line of its top-level heading
    has_sub: set[int] = set()           # top-level headings with numbered sub-headings
    top_line, items = None, sorted([(h.line, 1, h) for h in headings] + [(t.line, 0, t) for t in themes],
                                   key=lambda item: (item[0], item[1]))
    for line, numbered, h in items:
        if numbered and h.rank == top_rank:
            top_line = line
        elif numbered and h.rank > top_rank and top_line is not None:
            has_sub.add(top_line)
        elif not numbered and top_line is not None:
            owner[line] = top_line
    per_top = Counter(owner.values())
    return [t for t in themes if t.line in owner and owner[t.line] not in has_sub and per_top[owner[t.line]] >= 2]


def _build_tree(headings: list[Heading]) -> list[Heading]:
    roots: list[Heading] = []
    stack: list[Heading] = []
    for h in headings:
        h.children = []
    for h in headings:
        while stack and stack[-1].rank >= h.rank:
            stack.pop()
        (stack[-1].children if stack else roots).append(h)
        stack.append(h)
    return roots


# The leaders' other duties (二、党政主要负责人履行全面从严治党主体责任情况): a heading naming one
# of them, and not the rule of law, is not the leaders' part of this report.
_OTHER_DUTY = re.compile(r"全面从严治党|党风廉政|意识形态|安全生产|生态环境保护|河长|林长|主体责任|党建工作|抓(?:基层)?党建")
_OWN_DUTY = re.compile(r"法治|依法|法制")
# Others' leaders: guided (二、指导各乡镇党政主要负责人履行推进法治建设第一责任人职责情况): a bureau's
# work for the units below, not its own leaders' part.
# (and 二、村（社区）党组织书记履行基层法治建设职责情况: the villages' secretaries, not the unit's leaders)
_OTHERS_LEADERS = re.compile(r"^\S{0,4}?(?:指导|督促|督导|推动)(?:全省|全市|全县|全区|各|下级|所属|基层)"
                             r"|^(?:各)?(?:村|社区|村（社区）|村\(社区\)|村居|居委会|嘎查)[^，。]{0,6}书记")


def _names_leaders_part(text: str) -> bool:
    """Whether a title (or a short clause) names the leaders' rule-of-law duty."""
    return bool(_KIND_WORDS["frp"].search(text)) and not (_OTHER_DUTY.search(text) and not _OWN_DUTY.search(text)) \
        and not _OTHERS_LEADERS.search(text)


def classify_title(title: str) -> set[str]:
    kinds = {kind for kind, words in _KIND_WORDS.items() if kind != "frp" and words.search(title)}
    if _names_leaders_part(title):
        kinds.add("frp")
    for kind in ("shortcomings", "plan"):
        if kind in kinds and not _STRONG[kind].search(title) and _ACTION.search(title):
            kinds.discard(kind)
    if "shortcomings" in kinds and _SOLVING.search(title) and not re.search(r"不足|存在", title):
        kinds.discard("shortcomings")
    # (一、2023年安全生产和生态环境保护工作情况: another duty's work, not the rule of law's)
    if kinds == {"measures"} and _OTHER_DUTY.search(title) and not _OWN_DUTY.search(title):
        kinds = {"other"}
    return kinds


def _kind_of(title: str) -> tuple[str | None, bool]:
    """The part a heading names, and whether it names two (combined)."""
    kinds = classify_title(title)
    if "frp" in kinds:
        return "frp", False
    if "shortcomings" in kinds and "plan" in kinds:
        return "shortcomings", True
    for kind in ("shortcomings", "plan", "other", "measures"):
        if kind in kinds:
            return kind, False
    return None, False


def _classify(doc: Document, headings: list[Heading], top_rank: int,
              enumerations: dict[int, list[tuple[int, int]]]) -> list[Part]:
    tops = [h for h in headings if h.rank == top_rank]
    last_line = _last_content_line(doc)
    parts: list[Part] = []
    for i, h in enumerate(tops):
        end = (tops[i + 1].line - 1) if i + 1 < len(tops) else last_line
        end = _trim_end(doc, h.line, end)
        kind, combined = _kind_of(h.title)
        if combined:
            parts.extend(_split_combined(doc, h, end, headings))
            continue
        seen = {p.kind for p in parts}
        # (a heading naming the year's work outright — 二、2023年法治政府建设工作开展情况 after a
        # shortcomings part put first — is the measures part wherever it stands)
        if kind == "measures" and seen & {"shortcomings", "plan"} and not re.search(r"举措|成效", h.title) \
                and not _UNNUMBERED["measures"].search(h.title):
            kind = "other"
        if kind is None:
            # A part named by theme (一、加强党的领导) before any shortcomings part is
            # the year's work; after it, it can only be read as more of the plan/other.
            kind = "measures" if not seen & {"shortcomings", "plan"} else "other"
            parts.append(Part(kind, h.line, end, h, h.title, themed=kind == "measures"))
        else:
            # (一、强化主要责任人责任，夯实组织基础: the leaders' part named by a theme of the
            # year's work, as a measures part may be)
            parts.append(Part(kind, h.line, end, h, h.title, themed=kind == "frp" and bool(_ACTION.search(h.title)),
                              names_causes=kind == "shortcomings" and bool(_CAUSES.search(h.title))))
    # A heading naming two parts that could not be split, when one of the two also has a
    # part of its own (an unnumbered "下一步工作打算" line below it): keep the other only.
    own = {p.kind for p in parts if not p.combined}
    parts = [p for p in parts if not (p.combined and p.kind in own and any(
        q is not p and q.combined and (q.start, q.end) == (p.start, p.end) for q in parts))]
    _next_years_measures_are_the_plan(parts)
    parts.extend(_embedded_parts(doc, headings, parts, top_rank, enumerations))
    parts.sort(key=lambda p: (p.start, p.embedded))
    return parts


_TITLE_YEAR = re.compile(r"(20\d\d)\s*年")
# A measures heading that tells results or a record names the year done, whatever its year.
_RESULTS = re.compile(r"成效|成果|成绩|完成|情况|回顾|做法|进展|纪实|总结|取得")


def _next_years_measures_are_the_plan(parts: list[Part]) -> None:
    """A measures-named part whose title names the year after another measures part's year
    (三、2024年工作举措 after 一、2023年主要举措和成效) is the plan: measures to come, told
    without 安排 or 打算. (Not one that shares the plan's year, 一、2024年…主要举措 beside
    四、2024年工作安排: one of the two years may be a slip, and the measures part would be lost.)"""
    def year(part: Part) -> int | None:
        m = _TITLE_YEAR.search(part.title)
        return int(m.group(1)) if m else None
    done = {year(p) for p in parts if p.kind == "measures" and _RESULTS.search(p.title)}
    for p in parts:
        y = year(p)
        if p.kind == "measures" and y is not None and y - 1 in done and not p.combined \
                and not _RESULTS.search(p.title):
            p.kind = "plan"


def _trim_end(doc: Document, start: int, end: int) -> int:
    """A part ends at its last content line (not at trailing blanks or page chrome)."""
    while end > start and (doc.line(end).chrome or not doc.line(end).stripped):
        end -= 1
    return end


def _split_combined(doc: Document, h: Heading, end: int, headings: list[Heading]) -> list[Part]:
    rank = _child_rank(h, headings, end)
    children = [c for c in headings if h.line < c.line <= end and c.rank == rank]
    parts: list[Part] = []
    for j, c in enumerate(children):
        c_end = (children[j + 1].line - 1) if j + 1 < len(children) else end
        kind, _ = _kind_of(c.title)
        if kind in ("shortcomings", "plan"):
            if parts and parts[-1].kind == kind:
                parts[-1].end = c_end
                continue
            parts.append(Part(kind, c.line, _trim_end(doc, c.line, c_end), c, c.title, combined=True,
                              names_causes=kind == "shortcomings" and bool(_CAUSES.search(c.title)),
                              outer_start=h.line))
        elif parts:
            parts[-1].end = _trim_end(doc, c.line, c_end)
    if {p.kind for p in parts} == {"shortcomings", "plan"}:
        for p in parts:
            if p is parts[0] and p.start > h.line:
                p.outer_start = h.line
        return parts
    # No sub-headings that tell the two apart: split where the plan begins, if it shows.
    causes = bool(_CAUSES.search(h.title))
    split = next((n for n in range(h.line + 1, end + 1)
                  if not doc.line(n).chrome and _PLAN_START.match(doc.line(n).stripped)), None)
    if split:
        return [Part("shortcomings", h.line, _trim_end(doc, h.line, split - 1), h, h.title,
                     combined=True, names_causes=causes),
                Part("plan", split, end, h, h.title, combined=True, outer_start=h.line)]
    return [Part("shortcomings", h.line, end, h, h.title, combined=True, names_causes=causes),
            Part("plan", h.line, end, h, h.title, combined=True)]


def _child_rank(h: Heading, headings: list[Heading], end: int) -> int:
    ranks = [c.rank for c in headings if h.line < c.line <= end and c.rank > h.rank]
    return min(ranks) if ranks else h.rank + 1


def _embedded_parts(doc: Document, headings: list[Heading], parts: list[Part], top_rank: int,
                    enumerations: dict[int, list[tuple[int, int]]]) -> list[Part]:
    """Required parts written as a sub-item of another part (e.g. frp under measures)."""
    have = {p.kind for p in parts if not p.embedded}
    first_part = min((p.start for p in parts), default=None)
    found: list[Part] = []
    for h in headings:
        if h.rank <= top_rank or h.list_item:
            continue
        # a lower-numbered heading above the first part that names a part ("（二）主要举措"
        # over 二、三、…) is that part, misnumbered: a sub-item of the report, not its own part
        misnumbered = first_part is not None and h.line < first_part
        kind = _embedded_kind(h.title) or (_kind_of(h.title)[0] if misnumbered else None)
        if kind is None and "frp" not in have and _on_leadership_with_duty(h.title, _opening_text(doc, h.line)):
            kind = "frp"
        if kind is None or kind in have or any(p.kind == kind for p in found):
            continue
        if misnumbered:
            end = _subtree_end(h, headings, first_part - 1)
            found.append(Part(kind, h.line, _trim_end(doc, h.line, end), h, h.title, embedded=True))
            continue
        host = next((p for p in parts if p.start <= h.line <= p.end), None)
        if host is None or host.kind == kind or (host.combined and kind in ("shortcomings", "plan")):
            continue
        end = _subtree_end(h, headings, host.end)
        found.append(Part(kind, h.line, _trim_end(doc, h.line, end), h, h.title, embedded=True,
                          names_causes=kind == "shortcomings" and bool(_CAUSES.search(h.title))))
    # An enumerated item whose own opening clause is about the duty ("二是党政主要负责人
    #切实履行第一责任人职责。") counts as a sub-item too.
    if "frp" not in have and not any(p.kind == "frp" for p in found):
        for number, items in sorted(enumerations.items()):
            text = doc.line(number).norm
            for _, pos in items:
                # (the clause up to its stop, looked for within 61 characters: a longer one is
                # no opening clause, and a line of thousands of items with no stop was read to
                # its end again from each)
                stop = _SENTENCE_END.search(text, pos, pos + _OPENING_CLAUSE + 1)
                end = stop.start() if stop else len(text)
                if end - pos > _OPENING_CLAUSE:
                    continue
                clause = text[pos:end]
                after = text[end:end + _OPENING]
                if (_names_leaders_part(clause) or _on_leadership_with_duty(
                        ENUMERATION.sub("", clause, count=1).strip(), after)):
                    host = next((p for p in parts if p.start <= number <= p.end), None)
                    if host is not None and host.kind != "frp":
                        title = ENUMERATION.sub("", clause, count=1).strip()
                        found.append(Part("frp", number, number, None, title, embedded=True))
                    break
            if any(p.kind == "frp" for p in found):
                break
    return found


# A sub-item on the leadership of the work (（一）强化组织领导; 二是强化统筹推进。) whose opening
# text reports the leaders' duty (…履行推进法治建设第一责任人职责) is the leaders' part as a
# sub-item, as a reviewer reads it.
# (the whole title is that theme: "强化组织领导", not "强化组织领导，充分发挥统筹作用", whose
# sub-items report more than the leaders)
_LEADERSHIP = re.compile(r"^(?:加强|强化|坚持|健全|完善|抓实|落实)?(?:党的领导|组织领导|领导|统筹推进|高位推动|组织保障|责任落实)$|"
                         r"^压实[“\"]?关键少数[”\"]?责任$")
_OPENING = 200      # characters of a sub-item's text read for the duty
_OPENING_CLAUSE = 60    # the longest clause an enumerated item opens on the duty with


def _on_leadership_with_duty(title: str, text: str) -> bool:
    """A sub-item titled wholly on leadership whose text reports the leaders' duty."""
    return bool(_LEADERSHIP.search(title) and _UNNUMBERED["frp"].search(text))


def _opening_text(doc: Document, line: int) -> str:
    """The first characters of the text from a heading line on (the heading and what follows)."""
    text, number = "", line
    while len(text) < _OPENING and number <= len(doc.lines):
        ln = doc.line(number)
        if not ln.chrome:
            text += ln.norm
        number += 1
    return text[:_OPENING]


# A sub-item named by the charge the leaders carry: （三）压紧压实法治建设责任 (a top-level part so
# named is the year's work, 一、加强党的领导，压实法治建设责任)
_FRP_CHARGE = re.compile(r"压(?:紧压)?实[^，。；]{0,6}法治(?:政府)?建设(?:主体|领导)?责任")


def _embedded_kind(title: str) -> str | None:
    if _names_leaders_part(title) or _FRP_CHARGE.search(title):
        return "frp"
    for kind in ("shortcomings", "plan"):
        if _UNNUMBERED[kind].search(title):
            return kind
    return None


def _subtree_end(h: Heading, headings: list[Heading], limit: int) -> int:
    for other in headings:
        if other.line > h.line and other.rank <= h.rank:
            return min(other.line - 1, limit)
    return limit


def _last_content_line(doc: Document) -> int:
    """The last line of the report's text, before its 落款 (issuer and date)."""
    content = [ln for ln in doc.lines if not ln.chrome and ln.norm.strip()]
    if not content:
        return len(doc.lines)
    signature = find_signature(doc)
    if signature.date_line is content[-1] and signature.first_line > content[0].number:
        before = [ln for ln in content if ln.number < signature.first_line]
        return before[-1].number
    return content[-1].number
