"""A bounded pool of worker processes that check uploads, each job under a time limit.

Why processes and not threads: checking is CPU-bound Python (threads would take turns on
one core), and a thread cannot be stopped — a hostile file that makes a parser run for
minutes would hold its thread for good. A process can be ended: a job over its time limit
ends its worker (SIGTERM first, so the .doc converter's private temporary folder is
removed and LibreOffice is killed; then SIGKILL) and a fresh worker takes its place.

A job's time limit starts when the job is sent: a fresh worker first loads the rules and says
"ready" (within ``STARTUP_TIMEOUT``), so its start-up never counts against an upload.

Bounded: at most ``size`` jobs run at once; a request waits for a free worker at most
``queue_timeout`` seconds (then :class:`Busy`). Together with the server's limits on
connections and body size this bounds memory under a burst of uploads: a burst queues.

Workers are started with ``spawn`` on every system (the only start method on Windows; on
Linux it avoids forking a process that runs server threads). A job names a function in
``linter.frontends.web.jobs``; arguments and results are pickled over a pipe, so uploads
pass in memory and nothing is written to disk.
"""
from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import sys
import threading


class Busy(Exception):
    """Every worker stayed busy for ``queue_timeout`` seconds."""


class TimeLimit(Exception):
    """The job ran longer than the time limit; its worker was ended."""


class WorkerLost(Exception):
    """The worker died during the job (out of memory, a crash in a parser's C code)."""


STARTUP_TIMEOUT = 120.0   # seconds a new worker may take to load the rules (not part of a job's time)


class _Worker:
    def __init__(self, ctx):
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(child,), daemon=True, name="fzlint-worker")
        self.process.start()
        child.close()
        self.ready = False

    def wait_ready(self) -> bool:
        """Wait for the worker's "ready" (sent once its rules are loaded)."""
        if not self.ready and self.conn.poll(STARTUP_TIMEOUT):
            self.ready = self.conn.recv() == "ready"
        return self.ready

    def stop(self, grace: float = 3.0) -> None:
        """End the worker: SIGTERM (its finally blocks run), then SIGKILL."""
        try:
            self.conn.close()
        except OSError:
            pass
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(grace)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(grace)


class LintPool:
    def __init__(self, size: int = 2, time_limit: float = 60.0, queue_timeout: float = 120.0):
        self.size = max(1, int(size))
        self.time_limit = time_limit
        self.queue_timeout = queue_timeout
        self._ctx = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._closed = False
        self._workers = [_Worker(self._ctx) for _ in range(self.size)]
        for w in self._workers:
            self._idle.put(w)

    def run(self, job: str, *args):
        """Run ``jobs.<job>(*args)`` in a worker and return its value (or raise what it raised)."""
        try:
            worker = self._idle.get(timeout=self.queue_timeout)
        except queue.Empty:
            raise Busy() from None
        try:
            if not worker.wait_ready():
                raise EOFError()
            worker.conn.send((job, args))
            if not worker.conn.poll(self.time_limit):
                worker = self._replace(worker)
                raise TimeLimit()
            ok, value = worker.conn.recv()
        except (EOFError, OSError):
            worker = self._replace(worker)
            raise WorkerLost() from None
        finally:
            self._idle.put(worker)
        if ok:
            return value
        raise value

    def _replace(self, worker: _Worker) -> _Worker:
        worker.stop()
        fresh = _Worker(self._ctx)
        with self._lock:
            self._workers = [fresh if w is worker else w for w in self._workers]
        return fresh

    def pids(self) -> list[int]:
        with self._lock:
            return [w.process.pid for w in self._workers]

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            workers = list(self._workers)
        for w in workers:
            w.stop(grace=1.0)


def _serve(conn) -> None:  # pragma: no cover - runs in the worker process
    """The worker's loop: take (job, args), answer (ok, value). SIGTERM becomes SystemExit so
    that ``finally`` blocks (temporary folders, LibreOffice) run before the worker ends."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    if hasattr(signal, "SIGINT"):
        signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl+C is for the server, which ends us
    from . import jobs
    jobs.warm_up()
    conn.send("ready")
    parent = os.getppid() if hasattr(os, "getppid") else None
    while True:
        try:
            if not conn.poll(5.0):
                if parent is not None and os.getppid() != parent:
                    return                             # the server is gone
                continue
            job, args = conn.recv()
        except (EOFError, OSError):
            return
        try:
            value = (True, getattr(jobs, job)(*args))
        except Exception as exc:  # noqa: BLE001 - sent back and raised in the server
            value = (False, _picklable(exc))
        try:
            conn.send(value)
        except (EOFError, OSError):
            return


def _picklable(exc: Exception) -> Exception:
    import pickle
    try:
        pickle.dumps(exc)
        return exc
    except Exception:  # noqa: BLE001
        return RuntimeError(f"{type(exc).__name__}: {exc}")

