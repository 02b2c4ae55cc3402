"""``fzlint lsp``: a language server (pygls 2.x, stdio) for plain-text and Markdown reports.

What it does:

* publishes diagnostics on didOpen, didSave and (debounced, latest version wins) didChange;
* hover on a finding shows the rule's explanation, legal basis and suggestion — the
  narrowest finding under the cursor, not every finding of the enclosing paragraph;
* code actions apply a finding's *safe* fix (``actions``; unsafe ones are never edits).

It never re-implements a rule: every check goes through ``linter.lint``, in a child
process (``LintWorkers``): one document's slow lint never holds up another's diagnostics,
and a newer version of a document ends the lint of the older one. Message framing is
bounded: an absurd ``Content-Length`` or an endless header line is refused and logged, and
the server reads on. Messages are written by a thread of their own (``ClientWriter``), so a
client that stops reading holds up no request and no exit. Once the session is over (the
client's exit, stdin closed, a failed write) nothing more is sent, so the server ends at once
whatever is in flight. Positions are converted in ``positions``.
"""
from __future__ import annotations

import asyncio
import collections
import logging
import multiprocessing
import os
import sys
import threading
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from lsprotocol import types
from pygls.io_ import StdinAsyncReader, run_async
from pygls.lsp.server import LanguageServer

from ...data import VERSION as __version__
from ...config import Config
from ...document.document import Document
from ...document.result import Diagnostic, FileResult
from ...engine.run import lint
from ...errors import FzlintError
from ...vocab import SEVERITY_LABELS
from ...workspace.configfile import config_for_path
from .actions import FIX_ALL_KIND, SOURCE, code_actions, contains
from .positions import PositionMap

log = logging.getLogger("fzlint.lsp")

DEBOUNCE_SECONDS = 0.15
LINT_SECONDS = 120            # a lint still running after this is ended and reported
MOST_WORKERS = 8              # lints in flight at once (one per document)
MAX_MESSAGE_BYTES = 64 * 1024 * 1024
MAX_HEADER_LINE = 8192
TEXT_LANGUAGES = {"plaintext", "text", "txt", "markdown", "md"}
TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
MARKDOWN_SUFFIXES = (".md", ".markdown")
# saving one of these (configuration, or a waiver file it names) re-reads the configuration
CONFIG_SUFFIXES = (".yaml", ".yml", ".toml", ".cfg", ".ini")

_SEVERITY = {"error": types.DiagnosticSeverity.Error,
             "warning": types.DiagnosticSeverity.Warning,
             "info": types.DiagnosticSeverity.Information}


# -- per-document state ---------------------------------------------------------------

@dataclass
class Finding:
    diagnostic: Diagnostic          # the linter's finding
    lsp: types.Diagnostic           # what was published
    ruleset: str | None


@dataclass
class LintState:
    uri: str
    version: int | None
    text: str
    findings: list[Finding] = field(default_factory=list)
    positions: PositionMap | None = None
    seconds: float = 0.0


def _is_report(uri: str, language_id: str | None) -> bool:
    lang = (language_id or "").lower()
    path = uri.split("?", 1)[0].split("#", 1)[0].lower()
    return lang in TEXT_LANGUAGES or path.endswith(TEXT_SUFFIXES)


def _format_of(uri: str, language_id: str | None) -> str:
    lang = (language_id or "").lower()
    path = uri.split("?", 1)[0].lower()
    return "md" if lang in ("markdown", "md") or path.endswith(MARKDOWN_SUFFIXES) else "txt"


# -- configuration --------------------------------------------------------------------

def find_config(path: str | None) -> tuple[Config, str | None]:
    """The fzlint configuration that applies to ``path`` (the nearest ``.fzlint.yaml`` /
    ``setup.cfg`` / ``pyproject.toml``, as the CLI finds it), and a problem message if
    any: a broken configuration gives the defaults and a line for the client's log."""
    if not path or not os.path.isabs(path):
        return Config(), None
    try:
        return config_for_path(path), None
    except FzlintError as exc:
        return Config(), f"fzlint 配置有误，已改用默认设置：{exc.line()}"
    except Exception as exc:  # noqa: BLE001 - a configuration bug must not take the server down
        return Config(), f"fzlint 无法读取配置，已改用默认设置：{type(exc).__name__}: {exc}"


