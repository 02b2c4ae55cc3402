"""Who a report is from, and the bureau's roster of units that must report.

One unit, whatever the spelling: 重庆市南岸区鸡冠石镇人民政府, 南岸区鸡冠石镇 and 鸡冠石镇 are the
same body. A name is read as a chain of places (重庆市 › 南岸区 › 鸡冠石镇, cut by
``document.places.segments``, the one place-name reader) and, for a
department, the department's own name (司法局); the 人民政府 / 办事处 / 中共 … 委员会 forms are
dropped. Two names are the same unit when their last place and department agree and one
place chain ends the other (鸡冠石镇 fits 南岸区鸡冠石镇; 沙坪坝区新华镇 does not fit 南岸区新华镇).

The roster is a CSV with a header: ``unit`` (required), ``level`` and ``deadline``
(optional; YYYY-MM-DD, or 月-日 / M月D日 for every year). The default deadline is 1 March
of the year after the report year (the 督察规定's 每年3月1日前).
"""
from __future__ import annotations

import csv
import datetime as _dt
import functools
import os
import re
from dataclasses import dataclass, field

from ..document import departments
from ..document.places import segments
from ..errors import FzlintError, os_problem
from ..vocab import LEVEL_WORDS

_ORG_FORMS = re.compile(r"^中共|(?:人民政府|办事处|政府|党委|党工委|委员会)$")
STATUSES = ("已报送", "逾期", "未报送", "无法读取")


@dataclass(frozen=True)
class UnitName:
    places: tuple[str, ...]     # outermost first: ("重庆市", "南岸区", "鸡冠石镇")
    department: str = ""        # "司法局" for 南岸区司法局; "" for a government

    @property
    def key(self) -> tuple[str, str]:
        """What must agree for two names to be one unit."""
        if self.department:
            return ("", self.department)
        return (self.places[-1] if self.places else "", "")

    def fits(self, other: "UnitName") -> bool:
        if self.key != other.key or self.key == ("", ""):
            return False
        short, long = sorted((self.places, other.places), key=len)
        return long[len(long) - len(short):] == short


def parse_unit(name: str) -> UnitName:
    """The place chain written in a name (``document.places.segments``, which knows the
    official division table) and what follows it, the department's own name."""
    text = _ORG_FORMS.sub("", _ORG_FORMS.sub("", re.sub(r"\s+", "", name or "")))
    places = segments(text)
    joined = "".join(places)
    rest = text[len(joined):] if text.startswith(joined) else ""
    return UnitName(tuple(places), _department_core(rest))


def _department_core(department: str) -> str:
    """区司法局 and 司法局 name the same department of the place they belong to, and so do
    市场监管局 and 市场监督管理局: a short form of ``rules/data/department_names.tsv`` is read
    as the full name (a roster writes one, the report's title often the other)."""
    if len(department) >= 4 and department[0] in "省市县区" and not department.startswith("市场"):
        department = department[1:]
    return _full_names().get(department, department)


@functools.lru_cache(maxsize=1)
def _full_names() -> dict[str, str]:
    """Short form → full name of a department (document.departments), and each full name as
    it is read with 委员会 cut off (as 中共…委员会 is): 住房和城乡建设委员会 arrives as 住房和城乡建设."""
    names = dict(departments.full_names())
    for full in set(names.values()):
        names.setdefault(_ORG_FORMS.sub("", full), full)
    return names


def department_spellings(full: str) -> tuple[str, ...]:
    """A department's full name and its short forms, longest first (for finding it in a file name)."""
    return tuple(sorted({full} | {other for other, name in _full_names().items() if name == full},
                        key=len, reverse=True))


def same_unit(a: str, b: str) -> bool:
    return parse_unit(a).fits(parse_unit(b))


@dataclass
class RosterEntry:
    unit: str
    level: str = ""
    deadline: str = ""          # as written in the CSV
    parsed: UnitName = field(default=None, repr=False)

    def __post_init__(self):
        self.parsed = parse_unit(self.unit)


# the roster's columns, as a bureau's staff would head them in Excel
_COLUMNS = {"unit": ("unit", "单位", "单位名称", "报送单位"),
            "level": ("level", "层级", "级别", "单位层级"),
            "deadline": ("deadline", "截止日期", "截止时间", "报送期限", "期限")}
_COLUMN_OF = {name: column for column, names in _COLUMNS.items() for name in names}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")     # never part of a unit's name


def read_roster(path: str) -> list[RosterEntry]:
    """The roster: a CSV (UTF-8 or GBK, as Excel saves it) or an Excel workbook's first sheet,
    headed unit, level, deadline or 单位, 层级, 截止日期 (a title row above the header is
    fine); a bad file is one ``FzlintError`` naming it."""
    lines = _xlsx_lines(path) if path.lower().endswith((".xlsx", ".xlsm")) else _csv_lines(path)
    # the header: the first of the first few rows that names the unit column
    at = next((i for i, cells in enumerate(lines[:6])
               if "unit" in {_COLUMN_OF.get(c.strip()) for c in cells}), None)
    if at is None:
        raise FzlintError("单位名单（CSV 或 .xlsx）开头应有一行列名 unit 或“单位”（可选 level/层级、deadline/截止日期）",
                          path)
    columns = [_COLUMN_OF.get(c.strip()) for c in lines[at]]
    entries = []
    for number, cells in enumerate(lines[at + 1:], start=at + 2):
        # cells beyond the header (a stray comma in Excel) and unnamed columns are ignored
        row = {column: _CONTROL.sub("", cell).strip() for column, cell in zip(columns, cells) if column}
        if not row.get("unit"):
            continue
        deadline = row.get("deadline", "")
        if deadline and deadline_for(deadline, 2000) is None:
            raise FzlintError(f"第 {number} 行的截止日期应为 YYYY-MM-DD 或 3月1日，得到 {deadline}", path)
        level = row.get("level", "")
        entries.append(RosterEntry(row["unit"], LEVEL_WORDS.get(level, level), deadline))
    return entries


