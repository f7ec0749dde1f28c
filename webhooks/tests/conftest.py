import pytest


@pytest.fixture
def receiver(webhook_receiver):
    return webhook_receiver


@pytest.fixture
def allow_private(settings):
    """Let webhooks reach the local receiver (test/dev only setting)."""
    settings.OPENHIRE_WEBHOOKS_ALLOW_PRIVATE = True
    return settings
