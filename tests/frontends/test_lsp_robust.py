"""The language server keeps answering: broken framing is refused without killing it, a
slow document never delays another's diagnostics, a newer version supersedes the lint in
flight, hover shows the finding under the cursor, and the server ends at once when the
client says exit or closes stdin, whatever lint or request is in flight."""
from __future__ import annotations

import json
import subprocess
import threading
import time

import pytest
from lsprotocol import types

from linter.config import Config
from linter.document.result import Diagnostic
from linter.frontends.lsp import Finding, LintWorkers
from linter.frontends.lsp.server import Superseded, under_cursor

from test_lsp import ROOT, Client, TIMEOUT, seed_text

SLOW = "慢"


def sleepy_lint(text: str, path: str, fmt: str, config: Config):
    """A stand-in lint for the worker processes: slow when the text says so."""
    if SLOW in text:
        time.sleep(30)
    return (path, len(text))


@pytest.fixture
def client():
    c = Client()
    try:
        c.initialize()
        yield c
    finally:
        c.kill()


def _hover(client, uri="file:///tmp/none.txt"):
    return client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                 "position": {"line": 0, "character": 0}})


@pytest.mark.parametrize("raw", [
    b"Content-Length: 99999999999\r\n\r\n{\"jsonrpc\": \"2.0\"}\r\n",          # absurd length
    b"Content-Length: 99999999999999999999999999999\r\n\r\n{}\r\n",
    b"X-Junk: " + b"x" * 200_000 + b"\r\n\r\n",                              # endless header line
    b"Content-Length: 12\r\n\r\n{not json!!}\r\n",                           # broken JSON
    b"Content-Length: 200001\r\n\r\n" + b"[" * 100_000 + b"]" * 100_001 + b"\r\n",   # nesting
])
def test_malformed_or_oversized_frames_are_refused_and_the_server_answers_on(client, raw):
    client.proc.stdin.write(raw)
    client.proc.stdin.flush()
    assert _hover(client) is None          # answered: the server is alive and in step
    assert client.proc.poll() is None
    assert client.close() == 0


def test_a_slow_document_does_not_delay_another():
    workers = LintWorkers(sleepy_lint, seconds=60)
    try:
        slow = threading.Thread(target=lambda: pytest.raises(Superseded, workers.run, "file:///a.txt",
                                                             SLOW, "/a.txt", "txt", Config()))
        slow.start()
        time.sleep(0.5)
        started = time.monotonic()
        assert workers.run("file:///b.txt", "快", "/b.txt", "txt", Config()) == ("/b.txt", 1)
        assert time.monotonic() - started < 20           # (a worker start; not the 30 s sleep)
        # a newer version of the slow document ends the lint in flight at once
        started = time.monotonic()
        assert workers.run("file:///a.txt", "新版本", "/a.txt", "txt", Config()) == ("/a.txt", 3)
        slow.join(timeout=20)
        assert not slow.is_alive() and time.monotonic() - started < 20
    finally:
        workers.close()


