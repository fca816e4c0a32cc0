"""Open a page in the machine's Chromium, headless and offline: check it, or photograph it.

Chromium is ``$KG_CHROMIUM`` or the first of CHROMIUM_PATHS that exists (``apt-get install chromium``);
playwright-python drives it through ``executable_path``, as Playwright's own browser download is not
available. The browser runs with the network off: ``offline=True`` for the page, plus flags that stop
Chromium's own background traffic, and a fresh profile each time.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KgError
from kg.io import atomic_write_bytes

CHROMIUM_PATHS = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
# Playwright adds --headless and --user-data-dir itself (a fresh temporary profile is passed).
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
                  "--disable-component-update", "--disable-sync", "--disable-quic"]
VIEWPORT = {"width": 1400, "height": 900}
DRAW_TIMEOUT_MS = 120_000
LOCAL_SCHEMES = ("file:", "data:", "about:", "blob:")
REDRAW_TIMING = """() => { if (!window.kgView) return 0;
  const t = performance.now(); kgView.network.redraw(); return performance.now() - t }"""


class BrowserUnavailable(KgError):
    """No Chromium, or no playwright, on this machine: the message says what to install."""


@dataclass
class PageReport:
    nodes_drawn: int
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)  # failed loads, and any non-local request
    drawn_after_ms: float = 0.0  # from navigation start to the first drawing of the network
    redraw_ms: float = 0.0  # one full redraw after the first, a measure of how interactive it is


def find_chromium() -> str:
    """The path of Chromium: ``$KG_CHROMIUM``, else the usual places; BrowserUnavailable if none."""
    configured = os.environ.get("KG_CHROMIUM")
    if configured:
        if not Path(configured).is_file():
            raise BrowserUnavailable(f"KG_CHROMIUM={configured}: no such file")
        return configured
    for candidate in (*CHROMIUM_PATHS, shutil.which("chromium") or ""):
        if candidate and Path(candidate).is_file():
            return candidate
    raise BrowserUnavailable("no Chromium: apt-get install -y chromium fonts-noto-cjk, or set KG_CHROMIUM")


@contextmanager
def open_page(html_path: str | Path, ready: str = "window.kgReady === true") -> Iterator[tuple[object, PageReport]]:
    """Load the page offline and wait until ``ready`` holds (a kg page: drawn); yield the page and its report."""
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise BrowserUnavailable("playwright is not installed (pip install playwright)") from exc
    executable = find_chromium()
    url = Path(html_path).resolve().as_uri()
    report = PageReport(nodes_drawn=0)
    with tempfile.TemporaryDirectory(prefix="kg-chromium-") as profile, sync_playwright() as playwright:
        try:
            context = playwright.chromium.launch_persistent_context(
                profile, executable_path=executable, headless=True, args=CHROMIUM_FLAGS, offline=True,
                viewport=VIEWPORT)
        except PlaywrightError as exc:
            raise BrowserUnavailable(f"{executable} does not start: {str(exc).splitlines()[0]}") from exc
        try:
            page = context.new_page()
            page.on("console", lambda m: report.console_errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda exc: report.console_errors.append(str(exc)))
            page.on("requestfailed", lambda r: report.failed_requests.append(f"{r.url} ({r.failure})"))
            page.on("request", lambda r: None if r.url.startswith(LOCAL_SCHEMES)
                    else report.failed_requests.append(f"{r.url} (not a local file)"))
            page.goto(url, wait_until="load", timeout=DRAW_TIMEOUT_MS)
            page.wait_for_function(ready, timeout=DRAW_TIMEOUT_MS)
            # the network pages; the trends page has tables, no network
            report.nodes_drawn = page.evaluate("window.kgView ? window.kgView.shownCount() : 0")
            report.drawn_after_ms = page.evaluate("window.kgDrawnAt || performance.now()")
            report.redraw_ms = page.evaluate(REDRAW_TIMING)
            yield page, report
        finally:
            context.close()


def inspect_page(html_path: str | Path) -> PageReport:
    """Nodes drawn, console errors and failed requests of the page opened offline."""
    with open_page(html_path) as (_, report):
        return report


def screenshot(html_path: str | Path, png_path: str | Path) -> PageReport:
    """Save a PNG of the page as drawn (offline, 1400×900) and return its report."""
    with open_page(html_path) as (page, report):
        page.wait_for_timeout(300)  # let the tooltip-free first frame settle after the fit
        atomic_write_bytes(Path(png_path), page.screenshot())
        return report
