"""Rate limits for the endpoints that spend model calls: per caller and per IP.

Each AI endpoint names a scope (`ai` for POST /review-resume, `chat` for POST
/chat and /test-chat, `interview` for `initialize_interview` on the interview
socket) and gets two budgets, both read from settings on every request so
they can be changed without a restart of the tests:

- per caller: `OPENHIRE_THROTTLE_AI` / `_CHAT` / `_INTERVIEW`, counted per user
  when the caller is identified, else per IP;
- per IP: `OPENHIRE_THROTTLE_AI_IP` for every scope, counted per client IP
  whoever calls, so one address cannot multiply its budget by signing up
  many users.

HTTP views use `throttle_classes = AI_THROTTLES` and a `throttle_scope`; a 429
carries `Retry-After` (DRF's `Throttled`, rendered by `openhire.errors`).
Other callers (the WebSocket consumer) use `ai_throttle_wait(scope=..., ...)`,
which counts the call and returns the seconds to wait, or None when allowed.
The counts live in the Django cache (Redis when `REDIS_URL` is set), so every
worker shares them.
"""

from __future__ import annotations

import math

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

SCOPE_SETTINGS = {
    "ai": "OPENHIRE_THROTTLE_AI",
    "chat": "OPENHIRE_THROTTLE_CHAT",
    "interview": "OPENHIRE_THROTTLE_INTERVIEW",
}


def caller_rate(scope: str) -> str | None:
    """Return the per-caller rate of `scope` from settings."""
    return getattr(settings, SCOPE_SETTINGS[scope])


def ip_rate() -> str | None:
    """Return the per-IP rate shared by every AI scope."""
    return settings.OPENHIRE_THROTTLE_AI_IP


class _ScopedThrottle(SimpleRateThrottle):
    """A DRF throttle whose scope comes from the view and whose rate from settings."""

    def __init__(self) -> None:  # DRF would read the rate here, before the view
        pass

    def rate_for(self, scope: str) -> str | None:
        raise NotImplementedError

    def allow_request(self, request, view) -> bool:
        self.scope = getattr(view, "throttle_scope", None)
        if not self.scope:
            return True
        self.rate = self.rate_for(self.scope)
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)


class AICallerThrottle(_ScopedThrottle):
    """Count a scope's calls per user, or per IP for anonymous callers."""

    def rate_for(self, scope: str) -> str | None:
        return caller_rate(scope)

    def get_cache_key(self, request, view) -> str:
        user = getattr(request, "user", None)
        ident = (
            f"user:{user.pk}" if user is not None else f"ip:{self.get_ident(request)}"
        )
        return self.cache_format % {"scope": self.scope, "ident": ident}


class AIIPThrottle(_ScopedThrottle):
    """Count a scope's calls per client IP, whoever the caller is."""

    def rate_for(self, scope: str) -> str | None:
        return ip_rate()

    def get_cache_key(self, request, view) -> str:
        return self.cache_format % {
            "scope": f"{self.scope}_ip",
            "ident": self.get_ident(request),
        }


AI_THROTTLES = [AICallerThrottle, AIIPThrottle]


class WriteThrottle(SimpleRateThrottle):
    """Count a view's writes (POST, PUT, PATCH, DELETE) per user, or per IP.

    Reads are not counted. The rate is `OPENHIRE_THROTTLE_WRITES`, read on
    each request; views opt in with `throttle_classes = [WriteThrottle]`.
    """

    scope = "writes"

    def __init__(self) -> None:  # DRF would read the rate here, before the view
        pass

    def allow_request(self, request, view) -> bool:
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return True
        self.rate = settings.OPENHIRE_THROTTLE_WRITES
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_cache_key(self, request, view) -> str:
        user = getattr(request, "user", None)
        ident = (
            f"user:{user.pk}" if user is not None else f"ip:{self.get_ident(request)}"
        )
        return self.cache_format % {"scope": self.scope, "ident": ident}


class _KeyedThrottle(SimpleRateThrottle):
    """The same sliding-window count, for a key computed without a DRF request."""

    def __init__(self, rate: str | None, key: str) -> None:
        self.rate = rate
        self.num_requests, self.duration = self.parse_rate(rate)
        self.key_value = key

    def get_cache_key(self, request, view) -> str:
        return self.key_value


def client_ip(scope: dict) -> str:
    """Return a WebSocket (ASGI) caller's IP, honouring OPENHIRE_NUM_PROXIES."""
    proxies = settings.REST_FRAMEWORK.get("NUM_PROXIES")
    if proxies:
        for name, value in scope.get("headers", []):
            if name == b"x-forwarded-for":
                hops = [h.strip() for h in value.decode("latin-1").split(",")]
                return hops[-min(proxies, len(hops))]
    client = scope.get("client") or ("unknown", 0)
    return str(client[0])


def ai_throttle_wait(*, scope: str, user_id: object, ip: str) -> int | None:
    """Count one call of `scope`; return whole seconds to wait when over a limit."""
    ident = f"user:{user_id}" if user_id else f"ip:{ip}"
    throttles = [
        _KeyedThrottle(caller_rate(scope), f"throttle_{scope}_{ident}"),
        _KeyedThrottle(ip_rate(), f"throttle_{scope}_ip_{ip}"),
    ]
    waits = []
    for throttle in throttles:
        if throttle.rate and not throttle.allow_request(None, None):
            waits.append(throttle.wait() or 1)
    return max(1, math.ceil(max(waits))) if waits else None
