"""No token, ticket or Authorization value reaches a log line, servers' access logs included.

The real-server tests run daphne (with its `--access-log`) and uvicorn (with its
access log on, and its INFO line per WebSocket URL) against a fresh SQLite
database, send a token in a query string and a header and a ticket in a socket
URL, and grep everything the process printed.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from websockets.sync.client import connect

from openhire.redaction import REDACTED, RedactSecretsFilter, redact
from openhire.testing import ROOT, server_start, server_stop

ORIGIN = "http://127.0.0.1"


@pytest.mark.parametrize(
    "line",
    [
        "GET /ws/ai-interview?session_id=1&token=SECRET HTTP/1.1",
        '127.0.0.1:5 - "WebSocket /ws/test-chat?ticket=SECRET" [accepted]',
        "{'HTTP_AUTHORIZATION': 'Token SECRET'}",
        "Authorization: Bearer SECRET",
        "[(b'authorization', b'Token SECRET')]",
        "POST /users invite=SECRET&password=SECRET",
    ],
)
def test_redact_removes_every_kind_of_secret(line):
    cleaned = redact(line)
    assert "SECRET" not in cleaned and REDACTED in cleaned


def test_redact_leaves_ordinary_text_alone():
    text = "tokens=3 tickets sold; session_id=42 ok"
    assert redact(text) == text


def test_the_filter_rewrites_a_records_arguments():
    record = logging.LogRecord(
        "uvicorn.error", logging.INFO, __file__, 1,
        '%s - "WebSocket %s" [accepted]', ("127.0.0.1:1", "/ws/x?token=SECRET"), None,
    )  # fmt: skip
    assert RedactSecretsFilter().filter(record)
    assert "SECRET" not in record.getMessage()


def _call(url: str, method: str = "GET", body=None, token: str = "") -> dict:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Token {token}")
    with urllib.request.urlopen(request, timeout=15) as response:
        return json.loads(response.read() or b"null")


def _env(tmp_path: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'logs.sqlite3'}",
        "OPENHIRE_VAR_DIR": str(tmp_path),
        "OPENHIRE_LLM": "offline",
        "DEBUG": "0",
        "OPENHIRE_LOG_LEVEL": "DEBUG",
        "OPENHIRE_ENABLE_TEST_ENDPOINTS": "1",
    }
    for name in ("REDIS_URL", "SECRET_KEY", "OPENHIRE_TRUST_CLIENT_IDS"):
        env.pop(name, None)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput"],
        cwd=ROOT, env=env, check=True, capture_output=True,
    )  # fmt: skip
    return env


def _drive(base: str) -> list[str]:
    """Use a token (query and header) and a ticket (socket URL); return the secrets."""
    user = _call(
        base + "/users", "POST", {"email": "logs@example.test", "role": "candidate"}
    )
    token = user["token"]
    _call(f"{base}/jobs?token={token}", token=token)
    ticket = _call(base + "/auth/ws-ticket", "POST", {}, token=token)["ticket"]
    host = base.removeprefix("http://")
    for query in (f"ticket={ticket}", f"token={token}"):
        with connect(
            f"ws://{host}/ws/ai-interview?session_id=logs-1&{query}",
            origin=ORIGIN,
            open_timeout=15,
        ) as ws:
            assert json.loads(ws.recv(timeout=15))["type"] == "connection_success"
    return [token, ticket]


@pytest.mark.parametrize(
    ("kind", "extra_args", "socket_line"),
    [
        ("daphne", ["--access-log", "-"], "WSCONNECT"),
        ("uvicorn", ["--access-log"], "WebSocket"),
    ],
)
def test_a_real_server_run_logs_no_token_or_ticket(
    tmp_path, kind, extra_args, socket_line
):
    server = server_start(env=_env(tmp_path), kind=kind, extra_args=extra_args)
    try:
        secrets = _drive(server.url)
    finally:
        server_stop(server)
    log = server.log()
    assert socket_line in log, log[-2000:]  # the socket URLs were logged...
    assert REDACTED in log  # ...with their secrets replaced
    for secret in secrets:
        assert secret not in log, log[-2000:]
