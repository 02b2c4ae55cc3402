"""What a report says about itself: title, issuer, year reported on, level, date.

Sources, most trusted first:

- title: the first short line(s) before the body that name a 法治政府建设 report; a title
  broken over two or three lines is joined; a web copy that repeats the title gives the
  first complete copy.
- issuer: the signature above the closing date (落款), the title's prefix (“…关于”, or the
  name before/after the year), the subject of the opening sentence (“2021年，XX镇坚持…”),
  a “现将XX20XX年…报告如下” sentence, and last the page's 发布机构/发文机关 field.
- report_year: the title's year; else the body (“现将2021年度…报告如下”, the opening
  sentence's year, the measures heading's year, the plan heading's year minus one), then
  the date minus one. A heading or a phrase in the body never overrides the title.
- date: the 落款 date (digits or Chinese numerals), a date line under the title, or the
  page's 成文日期 field. A site clock (今天是…星期三) or 发布时间 is never the report's date.
- level: from the issuer's name (its last administrative unit), else from how the report
  calls itself (我镇/我县/我局…).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, field

from . import departments, places
from .chrome import spaced
from ..text.dates import ISO_DATE, YEAR, arabic_years, date_in, iso_date
from .document import Document, Line
from .signature import find_signature
from .outline import Outline

_TITLE_WORDS = re.compile(r"法治政府|法治建设|依法行政|依法治(?:县|区|市|省|镇|乡|街)|法治\S{0,6}建设")
_REPORT_END = re.compile(r"(?:报告|总结|情况|汇报)(?:（\S{1,8}）)?$")
_REPORT_WORD = re.compile(r"报告|总结|汇报")
# A year in a title, but not the year of a full date printed on the same line (a site's
# publication date: "2024年3月5日 某县2023年法治政府建设年度报告").
_TITLE_YEAR = re.compile(YEAR + r"\s*年(?!\s*\d{1,2}\s*月\s*\d{1,2}\s*日)")
_LEADING_YEAR = re.compile(r"^\s*" + YEAR + r"\s*年(?!\d{1,2}月)")
_NOW_REPORT = re.compile(r"现(?:将|就)(?:[^，。]{0,30}?)" + YEAR + r"\s*年")

# Administrative units, longest suffixes first; a unit is not followed by 委/政府 (区委,
# 区政府 are how a report names its superiors) nor by another unit suffix (清镇|市).
_SUFFIX = r"(?:自治区|自治州|自治县|自治旗|特别行政区|街道|苏木|地区|省|市|州|盟|县|区|旗|镇|乡)"
# 和 and 与 may begin a unit's name (和平镇, 与和乡): a name is only matched where a subject
# or a title prefix starts, so they are not conjunctions there.
_UNIT_END = r"(?![市县区镇乡旗州省委]|政府|街道|级|长|域|属|直|内|情|人大|政协|法院|检察)"
_UNIT = (r"(?:(?![全我本各该在及、对向])[\u4e00-\u9fff]{1,8}?" + _SUFFIX +
         # autonomous units carry the names of their peoples: 双江拉祜族佤族布朗族傣族自治县
         r"|[\u4e00-\u9fff]{2,14}?族(?:自治区|自治州|自治县|自治旗)"
         # a government that does not repeat its place's name: 县人民政府, 自治州人民政府
         r"|(?:自治区|自治州|自治县|自治旗|[县区市州盟旗镇乡])(?=人民政府|政府))" + _UNIT_END)
_ORG = r"(?:人民政府|街道办事处|办事处|行政公署|政府)"
# 和 stays inside a department's name (发展和改革委员会, 住房和城乡建设局, 文化和旅游局).
_DEPT = (r"[^\s，。、；：“”（）《》在坚以的与及对将把为是了于]{1,12}?"
         r"(?:(?<![全大开布格结变当时新胜好破])局|(?<!大)厅|委员会|办公室|管委会|支队|大队|司法所)")
_NAME = re.compile(r"(?:中共)?(?:" + _UNIT + r")+(?:" + _ORG + r")?(?:" + _DEPT + r")?")
_DEPT_NAME = re.compile(r"^(?:市|县|区|省)?" + _DEPT)
_LEADERSHIP = re.compile(r"在[^。；]{0,60}?(?:领导|指导|监督|关怀|支持|帮助)[^。；，,]{0,6}下[，,]?")
_OPENING = re.compile(r"^\s*(?:" + YEAR + r"\s*年(?:度)?(?:以来)?|今年以来|一年来|近年来)?[，,\s]*")
# A metadata field: "[ 发布机构 ] X", "发布机构：X", or a table cell "| 发布机构 | X |".
_FIELD_SEP = r"\s*(?:[\]】]\s*)?(?:[:：|｜]\s*)?"
_FIELD_ISSUER = re.compile("(?:" + "|".join(spaced(n) for n in ("发布机构", "发文机关", "发文单位", "信息来源",
                                                                     "来源")) +
                           ")" + _FIELD_SEP + r"([^\s|｜:：]{3,30})")
_FIELD_TITLE = re.compile(r"(?:^|[|｜])\s*(?:[\[【]\s*)?(?:" + spaced("标题") + "|" + spaced("文件名称") + ")" +
                          _FIELD_SEP + r"([^|｜\s][^|｜]{4,79}?)\s*(?:[|｜]|$)")



# How a report calls its own body: 我镇, 本局, 全县 …
_SELF_NAMES = [
    ("department", re.compile(r"[我本](?:局|厅|委|办|中心)(?![员会])|全局干部|局党组|局领导班子")),
    ("township", re.compile(r"[我本全](?:镇|乡|街道|街)(?!长)|镇党委|乡党委|街道党工委")),
    ("county", re.compile(r"[我本全](?:县|区|旗)(?!委|长|级)|县委|县政府|区政府常务")),
    ("city", re.compile(r"[我本全]市(?!委|长|级)|[我本全](?:州|盟)(?![委长级县])")),
    ("province", re.compile(r"[我本全](?:省|自治区)(?!委|长|级)")),
]


@dataclass
class Meta:
    """What a report says about itself: title, issuer, year, level, date, and where each came from."""

    title: str | None = None
    issuer: str | None = None
    report_year: int | None = None
    level: str | None = None
    date: str | None = None
    ruleset: str | None = None
    title_lines: list[int] = field(default_factory=list)
    year_source: str | None = None     # title | body | date | override
    level_source: str | None = None    # issuer | title | body | override
    date_source: str | None = None     # signature | title | field
    issuer_source: str | None = None   # signature | title | byline | body | field
    issuers: list[str] = field(default_factory=list)   # every issuer named (joint reports)
    places: list[str] = field(default_factory=list)    # the issuer's place chain, province first
    report_like: bool = True           # does it look like a 法治政府建设年度报告 at all?

    def to_dict(self) -> dict:
        return asdict(self)


def extract(doc: Document, outline: Outline) -> Meta:
    meta = Meta()
    meta.title, meta.title_lines = find_title(doc, outline)
    meta.issuers, meta.issuer_source = find_issuers(doc, outline, meta.title, meta.title_lines)
    # (the formal name, as a reviewer and a roster write it: 市场监管局 → 市场监督管理局)
    meta.issuer = departments.formal_name(primary_issuer(meta.issuers))
    meta.places = [u.name for u in places.chain(meta.issuer)] if meta.issuer else []
    meta.date, meta.date_source = find_date(doc, meta.title_lines)
    meta.report_year, meta.year_source = find_year(doc, outline, meta.title, meta.title_lines)
    if meta.report_year is None and meta.date:
        meta.report_year, meta.year_source = int(meta.date[:4]) - 1, "date"
    meta.level, meta.level_source = find_level(doc, meta.issuers, meta.title)
    meta.report_like = looks_like_report(meta.title, outline, doc)
    return meta


# -- is it a report at all? ------------------------------------------------------------
# Other official documents a clerk may pick up by mistake: a notice, a plan, minutes …
_OTHER_DOCUMENT = re.compile(r"(?:通知|通报|函|纪要|方案|意见|决定|批复|请示|公告|通告|办法|规定|要点|计划|简报|讲话)$")
_REPORT_TITLE = re.compile(r"(?:法治|依法行政).*(?:报告|情况|总结)|(?:报告|情况|总结).*(?:法治|依法行政)")
_REPORT_PARTS = ("measures", "shortcomings", "frp", "plan")
_RULE_OF_LAW_WORK = re.compile(r"法治|依法|普法|执法|复议|应诉|法律顾问|合法性审查")
_WORK_MENTIONS = 12      # a report body names its rule-of-law work dozens of times; a notice a few
_PART_MENTIONS = 5       # (enough in an excerpt that has one of the report's parts)


def looks_like_report(title: str | None, outline: Outline, doc: Document) -> bool:
    """A 法治政府建设年度报告 by its title, by its parts (举措、不足、第一责任人、安排), or —
    the text pasted without its title — by a body full of rule-of-law work. A title that
    names another kind of document (…的通知) needs three of the parts to count."""
    kinds = {p.kind for p in outline.parts if p.kind in _REPORT_PARTS}
    title = (title or "").strip()
    if _OTHER_DOCUMENT.search(title):
        return len(kinds) >= 3
    if _REPORT_TITLE.search(title) or len(kinds) >= 2:
        return True
    mentions, enough = 0, _PART_MENTIONS if kinds else _WORK_MENTIONS
    for _ in _RULE_OF_LAW_WORK.finditer(doc.content):
        mentions += 1
        if mentions >= enough:
            return True
    return False


# -- title ---------------------------------------------------------------------
def _preamble(doc: Document, outline: Outline, limit: int = 15) -> list[Line]:
    last = max(outline.body_start - 1, 0)
    return [ln for ln in doc.lines[:last] if not ln.chrome and ln.stripped][:limit]


# Lines of an official document's head that are not its title: 附件1, 某府发〔2023〕5号,
# 某某县人民政府文件, 签发人：…, a date line "（2023年2月10日）".
_NOT_TITLE = re.compile(r"^(?:附件\s*\S{0,3}|.{0,20}〔\s*\d{4}\s*〕\s*\d+\s*号|.{2,30}文件|"
                        r"(?:签发人|密级|紧急程度|主送|抄送).*|[（(]?\s*(?:20\d\d|[二〇○零]{4})\s*年.{1,6}日\s*[）)]?)$")


def _title_piece(ln: Line, first: bool) -> bool:
    text = ln.stripped
    if _NOT_TITLE.match(text):
        return False
    return (len(text) <= (70 if first else 45) and not text.endswith(("。", "：", "，", "；"))
            and not re.search(r"[。；]", text[:-1]))


def find_title(doc: Document, outline: Outline) -> tuple[str | None, list[int]]:
    """The first short line(s) before the body that name the report."""
    lines = _preamble(doc, outline)
    if not lines and outline.body_start > len(doc.lines):
        lines = [ln for ln in doc.lines if not ln.chrome and ln.stripped][:15]
    for i, ln in enumerate(lines):
        if not _title_piece(ln, True):
            continue
        joined, used = ln.stripped, [ln.number]
        j = i + 1
        # A title broken over lines: continue while it does not yet end like a title.
        while not _REPORT_END.search(joined) and j < len(lines) and len(used) < 3:
            nxt = lines[j]
            if nxt.number - used[-1] > 2 or not _title_piece(nxt, False):
                break
            joined, used = joined + nxt.stripped, used + [nxt.number]
            j += 1
        if _TITLE_WORDS.search(joined) and _REPORT_WORD.search(joined) and len(joined) <= 80:
            return joined, used
    return _field_title(doc)


def _field_title(doc: Document) -> tuple[str | None, list[int]]:
    """A title given only in the site's metadata block ("[ 标 题 ] 某镇2023年度…报告")."""
    for ln in doc.lines[:40]:
        m = _FIELD_TITLE.search(ln.norm)
        if m and _TITLE_WORDS.search(m.group(1)) and _REPORT_WORD.search(m.group(1)):
            return m.group(1), [ln.number]
    return None, []


