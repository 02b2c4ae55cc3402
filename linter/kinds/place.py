"""place: place names checked against the division table, province to county (linter.document.places).

params:
  check: one of
    wrong-parent   a province or prefecture written right before a unit that is not under
                   it ("湖北省张家界市", "武汉市永定区")
    city-level     a county-level city called a 地级市, or a prefecture-level city called a
                   县级市 ("清镇市是地级市", "县级市石家庄市")
    residue        another place's name used as the report's own: in the sentences given by
                   ``contexts`` ("X镇法治政府建设水平逐步提升", "全力推动X法治建设"), a unit that
                   is neither the issuer's unit nor one of its parents (nor below it). County
                   level and up is judged by the table; in a township's report, another
                   township (X镇, X乡, X街道: not in the table) is told by its name's form
    pronoun        the report calls itself by another kind of unit than the issuer is
                   ("我镇" in a 乡's report, "我区" in a 县's)
  contexts:   (residue) regular expressions with ``{unit}`` where the unit's name stands
  families:   (pronoun) lists of unit words that are one kind of body, e.g. [镇, 乡, 街道]:
              a pronoun of one family that is not the issuer's own word is a finding

Message placeholders: {found} (the name), {expected} (the issuer's unit or its parent),
{parent}, {count} (how many times the name occurs in that role), {issuer}.
A unit or a parent the table does not know is never a finding: it cannot be checked.
"""
from __future__ import annotations

import functools
import re

from ..document import places
from ..document.places import Division
from ..text import literals
from ..text.phrases import find_all, leftmost_longest
from ._shared import Checks

CHECKS = Checks("place")
_UNIT = r"(?P<unit>[\u4e00-\u9fff]{2,14}?(?:街道|镇|乡|县|区|市|旗))"
# what may follow a two-character prefecture written without its suffix ("河北省长治，")
_AFTER_SHORT = re.compile(r"(?:州|地区|盟)|[，。、；：）)”\"\s的和与等]|$")
_LEVEL_RANK = {"province": 0, "prefecture": 1, "county": 2, "township": 3}


def validate(params: dict) -> list[str]:
    problems = CHECKS.problems(params)
    if problems:
        return problems
    check = params["check"]
    if check == "residue":
        contexts = params.get("contexts")
        if not isinstance(contexts, list) or not contexts:
            return ["check: residue 需要 contexts 列表（含 {unit} 的正则）"]
        for c in contexts:
            if not isinstance(c, str) or "{unit}" not in c:
                problems.append(f"contexts 中的 {c!r} 应含 {{unit}}")
                continue
            try:
                re.compile(c.replace("{unit}", _UNIT))
            except re.error as exc:
                problems.append(f"contexts 中的正则 {c!r} 无效：{exc}")
    if check == "pronoun":
        fam = params.get("families")
        if not isinstance(fam, list) or not all(isinstance(f, list) and f for f in fam):
            problems.append("check: pronoun 需要 families（单位用字的列表的列表）")
    return problems


check = CHECKS.run


# -- wrong parent ----------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _parent_names() -> frozenset[str]:
    t = places.table()
    return frozenset(name for code, name in t.names.items() if len(code) <= 4 and len(name) >= 3)


def _child_at(text: str, at: int) -> tuple[str, list[Division]] | None:
    """The unit written right at ``at``: its name and its table entries (prefecture or county)."""
    t = places.table()
    for size in range(min(20, len(text) - at), 1, -1):
        piece = text[at:at + size]
        if not t.knows(piece) or piece in places._COMMON_WORDS:
            continue
        found = [d for d in t.named(piece) if d.level in ("prefecture", "county")]
        if not found:
            continue
        if places.suffix_level(piece) is None and not piece.endswith("市") and len(piece) < 3 and \
                not _AFTER_SHORT.match(text, at + size):
            continue        # a two-character bare name followed by more words (长治久安): not a place
        return piece, found
    return None