# -- linting in child processes -------------------------------------------------------

def lint_job(text: str, path: str, fmt: str, config: Config) -> FileResult:
    """What a worker process runs for one snapshot."""
    return lint(Document.from_text(text, path=path, fmt=fmt), config)


def _worker_main(conn, target) -> None:
    """A worker process: lint each job it is sent, answer ("ok", result) or ("error", text)."""
    try:
        target("一、主要举措\n", "<warm-up>.txt", "txt", Config())   # load the rules before the first job
    except Exception:  # noqa: BLE001 - reported when a real job fails the same way
        pass
    from ...batch.pool import collect_less
    collect_less()                    # a process of our own that lints document after document
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(("ok", target(*job)))
        except Exception as exc:  # noqa: BLE001 - sent to the server, which logs it once
            conn.send(("error", f"{type(exc).__name__}: {exc}", traceback.format_exc()))


class _Worker:
    def __init__(self, ctx, target):
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main, args=(child, target), daemon=True,
                                   name="fzlint-lint")
        self.process.start()
        child.close()
        self._stopping = threading.Lock()
        self._stopped = False

    def stop(self) -> None:
        """Kill the process and close the pipe, once. Two threads stop one worker when a newer
        version supersedes a lint in flight (the canceller, then the thread whose wait it ended):
        a second close of the pipe's descriptor fails (EBADF) — or, were the number reused by
        then, would close another worker's pipe."""
        with self._stopping:
            if self._stopped:
                return
            self._stopped = True
        try:
            self.process.kill()
        except Exception:  # noqa: BLE001 - already gone
            pass
        self.conn.close()


class Superseded(Exception):
    """The lint was ended because a newer version of its document arrived (or it closed)."""


class LintWorkers:
    """Child processes that lint, one per document in flight.

    A slow document occupies only its own worker, so every other document's diagnostics
    come as fast as before; a newer version of a document kills the worker still linting
    the older one (``run`` then raises ``Superseded``) rather than waiting for it. One idle
    worker is kept warm (rules loaded) for the next document.
    """

    def __init__(self, target=lint_job, keep_idle: int = 1, most: int = MOST_WORKERS,
                 seconds: float = LINT_SECONDS):
        # spawn, not fork: the server runs threads, and a forked child could inherit a held lock
        self.ctx = multiprocessing.get_context("spawn")
        self.target, self.keep_idle, self.seconds = target, keep_idle, seconds
        self.slots = threading.BoundedSemaphore(most)
        self.lock = threading.Lock()
        self.idle: list[_Worker] = []
        self.busy: dict[str, _Worker] = {}
        self.closed = False

    def warm(self) -> None:
        with self.lock:
            if self.idle or self.closed:
                return
        worker = _Worker(self.ctx, self.target)
        with self.lock:
            closing = self.closed   # closed while the worker started: close() could not stop it
            if not closing:
                self.idle.append(worker)
        if closing:
            worker.stop()

    def cancel(self, key: str) -> None:
        """End the lint in flight for ``key`` (a document URI), if any."""
        with self.lock:
            worker = self.busy.pop(key, None)
        if worker is not None:
            worker.stop()

    def run(self, key: str, *job):
        """Lint ``job`` for document ``key`` in a worker (blocking: call from a thread)."""
        self.cancel(key)
        with self.slots:
            with self.lock:
                if self.closed:
                    raise Superseded(key)
                worker = self.idle.pop() if self.idle else None
            if worker is None or not worker.process.is_alive():
                worker = _Worker(self.ctx, self.target)
            with self.lock:
                closing = self.closed   # closed while the worker started: close() missed it
                if not closing:
                    self.busy[key] = worker
            if closing:
                worker.stop()
                raise Superseded(key)
            try:
                worker.conn.send(job)
                if not worker.conn.poll(self.seconds):
                    worker.stop()
                    raise TimeoutError(f"检查超过 {self.seconds:.0f} 秒，已停止")
                answer = worker.conn.recv()
            except (EOFError, OSError):
                raise Superseded(key) from None
            finally:
                with self.lock:
                    mine = self.busy.get(key) is worker
                    if mine:
                        del self.busy[key]
                    keep = mine and worker.process.is_alive() and not self.closed \
                        and len(self.idle) < self.keep_idle
                    if keep:
                        self.idle.append(worker)
                if not keep:
                    worker.stop()
        if answer[0] == "error":
            raise RuntimeError(answer[1] + "\n" + answer[2])
        return answer[1]

    def close(self) -> None:
        with self.lock:
            self.closed = True
            workers = self.idle + list(self.busy.values())
            self.idle, self.busy = [], {}
        for worker in workers:
            worker.stop()


