"""Put the WebSocket caller in `scope["user"]` from `?ticket=` or `?token=` (or None).

Browsers cannot set headers on a WebSocket. The page asks `POST /auth/ws-ticket`
for a 60-second single-use ticket and opens `/ws/...?ticket=<ticket>`, so no
long-lived secret sits in a URL; `?token=` stays for older clients, and an
`Authorization: Token` header is honoured for other clients. Consumers decide
what an anonymous socket may do (see `accounts.identity`).
"""

from __future__ import annotations

from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.middleware import BaseMiddleware

from accounts.identity import TokenAuthentication
from accounts.tokens import user_for_token, ws_ticket_redeem


def _query(scope: dict) -> dict[str, list[str]]:
    return parse_qs(scope.get("query_string", b"").decode(errors="replace"))


def token_from_scope(scope: dict) -> str:
    """Return the token of a WebSocket scope: `?token=` or an Authorization header."""
    token = (_query(scope).get("token") or [""])[0]
    if token:
        return token
    for name, value in scope.get("headers", []):
        if name == b"authorization":
            parts = value.decode(errors="replace").split()
            if len(parts) == 2 and parts[0].lower() in TokenAuthentication.keywords:
                return parts[1]
    return ""


def ticket_from_scope(scope: dict) -> str:
    """Return the `?ticket=` of a WebSocket scope, or ""."""
    return (_query(scope).get("ticket") or [""])[0]


def _resolve(scope: dict):
    """Return (user, credential_given) for a scope: a ticket first, else a token."""
    ticket = ticket_from_scope(scope)
    if ticket:
        return ws_ticket_redeem(ticket), True
    token = token_from_scope(scope)
    return (user_for_token(token) if token else None), bool(token)


class TokenAuthMiddleware(BaseMiddleware):
    """Resolve the credential once per connection; `scope["token_invalid"]` flags a bad one."""

    async def __call__(self, scope, receive, send):
        user, given = await database_sync_to_async(_resolve)(scope)
        scope = dict(scope, user=user, token_invalid=given and user is None)
        return await super().__call__(scope, receive, send)
