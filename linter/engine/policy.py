"""Exit codes, the same for every front end that checks files (check, report, annotate)."""
from __future__ import annotations

from ..vocab import SEVERITY_RANK

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def keep_at_least(results, severity: str) -> None:
    """``--min-severity``: drop findings below ``severity`` from each result (before output
    and the exit code), so the clerk sees errors and warnings without the hints."""
    floor = SEVERITY_RANK[severity]
    for r in results:
        kept = [d for d in r.diagnostics if SEVERITY_RANK[d.severity] >= floor]
        r.hidden += sum(1 for d in r.diagnostics if not d.suppressed) - sum(1 for d in kept if not d.suppressed)
        r.diagnostics = kept


def exit_code(results, fail_on: str = "warning", usage_problem: bool = False,
              fail_on_for: dict | None = None) -> int:
    """2 for usage problems or unreadable files; 1 when an active finding reaches the fail
    level (per file, when files have their own configuration); else 0."""
    if usage_problem or any(r.error for r in results):
        return EXIT_ERROR
    for r in results:
        floor = SEVERITY_RANK[(fail_on_for or {}).get(r.path, fail_on)]
        if any(SEVERITY_RANK[d.severity] >= floor for d in r.active()):
            return EXIT_FINDINGS
    return EXIT_OK


class Tally:
    """``exit_code`` computed as results pass, so a run need not keep its results (and the
    rule sets they were checked against, for the rule tables of sarif and junit)."""

    def __init__(self):
        self.unreadable = 0
        self.failing = False          # an active finding at or above its file's fail level
        self.rulesets: set[str] = set()

    def add(self, result, fail_on: str = "warning") -> None:
        self.add_counts(result.counts(), fail_on)

    def add_counts(self, counts, fail_on: str = "warning") -> None:
        """One file's ``Counts`` (``FileResult.counts()``, or as a worker process sent them)."""
        if counts.unreadable:
            self.unreadable += 1
        if counts.ruleset:
            self.rulesets.add(counts.ruleset)
        self.failing = self.failing or counts.reaches(fail_on)

    def exit_code(self, usage_problem: bool = False) -> int:
        if usage_problem or self.unreadable:
            return EXIT_ERROR
        return EXIT_FINDINGS if self.failing else EXIT_OK