def _wrong_parent(analysis, rule):
    doc = analysis.doc
    t = places.table()
    out = []
    # every province and prefecture name found in one Aho-Corasick pass over the report
    for at, stop in leftmost_longest(doc.content, _parent_names()):
        number = doc.line_of(at)
        ln, offset = doc.line(number), doc.line_start(number)
        text, found_parent = ln.norm, doc.content[at:stop]
        parents = [d for d in t.named(found_parent) if d.level in ("province", "prefecture")]
        child = _child_at(text, stop - offset)
        if not parents or child is None:
            continue
        name, found = child
        if any(t.is_under(c, p) for c in found for p in parents):
            continue
        if all(_LEVEL_RANK[c.level] <= _LEVEL_RANK[p.level] for c in found for p in parents):
            continue        # "湖北省武汉市" read backwards is no claim about a parent
        real = [a.name for c in found for a in t.ancestors(c)[:1]]
        span = doc.span(at, stop + len(name))
        out.append(rule.diagnostic(span, context=analysis.paragraph(number),
                                   found=found_parent + name, parent=found_parent, child=name,
                                   expected="、".join(dict.fromkeys(real)) or "另一上级"))
    return out


# -- county-level city called a prefecture, or the reverse --------------------------------

_CITY_LEVEL = re.compile(r"(?P<a>[\u4e00-\u9fff]{2,8}?市)(?:是|为|系|作为)(?:一个|一座)?(?P<k1>地级市|县级市)"
                         r"|(?P<k2>地级市|县级市)(?P<b>[\u4e00-\u9fff]{2,8}?市)(?![场民区县镇])"
                         r"|(?P<c>[\u4e00-\u9fff]{2,8}?市)[（(](?P<k3>地级市|县级市)[）)]")


def _city_level(analysis, rule):
    doc = analysis.doc
    if "级市" not in doc.content:        # every form of _CITY_LEVEL says 地级市 or 县级市
        return []
    out = []
    for ln in doc.content_lines():
        for m in _CITY_LEVEL.finditer(ln.norm):
            name = m.group("a") or m.group("b") or m.group("c")
            said = m.group("k1") or m.group("k2") or m.group("k3")
            name = _known_tail(name)
            if name is None:
                continue
            prefecture = places.is_prefecture_city(name)
            if prefecture is None or prefecture == (said == "地级市"):
                continue
            real = "地级市" if prefecture else "县级市"
            span = doc.span(doc.line_start(ln.number) + m.start(), doc.line_start(ln.number) + m.end())
            out.append(rule.diagnostic(span, context=analysis.paragraph(ln.number), found=name, said=said,
                                       expected=real))
    return out


def _known_tail(name: str) -> str | None:
    """The longest ending of a captured name that the table knows (…以来清镇市 → 清镇市)."""
    t = places.table()
    for k in range(len(name), 1, -1):
        if t.knows(name[-k:]):
            return name[-k:]
    return None


# -- another place speaking as the issuer -------------------------------------------------

def _issuer_divisions(analysis) -> tuple[list[Division], set[str], str | None]:
    """(the issuer's lowest unit the table knows, names of the chain, the issuer's level).
    For a township issuer the unit found is its county: the table stops at county level."""
    t = places.table()
    chain = analysis.meta.places or []
    names = set(chain)
    own: list[Division] = []
    for lowest in reversed(chain):
        own = t.named(lowest)
        if own:
            resolved = [d for d in own if all(any(a.name == n for a in t.ancestors(d)) or n == d.name
                                                  for n in chain if n in t.by_name)]
            own = resolved or own
            break
    level = places.suffix_level(chain[-1]) if chain else None
    if own and level != "township":
        level = min((d.level for d in own), key=lambda lv: _LEVEL_RANK[lv])
    return own, names, level


def _belongs(unit: str, own: list[Division], names: set[str], level: str | None) -> bool:
    """Whether a unit named as the report's own is the issuer's, a parent, or below it."""
    t = places.table()
    if unit in names:
        return True         # (another spelling of a chain unit, 恩施州, is matched by its code below)
    found = t.named(unit)
    if not found:
        return True             # not a place the table knows: nothing to say
    for d in own:
        for u in found:
            if d.code == u.code or t.is_under(d, u) or t.is_under(u, d):
                return True
    if level is None:
        return True
    # below the issuer's level (a county naming its towns), or above it when the issuer's
    # parents are unknown: no claim
    rank = _LEVEL_RANK[level]
    if all(_LEVEL_RANK[u.level] > rank for u in found):
        return True
    if not own and all(_LEVEL_RANK[u.level] < rank for u in found):
        return True
    return False