def test_a_worker_stopped_by_two_threads_at_once_closes_its_pipe_once():
    """A newer version stops the worker in flight from the server's thread while the thread
    waiting on it stops it too: one close of the pipe, no EBADF (seen as a failed supersede
    under load), and no second close of a descriptor number another worker may hold by then."""
    from linter.frontends.lsp import server

    closes, both = [], threading.Barrier(2)

    class Pipe:
        def close(self):
            closes.append(threading.get_ident())
            time.sleep(0.05)                # (the window in which a second close came through)

    worker = server._Worker.__new__(server._Worker)
    worker.conn, worker.process = Pipe(), type("Gone", (), {"kill": lambda self: None})()
    worker._stopping, worker._stopped = threading.Lock(), False
    errors = []

    def stop():
        both.wait()
        try:
            worker.stop()
        except Exception as exc:  # noqa: BLE001 - what the test looks for
            errors.append(exc)
    threads = [threading.Thread(target=stop) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(5)
    assert errors == [] and len(closes) == 1


def test_a_worker_still_starting_when_the_server_closes_is_stopped(monkeypatch):
    """The warm worker is started on a thread at ``initialized``; an exit while it starts must
    not leave it running (an orphan holds the server's stdout open until it has loaded)."""
    from linter.frontends.lsp import server

    started, release, stopped = threading.Event(), threading.Event(), []

    class SlowToStart:
        def __init__(self, ctx, target):
            started.set()
            release.wait(10)

        def stop(self):
            stopped.append(self)

    monkeypatch.setattr(server, "_Worker", SlowToStart)
    workers = LintWorkers(sleepy_lint)
    warming = threading.Thread(target=workers.warm)
    warming.start()
    assert started.wait(10)
    workers.close()                     # the exit comes while the worker is starting
    release.set()
    warming.join(10)
    assert len(stopped) == 1 and workers.idle == []


# ended well within this, or it hung: the exit itself takes a small fraction of a second
EXIT_BOUND = 5.0


@pytest.mark.parametrize("ending", ["shutdown, exit", "exit without shutdown",
                                    "shutdown, exit, request ids used twice", "stdin closed",
                                    "stdin closed in the middle of a message"])
def test_the_server_ends_at_once_while_a_long_lint_and_requests_wait(ending):
    """A long report is still being linted and hovers on it wait for that lint when the
    client ends the session. Responses left over at exit used to go to the closed stdout;
    each failed send was reported by sending a log message, which failed in turn, and the
    process spent seconds per request formatting nested tracebacks before it could end."""
    client = Client()
    try:
        client.initialize()
        uri = "file:///tmp/fzlint-long-report.txt"
        client.open(uri, seed_text() * 200)            # ~700,000 characters: seconds of lint
        hover = {"method": "textDocument/hover", "params": {
            "textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}}
        # (shutdown cancels the requests in flight, but only the last of those sharing an id)
        ids = [101, 102, 103] * (2 if "twice" in ending else 1)
        for rid in ids:
            client.send({"id": rid, **hover})
        assert _hover(client) is None     # answered, so every hover before it has been read
        waiting = [m for _, m in client.backlog
                   if m.get("id") in ids or m.get("method") == "textDocument/publishDiagnostics"]
        assert not waiting, "the lint ended too soon for this test: it needs a longer text"
        if ending.startswith("shutdown"):
            assert client.request("shutdown", None) is None
        if ending.startswith("stdin closed"):
            if "middle" in ending:
                client.proc.stdin.write(b'Content-Length: 500\r\n\r\n{"jsonrpc": "2.0", "id": 9')
            client.proc.stdin.close()
        else:
            client.notify("exit", None)
        try:
            code = client.proc.wait(timeout=EXIT_BOUND)
        except subprocess.TimeoutExpired:
            raise AssertionError(f"the server did not end within {EXIT_BOUND:.0f} s ({ending})") from None
        assert code == (1 if ending == "exit without shutdown" else 0)
    finally:
        client.kill()


def _finding(code, line, start, end):
    rng = types.Range(start=types.Position(line=line, character=start),
                      end=types.Position(line=line, character=end))
    d = Diagnostic(code=code, name=code.lower(), message=code, severity="warning", line=line + 1,
                   column=start + 1, end_line=line + 1, end_column=end + 1)
    return Finding(d, types.Diagnostic(range=rng, message=code, code=code), None)


def test_hover_shows_the_finding_under_the_cursor_not_the_paragraphs():
    paragraph = _finding("R301", 4, 0, 120)         # “通篇没有一个具体数字” on the whole paragraph
    word = _finding("R101", 4, 30, 34)              # a typo at columns 30–34
    at_word = types.Position(line=4, character=31)
    assert under_cursor([paragraph, word], at_word) == [word]
    assert under_cursor([paragraph, word], types.Position(line=4, character=5)) == [paragraph]
    assert under_cursor([paragraph, word], types.Position(line=5, character=0)) == []


def _frame(message: dict) -> bytes:
    body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def test_the_server_obeys_exit_while_the_client_reads_none_of_its_output():
    """A client that has stopped reading: the server's output fills the pipe. The exit it
    sends must still end the server (its messages wait on a writer thread; before, the server
    blocked in the write and never read the exit)."""
    import fcntl                        # (POSIX, as CI is: how full a pipe is)
    import struct
    import sys
    import termios

    proc = subprocess.Popen([sys.executable, "-m", "linter", "lsp"], cwd=ROOT, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        proc.stdin.write(_frame({"id": 0, "method": "initialize", "params": {
            "processId": None, "rootUri": None, "capabilities": {}}}))
        proc.stdin.write(_frame({"method": "initialized", "params": {}}))
        for n in range(32):             # each report's diagnostics: kilobytes of JSON, 32 fill 64 KiB twice over
            proc.stdin.write(_frame({"method": "textDocument/didOpen", "params": {"textDocument": {
                "uri": f"file:///tmp/fzlint-unread-{n}.txt", "languageId": "plaintext", "version": 1,
                "text": seed_text()}}}))
        proc.stdin.flush()

        def unread() -> int:            # bytes waiting in the server's stdout pipe
            return struct.unpack("i", fcntl.ioctl(proc.stdout.fileno(), termios.FIONREAD, b"\0\0\0\0"))[0]
        # The pipe is full when what waits in it stops growing: the kernel counts it in pages,
        # so a full pipe holds somewhat under its 64 KiB, by how the messages fall on them.
        deadline, last, steady = time.monotonic() + 120, -1, 0
        while steady < 10 and time.monotonic() < deadline:
            time.sleep(0.2)
            now = unread()
            steady = steady + 1 if now == last and now >= 40_000 else 0
            last = now
        assert unread() >= 40_000, "the diagnostics did not fill the pipe"
        proc.stdin.write(_frame({"id": 1, "method": "shutdown"}) + _frame({"method": "exit"}))
        proc.stdin.flush()
        started = time.monotonic()
        proc.wait(timeout=EXIT_BOUND)
        assert time.monotonic() - started < EXIT_BOUND
    finally:
        proc.kill()
        proc.wait()
