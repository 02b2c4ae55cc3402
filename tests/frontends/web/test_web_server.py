"""``fzlint serve`` as a real process on loopback (waitress + the worker pool): where it
listens, 413 before the body is read with the server still up, nothing written to disk,
a burst of uploads all answered, the time limit, and a clean stop."""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time

import psutil
import pytest
from click.testing import CliRunner

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(os.path.dirname(HERE)))
import fixtures as F  # noqa: E402
from webutil import post, start_server  # noqa: E402

from linter import lint_bytes  # noqa: E402
from linter.frontends.cli import main  # noqa: E402
from linter.frontends.web.server import server_options, startup_lines  # noqa: E402
from linter.frontends.web import Settings  # noqa: E402

SEEDS = ["000", "001", "002", "003", "004"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    s = start_server(tmp_path_factory.mktemp("serve"))
    yield s
    s.stop()


def _listening(pid: int) -> list[str]:
    return [c.laddr.ip for c in psutil.Process(pid).net_connections(kind="inet") if c.status == psutil.CONN_LISTEN]


def test_by_default_it_listens_on_loopback_only_and_says_where(server):
    assert _listening(server.process.pid) == ["127.0.0.1"]
    first = server.process.stdout.readline()
    assert f"http://127.0.0.1:{server.port}/" in first and "警告" not in first


def test_the_serve_command_defaults_to_loopback_and_port_8765(monkeypatch):
    seen = {}
    import linter.frontends.web as web
    monkeypatch.setattr(web, "serve", lambda host, port, settings: seen.update(host=host, port=port, s=settings))
    assert CliRunner().invoke(main, ["serve"]).exit_code == 0
    assert (seen["host"], seen["port"], seen["s"].max_bytes) == ("127.0.0.1", 8765, 30 * 1024 * 1024)
    CliRunner().invoke(main, ["serve", "--host", "0.0.0.0", "--max-mb", "5", "--time-limit", "9"])
    assert seen["host"] == "0.0.0.0" and seen["s"].max_bytes == 5 * 1024 * 1024 and seen["s"].time_limit == 9


def test_listening_on_all_addresses_prints_a_one_line_chinese_warning():
    lines = startup_lines("0.0.0.0", 8765)
    warnings = [ln for ln in lines if ln.startswith("警告")]
    assert len(warnings) == 1 and "局域网" in warnings[0] and "\n" not in warnings[0]
    assert not [ln for ln in startup_lines("127.0.0.1", 8765) if ln.startswith("警告")]


def test_bodies_stay_in_memory_in_the_server_too():
    opts = server_options(Settings(max_bytes=30 * 1024 * 1024))
    assert opts["max_request_body_size"] == 30 * 1024 * 1024 + 1
    assert opts["inbuf_overflow"] > opts["max_request_body_size"]      # no spill to a temporary file
    assert opts["outbuf_overflow"] > 2 * 30 * 1024 * 1024


def test_a_body_over_the_limit_gets_413_before_it_is_sent_and_the_server_stays_up(server):
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as s:
        s.sendall(b"POST /check HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  b"Content-Type: multipart/form-data; boundary=x\r\n"
                  b"Content-Length: " + str(31 * 1024 * 1024).encode() + b"\r\n\r\n")
        answer = s.recv(4096)                                 # not one byte of the body was sent
    assert answer.startswith(b"HTTP/1.1 413")
    assert server.alive()
    status, _, body = post(server.url + "/check", "\n".join(F.seed_lines("001")).encode(), "r.txt")
    assert status == 200 and "检查清单" in body.decode()


def _doc_file(tmp_path) -> bytes:
    """A real Word 97 .doc, converted by LibreOffice outside the server's folders."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    assert exe, "LibreOffice (soffice) is installed by .ci/run"
    src = tmp_path / "seed.docx"
    src.write_bytes(F.docx_styled(F.seed_lines("002")))
    subprocess.run([exe, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "doc", "--outdir", str(tmp_path), str(src)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    return (tmp_path / "seed.doc").read_bytes()


def test_nothing_is_written_to_disk_not_even_for_a_converted_doc(server, tmp_path):
    lines = F.seed_lines("000")
    uploads = {
        "报告.docx": F.docx_styled(lines), "报告.pdf": F.pdf_with_text(lines),
        "报告.html": F.gov_page(lines, "关于2021年法治政府建设情况的报告"),
        "../../逃逸.txt": "\n".join(lines).encode("gbk"), "报告.doc": _doc_file(tmp_path),
        "坏.docx": F.docx_styled(lines)[:2000], "照片.docx": F.docx_with_photo(lines, 25),   # 25 MB in memory
    }
    statuses = {}
    for name, data in uploads.items():
        for url in ("/check", "/annotate"):
            statuses[name, url] = post(server.url + url, data, name)[0]
    assert {k: v for k, v in statuses.items() if k[0] != "坏.docx"} == {k: 200 for k in statuses if k[0] != "坏.docx"}
    assert statuses["坏.docx", "/check"] == 422
    assert os.listdir(server.tmp) == [] and os.listdir(server.cwd) == []
    assert not (server.cwd.parent / "逃逸.txt").exists()


def _counts(page: str) -> tuple[int, int, int]:
    m = re.search(r"错误 (\d+) 个，警告 (\d+) 个，提示 (\d+) 个", page)
    return tuple(int(x) for x in m.groups())


def test_a_burst_of_uploads_is_all_answered_correctly(server):
    files = [(f"{s}.docx", F.docx_styled(F.seed_lines(s))) for s in SEEDS] * 2
    expected = {}
    for name, data in files[:5]:
        r = lint_bytes(data, name, None)
        expected[name] = tuple(sum(1 for d in r.active() if d.severity == s) for s in ("error", "warning", "info"))
    answers = {}

    def one(i, name, data):
        status, _, body = post(server.url + "/check", data, name)
        answers[i] = (name, status, body.decode("utf-8"))

    threads = [threading.Thread(target=one, args=(i, n, d)) for i, (n, d) in enumerate(files)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(180)
    assert len(answers) == len(files)
    for name, status, page in answers.values():
        assert status == 200 and _counts(page) == expected[name] and f"检查结果：<span class=\"file-name\">{name}" in page


def test_a_check_over_the_time_limit_gets_a_chinese_page_and_the_server_goes_on(tmp_path):
    s = start_server(tmp_path, "--time-limit", "0.2", "--workers", "1")
    try:
        workers = [p.pid for p in psutil.Process(s.process.pid).children(recursive=True)]
        status, _, body = post(s.url + "/check", F.docx_styled(F.seed_lines("003") * 100), "大.docx")
        assert status == 422 and "检查超时" in body.decode()
        assert "Traceback" not in body.decode()
        status, _, body = post(s.url + "/check", b"", "empty.txt")       # a fresh worker answers
        assert status == 422 and "文件是空的" in body.decode()
        assert s.alive()
    finally:
        out = s.stop()
    assert "已停止" in out                                              # SIGTERM is a clean stop
    time.sleep(0.5)
    assert not [pid for pid in workers if psutil.pid_exists(pid) and psutil.Process(pid).status() != "zombie"]


def test_a_port_in_use_is_one_chinese_line_and_exit_code_2():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        before = len(psutil.Process().children(recursive=True))
        r = CliRunner().invoke(main, ["serve", "--port", str(port)])
    assert r.exit_code == 2
    assert "无法在 127.0.0.1:" in r.output and "端口已被占用" in r.output and "Traceback" not in r.output
    assert len(r.output.strip().splitlines()) == 1
    assert len(psutil.Process().children(recursive=True)) == before      # no worker was started


@pytest.mark.parametrize("host", ["nosuchhost.invalid", "10.255.255.254"])
def test_a_host_that_is_not_this_machine_is_one_chinese_line_not_a_traceback(host):
    # a clerk who types the bureau's address, or a misspelt name, instead of 0.0.0.0
    r = CliRunner().invoke(main, ["serve", "--host", host, "--port", "0"])
    assert r.exit_code == 2, r.output
    assert r.output.strip() == f"fzlint serve：无法在 {host}:0 启动检查页面：本机没有这个地址" \
                               "（--host 写 127.0.0.1 只供本机使用，写 0.0.0.0 供局域网使用）"


def test_serving_all_addresses_prints_the_warning_on_stderr(monkeypatch, capsys):
    """serve() prints startup_lines: the warning on stderr, the address on stdout (the
    server itself is replaced here so that nothing listens beyond loopback in a test)."""
    import types
    from linter.frontends.web import server as server_module

    class Pool:
        def close(self):
            pass

    fake = types.SimpleNamespace(run=lambda: None, close=lambda: None, effective_port=8765,
                                 fzlint_app=types.SimpleNamespace(extensions={"fzlint_pool": Pool}))
    monkeypatch.setattr(server_module, "make_server", lambda *a, **k: fake)
    server_module.serve("0.0.0.0", 8765)
    out, err = capsys.readouterr()
    assert err.count("\n") == 1 and err.startswith("警告：正在监听 0.0.0.0") and "局域网" in err
    assert "http://127.0.0.1:8765/" in out
