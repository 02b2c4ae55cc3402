"""``fzlint serve``: the page on waitress, a pure-Python production WSGI server that runs the
same on Windows and Linux.

Limits set here, so that a burst of uploads queues instead of exhausting memory:

- ``max_request_body_size``: a body over the limit is refused with 413 by waitress as soon as
  its Content-Length (or chunked length) passes the limit — before the body is read — and
  the connection closed; the server goes on. (The page checks a file's size before sending
  it and says so in Chinese.)
- ``inbuf_overflow`` / ``outbuf_overflow`` above that limit: waitress keeps request and
  response bodies in memory instead of spilling them to temporary files, so no upload ever
  touches the disk.
- ``connection_limit``: at most this many connections are served at once (each may hold one
  body in memory); further clients wait in the listen backlog.
- ``threads``: request threads; the checking itself runs in the worker pool (``pool.py``),
  ``workers`` at a time, each job under ``time_limit``.
"""
from __future__ import annotations

import errno
import signal
import sys
import threading

from .app import Settings, create_app

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def startup_lines(host: str, port: int) -> list[str]:
    """What ``fzlint serve`` prints: the address, and a warning when it is not loopback only."""
    shown = f"[{host}]" if ":" in host else host
    lines = [f"fzlint 检查页面已启动：http://{'127.0.0.1' if host in ('0.0.0.0', '::') else shown}:{port}/"
             "  （按 Ctrl+C 停止）"]
    if host not in LOOPBACK:
        lines.insert(0, f"警告：正在监听 {host}，局域网内的其他电脑也能访问此页面；只在可信的内网中这样做。")
    return lines


def server_options(settings: Settings, threads: int | None = None) -> dict:
    body = settings.max_bytes
    return {
        "threads": threads or max(4, settings.workers * 2),
        "connection_limit": max(8, settings.workers * 8),
        "max_request_body_size": body + 1,       # waitress refuses at >= this value
        "inbuf_overflow": body + 1024 * 1024,    # request bodies stay in memory
        "outbuf_overflow": 2 * body + 1024 * 1024,   # responses (the annotated .docx) too
        "channel_timeout": 120,
        "ident": "fzlint",
        "expose_tracebacks": False,
    }


def make_server(host: str, port: int, settings: Settings | None = None, threads: int | None = None):
    """A waitress server with the page (``.run()`` serves, ``.close()`` stops); the app's
    worker pool is started before the first request."""
    from waitress import create_server
    settings = settings or Settings()
    app = create_app(settings)
    try:
        server = create_server(app, host=host, port=port, **server_options(settings, threads))  # binds (or fails) first
    except ValueError:       # waitress's answer to a host name that resolves to no address
        raise OSError(errno.EADDRNOTAVAIL, f"no address for {host}") from None
    app.extensions["fzlint_pool"]()          # then start the workers, not on the first upload
    server.fzlint_app = app
    return server


def serve(host: str = "127.0.0.1", port: int = 8765, settings: Settings | None = None,
          threads: int | None = None) -> None:
    server = make_server(host, port, settings, threads)
    previous = None
    if threading.current_thread() is threading.main_thread():
        # a service manager stops us with SIGTERM: end the workers on the way out
        previous = signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    for line in startup_lines(host, getattr(server, "effective_port", port)):
        print(line, file=sys.stderr if line.startswith("警告") else sys.stdout, flush=True)
    try:
        server.run()
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        pool = server.fzlint_app.extensions["fzlint_pool"]()
        pool.close()
        server.close()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
        print("fzlint 检查页面已停止。", flush=True)
