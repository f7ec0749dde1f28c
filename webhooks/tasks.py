"""The webhook delivery task (run by the OPENHIRE_TASKS backend)."""

from __future__ import annotations

import logging

from django_tasks import task

from webhooks.services import deliveries_send_due, delivery_attempt

logger = logging.getLogger(__name__)


@task()
def webhook_deliver(delivery_id: str) -> None:
    """Attempt one webhook delivery; a failure schedules its own retry."""
    try:
        delivery_attempt(delivery_id=delivery_id)
    except Exception:
        logger.exception("webhook delivery %s failed unexpectedly", delivery_id)
        raise


@task()
def webhooks_send_due() -> None:
    """Attempt the pending deliveries whose retry time has come (immediate backend)."""
    deliveries_send_due()
