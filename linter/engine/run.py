"""The library entry point: ``lint(document, config) -> FileResult``.

Every front end (CLI, LSP, batch, web page) calls these functions; none re-implements
reading, matching or positions.
"""
from __future__ import annotations

import dataclasses
import os

from . import checklist
from .. import kinds
from ..document import meta as meta_mod
from ..document.outline import build_outline
from ..document.analysis import Analysis
from ..config import Config
from ..document.document import Document
from ..errors import FzlintError
from ..readers import read_bytes, read_path
from ..document.result import Diagnostic, FileResult, Observation
from .ruleset import RuleSet, choose_ruleset, load_ruleset


def analyze(doc: Document, config: Config | None = None) -> Analysis:
    config = config or Config()
    outline = build_outline(doc)
    meta = meta_mod.extract(doc, outline)
    if config.year is not None:
        meta.report_year, meta.year_source = config.year, "override"
    if config.level is not None:
        meta.level, meta.level_source = config.level, "override"
    meta.ruleset = config.ruleset or choose_ruleset(meta.report_year)
    return Analysis(doc, outline, meta)


def lint(doc: Document, config: Config | None = None, ruleset: RuleSet | None = None) -> FileResult:
    config = config or Config()
    return lint_analysis(analyze(doc, config), config, ruleset)


def lint_analysis(analysis: Analysis, config: Config, ruleset: RuleSet | None = None) -> FileResult:
    """``lint`` for a report already analysed (the district overview reads the same outline
    for its own purposes, so the report is analysed once)."""
    doc = analysis.doc
    if ruleset is None:
        ruleset = load_ruleset(analysis.meta.ruleset)
        if config.profile is not None:            # a bureau's own requirements on top
            ruleset = config.profile.apply(ruleset)
    analysis.meta.ruleset = ruleset.name
    analysis.vocabulary = ruleset.vocabulary
    analysis.raw_vocabulary = ruleset.raw_vocabulary
    # A rule that is switched off and feeds no checklist item would only have its
    # findings thrown away: it does not run.
    wanted = [r for r in ruleset.rules if r.checklist or config.enabled(r.code, doc.path)]
    chosen = ruleset if len(wanted) == len(ruleset.rules) else dataclasses.replace(ruleset, rules=wanted)
    diagnostics, observations = run_rules(analysis, chosen)
    diagnostics = [d for d in diagnostics if config.enabled(d.code, doc.path)]
    for d in diagnostics:  # the paragraph text identifies a finding across edits (sarif, gitlab)
        d.context = d.context or (doc.line(d.line).norm.strip() if 1 <= d.line <= len(doc.lines) else "")
    diagnostics.sort(key=lambda d: (d.line, d.column, d.code))
    result = FileResult(
        path=doc.path, format=doc.format, meta=analysis.meta.to_dict(),
        checklist=checklist.fold(observations), diagnostics=diagnostics,
        outline=[p.to_dict() for p in analysis.outline.parts],
        notices=ruleset.notices_for(analysis.meta.report_year))
    if config.waivers:
        from .waivers import apply_waivers
        apply_waivers(result, config.waivers, config.today)
    return result


def run_rules(analysis: Analysis, ruleset: RuleSet) -> tuple[list[Diagnostic], list[Observation]]:
    diagnostics: list[Diagnostic] = []
    observations: list[Observation] = []
    for rule in ruleset.rules:
        if not rule.applies_to_year(analysis.year):
            if rule.checklist:
                observations.append(Observation(rule.checklist, "n/a", code=rule.code))
            continue
        if not rule.applies_to_level(analysis.level):
            if rule.checklist:
                observations.extend(_found_where_not_required(analysis, rule))
            continue
        for item in kinds.run(rule.kind, analysis, rule):
            if isinstance(item, Observation):
                item.code = item.code or rule.code
                observations.append(item)
            else:
                diagnostics.append(fill_report_years(item, analysis.year))
    return diagnostics, observations


def _found_where_not_required(analysis: Analysis, rule) -> list[Observation]:
    """A rule's item for a level it does not bind (法律明白人 in a department's report) is n/a
    — unless the report does write about it: then it reads as written, and the rule says
    nothing (no finding asks a department for what it need not do)."""
    found = [item for item in kinds.run(rule.kind, analysis, rule)
             if isinstance(item, Observation) and item.state in ("present", "weak")]
    for item in found:
        item.code = item.code or rule.code
    return found or [Observation(rule.checklist, "n/a", code=rule.code)]


# placeholders a rule's message or suggestion may hold for years derived from the report's
REPORT_YEARS = ("year", "next_year", "last_year")


def fill_report_years(d: Diagnostic, year: int | None) -> Diagnostic:
    """Fill {year}/{next_year}/{last_year} a kind left open in a message or suggestion with
    years derived from the report year, so rule text never hard-codes one (a suggestion a clerk
    copies must fit the report). An unknown year becomes ××××, which F930 flags if copied."""
    if "{" not in d.message and "{" not in d.suggestion:
        return d
    offsets = dict(zip(REPORT_YEARS, (0, 1, -1)))
    values = {"{%s}" % name: year + offset if year else None for name, offset in offsets.items()}
    for key, value in values.items():
        shown = str(value) if value else "××××"
        d.message, d.suggestion = d.message.replace(key, shown), d.suggestion.replace(key, shown)
    return d


def lint_path(path: str | os.PathLike, config: Config | None = None) -> FileResult:
    """Read and lint one file (a ``str`` or a ``pathlib.Path``); a file that cannot be read
    gives a result with ``error``."""
    config = config or Config()
    path = os.fspath(path)
    try:
        doc = read_path(path, config.max_bytes)
    except FzlintError as exc:
        return FileResult(path=path, error=exc.to_dict())
    return lint(doc, config)


def lint_bytes(data: bytes, name: str, config: Config | None = None) -> FileResult:
    config = config or Config()
    try:
        doc = read_bytes(data, name, config.max_bytes)
    except FzlintError as exc:
        return FileResult(path=name, error=exc.to_dict())
    return lint(doc, config)


def lint_text(text: str, name: str = "<text>.txt", config: Config | None = None) -> FileResult:
    return lint(Document.from_text(text, path=name), config)
