"""``overview.json``: the overview for other tools (the contract is docs/overview-json.md).

Written report by report, so a national folder does not need one big string in memory.
"""
from __future__ import annotations

import json

VERSION = 1


def report_dict(r) -> dict:
    states = r.states()       # "unknown" is written as n/a with a note, as check's JSON does
    return {"path": r.path, "unit": r.unit_name or None, "year": r.year, "level": r.level,
            "date": r.date, "on_time": r.on_time,
            "checklist": {i: "n/a" if s == "unknown" else s for i, s in states.items()},
            "checklist_notes": {i: "unknown" for i, s in states.items() if s == "unknown"},
            "counts": dict(r.counts), "error": r.error}


def roster_dict(entry: dict) -> dict:
    return {"unit": entry["unit"], "status": entry["status"], "reports": entry["reports"],
            "on_roster": entry["on_roster"], "level": entry["level"] or None,
            "deadline": entry["deadline"], "other_years": entry["other_years"]}


def copy_dict(c: dict) -> dict:
    return {"a": c["a"], "b": c["b"], "similarity": c["similarity"], "kind": c["kind"],
            "shared": c["shared"]}


def promise_dict(p: dict) -> dict:
    return {"unit": p["unit"], "year": p["year"], "earlier": p["earlier"], "later": p["later"],
            "items": p["items"]}


def write_json(path: str, overview) -> None:
    def dump(value) -> str:
        return json.dumps(value, ensure_ascii=False)

    with open(path, "w", encoding="utf-8") as fh:
        fh.write('{"version": %d, "year": %s,\n"reports": [' % (VERSION, dump(overview.year)))
        for n, r in enumerate(overview.reports):
            fh.write(("," if n else "") + "\n" + dump(report_dict(r)))
        fh.write('],\n"roster": [')
        for n, e in enumerate(overview.roster):
            fh.write(("," if n else "") + "\n" + dump(roster_dict(e)))
        fh.write('],\n"copies": ' + dump([copy_dict(c) for c in overview.copies]))
        fh.write(',\n"promises": ' + dump([promise_dict(p) for p in overview.promises]))
        fh.write(',\n"summary": ' + dump({"reports": len(overview.reports),
                                          "unreadable": sum(1 for r in overview.reports if r.error),
                                          "units": overview.unit_count(),
                                          "status": overview.status_counts(),
                                          "copies": len(overview.copies)}))
        fh.write("}\n")
