"""punctuation: typography of Chinese running text (GB/T 15834).

params:
  check: halfwidth   half-width , ; : ! ? ( ) in Chinese text → full-width (safe fix). Read on
                     the user's own text (normalisation folds them away); not between digits
                     (1,300 / 10:30), not in URLs, not in ASCII text (PDF, (a)).
         run-on      an enumeration item glued to the previous one with no punctuation
                     (“…有待提高三是基层…”): a new item must follow 。 or ；
         duplicate   the same mark twice (，， 。。) or a comma-like mark before 。
         pairs       an unmatched 《》 “” （） 〈〉 【】 within a paragraph

Placeholders: {found}, {count}, {expected}.
"""
from __future__ import annotations

import bisect
import re

from ..document.document import Span
from ..document.outline import ENUMERATION
from ..document.result import Edit, Fix
from ..text.numerals import cn_number
from ._shared import Checks

CHECKS = Checks("punctuation")
_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}
_HALF = re.compile(r"[,;:!?()]")
_URL = re.compile(r"(?:https?://|www\.)[\x21-\x7e]+|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+")
_NOT_ENUM_BEFORE = set("第不统唯之这那就便即也还而则乃又总归合专只")
# Two marks where one belongs: the same mark twice, a comma-like mark before 。, one after it.
_REPEATED, _BEFORE_STOP, _AFTER_STOP = "，。、；：", "，、；：", "，、；"
_DUPLICATE = re.compile(f"([{_REPEATED}])\\1+|[{_BEFORE_STOP}]。|。[{_AFTER_STOP}]")
# Every match starts with one of these pairs: a dozen substring tests tell that a report has
# none (most have none) faster than the engine tries a class at every character.
_DUPLICATE_PAIRS = tuple(c + c for c in _REPEATED) + tuple(c + "。" for c in _BEFORE_STOP) + \
    tuple("。" + c for c in _AFTER_STOP)
_OPEN = {"《": "》", "“": "”", "（": "）", "〈": "〉", "【": "】"}
_CLOSE = {v: k for k, v in _OPEN.items()}
_PAIR_MARKS = re.compile("[" + "".join(_OPEN) + "".join(_CLOSE) + "]")
_LIST_MARK = re.compile(r"^\s*[\d一二三四五六七八九十a-zA-Z]{1,3}）")


def validate(params: dict) -> list[str]:
    return CHECKS.problems(params)


def is_cjk(ch: str | None) -> bool:
    if not ch:
        return False
    o = ord(ch)
    return 0x3400 <= o <= 0x9FFF or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF or ch in "“”‘’—…·"


check = CHECKS.run


# -- half-width marks ------------------------------------------------------------------------

def _neighbour(text: str, i: int, step: int) -> str | None:
    i += step
    while 0 <= i < len(text) and text[i] in " \t\u3000\xa0":
        i += step
    return text[i] if 0 <= i < len(text) else None


def _in_chinese(text: str, i: int) -> bool:
    left, right = _neighbour(text, i, -1), _neighbour(text, i, 1)
    if is_cjk(left):
        return True
    return is_cjk(right) and not (left and left.isascii() and left.isalpha())


_CJK = re.compile("[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”‘’—…·]")
_NOT_PLAIN = re.compile(r"[^\s\d一二三四五六七八九十]")


class _Positions:
    """Sorted positions of a pattern's characters in a text: "is there one between i
    and j" in one bisection, where slicing and scanning would cost the distance. A short
    stretch (the usual "(2021—2025年)") is searched directly: the table, made on the first
    long one, would cost the whole line."""

    _SHORT = 64

    def __init__(self, pattern: "re.Pattern[str]", text: str):
        self.pattern, self.text = pattern, text
        self.at: list[int] | None = None

    def any_between(self, i: int, j: int) -> bool:
        if j - i <= self._SHORT:
            return self.pattern.search(self.text, i, j) is not None
        if self.at is None:
            self.at = [m.start() for m in self.pattern.finditer(self.text)]
        k = bisect.bisect_left(self.at, i)
        return k < len(self.at) and self.at[k] < j