def _csv_lines(path: str) -> list[list[str]]:
    if path.lower().endswith(".xls"):
        raise FzlintError("不能读取旧版 Excel 文件（.xls）；请在 Excel 中另存为 .xlsx 或 CSV 后再试", path)
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            return list(csv.reader(fh))
    except OSError as exc:
        raise FzlintError(f"无法读取单位名单：{os_problem(exc)}", path) from None
    except csv.Error:                       # a field over csv's size limit: not a list of units
        raise FzlintError("单位名单不是有效的 CSV 文件（有一格内容过长）", path) from None
    except UnicodeDecodeError:
        try:
            with open(path, encoding="gbk", newline="") as fh:
                return list(csv.reader(fh))
        except (UnicodeDecodeError, OSError, csv.Error):
            raise FzlintError("单位名单不是 UTF-8 或 GBK 编码的 CSV 文件", path) from None


def _xlsx_lines(path: str) -> list[list[str]]:
    """The first sheet's rows, every cell as text (a date cell as YYYY-MM-DD, a whole
    number without “.0”), as a CSV of it would read."""
    import openpyxl
    book = None
    try:
        with open(path, "rb"):          # a missing file or a folder: the OSError below, in Chinese
            pass
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        return [[_cell_text(v) for v in row] for row in book.worksheets[0].iter_rows(values_only=True)]
    except OSError as exc:
        if exc.errno is None:                   # zipfile's and zlib's own errors of a damaged file
            raise FzlintError("单位名单不是有效的 .xlsx 文件；请用 Excel 打开后另存一份再试", path) from None
        raise FzlintError(f"无法读取单位名单：{os_problem(exc)}", path) from None
    except Exception:  # noqa: BLE001 - a damaged workbook fails in zipfile, zlib, lxml or openpyxl alike
        raise FzlintError("单位名单不是有效的 .xlsx 文件；请用 Excel 打开后另存一份再试", path) from None
    finally:
        if book is not None:
            book.close()


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def deadline_for(written: str, report_year: int | None) -> _dt.date | None:
    """The deadline for a report on ``report_year``: the roster's, else 1 March next year."""
    if not written:
        return _dt.date(report_year + 1, 3, 1) if report_year else None
    m = re.fullmatch(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?", written)
    try:
        if m:
            return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        m = re.fullmatch(r"(\d{1,2})[-/.月](\d{1,2})日?", written)
        if m and report_year:
            return _dt.date(report_year + 1, int(m.group(1)), int(m.group(2)))
        if m:
            return _dt.date(2001, int(m.group(1)), int(m.group(2)))
    except ValueError:
        return None
    return None


def on_time(date: str | None, report_year: int | None, written_deadline: str = "") -> bool | None:
    """Was a report dated by its deadline? None when the date or year is unknown."""
    deadline = deadline_for(written_deadline, report_year)
    if not date or deadline is None:
        return None
    try:
        return _dt.date.fromisoformat(date) <= deadline
    except ValueError:
        return None


class Registry:
    """The units met so far: the roster's, then each report's issuer as it streams in."""

    def __init__(self, roster: list[RosterEntry] | None = None):
        self.roster = roster or []
        self.names: list[str] = []               # display name per unit id
        self.parsed: list[UnitName] = []
        self.on_roster: list[RosterEntry | None] = []
        self._by_key: dict[tuple[str, str], list[int]] = {}
        for entry in self.roster:
            self._add(entry.unit, entry.parsed, entry)

    def _add(self, name: str, parsed: UnitName, entry: RosterEntry | None) -> int:
        uid = len(self.names)
        self.names.append(name)
        self.parsed.append(parsed)
        self.on_roster.append(entry)
        self._by_key.setdefault(parsed.key, []).append(uid)
        return uid

    def unit_for(self, issuer: str | None, fallback: str) -> int:
        """The unit id of a report's issuer (a new unit when none fits). A report whose
        issuer is unknown is a unit of its own, named by its file."""
        if not issuer:
            return self._add(fallback, UnitName((), ""), None)
        parsed = parse_unit(issuer)
        candidates = [u for u in self._by_key.get(parsed.key, []) if self.parsed[u].fits(parsed)]
        if candidates:
            # the longest matching chain: the most specific fit
            uid = max(candidates, key=lambda u: (self.on_roster[u] is not None, len(self.parsed[u].places)))
            if self.on_roster[uid] is None and len(parsed.places) > len(self.parsed[uid].places):
                self.names[uid], self.parsed[uid] = issuer, parsed   # keep the fullest spelling
            return uid
        return self._add(issuer, parsed, None)

    def unit_in_filename(self, path: str) -> int | None:
        """A roster unit named in a file's name (for a file that could not be read)."""
        stem = os.path.splitext(os.path.basename(path))[0]
        best = None
        for uid, entry in enumerate(self.on_roster):
            if entry is None:
                continue
            place, department = entry.parsed.key
            for core in department_spellings(department) if department else (place,):
                if core and core in stem and (best is None or len(core) > best[1]):
                    best = (uid, len(core))
        return best[0] if best else None
