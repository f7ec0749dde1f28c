"""Tag each request with an id and log one structured line per request.

`X-Request-ID` is taken from the client when it is a short token of safe
characters, else generated, and echoed on the response. The log line holds the
method, the path without its query string (which may carry a token), the status,
the duration and the caller's id: never bodies, resumes, answers or tokens.
"""

from __future__ import annotations

import json
import logging
import re
import time
import uuid

from django.http import HttpRequest, HttpResponse

logger = logging.getLogger("openhire.request")
SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


def request_id_for(incoming: str | None) -> str:
    """Return the client's request id when it is safe to echo, else a new one."""
    if incoming and SAFE_REQUEST_ID.match(incoming):
        return incoming
    return uuid.uuid4().hex


class RequestLogMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.request_id = request_id_for(request.headers.get("X-Request-ID"))
        started = time.perf_counter()
        response = self.get_response(request)
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