def halfwidth_positions(text: str) -> list[int]:
    """Indexes of half-width marks standing in Chinese text."""
    # (an address needs one of these: the pattern is not run over the usual line)
    maybe_url = "@" in text or "http" in text or "www." in text
    skip = [(m.start(), m.end()) for m in _URL.finditer(text)] if maybe_url else []
    marks = [m.start() for m in _HALF.finditer(text)]
    if skip:
        marks = [i for i in marks if not _inside(i, skip)]
    found = set()
    stack = []
    cjk = plain = None
    for i in marks:
        ch = text[i]
        if ch == "(":
            stack.append(i)
        elif ch == ")":
            if stack:
                j = stack.pop()
                if cjk is None:
                    cjk, plain = _Positions(_CJK, text), _Positions(_NOT_PLAIN, text)
                # Chinese inside, or nothing but digits and numerals inside with Chinese
                # outside; asked in that order, the cheapest question first
                if cjk.any_between(j + 1, i) or (
                        i > j + 1 and not plain.any_between(j + 1, i)
                        and (is_cjk(_neighbour(text, j, -1)) or is_cjk(_neighbour(text, i, 1)))):
                    found.update((i, j))
            elif _in_chinese(text, i):
                found.add(i)
        elif _in_chinese(text, i):
            found.add(i)
    found.update(j for j in stack if is_cjk(_neighbour(text, j, 1)) or is_cjk(_neighbour(text, j, -1)))
    return sorted(found)


