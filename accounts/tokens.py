"""API tokens and WebSocket tickets: create, check, list, revoke.

Tokens are random 43-character strings; only their SHA-256 is stored, the key
is shown once. Expiry is **fixed**: a token lives `OPENHIRE_TOKEN_TTL_DAYS`
from its creation (0 = never expires) and using it does not extend it. A user
may hold several tokens, each with a name (e.g. one per device).

A WebSocket ticket is a 60-second, single-use stand-in for a token, so a
browser need not put a long-lived secret in a URL: `POST /auth/ws-ticket`
answers `{ticket, expires_in}`, the page opens `/ws/...?ticket=<ticket>`, and
`ws_ticket_redeem()` accepts it once. Tickets live in the shared `throttle`
cache (Redis, or the database cache), so any worker can redeem them.
"""

from __future__ import annotations

import datetime as dt
import secrets
import uuid

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone

from accounts.models import ApiToken, User, hash_token
from openhire.errors import OpenHireError

TICKET_TTL_SECONDS = 60
TICKET_CACHE = "throttle"
LAST_USED_RESOLUTION = dt.timedelta(minutes=5)
MAX_KEY_LENGTH = 200
TOKEN_NOT_FOUND = "You have no token with this id."


def token_expiry(now: dt.datetime) -> dt.datetime | None:
    """Return when a token created `now` expires (None: OPENHIRE_TOKEN_TTL_DAYS=0)."""
    days = settings.OPENHIRE_TOKEN_TTL_DAYS
    return now + dt.timedelta(days=days) if days else None


def token_create(*, user: User, name: str = "") -> str:
    """Create an API token for `user` and return its key (shown once, stored hashed)."""
    key = secrets.token_urlsafe(32)
    ApiToken.objects.create(
        user=user,
        key_hash=hash_token(key),
        prefix=key[:8],
        name=name[:100],
        expires_at=token_expiry(timezone.now()),
    )
    return key


def token_for_key(key: str) -> ApiToken | None:
    """Return the live token with this key (unexpired, active user), or None."""
    if not key or len(key) > MAX_KEY_LENGTH:
        return None
    now = timezone.now()
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=hash_token(key), user__is_active=True)
        .first()
    )
    if token is None or (token.expires_at is not None and token.expires_at <= now):
        return None
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token


def user_for_token(key: str) -> User | None:
    """Return the active user a live API token belongs to, or None."""
    token = token_for_key(key)
    return token.user if token else None


def token_list(*, user: User) -> list[ApiToken]:
    """Return the user's unexpired tokens, oldest first."""
    now = timezone.now()
    return [
        token
        for token in ApiToken.objects.filter(user=user)
        if token.expires_at is None or token.expires_at > now
    ]


def token_revoke(*, user: User, token_id: uuid.UUID) -> None:
    """Revoke one of the user's tokens; 404 when it is not theirs (or unknown)."""
    deleted, _ = ApiToken.objects.filter(user=user, public_id=token_id).delete()
    if not deleted:
        raise OpenHireError(TOKEN_NOT_FOUND, "not_found", status=404)


def token_revoke_key(*, key: str) -> None:
    """Revoke the token with this key (logout)."""
    ApiToken.objects.filter(key_hash=hash_token(key)).delete()


def token_purge_expired(*, now: dt.datetime | None = None) -> int:
    """Delete expired tokens; return how many."""
    now = now or timezone.now()
    deleted, _ = ApiToken.objects.filter(expires_at__lte=now).delete()
    return deleted


def _ticket_key(ticket: str) -> str:
    return f"wsticket:{hash_token(ticket)}"


def ws_ticket_create(*, user: User) -> str:
    """Return a new single-use ticket for `user`, valid for TICKET_TTL_SECONDS."""
    ticket = secrets.token_urlsafe(32)
    caches[TICKET_CACHE].set(_ticket_key(ticket), str(user.pk), TICKET_TTL_SECONDS)
    return ticket


def ws_ticket_redeem(ticket: str) -> User | None:
    """Return the active user of a live ticket and spend it; None when not valid.

    Only the caller whose delete removes the entry wins, so two sockets racing
    with one ticket get one user between them.
    """
    if not ticket or len(ticket) > MAX_KEY_LENGTH:
        return None
    cache = caches[TICKET_CACHE]
    key = _ticket_key(ticket)
    user_id = cache.get(key)
    if user_id is None or not cache.delete(key):
        return None
    return User.objects.filter(pk=user_id, is_active=True).first()