# -- message framing ------------------------------------------------------------------

class BoundedReader(StdinAsyncReader):
    """stdin for pygls' message loop, with limits: a header line is read at most
    ``MAX_HEADER_LINE`` bytes at a time (the rest of a longer line comes as further
    pieces that match no header and are skipped), and a body longer than
    ``MAX_MESSAGE_BYTES`` is not read: pygls is handed a blank body, which it logs as a
    message it cannot parse, and reads on. The bytes that followed the refused header are
    read as header lines and skipped up to the next ``Content-Length``."""

    def __init__(self, stdin, executor=None, on_refused=None):
        super().__init__(stdin, executor)
        self.on_refused = on_refused

    def readline(self):
        return self.loop.run_in_executor(self.executor, self.stdin.readline, MAX_HEADER_LINE)

    def readexactly(self, n: int):
        if n > MAX_MESSAGE_BYTES:
            if self.on_refused:
                self.on_refused(n)
            future = self.loop.create_future()
            future.set_result(b" ")
            return future
        return super().readexactly(n)


class ClientWriter:
    """stdout for pygls' messages, written by a thread of its own, silent once the session is over.

    A message is queued and the event loop goes on at once: a client that has stopped reading
    (its pipe full) then holds up only this thread, and the server still reads and obeys exit.
    (Before, the loop itself blocked in the write, so an exit sent after a few documents'
    unread diagnostics was never read, and the server never ended.) At most
    ``MAX_PENDING_BYTES`` wait; past that, senders wait too (memory stays bounded).

    pygls closes the writer on the client's exit; the server closes it when stdin ends; a
    write that fails closes it too. Messages after that are dropped: nobody reads them, and
    pygls reports a failed send by sending a log message, which would fail in its turn.
    (Before this, each response still due at exit, such as a hover cancelled as the event
    loop closed, set off nested error reports, with a traceback formatted at every level,
    for seconds per request, before the process could end.)"""

    MAX_PENDING_BYTES = 64 * 1024 * 1024

    def __init__(self, stdout):
        self.stdout = stdout
        self.closed = False
        self._ready = threading.Condition()
        self._queue: collections.deque[bytes] = collections.deque()
        self._pending = 0               # bytes queued or being written
        self._thread = threading.Thread(target=self._run, name="fzlint-lsp-writer", daemon=True)
        self._thread.start()

    def close(self) -> None:
        """Nothing more is written; what is queued is dropped. The stream itself is left to the
        process's end: closing it here would wait for a write blocked on a full pipe."""
        with self._ready:
            self.closed = True
            self._queue.clear()
            self._ready.notify_all()

    def write(self, data: bytes) -> None:
        with self._ready:
            while self._pending > self.MAX_PENDING_BYTES and not self.closed:
                self._ready.wait(1.0)
            if self.closed:
                return
            self._queue.append(data)
            self._pending += len(data)
            self._ready.notify_all()

    def drain(self, seconds: float) -> None:
        """Wait up to ``seconds`` for the queued messages to reach the client (one that still
        reads gets every answer; one that does not cannot hold the server's end up)."""
        deadline = time.monotonic() + seconds
        with self._ready:
            while self._pending and not self.closed:
                left = deadline - time.monotonic()
                if left <= 0:
                    return
                self._ready.wait(left)

    def _run(self) -> None:
        while True:
            with self._ready:
                while not self._queue and not self.closed:
                    self._ready.wait()
                if self.closed:
                    return
                data = self._queue.popleft()
            try:
                self.stdout.write(data)
                self.stdout.flush()
            except (OSError, ValueError):   # the client is gone: nothing more is sent
                self.close()
                return
            with self._ready:
                self._pending -= len(data)
                self._ready.notify_all()


