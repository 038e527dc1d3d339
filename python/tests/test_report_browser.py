"""Opens `ldf-report` pages in headless Chromium (Debian's `chromium`, driven by Playwright): they render,
their figures have a size, the console shows no error, and nothing is fetched but the page itself.

The screenshots are kept in out/report-browser/ (a CI artifact). scripts/test-report.sh installs
Chromium and Playwright; without them these tests are skipped. CHROMIUM names another binary.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from _plot_data import ROOT, SAMPLES, golden_study
from ldftoolkit import report

playwright = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (scripts/test-report.sh)")
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
SCREENSHOTS = ROOT / "out" / "report-browser"
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary (apt-get install -y chromium)")


def render(page_path: Path, name: str) -> dict:
    """Loads a page from disk; returns its console errors, requests, figure sizes and screenshot path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    requests: list[str] = []
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
            page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
            page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url}"))
            page.on("request", lambda r: requests.append(r.url))
            page.goto(page_path.resolve().as_uri(), wait_until="load")
            sizes = page.evaluate("Array.from(document.querySelectorAll('figure svg'))"
                                  ".map(s => [s.getBoundingClientRect().width, s.getBoundingClientRect().height])")
            title = page.title()
            screenshot = SCREENSHOTS / f"{name}.png"
            page.screenshot(path=str(screenshot), full_page=True)
        finally:
            browser.close()
    return {"problems": problems, "requests": requests, "sizes": sizes, "title": title, "screenshot": screenshot}


def check(result: dict, page_path: Path, figures_at_least: int) -> None:
    assert result["problems"] == []
    assert result["requests"] == [page_path.resolve().as_uri()], "the page fetches nothing but itself"
    assert len(result["sizes"]) >= figures_at_least
    assert all(width > 300 and height > 100 for width, height in result["sizes"]), result["sizes"]
    assert result["screenshot"].stat().st_size > 10_000


def test_study_report_renders_offline_without_console_errors(tmp_path):
    folder = golden_study(tmp_path / "study")
    assert report.main(["study", str(folder)]) == 0
    page_path = folder / "report.html"
    result = render(page_path, "study")
    assert result["title"] == "Study study"
    check(result, page_path, figures_at_least=2)


def test_recording_report_renders_offline_without_console_errors(tmp_path):
    assert report.main(["recording", str(SAMPLES / "porh-finger-pad.csv"), "--out", str(tmp_path)]) == 0
    page_path = tmp_path / "porh-finger-pad.html"
    result = render(page_path, "recording-porh-finger-pad")
    assert result["title"] == "Recording porh-finger-pad.csv"
    check(result, page_path, figures_at_least=4)
