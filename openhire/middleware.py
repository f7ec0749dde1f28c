"""Tag each request with an id and log one structured line per request.

`X-Request-ID` is taken from the client when it is a short token of safe
characters, else generated, and echoed on the response. The log line holds the
method, the path without its query string (which may carry a token), the status,
the duration and the caller's id: never bodies, resumes, answers or tokens.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import time
import uuid

from asgiref.sync import iscoroutinefunction, markcoroutinefunction, sync_to_async
from django.http import HttpRequest, HttpResponse
from whitenoise.middleware import WhiteNoiseMiddleware

from openhire.errors import OpenHireError, too_large

logger = logging.getLogger("openhire.request")
SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


def request_id_for(incoming: str | None) -> str:
    """Return the client's request id when it is safe to echo, else a new one."""
    if incoming and SAFE_REQUEST_ID.match(incoming):
        return incoming
    return uuid.uuid4().hex


class RequestLogMiddleware:
    """Tag the request with an id, echo it, and log one line when it is answered.

    Sync and async capable: with every middleware async capable, an async view
    (the review and chat endpoints) runs on the event loop, and no thread waits
    for it.
    """

    sync_capable = True
    async_capable = True

    def __init__(self, get_response) -> None:
        self.get_response = get_response
        if iscoroutinefunction(get_response):
            markcoroutinefunction(self)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if iscoroutinefunction(self):
            return self._acall(request)
        started = self._begin(request)
        return self._end(request, self.get_response(request), started)

    async def _acall(self, request: HttpRequest) -> HttpResponse:
        started = self._begin(request)
        return self._end(request, await self.get_response(request), started)

    @staticmethod
    def _begin(request: HttpRequest) -> float:
        request.request_id = request_id_for(request.headers.get("X-Request-ID"))
        return time.perf_counter()

    @staticmethod
    def _end(
        request: HttpRequest, response: HttpResponse, started: float
    ) -> HttpResponse:
        response["X-Request-ID"] = request.request_id
        user = getattr(request, "api_user_id", None)
        logger.info(
            json.dumps(
                {
                    "event": "request",
                    "request_id": request.request_id,
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                    "user_id": str(user) if user else None,
                }
            )
        )
        return response


class StaticFilesMiddleware(WhiteNoiseMiddleware):
    """WhiteNoise, sync and async capable (WhiteNoise itself is sync only).

    A sync-only middleware would make Django run the whole chain in a thread
    and block that thread on every async view below it. Static files are looked
    up and opened in a worker thread; every other request passes straight on.
    """

    sync_capable = True
    async_capable = True

    def __init__(self, get_response=None, **kwargs) -> None:
        super().__init__(get_response, **kwargs)
        if iscoroutinefunction(get_response):
            markcoroutinefunction(self)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if iscoroutinefunction(self):
            return self._acall(request)
        return super().__call__(request)

    async def _acall(self, request: HttpRequest) -> HttpResponse:
        if self.autorefresh:  # DEBUG: looks on disk
            static_file = await sync_to_async(self.find_file, thread_sensitive=False)(
                request.path_info
            )
        else:
            static_file = self.files.get(request.path_info)
        if static_file is not None:
            return await sync_to_async(self.serve, thread_sensitive=False)(
                static_file, request
            )
        return await self.get_response(request)


BODY_TOO_SLOW = "The request body did not arrive in time."


class BodySizeLimit:
    """ASGI wrapper: refuse HTTP bodies over the limit or too slow, before Django reads them.

    A declared `Content-Length` over the limit gets a 413 at once, without a byte
    of the body read; a chunked body is counted as it arrives and cut off at the
    limit. A body whose next chunk takes longer than `timeout` seconds gets a 408
    (slow clients cannot hold a worker for ever). The per-endpoint rules (e.g. the
    resume file limit) still apply below.
    """

    def __init__(self, app, *, max_bytes: int, timeout: float | None = None) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.timeout = timeout

    async def _refuse(self, send, status: int = 413) -> None:
        error = (
            too_large()
            if status == 413
            else OpenHireError(BODY_TOO_SLOW, "request_timeout", status=408)
        )
        body = json.dumps(error.body()).encode()
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > self.max_bytes
            except ValueError:
                too_big = False  # the server rejects malformed lengths itself
            if too_big:
                return await self._refuse(send)

        received = 0
        refused = False
        body_done = False

        async def next_message():
            if body_done or not self.timeout:
                return await receive()  # after the body: wait for the disconnect
            return await asyncio.wait_for(receive(), self.timeout)

        async def counting_receive():
            nonlocal received, refused, body_done
            try:
                message = await next_message()
            except TimeoutError:
                if not refused:
                    refused = True
                    await self._refuse(send, status=408)
                return {"type": "http.disconnect"}
            if message["type"] == "http.request":
                body_done = not message.get("more_body", False)
                received += len(message.get("body", b""))
                if received > self.max_bytes and not refused:
                    refused = True
                    await self._refuse(send)
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message):
            if not refused:
                await send(message)

        return await self.app(scope, counting_receive, guarded_send)
