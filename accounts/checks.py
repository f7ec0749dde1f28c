"""Say loudly when trusted mode is on: anyone who reaches the server is anyone."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.checks import Tags, Warning, register

TRUSTED_MODE_ON = (
    "OPENHIRE_TRUST_CLIENT_IDS=1: recruiter_id / candidate_id in requests name "
    "the caller, with no token. Run this only behind a gateway that authenticates "
    "users and sets those ids."
)

logger = logging.getLogger("openhire.security")


@register(Tags.security, deploy=True)
def trusted_mode_check(app_configs, **kwargs) -> list[Warning]:
    """Report trusted mode under `manage.py check --deploy`."""
    if not settings.OPENHIRE_TRUST_CLIENT_IDS:
        return []
    return [
        Warning(
            TRUSTED_MODE_ON,
            hint="Unset it unless a gateway fronts every request (README).",
            id="accounts.W001",
        )
    ]


def trusted_mode_warn() -> None:
    """Log the trusted-mode warning once, at start-up."""
    if settings.OPENHIRE_TRUST_CLIENT_IDS:
        logger.warning(TRUSTED_MODE_ON)
