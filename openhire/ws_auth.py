"""Put the WebSocket caller in `scope["user"]` from `?token=` (or None).

Browsers cannot set headers on a WebSocket, so the token comes in the query
string; an `Authorization: Token` header is honoured too for other clients.
Consumers decide what an anonymous socket may do (see `openhire.auth`).
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from channels.db import database_sync_to_async
from channels.middleware import BaseMiddleware

from accounts.services import user_for_token
from openhire.auth import TokenAuthentication


def token_from_scope(scope: dict) -> str:
    """Return the token of a WebSocket scope: `?token=` or an Authorization header."""
    query = parse_qs(scope.get("query_string", b"").decode(errors="replace"))
    token = (query.get("token") or [""])[0]
    if token:
        return token
    for name, value in scope.get("headers", []):
        if name == b"authorization":
            parts = value.decode(errors="replace").split()
            if len(parts) == 2 and parts[0].lower() in TokenAuthentication.keywords:
                return parts[1]
    return ""


class TokenAuthMiddleware(BaseMiddleware):
    """Resolve the token once per connection; `scope["token_invalid"]` flags a bad one."""

    async def __call__(self, scope, receive, send):
        token = token_from_scope(scope)
        user = await database_sync_to_async(user_for_token)(token) if token else None
        scope = dict(scope, user=user, token_invalid=bool(token) and user is None)
        return await super().__call__(scope, receive, send)


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
