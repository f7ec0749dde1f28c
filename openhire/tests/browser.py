"""Real-browser test support: a daphne server on its own SQLite file, and Chromium.

Browser tests (`@pytest.mark.browser`) drive Debian's Chromium (`/usr/bin/chromium`)
through Playwright; Playwright never downloads a browser. pytest-django's
`live_server` speaks WSGI only (no WebSockets), so `LiveServer` runs daphne in a
subprocess against a temporary SQLite database it migrates first; tests set up
their data through the HTTP API, as a client would, and read results back the
same way. Screenshots of failed tests go to `test-results/`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from openhire import testing
from openhire.testing import ServerProcess, server_stop  # noqa: F401  (for conftest)

BASE_DIR = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
RESULTS_DIR = BASE_DIR / "test-results"


def browser_missing() -> str:
    """Say why browser tests cannot run here ("" when they can)."""
    if not os.path.exists(CHROMIUM):
        return f"{CHROMIUM} is not installed (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -r requirements-dev.txt)"
    return ""


skip_without_browser = pytest.mark.skipif(
    bool(browser_missing()), reason=browser_missing() or "browser available"
)


@dataclass
class LiveServer(ServerProcess):
    """A daphne process serving OpenHire on 127.0.0.1, with an API client."""

    def call(
        self,
        method: str,
        path: str,
        body: dict[str, Any] | None = None,
        token: str = "",
    ) -> tuple[int, Any]:
        """Call the API; return (status, decoded JSON body)."""
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.url + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        if token:
            request.add_header("Authorization", f"Token {token}")
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")

    def ok(self, method: str, path: str, body=None, token: str = "") -> Any:
        status, data = self.call(method, path, body, token)
        assert status < 300, (status, data)
        return data


def server_start(var_dir: Path) -> LiveServer:
    """Migrate a fresh SQLite database in `var_dir` and serve it with daphne."""
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{var_dir / 'browser.sqlite3'}",
        "OPENHIRE_VAR_DIR": str(var_dir),
        "OPENHIRE_LLM": "offline",
        "DEBUG": "0",
        "OPENHIRE_LOG_LEVEL": "WARNING",
        # Tests sign recruiters up through the API and post jobs at once.
        "OPENHIRE_RECRUITER_SIGNUP": "open",
    }
    for name in ("REDIS_URL", "SECRET_KEY", "OPENHIRE_TRUST_CLIENT_IDS"):
        env.pop(name, None)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput"],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
    )
    started = testing.server_start(env=env, log_path=var_dir / "daphne.log", timeout=30)
    return LiveServer(**vars(started))


def screenshot_on_failure(page: Any, node: pytest.Item) -> None:
    """Save a full-page screenshot of a failed test's page to test-results/."""
    report = getattr(node, "rep_call", None)
    if report is None or not report.failed:
        return
    RESULTS_DIR.mkdir(exist_ok=True)
    name = "".join(c if c.isalnum() or c in "-_." else "_" for c in node.nodeid)
    try:
        page.screenshot(path=str(RESULTS_DIR / f"{name}.png"), full_page=True)
    except Exception:  # a crashed page cannot be photographed; the test already failed
        pass
