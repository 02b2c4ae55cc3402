"""Lint many files on every core, results in the order the files were given.

``run_many(work, tasks, jobs)`` calls ``work(task)`` for each task in a process pool and
yields the results in input order as soon as each is ready (a slow file holds back only
the results after it, not the whole batch), so output is the same whatever ``jobs`` is.
Tasks travel in small groups (``GROUP``), the last few one by one. Memory stays flat: only a
bounded window of tasks is out at once and each result is handed on as soon as it is ready.
``jobs=1`` runs in this process (no pool).

``work`` must be a module-level function (it is sent to the worker processes by name).
"""
from __future__ import annotations

import collections
import itertools
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
             window: int | None = None, warm: Callable[[], object] | None = None) -> Iterator[R]:
    """``work(task)`` for every task, yielded in input order as the results come in.

    At most ``window`` tasks (default: 16 per process) are out at once, so results never pile
    up faster than the caller takes them (a cached run's workers outpace the main process).
    ``warm()``: where workers are forked, called here once before the pool starts, so every
    worker inherits what it loads (rule sets, compiled patterns, modules) instead of each
    loading it on its first tasks."""
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
    if warm is not None and fork:
        warm()
    window = window or 16 * jobs
    import multiprocessing  # here: a run in one process (--jobs 1, one file) need not load it
    context = multiprocessing.get_context("fork" if fork else "spawn")
    with context.Pool(jobs, initializer=collect_less) as pool:
        pending: collections.deque = collections.deque()
        for group in groups(itertools.chain(first, tasks), GROUP, 2 * jobs):
            pending.append(pool.apply_async(_run_group, (work, group)))
            if len(pending) * GROUP >= window:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


# Tasks go to the workers this many at a time: each message between the processes costs the
# main process a wake-up, a pickle and a lock or two (about 0.7 ms of its processor per task,
# taken from the cores the workers need); four reports a message cost a quarter of that.
GROUP = 4


def groups(tasks: Iterable[T], size: int, tail: int) -> Iterator[list[T]]:
    """Consecutive tasks in lists of ``size``, the last ``tail`` one by one (so the run
    ends with every worker busy, not one finishing a group while the others wait)."""
    ahead: collections.deque = collections.deque()
    for task in tasks:
        ahead.append(task)
        if len(ahead) >= size + tail:
            yield [ahead.popleft() for _ in range(size)]
    while ahead:
        yield [ahead.popleft()]


def _run_group(work, group: list) -> list:
    return [work(task) for task in group]


def collect_less() -> None:
    """For a process of fzlint's own that lints many reports (a batch's workers, the program
    checking many files, the page, the language server): what it holds now (modules, rule
    sets, compiled patterns) is never walked by the cyclic collector again, and the collector
    runs after 10,000 new objects instead of 700. A lint makes thousands of short-lived
    objects, freed by reference counting as they go out of use; every collection would walk
    all that is alive at that moment. Not for the library: a caller's process is the caller's."""
    import gc
    gc.freeze()
    gc.set_threshold(10_000, 20, 20)


def lint_one(task) -> object:
    """The default work: ``(path, config)`` -> FileResult."""
    from ..engine.run import lint_path
    path, config = task
    return lint_path(path, config)


def lint_many(tasks: Iterable[tuple[str, object]], jobs: int | None = None,
              warm: Callable[[], object] | None = None) -> Iterator[object]:
    """``(path, config)`` pairs -> their FileResults, in the same order, on ``jobs`` cores."""
    return run_many(lint_one, tasks, jobs, warm=warm)


# A short report written for the warm-up (fictional unit): headings, figures, dates, a law
# title with a typo, stale and legacy terms, half-width punctuation, so that linting it takes
# most of the paths a real report takes (rule patterns compiled, lazily imported modules).
_WARM_REPORT = """关于2023年度法治政府建设情况的报告
一、2023年推进法治政府建设的主要举措和成效
（一）深入学习贯彻习近平法治思想。镇党委理论学习中心组开展专题学法4次，全年组织法制宣传活动12场，发放资料3000余份。
（二）严格规范公正文明执法。全面落实行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度，\
办理行政处罚案件35件，依据《中华人民共和国行政处法》和《中华人民共和国民法典》规范裁量。
二、党政主要负责人履行推进法治建设第一责任人职责情况
镇党委书记、镇长带头述法，出庭应诉1次，召开专题会议研究法治工作3次。
三、存在的不足和原因
一是法治宣传形式单一;二是执法人员不足.
四、2024年推进法治政府建设的主要安排
推进“八五”普法规划实施，完成七五普法总结，力争行政复议纠错率下降到5%以下。
五、其他需要报告的情况
无。
云溪镇人民政府
2024年2月20日
"""


def warm_lint(paths: list[str], config=None) -> None:
    """Load what linting these files takes before the workers are forked: the readers and
    parsing libraries of their types, the rule sets, and the patterns and modules a report's
    check uses (by linting a short report). Each worker would otherwise load them itself on
    its first files: the same time again on every core. Linting a sample rather than the first
    file keeps this short whatever that file is (a big PDF would hold up every worker)."""
    from ..engine.run import lint_text
    from ..readers import preload
    try:
        preload(paths)
        lint_text(_WARM_REPORT, "warm-up.txt", config)
    except Exception:  # noqa: BLE001 - a warm-up is only a head start; the run itself reports problems
        pass