# -- issuer --------------------------------------------------------------------
def find_issuers(doc: Document, outline: Outline, title: str | None,
                 title_lines: list[int]) -> tuple[list[str], str | None]:
    signature = find_signature(doc).names
    from_title = _issuers_in_title(title) if title else []
    if signature:
        # The signature may abbreviate what the title spells out (孙家镇人民政府 /
        # 重庆市万州区孙家镇人民政府): keep the fuller name of the same body.
        names = [next((t for t in from_title if _same_body(s, t) and len(t) > len(s)), s) for s in signature]
        return names, "signature"
    byline = _byline(doc, title_lines)
    if from_title:
        # the line under the title may spell out what the title shortens (桃江县 / 桃江县人民政府,
        # 某某街道 / 某某街道党工委 某某街道办事处)
        if byline and all(any(_same_body(t, b) and len(b) > len(t) for b in byline) for t in from_title):
            return byline, "byline"
        return from_title, "title"
    if byline:
        return byline, "byline"
    subject = _opening_subject(doc, outline, title_lines)
    field = _field_issuer(doc)
    if subject:
        # the opening sentence may shorten what the page's 来源 field spells out
        # (蜀山区 / 合肥市蜀山区人民政府): keep the fuller name of the same body
        if field and len(subject) >= 3 and len(field) > len(subject) and _same_body(subject, field):
            return [field], "field"
        return [subject], "body"
    if field:
        return [field], "field"
    return [], None


