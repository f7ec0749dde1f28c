"""Throw random and malformed frames at the WebSockets; they answer and stay up.

Hypothesis draws a short burst of frames per example: text that is not JSON,
JSON of the wrong shape or types, huge strings, binary frames, unknown message
types and protocol messages out of order. Each goes through the project's real
ASGI application (`openhire.asgi.application`: origin check, token middleware,
routing). After every frame the server must answer with exactly one frame of
the documented kinds, never crash or close; after the burst a well-formed
conversation on the same socket must still work.

Bounded: a few examples of at most a dozen frames each (OPENHIRE_FUZZ_EXAMPLES).
"""

from __future__ import annotations

import json
import os

import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from openhire.asgi import application

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db(transaction=True)]

EXAMPLES = int(os.environ.get("OPENHIRE_FUZZ_EXAMPLES", "12"))
ORIGIN = [(b"origin", b"http://127.0.0.1")]
FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)

# JSON values of every kind, small enough to send many.
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)


def frames(shaped: st.SearchStrategy[dict]) -> st.SearchStrategy[tuple[str, object]]:
    """Frames as `(kind, payload)`: kind is "text" or "bytes"."""
    text = st.one_of(
        st.text(max_size=200),  # mostly not JSON
        st.sampled_from(["", "{", "[]", "null", "{'type': 'ping'}", '"type"', "1e999"]),
        json_values.map(json.dumps),  # JSON of any shape
        shaped.map(json.dumps),  # the right keys with wrong values
        st.integers(min_value=70_000, max_value=300_000).map(lambda n: "x" * n),
    )
    return st.one_of(
        text.map(lambda t: ("text", t)),
        st.binary(max_size=200).map(lambda b: ("bytes", b)),
    )


async def send(communicator: WebsocketCommunicator, frame: tuple[str, object]):
    """Send a frame as the server receives it (empty frames included)."""
    kind, payload = frame
    await communicator.send_input({"type": "websocket.receive", kind: payload})


# --- /ws/test-chat -------------------------------------------------------------------

chat_shaped = st.fixed_dictionaries(
    {},
    optional={
        "user_input": json_values,
        "messages": json_values
        | st.lists(
            st.fixed_dictionaries({"type": json_values, "content": json_values}),
            max_size=3,
        ),
        "event": json_values,
    },
)


async def _chat_burst(burst: list[tuple[str, object]]) -> None:
    communicator = WebsocketCommunicator(application, "/ws/test-chat", headers=ORIGIN)
    accepted, _ = await communicator.connect()
    assert accepted
    assert (await communicator.receive_json_from())["event"] == "connected"
    try:
        for frame in burst:
            await send(communicator, frame)
            reply = await communicator.receive_json_from(timeout=10)
            assert reply["event"] in ("error", "message"), reply
            if reply["event"] == "error":
                assert set(reply) == {"event", "error"}, reply
                assert isinstance(reply["error"], str) and reply["error"], reply
            else:
                assert isinstance(reply["response"], str), reply
        assert await communicator.receive_nothing(timeout=0.05)
        await communicator.send_json_to({"user_input": "How do I post a job?"})
        reply = await communicator.receive_json_from(timeout=10)
        assert reply["event"] == "message"
        assert reply["response"].startswith("[TEST] ")
    finally:
        await communicator.disconnect()


def test_the_test_chat_socket_answers_every_malformed_frame_and_stays_up(settings):
    settings.OPENHIRE_ENABLE_TEST_ENDPOINTS = True

    @FUZZ_SETTINGS
    @given(burst=st.lists(frames(chat_shaped), min_size=1, max_size=12))
    def run(burst):
        async_to_sync(_chat_burst)(burst)

    run()


# --- /ws/ai-interview -------------------------------------------------------------------

not_text = st.none() | st.booleans() | st.integers() | st.lists(json_values, max_size=3)
interview_shaped = st.one_of(
    # Unknown types, and types that are not strings.
    st.fixed_dictionaries({"type": st.text(max_size=20) | json_values}),
    # Out of order: answering or ending before the interview is initialised.
    st.fixed_dictionaries(
        {"type": st.sampled_from(["submit_answer", "end_interview"])},
        optional={"answer": json_values, "data": json_values},
    ),
    # initialize_interview with fields of the wrong types (a resume is never text).
    st.fixed_dictionaries(
        {"type": st.just("initialize_interview")},
        optional={
            "data": json_values
            | st.fixed_dictionaries(
                {},
                optional={
                    "job_description": json_values,
                    "job_id": json_values,
                    "candidate_resume": not_text,
                    "session_id": json_values,
                    "candidate_id": json_values,
                },
            ),
            "resume": not_text,
            "job_id": json_values,
        },
    ),
)


async def _interview_burst(
    burst: list[tuple[str, object]], candidate, session_id: str
) -> None:
    from interviews.tests.factories import (
        ANSWERS,
        expect,
        initialize_frame,
        open_socket,
        receive,
    )

    ws = await open_socket(f"session_id={session_id}&token={candidate.token}")
    try:
        for frame in burst:
            await send(ws, frame)
            reply = await receive(ws)
            if frame == ("text", json.dumps({"type": "ping"})):
                assert reply["type"] == "pong"
                continue
            assert reply["type"] == "error", (frame, reply)
            assert {"message", "code", "timestamp"} <= set(reply), reply
            assert isinstance(reply["message"], str) and reply["message"], reply
            assert isinstance(reply["code"], str) and reply["code"], reply
        assert await ws.receive_nothing(timeout=0.05)

        # The same socket still runs a whole interview.
        await ws.send_json_to(initialize_frame())
        await expect(ws, "interview_initialized", "question")
        for number, answer in enumerate(ANSWERS, start=1):
            await ws.send_json_to({"type": "submit_answer", "answer": answer})
            then = ("question",) if number < 5 else ("analysis_started",)
            await expect(ws, "answer_received", *then)
        (completed,) = await expect(ws, "interview_completed")
        assert 0 <= completed["analysis"]["overall_score"] <= 10
        # Out of order after the end: refused, and the socket stays open.
        await ws.send_json_to({"type": "submit_answer", "answer": "one more"})
        assert (await receive(ws))["type"] == "error"
        await ws.send_json_to({"type": "ping"})
        assert (await receive(ws))["type"] == "pong"
    finally:
        await ws.disconnect()


def test_the_interview_socket_answers_every_malformed_frame_and_still_interviews(
    candidate, settings, monkeypatch
):
    from interviews import protocol

    # The frame-rate and start-rate limits have their own tests; a burst here
    # would trip them and hide what the fuzzing is after.
    monkeypatch.setattr(protocol, "MAX_FRAMES_PER_SECOND", 10_000)
    settings.OPENHIRE_THROTTLE_INTERVIEW = None
    settings.OPENHIRE_THROTTLE_AI_IP = None
    session_ids = (str(1_800_000_000_000 + n) for n in range(10_000))

    @FUZZ_SETTINGS
    @given(burst=st.lists(frames(interview_shaped), min_size=1, max_size=12))
    def run(burst):
        async_to_sync(_interview_burst)(burst, candidate, next(session_ids))

    run()
