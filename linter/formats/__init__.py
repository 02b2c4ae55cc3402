"""Formatters: one small module per output format, each ``render(results, options) -> str``.

Formatters read ``FileResult`` values only; they never lint, read files or import the CLI.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field

FORMATS = ("text", "concise", "json")


@dataclass
class Options:
    color: bool = False
    base: str = "."                      # paths are shown relative to this folder
    rules: dict = field(default_factory=dict)   # code -> Rule, for formats that describe rules
    show_suppressed: bool = True


def render(name: str, results, options: Options | None = None) -> str:
    if name not in FORMATS:
        raise ValueError(name)
    module = importlib.import_module(f"{__name__}.{name.replace('-', '_')}")
    return module.render(results, options or Options())
