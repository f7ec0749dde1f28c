"""Tell the operator, loudly, when identity is taken on trust.

`OPENHIRE_TRUST_CLIENT_IDS=1` believes `recruiter_id` / `candidate_id` as sent:
anyone who can reach the server can act as any user. It is right only behind
a gateway that authenticates users and strips and sets those fields itself.
The server logs TRUSTED_MODE_WARNING at start-up, and
`manage.py check --deploy` reports it as warning `openhire.W001`.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core import checks

logger = logging.getLogger("openhire.security")

TRUSTED_MODE_WARNING = (
    "OPENHIRE_TRUST_CLIENT_IDS=1: TRUSTED MODE. This server believes the "
    "recruiter_id and candidate_id fields (query, body and initialize_interview) "
    "as the caller's identity, and answers interview status, results and deletion "
    "by session id alone. Anyone who can reach it can act as any recruiter or "
    "candidate. Run it only behind a gateway that authenticates users and strips "
    "and sets these fields."
)
W001 = "openhire.W001"


def trusted_mode_warning_log() -> None:
    """Log the trusted-mode warning when the mode is on (called once at start-up)."""
    if settings.OPENHIRE_TRUST_CLIENT_IDS:
        logger.warning(TRUSTED_MODE_WARNING)


@checks.register(checks.Tags.security, deploy=True)
def check_trusted_mode(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Report trusted mode under `manage.py check --deploy`."""
    if not settings.OPENHIRE_TRUST_CLIENT_IDS:
        return []
    return [
        checks.Warning(
            TRUSTED_MODE_WARNING,
            hint="Unset OPENHIRE_TRUST_CLIENT_IDS unless a gateway sets the ids.",
            id=W001,
        )
    ]
