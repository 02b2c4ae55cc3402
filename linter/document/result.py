"""Results: JSON-ready values every front end (CLI, LSP, batch, web) renders.

The JSON shape is a contract (see README, "JSON result"): keep names stable, add freely.
"""
from __future__ import annotations

from dataclasses import dataclass, field



@dataclass
class Edit:
    """Replace a user-visible range with new text (positions as in Diagnostic)."""

    line: int
    column: int
    end_line: int
    end_column: int
    text: str

    def to_dict(self) -> dict:
        return {"line": self.line, "column": self.column, "end_line": self.end_line,
                "end_column": self.end_column, "text": self.text}


@dataclass
class Fix:
    """Edits that fix a finding, and whether --fix may apply them unasked."""

    edits: list[Edit]
    safe: bool              # safe fixes are applied by --fix; unsafe ones only shown
    description: str = ""

    def to_dict(self) -> dict:
        return {"safe": self.safe, "description": self.description,
                "edits": [e.to_dict() for e in self.edits]}


@dataclass
class Diagnostic:
    """One finding: a rule's message at a place in the report (the JSON contract's diagnostics)."""

    code: str
    name: str
    severity: str
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    basis: str = ""
    checklist: str | None = None
    fix: Fix | None = None
    suggestion: str = ""
    suppressed: bool = False
    waiver: dict | None = None   # the waiver entry that suppressed it
    context: str = ""            # the normalised paragraph text (for fingerprints)

    def to_dict(self) -> dict:
        d = {"code": self.code, "name": self.name, "severity": self.severity,
             "message": self.message, "line": self.line, "column": self.column,
             "end_line": self.end_line, "end_column": self.end_column, "basis": self.basis,
             "checklist": self.checklist, "fix": self.fix.to_dict() if self.fix else None,
             "suggestion": self.suggestion, "suppressed": self.suppressed}
        if self.waiver:
            d["waiver"] = self.waiver
        return d


@dataclass
class Evidence:
    """A line that shows a checklist item is there."""

    line: int
    text: str

    def to_dict(self) -> dict:
        return {"line": self.line, "text": self.text}


@dataclass
class Observation:
    """A rule's reading of one checklist item (present / weak / missing / n/a)."""

    item: str
    state: str
    evidence: list[Evidence] = field(default_factory=list)
    code: str = ""
    note: str = ""        # with n/a: "unknown" when the rule could not tell (the date was not found)


@dataclass
class ChecklistEntry:
    """One checklist item's state, its evidence and the rules that read it."""

    state: str
    evidence: list[Evidence] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    note: str = ""        # "unknown": n/a because it could not be told, not because it does not apply

    @property
    def shown_state(self) -> str:
        """The state a reader is shown: n/a noted unknown is its own state, "unknown"."""
        return "unknown" if self.state == "n/a" and self.note == "unknown" else self.state

    def to_dict(self) -> dict:
        out = {"state": self.state, "evidence": [e.to_dict() for e in self.evidence]}
        if self.note:          # additive: consumers reading only "state" still see n/a
            out["note"] = self.note
        return out


@dataclass
class FileResult:
    """What checking one file gives: its findings, checklist, outline and metadata, or an error."""

    path: str
    format: str | None = None
    meta: dict | None = None
    checklist: dict[str, ChecklistEntry] | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: dict | None = None
    outline: list[dict] | None = None
    notices: list[str] = field(default_factory=list)
    hidden: int = 0          # active findings left out below --min-severity (said in the run's tail)

    def active(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if not d.suppressed]

    def counts(self) -> "Counts":
        severities = {"error": 0, "warning": 0, "info": 0}
        suppressed = fixable = 0
        for d in self.diagnostics:
            if d.suppressed:
                suppressed += 1
            else:
                severities[d.severity] += 1
                fixable += d.fix is not None and d.fix.safe
        meta = self.meta or {}
        return Counts(severities["error"], severities["warning"], severities["info"], suppressed, fixable,
                      unreadable=bool(self.error), report_like=bool(meta.get("report_like", True)),
                      ruleset=meta.get("ruleset") or None, hidden=self.hidden)

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "format": self.format,
            "meta": self.meta,
            "checklist": None if self.checklist is None else
            {k: v.to_dict() for k, v in self.checklist.items()},
            "diagnostics": [d.to_dict() for d in self.diagnostics],
            "notices": self.notices,
            "error": self.error,
        }


@dataclass(frozen=True)
class Counts:
    """What a run's totals and exit code need of one file's result. A worker process sends
    this (with the file's rendered output) instead of the whole result, which costs the main
    process far more to receive than to write."""

    errors: int = 0          # active findings by severity
    warnings: int = 0
    infos: int = 0
    suppressed: int = 0      # waived findings
    fixable: int = 0         # active findings with a safe fix
    unreadable: bool = False
    report_like: bool = True
    ruleset: str | None = None
    hidden: int = 0          # active findings left out below --min-severity

    def reaches(self, severity: str) -> bool:
        """Is there an active finding at or above ``severity`` (error, warning, info)?"""
        above = {"error": self.errors, "warning": self.errors + self.warnings,
                 "info": self.errors + self.warnings + self.infos}
        return above[severity] > 0


def summarize(results: list[FileResult]) -> dict:
    counts = {"files": len(results), "errors": 0, "warnings": 0, "infos": 0, "unreadable": 0,
              "suppressed": 0}
    for r in results:
        if r.error:
            counts["unreadable"] += 1
        for d in r.diagnostics:
            if d.suppressed:
                counts["suppressed"] += 1
            else:
                counts[d.severity + "s"] += 1
    return counts


RESULT_VERSION = 1          # the JSON contract's version


def run_to_dict(results: list[FileResult]) -> dict:
    return {"version": RESULT_VERSION, "files": [r.to_dict() for r in results], "summary": summarize(results)}
