"""Every HTTP and WebSocket route, read from the URL configuration (for `GET /`).

Nothing here is kept by hand: the HTTP routes come from `ROOT_URLCONF`, the
WebSocket routes from `openhire.routing.websocket_urlpatterns`, summaries from the
views' docstrings and examples from a view's optional `example` attribute.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver

HTTP_METHODS = ("get", "post", "put", "patch", "delete")
PARAM = re.compile(r"<(?:\w+:)?(\w+)>")
EXAMPLE_VALUES = {
    "job_id": "3f1c…-job-uuid",
    "user_id": "9a2e…-user-uuid",
    "short_code": "Ab3dE6_x",
    "session_id": "1732812345678",
}
SKIPPED_PREFIXES = ("admin/", "static/", "media/")


# Views that come from libraries, with no docstring of ours.
LIBRARY_SUMMARIES = {
    "openapi": "The OpenAPI 3 schema of this API.",
    "docs": "Swagger UI for the OpenAPI schema (assets served locally).",
}


def _first_line(obj: Any) -> str:
    doc = (getattr(obj, "__doc__", None) or "").strip()
    return doc.splitlines()[0] if doc else ""


def _summary(callback: Any, method: str = "", name: str | None = None) -> str:
    view = (
        getattr(callback, "view_class", None)
        or getattr(callback, "cls", None)
        or callback
    )
    handler = getattr(view, method.lower(), None) if method else None
    return (
        (name and LIBRARY_SUMMARIES.get(name))
        or _first_line(handler)
        or _first_line(view)
    )


def _methods(callback: Any) -> list[str]:
    view = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
    if view is None:
        return ["GET"]
    return [m.upper() for m in HTTP_METHODS if hasattr(view, m)]


def _walk(patterns: list, prefix: str = ""):
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, route)
        elif isinstance(entry, URLPattern):
            yield route, entry.callback, entry.name


def _path(route: str) -> str:
    route = route.lstrip("^").rstrip("$").replace("\\Z", "")
    return "/" + PARAM.sub(lambda m: "{" + m.group(1) + "}", route)


def _example(method: str, path: str, callback: Any) -> str:
    concrete = re.sub(
        r"\{(\w+)\}", lambda m: EXAMPLE_VALUES.get(m.group(1), m.group(1)), path
    )
    view = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
    body = (
        getattr(view, "example", None) if method in ("POST", "PUT", "PATCH") else None
    )
    command = f"curl -X {method} http://127.0.0.1:8000{concrete}"
    if body is not None:
        import json

        command += f" -H 'Content-Type: application/json' -d '{json.dumps(body)}'"
    return command


def http_routes() -> list[dict[str, str]]:
    """Return one entry per (method, path) of the HTTP URL configuration."""
    routes = []
    for route, callback, name in _walk(get_resolver().url_patterns):
        if route.startswith(SKIPPED_PREFIXES):
            continue
        path = _path(route)
        for method in _methods(callback):
            routes.append(
                {
                    "protocol": "http",
                    "method": method,
                    "path": path,
                    "summary": _summary(callback, method, name),
                    "example": _example(method, path, callback),
                }
            )
    return routes


def websocket_routes() -> list[dict[str, str]]:
    """Return one entry per WebSocket route."""
    from openhire.routing import websocket_urlpatterns

    routes = []
    for route, callback, _name in _walk(websocket_urlpatterns):
        path = _path(route)
        consumer = getattr(callback, "consumer_class", callback)
        example = getattr(consumer, "example", "")
        routes.append(
            {
                "protocol": "websocket",
                "method": "WS",
                "path": path,
                "summary": _summary(consumer),
                "example": f"websocat 'ws://127.0.0.1:8000{path}' # then send {example}"
                if example
                else f"websocat 'ws://127.0.0.1:8000{path}'",
            }
        )
    return routes


@functools.cache
def all_routes() -> list[dict[str, str]]:
    """Return every HTTP and WebSocket route (the URL configuration is fixed at start)."""
    return http_routes() + websocket_routes()