def _field_issuer(doc: Document) -> str | None:
    """The issuer a web page's metadata names (来源：…, 发文机关：…)."""
    for ln in doc.lines[:40]:
        if ln.chrome:
            m = _FIELD_ISSUER.search(ln.norm)
            if m and _NAME.match(m.group(1)) or m and _DEPT_NAME.match(m.group(1)):
                return m.group(1)
    return None


def _byline(doc: Document, title_lines: list[int]) -> list[str]:
    """The issuers named on a line of their own under the title ("2024年度法治政府建设情况报告" /
    "中共某镇委员会 某镇人民政府"): the issuers of a title that names none, or the full names of
    a title that shortens them."""
    if not title_lines:
        return []
    after = [ln for ln in doc.lines[max(title_lines):max(title_lines) + 3] if not ln.chrome and ln.stripped]
    if not after or len(after[0].stripped) > 60 or re.search(r"[。；：:，,]", after[0].stripped):
        return []
    names = [n for piece in re.split(r"[\s、]+", after[0].stripped) if piece for n in split_joint(piece)]
    return names if names and all(_is_issuer_name(n) and _is_body(n) for n in names) else []


def primary_issuer(issuers: list[str]) -> str | None:
    """Of joint issuers (中共XX镇委员会、XX镇人民政府), the government reports on 法治政府."""
    if not issuers:
        return None
    return next((n for n in issuers if "政府" in n or "办事处" in n), issuers[-1] if len(issuers) > 1
                and issuers[0].startswith("中共") else issuers[0])


