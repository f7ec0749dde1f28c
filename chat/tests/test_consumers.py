"""The test-chat WebSocket, through the project's real ASGI application."""

from __future__ import annotations

import json

import pytest
from channels.testing import WebsocketCommunicator

from chat.consumers import (
    CLOSE_BAD_TOKEN,
    CLOSE_DISABLED,
    CONNECTED,
    MAX_FRAME_CHARS,
    NOT_JSON,
    NOT_OBJECT,
    NOT_TEXT,
    TOO_LARGE,
)
from chat.conversation import EMPTY_INPUT, TOO_MANY_MESSAGES
from openhire.asgi import application
from openhire.jsonload import MSG_TOO_DEEP

pytestmark = pytest.mark.django_db(transaction=True)

PATHS = ["/ws/test-chat", "/test/ws/test-chat"]


@pytest.fixture
def test_endpoints(settings):
    settings.OPENHIRE_ENABLE_TEST_ENDPOINTS = True
    settings.DEBUG = False


def socket(path: str = "/ws/test-chat") -> WebsocketCommunicator:
    return WebsocketCommunicator(
        application, path, headers=[(b"origin", b"http://127.0.0.1")]
    )


async def connected(path: str = "/ws/test-chat") -> WebsocketCommunicator:
    communicator = socket(path)
    accepted, _ = await communicator.connect()
    assert accepted
    assert await communicator.receive_json_from() == {
        "event": "connected",
        "message": CONNECTED,
    }
    return communicator


@pytest.mark.parametrize("path", PATHS)
async def test_it_answers_a_message_with_the_test_prefix(test_endpoints, path):
    communicator = await connected(path)
    try:
        await communicator.send_json_to(
            {
                "user_input": "How do I post a job?",
                "messages": [{"type": "assistant", "content": "Hi!"}],
            }
        )
        frame = await communicator.receive_json_from(timeout=5)
        assert frame["event"] == "message"
        assert frame["response"].startswith("[TEST] ")
        assert "POST /jobs" in frame["response"]
        assert frame["sentiment"] == "continue"
        assert frame["messages"] == [
            {"type": "ai", "content": "Hi!"},
            {"type": "human", "content": "How do I post a job?"},
            {"type": "ai", "content": frame["response"]},
        ]
    finally:
        await communicator.disconnect()


async def test_a_goodbye_ends_with_sentiment_end(test_endpoints):
    communicator = await connected()
    try:
        await communicator.send_json_to({"user_input": "bye", "messages": []})
        frame = await communicator.receive_json_from(timeout=5)
        assert frame["sentiment"] == "end"
    finally:
        await communicator.disconnect()


@pytest.mark.parametrize(
    ("frame", "error"),
    [
        ("{not json", NOT_JSON),
        ("[1, 2]", NOT_OBJECT),
        ('"hello"', NOT_OBJECT),
        (json.dumps({"user_input": "", "messages": []}), EMPTY_INPUT),
        (
            json.dumps({"user_input": "hi", "messages": [{"type": "human"}] * 101}),
            TOO_MANY_MESSAGES,
        ),
        ("x" * (MAX_FRAME_CHARS + 1), TOO_LARGE),
        ("[" * 10_000 + "]" * 10_000, MSG_TOO_DEEP.format(limit=64)),
    ],
)
async def test_a_bad_frame_gets_an_error_and_the_socket_stays_open(
    test_endpoints, frame, error
):
    communicator = await connected()
    try:
        await communicator.send_to(text_data=frame)
        assert await communicator.receive_json_from(timeout=5) == {
            "event": "error",
            "error": error,
        }
        await communicator.send_json_to({"user_input": "hi", "messages": []})
        assert (await communicator.receive_json_from(timeout=5))["event"] == "message"
    finally:
        await communicator.disconnect()


async def test_a_binary_frame_gets_an_error(test_endpoints):
    communicator = await connected()
    try:
        await communicator.send_to(bytes_data=b"\x00\x01")
        assert await communicator.receive_json_from(timeout=5) == {
            "event": "error",
            "error": NOT_TEXT,
        }
    finally:
        await communicator.disconnect()


@pytest.mark.parametrize("path", PATHS)
async def test_the_socket_is_refused_when_test_endpoints_are_off(settings, path):
    settings.OPENHIRE_ENABLE_TEST_ENDPOINTS = False
    settings.DEBUG = False
    communicator = socket(path)
    accepted, code = await communicator.connect()
    assert not accepted
    assert code == CLOSE_DISABLED
    await communicator.disconnect()


async def test_the_socket_is_on_with_debug(settings):
    settings.OPENHIRE_ENABLE_TEST_ENDPOINTS = False
    settings.DEBUG = True
    communicator = await connected()
    await communicator.disconnect()


async def test_a_bad_token_is_refused(test_endpoints):
    communicator = socket("/ws/test-chat?token=not-a-token")
    accepted, code = await communicator.connect()
    assert not accepted
    assert code == CLOSE_BAD_TOKEN
    await communicator.disconnect()


async def test_a_valid_token_is_welcome(test_endpoints, candidate):
    communicator = await connected(f"/ws/test-chat?token={candidate.token}")
    await communicator.disconnect()


async def test_the_test_chat_socket_is_throttled_like_post_test_chat(
    test_endpoints, settings
):
    from chat.consumers import THROTTLED

    settings.OPENHIRE_THROTTLE_CHAT = "2/minute"
    communicator = await connected()
    try:
        frames = []
        for _ in range(3):
            await communicator.send_json_to({"user_input": "Hi", "messages": []})
            frames.append(await communicator.receive_json_from(timeout=5))
        assert [f["event"] for f in frames] == ["message", "message", "error"]
        assert frames[2]["error"].startswith(THROTTLED.split("{")[0])
        # A new socket from the same address shares the budget.
        second = await connected()
        await second.send_json_to({"user_input": "Hi", "messages": []})
        assert (await second.receive_json_from(timeout=5))["event"] == "error"
        await second.disconnect()
    finally:
        await communicator.disconnect()
