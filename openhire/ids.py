"""Parse client-supplied ids into UUIDs, with the one 400 body for a bad id."""

from __future__ import annotations

import uuid

from openhire.errors import INVALID_ID, OpenHireError


def parse_uuid(value: object, *, field: str = "id") -> uuid.UUID:
    """Return `value` as a UUID or raise a 400 naming it."""
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError, AttributeError):
        raise OpenHireError(
            INVALID_ID.format(value=str(value)[:80]),
            "invalid_id",
            errors={field: ["Must be a UUID."]},
        ) from None
