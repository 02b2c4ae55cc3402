"""lawtitle: titles in 《》 that look like national laws and regulations, checked against
the law-title registry (``linter.lawdb``).

A title is judged only when it looks like a national law or regulation: it ends in 法, 法典,
条例, 规定, 办法, 准则, 规则 (or 细则, 章程) or starts with 中华人民共和国 / 中国共产党. Left
alone: local instruments (重庆市…, 广东省…, any title led by a place name), titles nested
inside another 《…》 or written in 〈〉, and policy documents (纲要, 规划, 意见, 通知, 方案, 决定 …),
which the registry does not cover.

params:
  check:        unknown | repealed | not-yet
  cutoff:       rapidfuzz ``fuzz.ratio`` cutoff for suggestions (default 70). An unknown
                title with no close registry title is left alone: it may be a departmental
                rule or a regulation newer than the registry.
  limit:        how many suggestions to name (default 2)
  margin:       a further suggestion must score within this of the best (default 8)
  known:        further real titles the registry lacks (newer instruments)
  hints:        misnamed title → the real titles it usually means, where fuzzy matching
                cannot know (妇女儿童权益保护法 → 妇女权益保障法, 未成年人保护法)
  repeal_dates: title → repeal date, for registry rows marked repealed without a date
  historical:   regex; a sentence matching it mentions a repealed law historically (原, 废止)
  in_force:     (not-yet) title → the date it takes effect, for instruments newer than some
                report years: cited as the basis of a year's work before that year, it is an
                anachronism. Found written in full or short, in 《》 or bare; the plan part
                (next year's work) and sentences matching ``unless`` (草案, 施行后 …) are left alone.

Fixes are suggestions only (``safe: false``): a misnamed law may mean more than one law.
"""
from __future__ import annotations

import re

from . import _laws as lawdb
from ..document import places
from ..document.result import Edit, Fix
from ._shared import Checks, compiled, not_applicable, observe, regex_problems, sentence_around

_LAWLIKE_END = re.compile(r"(?:法|法典|条例|规定|办法|准则|规则|细则|章程)(?:[（(][^（）()]{1,12}[）)])?$")
_LAWLIKE_START = ("中华人民共和国", "中国共产党", "中共中央", "国务院")
_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,8}?(?:省|市|自治区|自治州|自治县|县|区|州|盟|旗|镇|乡|街道)")
# Words ending in a place suffix that are not place names.
_NOT_PLACES = ("城市", "城区", "社区", "市场", "地区", "山区", "园区", "景区", "街区", "小区", "辖区", "特区",
               "牧区", "林区", "矿区", "库区", "灾区", "老区", "城乡", "都市")
_POLICY_END = re.compile(r"(?:纲要|规划|意见|通知|方案|决定|决议|要点|报告|公报|讲话|计划|通告|批复|指引|指南|清单|"
                         r"目录|标准|白皮书|精神|论述|思想)(?:[（(][^（）()]{1,20}[）)])?$")
_HISTORICAL = r"原《|废止|失效|取代|替代|代替|施行前|修订前"


def validate(params: dict) -> list[str]:
    problems = CHECKS.problems(params)
    cutoff = params.get("cutoff", 70)
    if not isinstance(cutoff, (int, float)) or not 50 <= cutoff <= 100:
        problems.append("cutoff 应在 50 到 100 之间")
    for key in ("known",):
        if not isinstance(params.get(key, []), list):
            problems.append(f"{key} 应是标题列表")
    for title, date in (params.get("in_force") or {}).items():
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(date)):
            problems.append(f"in_force 中《{title}》的日期应为 YYYY-MM-DD")
    if params.get("check") == "not-yet" and not params.get("in_force"):
        problems.append("not-yet 规则需要 in_force 映射")
    problems += regex_problems(params, ("unless",))
    for key in ("hints", "repeal_dates", "in_force"):
        if not isinstance(params.get(key, {}), dict):
            problems.append(f"{key} 应是映射")
    for title, date in (params.get("repeal_dates") or {}).items():
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(date)):
            problems.append(f"repeal_dates 中《{title}》的日期应为 YYYY-MM-DD")
    return problems


def citations(doc):
    """(match, title) for each 《title》 not nested inside another 《…》."""
    text = doc.content
    # the marks opened and closed on the title's line before it, counted on from the last title
    # (counted afresh from the line's start, a paragraph of thousands of titles was quadratic)
    at = opened = closed = 0
    for m in doc.finditer(lawdb.TITLE):
        start = m.start()
        line_break = text.rfind("\n", at, start)
        if line_break != -1:
            at, opened, closed = line_break + 1, 0, 0
        opened += text.count("《", at, start)
        closed += text.count("》", at, start)
        at = start
        if opened > closed:
            continue
        yield m, lawdb.clean(m.group(1))


def looks_national(title: str) -> bool:
    if _POLICY_END.search(title):
        return False
    return title.startswith(_LAWLIKE_START) or bool(_LAWLIKE_END.search(title))


