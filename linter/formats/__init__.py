"""Formatters: one small module per output format.

A format that can be written as results come (text, concise, json, json-lines, csv,
github) defines ``item(result, options, n) -> str`` (n: the result's place in the run, from 0) and optionally ``head(options) -> str``
and ``tail(totals, options) -> str``; ``open_stream`` writes its output piece by piece, so a
run over thousands of files keeps no result it has written. A format that needs the whole
run (sarif, junit, gitlab: totals or rule tables before the results) defines
``render(results, options) -> str``; its stream keeps the results and renders at the end.

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
    """What an output format needs besides the results."""

    color: bool = False
    base: str = "."                      # paths are shown relative to this folder
    rules: dict = field(default_factory=dict)   # code -> Rule, for formats that describe rules
    show_suppressed: bool = True
    fail_on: str = "warning"             # the level that fails the run (junit marks failures by it)
    version: str = ""                    # fzlint's version (sarif)


class Totals:
    """The run's counts, kept as results pass (the ``summary`` of the JSON contract)."""

    def __init__(self):
        self.counts = {"files": 0, "errors": 0, "warnings": 0, "infos": 0, "unreadable": 0, "suppressed": 0}
        self.fixable = 0            # active findings with a safe fix
        self.not_reports = 0        # readable files that do not look like a report (meta.report_like)
        self.hidden = 0             # findings left out below --min-severity

    def add(self, result) -> None:
        self.add_counts(result.counts())

    def add_counts(self, c) -> None:
        """One file's ``Counts`` (``FileResult.counts()``, or as a worker process sent them)."""
        self.counts["files"] += 1
        if c.unreadable:
            self.counts["unreadable"] += 1
        elif not c.report_like:
            self.not_reports += 1
        self.counts["errors"] += c.errors
        self.counts["warnings"] += c.warnings
        self.counts["infos"] += c.infos
        self.counts["suppressed"] += c.suppressed
        self.fixable += c.fixable
        self.hidden += c.hidden


def _module(name: str):
    if name not in FORMATS:
        raise ValueError(name)
    return importlib.import_module(f"{__name__}.{_MODULES.get(name, name)}")


def streams(name: str) -> bool:
    """Whether a format writes each result as it comes (else it needs the whole run)."""
    return hasattr(_module(name), "item")


def render_item(name: str, result, options: Options, n: int) -> str:
    """A streaming format's output for one result, the ``n``-th of its run (from 0): what
    ``Stream.add`` writes for it. A worker process renders its files' pieces with this."""
    return _module(name).item(result, options, n)


class Stream:
    """Writes one run's output through ``write`` as results are added."""

    def __init__(self, name: str, options: Options | None, write):
        self.module = _module(name)
        self.options = options or Options()
        self.write = write
        self.totals = Totals()
        self.kept: list | None = None if hasattr(self.module, "item") else []
        self._started = False

    def add(self, result) -> None:
        self.totals.add(result)
        if self.kept is not None:
            self.kept.append(result)
            return
        self._start()
        self._put(self.module.item(result, self.options, self.totals.counts["files"] - 1))

    def add_piece(self, piece, counts) -> None:
        """A file's output already rendered (``item`` called with its place in the run, in
        the process that checked it), with its ``Counts``: written as it is."""
        self.totals.add_counts(counts)
        self._start()
        self._put(piece)

    def close(self, options: Options | None = None) -> None:
        """Finish the output; ``options`` may now carry what only the whole run knows
        (the rules of every rule set used, for sarif and junit)."""
        options = options or self.options
        if self.kept is not None:
            self._put(self.module.render(self.kept, options))
            return
        self._start()
        tail = getattr(self.module, "tail", None)
        self._put(tail(self.totals, options) if tail else "")

    def _start(self) -> None:
        if not self._started:
            self._started = True
            head = getattr(self.module, "head", None)
            self._put(head(self.options) if head else "")

    def _put(self, text: str) -> None:
        if text:
            self.write(text)


def render(name: str, results, options: Options | None = None) -> str:
    """The whole output for a list of results, as one string."""
    pieces: list[str] = []
    stream = Stream(name, options, pieces.append)
    for r in results:
        stream.add(r)
    stream.close()
    return "".join(pieces)