# -- the server -----------------------------------------------------------------------

class FzlintServer(LanguageServer):
    def __init__(self, debounce: float = DEBOUNCE_SECONDS, lint_target=lint_job):
        super().__init__(name="fzlint", version=__version__,
                         text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.debounce = debounce
        self.states: dict[str, LintState] = {}
        self.pending: dict[str, asyncio.Task] = {}
        self.languages: dict[str, str | None] = {}
        self.config_cache: dict[str, tuple[Config, str | None]] = {}
        self.reported_config_problems: set[str] = set()
        self.reported_errors: set[str] = set()
        # lints run in child processes (one per document in flight); each waits on its own
        # thread, off the event loop, so reading messages never waits for a lint
        self.workers = LintWorkers(lint_target)
        self.exit_code = 0
        self.lint_pool = ThreadPoolExecutor(max_workers=MOST_WORKERS + 1, thread_name_prefix="fzlint-lint")
        self._config_lock = threading.Lock()
        self.loop: asyncio.AbstractEventLoop | None = None
        self.loop_thread: int | None = None
        self.writer: ClientWriter | None = None
        self._reporting = threading.local()

    # -- messages to the client --
    def log(self, message: str, kind: types.MessageType = types.MessageType.Info) -> None:
        """window/logMessage, sent from the event loop whichever thread calls this."""
        loop = self.loop
        if loop is not None and threading.get_ident() != self.loop_thread:
            try:
                loop.call_soon_threadsafe(self.log, message, kind)
                return
            except RuntimeError:  # loop closed
                pass
        if self.writer is None or self.writer.closed:   # no client to tell: the local log
            log.log(logging.ERROR if kind == types.MessageType.Error else logging.INFO, message)
            return
        try:
            self.window_log_message(types.LogMessageParams(type=kind, message=message))
        except Exception:  # connection gone
            log.log(logging.ERROR if kind == types.MessageType.Error else logging.INFO, message)

    def report_server_error(self, error, source):  # noqa: D401 - pygls hook
        """Log internal errors instead of popping up a message box in the editor. An error
        raised while one is being reported (sending the report failed) goes to the local
        log only: reporting it to the client again would recurse."""
        if getattr(self._reporting, "active", False):
            log.error("fzlint 内部错误：%s", error)
            return
        self._reporting.active = True
        try:
            self.log(f"fzlint 内部错误：{error}", types.MessageType.Error)
        finally:
            self._reporting.active = False

    @property
    def encoding(self) -> str:
        try:
            return str(self.workspace.position_encoding or "utf-16")
        except Exception:
            return "utf-16"

    # -- configuration --
    def config_for(self, path: str | None) -> Config:
        key = os.path.dirname(path) if path else ""
        with self._config_lock:
            cached = self.config_cache.get(key)
        if cached is None:
            cached = find_config(path)
            with self._config_lock:
                self.config_cache[key] = cached
        config, problem = cached
        if problem and problem not in self.reported_config_problems:
            self.reported_config_problems.add(problem)
            self.log(problem, types.MessageType.Warning)
        return config

    def forget_config(self) -> None:
        with self._config_lock:
            self.config_cache.clear()
        self.reported_config_problems.clear()

    # -- linting --
    def lint_snapshot(self, uri: str, path: str | None, version: int | None, text: str,
                      language_id: str | None) -> LintState | None:
        """Lint one text snapshot (runs on a pool thread, the lint itself in a worker
        process); None when a newer version superseded it. Never raises."""
        started = time.perf_counter()
        state = LintState(uri, version, text)
        try:
            config = self.config_for(path)
            result: FileResult = self.workers.run(uri, text, path or uri, _format_of(uri, language_id), config)
            positions = PositionMap(text, self.encoding)
            ruleset = (result.meta or {}).get("ruleset")
            state.positions = positions
            state.findings = [Finding(d, to_lsp_diagnostic(d, positions, ruleset, i), ruleset)
                              for i, d in enumerate(result.active())]
        except Superseded:
            return None
        except Exception as exc:
            key = f"{type(exc).__name__}: {exc}"
            if key not in self.reported_errors:      # once per distinct error, not per keystroke
                self.reported_errors.add(key)
                self.log(f"fzlint 无法检查 {uri}：{key}\n{traceback.format_exc()}",
                         types.MessageType.Error)
            state.findings = []
        state.seconds = time.perf_counter() - started
        return state

    def refused_message(self, length: int) -> None:
        self.log(f"fzlint 拒收一条过长的消息（Content-Length: {length}，上限 {MAX_MESSAGE_BYTES} 字节）",
                 types.MessageType.Error)

    def start_io(self, stdin=None, stdout=None):
        """pygls' stdio loop, reading through a ``BoundedReader`` and writing through a
        ``ClientWriter``."""
        self._stop_event = threading.Event()
        reader = BoundedReader(stdin or sys.stdin.buffer, self.thread_pool, self.refused_message)
        self.writer = ClientWriter(stdout or sys.stdout.buffer)
        self.protocol.set_writer(self.writer)

        async def session():
            try:
                await run_async(stop_event=self._stop_event, reader=reader, protocol=self.protocol,
                                logger=log, error_handler=self.report_server_error)
            finally:
                # stdin ended (or exit): what is already written reaches a client that still
                # reads; the requests still in flight are cancelled as the loop closes, and
                # their answers are not sent; a client that no longer reads stdout must not
                # keep the server from ending
                self.writer.drain(1.0)
                self.writer.close()

        try:
            asyncio.run(session())
        except BrokenPipeError:
            log.error("Connection to the client is lost! Shutting down the server.")
        except SystemExit as exc:          # the client's exit: 0 after shutdown, else 1
            self.exit_code = exc.code if isinstance(exc.code, int) else 0
        except KeyboardInterrupt:
            pass
        finally:
            self.workers.close()
            # pygls' own shutdown() waits for its thread pool, where a read of stdin may be
            # blocked for good (a client need not close stdin after exit): do not wait
            if self._stop_event is not None:
                self._stop_event.set()
            for pool in (getattr(self, "_thread_pool", None), self.lint_pool):
                if pool is not None:
                    pool.shutdown(wait=False, cancel_futures=True)

    def current(self, uri: str):
        try:
            return self.workspace.get_text_document(uri)
        except Exception:
            return None

    async def lint_now(self, uri: str) -> LintState | None:
        """Lint the current text of ``uri`` and publish, unless a newer version arrives."""
        doc = self.current(uri)
        if doc is None:
            return None
        language_id = doc.language_id or self.languages.get(uri)
        if not _is_report(uri, language_id):
            return None
        version, text = doc.version, doc.source
        loop = asyncio.get_running_loop()
        state = await loop.run_in_executor(self.lint_pool, self.lint_snapshot, uri, doc.path,
                                           version, text, language_id)
        if state is None:
            return None                        # superseded while it ran
        latest = self.current(uri)
        if latest is None or uri not in self.languages:
            return None                        # closed meanwhile
        if latest.version != version or latest.source != text:
            return None                        # superseded: the newer version publishes
        self.states[uri] = state
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=version, diagnostics=[f.lsp for f in state.findings]))
        return state

    def schedule(self, uri: str, delay: float) -> None:
        """(Re)start the lint of ``uri`` after ``delay`` seconds; the newest request wins."""
        if self.loop is None:
            self.loop, self.loop_thread = asyncio.get_running_loop(), threading.get_ident()
        previous = self.pending.pop(uri, None)
        if previous is not None and not previous.done():
            previous.cancel()
            self.workers.cancel(uri)           # the older version's lint is not waited for
        self.pending[uri] = asyncio.ensure_future(self._lint_after(uri, delay))

    async def _lint_after(self, uri: str, delay: float) -> None:
        try:
            if delay > 0:
                await asyncio.sleep(delay)
            await self.lint_now(uri)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            self.log(f"fzlint 检查 {uri} 时出错：{exc}", types.MessageType.Error)
        finally:
            if self.pending.get(uri) is asyncio.current_task():
                del self.pending[uri]

    def is_fresh(self, state: LintState | None, uri: str) -> bool:
        doc = self.current(uri)
        return (state is not None and doc is not None and state.version == doc.version
                and state.text == doc.source)

    async def fresh_state(self, uri: str) -> LintState | None:
        """The lint state for the document's current version, or None.

        A debounced lint that is under way is waited for (not restarted), so hover and
        code-action requests sent while typing do not defeat the debounce.
        """
        if self.current(uri) is None:
            return None
        for _ in range(4):
            state = self.states.get(uri)
            if self.is_fresh(state, uri):
                return state
            task = self.pending.get(uri)
            if task is None or task.done():
                break
            await asyncio.wait({task}, timeout=2.0)
        state = await self.lint_now(uri)
        return state if self.is_fresh(state, uri) else None


