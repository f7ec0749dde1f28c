"""Hostile bodies: oversized ones refused while they stream, deep JSON a clear 400."""

from __future__ import annotations

import json
import os
import socket
import time

import pytest

from openhire.errors import BODY_TOO_LARGE
from openhire.jsonload import (
    MSG_TOO_DEEP,
    JSONTooDeep,
    exceeds_depth,
    loads_limited,
)
from openhire.testing import server_start, server_stop


def deep(levels: int) -> str:
    return "[" * levels + "]" * levels


# --- JSON depth ------------------------------------------------------------------


def test_json_within_the_depth_cap_parses():
    assert loads_limited('{"a": [[1, {"b": "[[[["}]]}', limit=4) == {
        "a": [[1, {"b": "[[[["}]]
    }


def test_brackets_inside_strings_and_escapes_do_not_count():
    text = json.dumps({"resume": "[" * 10_000 + '\\"{' * 1000})
    assert not exceeds_depth(text, 2)
    assert loads_limited(text, limit=2)["resume"].startswith("[[[")


def test_json_past_the_depth_cap_is_refused_without_recursing():
    with pytest.raises(JSONTooDeep):
        loads_limited(deep(100_000), limit=64)
    with pytest.raises(JSONTooDeep):
        loads_limited('{"a":' * 65 + "1" + "}" * 65, limit=64)


def test_nan_and_infinity_are_not_json():
    with pytest.raises(ValueError):
        loads_limited('{"score": NaN}', limit=64)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/jobs", "/review-resume", "/chat", "/users"])
def test_deeply_nested_json_gets_a_400_and_the_server_keeps_answering(api, path):
    body = '{"title": ' + deep(100_000) + "}"
    response = api.post(path, body, content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {
        "detail": MSG_TOO_DEEP.format(limit=64),
        "code": "too_deep",
    }
    assert api.get("/health").status_code == 200


# --- bodies refused while they stream, under both servers --------------------------


def send_headers_then_wait(port: int, head: bytes, body: bytes) -> bytes:
    """Send `head` and part of a body, then read what the server answers."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(head)
        try:
            sock.sendall(body)
        except OSError:
            pass  # the server may already have answered and closed
        answer = b""
        try:
            while chunk := sock.recv(65536):
                answer += chunk
        except OSError:
            pass
        return answer


@pytest.fixture(scope="module", params=["daphne", "uvicorn"])
def small_server(request, tmp_path_factory):
    var = tmp_path_factory.mktemp(f"var-{request.param}")
    env = {
        **os.environ,
        "OPENHIRE_VAR_DIR": str(var),
        "OPENHIRE_MAX_UPLOAD_MB": "1",
        "DJANGO_SETTINGS_MODULE": "openhire.settings",
        "DEBUG": "0",
        "SECRET_KEY": "x" * 50,
    }
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    server = server_start(env=env, kind=request.param)
    yield server
    server_stop(server)


def test_a_declared_oversized_body_is_refused_before_it_is_sent(small_server):
    head = (
        b"POST /review-resume HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b"Content-Type: application/json\r\nContent-Length: 52428800\r\n\r\n"
    )
    started = time.monotonic()
    answer = send_headers_then_wait(small_server.port, head, b"x" * 65536)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert json.loads(answer.split(b"\r\n\r\n", 1)[1]) == {
        "detail": BODY_TOO_LARGE,
        "code": "too_large",
    }
    assert time.monotonic() - started < 5  # 50 MB were never waited for


def test_a_chunked_oversized_body_is_cut_off_at_the_limit(small_server):
    head = (
        b"POST /jobs HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
    )
    chunk = b"x" * 65536
    body = (b"%x\r\n" % len(chunk) + chunk + b"\r\n") * 40  # 2.6 MB > 1.4 MB limit
    answer = send_headers_then_wait(small_server.port, head, body)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]


def test_the_server_keeps_answering_after_refusing_bodies(small_server):
    import urllib.request

    with urllib.request.urlopen(small_server.url + "/health", timeout=5) as answer:
        assert answer.status == 200
