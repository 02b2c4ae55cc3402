"""Waivers: an approved, justified, expiring exception for one rule or checklist item.

A waiver file is a YAML list (or a mapping with a ``waivers:`` list); each entry::

    - rule: R204                  # a rule code, or a checklist id such as enforcement.publicity
      unit: "*鸡冠石镇*"           # glob on the file path or on the issuer (optional: every file)
      justification: 本镇2024年无行政执法事项，经区司法局同意   # required
      expires: 2025-12-31         # required, YYYY-MM-DD; valid through that day
      approver: 区司法局法治督察科  # optional

A waived finding stays in the output with ``suppressed: true`` and the waiver, and does
not count for the exit code. A waiver for a checklist id suppresses the findings tied to
that item; the item keeps its state (the report still lacks it — the waiver only says
that is accepted). An expired waiver suppresses nothing; each file in which it would
have suppressed a finding gets a notice saying so, so the clerk sees why a finding is back.
"""
from __future__ import annotations

import datetime as _dt
import fnmatch
import re
from dataclasses import dataclass


from ..config import path_matches
from ..errors import ConfigError, brief

_KEYS = {"rule", "unit", "justification", "expires", "approver", "note"}
_REQUIRED = ("rule", "justification", "expires")
_CODE = re.compile(r"^[A-Z]\d{3}$")
_ITEM = re.compile(r"^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$")


@dataclass
class Waiver:
    """An accepted finding: a rule (or checklist item) waived for some files until a date."""

    rule: str
    justification: str
    expires: _dt.date
    unit: str = "*"
    approver: str = ""
    note: str = ""
    source: str = ""          # the file the waiver came from (or the config file)
    index: int = 0            # 1-based position in that file
    root: str | None = None   # folder unit globs are relative to

    def to_dict(self) -> dict:
        d = {"rule": self.rule, "unit": self.unit, "justification": self.justification,
             "expires": self.expires.isoformat()}
        if self.approver:
            d["approver"] = self.approver
        if self.note:
            d["note"] = self.note
        if self.source:
            d["source"] = f"{self.source}#{self.index}"
        return d

    def expired(self, today: _dt.date) -> bool:
        return today > self.expires

    def covers_file(self, path: str, issuer: str | None) -> bool:
        if self.unit in ("", "*"):
            return True
        if path_matches(path, self.unit, self.root):
            return True
        return bool(issuer) and (issuer == self.unit or fnmatch.fnmatchcase(issuer, self.unit))

    def covers(self, diagnostic) -> bool:
        return self.rule == diagnostic.code or (diagnostic.checklist is not None
                                                and self.rule == diagnostic.checklist)

    def describe(self) -> str:
        return f"第{self.index}条（{self.rule}，{self.unit}）" if self.index else f"（{self.rule}，{self.unit}）"


def parse_waivers(data, source: str, root: str | None = None,
                  known: set[str] | None = None) -> list[Waiver]:
    """Validate a list of waiver entries (from a waiver file or a config's inline list)."""
    if not isinstance(data, list):
        raise ConfigError("豁免应为列表（每条含 rule、unit、justification、expires）", source)
    out = []
    for index, raw in enumerate(data, start=1):
        problem = _problem(raw, known)
        if problem:
            raise ConfigError(f"豁免第{index}条：{problem}", source)
        out.append(Waiver(rule=str(raw["rule"]).strip(), justification=str(raw["justification"]).strip(),
                          expires=parse_date(raw["expires"]), unit=str(raw.get("unit") or "*").strip(),
                          approver=str(raw.get("approver") or ""), note=str(raw.get("note") or ""),
                          source=source, index=index, root=root))
    return out


def _problem(raw, known: set[str] | None) -> str:
    if not isinstance(raw, dict):
        return "应为一个映射（rule: …、justification: …、expires: …）"
    unknown = sorted(str(k) for k in raw if k not in _KEYS)
    if unknown:
        return f"未知的字段 {', '.join(unknown)}（可用：{', '.join(sorted(_KEYS))}）"
    missing = [k for k in _REQUIRED if raw.get(k) in (None, "")]
    if missing:
        return "缺少 " + "、".join(missing)
    rule = raw["rule"]
    if not isinstance(rule, str) or not (_CODE.match(rule.strip()) or _ITEM.match(rule.strip())):
        return f"rule 应为规则代码（如 R204）或检查清单项（如 enforcement.publicity），得到 {brief(rule)}"
    if known is not None and rule.strip() not in known:
        return f"没有规则或检查清单项 {rule}（用 fzlint rules 查看全部规则）"
    if not isinstance(raw["justification"], str) or not raw["justification"].strip():
        return "justification 应为说明理由的文字"
    if "unit" in raw and raw["unit"] is not None and not isinstance(raw["unit"], str):
        return "unit 应为文件路径通配符或单位名称"
    if parse_date(raw["expires"]) is None:
        return f"expires 应为日期 YYYY-MM-DD，得到 {brief(raw['expires'])}"
    return ""


def parse_date(value) -> _dt.date | None:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return _dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def today_of(today) -> _dt.date:
    if today is None:
        return _dt.date.today()
    if isinstance(today, _dt.date):
        return today
    return _dt.date.fromisoformat(str(today))


def apply_waivers(result, waivers: list[Waiver], today=None) -> None:
    """Mark the findings waived for this file; note expired waivers that would have applied."""
    if not waivers or result.error:
        return
    day = today_of(today)
    issuer = (result.meta or {}).get("issuer")
    expired_hits: list[Waiver] = []
    for w in waivers:
        if not w.covers_file(result.path, issuer):
            continue
        hits = [d for d in result.diagnostics if w.covers(d)]
        if not hits:
            continue
        if w.expired(day):
            expired_hits.append(w)
            continue
        for d in hits:
            if not d.suppressed:
                d.suppressed = True
                d.waiver = w.to_dict()
    for w in expired_hits:
        result.notices.append(
            f"豁免{w.describe()}已于 {w.expires.isoformat()} 过期，不再生效，相关问题照常报告"
            + (f"（豁免文件 {w.source}）" if w.source else ""))


