"""Lint many files on every core, results in the order the files were given.

``run_many(work, tasks, jobs)`` calls ``work(task)`` for each task in a process pool and
yields the results in input order as soon as each is ready (a slow file holds back only
the results after it, not the whole batch), so output is the same whatever ``jobs`` is.
Memory stays flat: only a bounded window of tasks is out at once and each result is handed
on as soon as it is ready. ``jobs=1`` runs in this process (no pool).

``work`` must be a module-level function (it is sent to the worker processes by name).
"""
from __future__ import annotations

import collections
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


def run_many(work: Callable[[T], R], tasks: Iterable[T], jobs: int | None = None,
             window: int | None = None, warm_first: bool = False) -> Iterator[R]:
    """``work(task)`` for every task, yielded in input order as the results come in.

    At most ``window`` tasks (default: 4 per process) are out at once, so results never pile
    up faster than the caller takes them (a cached run's workers outpace the main process).
    ``warm_first``: where workers are forked, the first task runs here before the pool
    starts, so every worker inherits what it loaded (rule sets, compiled patterns, modules)
    instead of loading it again; its result is yielded at once."""
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
    fork = hasattr(os, "fork")
    if warm_first and fork:
        yield work(first.pop(0))
    window = window or 4 * jobs
    context = multiprocessing.get_context("fork" if fork else "spawn")
    with context.Pool(jobs) as pool:
        pending: collections.deque = collections.deque()
        for task in itertools.chain(first, tasks):
            pending.append(pool.apply_async(work, (task,)))
            if len(pending) >= window:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


def lint_one(task) -> object:
    """The default work: ``(path, config)`` -> FileResult."""
    from ..engine.run import lint_path
    path, config = task
    return lint_path(path, config)


def lint_many(tasks: Iterable[tuple[str, object]], jobs: int | None = None) -> Iterator[object]:
    """``(path, config)`` pairs -> their FileResults, in the same order, on ``jobs`` cores."""
    return run_many(lint_one, tasks, jobs)
