"""consistency: figures in the report that contradict themselves.

A bureau's figure ten times too large got its leaders disciplined; the cheap cases are the
ones the text itself gives away. Figures are read with ``linter.text.figures`` (counts with a
unit, rates); approximate ones (20余场, 近百人) never count as a contradiction.

params:
  check: one of
    parts-total   a total and its parts in one sentence (共办理12件，其中A5件、B9件) where the
                  parts add up to more than the total, or — when the parts are exhaustive
                  (分别为 / 分别是) — to a different total
    rate-over-100 a rate that cannot exceed 100 % (覆盖率, 办结率, 满意度 …) given above it
    repeated      the same year total (全年/累计 + the same words + unit) given twice with
                  different values
  rates:     (rate-over-100) regex naming the rates that cannot exceed 100 %
  total:     (parts-total) regex for the words that introduce a total
  year_total:(repeated) regex for the words that make a figure the year's total (全年, 累计):
             "共发放资料300份" during one event and "全年共发放资料1000份" are not the same figure
  not_parts: (parts-total) regex; a clause with these words is a change or a status (已办结),
             not a part: the list of parts ends there
  overlapping: (parts-total) regex; parts naming these attributes (女性, 党员) may overlap,
             so their sum proves nothing
  skip_parts:(repeated) part kinds whose figures are plans or targets, not results

Message placeholders: {found}, {previous} (the other place, quoted), {line} (its line),
{total}, {sum}.
"""
from __future__ import annotations

import re

from ..text.figures import figures
from ..text.numerals import cn_number
from ._shared import Checks, compiled, regex_problems

CHECKS = Checks("consistency")
_NUMBER = re.compile(r"(?P<ar>\d+(?:\.\d+)?)|(?P<cn>[一二两三四五六七八九十百千万]+)")
_APPROX = re.compile(r"^(?:余|多)|(?:近|约|超过|逾|将近|大约)\s*$")
_SENTENCE = re.compile(r"[^。；！？][^。；！？]*[。；！？]?")     # ([^…]+, class first: the engine's prefix scan)
_CLAUSE_STOP = "，。；：、！？（）“”\n"
_TOTAL = r"共|累计|合计|总计|总共|全年"
_YEAR_TOTAL = r"全年度?|本年度|年内|累计"     # a total for the whole year, not for one event
_NOT_PARTS = r"增长|增加|下降|减少|同比|较上年|比上年|提高|上升|多于|少于|已|办结|结案|完成|成功|化解|到位|整改"
_OVERLAPPING = r"女|男|党员|团员|少数民族|学历|本科|大专|硕士|研究生|博士|岁|退役|干部|持证"
_MARKER = re.compile(r"其中|分别(?:为|是|有)")
_CHANGE = r"增|提高|提升|上升|下降|减少|降低|比"   # "覆盖率同比增长120%" is a change, not the rate
_EXHAUSTIVE = re.compile(r"分别(?:为|是|有)")


def validate(params: dict) -> list[str]:
    problems = CHECKS.problems(params)
    if problems:
        return problems
    problems = regex_problems(params, ("rates", "total", "year_total", "not_parts", "overlapping"))
    if params["check"] == "rate-over-100" and not params.get("rates"):
        problems.append("rate-over-100 规则需要 rates")
    return problems


check = CHECKS.run


class Figure:
    """One figure of a sentence: value, unit (余/多 stripped), offsets in the paragraph."""

    def __init__(self, m: re.Match, base: int, text: str):
        n = _NUMBER.match(m.group(0))
        self.start, self.end = base + m.start(), base + m.end()
        self.text = m.group(0)
        raw = n.group(0) if n else ""
        self.value = _value(raw)
        rest = m.group(0)[len(raw):].strip()
        self.approx = bool(_APPROX.search(rest) or _APPROX.search(text[max(0, m.start() - 3): m.start()]))
        self.unit = rest.lstrip("余多")


def _value(raw: str) -> float | None:
    if not raw:
        return None
    if raw[0].isdigit():
        return float(raw)
    return float(cn_number(raw.replace("两", "二"))) if cn_number(raw.replace("两", "二")) is not None else None


def _sentences(analysis, skip=()):
    """(line number, offset of the sentence in the document, sentence text) for every sentence
    (worked out once per report and parts skipped: every consistency rule reads them; the
    report is split once, and a rule that skips parts leaves out their lines' sentences)."""
    every = analysis.index.remember(("consistency-sentences",), lambda: list(_split(analysis)))
    if not skip:
        return every

    def kept():
        kinds = {n: analysis.part_kind_at(n) for n in dict.fromkeys(n for n, _, _ in every)}
        return [s for s in every if kinds[s[0]] not in skip]
    return analysis.index.remember(("consistency-sentences", tuple(skip)), kept)


def _split(analysis):
    doc = analysis.doc
    for ln in doc.lines:
        if ln.chrome or not ln.stripped:
            continue
        base = doc.line_start(ln.number)
        for s in _SENTENCE.finditer(ln.norm):
            yield ln.number, base + s.start(), s.group(0)


def _figures(sentence: str, base: int) -> list[Figure]:
    return [f for f in (Figure(m, base, sentence) for m in figures(sentence)) if f.value is not None]


