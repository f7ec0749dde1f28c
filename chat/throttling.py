"""Throttle chat per user (or per IP for anonymous callers)."""

from __future__ import annotations

from django.conf import settings
from rest_framework.throttling import ScopedRateThrottle

DEFAULT_RATE = "30/minute"


class ChatRateThrottle(ScopedRateThrottle):
    """Allow `OPENHIRE_THROTTLE_CHAT` requests per user or IP (read per request)."""

    def get_rate(self) -> str:
        return getattr(settings, "OPENHIRE_THROTTLE_CHAT", DEFAULT_RATE)
