"""The overview's dashboard in a real headless Chromium (the distribution's /usr/bin/chromium,
driven by Playwright), opened from disk as a bureau clerk would: no console error, no
network request, sorting and filtering work, a unit page opens; a screenshot is saved
(to $FZLINT_SCREENSHOT_DIR when set, else next to the test's output)."""
from __future__ import annotations

import os
import sys
import shutil

import pytest

sys.path.insert(0, os.path.dirname(os.path.dirname(__file__)))
from cliutil import run  # noqa: E402
from test_report import build_folder  # noqa: E402

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def dashboard(tmp_path_factory):
    root = tmp_path_factory.mktemp("dashboard")
    build_folder(root)
    run(["report", "reports", "-o", "out", "--roster", "units.csv", "--for-year", "2024"], cwd=root)
    return root / "out" / "index.html"


def test_dashboard_from_disk_sorts_and_filters(dashboard):
    from playwright.sync_api import sync_playwright
    assert os.path.exists(CHROMIUM), "chromium is installed by .ci/run"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1400, "height": 900}, locale="zh-CN")
        problems, requests = [], []
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.on("request", lambda r: requests.append(r.url))
        page.goto(dashboard.as_uri())
        page.wait_for_load_state("load")
        rows = page.locator("#matrix tbody tr")
        assert rows.count() == 8

        def units():
            return [t.split("\n")[0] for t in page.locator("#matrix tbody tr td:first-child").all_inner_texts()]

        # sort by the 年度 column: ascending, then descending on a second click
        year_header = page.locator("#matrix thead th").nth(1)
        year_header.click()
        years = [t for t in page.locator("#matrix tbody tr td:nth-child(2)").all_inner_texts() if t]
        assert years == sorted(years) and years[0] == "2020"
        assert year_header.get_attribute("aria-sort") == "ascending"
        year_header.click()
        years = [t for t in page.locator("#matrix tbody tr td:nth-child(2)").all_inner_texts() if t]
        assert years == sorted(years, reverse=True)

        # filter by name, by lateness, and by a missing item
        page.fill("#filter-text", "长生桥")
        visible = page.locator("#matrix tbody tr:not([hidden])")
        assert visible.count() == 1 and "长生桥镇" in visible.first.inner_text()
        assert page.inner_text("#shown-count") == "1"
        page.fill("#filter-text", "")
        page.select_option("#filter-time", "逾期")
        assert visible.count() == 1 and "长生桥镇" in visible.first.inner_text()
        page.select_option("#filter-time", "")
        page.select_option("#filter-item", "section.causes")
        missing = visible.count()
        assert 0 < missing < 8
        for cell in visible.locator('td[data-item="section.causes"]').all():
            assert cell.inner_text() == "✗"
        page.select_option("#filter-item", "")
        assert visible.count() == 8

        # the undated report's on-time cell reads ？ 未能判断 (it was — 不适用), in the legend too
        undated = page.locator("#matrix tbody tr", has_text="中梁镇").locator('td[data-item="time.deadline"]')
        assert undated.inner_text() == "？" and "未能判断" in undated.get_attribute("title")
        assert "？ 未能判断" in page.inner_text(".legend")

        # the per-item chart, the roster, the copies are on the page
        assert page.locator("#sec-chart svg rect").count() > 0
        assert "未报送" in page.inner_text("#roster")
        assert page.locator("#copies tbody tr").count() == 2
        shots = os.environ.get("FZLINT_SCREENSHOT_DIR") or str(dashboard.parent)
        page.screenshot(path=os.path.join(shots, "overview-dashboard.png"), full_page=False)
        assert os.path.getsize(os.path.join(shots, "overview-dashboard.png")) > 10000

        # a unit page opens from the matrix, with the report's text and findings
        page.locator("#matrix tbody tr", has_text="长生桥镇").locator("a").first.click()
        page.wait_for_load_state("load")
        assert "长生桥镇" in page.inner_text("h1")
        assert page.locator(".fz-report .fz-line").count() > 20
        assert page.locator("#copies tbody tr").count() == 1
        browser.close()
    assert problems == []
    assert requests and all(url.startswith("file://") for url in requests), requests
