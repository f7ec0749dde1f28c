"""Oversized bodies are refused at the ASGI edge, before Django reads them."""

import json

import pytest

from openhire.middleware import BodySizeLimit


class RecordingApp:
    def __init__(self) -> None:
        self.called = False
        self.bytes_read = 0

    async def __call__(self, scope, receive, send):
        self.called = True
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            self.bytes_read += len(message.get("body", b""))
            if not message.get("more_body"):
                break
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})


async def call(app, headers, chunks):
    sent = []
    queue = [
        {"type": "http.request", "body": chunk, "more_body": i < len(chunks) - 1}
        for i, chunk in enumerate(chunks)
    ]

    async def receive():
        return queue.pop(0) if queue else {"type": "http.disconnect"}

    async def send(message):
        sent.append(message)

    scope = {
        "type": "http",
        "method": "POST",
        "path": "/review-resume",
        "headers": headers,
    }
    await app(scope, receive, send)
    return sent


@pytest.mark.asyncio
async def test_a_declared_oversized_body_is_refused_unread():
    inner = RecordingApp()
    sent = await call(
        BodySizeLimit(inner, max_bytes=100), [(b"content-length", b"101")], [b"x" * 101]
    )
    assert not inner.called
    assert sent[0]["status"] == 413
    assert json.loads(sent[1]["body"])["code"] == "too_large"


@pytest.mark.asyncio
async def test_a_chunked_body_is_cut_off_at_the_limit():
    inner = RecordingApp()
    sent = await call(
        BodySizeLimit(inner, max_bytes=100), [], [b"x" * 60, b"x" * 60, b"x" * 60]
    )
    assert [m["status"] for m in sent if m["type"] == "http.response.start"] == [413]
    assert inner.bytes_read == 60  # the second chunk never reached the app


@pytest.mark.asyncio
async def test_bodies_within_the_limit_pass_through():
    inner = RecordingApp()
    sent = await call(
        BodySizeLimit(inner, max_bytes=100), [(b"content-length", b"50")], [b"x" * 50]
    )
    assert sent[0]["status"] == 200 and inner.bytes_read == 50
