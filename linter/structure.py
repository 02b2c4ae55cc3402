"""The report's outline: headings, their tree, and the five required parts.

Most real reports type their numbering by hand (一、 /（一）/ 1. /（1）) rather than use
heading styles, so headings are found from literal numbering first and from .docx style
levels second. Each top-level part is then classified as one of the parts the 督察规定
requires: measures, shortcomings, frp (first responsible person), plan, other.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .document import Document

CN_DIGITS = "零一二三四五六七八九十百"

# rank: 1 一、  2 （一）  3 1.  4 （1）; 5 一是 (enumeration inside a paragraph)
_HEADING_PATTERNS = [
    (1, "cn-dun", re.compile(r"^\s*([一二三四五六七八九十]{1,3})\s*[、，．.]\s*")),
    (2, "cn-paren", re.compile(r"^\s*（\s*([一二三四五六七八九十]{1,3})\s*）\s*[、，]?\s*")),
    (3, "arabic-dot", re.compile(r"^\s*(\d{1,2})\s*(?:[．.](?!\d)|、)\s*")),
    (4, "arabic-paren", re.compile(r"^\s*（\s*(\d{1,2})\s*）\s*[、，]?\s*")),
]
_ENUMERATION = re.compile(r"([一二三四五六七八九十]{1,3})是")
_SENTENCE_END = re.compile(r"[。；！？]")

PART_KINDS = ("measures", "shortcomings", "frp", "plan", "other")

_KIND_WORDS = {
    "frp": re.compile(r"第一责任人|主要负责(?:人|同志)履|主要负责(?:人|同志).{0,8}(?:职责|责任)|党政主要(?:负责人|领导)"),
    "plan": re.compile(r"下一步|下步|下一年度?|明年|(?:工作|主要)?(?:安排|计划|打算|思路|设想)|展望|谋划|努力方向"),
    "shortcomings": re.compile(r"不足|问题|短板|差距|薄弱|弱项"),
    "other": re.compile(r"其他|其它|意见建议|需要报告"),
    "measures": re.compile(r"举措|措施|成效|工作情况|开展情况|主要做法|主要工作|建设情况|工作成果|主要成绩|取得"),
}


@dataclass
class Heading:
    line: int
    rank: int
    style: str            # cn-dun, cn-paren, arabic-dot, arabic-paren, style
    number: int | None    # the number the heading carries (None for style-only)
    label: str            # the literal label as typed: "一、", "（1）"
    title: str            # heading text without its label (normalised)
    inline_body: bool     # the paragraph continues after the heading sentence
    children: list["Heading"] = field(default_factory=list)


@dataclass
class Part:
    kind: str             # measures | shortcomings | frp | plan | other
    start: int            # first line (the heading line when there is one)
    end: int              # last line, inclusive
    heading: Heading | None
    title: str
    embedded: bool = False   # a sub-item of another part rather than a part of its own
    themed: bool = False     # a measures part named by theme, not "主要举措和成效"
    combined: bool = False   # split out of a heading that names two parts

    def lines(self) -> range:
        return range(self.start, self.end + 1)

    def to_dict(self) -> dict:
        return {"kind": self.kind, "title": self.title, "start": self.start, "end": self.end,
                "embedded": self.embedded, "themed": self.themed, "combined": self.combined}


@dataclass
class Outline:
    headings: list[Heading]        # every heading, in document order
    roots: list[Heading]           # the heading tree
    parts: list[Part]              # classified parts, in document order (embedded included)
    body_start: int                # first line after the preamble
    enumerations: dict[int, list[tuple[int, int]]]  # line -> [(number, norm offset)] of 一是/二是

    def parts_of(self, *kinds: str, embedded: bool = True) -> list[Part]:
        return [p for p in self.parts if p.kind in kinds and (embedded or not p.embedded)]

    def part_at(self, line: int) -> Part | None:
        """The innermost part containing a line (an embedded part wins over its host)."""
        best = None
        for p in self.parts:
            if p.start <= line <= p.end and (best is None or p.embedded):
                best = p
        return best


def cn_number(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十三 → 23; None if not a Chinese numeral."""
    values = {c: i for i, c in enumerate("零一二三四五六七八九")}
    if not text:
        return None
    if "十" in text:
        tens, _, ones = text.partition("十")
        t = values.get(tens, None) if tens else 1
        o = values.get(ones, None) if ones else 0
        return None if t is None or o is None else t * 10 + o
    if len(text) == 1 and text in values:
        return values[text]
    return None


def find_heading(text: str, line: int, style_level: int | None = None) -> Heading | None:
    for rank, style, pattern in _HEADING_PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        raw = m.group(1)
        number = int(raw) if raw.isdigit() else cn_number(raw)
        rest = text[m.end():].strip()
        if not rest or number is None:
            return None
        title, inline = _split_title(rest)
        if rank == 3 and not _plausible_arabic_heading(title, inline):
            return None
        return Heading(line, rank, style, number, text[: m.end()].strip(), title, inline)
    if style_level:
        title, inline = _split_title(text.strip())
        return Heading(line, style_level, "style", None, "", title, inline)
    return None


def _split_title(rest: str) -> tuple[str, bool]:
    m = _SENTENCE_END.search(rest)
    if m and m.end() < len(rest.rstrip()):
        return rest[: m.start()].strip(), True
    return rest.rstrip("。；").strip(), False


