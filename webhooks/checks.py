"""`manage.py check --deploy` reports OPENHIRE_WEBHOOKS_ALLOW_PRIVATE (test/dev only)."""

from django.conf import settings
from django.core import checks

ALLOW_PRIVATE_WARNING = (
    "OPENHIRE_WEBHOOKS_ALLOW_PRIVATE=1: webhooks may be sent over plain http to "
    "private, loopback and link-local addresses, so any recruiter can make this "
    "server call into its own network (SSRF). It is for tests and local "
    "development only."
)
W002 = "openhire.W002"


@checks.register(checks.Tags.security, deploy=True)
def check_webhooks_allow_private(app_configs=None, **kwargs) -> list:
    """Report the test-only webhook setting under `manage.py check --deploy`."""
    if not settings.OPENHIRE_WEBHOOKS_ALLOW_PRIVATE:
        return []
    return [
        checks.Warning(
            ALLOW_PRIVATE_WARNING,
            hint="Unset OPENHIRE_WEBHOOKS_ALLOW_PRIVATE in production.",
            id=W002,
        )
    ]
