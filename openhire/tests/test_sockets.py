"""Live WebSockets are capped per user and per address, with a clear close code."""

from __future__ import annotations

import pytest
from channels.testing import WebsocketCommunicator

from openhire.asgi import application
from openhire.sockets import (
    CLOSE_TOO_MANY_SOCKETS,
    TOO_MANY_SOCKETS,
    socket_over_cap,
    socket_slots_acquire,
    socket_slots_release,
)

pytestmark = pytest.mark.django_db(transaction=True)


def chat_socket(query: str = "", address: str = "10.9.0.1") -> WebsocketCommunicator:
    communicator = WebsocketCommunicator(
        application,
        "/ws/test-chat" + (f"?{query}" if query else ""),
        headers=[(b"origin", b"http://127.0.0.1")],
    )
    communicator.scope["client"] = (address, 40000)
    return communicator


async def assert_refused(communicator: WebsocketCommunicator) -> None:
    accepted, _ = await communicator.connect(timeout=5)
    assert accepted  # accepted only to say why...
    closed = await communicator.receive_output(timeout=5)
    assert closed == {  # ...then closed with the code and a reason
        "type": "websocket.close",
        "code": CLOSE_TOO_MANY_SOCKETS,
        "reason": TOO_MANY_SOCKETS,
    }


async def test_one_user_cannot_hold_more_sockets_than_the_cap(candidate, settings):
    settings.OPENHIRE_ENABLE_TEST_ENDPOINTS = True
    settings.OPENHIRE_MAX_SOCKETS_PER_USER = 2
    held = []
    for n in range(2):
        ws = chat_socket(f"token={candidate.token}", address=f"10.9.1.{n}")
        assert (await ws.connect(timeout=5))[0]
        await ws.receive_json_from(timeout=5)
        held.append(ws)
    await assert_refused(chat_socket(f"token={candidate.token}", address="10.9.1.9"))
    await held.pop().disconnect()
    again = chat_socket(f"token={candidate.token}", address="10.9.1.8")
    assert (await again.connect(timeout=5))[0]
    assert (await again.receive_json_from(timeout=5))["event"] == "connected"
    for ws in (*held, again):
        await ws.disconnect()


async def test_one_address_cannot_hold_more_sockets_than_the_cap(settings):
    settings.OPENHIRE_ENABLE_TEST_ENDPOINTS = True
    settings.OPENHIRE_MAX_SOCKETS_PER_ADDRESS = 1
    first = chat_socket(address="10.9.2.1")
    assert (await first.connect(timeout=5))[0]
    await assert_refused(chat_socket(address="10.9.2.1"))
    other = chat_socket(address="10.9.2.2")
    assert (await other.connect(timeout=5))[0]
    await first.disconnect()
    await other.disconnect()


def test_a_refused_socket_takes_no_slot(settings):
    settings.OPENHIRE_MAX_SOCKETS_PER_USER = 1
    assert socket_slots_acquire(user_id="u1", address="10.9.3.1")
    for _ in range(5):
        assert not socket_slots_acquire(user_id="u1", address="10.9.3.1")
    socket_slots_release(user_id="u1", address="10.9.3.1")
    assert socket_slots_acquire(user_id="u1", address="10.9.3.1")


def test_a_cap_of_zero_means_no_cap():
    assert not socket_over_cap(
        user_open=10**6, address_open=1, per_user=0, per_address=0
    )
    assert socket_over_cap(user_open=3, address_open=1, per_user=2, per_address=0)