def to_lsp_diagnostic(d: Diagnostic, positions: PositionMap, ruleset: str | None,
                      index: int) -> types.Diagnostic:
    message = d.message + (f"\n建议：{d.suggestion}" if d.suggestion else "")
    rule = _rule(ruleset, d.code)
    href = getattr(rule, "url", "") if rule else ""
    return types.Diagnostic(
        range=positions.range(d.line, d.column, d.end_line, d.end_column),
        severity=_SEVERITY.get(d.severity, types.DiagnosticSeverity.Warning),
        code=d.code,
        code_description=types.CodeDescription(href=href) if href else None,
        source=SOURCE,
        message=message,
        data={"index": index, "name": d.name, "fixable": bool(d.fix and d.fix.safe)},
    )


def _rule(ruleset: str | None, code: str):
    from ...engine.ruleset import DEFAULT_RULESET, load_ruleset  # lru_cached: loaded once per process
    try:
        return load_ruleset(ruleset or DEFAULT_RULESET).by_code(code)
    except Exception:
        return None


def hover_text(finding: Finding, markdown: bool = True) -> str:
    d = finding.diagnostic
    rule = _rule(finding.ruleset, d.code)
    explanation = rule.explanation if rule else ""
    basis = d.basis or (rule.basis if rule else "")
    suggestion = d.suggestion or (rule.suggestion if rule else "")
    severity = SEVERITY_LABELS.get(d.severity, d.severity)
    if markdown:
        parts = [f"**{d.code}** `{d.name}`（{severity}）", d.message]
        if explanation:
            parts.append(f"**为什么**　{explanation}")
        if basis:
            parts.append(f"**依据**　{basis}")
        if suggestion:
            parts.append(f"**怎么改**　{suggestion}")
        if d.fix and d.fix.safe:
            parts.append("*可自动修正（快速修复）*")
        parts.append(f"详见 `fzlint rule {d.code}`")
        return "\n\n".join(parts)
    lines = [f"{d.code} {d.name}（{severity}）", d.message]
    if explanation:
        lines.append(f"为什么：{explanation}")
    if basis:
        lines.append(f"依据：{basis}")
    if suggestion:
        lines.append(f"怎么改：{suggestion}")
    return "\n".join(lines)


