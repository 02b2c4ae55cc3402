"""Formatters: one small module per output format, each ``render(results, options) -> str``.

Formatters read ``FileResult`` values (and the rule descriptions the front end passes in
``Options.rules``) only; they never lint, read files or import the CLI.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field

FORMATS = ("text", "concise", "json", "json-lines", "sarif", "github", "junit", "csv", "gitlab")
_MODULES = {"json-lines": "json_lines", "csv": "csv_"}


@dataclass
class Options:
    color: bool = False
    base: str = "."                      # paths are shown relative to this folder
    rules: dict = field(default_factory=dict)   # code -> Rule, for formats that describe rules
    show_suppressed: bool = True
    fail_on: str = "warning"             # the level that fails the run (junit marks failures by it)
    version: str = ""                    # fzlint's version (sarif)


def render(name: str, results, options: Options | None = None) -> str:
    if name not in FORMATS:
        raise ValueError(name)
    module = importlib.import_module(f"{__name__}.{_MODULES.get(name, name)}")
    return module.render(results, options or Options())
