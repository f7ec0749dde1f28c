"""A WebSocket opens with a single-use ticket (accounts/ws_auth.py), once."""

from __future__ import annotations

import pytest

from accounts import tokens


@pytest.mark.django_db(transaction=True)
async def test_a_socket_opens_with_a_ticket_and_a_spent_ticket_is_refused(candidate):
    from asgiref.sync import sync_to_async

    from interviews.protocol import CLOSE_UNAUTHENTICATED
    from interviews.tests.factories import open_socket, socket

    ticket = await sync_to_async(tokens.ws_ticket_create)(user=candidate)
    ws = await open_socket(f"session_id=1800000000001&ticket={ticket}")
    await ws.disconnect()

    again = socket(f"session_id=1800000000002&ticket={ticket}")
    await again.connect(timeout=5)
    closed = await again.receive_output(timeout=5)
    assert closed == {"type": "websocket.close", "code": CLOSE_UNAUTHENTICATED}
    await again.disconnect()
