"""When a failed webhook delivery is tried again: exponential backoff for a day.

After the n-th failed attempt the next waits `FIRST_DELAY * 2**(n-1)`, at most
`MAX_DELAY` (1, 2, 4 … 256 minutes, then every 6 hours); no attempt is
scheduled later than `RETRY_WINDOW` after the delivery was created, so a
receiver that stays down gets 12 attempts over about 20 hours, then the
delivery is marked failed (and can still be replayed by hand).
"""

from __future__ import annotations

import datetime as dt

FIRST_DELAY = dt.timedelta(minutes=1)
MAX_DELAY = dt.timedelta(hours=6)
RETRY_WINDOW = dt.timedelta(days=1)


def retry_delay(attempts: int) -> dt.timedelta:
    """Return the wait after `attempts` failed attempts (1 or more)."""
    exponent = max(0, attempts - 1)
    if exponent >= 20:
        return MAX_DELAY
    return min(FIRST_DELAY * (2**exponent), MAX_DELAY)


def next_attempt_at(
    *, created_at: dt.datetime, attempts: int, now: dt.datetime
) -> dt.datetime | None:
    """Return when to try again after `attempts` failures, or None: give up."""
    when = now + retry_delay(attempts)
    return when if when <= created_at + RETRY_WINDOW else None