def _same_body(a: str, b: str) -> bool:
    core = re.sub(r"^中共|人民政府$|政府$|办事处$|委员会$", "", a)
    return bool(core) and core in b


def _issuers_in_title(title: str) -> list[str]:
    # "关于某县2023年…的报告": the name follows 关于
    title = re.sub(r"^关于(?=\S{2,30}?" + YEAR + r"\s*年)", "", title)
    m = re.match(r"^(.{2,60}?)关于", title)
    if m:
        prefix = m.group(1)
    else:
        m = re.match(r"^(.{2,40}?)" + YEAR + r"\s*年", title)
        if m:
            prefix = m.group(1)
        else:
            # "2020年青山区法治政府建设情况报告": the name follows the year.
            m = re.match(r"^\s*" + YEAR + r"\s*年(?:度)?(.{2,30}?)(?:法治|依法|关于|全面)", title)
            prefix = m.group(2) if m else ""
    names = [n for p in re.split(r"[\s、，]+", prefix.strip()) if p for n in split_joint(p)]
    # "和平镇党委、政府": the bare government is the same place's
    for i in range(1, len(names)):
        if names[i] in ("政府", "人民政府"):
            place = re.sub(r"^中共|(?:党委|党工委|委员会|委)$", "", names[i - 1])
            if place != names[i - 1] and place:
                names[i] = place + names[i]
    return [n for n in names if _is_issuer_name(n)]


def _is_issuer_name(name: str) -> bool:
    return bool(_NAME.fullmatch(name) or _DEPT_NAME.fullmatch(name)
                or re.search(r"(?:政府|委员会|党委|党工委|(?<=[省市县区旗州盟])委|局|厅|办公室|办事处)$", name))


