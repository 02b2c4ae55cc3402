"""Settings for one run: which rules, which fail level, which rule set, overrides.

Selection works like ruff: codes or prefixes (``E``, ``E3``, ``E301``); ``select``
replaces the default set, ``extend_select`` adds to it, ``ignore`` removes; the longest
matching prefix wins. Discovery of configuration files lives in ``linter.configfile``.
"""
from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass
class Config:
    select: list[str] | None = None          # None: every rule
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    per_path_ignores: dict[str, list[str]] = field(default_factory=dict)
    fail_on: str = "warning"
    ruleset: str | None = None               # None: chosen from the report year
    year: int | None = None                  # override the inferred report year
    level: str | None = None                 # override the inferred level
    max_bytes: int = DEFAULT_MAX_BYTES
    waivers: list = field(default_factory=list)   # parsed waiver entries (linter.waivers)
    today: str | None = None                 # ISO date for waiver expiry; None: today

    def enabled(self, code: str, path: str = "") -> bool:
        ignore = list(self.ignore)
        for pattern, codes in self.per_path_ignores.items():
            if path and (fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(path, "*/" + pattern)):
                ignore.extend(codes)
        chosen = _longest(code, (self.select if self.select is not None else [""]) + self.extend_select)
        dropped = _longest(code, ignore)
        if chosen is None:
            return False
        return dropped is None or len(chosen) > len(dropped)


def _longest(code: str, prefixes: list[str]) -> str | None:
    best = None
    for p in prefixes:
        p = p.strip().upper()
        if p == "ALL":
            p = ""
        if code.startswith(p) and (best is None or len(p) > len(best)):
            best = p
    return best
