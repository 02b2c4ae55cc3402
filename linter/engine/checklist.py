"""Fold rules' observations into the stable checklist (present / weak / missing / n/a).

Several rules may read the same item; the worst reading wins (missing over weak over
present) and n/a stands only when every reading is n/a. Ids are a contract: the order
below is the order users see.
"""
from __future__ import annotations

from ..document.result import ChecklistEntry, Observation
from ..vocab import STATE_RANK, checklist_items



def fold(observations: list[Observation]) -> dict[str, ChecklistEntry]:
    grouped: dict[str, list[Observation]] = {}
    for obs in observations:
        grouped.setdefault(obs.item, []).append(obs)
    order = {item: i for i, item in enumerate(checklist_items())}
    result = {}
    for item in sorted(grouped, key=lambda k: (order.get(k, len(order)), k)):
        result[item] = _combine(grouped[item])
    return result


def _combine(readings: list[Observation]) -> ChecklistEntry:
    live = [o for o in readings if o.state != "n/a"]
    if not live:
        unknown = any(o.note == "unknown" for o in readings)
        return ChecklistEntry("n/a", [], [o.code for o in readings], "unknown" if unknown else "")
    state = min((o.state for o in live), key=lambda s: STATE_RANK[s])
    evidence, seen = [], set()
    for o in live:
        for e in o.evidence:
            if e.line not in seen:
                seen.add(e.line)
                evidence.append(e)
    evidence.sort(key=lambda e: e.line)
    return ChecklistEntry(state, evidence, [o.code for o in live])

