"""Open the report in a real headless Chromium: it renders, logs no errors, runs no script.

Needs Debian's chromium (``apt-get install -y chromium``); skipped with the reason when it
is missing. The screenshot lands in ``artifacts/report.png`` for CI to keep.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from extractor.report import write_report

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("no chromium found: run `apt-get install -y chromium` to test the report in a browser")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


def test_report_renders_in_chromium(browser, report_inputs, tmp_path) -> None:
    path = write_report(*report_inputs, tmp_path / "report.html")
    page = browser.new_page(viewport={"width": 1280, "height": 1800})
    messages, errors, requests = [], [], []
    page.on("console", lambda m: messages.append((m.type, m.text)))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri(), wait_until="load")

    assert page.title() == "Oversight figures: audit report"
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("script").count() == 0
    assert page.locator("article.doc").count() == len(report_inputs[1])
    assert page.locator("mark.hl-claim").count() > 50
    assert page.locator("svg.chart rect").count() > 10
    assert page.locator("#dataset table tbody tr").count() == len(report_inputs[0]["dataset"])
    timeline = report_inputs[0]["timeline"]
    assert page.locator("#organisations div.org").count() == len(set(timeline["ods_code"]))
    assert page.locator("#organisations tbody tr").count() == len(timeline)
    conflicts = page.locator("#organisations tr.conflict")
    assert conflicts.count() == int((timeline["conflict"] != "").sum())
    devon = page.locator("#org-QJK tr.conflict")
    assert "places it in segment 2" in devon.inner_text()
    assert devon.locator("td").first.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(253, 236, 234)"
    devon.locator('a[href="#doc-hostile"]').click()
    assert page.evaluate("location.hash") == "#doc-hostile"
    hostile = page.locator("#doc-hostile .doc-text").inner_text()
    assert "<script>window.__pwned = 1" in hostile
    assert page.locator("body").is_visible()
    assert not errors
    assert [m for m in messages if m[0] in ("error", "warning")] == []
    assert all(url.startswith(("file:", "data:")) for url in requests)

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=False)
    assert (ARTIFACTS / "report.png").stat().st_size > 10_000
    page.close()
