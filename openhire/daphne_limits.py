"""Refuse oversized request bodies inside daphne, while they stream in.

daphne (Twisted) reads a request's whole body into memory or a temporary file
before it hands the request to the ASGI application, so `BodySizeLimit` (the
ASGI edge, enough under uvicorn, which streams) only sees a 50 MB body after
it has been spooled. `install()` teaches daphne's request class the limit:

- a declared `Content-Length` over it is answered 413 as soon as the headers
  are read, and the connection closed: not a byte of the body is stored;
- a chunked body is counted as it arrives and cut off at the limit the same way.

The limit is Django's `DATA_UPLOAD_MAX_MEMORY_SIZE` (derived from
`OPENHIRE_MAX_UPLOAD_MB`; see `resumes.intake`), read on each request.
`openhire.asgi` installs it, so `daphne openhire.asgi:application` and
`manage.py runserver` both enforce it; under uvicorn the patch is inert.
"""

from __future__ import annotations

import io
import json

from django.conf import settings

from openhire.errors import too_large

_STATUS_LINE = b"HTTP/1.1 413 Request Entity Too Large\r\n"


def refusal_bytes() -> bytes:
    """Return the raw HTTP 413 response with the JSON error body."""
    body = json.dumps(too_large().body()).encode()
    headers = (
        b"Content-Type: application/json\r\n"
        b"Content-Length: %d\r\n"
        b"Connection: close\r\n\r\n" % len(body)
    )
    return _STATUS_LINE + headers + body


def _refuse(request) -> None:
    request._openhire_refused = True
    request.content = io.BytesIO()  # what arrives from now on is dropped
    transport = request.channel.transport
    transport.write(refusal_bytes())
    transport.loseConnection()


def install() -> bool:
    """Patch daphne's request class; return False when daphne is not installed."""
    try:
        from daphne.http_protocol import WebRequest
    except ImportError:
        return False
    if getattr(WebRequest, "_openhire_body_limit", False):
        return True
    got_length = WebRequest.gotLength
    handle_chunk = WebRequest.handleContentChunk
    process = WebRequest.process

    def gotLength(self, length):  # noqa: N802 - Twisted's name
        self._openhire_received = 0
        self._openhire_refused = False
        got_length(self, length)
        if length is not None and length > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
            _refuse(self)

    def handleContentChunk(self, data):  # noqa: N802 - Twisted's name
        if getattr(self, "_openhire_refused", False):
            return
        self._openhire_received = getattr(self, "_openhire_received", 0) + len(data)
        if self._openhire_received > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
            _refuse(self)
            return
        handle_chunk(self, data)

    def guarded_process(self):
        if getattr(self, "_openhire_refused", False):
            return None  # already answered 413
        return process(self)

    WebRequest.gotLength = gotLength
    WebRequest.handleContentChunk = handleContentChunk
    WebRequest.process = guarded_process
    WebRequest._openhire_body_limit = True
    return True
