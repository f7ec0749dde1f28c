"""Register webhook endpoints, publish events to them, deliver and replay.

Other apps announce what happened with one call, inside their own transaction:

    from webhooks.services import event_publish
    event_publish(event="application.created", data=payload, owner=job.recruiter)

`owner` is the recruiter the event is about (the job's recruiter). The event
goes to that recruiter's endpoints subscribed to it and to every operator's
(superuser) endpoint subscribed to it. A delivery row is written per
endpoint in the caller's transaction and sent by a background task once it
commits: a request that rolls back sends nothing. A failed attempt is retried
with backoff (`webhooks.retry`): a deferred task when the task backend can defer
(`OPENHIRE_TASKS=database`), else `manage.py deliver_webhooks` (run it from cron)
sends what is due.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from accounts.models import User
from accounts.permissions import require_approved_recruiter
from openhire.errors import OpenHireError, not_found
from openhire.ids import parse_uuid
from openhire.tasks import enqueue_on_commit, tasks_can_defer
from webhooks import retry
from webhooks.addresses import UnsafeURL, url_check
from webhooks.models import (
    DeliveryStatus,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)
from webhooks.sender import SendResult, webhook_post
from webhooks.signing import SIGNATURE_HEADER, secret_new, signature_header

MAX_ENDPOINTS_PER_OWNER = 20
MSG_TOO_MANY = f"An account can register at most {MAX_ENDPOINTS_PER_OWNER} webhooks."
MSG_UNKNOWN_EVENT = "Unknown event {event!r}; events are: {known}."


# --- endpoints ------------------------------------------------------------------


def endpoint_url_check(url: str) -> None:
    """Raise a 400 when webhooks must not be sent to `url` (https, public address)."""
    try:
        url_check(url, allow_private=settings.OPENHIRE_WEBHOOKS_ALLOW_PRIVATE)
    except UnsafeURL as exc:
        raise OpenHireError(
            exc.message, "unsafe_url", errors={"url": [exc.message]}
        ) from None


def endpoint_create(
    *, user: User | None, url: str, events: list[str]
) -> WebhookEndpoint:
    """Register `url` for `events` (a recruiter or operator); its secret is new."""
    user = require_approved_recruiter(user)
    unknown = [event for event in events if event not in WebhookEvent.values]
    if unknown:
        message = MSG_UNKNOWN_EVENT.format(
            event=unknown[0], known=", ".join(WebhookEvent.values)
        )
        raise OpenHireError(message, "invalid", errors={"events": [message]})
    endpoint_url_check(url)
    with transaction.atomic():
        User.objects.select_for_update().filter(pk=user.pk).first()
        if (
            WebhookEndpoint.objects.filter(owner=user).count()
            >= MAX_ENDPOINTS_PER_OWNER
        ):
            raise OpenHireError(MSG_TOO_MANY, "too_many", status=409)
        return WebhookEndpoint.objects.create(
            owner=user,
            url=url,
            events=list(dict.fromkeys(events)),
            secret=secret_new(),
        )


def endpoint_list(*, user: User | None):
    """Return the caller's endpoints, newest first (recruiters and operators)."""
    return WebhookEndpoint.objects.filter(owner=require_approved_recruiter(user))


def endpoint_get(*, user: User | None, endpoint_id: str) -> WebhookEndpoint:
    """Return the caller's endpoint; 404 for anyone else's."""
    user = require_approved_recruiter(user)
    endpoint = WebhookEndpoint.objects.filter(
        pk=parse_uuid(endpoint_id, field="webhook_id"), owner=user
    ).first()
    if endpoint is None:
        raise not_found("Webhook")
    return endpoint


def endpoint_delete(*, user: User | None, endpoint_id: str) -> None:
    """Remove the caller's endpoint and its delivery log."""
    endpoint_get(user=user, endpoint_id=endpoint_id).delete()


# --- publishing ---------------------------------------------------------------------


def _subscribers(event: str, owner: User | None) -> list[WebhookEndpoint]:
    operators = Q(owner__is_superuser=True)
    scope = operators | Q(owner=owner) if owner is not None else operators
    endpoints = WebhookEndpoint.objects.filter(scope, owner__is_active=True)
    return [endpoint for endpoint in endpoints if event in endpoint.events]


def event_has_subscribers(*, event: str, owner: User | None) -> bool:
    """Say whether `event_publish(event=event, owner=owner)` would send anything.

    For batch work (a rescreen) that would otherwise build a payload per row for
    nobody: ask once per batch.
    """
    return bool(_subscribers(event, owner))


def event_body(*, event: str, event_id: uuid.UUID, data: dict) -> str:
    """Return the JSON body every delivery of one event carries."""
    from webhooks.serializers import EventEnvelopeSerializer

    envelope = EventEnvelopeSerializer(
        {"id": event_id, "type": event, "created_at": timezone.now(), "data": data}
    ).data
    return json.dumps(envelope, separators=(",", ":"), sort_keys=True)


def event_publish(
    *, event: str, data: dict, owner: User | None
) -> list[WebhookDelivery]:
    """Queue `event` (with JSON-ready `data`) to every endpoint that should get it.

    Call inside the transaction that made the change: the deliveries commit or
    roll back with it and are sent after the commit. Returns the deliveries.
    """
    WebhookEvent(event)  # a programming error, not a user's: ValueError
    endpoints = _subscribers(event, owner)
    if not endpoints:
        return []
    event_id = uuid.uuid4()
    body = event_body(event=event, event_id=event_id, data=data)
    deliveries = WebhookDelivery.objects.bulk_create(
        WebhookDelivery(endpoint=endpoint, event=event, event_id=event_id, body=body)
        for endpoint in endpoints
    )
    for delivery in deliveries:
        _send_later(delivery)
    if not tasks_can_defer():  # immediate backend: due retries ride on new events
        _send_due_later()
    return deliveries


