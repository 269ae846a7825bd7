"""Shared set-up for browser tests: Playwright driving Debian's chromium.

Registered as a pytest plugin by the top-level conftest.py, so any app's test can ask for
the `browser` fixture (with `live_server` for the site) and use the helpers below.
"""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections
from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
# Playwright cannot download its own browser here; Debian's build runs as root in a
# container, without a GPU and without phoning home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}


def screenshot_dir() -> Path:
    """Where browser tests leave their screenshots (the README names it); `make guide` points
    WENMING_SCREENSHOTS at docs/screenshots to refresh the user guide's pictures."""
    folder = os.environ.get("WENMING_SCREENSHOTS")
    return Path(folder) if folder else Path(settings.BASE_DIR) / "var" / "screenshots"


def snap(page: Page, name: str, full_page: bool = False) -> Path:
    """A screenshot of what page shows now (the whole page if full_page), as
    <screenshot dir>/<name>.png."""
    folder = screenshot_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def require_chromium() -> None:
    """Skip without the browser, except on CI, which must run the browser tests."""
    if CHROMIUM.exists():
        return
    if os.environ.get("CI"):
        pytest.fail(
            f"CI is set but {CHROMIUM} is missing: install Debian's chromium", pytrace=False
        )
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")


@pytest.fixture
def browser(monkeypatch) -> Iterator[Browser]:
    """A headless chromium for one test.

    Playwright's sync API keeps an event loop running in the test's thread, and Django
    refuses database calls from such a thread unless told the calls are really synchronous,
    which they are here. The variable stays set until the fixture's teardown, after the
    browser is gone.
    """
    require_chromium()
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
            # Database calls made while Playwright's loop ran got their own connections,
            # which nothing else closes; left open they stop PostgreSQL dropping the test
            # database at the end of the run.
            connections.close_all()


def collect_errors(page: Page) -> list[str]:
    """A list that fills with the page's console errors and uncaught exceptions."""
    errors: list[str] = []
    page.on(
        "console",
        lambda message: (
            errors.append(f"console: {message.text} ({message.location.get('url')})")
            if message.type == "error"
            else None
        ),
    )
    page.on("pageerror", lambda error: errors.append(f"pageerror: {error}"))
    return errors


def save_screenshots(browser: Browser, url: str, name: str) -> list[Path]:
    """Full-page screenshots of url at phone and desktop widths, as var/screenshots/<name>-*.png.

    Each width must load without console errors and without scrolling sideways.
    """
    folder = screenshot_dir()
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for label, viewport in VIEWPORTS.items():
        context = browser.new_context(viewport=viewport, locale="zh-CN")
        try:
            page = context.new_page()
            errors = collect_errors(page)
            page.goto(url, wait_until="networkidle")
            path = folder / f"{name}-{label}.png"
            page.screenshot(path=str(path), full_page=True)
            assert not errors, f"{url} at {label} width: {errors}"
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{url} scrolls sideways by {overflow}px at {label} width"
            paths.append(path)
        finally:
            context.close()
    return paths
