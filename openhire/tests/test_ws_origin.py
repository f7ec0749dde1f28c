import pytest
from channels.testing import WebsocketCommunicator

from openhire.asgi import application
from openhire.ws_origin import OriginCheck


@pytest.mark.parametrize(
    ("origin", "allowed"),
    [
        ("http://localhost:3000", True),  # a configured CORS origin (a frontend)
        ("http://127.0.0.1:8000", True),  # the server's own host, any port
        ("https://evil.example", False),
        ("null", False),
        ("file://", False),
    ],
)
def test_origins_are_checked_against_allowed_hosts_and_cors_origins(origin, allowed):
    assert OriginCheck.allowed(origin) is allowed


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
async def test_a_page_on_a_foreign_origin_cannot_open_a_socket(settings):
    settings.OPENHIRE_ENABLE_TEST_ENDPOINTS = True
    hostile = WebsocketCommunicator(
        application, "/ws/test-chat", headers=[(b"origin", b"https://evil.example")]
    )
    connected, code = await hostile.connect()
    assert not connected and code == 4403
    await hostile.disconnect()
    # A client that is not a browser sends no Origin and is let through.
    plain = WebsocketCommunicator(application, "/ws/test-chat")
    connected, _ = await plain.connect()
    assert connected
    assert (await plain.receive_json_from())["event"] == "connected"
    await plain.disconnect()