def _send_later(delivery: WebhookDelivery, run_after=None) -> None:
    from webhooks.tasks import webhook_deliver

    enqueue_on_commit(webhook_deliver, str(delivery.pk), run_after=run_after)


def _send_due_later() -> None:
    from webhooks.tasks import webhooks_send_due

    enqueue_on_commit(webhooks_send_due)


# --- delivering -----------------------------------------------------------------------


def _claim(delivery_id: str) -> WebhookDelivery | None:
    """Count an attempt on a pending delivery; None if another worker holds it.

    The compare-and-set on `attempts` makes two workers racing for the same
    attempt (a sweep and a deferred task) send it once.
    """
    delivery = (
        WebhookDelivery.objects.select_related("endpoint")
        .filter(pk=delivery_id, status=DeliveryStatus.PENDING)
        .first()
    )
    if delivery is None:
        return None
    claimed = WebhookDelivery.objects.filter(
        pk=delivery.pk, status=DeliveryStatus.PENDING, attempts=delivery.attempts
    ).update(attempts=delivery.attempts + 1, next_attempt_at=None)
    if not claimed:
        return None
    delivery.attempts += 1
    delivery.next_attempt_at = None
    return delivery


def _send(delivery: WebhookDelivery) -> SendResult:
    """Check the URL again (DNS may have changed), sign now and POST."""
    endpoint = delivery.endpoint
    try:
        target = url_check(
            endpoint.url, allow_private=settings.OPENHIRE_WEBHOOKS_ALLOW_PRIVATE
        )
    except UnsafeURL as exc:
        return SendResult(None, "", exc.message, 0.0)
    body = delivery.body.encode()
    headers = {
        SIGNATURE_HEADER: signature_header(endpoint.secret, body),
        "X-OpenHire-Event": delivery.event,
        "X-OpenHire-Delivery": str(delivery.pk),
        "X-OpenHire-Event-Id": str(delivery.event_id),
    }
    return webhook_post(
        target,
        body=body,
        headers=headers,
        timeout_s=settings.OPENHIRE_WEBHOOK_TIMEOUT_S,
    )


def _record(delivery: WebhookDelivery, result: SendResult, now: dt.datetime) -> None:
    """Store the attempt and the delivery's new state; schedule the retry."""
    delivery.last_status_code = result.status_code
    delivery.last_response = result.response_excerpt
    delivery.last_error = result.error
    if result.ok:
        delivery.status, delivery.delivered_at = DeliveryStatus.SUCCEEDED, now
    else:
        delivery.next_attempt_at = retry.next_attempt_at(
            created_at=delivery.created_at, attempts=delivery.attempts, now=now
        )
        if delivery.next_attempt_at is None:
            delivery.status = DeliveryStatus.FAILED
    with transaction.atomic():
        WebhookAttempt.objects.create(
            delivery=delivery,
            number=delivery.attempts,
            at=now,
            status_code=result.status_code,
            response_excerpt=result.response_excerpt,
            error=result.error,
            duration_ms=result.duration_ms,
        )
        delivery.save(
            update_fields=[
                "status",
                "next_attempt_at",
                "last_status_code",
                "last_response",
                "last_error",
                "delivered_at",
            ]
        )
        if delivery.next_attempt_at is not None and tasks_can_defer():
            _send_later(delivery, run_after=delivery.next_attempt_at)


def delivery_attempt(
    *, delivery_id: str, now: dt.datetime | None = None
) -> WebhookDelivery | None:
    """Try a pending delivery once; return it, or None if not this worker's to send.

    `now` is when the attempt counts as made (the retry schedule starts there).
    """
    delivery = _claim(delivery_id)
    if delivery is None:
        return None
    _record(delivery, _send(delivery), now or timezone.now())
    return delivery


def deliveries_send_due(*, now: dt.datetime | None = None) -> int:
    """Attempt every pending delivery whose retry time has come; return how many.

    The retry path of the immediate backend (after each published event, and
    `manage.py deliver_webhooks`, e.g. from cron each minute); with a deferring
    backend a safety net.
    """
    now = now or timezone.now()
    due = WebhookDelivery.objects.filter(
        status=DeliveryStatus.PENDING, next_attempt_at__lte=now
    ).values_list("pk", flat=True)
    attempted = [delivery_attempt(delivery_id=str(pk), now=now) for pk in list(due)]
    return sum(delivery is not None for delivery in attempted)


def delivery_list(*, user: User | None, endpoint_id: str):
    """Return an endpoint's deliveries, newest first (its owner only)."""
    endpoint = endpoint_get(user=user, endpoint_id=endpoint_id)
    return WebhookDelivery.objects.filter(endpoint=endpoint).select_related("endpoint")


def delivery_replay(
    *, user: User | None, endpoint_id: str, delivery_id: str
) -> WebhookDelivery:
    """Send a delivery's body again, as a new delivery with its own attempts."""
    endpoint = endpoint_get(user=user, endpoint_id=endpoint_id)
    original = WebhookDelivery.objects.filter(
        pk=parse_uuid(delivery_id, field="delivery_id"), endpoint=endpoint
    ).first()
    if original is None:
        raise not_found("Delivery")
    with transaction.atomic():
        replay = WebhookDelivery.objects.create(
            endpoint=endpoint,
            event=original.event,
            event_id=original.event_id,
            body=original.body,
            replay_of=original,
        )
        _send_later(replay)
    return replay
