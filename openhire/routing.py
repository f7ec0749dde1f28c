"""WebSocket routes: each project app's `routing.websocket_urlpatterns`, joined."""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec

from django.conf import settings


def _collect() -> list:
    patterns: list = []
    for app in settings.PROJECT_APPS:
        if app != "openhire" and find_spec(f"{app}.routing") is not None:
            patterns.extend(import_module(f"{app}.routing").websocket_urlpatterns)
    return patterns


websocket_urlpatterns = _collect()
