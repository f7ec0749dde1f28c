"""Fixtures for the browser tests: `live_daphne`, `chromium`, `page` (see browser.py)."""

from __future__ import annotations

import pytest

from openhire.tests.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    browser_missing,
    screenshot_on_failure,
    server_start,
    server_stop,
)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)  # lets `page` see a failed call
    return report


@pytest.fixture(scope="session")
def live_daphne(tmp_path_factory):
    if browser_missing():
        pytest.skip(browser_missing())
    server = server_start(tmp_path_factory.mktemp("daphne"))
    yield server
    server_stop(server)


# Per module, not per session: while sync_playwright is open it leaves its event
# loop marked running on this thread, and every later async test that has no
# database mark then fails with "Runner.run() cannot be called from a running
# event loop".
@pytest.fixture(scope="module")
def chromium():
    if browser_missing():
        pytest.skip(browser_missing())
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, live_daphne, request):
    """A fresh browser context's page, based at the live server's URL."""
    context = chromium.new_context(base_url=live_daphne.url, accept_downloads=True)
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    screenshot_on_failure(page, request.node)
    context.close()
