"""Fixtures of the real-browser tests: the site (built once per session by tests/conftest.py),
served by a threaded http.server on a free loopback port, and read by Chromium driven by
Playwright, as a reader would (helpers in tests/browser/browserkit.py)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from ledger.render import site as site_mod
from tests.browser.browserkit import (
    CHROMIUM_ARGS,
    DESKTOP,
    Served,
    Watch,
    chromium_executable,
    serving,
    watched_context,
)
from tests.sitebuild import real_ok

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items):
    """Every test here drives a browser: `-m "not browser"` leaves them out."""
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def built(request):
    """The site from data/events.yaml when it validates (the richer ledger), else the sample
    ledger's (also when BROWSER_SITE=sample)."""
    real = real_ok() and os.environ.get("BROWSER_SITE", "real") != "sample"
    return request.getfixturevalue("real_site" if real else "sample_site")


@pytest.fixture(scope="session")
def served(built):
    extra: dict = {}
    with serving(built.root, extra) as base:
        yield Served(built, base, extra, site_mod.load(built.ledger_file))


@pytest.fixture(scope="session")
def browser():
    pw = sync_playwright().start()
    try:
        chrome = pw.chromium.launch(executable_path=chromium_executable(pw), args=CHROMIUM_ARGS)
    except BaseException:
        pw.stop()
        raise
    try:
        yield chrome
    finally:
        chrome.close()
        pw.stop()


@pytest.fixture
def open_page(browser, served):
    """open_page(rel, viewport=DESKTOP, **context options) -> a Playwright page at that path of the
    site, in a fresh, watched browser context; checked for foreign requests and console errors
    when the test ends."""
    watch = Watch()
    contexts = []

    def opener(rel: str = "", viewport: dict = DESKTOP, **options):
        context = watched_context(browser, watch, viewport=viewport, **options)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.goto(served.url(rel))
        return page
    opener.watch = watch
    yield opener
    for context in contexts:
        context.close()
    assert watch.problems() == [], "\n".join(watch.problems())
