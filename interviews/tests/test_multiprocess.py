"""Scale-out proof: two real daphne processes share PostgreSQL and Redis.

A candidate starts an interview on process A, drops the connection after two
answers, reconnects to process B and finishes there; a DELETE sent to B closes
a socket held by A. Runs only when DATABASE_URL names PostgreSQL and REDIS_URL
is set (`.ci/run` does both).
"""

from __future__ import annotations

import json
import os
import urllib.request
from contextlib import contextmanager

import pytest
from django.db import connection
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from interviews.tests.factories import ANSWERS, JOB_TEXT, RESUME
from openhire.testing import (
    ServerProcess,
    database_url_of,
    server_start,
    server_stop,
)

ORIGIN = "http://127.0.0.1"

pytestmark = [
    pytest.mark.multiprocess,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith(
            ("postgres://", "postgresql://")
        )
        or not os.environ.get("REDIS_URL"),
        reason="needs DATABASE_URL (PostgreSQL) and REDIS_URL",
    ),
    pytest.mark.django_db(transaction=True),
]


def shared_database_url() -> str:
    """Return a URL of the test database pytest-django created (the servers share it)."""
    return database_url_of(connection.settings_dict)


@contextmanager
def servers(count: int):
    """Start `count` daphne processes on the test database; yield their base URLs."""
    env = {
        **os.environ,
        "DATABASE_URL": shared_database_url(),
        "OPENHIRE_LLM": "offline",
        "OPENHIRE_ENABLE_TEST_ENDPOINTS": "1",  # /ws/test-chat: a socket that listens
        "DJANGO_SETTINGS_MODULE": "openhire.settings",
    }
    env.pop("OPENHIRE_TRUST_CLIENT_IDS", None)
    started: list[ServerProcess] = []
    try:
        for _ in range(count):
            started.append(server_start(env=env, health_path="/ai-interview/health"))
        yield [f"127.0.0.1:{server.port}" for server in started]
    finally:
        for server in started:
            server_stop(server)


def frames(ws, *types: str) -> list[dict]:
    received = [json.loads(ws.recv(timeout=15)) for _ in types]
    assert [f["type"] for f in received] == list(types), received
    assert all("timestamp" in f for f in received)
    return received


def open_ws(host: str, session_id: str, token: str):
    return connect(
        f"ws://{host}/ws/ai-interview?session_id={session_id}&token={token}",
        origin=ORIGIN,
        open_timeout=15,
    )


def answer(ws, text: str, *then: str) -> list[dict]:
    ws.send(json.dumps({"type": "submit_answer", "answer": text}))
    return frames(ws, "answer_received", *then)


def initialize(ws) -> None:
    ws.send(
        json.dumps(
            {
                "type": "initialize_interview",
                "data": {"job_description": JOB_TEXT, "candidate_resume": RESUME},
            }
        )
    )
    frames(ws, "interview_initialized", "question")


def test_an_interview_moves_between_processes_and_delete_reaches_the_other_one(
    candidate,
):
    token = candidate.token
    with servers(2) as (a, b):
        with open_ws(a, "mp-1", token) as ws:
            frames(ws, "connection_success", "welcome")
            initialize(ws)
            answer(ws, ANSWERS[0], "question")
            _, third = answer(ws, ANSWERS[1], "question")

        with open_ws(b, "mp-1", token) as ws:
            *_, again = frames(ws, "connection_success", "welcome", "question")
            assert again["question"] == third["question"]
            assert again["question_number"] == 3
            answer(ws, ANSWERS[2], "question")
            answer(ws, ANSWERS[3], "question")
            *_, done = answer(ws, ANSWERS[4], "analysis_started", "interview_completed")
        assert done["analysis"]["recommendation"]

        request = urllib.request.Request(
            f"http://{a}/ai-interview/results/mp-1",
            headers={"Authorization": f"Token {token}"},
        )
        results = json.loads(urllib.request.urlopen(request, timeout=10).read())
        assert results["interview_data"]["total_messages"] == 10

        with open_ws(a, "mp-2", token) as held_by_a:
            frames(held_by_a, "connection_success", "welcome")
            initialize(held_by_a)
            request = urllib.request.Request(
                f"http://{b}/ai-interview/session/mp-2",
                method="DELETE",
                headers={"Authorization": f"Token {token}"},
            )
            assert urllib.request.urlopen(request, timeout=10).status == 200
            (error,) = frames(held_by_a, "error")
            assert error["code"] == "session_deleted"
            with pytest.raises(ConnectionClosed) as closed:
                held_by_a.recv(timeout=10)
            assert closed.value.rcvd.code == 4410


def test_health_answers_at_once_while_a_socket_listens_on_the_redis_layer():
    # channels_redis reads process-local channels through one shared receive
    # loop; a health check that waited its turn there took 30 s and more.
    with (
        servers(1) as (host,),
        connect(f"ws://{host}/ws/test-chat", origin=ORIGIN, open_timeout=15) as ws,
    ):
        json.loads(ws.recv(timeout=15))  # connected: the socket now listens
        for _ in range(3):
            with urllib.request.urlopen(f"http://{host}/health", timeout=5) as answer:
                body = json.loads(answer.read())
            assert body["checks"]["channel_layer"] == "ok"