def _quote(doc, f: Figure, width: int = 14) -> str:
    """The words that name a figure: its clause up to and including the figure."""
    text = doc.content
    a = f.start
    while a > 0 and f.start - a < width and text[a - 1] not in _CLAUSE_STOP:
        a -= 1
    return text[a: f.end]


def _rates(analysis, rule):
    doc = analysis.doc
    rates = compiled(r"(?:" + rule.params["rates"] + r")([^，。；%％\d]{0,8}?)(\d+(?:\.\d+)?)\s*[%％]")
    change = compiled(_CHANGE)
    out = []
    for m in doc.finditer(rates):
        if float(m.group(2)) <= 100 or change.search(m.group(1)):
            continue
        span = doc.span(m.start(), m.end())
        out.append(rule.diagnostic(span, context=analysis.paragraph(span.line), found=m.group(0)))
    return out


def _parts_total(analysis, rule):
    p = rule.params
    doc = analysis.doc
    total_words = compiled(r"(?:" + p.get("total", _TOTAL) + r")[^，。；：、]{0,14}$")
    not_parts = compiled(p.get("not_parts", _NOT_PARTS))
    overlapping = compiled(p.get("overlapping", _OVERLAPPING))
    out = []
    for line, base, sentence in _sentences(analysis):
        if "其中" not in sentence and not _EXHAUSTIVE.search(sentence):
            continue
        figs = _figures(sentence, base)
        for total in figs:
            if total.approx or not total_words.search(sentence, 0, total.start - base):
                continue
            marker = _MARKER.search(sentence, total.end - base)
            if not marker:
                continue
            parts = _parts(sentence, base, marker.end(), total.unit, figs, not_parts, overlapping)
            if not parts or any(f.approx for f, _ in parts):
                continue
            exhaustive = marker.group(0).startswith("分别")
            s = sum(f.value for f, _ in parts)
            if (exhaustive and len(parts) >= 2 and abs(s - total.value) > 1e-9) or s > total.value + 1e-9:
                span = doc.span(total.start, parts[-1][0].end)
                out.append(rule.diagnostic(
                    span, context=analysis.paragraph(line), found=_quote(doc, total), total=_num(total.value),
                    previous="、".join(words for _, words in parts), sum=_num(s), unit=total.unit))
                break
    return out


def _parts(sentence, base, start, unit, figs, not_parts, overlapping):
    """The parts listed right after 其中 / 分别为: consecutive clauses (split at 、，；) each
    naming one figure in the total's unit. The list ends at the first clause that does not,
    or that states a change (同比增长), a status (已办结 — a subset of a part, not a part), or
    an attribute that may overlap another (女性, 党员: parts that need not add up)."""
    parts = []
    pos = start
    for clause in re.split(r"[、，；,]", sentence[start:]):
        a, b = pos, pos + len(clause)
        pos = b + 1
        if not clause.strip():
            continue
        inside = [f for f in figs if a <= f.start - base < b and f.unit == unit]
        if len(inside) != 1:
            break
        if overlapping.search(clause):
            return []
        if not_parts.search(clause):
            break
        parts.append((inside[0], clause.strip().rstrip("。；！？")))
    return parts


def _num(v: float) -> str:
    return str(int(v)) if v == int(v) else str(v)


def _repeated(analysis, rule):
    p = rule.params
    doc = analysis.doc
    year_total = compiled(r"^(?:我|全|本)?(?:镇|乡|街道|区|县|市|局)?(?:\d{4}年度?)?(?:" +
                          p.get("year_total", _YEAR_TOTAL) + r")(?:共|累计|合计|总计)*")
    skip = tuple(p.get("skip_parts", ("plan", "shortcomings")))
    seen: dict[tuple[str, str], tuple[Figure, int, str]] = {}
    out = []
    marker = compiled(p.get("year_total", _YEAR_TOTAL))
    for line, base, sentence in _sentences(analysis, skip):
        if not marker.search(sentence):
            continue
        for f in _figures(sentence, base):
            if f.approx or not f.unit or f.unit in ("%", "％"):
                continue
            clause = _quote(doc, f, 24)[: -len(f.text)].strip()
            m = year_total.match(clause)
            if not m:
                continue
            key = clause[m.end():]
            if len(re.findall(r"[\u4e00-\u9fff]", key)) < 4:
                continue
            k = (key, f.unit)
            if k in seen and seen[k][0].value != f.value:
                first, first_line, first_text = seen[k]
                out.append(rule.diagnostic(doc.span(f.start, f.end), context=analysis.paragraph(line),
                                           found=clause + f.text, previous=first_text, line=first_line))
            elif k not in seen:
                seen[k] = (f, line, clause + f.text)
    return out


# -- the built-in checks, by the name a rule gives (``fzlint rule CODE`` shows the text) ----
CHECKS.register("parts-total", "同一句中的总数与分项对不上")(_parts_total)
CHECKS.register("rate-over-100", "不可能超过100%的比率写成超过100%")(_rates)
CHECKS.register("repeated", "同一全年总数前后两处数值不同")(_repeated)
