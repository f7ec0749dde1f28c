import pytest

from webhooks.tests.receiver import Receiver


@pytest.fixture
def receiver():
    server = Receiver().start()
    yield server
    server.stop()


@pytest.fixture
def allow_private(settings):
    """Let webhooks reach the local receiver (test/dev only setting)."""
    settings.OPENHIRE_WEBHOOKS_ALLOW_PRIVATE = True
    return settings
