"""``--statistics``: findings per rule, most frequent first (like ``ruff --statistics``)."""
from __future__ import annotations

import json


def render_statistics(results, as_json: bool = False) -> str:
    """Findings per rule, most frequent first (like ``ruff --statistics``)."""
    rows: dict[str, dict] = {}
    for r in results:
        for d in r.active():
            row = rows.setdefault(d.code, {"code": d.code, "name": d.name, "count": 0, "fixable": False})
            row["count"] += 1
            row["fixable"] = row["fixable"] or (d.fix is not None and d.fix.safe)
    ordered = sorted(rows.values(), key=lambda x: (-x["count"], x["code"]))
    unreadable = sum(1 for r in results if r.error)
    if as_json:
        return json.dumps(ordered, ensure_ascii=False, indent=2) + "\n"
    width = max((len(str(x["count"])) for x in ordered), default=1)
    lines = [f"{x['count']:>{width}}\t{x['code']}\t{'[*]' if x['fixable'] else '[ ]'} {x['name']}"
             for x in ordered]
    if any(x["fixable"] for x in ordered):
        lines.append("[*] 可用 fzlint check --fix 自动修复（.txt/.md 文件）")
    if unreadable:
        lines.append(f"无法读取的文件：{unreadable} 个")
    if not lines:
        lines.append("没有发现问题。")
    return "\n".join(lines) + "\n"
