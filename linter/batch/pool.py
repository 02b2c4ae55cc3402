"""Lint many files on every core, results in the order the files were given.

``run_many(work, tasks, jobs)`` calls ``work(task)`` for each task in a process pool and
yields the results in input order as soon as each is ready (a slow file holds back only
the results after it, not the whole batch), so output is the same whatever ``jobs`` is.
Memory stays flat: a task is small (a path and its settings) and each result is handed
on as soon as it is ready, so only the results waiting for a slower file before them are
held. ``jobs=1`` runs in this process (no pool).

``work`` must be a module-level function (it is sent to the worker processes by name).
"""
from __future__ import annotations

import itertools
import multiprocessing
import os
from typing import Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def default_jobs() -> int:
    """Every core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:           # not Linux
        return max(1, os.cpu_count() or 1)


def run_many(work: Callable[[T], R], tasks: Iterable[T], jobs: int | None = None) -> Iterator[R]:
    """``work(task)`` for every task, yielded in input order as the results come in."""
    jobs = jobs or default_jobs()
    tasks = iter(tasks)
    if jobs <= 1:
        for task in tasks:
            yield work(task)
        return
    first = list(itertools.islice(tasks, 2))
    if len(first) < 2:               # one file: a pool would only cost its start-up
        for task in first:
            yield work(task)
        return
    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    with context.Pool(jobs) as pool:
        # imap keeps input order; a chunk of 1 keeps it streaming with files of any size
        yield from pool.imap(work, itertools.chain(first, tasks), chunksize=1)


def lint_one(task) -> object:
    """The default work: ``(path, config)`` -> FileResult."""
    from ..engine.run import lint_path
    path, config = task
    return lint_path(path, config)


def lint_many(tasks: Iterable[tuple[str, object]], jobs: int | None = None) -> Iterator[object]:
    """``(path, config)`` pairs -> their FileResults, in the same order, on ``jobs`` cores."""
    return run_many(lint_one, tasks, jobs)