def under_cursor(findings: list[Finding], position: types.Position) -> list[Finding]:
    """The findings a hover shows: of those whose range holds the cursor, the narrowest
    (a finding on a word beats a finding on its whole paragraph); ties all shown."""
    hits = [f for f in findings if contains(f.lsp.range, position)]

    def width(f: Finding) -> tuple[int, int]:
        r = f.lsp.range
        return (r.end.line - r.start.line, r.end.character - r.start.character)
    if not hits:
        return []
    narrowest = min(width(f) for f in hits)
    return [f for f in hits if width(f) == narrowest]


def create_server(debounce: float = DEBOUNCE_SECONDS, lint_target=lint_job) -> FzlintServer:
    server = FzlintServer(debounce, lint_target)

    @server.feature(types.INITIALIZED)
    def initialized(ls: FzlintServer, params: types.InitializedParams):
        ls.loop, ls.loop_thread = asyncio.get_running_loop(), threading.get_ident()
        # warm up a worker (rules loaded) before the first document arrives
        ls.lint_pool.submit(ls.workers.warm)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: FzlintServer, params: types.DidOpenTextDocumentParams):
        item = params.text_document
        ls.languages[item.uri] = item.language_id
        ls.schedule(item.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: FzlintServer, params: types.DidChangeTextDocumentParams):
        ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    def did_save(ls: FzlintServer, params: types.DidSaveTextDocumentParams):
        uri = params.text_document.uri
        if uri.lower().endswith(CONFIG_SUFFIXES):
            ls.forget_config()
            for other in list(ls.languages):
                ls.schedule(other, 0)
            return
        ls.schedule(uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: FzlintServer, params: types.DidCloseTextDocumentParams):
        uri = params.text_document.uri
        pending = ls.pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        ls.workers.cancel(uri)
        ls.languages.pop(uri, None)
        if ls.states.pop(uri, None) is not None:
            ls.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_files(ls: FzlintServer, params: types.DidChangeWatchedFilesParams):
        ls.forget_config()
        for uri in list(ls.languages):
            ls.schedule(uri, 0)

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def configuration(ls: FzlintServer, params: types.DidChangeConfigurationParams):
        ls.forget_config()
        for uri in list(ls.languages):
            ls.schedule(uri, 0)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(ls: FzlintServer, params: types.HoverParams):
        try:
            state = await ls.fresh_state(params.text_document.uri)
            if state is None:
                return None
            hits = under_cursor(state.findings, params.position)
            if not hits:
                return None
            markdown = _client_hover_markdown(ls)
            text = ("\n\n---\n\n" if markdown else "\n\n").join(
                hover_text(f, markdown) for f in hits)
            kind = types.MarkupKind.Markdown if markdown else types.MarkupKind.PlainText
            return types.Hover(contents=types.MarkupContent(kind=kind, value=text),
                               range=hits[0].lsp.range)
        except Exception as exc:
            ls.log(f"fzlint 悬停信息出错：{exc}", types.MessageType.Error)
            return None

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND], resolve_provider=False))
    async def code_action(ls: FzlintServer, params: types.CodeActionParams):
        try:
            return await _code_actions(ls, params)
        except Exception as exc:
            ls.log(f"fzlint 快速修复出错：{exc}", types.MessageType.Error)
            return None

    return server


