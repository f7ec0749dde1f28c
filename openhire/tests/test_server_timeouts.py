"""Slow clients cannot hold a server, and `make serve` runs no unshared workers."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import threading
import time

import pytest

from openhire.middleware import BODY_TOO_SLOW, BodySizeLimit
from openhire.serve import ONE_WORKER, serve_workers
from openhire.testing import ROOT, server_start, server_stop


def test_more_than_one_worker_needs_redis():
    assert serve_workers(4, redis_url="") == (1, ONE_WORKER.format(requested=4))
    assert serve_workers(4, redis_url="redis://127.0.0.1:6379/0") == (4, "")
    assert serve_workers(1, redis_url="") == (1, "")
    assert serve_workers(0, redis_url="") == (1, "")


def run_in_own_loop(make_coroutine) -> None:
    """Run a coroutine on a fresh event loop in its own thread (whatever runs here)."""
    errors: list[BaseException] = []

    def target() -> None:
        try:
            asyncio.run(make_coroutine())
        except BaseException as exc:  # re-raised in the test's thread
            errors.append(exc)

    thread = threading.Thread(target=target)
    thread.start()
    thread.join(30)
    if errors:
        raise errors[0]


def test_a_stalled_body_gets_a_408_and_the_app_sees_a_disconnect():
    run_in_own_loop(_stalled_body_case)


async def _stalled_body_case():
    seen = []

    async def app(scope, receive, send):
        while True:
            message = await receive()
            seen.append(message["type"])
            if message["type"] == "http.disconnect":
                return

    async def receive():
        if not seen:
            return {"type": "http.request", "body": b"{", "more_body": True}
        await asyncio.sleep(3600)  # the client never sends the rest

    sent = []

    async def send(message):
        sent.append(message)

    limited = BodySizeLimit(app, max_bytes=1000, timeout=0.2)
    await asyncio.wait_for(limited({"type": "http", "headers": []}, receive, send), 5)
    assert sent[0]["status"] == 408
    assert json.loads(sent[1]["body"]) == {
        "detail": BODY_TOO_SLOW,
        "code": "request_timeout",
    }
    assert seen == ["http.request", "http.disconnect"]


@pytest.fixture(scope="module")
def slow_env(tmp_path_factory):
    var = tmp_path_factory.mktemp("slow")
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{var / 'slow.sqlite3'}",
        "OPENHIRE_VAR_DIR": str(var),
        "OPENHIRE_BODY_TIMEOUT_S": "1",
        "OPENHIRE_HEAD_TIMEOUT_S": "1",
        "OPENHIRE_LOG_LEVEL": "WARNING",
    }
    for name in ("REDIS_URL", "SECRET_KEY", "OPENHIRE_TRUST_CLIENT_IDS"):
        env.pop(name, None)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=ROOT, env=env, check=True, timeout=120,
    )  # fmt: skip
    return env


def closed_within(port: int, payload: bytes, seconds: float) -> tuple[float, bytes]:
    """Send `payload` and wait; return (seconds until the server closed, what it said)."""
    started = time.monotonic()
    answer = b""
    with socket.create_connection(("127.0.0.1", port)) as conn:
        conn.sendall(payload)
        conn.settimeout(0.5)
        while time.monotonic() - started < seconds:
            try:
                chunk = conn.recv(4096)
            except TimeoutError:
                continue
            if not chunk:
                return time.monotonic() - started, answer
            answer += chunk
    return float("inf"), answer


SLOW_BODY = (
    b"POST /chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
    b"Content-Length: 100\r\n\r\n{"
)


def test_a_stalled_body_is_answered_408(slow_env):
    # uvicorn streams the body to the app, so the ASGI edge times it out. daphne
    # reads the whole body before calling the app; Twisted closes a connection
    # idle for 60 s (measured: a stalled head or body is dropped after 60.0 s).
    server = server_start(env=slow_env, kind="uvicorn")
    try:
        _, answer = closed_within(server.port, SLOW_BODY, 15)
    finally:
        server_stop(server)
    assert answer.startswith(b"HTTP/1.1 408"), answer[:200]


def test_uvicorn_closes_a_connection_whose_request_head_never_ends(slow_env):
    server = server_start(env=slow_env, kind="uvicorn")
    try:
        elapsed, _ = closed_within(
            server.port, b"GET /health HTTP/1.1\r\nHost: x\r\n", 15
        )
        # A normal request on a fresh connection is unaffected.
        ok = closed_within(
            server.port, b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 8
        )[1]
    finally:
        server_stop(server)
    assert elapsed < 6
    assert ok.startswith(b"HTTP/1.1 200")


def test_serve_with_two_workers_and_no_redis_runs_one_and_says_so(slow_env):
    server = server_start(env=slow_env, kind="uvicorn", workers=2)
    try:
        log = server.log()
    finally:
        server_stop(server)
    assert ONE_WORKER.format(requested=2) in log
