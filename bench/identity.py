#!/usr/bin/env python
"""What identity costs per request: token checks, shared throttles, tickets, socket slots.

    .venv/bin/python bench/identity.py [--n 2000]

Runs in-process on a fresh SQLite file (the embedded mode) and times, per call:
- `user_for_token` on a valid token (SHA-256 look-up plus the expiry check);
- one throttle count (`keyed_throttle_wait`, two budgets) in the shared cache;
- one WebSocket ticket created and redeemed;
- one socket slot taken and given back (per user and per address);
each with the database cache (no REDIS_URL) and, when 127.0.0.1:6379 answers,
Redis (db 7). Prints a table and a one-line summary. Figures are from a shared
machine: read them as orders of magnitude.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
REDIS = "redis://127.0.0.1:6379/7"


def redis_up() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


def timed(function, n: int) -> tuple[float, float]:
    """Return (median, p99) microseconds of `function()` over `n` calls."""
    samples = []
    for _ in range(n):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1e6)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.99) - 1]


def setup() -> None:
    var = Path(tempfile.mkdtemp(prefix="openhire-bench-identity-"))
    os.environ.update(
        DJANGO_SETTINGS_MODULE="openhire.settings",
        DATABASE_URL=f"sqlite:///{var / 'bench.sqlite3'}",
        OPENHIRE_VAR_DIR=str(var),
        OPENHIRE_LOG_LEVEL="WARNING",
    )
    os.environ.pop("REDIS_URL", None)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def cases(n: int) -> list[tuple[str, str, float, float]]:
    from django.conf import settings
    from django.test import override_settings

    from accounts.services import user_create
    from accounts.tokens import user_for_token, ws_ticket_create, ws_ticket_redeem
    from openhire.sockets import socket_slots_acquire, socket_slots_release
    from openhire.throttling import keyed_throttle_wait

    user, key = user_create(email="bench@example.test", role="candidate")
    rows = [
        (
            "token check (hashed, expiring)",
            "database",
            *timed(lambda: user_for_token(key), n),
        )
    ]
    backends = {"database cache": settings.CACHES["throttle"]}
    if redis_up():
        backends["redis"] = {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS,
            "KEY_PREFIX": "bench-identity",
        }
    budgets = [("1000000/minute", "bench_user"), ("1000000/minute", "bench_ip")]

    def ticket():
        ws_ticket_redeem(ws_ticket_create(user=user))

    def slot():
        socket_slots_acquire(user_id=user.pk, address="192.0.2.1")
        socket_slots_release(user_id=user.pk, address="192.0.2.1")

    for name, config in backends.items():
        with override_settings(CACHES={**settings.CACHES, "throttle": config}):
            rows.append(
                (
                    "throttle count (2 budgets)",
                    name,
                    *timed(lambda: keyed_throttle_wait(budgets), n),
                )
            )
            rows.append(("ws ticket create + redeem", name, *timed(ticket, n)))
            rows.append(("socket slot take + give back", name, *timed(slot, n)))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=2000)
    args = parser.parse_args()
    setup()
    rows = cases(args.n)
    print(f"{'operation':34} {'store':15} {'p50 µs':>9} {'p99 µs':>9}")
    for operation, store, p50, p99 in rows:
        print(f"{operation:34} {store:15} {p50:9.0f} {p99:9.0f}")
    worst = max(rows[1:], key=lambda row: row[2])
    print(
        f"summary: a token check costs {rows[0][2]:.0f} µs p50; the dearest shared "
        f"operation is '{worst[0]}' on {worst[1]} at {worst[2]:.0f} µs p50 "
        f"({args.n} calls each, SQLite file, shared machine)."
    )


if __name__ == "__main__":
    main()
