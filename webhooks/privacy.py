"""Export and erase a person's webhook data (see accounts/privacy.py).

A recruiter's endpoints are theirs: exported (never the secret) and deleted with
them. Delivery bodies name candidates (their public id, a review's summary):
erasing a candidate deletes every delivery that names them, and the retention
purge deletes deliveries older than the retention period.
"""

from __future__ import annotations

from typing import Any

from webhooks.models import WebhookDelivery, WebhookEndpoint
from webhooks.serializers import EndpointSerializer


def user_export(*, user) -> dict[str, Any]:
    """Return the webhook endpoints the user registered."""
    endpoints = WebhookEndpoint.objects.filter(owner=user)
    return {"webhooks": EndpointSerializer(endpoints, many=True).data}


def user_erase(*, user, tombstone) -> None:
    """Delete the user's endpoints and every delivery that names the user."""
    WebhookEndpoint.objects.filter(owner=user).delete()
    WebhookDelivery.objects.filter(body__contains=f'"{user.public_id}"').delete()


def retention_purge(*, before) -> int:
    """Delete deliveries created before `before`; return how many."""
    return WebhookDelivery.objects.filter(created_at__lt=before).delete()[0]