def _inside(i: int, spans: list[tuple[int, int]]) -> bool:
    """Is i inside one of these sorted, disjoint spans?"""
    k = bisect.bisect_right(spans, (i, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= i < spans[k][1]


def _halfwidth(analysis, rule):
    """One finding per paragraph; when half-width marks run through the whole text (a copy
    from a web page), one finding for the document, whose fix covers every paragraph."""
    doc = analysis.doc
    found: list[tuple[int, list[int], str]] = []
    for ln in doc.lines:
        if ln.chrome or not ln.text.strip() or not _HALF.search(ln.text):
            continue
        positions = halfwidth_positions(ln.text)
        if positions:
            found.append((ln.number, positions, ln.text))
    if not found:
        return []
    groups = [found] if len(found) >= rule.params.get("document_from", 3) else [[f] for f in found]
    out = []
    for group in groups:
        n, positions, text = group[0]
        edits = [Edit(line, i + 1, line, i + 2, _FULL[t[i]]) for line, pos, t in group for i in pos]
        marks = "".join(dict.fromkeys(t[i] for _, pos, t in group for i in pos))
        span = Span(n, positions[0] + 1, n, positions[0] + 2)
        whole = len(group) > 1
        fix = Fix(edits, safe=True, description=f"把{'全文' if whole else '本段'}{len(edits)}处半角标点改为全角")
        message = rule.params.get("document_message") if whole else None
        out.append(rule.diagnostic(span, message, fix=fix, context=analysis.paragraph(n),
                                   found="".join(f"“{c}”" for c in marks), count=len(edits),
                                   paragraphs=len(group)))
    return out


# -- run-on enumeration items ----------------------------------------------------------------

def _run_on(analysis, rule):
    doc = analysis.doc
    out = []
    for line, items in analysis.outline.enumerations.items():
        norm = doc.line(line).norm
        known = {number: offset for number, offset in items}
        for m in ENUMERATION.finditer(norm):
            pos = m.start()
            if pos in known.values() or pos == 0:
                continue
            k = cn_number(m.group(1))
            if not k or k < 2 or k in known or (k - 1) not in known or known[k - 1] > pos:
                continue
            if (k + 1) in known and known[k + 1] < pos:
                continue
            before = norm[pos - 1]
            if before in _NOT_ENUM_BEFORE or not "\u4e00" <= before <= "\u9fff":
                continue
            prev_at = known[k - 1]
            sep = norm[prev_at - 1] if prev_at > 0 and norm[prev_at - 1] in "。；" else "；"
            start = doc.line_start(line) + pos
            span = doc.span(start, start + len(m.group(0)))
            fix = Fix([Edit(span.line, span.column, span.line, span.column, sep)], safe=False,
                      description=f"在“{m.group(0)}”前加“{sep}”")
            out.append(rule.diagnostic(span, fix=fix, context=analysis.paragraph(line), found=m.group(0),
                                       previous=norm[max(0, pos - 6): pos], expected=sep))
            known[k] = pos          # 一是A二是B三是C: 三是 follows the run-on 二是
    return out


# -- duplicated marks ------------------------------------------------------------------------

def _duplicate(analysis, rule):
    doc = analysis.doc
    out = []
    if not any(pair in doc.content for pair in _DUPLICATE_PAIRS):
        return out
    for m in doc.finditer(_DUPLICATE):
        found = m.group(0)
        if m.group(1):          # the same mark repeated: keep one
            start, end = m.start() + 1, m.end()
            safe = len(found) == 2
        else:                   # ，。 or 。，: drop the comma-like mark
            start = m.start() if found[0] != "。" else m.start() + 1
            end = start + 1
            safe = False
        edit = doc.span(start, end)
        fix = Fix([Edit(edit.line, edit.column, edit.end_line, edit.end_column, "")], safe=safe,
                  description="删除多余的标点")
        span = doc.span(m.start(), m.end())
        out.append(rule.diagnostic(span, fix=fix, context=analysis.paragraph(doc.line_of(m.start())),
                                   found=found))
    return out


# -- unmatched pairs -------------------------------------------------------------------------

def _cut_short(text: str) -> bool:
    """A last paragraph that stops mid-sentence (an excerpt, a truncated copy): an opener
    left open there says nothing about the writer."""
    return not text.rstrip().endswith(("。", "！", "？", "”", "；", "：", "》", "）", "…"))


_MARKS_CLASS = re.escape("".join(_OPEN) + "".join(_CLOSE))
_INNERMOST = re.compile("|".join(f"{re.escape(a)}[^{_MARKS_CLASS}]*{re.escape(b)}" for a, b in _OPEN.items()))
_ANY_MARK = re.compile(f"[{_MARKS_CLASS}]")
_NESTING = 4                           # levels reduced before walking the marks anyway


def _well_nested(norm: str) -> bool:
    """Every mark of the line closes in order (the usual line): innermost pairs removed until
    none is left, in the regex engine, before walking the marks one by one. A line that
    opens with a list mark ("1）") is walked, since that ） closes nothing."""
    if _LIST_MARK.match(norm):
        return False
    for _ in range(_NESTING):          # each pass removes one level: bounded, or deep nesting is quadratic
        reduced = _INNERMOST.sub("", norm)
        if reduced == norm:
            return not _ANY_MARK.search(norm)
        norm = reduced
    return False


def _pairs(analysis, rule):
    doc = analysis.doc
    out = []
    lines = doc.content_lines()
    last = lines[-1] if lines else None
    for ln in lines:
        norm = ln.norm
        if not _PAIR_MARKS.search(norm) or _well_nested(norm):
            continue
        stack: list[int] = []
        open_count = dict.fromkeys(_OPEN, 0)     # openers of each kind on the stack
        bad: list[tuple[int, str]] = []
        skip = _LIST_MARK.match(norm)
        for mark in _PAIR_MARKS.finditer(norm):
            i, ch = mark.start(), mark.group(0)
            if ch in _OPEN:
                stack.append(i)
                open_count[ch] += 1
            elif ch in _CLOSE:
                if skip and i == skip.end() - 1:
                    continue
                if stack and norm[stack[-1]] == _CLOSE[ch]:
                    open_count[norm[stack.pop()]] -= 1
                elif open_count[_CLOSE[ch]]:
                    # crossing pairs: close back to the matching opener; the ones skipped are unmatched
                    while norm[stack[-1]] != _CLOSE[ch]:
                        j = stack.pop()
                        open_count[norm[j]] -= 1
                        bad.append((j, _OPEN[norm[j]]))
                    open_count[norm[stack.pop()]] -= 1
                else:
                    bad.append((i, _CLOSE[ch]))
        if not (ln is last and _cut_short(norm)):
            bad.extend((j, _OPEN[norm[j]]) for j in stack)
        base = doc.line_start(ln.number)
        for i, partner in sorted(bad)[:3]:
            span = doc.span(base + i, base + i + 1)
            out.append(rule.diagnostic(span, context=analysis.paragraph(ln.number), found=norm[i],
                                       expected=partner))
    return out


# -- the built-in checks, by the name a rule gives (``fzlint rule CODE`` shows the text) ----
CHECKS.register("halfwidth", "中文里的半角 , ; : ! ? ( )（可安全改为全角）")(_halfwidth)
CHECKS.register("run-on", "“一是……二是……”各项之间缺少标点")(_run_on)
CHECKS.register("duplicate", "标点重复，或句号前多了逗号类标点")(_duplicate)
CHECKS.register("pairs", "段落内《》“”（）〈〉【】不成对")(_pairs)
