"""Refuse WebSockets opened by web pages of origins we do not serve."""

from __future__ import annotations

from urllib.parse import urlsplit


class OriginCheck:
    """Refuse WebSockets opened by web pages of origins we do not serve.

    Browsers always send `Origin`; it must name one of ALLOWED_HOSTS or one of
    the CORS origins (the frontends). Clients that are not browsers send no
    `Origin`: they cannot be driven by a hostile page, so they pass (they still
    need a token, or trusted mode, to do anything that matters).
    """

    def __init__(self, app) -> None:
        self.app = app

    @staticmethod
    def allowed(origin: str) -> bool:
        from django.conf import settings
        from django.http.request import validate_host

        if origin.rstrip("/") in settings.CORS_ALLOWED_ORIGINS:
            return True
        parsed = urlsplit(origin)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            return False
        return validate_host(parsed.hostname, settings.ALLOWED_HOSTS)

    async def __call__(self, scope, receive, send):
        origin = dict(scope.get("headers") or []).get(b"origin")
        if origin is not None and not self.allowed(origin.decode("latin-1")):
            await send({"type": "websocket.close", "code": 4403})
            return None
        return await self.app(scope, receive, send)