def split_joint(text: str) -> list[str]:
    """Joint issuers joined by 和/与 ("中共某镇委员会和某镇人民政府") or by nothing
    ("中共某县委某县人民政府"), split only where both sides are whole names of bodies:
    太和镇人民政府, 永和县, 与和乡 stay one name."""
    for m in re.finditer("[和与]", text):
        left, right = text[:m.start()], text[m.end():]
        if len(left) >= 2 and _is_body(left) and _is_issuer_name(left):
            rest = split_joint(right)
            if rest and all(_is_body(r) and _is_issuer_name(r) for r in rest):
                return [left] + rest
    # written together with no mark between: 中共某镇委员会某镇人民政府
    for m in re.finditer(r"(?:委员会|党工委|党委|(?<=[省市县区旗州盟])委)(?=.{2,}(?:人民政府|政府|办事处)$)", text):
        left, right = text[:m.end()], text[m.end():]
        if _is_issuer_name(left) and _is_issuer_name(right) and _is_body(right):
            return [left] + split_joint(right)
    return [text]


def _is_body(name: str) -> bool:
    """A name that ends as an issuing body does (not a bare fragment such as 太 or 永)."""
    return bool(re.search(r"(?:政府|委员会|党委|党工委|委|局|厅|办公室|办事处|" + _SUFFIX[3:-1] + r")$", name))


def _opening_subject(doc: Document, outline: Outline, title_lines: list[int]) -> str | None:
    """The body named at the start of the opening sentence, or in "现将XX20XX年…报告如下"."""
    after_title = max(title_lines) if title_lines else 0
    # (a salutation such as "市委全面依法治市委员会：" names the addressee, not the issuer)
    lines = [ln for ln in doc.lines[after_title: outline.body_start + 2]
             if not ln.chrome and ln.stripped
             and not (len(ln.stripped) <= 40 and ln.stripped.endswith(("：", ":")))][:3]
    for ln in lines:
        text = _LEADERSHIP.sub("", ln.stripped)
        text = _OPENING.sub("", text, count=1)
        m = _NAME.match(text)
        if m and _plausible_name(m.group(0)):
            return m.group(0)
        # a department that does not repeat its place's name: 区司法局, 县政府办公室
        m = _DEPT_NAME.match(text)
        if m:
            return m.group(0)
    for ln in lines:
        m = re.search(r"现(?:将|就)(?:我|本)?(.{2,30}?)" + YEAR + r"\s*年", ln.stripped)
        if m and (_NAME.fullmatch(m.group(1)) or _DEPT_NAME.fullmatch(m.group(1))):
            return m.group(1)
    return None


def _plausible_name(name: str) -> bool:
    # "市市场监管局" is "市" + "市场监管局", not a place called 市市.
    return len(name) >= 2 and not re.match(r"^(?:中共)?[省市县区镇乡州][省市县区镇乡州场]", name)


# -- year ----------------------------------------------------------------------
def find_year(doc: Document, outline: Outline, title: str | None,
              title_lines: list[int] | None = None) -> tuple[int | None, str | None]:
    if title:
        m = _TITLE_YEAR.search(arabic_years(title))     # (二〇二三年度 as well as 2023年度)
        if m:
            return int(m.group(1)), "title"
    after_title = max(title_lines) if title_lines else 0
    preamble = [ln for ln in doc.lines[after_title: max(outline.body_start - 1, after_title)]
                if not ln.chrome and ln.stripped]
    # "现将2021年度法治政府建设情况报告如下" names the year reported on.
    for ln in preamble:
        m = _NOW_REPORT.search(ln.stripped)
        if m:
            return int(m.group(1)), "body"
    # The opening sentence usually starts with the year: "2023年，静海区…"
    for ln in preamble[:3]:
        m = _LEADING_YEAR.match(ln.stripped)
        if m:
            return int(m.group(1)), "body"
    # The measures heading ("一、2021年工作情况") or the plan heading ("四、2022年…思路").
    for part in outline.parts:
        m = _TITLE_YEAR.search(part.title)
        if m and not part.embedded:
            if part.kind in ("measures", "frp", "shortcomings"):
                return int(m.group(1)), "body"
            if part.kind == "plan":
                return int(m.group(1)) - 1, "body"
    counts = Counter(int(y) for y in re.findall(YEAR + r"\s*年(?!\s*\d{1,2}\s*月)", doc.content))
    if counts:
        return counts.most_common(1)[0][0], "body"
    return None, None


