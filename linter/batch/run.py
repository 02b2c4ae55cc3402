"""``fzlint report`` as a library call: options in, the overview written, an exit code out.

The same session as ``check`` (``workspace.session.prepare``: readers, configuration
discovery, waivers, excludes) and the same exit codes (``engine.policy``): 2 when a path is
missing or a file cannot be read (the others are still in the overview), 1 when a finding
reaches the fail level, else 0.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from types import SimpleNamespace

from ..engine.policy import EXIT_FINDINGS, EXIT_OK, exit_code
from ..errors import UsageError, os_problem
from ..formats._paths import display_path
from ..workspace.discover import nothing_found
from ..workspace.session import CheckOptions, parse_year, prepare
from .overview import build_overview
from .units import read_roster


@dataclass
class ReportOptions:
    outdir: str
    roster: str | None = None
    for_year: str | None = None
    jobs: int | None = None
    use_cache: bool = True
    cache_dir: str | None = None
    exit_zero: bool = False


def run_report(options: CheckOptions, report: ReportOptions, echo=print, progress_bar=None) -> int:
    """Write the overview; ``echo`` gets the lines for the user (standard error),
    ``progress_bar(total)`` may return a click-style bar (a terminal only)."""
    outdir = report.outdir
    if os.path.exists(outdir) and not os.path.isdir(outdir):
        raise UsageError(f"无法写入 {outdir}：这是一个文件，不是目录")
    year = parse_year(report.for_year, "--for-year")
    roster = read_roster(report.roster) if report.roster else None
    plan = prepare(options)
    # the overview's own pages are never read as reports (OUTDIR may lie inside the folder)
    inside = os.path.join(os.path.abspath(outdir), "")
    plan.files = [p for p in plan.files if not os.path.abspath(p).startswith(inside)]
    for path, problem in plan.missing:
        echo(f"{path}: {problem}")
    if not plan.files and not plan.missing:
        echo(nothing_found())
    try:
        os.makedirs(outdir, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"无法创建目录 {outdir}：{os_problem(exc, writing=True)}") from None
    bar = progress_bar(len(plan.files)) if progress_bar else None
    files = [(p, display_path(p), plan.configs[p]) for p in plan.files]
    try:
        if bar is not None:
            with bar:
                overview = build_overview(files, outdir, roster, report.jobs, report.use_cache, report.cache_dir,
                                          year, progress=bar.update, missing_paths=plan.missing)
        else:
            overview = build_overview(files, outdir, roster, report.jobs, report.use_cache, report.cache_dir,
                                      year, missing_paths=plan.missing)
    except OSError as exc:
        raise UsageError(f"无法写入 {outdir}：{os_problem(exc, writing=True)}") from None
    for r in overview.reports:
        if r.error:
            echo(f"{r.path}: {r.error['message']}")
    counts = overview.status_counts()
    # which year the 报送 counts are of: without it "未报送 4" reads as four files lost
    year_said = f"{overview.year} 年度" if overview.year else ""
    statuses = "，".join(f"{k} {v}" for k, v in counts.items() if v) or "—"
    echo(f"已写入 {os.path.join(outdir, 'index.html')}、overview.xlsx、overview.json："
         f"{len(overview.reports)} 份报告；{year_said}报送情况：{statuses}；"
         f"雷同 {len(overview.copies)} 对（{overview.from_cache} 份结果取自缓存）。")
    outcomes = [_outcome(path, row) for (path, _, _), row in zip(files, overview.reports)]
    code = exit_code(outcomes, plan.fail_on, plan.usage_problem, plan.fail_on_for())
    return EXIT_OK if report.exit_zero and code == EXIT_FINDINGS else code


def _outcome(path: str, row):
    """What the exit-code policy reads of a result, from the counts the overview kept."""
    severities = [SimpleNamespace(severity=s) for s in ("error", "warning", "info") if row.counts.get(s)]
    return SimpleNamespace(path=path, error=row.error, active=lambda: severities)
