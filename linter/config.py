"""Settings for one run: which rules, which fail level, which rule set, overrides.

Selection works like ruff: codes or prefixes (``E``, ``E3``, ``E301``, ``ALL``); ``select``
replaces the default set, ``extend_select`` adds to it, ``ignore`` removes; the longest
matching prefix wins. ``per_path_ignores`` maps a glob (relative to ``root``, the folder
of the configuration file that set it) to codes switched off for matching files.

Discovery of configuration files (``.fzlint.yaml``, ``setup.cfg``, ``pyproject.toml``)
lives in ``linter.configfile``.
"""
from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# files never taken as reports when a folder is searched (a file named explicitly is checked)
DEFAULT_EXCLUDE = ("README.md", "README.txt", "readme.md", "readme.txt", "Readme.md")


@dataclass
class Config:
    """One file's run settings: selection, fail level, overrides, waivers, profile."""

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
    exclude: list[str] = field(default_factory=lambda: list(DEFAULT_EXCLUDE))  # globs, for folder walks
    root: str | None = None                  # folder per_path_ignores/exclude globs are relative to
    source: str | None = None                # the configuration file these settings came from
    profile: object = None                   # a bureau profile extending the rule set (engine.profile.Profile)

    def enabled(self, code: str, path: str = "") -> bool:
        if path and self.per_path_ignores:       # per-file ignores always win (as in ruff)
            for pattern, codes in self.per_path_ignores.items():
                if _longest(code, codes) is not None and path_matches(path, pattern, self.root):
                    return False
        ignore = self.ignore
        chosen = _longest(code, (self.select if self.select is not None else [""]) + self.extend_select)
        dropped = _longest(code, ignore)
        if chosen is None:
            return False
        return dropped is None or len(chosen) > len(dropped)


def excluded(config: Config, path: str) -> bool:
    """Is a file found by searching a folder excluded by the ``exclude`` globs?"""
    if not config.exclude:
        return False
    candidates = _candidates(path, config.root)        # once for every pattern
    return any(_matches(candidates, pattern) for pattern in config.exclude)


def path_matches(path: str, pattern: str, root: str | None = None) -> bool:
    """Does a glob match a file? Tried against the path relative to ``root`` (when the
    file lies below it), the path as given, and the bare file name; ``*`` crosses folders."""
    return _matches(_candidates(path, root), pattern)


def _candidates(path: str, root: str | None) -> set[str]:
    candidates = {path.replace("\\", "/"), os.path.abspath(path).replace("\\", "/")}
    if root:
        try:
            rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
        except ValueError:          # another drive on Windows
            rel = ""
        if rel and not rel.startswith(".."):
            candidates.add(rel.replace(os.sep, "/"))
    candidates.add(os.path.basename(path))
    return candidates


def _matches(candidates: set[str], pattern: str) -> bool:
    pattern = pattern.replace("\\", "/")
    for c in candidates:
        if fnmatch.fnmatch(c, pattern) or fnmatch.fnmatch(c, "*/" + pattern.lstrip("/")):
            return True
        if c.startswith("./") and fnmatch.fnmatch(c[2:], pattern):
            return True
    return False


def _longest(code: str, prefixes: list[str]) -> str | None:
    best = None
    for p in prefixes:
        p = p.strip().upper()
        if p == "ALL":
            p = ""
        if code.startswith(p) and (best is None or len(p) > len(best)):
            best = p
    return best
