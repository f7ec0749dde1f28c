"""Sign webhook bodies, and check a signature the way a receiver should.

Header: `X-OpenHire-Signature: t=<unix seconds>,v1=<hex>` where `<hex>` is
HMAC-SHA256 with the endpoint's secret over `f"{t}.{body}"` (the raw body bytes).
A receiver recomputes it, compares in constant time, and refuses a `t` older than
its tolerance (replays). `signature_verify` is that recipe (README "Webhooks").
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time

SIGNATURE_HEADER = "X-OpenHire-Signature"
SECRET_PREFIX = "whsec_"
DEFAULT_TOLERANCE_S = 300


def secret_new() -> str:
    """Return a new endpoint secret (shown to its owner once)."""
    return SECRET_PREFIX + secrets.token_urlsafe(32)


def signature_digest(secret: str, timestamp: int, body: bytes) -> str:
    """Return the hex HMAC-SHA256 of `timestamp + "." + body` under `secret`."""
    message = str(timestamp).encode() + b"." + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def signature_header(secret: str, body: bytes, *, timestamp: int | None = None) -> str:
    """Return the `X-OpenHire-Signature` value for `body` sent now."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    return f"t={timestamp},v1={signature_digest(secret, timestamp, body)}"


def signature_verify(
    secret: str,
    header: str,
    body: bytes,
    *,
    tolerance_s: int = DEFAULT_TOLERANCE_S,
    now: float | None = None,
) -> bool:
    """Say whether `header` signs `body` with `secret`, recently enough."""
    try:
        parts = dict(item.split("=", 1) for item in header.split(","))
        timestamp = int(parts["t"])
    except (KeyError, ValueError):
        return False
    now = time.time() if now is None else now
    if abs(now - timestamp) > tolerance_s:
        return False
    expected = signature_digest(secret, timestamp, body)
    return hmac.compare_digest(expected, parts.get("v1", ""))