def is_local(title: str) -> bool:
    if title.startswith(places.province_short_names()):
        return True
    m = _PLACE.match(title)
    if not m:
        return False
    place = m.group(0)
    return not any(place.endswith(w) for w in _NOT_PLACES) and not title.startswith(_LAWLIKE_START)


CHECKS = Checks("lawtitle")
check = CHECKS.run


def _unknown(analysis, rule):
    p = rule.params
    doc = analysis.doc
    registry = lawdb.registry()
    known = {lawdb.clean(k) for k in p.get("known", [])}
    known |= {k[len(lawdb.PRC):] for k in known if k.startswith(lawdb.PRC)}
    hints = {lawdb.clean(k): v for k, v in (p.get("hints") or {}).items()}
    out = []
    for m, title in citations(doc):
        if not title or registry.lookup(title) or title in known:
            continue
        if not looks_national(title) or is_local(title):
            continue
        if title in hints:
            names = []
            for h in hints[title]:
                entry = registry.lookup(h)
                names.append(entry.form_like(title) if entry else h)
        else:
            hits = registry.suggest(title, p.get("limit", 2), p.get("cutoff", 70))
            # a runner-up far behind the best match is noise, not an alternative
            names = [e.form_like(title) for e, score in hits if score >= hits[0][1] - p.get("margin", 8)]
        if not names:
            continue
        out.append(_diagnostic(analysis, rule, m, title, names[0], "或".join(f"《{n}》" for n in names)))
    return out


def _repealed(analysis, rule):
    p = rule.params
    doc = analysis.doc
    year = analysis.year
    if year is None:
        return not_applicable(rule)
    registry = lawdb.registry()
    dates = {lawdb.clean(k): str(v) for k, v in (p.get("repeal_dates") or {}).items()}
    historical = compiled(p.get("historical", _HISTORICAL))
    out, lines = [], []
    for m, title in citations(doc):
        entry = registry.lookup(title) if title else None
        if entry is None or entry.status != "repealed":
            continue
        date = entry.repealed_on or dates.get(entry.title) or dates.get(entry.short)
        # Repealed by the start of the report year: the whole year's work fell under the successor.
        if not date or date > f"{year}-01-01":
            continue
        a, b = sentence_around(analysis, m.start(), m.end())
        if historical.search(doc.content[a:b]):
            continue
        successor = registry.lookup(entry.replaced_by) if entry.replaced_by else None
        replacement = successor.form_like(title) if successor else entry.replaced_by
        lines.append(doc.line_of(m.start()))
        y, mo, d = (int(x) for x in date.split("-"))
        out.append(_diagnostic(analysis, rule, m, title, replacement, f"《{replacement}》" if replacement else "",
                               date=f"{y}年{mo}月{d}日"))
    return out + observe(rule, doc, lines)


_NOT_YET_UNLESS = r"草案|征求意见|审议|表决|通过|颁布|公布|出台|即将|施行后|正式施行|施行准备"


def _not_yet(analysis, rule):
    p = rule.params
    doc, year = analysis.doc, analysis.year
    if year is None:
        return []
    names = {}
    for title, date in p["in_force"].items():
        if str(date) > f"{year}-12-31":  # in force only after the report year ended
            title = lawdb.clean(title)
            short = title[len(lawdb.PRC):] if title.startswith(lawdb.PRC) else title
            names[title] = names[short] = (title, str(date))
    if not names:
        return []
    alternation = compiled("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r"(?![治制律规])")
    unless = compiled(p.get("unless", _NOT_YET_UNLESS))
    out, reported = [], set()
    for m in doc.finditer(alternation):
        line = doc.line_of(m.start())
        a, b = sentence_around(analysis, m.start(), m.end())
        if a in reported or analysis.part_kind_at(line) == "plan" or unless.search(doc.content, a, b):
            continue
        reported.add(a)
        title, date = names[m.group(0)]
        y, mo, d = (int(x) for x in date.split("-"))
        out.append(rule.diagnostic(doc.span(m.start(), m.end()), context=analysis.paragraph(line),
                                   found=m.group(0), replacement=title, date=f"{y}年{mo}月{d}日", year=year))
    return out


def _diagnostic(analysis, rule, m, title, best, suggestions, **values):
    doc = analysis.doc
    span = doc.span(m.start(), m.end())
    fix = None
    if best:
        inner = doc.span(m.start(1), m.end(1))
        fix = Fix([Edit(inner.line, inner.column, inner.end_line, inner.end_column, best)], safe=False,
                  description=f"改为《{best}》")
    line = doc.line_of(m.start())
    return rule.diagnostic(span, fix=fix, context=analysis.paragraph(line), found=title,
                           replacement=best, suggestions=suggestions, year=analysis.year, **values)


# -- the built-in checks, by the name a rule gives (``fzlint rule CODE`` shows the text) ----
CHECKS.register("unknown", "不在法规名录中的法律名称，给出最接近的真实名称")(_unknown)
CHECKS.register("repealed", "报告年度前已废止的法律，给出替代它的法律")(_repealed)
CHECKS.register("not-yet", "引用尚未施行的法律")(_not_yet)
