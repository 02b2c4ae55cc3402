"""The district overview: every report of a folder on one page and one spreadsheet.

``build_overview(files, outdir, …)`` checks the files on every core (``pool.run_many`` over
``collect.collect``), streams each result on as it comes (the unit page's body to disk,
the findings to the spreadsheet), keeps a small row per report, and at the end works out
who the units are, who has not reported or reported late, who copied whom, and what became
of last year's plan; then writes ``index.html``, ``overview.xlsx`` and ``overview.json``.
"""
from __future__ import annotations

import functools
import os
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field

from . import copies as copies_mod
from .cache import CACHE_FOLDER
from .collect import Job, collect, detail_of
from .html import STATE_OF_CODE, finish_unit_page, write_dashboard, write_part
from .pool import run_many, warm_lint
from .promises import follow
from .units import STATUSES, Registry, RosterEntry, deadline_for, on_time
from ..vocab import OVERVIEW_MARKER

_ID_LISTS: dict[tuple, tuple] = {}      # one shared tuple per distinct checklist order


@dataclass(slots=True)
class ReportRow:
    """What the overview keeps of one report for the whole run (no text)."""

    index: int
    number: int               # the unit page's number (index + 1)
    path: str
    error: dict | None
    format: str | None
    issuer: str | None
    year: int | None
    level: str | None
    date: str | None
    title: str | None
    checklist_ids: tuple
    checklist: str            # one state code per id (see collect.STATE_CODES)
    counts: dict
    fail_on: str
    key: str | None
    has_plan: bool
    unit: int = -1
    unit_name: str = ""
    on_time: bool | None = None
    report_like: bool = True  # False: not a 法治政府建设年度报告 (a notice…): kept out of the counts

    def states(self) -> dict[str, str]:
        return {i: STATE_OF_CODE[c] for i, c in zip(self.checklist_ids, self.checklist)}


@dataclass
class Overview:
    reports: list[ReportRow]
    registry: Registry
    year: int | None
    items: list[str]
    roster: list[dict] = field(default_factory=list)
    copies: list[dict] = field(default_factory=list)
    promises: list[dict] = field(default_factory=list)
    missing_paths: list[tuple[str, str]] = field(default_factory=list)
    from_cache: int = 0             # reports whose result came from the cache (not re-checked)

    def unit_count(self) -> int:
        return len({r.unit for r in self.reports if r.unit >= 0} | {
            i for i, e in enumerate(self.registry.on_roster) if e is not None})

    def status_counts(self) -> dict[str, int]:
        """Units by status: the roster's units when there is a roster (the 通报 counts those
        who had to report), else every unit found."""
        on_roster = any(r["on_roster"] for r in self.roster)
        counts = Counter(r["status"] for r in self.roster if r["on_roster"] or not on_roster)
        return {s: counts.get(s, 0) for s in STATUSES}

    def item_counts(self) -> tuple[dict[str, int], dict[str, int]]:
        missing, weak = Counter(), Counter()
        for r in self.reports:
            if not r.report_like:
                continue
            for item, state in r.states().items():
                if state == "missing":
                    missing[item] += 1
                elif state == "weak":
                    weak[item] += 1
        return dict(missing), dict(weak)

    def status_of_report(self, r: ReportRow) -> str:
        if r.error:
            return "无法读取"
        return "逾期" if r.on_time is False else "已报送"


def _row(index: int, s: dict) -> ReportRow:
    meta = s.get("meta") or {}
    ids = tuple(s.get("checklist_ids") or ())
    ids = _ID_LISTS.setdefault(ids, ids)
    return ReportRow(index=index, number=index + 1, path=s["path"], error=s.get("error"),
                     format=s.get("format"), issuer=meta.get("issuer"), year=meta.get("report_year"),
                     level=meta.get("level"), date=meta.get("date"), title=meta.get("title"),
                     checklist_ids=ids, checklist=s.get("checklist", ""), counts=s["counts"],
                     fail_on=s.get("fail_on", "warning"), key=s.get("key"), has_plan=bool(s.get("has_plan")),
                     report_like=meta.get("report_like") is not False)


