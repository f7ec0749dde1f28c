"""Service-wide checks: is each dependency answering?"""

from __future__ import annotations

import uuid

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import connection


def check_database() -> str:
    """Return "ok" when the database answers a trivial query, else the failure."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any driver error means "down"
        return f"error: {type(exc).__name__}"
    return "ok"


async def _layer_round_trip() -> None:
    layer = get_channel_layer()
    # A plain channel name, not `new_channel()`'s process-local one: channels_redis
    # reads those through the one receive loop the sockets share, so under load
    # the check waited seconds for its turn; a plain channel is read directly.
    token = uuid.uuid4().hex
    channel = f"health.{token}"
    await layer.send(channel, {"type": "health.ping", "token": token})
    message = await layer.receive(channel)
    if message.get("token") != token:
        raise RuntimeError("channel layer returned another message")


def check_channel_layer() -> str:
    """Return "ok" when a message sent through the channel layer comes back."""
    try:
        async_to_sync(_layer_round_trip)()
    except Exception as exc:  # connection refused, timeout, misconfiguration
        return f"error: {type(exc).__name__}"
    return "ok"