# -- date ----------------------------------------------------------------------
def find_date(doc: Document, title_lines: list[int] | None = None) -> tuple[str | None, str | None]:
    tail = [ln for ln in doc.lines if not ln.chrome and ln.stripped][-4:]
    for ln in reversed(tail):
        if len(ln.stripped) <= 24:
            date = date_in(ln.stripped)
            if date:
                return date, "signature"
    # "（2022年1月26日）" on its own line right under the title.
    if title_lines:
        below = [ln for ln in doc.lines[max(title_lines): max(title_lines) + 3] if not ln.chrome and ln.stripped]
        if below and len(below[0].stripped) <= 24 and re.fullmatch(r"[（(]?[^（）()]{6,20}[）)]?", below[0].stripped):
            date = date_in(below[0].stripped)
            if date:
                return date, "title"
    for ln in doc.lines:
        if "成文日期" in ln.norm and (ln.chrome or len(ln.stripped) <= 40):
            text = ln.norm[ln.norm.index("成文日期"):]
            date = date_in(text)
            if not date:
                m = ISO_DATE.search(text)
                date = iso_date(*m.groups()) if m else None
            if date:
                return date, "field"
    return None, None


# -- level ---------------------------------------------------------------------
def find_level(doc: Document, issuers: list[str] | str | None,
               title: str | None) -> tuple[str | None, str | None]:
    if isinstance(issuers, str):
        issuers = [issuers]
    context = doc.content[:1500]
    levels = [level_of_name(n, context) for n in issuers or []]
    levels = [lv for lv in levels if lv]
    if levels:
        # A joint report of a party committee and a government is the government's level.
        return levels[-1] if len(set(levels)) > 1 and "department" not in levels else levels[0], "issuer"
    if title:
        for name in _issuers_in_title(title):
            level = level_of_name(name, context)
            if level:
                return level, "title"
    counts = Counter()
    for level, pattern in _SELF_NAMES:
        counts[level] = len(pattern.findall(doc.content[:6000]))
    ranked = counts.most_common(2)
    if ranked and ranked[0][1] >= 1 and (len(ranked) < 2 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0], "body"
    return None, None


_COUNTIES_BELOW = re.compile(r"县[（(]市[、，]?区[）)]|县[（(]区[）)]|区[（(]县[）)]|县市区|区县|县区(?!域)|(?<!\d)\d+个县")


def level_of_name(name: str, context: str = "") -> str | None:
    """Level of an issuing body from its name (and, for a 县级市, from its context)."""
    name = (name or "").strip()
    if not name:
        return None
    name = re.sub(r"^中共", "", name)
    # A place's party committee is at the place's level: XX镇委员会, XX县委, XX街道党工委.
    place = re.sub("(" + _SUFFIX + r")(?:党委|党工委|委员会|委)$", r"\1", name)
    if place == name and not name.endswith("行政公署") and \
            re.search(r"(?:局|厅|委|委员会|办公室|办|中心|管委会|署|海关|支队|大队|总队|所)$", name):
        return "department"
    place = re.sub(r"(?:人民政府|办事处|行政公署|政府)$", "", place)
    if re.search(r"(?:镇|乡|街道|苏木)$", place):
        return "township"
    if re.search(r"(?:自治县|自治旗|县|旗|区)$", place) and not re.search(r"(?:^|省)\S{0,4}自治区$", place):
        return "county"
    if re.search(r"(?:自治州|州|盟|地区)$", place):
        return "city"
    if re.search(r"(?:省|自治区)$", place):
        return "province"
    m = re.search(r"([\u4e00-\u9fff]{1,8}?)市$", place)
    if m:
        city = re.sub(r"^.*?(?:省|自治区|自治州|地区|盟|州|市)", "", m.group(1)) or m.group(1)
        if city in places.municipalities() and place.endswith(city + "市"):
            return "province"
        prefecture = places.is_prefecture_city(city)
        if prefecture is None and city in places.former_prefecture_cities():
            prefecture = True
        if prefecture is True:
            return "city"
        if prefecture is False:
            return "county"
        # A name the gazetteer does not hold: a city that speaks of its counties
        # (全市13个县（市、区）) is a prefecture-level one.
        if _COUNTIES_BELOW.search(context):
            return "city"
        # Not a prefecture-level city: a 县级市, led by another city's 市委.
        led_by = re.search(r"在([\u4e00-\u9fff]{2,5}?)市委", context)
        if led_by and led_by.group(1) != city or len(city) >= 2:
            return "county"
        return "city"
    return None
