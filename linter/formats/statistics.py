"""``--statistics``: findings per rule, most frequent first (like ``ruff --statistics``)."""
from __future__ import annotations

import json
import re

from .ruledoc import readable


_TITLE_CHARS = 30
_ASIDE = re.compile(r"（[^（）]*）")


def chinese_title(message: str) -> str:
    """A rule's name for a clerk: its message template up to the first comma, placeholders
    as “…” (“{title}”部分没有一个具体数字，… → “…”部分没有一个具体数字). A title too long
    for the table loses its bracketed asides first, then is cut with “…”, never silently."""
    text = re.split(r"[，。；：]", readable(message))[0]
    if len(text) > _TITLE_CHARS:
        text = _ASIDE.sub("", text)
    return text if len(text) <= _TITLE_CHARS else text[:_TITLE_CHARS - 1] + "…"


def render_statistics(results, as_json: bool = False, rules: dict | None = None) -> str:
    """Findings per rule, most frequent first (like ``ruff --statistics``); each rule named
    by its code, its name and (from ``rules``, code → Rule) a Chinese title."""
    rows: dict[str, dict] = {}
    rules = rules or {}
    for r in results:
        for d in r.active():
            rule = rules.get(d.code)
            title = chinese_title(rule.message) if rule is not None else ""
            row = rows.setdefault(d.code, {"code": d.code, "name": d.name, "title": title, "count": 0,
                                           "fixable": False})
            row["count"] += 1
            row["fixable"] = row["fixable"] or (d.fix is not None and d.fix.safe)
    ordered = sorted(rows.values(), key=lambda x: (-x["count"], x["code"]))
    unreadable = sum(1 for r in results if r.error)
    if as_json:
        return json.dumps(ordered, ensure_ascii=False, indent=2) + "\n"
    width = max((len(str(x["count"])) for x in ordered), default=1)
    lines = [f"{x['count']:>{width}}\t{x['code']}\t{'[*]' if x['fixable'] else '[ ]'} "
             + (f"{x['title']}（{x['name']}）" if x["title"] else x["name"]) for x in ordered]
    if any(x["fixable"] for x in ordered):
        lines.append("[*] 可用 fzlint check --fix 自动修复（.txt/.md 文件）")
    if unreadable:
        lines.append(f"无法读取的文件：{unreadable} 个")
    if not lines:
        lines.append("没有发现问题。")
    return "\n".join(lines) + "\n"
