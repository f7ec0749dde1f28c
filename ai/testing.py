"""A tiny OpenAI-compatible server on 127.0.0.1, for tests and benchmarks.

It serves `POST /v1/chat/completions` from a script of replies, so the real
`langchain-openai` client, its timeout and our retry code run without any
network. Use it as a context manager::

    replies = [StubReply(status=500), StubReply(content='{"response": "hi"}')]
    with OpenAIStub(replies) as stub:
        engine = ChatModelEngine(model="stub", base_url=stub.url, api_key="sk-test")
        ...
        stub.requests[0]["body"]["messages"]  # what the client sent

When the script runs out, the last reply repeats. A request with
`"stream": true` is answered as server-sent events: the content in pieces of
`chunk_chars` characters, `chunk_delay_s` apart, then the usage when the client
asked for it (`stream_options.include_usage`). `max_in_flight` is the most
requests the stub was answering at once.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self


@dataclass(frozen=True)
class StubReply:
    """One scripted answer: an HTTP status, the assistant's text, a delay."""

    content: str = "{}"
    status: int = 200
    delay_s: float = 0.0
    tokens_in: int = 11
    tokens_out: int = 7
    error_message: str = "The stub server failed."
    chunk_chars: int = 4  # streamed answers: characters per piece
    chunk_delay_s: float = 0.0  # streamed answers: pause between pieces


class _Server(ThreadingHTTPServer):
    request_queue_size = 1024  # many clients connect at once in the tests
    daemon_threads = True


class OpenAIStub:
    """Serve scripted chat completions on an ephemeral 127.0.0.1 port."""

    def __init__(self, replies: list[StubReply] | None = None) -> None:
        self.replies = list(replies or [StubReply()])
        self.requests: list[dict[str, Any]] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        assert self._server is not None, "start the stub first"
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def next_reply(self, request: dict[str, Any]) -> StubReply:
        with self._lock:
            index = len(self.requests)
            self.requests.append(request)
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            return self.replies[min(index, len(self.replies) - 1)]

    def done(self) -> None:
        with self._lock:
            self.in_flight -= 1

    def start(self) -> Self:
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                try:
                    self._answer()
                finally:
                    stub.done()

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                try:
                    body = json.loads(raw or b"{}")
                except ValueError:
                    body = {"raw": raw.decode("utf-8", "replace")}
                reply = stub.next_reply(
                    {
                        "path": self.path,
                        "headers": {k.lower(): v for k, v in self.headers.items()},
                        "body": body,
                    }
                )
                if reply.delay_s:
                    time.sleep(reply.delay_s)
                if not self.path.rstrip("/").endswith("/chat/completions"):
                    self._send(404, {"error": {"message": "Not found"}})
                elif reply.status != 200:
                    self._send(
                        reply.status,
                        {"error": {"message": reply.error_message, "type": "error"}},
                    )
                elif body.get("stream"):
                    self._stream(body, reply)
                else:
                    self._send(200, completion(body, reply))

            def _stream(self, body: dict[str, Any], reply: StubReply) -> None:
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", "text/event-stream")
                    self.end_headers()
                    for event in completion_events(body, reply):
                        self.wfile.write(f"data: {event}\n\n".encode())
                        self.wfile.flush()
                        if reply.chunk_delay_s:
                            time.sleep(reply.chunk_delay_s)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timed out) first

            def _send(self, status: int, payload: dict[str, Any]) -> None:
                data = json.dumps(payload).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timed out) first

        self._server = _Server(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.02},
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def completion(request: dict[str, Any], reply: StubReply) -> dict[str, Any]:
    """Build an OpenAI chat-completion body answering `request` with `reply`."""
    return {
        "id": "chatcmpl-stub",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": request.get("model", "stub"),
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": reply.content},
                "finish_reason": "stop",
            }
        ],
        "usage": {
            "prompt_tokens": reply.tokens_in,
            "completion_tokens": reply.tokens_out,
            "total_tokens": reply.tokens_in + reply.tokens_out,
        },
    }


def completion_events(request: dict[str, Any], reply: StubReply) -> list[str]:
    """Build the server-sent events of a streamed completion, `[DONE]` last."""

    def chunk(choices: list[dict[str, Any]], **extra: Any) -> str:
        return json.dumps(
            {
                "id": "chatcmpl-stub",
                "object": "chat.completion.chunk",
                "created": int(time.time()),
                "model": request.get("model", "stub"),
                "choices": choices,
                **extra,
            }
        )

    size = max(1, reply.chunk_chars)
    pieces = [
        reply.content[start : start + size]
        for start in range(0, len(reply.content), size)
    ]
    events = [
        chunk([{"index": 0, "delta": {"role": "assistant", "content": piece}}])
        for piece in pieces
    ]
    events.append(chunk([{"index": 0, "delta": {}, "finish_reason": "stop"}]))
    if (request.get("stream_options") or {}).get("include_usage"):
        usage = {
            "prompt_tokens": reply.tokens_in,
            "completion_tokens": reply.tokens_out,
            "total_tokens": reply.tokens_in + reply.tokens_out,
        }
        events.append(chunk([], usage=usage))
    events.append("[DONE]")
    return events


# Code that only runs while a model call is being made or awaited.
MODEL_CLIENT_CODE = ("/langchain_openai/", "/openai/", "/httpx/", "/ai/chat_model.py")


def threads_in_model_calls() -> list[str]:
    """Name every thread but this one whose stack is inside a model client.

    While async model calls are in flight, the answer should be `[]`: they
    wait on the event loop (this thread), and no other thread waits for them.
    """
    import sys

    here = threading.get_ident()
    names = {thread.ident: thread.name for thread in threading.enumerate()}
    found = []
    for ident, frame in sys._current_frames().items():
        if ident == here:
            continue
        while frame is not None:
            if any(part in frame.f_code.co_filename for part in MODEL_CLIENT_CODE):
                found.append(names.get(ident, str(ident)))
                break
            frame = frame.f_back
    return found