def _client_hover_markdown(ls: FzlintServer) -> bool:
    try:
        formats = ls.client_capabilities.text_document.hover.content_format
    except AttributeError:
        return True
    return not formats or types.MarkupKind.Markdown in formats


def _client_supports(ls: FzlintServer, attr_path: str) -> bool:
    obj = ls.client_capabilities
    for name in attr_path.split("."):
        obj = getattr(obj, name, None)
        if obj is None:
            return False
    return bool(obj)


async def _code_actions(ls: FzlintServer, params: types.CodeActionParams):
    uri = params.text_document.uri
    state = await ls.fresh_state(uri)
    if state is None or state.positions is None:
        return None
    return code_actions(
        state, params.range, params.context.diagnostics, params.context.only,
        disabled_ok=_client_supports(ls, "text_document.code_action.disabled_support"),
        document_changes=_client_supports(ls, "workspace.workspace_edit.document_changes"))


def serve() -> None:
    """Run the server over stdin/stdout until the client says exit, then end at once: a
    thread may still be blocked reading stdin (the client need not close it), and waiting
    for it at interpreter exit would keep the process alive."""
    logging.basicConfig(level=logging.WARNING, format="fzlint-lsp %(levelname)s %(message)s")
    server = create_server()
    server.start_io()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(server.exit_code)
