"""Concrete evidence: figures about the year's work (counts, rates, amounts, dates).

Reviewers reject vague filler (泛化): "扎实推进""成效明显" without a number. A figure counts
only when it measures work — "开展讲座4次", "参考率100%", "罚款10.8万元" — not when it is
incidental:

- an age or anniversary: 60岁以上, 75周年, 建党100周年;
- an ordinal: 第3次, 第十七届, 第三批;
- a year, a document number (〔2021〕1号) or a statutory minimum ("2名以上执法人员");
- the unit's size as background: 辖12个行政村, 总人口5.6万人, 面积86平方公里;
- a slogan or a name: anything inside quotation marks or 《》 ("三项制度", “一村一法律顾问”,
  “1名法律顾问+N名法律明白人”, 《……（2021—2025年）》);
- a one-character Chinese numeral without a counting verb (or the noun it counts: 提出修改
  意见九条) before it: 三项制度, 四个意识, 一次办, 一批. "召开两次专题会议", "共开展十余场", "法律明白人一百二十名" (a numeral of two
  or more characters is a count), "逾百份", "近千人" still count; "数千人次" does not.

Rates are also written in words: "百分之九十八点三", "百分之百".

Counts are also written after the noun, with 超/达/近/逾 and 万/亿: "参与人次超1232万",
"受益人数近2万".
"""
from __future__ import annotations

import functools
import re

from .literals import FirstCharacter
from .normalize import merge_spans

# Bounded runs and no start inside a run: a line of 20,000 digits or 一 costs linear time
# (an unbounded run retried from every position inside it is quadratic). No real figure
# has more than 15 digits or 12 Chinese numerals.
_AR = r"\d{1,15}(?:\.\d{1,15})?"
_CN = r"[一二两三四五六七八九十百千万]{1,12}"
# (万 or 亿 before any unit: 1.86万件, 2万余件, 3.2万份 alike)
_UNITS = (r"(?:万|亿)?(?:余|多)?(?:人次|场次|台次|户次|批次|案次|车次|架次|艘次|航次|个百分点|个工作日|余人|"
          r"次|场|期|件|起|宗|人|名|位|个|项|份|批|家|户|条|篇|台|部|辆|艘|栋|处|所|支|座|套|册|本|卷|幅|块|张|封|"
          r"元|小时|学时|课时|天|日|平方米|亩|公里|米|轮|课|堂|节|村|社区|倍|吨|分(?![钟之局队])|"
          # 增长四成: a tenth, counted (not 成为, 成效, 成立 …)
          r"成(?![为果效立员功长本绩熟就型]))")
FIGURE = re.compile(
    r"(?<![第\d.])(?:(?P<ar>" + _AR + r")|(?<![一二两三四五六七八九十百千万])(?P<cn>" + _CN + r"))\s*" + _UNITS +
    r"(?!以上|以下|周年|岁|届|号|年)"
    r"|(?<![\d.])" + _AR + r"\s*[%％]"
    # a rate in words: 百分之九十八点三, 百分之百
    r"|百分之(?:百|[零〇一二两三四五六七八九十]{1,4}(?:点[零〇一二三四五六七八九]{1,4})?)"
    r"|(?:率|比例|占比)(?:达到?|为|是)?\s*" + _AR +
    r"|(?:人次|人数|件数|次数|场次|户数|份数|数量|总数|总量|金额|规模)(?:超过?|达到?|近|逾|约|共|计|累计|为)?\s*"
    + _AR + r"\s*(?:万|亿)?(?:余|多)?" +
    r"|\d{1,2}月\d{1,2}日"
)
# (and a self-assessment table's scores: 党政主要负责人履职｜4分｜3分｜…（扣1分：…）, the cells' points
# and the points taken off — no figure of the work)
_INCIDENTAL = re.compile(r"(?<!\d)\d{1,15}\s*(?:岁|周岁|周年|年代|届)|第\s*[\d一二三四五六七八九十百]+\s*(?:次|届|号|条|款|批|期|个|项|名|位)?"
                         r"|(?<![\d.])\d{1,3}(?:\.\d{1,2})?\s*分(?=\s*[｜|\t])|扣\s*\d{1,3}(?:\.\d{1,2})?\s*分")
# A Chinese numeral counts only after a verb or word that introduces a count.
_COUNT_CONTEXT = re.compile(
    r"(?:共|累计|合计|总计|先后|开展|召开|组织|举办|举行|达|计|全年|新增|办理|受理|发放|培训|完成|出动|参加|"
    r"参与|调解|化解|排查|聘请|配备|设立|建成|制定|出台|印发|审查|审核|提供|解答|接待|走访|检查|"
    r"查处|作出|听取|进行|学习|学法|授课|演练|巡查|督查|评查|宣讲|为|有|增长|下降|提高|减少|占|超过)[^，。；、“”\"]{0,3}$"
    # or right after the noun it counts: 提出修改意见九条, 排查隐患三处, 调处纠纷五起
    r"|(?:意见|建议|隐患|纠纷|矛盾|案件|案卷|合同|协议|文件|线索)$")