def build_overview(files: list[tuple[str, str, object]], outdir: str, roster: list[RosterEntry] | None = None,
                   jobs: int | None = None, use_cache: bool = True, cache_dir: str | None = None,
                   year: int | None = None, progress=None, missing_paths=()) -> Overview:
    """Check ``files`` (``(path, shown path, Config)``) and write the overview to ``outdir``.
    ``progress(n)`` is called as results come in (a progress bar), never with output."""
    from .json_ import write_json
    from .xlsx import OverviewWorkbook

    os.makedirs(os.path.join(outdir, "units"), exist_ok=True)
    with open(os.path.join(outdir, OVERVIEW_MARKER), "w", encoding="utf-8") as marker:
        marker.write("fzlint report 生成的汇总目录：检查上级目录时跳过这里的页面。\n")
    store = cache_dir or os.path.join(outdir, CACHE_FOLDER)
    scratch = None
    if not use_cache:
        scratch = store = tempfile.mkdtemp(prefix="fzlint-overview-")
    registry = Registry(roster)
    index = copies_mod.Index()
    reports: list[ReportRow] = []
    from_cache = 0
    workbook = OverviewWorkbook(os.path.join(outdir, "overview.xlsx"))
    tasks = (Job(path, shown, config, store, use_cache) for path, shown, config in files)
    try:
        # the workers are forked with the rules loaded (``pool.warm_lint``), as ``check``'s are
        warm = functools.partial(warm_lint, [path for path, _, _ in files], files[0][2]) if files else None
        for i, summary in enumerate(run_many(collect, tasks, jobs, warm=warm)):
            row = _row(i, summary)
            if row.error:
                uid = registry.unit_in_filename(row.path)
                row.unit = -1 if uid is None else uid
                row.unit_name = registry.names[uid] if uid is not None else os.path.basename(row.path)
            else:
                row.unit = registry.unit_for(row.issuer, os.path.basename(row.path))
            write_part(outdir, row.number, summary.get("html") or "")
            workbook.add_findings(row, summary.get("findings") or ())
            index.add(i, summary.get("signature"))
            reports.append(row)
            from_cache += bool(summary.get("cached"))
            if progress:
                progress(1)
        for row in reports:      # names settle once every spelling has been seen
            if row.unit >= 0:
                row.unit_name = registry.names[row.unit]
                entry = registry.on_roster[row.unit]
                if not row.error:
                    row.on_time = on_time(row.date, row.year, entry.deadline if entry else "")
        items = _items(reports)
        target_year = year or _latest_year(reports)
        overview = Overview(reports, registry, target_year, items, missing_paths=list(missing_paths),
                            from_cache=from_cache)
        overview.copies = _copies(reports, index.candidates(), store)
        overview.promises = _promises(reports, store)
        overview.roster = _roster(reports, registry, target_year)
        for row in reports:
            finish_unit_page(outdir, overview, row)
        workbook.finish(overview)
        write_json(os.path.join(outdir, "overview.json"), overview)
        write_dashboard(os.path.join(outdir, "index.html"), overview)
    finally:
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)
    return overview


def _items(reports: list[ReportRow]) -> list[str]:
    """Every checklist id met, in the checklist's order."""
    from ..vocab import checklist_items
    seen: dict[str, None] = {}
    for ids in _ID_LISTS.values():
        for i in ids:
            seen.setdefault(i, None)
    order = {item: n for n, item in enumerate(checklist_items())}
    return sorted(seen, key=lambda i: (order.get(i, len(order)), i))


def _latest_year(reports: list[ReportRow]) -> int | None:
    years = [r.year for r in reports if r.year and not r.error]
    return max(years) if years else None


