"""Start ``fzlint serve`` as a real process on a free loopback port (for the server and
browser tests): its own empty working folder and temporary folder, so a test can check
that nothing was written."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    process: subprocess.Popen
    url: str
    port: int
    cwd: Path
    tmp: Path

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> str:
        """Stop it (SIGTERM, as a service manager does) and return what it printed."""
        if self.alive():
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        out = self.process.stdout.read() if self.process.stdout else ""
        return out


def start_server(base: Path, *args: str, timeout: float = 90.0) -> Server:
    port = free_port()
    cwd, tmp = base / "cwd", base / "tmp"
    cwd.mkdir(parents=True, exist_ok=True)
    tmp.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, TMPDIR=str(tmp), TEMP=str(tmp), TMP=str(tmp), PYTHONUNBUFFERED="1")
    command = [sys.executable, "-c", "from linter.frontends.cli import main; main()", "serve", "--port", str(port), *args]
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True, encoding="utf-8")
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("fzlint serve ended: " + process.stdout.read())
        try:
            with urllib.request.urlopen(url + "/", timeout=2) as r:
                if r.status == 200:
                    return Server(process, url, port, cwd, tmp)
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("fzlint serve did not answer in time")


def multipart(data: bytes, name: str, **fields: str) -> tuple[bytes, str]:
    """A multipart/form-data body with the file in the field ``file``."""
    boundary = "----fzlint-test-boundary-7d3b"
    parts = []
    for key, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode())
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
                 f"Content-Type: application/octet-stream\r\n\r\n".encode("utf-8") + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def post(url: str, data: bytes, name: str, timeout: float = 120, **fields: str):
    """POST an upload; returns (status, headers, body bytes)."""
    import urllib.error
    body, ctype = multipart(data, name, **fields)
    request = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": ctype})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()
