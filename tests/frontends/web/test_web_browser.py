"""The page in a real headless Chromium (the distribution's /usr/bin/chromium, driven by
Playwright): upload a seed as .docx, see the checklist, click an item, filter, print
layout, download the annotated .docx and read its comments back; no console errors (a CSP
violation would be one); a screenshot is saved."""
from __future__ import annotations

import io
import os
import shutil
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(os.path.dirname(HERE)))
import fixtures as F  # noqa: E402
from webutil import start_server  # noqa: E402

from linter import lint_bytes  # noqa: E402

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
SCREENSHOT = os.environ.get("FZLINT_SCREENSHOT")     # also save the screenshot here (for docs/)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    s = start_server(tmp_path_factory.mktemp("browser"), "--max-mb", "2")   # a small limit: a quick test of it
    yield s
    s.stop()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    assert os.path.exists(CHROMIUM), "chromium is installed by .ci/run"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


def test_a_clerk_uploads_a_docx_sees_the_checklist_and_downloads_the_comments(server, browser, tmp_path):
    data = F.docx_styled(F.seed_lines("000"))
    expected = lint_bytes(data, "x.docx")
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(server.url + "/")
    assert "把报告文件拖到这里" in page.inner_text("#drop-zone")
    assert page.is_visible("text=文件只在内存中检查")

    page.set_input_files("#file-input", files=[{"name": "中梁镇报告.docx", "buffer": data,
                                                "mimeType": "application/vnd.openxmlformats-officedocument."
                                                            "wordprocessingml.document"}])
    page.wait_for_selector(".fz-checklist", timeout=60000)
    assert page.inner_text("h1.result-title") == "检查结果：中梁镇报告.docx"
    assert page.locator(".fz-checklist li").count() == len(expected.checklist)
    assert page.locator(".fz-finding").count() == len(expected.active())
    missing = page.locator(".fz-group.fz-state-missing li a").first
    assert missing.is_visible()
    # the report has no date: 按时报送和公开 is shown as ？ 未能判断, not as — 不适用
    unknown = page.locator(".fz-group.fz-state-unknown")
    assert unknown.is_visible() and unknown.inner_text().startswith("？ 未能判断")
    assert "按时报送和公开" in unknown.inner_text()
    shot = tmp_path / "fzlint-page.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10000
    if SCREENSHOT:
        shutil.copy(shot, SCREENSHOT)


    # a click on a checklist item goes to its place
    href = missing.get_attribute("href")
    missing.click()
    page.wait_for_function("h => location.hash === h", arg=href)
    target = page.locator(href)
    assert "fz-targeted" in target.get_attribute("class")
    box, bar = target.bounding_box(), page.locator(".toolbar").bounding_box()
    assert bar["y"] + bar["height"] <= box["y"] < page.viewport_size["height"]   # in view, not under the bar

    # the severity filter hides the findings of that severity, and the checkbox brings them back
    info = page.locator(".fz-finding.fz-sev-info").first
    assert info.is_visible()
    page.uncheck(".sev-filter[value=info]")
    assert not info.is_visible()
    page.check(".sev-filter[value=info]")
    assert info.is_visible()

    # the download: the same file, with comments, named after the upload (no second pick)
    assert not page.is_visible("#annotate-form input[type=file]")
    with page.expect_download(timeout=60000) as download:
        page.click("#download-button")
    assert download.value.suggested_filename == "中梁镇报告.批注.docx"
    import docx
    document = docx.Document(io.BytesIO(open(download.value.path(), "rb").read()))
    comments = list(document.comments)
    assert len(comments) >= len(expected.active())
    texts = "\n".join(c.text for c in comments)
    assert all(d.code in texts for d in expected.active())
    assert [p.text for p in document.paragraphs] == [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]

    # printable: the controls are gone, the checklist and findings stay
    page.emulate_media(media="print")
    assert not page.is_visible(".toolbar") and not page.is_visible("#recheck-form")
    assert page.is_visible(".fz-checklist") and page.locator(".fz-finding").first.is_visible()
    page.emulate_media(media="screen")

    # a corrected year re-checks the same file against the older rule set
    page.fill("#recheck-form input[name=year]", "2019")
    page.click("#recheck-form button[type=submit]")
    page.wait_for_function("() => document.querySelector('[data-field=year]').textContent === '2019年'")
    assert page.inner_text("[data-field=ruleset]") == "outline-2015-2020"

    assert problems == []
    context.close()


def test_a_bad_file_in_the_browser_shows_the_chinese_message(server, browser):
    page = browser.new_page()
    page.goto(server.url + "/")
    page.set_input_files("#file-input", files=[{"name": "空.txt", "buffer": b"", "mimeType": "text/plain"}])
    page.wait_for_selector(".message", timeout=30000)
    assert "文件是空的" in page.inner_text(".message")
    assert page.is_visible("#file-input") or page.is_visible("#drop-zone")   # and one can try again
    page.close()


def test_a_file_over_the_limit_is_refused_in_chinese_before_upload(server, browser):
    page = browser.new_page()
    page.goto(server.url + "/")
    big = b"a" * (2 * 1024 * 1024 + 10)
    page.set_input_files("#file-input", files=[{"name": "大.txt", "buffer": big, "mimeType": "text/plain"}])
    page.wait_for_function("() => document.getElementById('upload-status').textContent.includes('文件过大：上限为 2 MB')")
    assert server.alive()
    page.close()


def test_a_file_dropped_on_the_page_is_checked(server, browser):
    import base64
    page = browser.new_page()
    page.goto(server.url + "/")
    text = "\n".join(F.seed_lines("001")).encode("gb18030")              # a GBK-family .txt, as clerks have
    transfer = page.evaluate_handle(
        """(b64) => {
            const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
            const dt = new DataTransfer();
            dt.items.add(new File([bytes], '拖入的报告.txt', {type: 'text/plain'}));
            return dt;
        }""", base64.b64encode(text).decode())
    page.dispatch_event("#drop-zone", "dragover", {"dataTransfer": transfer})
    assert "dragging" in page.get_attribute("#drop-zone", "class")
    page.dispatch_event("#drop-zone", "drop", {"dataTransfer": transfer})
    page.wait_for_selector(".fz-checklist", timeout=60000)
    assert page.inner_text("h1.result-title") == "检查结果：拖入的报告.txt"
    expected = lint_bytes(text, "x.txt")
    assert page.locator(".fz-finding").count() == len(expected.active())
    page.close()


def test_the_page_works_without_script_too(server, browser, tmp_path):
    """Plain forms: pick, 检查, the result page; the download form asks for the file again."""
    path = tmp_path / "无脚本.docx"
    path.write_bytes(F.docx_styled(F.seed_lines("002")))
    context = browser.new_context(java_script_enabled=False, accept_downloads=True)
    page = context.new_page()
    page.goto(server.url + "/")
    page.set_input_files("#file-input", str(path))
    page.click("#upload-form button[type=submit]")
    page.wait_for_selector(".fz-checklist", timeout=60000)
    assert page.inner_text("h1.result-title") == "检查结果：无脚本.docx"
    page.set_input_files("#annotate-form input[type=file]", str(path))
    with page.expect_download(timeout=60000) as download:
        page.click("#download-button")
    assert download.value.suggested_filename == "无脚本.批注.docx"
    context.close()