_QUOTED = re.compile(r"“[^“”\n]{0,40}”|「[^」\n]{0,40}」|『[^』\n]{0,40}』|\"[^\"\n]{0,40}\"|‘[^‘’\n]{0,40}’"
                     r"|《[^《》\n]{0,80}》|〔\d{4}〕\s*\d+\s*号")
# Both open with lookbehinds, so the engine would try them at every position of a text: they
# are run only at the characters a match starts with.
_FIGURE_SCAN, _INCIDENTAL_SCAN = FirstCharacter(FIGURE), FirstCharacter(_INCIDENTAL)
_QUOTE_OPENER = re.compile("[“「『\"‘《〔]")     # what a _QUOTED stretch opens with (one scan)
_ZERO = re.compile(r"(?:未(?:发生|收到|制定|出现)|无|没有|0\s*(?:件|起|宗|次))")


# A numeral of times before the act it counts: 两次主持召开, 三次深入村组 (not 两次办, 一次办)
_COUNTED_ACT = re.compile(r"[次场轮](?:主持|召开|组织|开展|深入|带队|带领|听取|研究|到|赴|专题|集中)")


def _counted_numeral(text: str, at: int, cn: str, end: int | None = None) -> bool:
    """Whether a Chinese numeral with a unit is a count (not 三项制度, 一次办)."""
    before = text[at - 1] if at > 0 else ""
    if cn in ("万", "千", "百"):
        # (近千人, 逾百份 bound the number; 数千人次 and 数万人 name none, as 一大批 names none)
        return before in "逾近超上达"
    if len(cn) >= 2:
        return True
    if cn == "一":
        return False
    if _COUNT_CONTEXT.search(text, max(0, at - 8), at):
        return True
    return end is not None and _COUNTED_ACT.match(text, end - 1) is not None


# The unit's size, told as background (辖12个行政村、3个社区，总人口5.6万人，面积86平方公里):
# the clause measures the place, not the year's work.
_BACKGROUND = re.compile(r"(?:下辖|辖有|(?<![管直统])辖(?=[\d一二三四五六七八九十]))[^，。；]{0,40}"
                         r"|(?:总人口|常住人口|户籍人口|辖区人口|总面积|国土面积|辖区面积)[^，。；]{0,24}"
                         r"|面积[约为达]?\s*\d[\d.]*\s*(?:万)?(?:平方公里|平方千米)")


def _excluded_spans(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _INCIDENTAL_SCAN.finditer(text)]
    if _QUOTE_OPENER.search(text):
        spans.extend(m.span() for m in _QUOTED.finditer(text))
    if "辖" in text or "人口" in text or "面积" in text:      # (three substring tests first: no generator)
        spans.extend(m.span() for m in _BACKGROUND.finditer(text))
    return spans


_DATE = re.compile(r"\d{1,2}月\d{1,2}日")


def is_date(match: re.Match) -> bool:
    """A figure that is a day of the year (3月15日): it dates an event, which makes a mention
    concrete (a dated lecture is one lecture), but it measures no work (a part whose only
    numbers are dates is unquantified)."""
    return _DATE.fullmatch(match.group(0)) is not None


def figures(text: str) -> list[re.Match]:
    """Figures measuring work in a text (incidental numbers excluded)."""
    # Many rules ask about the same sentence or line: the answer is kept (for a few long
    # texts too: every rule asks about the one long sentence of a run-on paragraph).
    return list(_figures_cached(text) if len(text) <= 2000 else _figures_long(text))


def _figures(text: str) -> tuple[re.Match, ...]:
    # The excluded spans are merged and walked with the matches, so a line full of
    # numbers costs linear time, not matches × spans; a text with no candidate at all (most
    # clauses and sentences) is not searched for them.
    candidates = list(_FIGURE_SCAN.finditer(text))
    if not candidates:
        return ()
    excluded = merge_spans(sorted(_excluded_spans(text)))
    out, k = [], 0
    for m in candidates:
        while k < len(excluded) and excluded[k][1] <= m.start():
            k += 1
        if k < len(excluded) and excluded[k][0] <= m.start():
            continue
        cn = m.group("cn")
        if cn is not None and not _counted_numeral(text, m.start(), cn, m.end()):
            continue
        out.append(m)
    return tuple(out)


_figures_cached = functools.lru_cache(maxsize=4096)(_figures)
_figures_long = functools.lru_cache(maxsize=16)(_figures)


def is_concrete(text: str) -> bool:
    """True when the text states at least one figure, or an explicit zero ("未发生…")."""
    return bool(figures(text)) or bool(_ZERO.search(text))


def density(text: str) -> float:
    """Figures per 1,000 characters."""
    n = len(text.strip())
    return 1000.0 * len(figures(text)) / n if n else 0.0
