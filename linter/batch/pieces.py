"""``fzlint check`` on many files: each file checked and rendered where it is checked.

``check_pieces(job, files, configs, jobs)`` yields, in the files' order, one ``Piece`` per
file: its part of a streaming format's output (``formats.render_item`` with the file's place
in the run), already UTF-8, and its ``Counts`` (what the totals and the exit code need). A
worker process so sends the main process a few kilobytes of bytes instead of a FileResult:
unpickling every finding and rendering it in the main process cost about as much again as
writing it, on a core the workers need. ``--jobs 1`` runs the very same function in this
process, so the output is the same whatever ``--jobs`` is.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Iterator, NamedTuple

from ..document.result import Counts
from ..engine.policy import keep_at_least
from ..engine.run import lint_path
from ..formats import Options, render_item
from .pool import run_many, warm_lint


@dataclass
class PieceJob:
    """What every file of one run is rendered with (sent to the workers with each task)."""

    fmt: str                          # a streaming format (``formats.streams``)
    options: Options
    min_severity: str | None = None   # --min-severity: findings below it are dropped first


class Piece(NamedTuple):
    data: bytes                # the file's output, UTF-8
    counts: Counts
    error: str | None          # an unreadable file's Chinese message


def check_piece(job: PieceJob, task: tuple[int, str, object]) -> Piece:
    """Lint the ``n``-th file of the run and render its output."""
    n, path, config = task
    result = lint_path(path, config)
    if job.min_severity:
        keep_at_least([result], job.min_severity)
    text = render_item(job.fmt, result, job.options, n)
    return Piece(text.encode("utf-8"), result.counts(), result.error["message"] if result.error else None)


def check_pieces(job: PieceJob, files: list[str], configs: dict, jobs: int | None = None) -> Iterator[Piece]:
    """Every file's ``Piece``, in order, on ``jobs`` cores (the workers forked warm: see
    ``pool.warm_lint``)."""
    tasks = ((n, path, configs[path]) for n, path in enumerate(files))
    warm = functools.partial(warm_lint, files, configs[files[0]]) if files else None
    return run_many(functools.partial(check_piece, job), tasks, jobs, warm=warm)
