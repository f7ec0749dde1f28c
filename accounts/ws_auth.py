"""Put the WebSocket caller in `scope["user"]` from `?token=` (or None).

Browsers cannot set headers on a WebSocket, so the token comes in the query
string; an `Authorization: Token` header is honoured too for other clients.
Consumers decide what an anonymous socket may do (see `accounts.identity`).
"""

from __future__ import annotations

from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.middleware import BaseMiddleware

from accounts.identity import TokenAuthentication
from accounts.services import user_for_token


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
