"""The clerk's page (linter.frontends.web), driven through Flask's test client with the real
worker pool: pages, escaping, CSP, bad uploads, the JSON contract, the download's name,
corrections of year and level, the per-request time limit."""
from __future__ import annotations

import io
import json
import os
import re
import sys
from html.parser import HTMLParser
from urllib.parse import quote

import pytest
from click.testing import CliRunner

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(os.path.dirname(HERE)))
import fixtures as F  # noqa: E402

from linter import lint_bytes  # noqa: E402
from linter.frontends.cli import main  # noqa: E402
from linter.frontends.web import Settings, create_app  # noqa: E402
from linter.frontends.web.app import clean_name, content_disposition  # noqa: E402
from linter.frontends.web.pool import LintPool  # noqa: E402

CJK = re.compile(r"[\u4e00-\u9fff]")
SEED_LINES = F.seed_lines("000")
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture(scope="module")
def pool():
    p = LintPool(size=1, time_limit=60)
    yield p
    p.close()


@pytest.fixture(scope="module")
def client(pool):
    app = create_app(Settings(max_bytes=2 * 1024 * 1024), pool=pool)
    return app.test_client()


def upload(client, url, data: bytes, name: str, **fields):
    form = {"file": (io.BytesIO(data), name), **fields}
    return client.post(url, data=form, content_type="multipart/form-data")


class Page(HTMLParser):
    def __init__(self, text):
        super().__init__()
        self.tags, self.text = [], []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def all(self, tag, **attrs):
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())]


def assert_no_inline_script(html: str):
    page = Page(html)
    for attrs in page.all("script"):
        assert attrs.get("src", "").startswith("/static/"), attrs
    assert not re.search(r"<script(?![^>]*\ssrc=)", html)
    for _, attrs in page.tags:
        assert not [a for a in attrs if a.startswith("on")], attrs     # no onclick=…
        assert "style" not in attrs


def test_the_upload_page_is_chinese_with_a_file_field_and_the_privacy_line(client):
    r = client.get("/")
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    page = Page(html)
    field = page.all("input", type="file", name="file")[0]
    for suffix in (".docx", ".doc", ".wps", ".pdf", ".txt", ".html"):
        assert suffix in field["accept"].split(",")
    assert page.all("form", action="/check", method="post")[0]["enctype"] == "multipart/form-data"
    assert "文件只在内存中检查" in html and "不会保存" in html
    assert_no_inline_script(html)