# -- townships: not in the table, told by their names ------------------------------------
_TOWNSHIP = re.compile(r"^(?P<name>[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{2,3}[\u4e00-\u9fff]{1,5}族)"
                       r"(?P<word>街道|镇|乡|苏木)$")
# Words that end like a township but name none: 各乡镇, 推动全镇, 特色小镇, 送法下乡, 原X镇 (a
# former name is history, not a copy).
_NOT_A_TOWNSHIP = re.compile(
    r"^[全各本我该每此其原某]|[全各本我该每此其](?:街道|镇|乡|苏木)$|乡镇|城乡|城镇|村镇|集镇"
    r"|(?:小|重|名|强|古|故|老|下|进)(?:镇|乡)$|^(?:示范|平安|文明|法治|美丽|和谐|生态|特色|明星|全域|边境)")
# Words a context leaves in front of a name ("结合东溪镇依法治镇实际" captures 结合东溪镇): a
# verb or preposition, not part of the township's name.
_LEADING = re.compile(r"^(?:推动|推进|加快|助力|助推|打造|建设|实现|指导|围绕|深化|提升|全面|促进|服务|保障|带动"
                      r"|引领|确保|坚持|开展|组织|动员|结合|制定|按照|根据|立足|对标|聚焦|落实|贯彻|明确|统筹"
                      r"|完善|同时|加强|支持|关于|通过|在|对|把|为|与)+")
# a township's name is not followed by these (示范乡镇, 乡村, 镇村)
_TOWNSHIP_FOLLOW = set("镇乡村级域")


def township_named(capture: str, follow: str) -> str | None:
    """The township a captured unit ends with ("慈利县教字垭镇" → 教字垭镇), when its name can be
    told without a table: the county-level names before it are the table's, and what is left is
    a township's name (two to four characters, or an ethnic township's) and no common word."""
    if follow in _TOWNSHIP_FOLLOW:
        return None
    parts = places.segments(capture)
    if not parts or "".join(parts) != capture:
        return None
    t = places.table()
    if t.knows(parts[-1]) or not all(t.knows(p) for p in parts[:-1]):
        return None
    tail = _LEADING.sub("", parts[-1])
    if not _TOWNSHIP.match(tail) or _NOT_A_TOWNSHIP.search(tail):
        return None
    return tail


def _same_township(a: str, b: str) -> bool:
    """零阳街道 and 零阳镇, 阳和土家族乡 and 阳和乡: one township, written two ways."""
    def core(name):
        m = _TOWNSHIP.match(name)
        if not m:
            return name
        peoples = re.match(r"^(.{2,}?)(?:[\u4e00-\u9fff]{1,4}?族)+$", m.group("name"))
        return peoples.group(1) if peoples else m.group("name")
    return a == b or core(a) == core(b)


@functools.lru_cache(maxsize=64)
def _contexts(contexts: tuple[str, ...]) -> list[re.Pattern]:
    return [re.compile(c.replace("{unit}", _UNIT)) for c in contexts]