def _plausible_arabic_heading(title: str, inline: bool) -> bool:
    # "1.5万元" is never here (the pattern refuses a digit after the dot); a numbered
    # heading is a short phrase, possibly followed by its paragraph.
    return len(title) <= 60 or inline


def analyze(doc: Document) -> Outline:
    headings = []
    enumerations: dict[int, list[tuple[int, int]]] = {}
    for ln in doc.lines:
        if ln.chrome or not ln.norm.strip():
            continue
        h = find_heading(ln.norm, ln.number, ln.style_level)
        if h:
            headings.append(h)
        enums = [(cn_number(m.group(1)) or 0, m.start()) for m in _ENUMERATION.finditer(ln.norm)
                 if _is_enumeration_start(ln.norm, m.start())]
        if enums:
            enumerations[ln.number] = enums
    roots = _build_tree(headings)
    top_rank = _top_rank(headings)
    body_start = next((h.line for h in headings if h.rank == top_rank), len(doc.lines) + 1)
    parts = _classify(doc, headings, top_rank)
    return Outline(headings, roots, parts, body_start, enumerations)


def _is_enumeration_start(text: str, pos: int) -> bool:
    # 一是 opens an item at the start of a sentence, not inside a word (统一是, 唯一是).
    return pos == 0 or text[pos - 1] in "。；：，、 ”\"）)" or text[: pos].strip() == ""


def _build_tree(headings: list[Heading]) -> list[Heading]:
    roots: list[Heading] = []
    stack: list[Heading] = []
    for h in headings:
        while stack and stack[-1].rank >= h.rank:
            stack.pop()
        (stack[-1].children if stack else roots).append(h)
        stack.append(h)
    return roots


def _top_rank(headings: list[Heading]) -> int:
    ranks = sorted({h.rank for h in headings})
    for rank in ranks:
        if sum(1 for h in headings if h.rank == rank) >= 2 or rank == ranks[-1]:
            return rank
    return 1


def classify_title(title: str) -> set[str]:
    return {kind for kind, words in _KIND_WORDS.items() if words.search(title)}


def _kind_of(title: str) -> tuple[str | None, bool]:
    """The part a top-level heading names, and whether it names two (combined)."""
    kinds = classify_title(title)
    if "frp" in kinds:
        return "frp", False
    if "shortcomings" in kinds and "plan" in kinds:
        return "shortcomings", True
    for kind in ("plan", "shortcomings", "other", "measures"):
        if kind in kinds:
            return kind, False
    return None, False


def _classify(doc: Document, headings: list[Heading], top_rank: int) -> list[Part]:
    tops = [h for h in headings if h.rank == top_rank]
    last_line = _last_content_line(doc)
    parts: list[Part] = []
    for i, h in enumerate(tops):
        end = (tops[i + 1].line - 1) if i + 1 < len(tops) else last_line
        kind, combined = _kind_of(h.title)
        if combined:
            parts.extend(_split_combined(h, end, headings))
            continue
        if kind is None:
            # A part named by theme (一、加强党的领导) before any shortcomings part is
            # the year's work; after it, it can only be read as more of the plan/other.
            seen = {p.kind for p in parts}
            kind = "measures" if not seen & {"shortcomings", "plan"} else "other"
            parts.append(Part(kind, h.line, end, h, h.title, themed=kind == "measures"))
        else:
            parts.append(Part(kind, h.line, end, h, h.title))
    parts.extend(_embedded_parts(headings, parts, top_rank))
    parts.sort(key=lambda p: (p.start, p.embedded))
    return parts


def _split_combined(h: Heading, end: int, headings: list[Heading]) -> list[Part]:
    children = [c for c in headings if h.line < c.line <= end and c.rank == _child_rank(h, headings, end)]
    parts = []
    for j, c in enumerate(children):
        c_end = (children[j + 1].line - 1) if j + 1 < len(children) else end
        kind, _ = _kind_of(c.title)
        if kind in ("shortcomings", "plan"):
            parts.append(Part(kind, c.line, c_end, c, c.title, combined=True))
    if not parts:
        parts.append(Part("shortcomings", h.line, end, h, h.title, combined=True))
        parts.append(Part("plan", h.line, end, h, h.title, combined=True))
    elif parts[0].start > h.line:
        parts[0].start = h.line
    return parts


def _child_rank(h: Heading, headings: list[Heading], end: int) -> int:
    ranks = [c.rank for c in headings if h.line < c.line <= end and c.rank > h.rank]
    return min(ranks) if ranks else h.rank + 1


def _embedded_parts(headings: list[Heading], parts: list[Part], top_rank: int) -> list[Part]:
    """Required parts written as a sub-item of another part (e.g. frp under measures)."""
    have = {p.kind for p in parts if not p.embedded}
    found = []
    for h in headings:
        if h.rank <= top_rank:
            continue
        kind, _ = _kind_of(h.title)
        if kind == "frp" and "frp" not in have:
            host = next((p for p in parts if p.start <= h.line <= p.end), None)
            if host is None or host.kind == "frp":
                continue
            end = _subtree_end(h, headings, host.end)
            found.append(Part("frp", h.line, end, h, h.title, embedded=True))
    return found


def _subtree_end(h: Heading, headings: list[Heading], limit: int) -> int:
    for other in headings:
        if other.line > h.line and other.rank <= h.rank:
            return min(other.line - 1, limit)
    return limit


def _last_content_line(doc: Document) -> int:
    for ln in reversed(doc.lines):
        if not ln.chrome and ln.norm.strip():
            return ln.number
    return len(doc.lines)