@pytest.mark.parametrize("path", ["/", "/static/app.js", "/static/app.css", "/report.css", "/nowhere"])
def test_every_response_has_a_csp_without_inline_script(client, path):
    r = client.get(path)
    csp = r.headers["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["script-src"] == "'self'" and "unsafe" not in csp
    assert directives["default-src"] == "'none'" and "frame-ancestors" in directives
    assert r.headers["X-Content-Type-Options"] == "nosniff"


def test_assets_are_served_by_the_app_itself(client):
    for path, kind in (("/static/app.js", "javascript"), ("/static/app.css", "css"), ("/report.css", "css")):
        r = client.get(path)
        assert r.status_code == 200 and kind in r.headers["Content-Type"] and r.data
    html = client.get("/").get_data(as_text=True)
    assert not re.search(r"(src|href)=\"(https?:)?//", html)            # nothing from a CDN


def test_check_shows_what_was_understood_the_checklist_and_the_text(client):
    data = F.docx_styled(SEED_LINES)
    r = upload(client, "/check", data, "中梁镇2021年报告.docx")
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    expected = lint_bytes(data, "x.docx")
    assert "中梁镇2021年报告.docx" in html
    assert '<dd data-field="issuer">中梁镇人民政府</dd>' in html and '<dd data-field="year">2021年</dd>' in html
    assert "如果年度或层级识别错了" in html
    page = Page(html)
    assert len(page.all("li")) >= len(expected.checklist)
    assert html.index("fz-checklist") < html.index("fz-report")     # the checklist first
    assert len(page.all("article")) == len(expected.active())
    assert page.all("form", action="/annotate")                      # the download button
    for sev in ("error", "warning", "info"):
        assert page.all("input", type="checkbox", value=sev)
    assert "fzlint rule " in html                                    # rule pages on demand
    assert_no_inline_script(html)


def test_report_text_is_shown_as_text_never_as_markup(client):
    text = ("关于2023年法治政府建设情况的报告\n"
            "2023年，我镇组织学习<script>alert('x')</script>和<img src=x onerror=alert(1)>。\n")
    r = upload(client, "/check", text.encode(), "a<b>.txt")
    html = r.get_data(as_text=True)
    assert r.status_code == 200
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "a&lt;b&gt;.txt" in html
    assert_no_inline_script(html)
    page = Page(html)
    assert not page.all("img")


BAD_UPLOADS = {
    "empty.txt": (b"", 422),
    "blank.docx": (b"   \n", 422),
    "binary.txt": (bytes(range(256)) * 40, 422),
    "truncated.docx": (F.docx_styled(SEED_LINES)[:3000], 422),
    "password.docx": (F.ole_with_stream("EncryptionInfo"), 422),
    "password.pdf": (F.encrypted_pdf(SEED_LINES), 422),
    "bomb.docx": (F.zip_bomb_docx(40), 422),
    "scan.pdf": (F.pdf_image_only(), 422),
    "program.exe": (b"MZ\x90\x00" + b"\0" * 200, 415),
    "noname": (b"hello", 415),
}


@pytest.mark.parametrize("name", sorted(BAD_UPLOADS))
def test_a_bad_upload_gets_a_chinese_page_with_a_4xx_status(client, name):
    data, status = BAD_UPLOADS[name]
    r = upload(client, "/check", data, name)
    html = r.get_data(as_text=True)
    assert r.status_code == status
    message = html.split('class="message-text">')[1].split("</p>")[0]
    assert CJK.search(message), message
    assert "Traceback" not in html and "Error" not in html.split("<main")[1]
    assert_no_inline_script(html)


@pytest.mark.parametrize("url", ["/check", "/annotate", "/api/check"])
def test_a_post_without_a_file_is_a_400_in_chinese(client, url):
    r = client.post(url, data={"year": "2024"}, content_type="multipart/form-data")
    assert r.status_code == 400
    assert "没有收到文件" in r.get_data(as_text=True)


def test_a_body_over_the_limit_is_a_chinese_413(client):
    r = upload(client, "/check", b"x" * (3 * 1024 * 1024), "big.txt")
    assert r.status_code == 413
    assert "文件过大" in r.get_data(as_text=True) and "2 MB" in r.get_data(as_text=True)
    r = upload(client, "/api/check", b"x" * (3 * 1024 * 1024), "big.txt")
    body = json.loads(r.get_data(as_text=True))
    assert r.status_code == 413 and "文件过大" in body["files"][0]["error"]["message"]


def test_get_on_an_upload_route_is_a_chinese_405(client):
    r = client.get("/check")
    assert r.status_code == 405 and "请在首页选择文件" in r.get_data(as_text=True)


def test_api_check_is_the_json_contract_of_fzlint_check(client, tmp_path):
    data = F.docx_styled(SEED_LINES)
    r = upload(client, "/api/check", data, "report.docx")
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("application/json")
    path = tmp_path / "report.docx"
    path.write_bytes(data)
    cli = CliRunner().invoke(main, ["check", "--format", "json", "--exit-zero", str(path)])
    expected = json.loads(cli.output)
    expected["files"][0]["path"] = "report.docx"
    assert json.loads(r.get_data(as_text=True)) == expected


def test_api_check_of_an_unreadable_file_keeps_the_contract_with_the_error(client):
    r = upload(client, "/api/check", b"", "empty.txt")
    body = json.loads(r.get_data(as_text=True))
    assert r.status_code == 422
    assert body["files"][0]["error"] == {"code": "empty", "message": "文件是空的"}
    assert body["summary"]["unreadable"] == 1


def test_a_corrected_year_and_level_are_used_for_the_recheck(client):
    data = "\n".join(SEED_LINES).encode()
    r = upload(client, "/check", data, "r.txt", year="2019", level="county")
    html = r.get_data(as_text=True)
    assert '<dd data-field="year">2019年</dd>' in html
    assert '<dd data-field="level">县（区、县级市）</dd>' in html
    assert '<dd data-field="ruleset">outline-2015-2020</dd>' in html
    assert '<option value="county" selected>' in html


@pytest.mark.parametrize("year,level", [("19", ""), ("二〇二四", ""), ("2024", "village")])
def test_a_wrong_correction_is_a_chinese_400(client, year, level):
    r = upload(client, "/check", b"abc", "r.txt", year=year, level=level)
    assert r.status_code == 400 and CJK.search(r.get_data(as_text=True))


def test_annotate_returns_the_docx_named_after_the_upload(client):
    data = F.docx_styled(SEED_LINES)
    r = upload(client, "/annotate", data, "中梁镇报告.docx")
    assert r.status_code == 200 and r.headers["Content-Type"] == DOCX
    disposition = r.headers["Content-Disposition"]
    assert f"filename*=UTF-8''{quote('中梁镇报告.批注.docx')}" in disposition
    assert 'filename="report.docx"' in disposition                   # the ASCII fallback
    import docx
    document = docx.Document(io.BytesIO(r.data))
    comments = list(document.comments)
    codes = {d.code for d in lint_bytes(data, "x.docx").active()}
    assert comments and codes <= {c for comment in comments for c in re.findall(r"[A-Z]\d{3}", comment.text)}


def test_names_for_the_download():
    d = content_disposition("2024 report.批注.docx")
    assert d.startswith('attachment; filename="2024 report.docx"') or 'filename="2024 report.' in d
    assert "filename*=UTF-8''2024%20report.%E6%89%B9%E6%B3%A8.docx" in d
    assert '"' not in content_disposition('a"b.docx').split("filename=")[1].strip('"').split('";')[0]


def test_upload_names_are_only_a_label():
    assert clean_name("../../etc/passwd.txt") == "passwd.txt"
    assert clean_name("C:\\Users\\镇政府\\报告.docx") == "报告.docx"
    assert clean_name("a\x00b\r\n.docx") == "ab.docx"
    assert clean_name("..") == "报告"
    long = clean_name("长" * 300 + ".docx")
    assert len(long) <= 120 and long.endswith(".docx")


def test_uploads_are_parsed_into_memory_not_temporary_files():
    from werkzeug.test import EnvironBuilder
    app = create_app(Settings(), pool=object())
    builder = EnvironBuilder(method="POST", path="/check",
                             data={"file": (io.BytesIO(b"x" * (2 * 1024 * 1024)), "big.txt")})
    request = app.request_class(builder.get_environ())
    assert isinstance(request.files["file"].stream, io.BytesIO)


def test_a_check_over_the_time_limit_is_stopped_and_the_next_one_works():
    pool = LintPool(size=1, time_limit=0.05)
    try:
        client = create_app(Settings(), pool=pool).test_client()
        first = pool.pids()
        data = F.docx_styled(SEED_LINES * 3)
        r = upload(client, "/check", data, "slow.docx")
        assert r.status_code == 422 and "检查超时" in r.get_data(as_text=True)
        assert pool.pids() != first                                      # the stuck worker was ended
        pool.time_limit = 60
        assert upload(client, "/check", data, "slow.docx").status_code == 200
    finally:
        pool.close()


def test_the_page_and_its_assets_ship_in_the_package():
    """No CDN and no source tree on an intranet server: every template, script and style
    must be package data (setup.cfg), and the packages listed."""
    import configparser
    import fnmatch
    from pathlib import Path
    root = Path(__file__).resolve().parents[3]
    cfg = configparser.ConfigParser()
    cfg.read(root / "setup.cfg", encoding="utf-8")
    packages = cfg["options"]["packages"].split()
    assert {"linter.frontends", "linter.frontends.web", "linter.formats"} <= set(packages)
    for package in ("linter.frontends.web", "linter.formats"):
        folder = root / package.replace(".", "/")
        patterns = [p.strip() for p in cfg["options.package_data"][package].split(",")]
        assets = [f.relative_to(folder).as_posix() for f in folder.rglob("*")
                  if f.is_file() and f.suffix not in (".py", ".pyc") and "__pycache__" not in f.parts]
        assert assets
        assert [a for a in assets if not any(fnmatch.fnmatch(a, p) for p in patterns)] == []


def test_a_report_with_a_large_photo_under_the_body_limit_is_checked(pool):
    """The body limit (30 MB) is the server's; what the reader limits is a .docx's text parts,
    so a 22 MB photo does not refuse the report."""
    client = create_app(Settings(), pool=pool).test_client()
    r = upload(client, "/check", F.docx_with_photo(SEED_LINES, 22), "带照片.docx")
    assert r.status_code == 200 and "检查清单" in r.get_data(as_text=True)


def test_a_worker_that_dies_gives_a_chinese_page_and_is_replaced():
    """A crash in a parser's C code or the out-of-memory killer ends a worker: that upload
    gets a 4xx page in Chinese, the next one a fresh worker."""
    import psutil
    pool = LintPool(size=1, time_limit=60)
    try:
        client = create_app(Settings(), pool=pool).test_client()
        victim = psutil.Process(pool.pids()[0])
        victim.kill()
        victim.wait(10)
        data = "\n".join(SEED_LINES).encode()
        r = upload(client, "/check", data, "r.txt")
        assert r.status_code == 422 and "检查这个文件时出错" in r.get_data(as_text=True)
        assert pool.pids() != [victim.pid]
        assert upload(client, "/check", data, "r.txt").status_code == 200
    finally:
        pool.close()
