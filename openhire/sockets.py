"""Cap the live WebSockets per user and per client address, across workers.

`SocketCap` wraps the WebSocket application (inside the identity middleware,
so `scope["user"]` is known). Each connection takes a slot for its user (when
identified) and for its address (`openhire.throttling.scope_client_address`);
one over `OPENHIRE_MAX_SOCKETS_PER_USER` or `OPENHIRE_MAX_SOCKETS_PER_ADDRESS`
is accepted and closed at once with code 4429 and a reason, so the client
knows why. The slot is given back when the connection ends. Counts live in the
shared `throttle` cache (Redis, or the database cache) so every worker sees
them; each count expires `SLOT_TTL_SECONDS` after it was first taken, so a
worker that dies holding slots cannot lock a person out for longer.
"""

from __future__ import annotations

from channels.db import database_sync_to_async
from django.conf import settings
from django.core.cache import caches

from openhire.throttling import THROTTLE_CACHE, scope_client_address

CLOSE_TOO_MANY_SOCKETS = 4429
TOO_MANY_SOCKETS = "Too many open connections for this user or address."
SLOT_TTL_SECONDS = 24 * 3600


def socket_over_cap(
    *, user_open: int, address_open: int, per_user: int, per_address: int
) -> bool:
    """Say whether counts that include a new socket pass a cap (0 = no cap)."""
    return bool(
        (per_user and user_open > per_user)
        or (per_address and address_open > per_address)
    )


def _take(key: str) -> int:
    cache = caches[THROTTLE_CACHE]
    cache.add(key, 0, SLOT_TTL_SECONDS)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, SLOT_TTL_SECONDS)
        return 1


def _give_back(key: str) -> None:
    cache = caches[THROTTLE_CACHE]
    try:
        if cache.decr(key) < 0:
            cache.set(key, 0, SLOT_TTL_SECONDS)
    except ValueError:  # the count expired: nothing to give back
        pass


def socket_keys(*, user_id: object, address: str) -> tuple[str | None, str]:
    """Return the cache keys of a connection's user slot (or None) and address slot."""
    return (f"sockets:user:{user_id}" if user_id else None, f"sockets:ip:{address}")


def socket_slots_acquire(*, user_id: object, address: str) -> bool:
    """Take a slot for the user and the address; False (nothing taken) when over a cap."""
    user_key, address_key = socket_keys(user_id=user_id, address=address)
    user_open = _take(user_key) if user_key else 0
    address_open = _take(address_key)
    if socket_over_cap(
        user_open=user_open,
        address_open=address_open,
        per_user=settings.OPENHIRE_MAX_SOCKETS_PER_USER,
        per_address=settings.OPENHIRE_MAX_SOCKETS_PER_ADDRESS,
    ):
        socket_slots_release(user_id=user_id, address=address)
        return False
    return True


def socket_slots_release(*, user_id: object, address: str) -> None:
    """Give back the slots `socket_slots_acquire` took."""
    user_key, address_key = socket_keys(user_id=user_id, address=address)
    if user_key:
        _give_back(user_key)
    _give_back(address_key)


class SocketCap:
    """ASGI middleware: refuse a WebSocket past the per-user or per-address cap."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "websocket":
            return await self.app(scope, receive, send)
        user = scope.get("user")
        slot = {
            "user_id": getattr(user, "pk", None),
            "address": scope_client_address(scope),
        }
        if not await database_sync_to_async(socket_slots_acquire)(**slot):
            await receive()  # websocket.connect
            await send({"type": "websocket.accept"})
            await send(
                {
                    "type": "websocket.close",
                    "code": CLOSE_TOO_MANY_SOCKETS,
                    "reason": TOO_MANY_SOCKETS,
                }
            )
            return None
        try:
            return await self.app(scope, receive, send)
        finally:
            await database_sync_to_async(socket_slots_release)(**slot)