def _copies(reports: list[ReportRow], candidates: set[tuple[int, int]], store: str) -> list[dict]:
    load = functools.lru_cache(maxsize=32)(lambda key: detail_of(store, key))
    out = []
    for a, b in sorted(candidates):
        ra, rb = reports[a], reports[b]
        da, db = load(ra.key), load(rb.key)
        if not da or not db:
            continue
        found = copies_mod.compare(da, db)
        if not found:
            continue
        # the earlier report first: "b copies a" reads naturally when a is older
        if (rb.year or 0) < (ra.year or 0):
            ra, rb = rb, ra
            for p in found["shared"]:
                p["a_lines"], p["b_lines"] = p["b_lines"], p["a_lines"]
        same = ra.unit == rb.unit and ra.unit >= 0
        kind = "own-earlier" if same and ra.year != rb.year else "same-unit" if same else "other-unit"
        out.append({"a": ra.path, "b": rb.path, "a_index": ra.index, "b_index": rb.index,
                    "similarity": found["similarity"], "shared": found["shared"], "kind": kind,
                    "kind_label": {"own-earlier": "本单位往年报告", "same-unit": "本单位同年另一份",
                                   "other-unit": "其他单位"}[kind]})
    out.sort(key=lambda c: (-c["similarity"], c["a"], c["b"]))
    return out


def _promises(reports: list[ReportRow], store: str) -> list[dict]:
    by_unit: dict[int, dict[int, ReportRow]] = {}
    for r in reports:
        if r.unit >= 0 and r.year and not r.error:
            by_unit.setdefault(r.unit, {}).setdefault(r.year, r)
    out = []
    for uid, years in by_unit.items():
        for year, earlier in sorted(years.items()):
            later = years.get(year + 1)
            if later is None or not earlier.has_plan:
                continue
            plan = (detail_of(store, earlier.key) or {}).get("plan") or []
            items = follow(plan, (detail_of(store, later.key) or {}).get("work") or [])
            out.append({"unit": later.unit_name, "year": later.year, "earlier": earlier.path,
                        "later": later.path, "earlier_index": earlier.index, "later_index": later.index,
                        "items": items})
    out.sort(key=lambda p: (p["unit"], p["year"]))
    return out


def _roster(reports: list[ReportRow], registry: Registry, year: int | None) -> list[dict]:
    """One row per unit: the roster's first (in its order), then units not on it."""
    by_unit: dict[int, list[ReportRow]] = {}
    orphans = []
    for r in reports:
        if r.unit >= 0:
            by_unit.setdefault(r.unit, []).append(r)
        else:
            orphans.append(r)
    out = []
    for uid, name in enumerate(registry.names):
        entry = registry.on_roster[uid]
        mine = by_unit.get(uid, [])
        if entry is None and not mine:
            continue
        this_year = [r for r in mine if r.error or year is None or r.year == year]
        readable = [r for r in this_year if not r.error]
        if readable:
            status = "已报送" if any(r.on_time is not False for r in readable) else "逾期"
        elif this_year:
            status = "无法读取"
        else:
            status = "未报送"
        deadline = deadline_for(entry.deadline if entry else "", year) if year else None
        out.append({"unit": name, "level": (entry.level if entry and entry.level else
                                            next((r.level for r in mine if r.level), "")),
                    "status": status, "on_roster": entry is not None,
                    "deadline": deadline.isoformat() if deadline else None,
                    "reports": [r.path for r in this_year], "report_indexes": [r.index for r in this_year],
                    "other_years": [r.path for r in mine if r not in this_year]})
    for r in orphans:
        out.append({"unit": None, "level": "", "status": "无法读取", "on_roster": False, "deadline": None,
                    "reports": [r.path], "report_indexes": [r.index], "other_years": []})
    out.sort(key=lambda x: (not x["on_roster"], x["unit"] is None))
    return out
