"""What a report says about itself: title, issuer, year reported on, level, date."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, field

from .document import Document
from .structure import Outline

_YEAR = r"(20[0-4]\d|19[89]\d)"
_TITLE_WORDS = re.compile(r"法治政府建设|依法行政|法治建设|法治政府")
_REPORT_WORD = re.compile(r"报告|总结|情况$")
_TITLE_YEAR = re.compile(_YEAR + r"\s*年")
_BODY_YEAR = re.compile(_YEAR + r"\s*年(?:度)?(?:以来)?[，,、]?")
_ISSUER_IN_TITLE = re.compile(r"^(.{2,40}?)(?:关于|" + _YEAR + r"\s*年)")
_DATE = re.compile(_YEAR + r"\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ISO_DATE = re.compile(_YEAR + r"[-/.](\d{1,2})[-/.](\d{1,2})")
_CN_DATE = re.compile(r"([二〇零○Ｏ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
_ORG = r"(?:人民政府|政府|委员会|街道办事处|办事处)"
_ISSUER_LINE = re.compile(r"^(?:中共)?\S{2,30}?(?:人民政府|街道办事处|办事处|委员会|局|厅|办公室|镇|乡|街道)$")
_SUBJECT = re.compile(
    r"(?:^|[，。、\s])((?:[\u4e00-\u9fff]{1,12}?(?:省|市|自治州|州|盟|地区))?[\u4e00-\u9fff]{1,10}?"
    r"(?:自治县|县|区|旗|市|镇|乡|街道|苏木)(?:人民政府)?(?:[\u4e00-\u9fff]{0,10}?(?:局|委员会|办公室|厅))?)"
    r"(?=坚持|始终|认真|深入|全面|紧紧|以|在|围绕|积极|按照|聚焦|持续|扎实|牢牢|立足|紧扣)")

LEVELS = ("township", "county", "city", "province", "department")
_PROVINCIAL_CITIES = ("北京市", "天津市", "上海市", "重庆市")


@dataclass
class Meta:
    title: str | None = None
    issuer: str | None = None
    report_year: int | None = None
    level: str | None = None
    date: str | None = None
    ruleset: str | None = None
    title_lines: list[int] = field(default_factory=list)
    year_source: str | None = None     # title | body | date | override
    level_source: str | None = None
    date_source: str | None = None     # signature | field

    def to_dict(self) -> dict:
        return asdict(self)


def extract(doc: Document, outline: Outline) -> Meta:
    meta = Meta()
    meta.title, meta.title_lines = find_title(doc, outline)
    meta.issuer = find_issuer(doc, outline, meta.title)
    meta.report_year, meta.year_source = find_year(doc, outline, meta.title)
    meta.date, meta.date_source = find_date(doc)
    if meta.report_year is None and meta.date:
        meta.report_year, meta.year_source = int(meta.date[:4]) - 1, "date"
    meta.level, meta.level_source = find_level(doc, meta.issuer, meta.title)
    return meta


def find_title(doc: Document, outline: Outline) -> tuple[str | None, list[int]]:
    """The first short line(s) before the body that name the report."""
    candidates = [ln for ln in doc.lines[: max(outline.body_start - 1, 0)] if not ln.chrome and ln.stripped]
    candidates = candidates[:12]
    for i, ln in enumerate(candidates):
        text = ln.stripped
        if len(text) > 60 or text.endswith(("。", "：")):
            continue
        joined, used = text, [ln.number]
        nxt = candidates[i + 1] if i + 1 < len(candidates) else None
        if nxt and len(nxt.stripped) <= 40 and not nxt.stripped.endswith(("。", "：")) \
                and nxt.number - ln.number <= 2 and not _REPORT_WORD.search(text) \
                and _REPORT_WORD.search(nxt.stripped):
            joined, used = text + nxt.stripped, [ln.number, nxt.number]
        if _TITLE_WORDS.search(joined) and re.search(r"报告|总结", joined):
            return joined, used
    return None, []


def find_issuer(doc: Document, outline: Outline, title: str | None) -> str | None:
    signature = _signature(doc)
    if signature:
        return signature
    if title:
        m = _ISSUER_IN_TITLE.match(title)
        if m and re.search(r"镇|乡|街道|县|区|市|省|局|厅|委|办|政府", m.group(1)):
            return m.group(1).strip()
    for ln in doc.lines[: outline.body_start + 3]:
        if ln.chrome or not ln.stripped:
            continue
        m = _SUBJECT.search(ln.stripped)
        if m:
            return m.group(1)
    return None


def _signature(doc: Document) -> str | None:
    """The issuer line of the 落款, just above the date at the end."""
    tail = [ln for ln in doc.lines if not ln.chrome and ln.stripped][-4:]
    for i, ln in enumerate(tail):
        if _date_in(ln.stripped) and len(ln.stripped) <= 20 and i > 0:
            above = tail[i - 1].stripped
            if len(above) <= 40 and _ISSUER_LINE.match(above):
                return above
    return None


def find_year(doc: Document, outline: Outline, title: str | None) -> tuple[int | None, str | None]:
    if title:
        m = _TITLE_YEAR.search(title)
        if m:
            return int(m.group(1)), "title"
    # The opening sentence of the body usually starts with the year: "2023年，静海区…"
    for ln in doc.lines[: outline.body_start + 2]:
        if ln.chrome:
            continue
        m = _BODY_YEAR.match(ln.stripped)
        if m:
            return int(m.group(1)), "body"
    counts = Counter(int(y) for y in re.findall(_YEAR + r"\s*年", doc.content))
    if counts:
        return counts.most_common(1)[0][0], "body"
    return None, None


def find_date(doc: Document) -> tuple[str | None, str | None]:
    tail = [ln for ln in doc.lines if not ln.chrome and ln.stripped][-3:]
    for ln in reversed(tail):
        if len(ln.stripped) <= 20:
            date = _date_in(ln.stripped)
            if date:
                return date, "signature"
    for ln in doc.lines:
        if ln.chrome and "成文日期" in ln.norm:
            m = _ISO_DATE.search(ln.norm)
            if m:
                return _iso(m.group(1), m.group(2), m.group(3)), "field"
    return None, None


def _date_in(text: str) -> str | None:
    m = _DATE.search(text)
    if m:
        return _iso(m.group(1), m.group(2), m.group(3))
    m = _CN_DATE.search(text)
    if m:
        digits = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")}
        digits.update({"零": "0", "○": "0", "Ｏ": "0"})
        from .structure import cn_number
        year = "".join(digits.get(c, "") for c in m.group(1))
        month, day = cn_number(m.group(2)), cn_number(m.group(3))
        if len(year) == 4 and month and day:
            return _iso(year, month, day)
    return None


def _iso(year, month, day) -> str | None:
    month, day = int(month), int(day)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{int(year):04d}-{month:02d}-{day:02d}"


def find_level(doc: Document, issuer: str | None, title: str | None) -> tuple[str | None, str | None]:
    for source, text in (("issuer", issuer), ("title", title)):
        level = level_of_name(text or "", doc.content[:600])
        if level:
            return level, source
    return None, None


def level_of_name(name: str, context: str = "") -> str | None:
    """Level of an issuing body from its name (and, for 县级市, from its context)."""
    name = re.sub(r"^中共|委员会$", "", name) if name.startswith("中共") else name
    if not name:
        return None
    if re.search(r"(?:局|厅|委|办公室|中心|管委会|办)$", name) and not re.search(r"(?:镇|乡|街道)(?:党)?委$", name):
        return "department"
    if re.search(r"(?:镇|乡|街道|苏木)(?:人民政府|办事处|街道办事处)?$|街道办事处$", name):
        return "township"
    if re.search(r"(?:自治县|县|旗|区)(?:人民政府)?$", name):
        return "county"
    if re.search(r"(?:省|自治区)(?:人民政府)?$", name) or name.rstrip("人民政府") in _PROVINCIAL_CITIES:
        return "province"
    m = re.search(r"([\u4e00-\u9fff]{1,6}?)市(?:人民政府)?$", name)
    if m:
        # A 县级市 is led by another city's 市委: "在贵阳市委、市政府的坚强领导下"
        led_by = re.search(r"在([\u4e00-\u9fff]{2,6}?)市委", context)
        if led_by and led_by.group(1) not in name:
            return "county"
        return "city"
    return None
