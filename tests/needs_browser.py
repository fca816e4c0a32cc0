"""The browser tests' guard: skip without Chromium or playwright, fail instead under CI=true."""

import os

import pytest

from kg.view.browser import BrowserUnavailable, find_chromium


def require_browser() -> None:
    try:
        find_chromium()
        import playwright.sync_api  # noqa: F401
    except (BrowserUnavailable, ImportError) as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI needs the browser: {exc}")
        pytest.skip(f"no browser here: {exc}")
