"""One checking session: the user's options, validated, turned into files and their settings.

Every front end that checks a set of paths (``check``, the district ``report``) builds a
``CheckOptions`` from its own input and calls ``prepare``; all configuration errors surface here,
before any file is linted, as ``UsageError`` / ``ConfigError`` values.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

from ..config import excluded
from ..engine.waivers import parse_date
from ..errors import UsageError
from ..vocab import LEVEL_WORDS, LEVELS, SEVERITIES
from .configfile import Overrides, Resolver, known_targets, read_config_file, selector_problem
from .discover import discover


@dataclass
class CheckOptions:
    """What the user asked for: paths and command-line options, not yet validated."""

    paths: tuple[str, ...]
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    ruleset: str | None = None
    year: str | None = None
    level: str | None = None
    config_file: str | None = None
    waivers_file: str | None = None
    exclude: tuple[str, ...] = ()
    extend_exclude: tuple[str, ...] = ()
    today: str | None = None


@dataclass
class CheckPlan:
    """The files to check, each with its Config, and the paths that could not be searched."""

    files: list[str]                       # in the order they are checked and shown
    configs: dict                          # path -> Config
    missing: list[tuple[str, str]]         # (path, Chinese problem) for paths that could not be searched
    fail_on: str                           # the run's fail level (the first file's, unless given)

    @property
    def usage_problem(self) -> bool:
        return bool(self.missing) or not self.files

    def fail_on_for(self) -> dict:
        return {path: self.configs[path].fail_on for path in self.files}


def split_codes(values) -> list[str]:
    """Repeatable rule selectors, comma- or space-separated: ("E1,E2", "S") -> ["E1", "E2", "S"]."""
    return [c for value in values or () for c in str(value).replace(" ", ",").split(",") if c.strip()]


def split_globs(values) -> list[str]:
    """Repeatable, comma-separated file patterns (a pattern may contain spaces)."""
    return [g.strip() for value in values or () for g in str(value).split(",") if g.strip()]


def parse_year(value: str | None, option: str) -> int | None:
    """A four-digit year given on the command line (None when not given)."""
    if value is None:
        return None
    if not (value.isdigit() and 1990 <= int(value) <= 2100):
        raise UsageError(f"{option} 应为四位年份，如 2024，得到 {value}")
    return int(value)


def parse_level(value: str | None, option: str) -> str | None:
    """A unit level given on the command line (None when not given): a level's code, or
    the word a clerk would write (乡镇, 街道, 县, 区, 部门 …)."""
    if value is None:
        return None
    level = value if value in LEVELS else LEVEL_WORDS.get(value.strip())
    if level is None:
        raise UsageError(f"{option} 应为 {' / '.join(LEVELS)} 之一（或写 乡镇、县、市、省、部门），得到 {value}")
    return level


def prepare(options: CheckOptions) -> CheckPlan:
    if options.fail_on is not None and options.fail_on not in SEVERITIES:
        raise UsageError(f"--fail-on 应为 {' / '.join(SEVERITIES)} 之一，得到 {options.fail_on}")
    level = parse_level(options.level, "--level")
    year = parse_year(options.year, "--year")
    if options.today is not None and parse_date(options.today) is None:
        raise UsageError(f"--today 应为日期 YYYY-MM-DD，得到 {options.today}")
    codes, waiver_targets, rulesets = known_targets()
    if options.ruleset is not None and options.ruleset not in rulesets:
        raise UsageError(f"没有名为 {options.ruleset} 的规则集（可用：{', '.join(rulesets)}）")
    selections = {}
    for option, values in (("--select", options.select), ("--extend-select", options.extend_select),
                           ("--ignore", options.ignore)):
        parsed = [c.strip().upper() for c in split_codes(values)]
        for c in parsed:
            problem = selector_problem(c, codes)
            if problem:
                raise UsageError(f"{option} 中的 {c}：{problem}")
        selections[option] = parsed
    waivers = None
    if options.waivers_file:
        from .waiverfile import load_waivers
        waivers = load_waivers(options.waivers_file, waiver_targets)
    overrides = Overrides(select=selections["--select"] if options.select else None,
                          extend_select=selections["--extend-select"], ignore=selections["--ignore"],
                          fail_on=options.fail_on, ruleset=options.ruleset, year=year, level=level,
                          waivers=waivers, today=options.today,
                          exclude=split_globs(options.exclude) if options.exclude else None,
                          extend_exclude=split_globs(options.extend_exclude))
    if options.config_file is not None:
        read_config_file(options.config_file, codes, rulesets)       # fail early, before any linting
    resolver = Resolver(overrides, options.config_file, codes, waiver_targets, rulesets)

    files, missing = discover(list(options.paths))
    named = {os.path.normcase(os.path.abspath(p)) for p in options.paths if not os.path.isdir(p)}
    configs = {path: resolver.config_for(path) for path in files}
    files = [p for p in files
             if os.path.normcase(os.path.abspath(p)) in named or not excluded(configs[p], p)]
    fail_on = options.fail_on or (configs[files[0]].fail_on if files else "warning")
    return CheckPlan(files, configs, missing, fail_on)