def _residue(analysis, rule):
    meta = analysis.meta
    if not meta.issuer or meta.level == "department" or not meta.places:
        return []
    own, names, level = _issuer_divisions(analysis)
    township = meta.places[-1] if level == "township" and _TOWNSHIP.match(meta.places[-1]) and \
        not _NOT_A_TOWNSHIP.search(meta.places[-1]) else None
    if not own and township is None:
        # an issuer the table does not know (某镇, a misread name, a place renamed since the
        # table's edition): what would be "another place" cannot be told from its own name
        return []
    doc = analysis.doc
    found = []
    content_lines = None

    def take(k, number, m, base):
        """A context's match ``m`` on line ``number``, in a text where that line starts at
        ``base`` (the report's content, or the line itself)."""
        text = doc.line(number).norm
        end = m.end("unit") - base
        unit = _other_unit(m.group("unit"), text[end:end + 1], own, names, level, township)
        if unit is not None:
            start = doc.line_start(number) + m.start("unit") - base + len(m.group("unit")) - len(unit)
            found.append((number, k, start, unit))

    for k, pattern in enumerate(_contexts(tuple(rule.params["contexts"]))):
        required = literals.required(pattern)
        if literals.line_local(pattern):
            # a context that cannot see past its line: the report scanned once, not line by line
            # (a chrome line is empty in the content; blank lines are not content lines)
            for m in literals.finditer(pattern, doc.content):
                number = doc.line_of(m.start())
                if number not in meta.title_lines and (required or doc.line(number).norm.strip()):
                    take(k, number, m, doc.line_start(number))
            continue
        # only the lines holding a literal every match of the context contains are tried
        if required is None:
            if content_lines is None:
                content_lines = [ln.number for ln in doc.content_lines()]
            numbers = content_lines
        else:
            numbers = sorted({doc.line_of(i) for lit in required for i in find_all(doc.content, lit)})
        for number in numbers:
            if number in meta.title_lines:
                continue
            for m in literals.finditer(pattern, doc.line(number).norm):
                take(k, number, m, 0)
    seen: dict[str, list] = {}
    for number, _, start, unit in sorted(found):      # in reading order, as a reviewer meets them
        seen.setdefault(unit, []).append((number, start))
    out = []
    expected = meta.places[-1]
    for unit, hits in seen.items():
        line, start = hits[0]
        span = doc.span(start, start + len(unit))
        out.append(rule.diagnostic(span, context=analysis.paragraph(line), found=unit, expected=expected,
                                   issuer=meta.issuer, count=len(hits),
                                   chain="—".join(meta.places)))
    return out


def _other_unit(capture: str, follow: str, own, names, level, township) -> str | None:
    """The unit a residue context names, when it is another place than the issuer's: a
    county-level or higher name the table places elsewhere, or — for a township's report —
    another township's name."""
    unit = _known_tail(capture)
    if unit is not None:
        if unit in places._COMMON_WORDS or not own or _belongs(unit, own, names, level):
            return None
        return unit
    if township is None:
        return None     # a county naming a township (its own, or one the table cannot place)
    other = township_named(capture, follow)
    if other is None or _same_township(other, township):
        return None
    return other


# -- the report calls itself by another kind of unit ------------------------------------

def _pronoun(analysis, rule):
    meta = analysis.meta
    if not meta.places or meta.level == "department":
        return []
    own = meta.places[-1]
    families = rule.params["families"]
    own_word = next((w for fam in families for w in sorted(fam, key=len, reverse=True) if own.endswith(w)), None)
    family = next((fam for fam in families if own_word in fam), None)
    if family is None:
        return []
    others = [w for w in family if w != own_word and not (own_word.startswith(w) or w.startswith(own_word))]
    if not others:
        return []
    pattern = re.compile(r"[我本](" + "|".join(sorted(map(re.escape, others), key=len, reverse=True)) + r")(?![长委级])")
    doc = analysis.doc
    hits = [(ln, m) for ln in doc.content_lines() for m in pattern.finditer(ln.norm)]
    if not hits:
        return []
    ln, m = hits[0]
    span = doc.span(doc.line_start(ln.number) + m.start(), doc.line_start(ln.number) + m.end())
    return [rule.diagnostic(span, context=analysis.paragraph(ln.number), found=m.group(0), expected="我" + own_word,
                            issuer=own, count=len(hits))]


# -- the built-in checks, by the name a rule gives (``fzlint rule CODE`` shows the text) ----
CHECKS.register("wrong-parent", "省、市之后写了不属于它的下级单位")(_wrong_parent)
CHECKS.register("city-level", "把县级市写成地级市，或反之")(_city_level)
CHECKS.register("residue", "以别处地名自称（套用他人报告的痕迹）")(_residue)
CHECKS.register("pronoun", "自称与单位类别不符（乡的报告写“我镇”）")(_pronoun)
