"""Webhooks through the HTTP API: register, deliver signed events, retry, replay."""

import datetime as dt
import json

import pytest
from django.db import transaction
from django.utils import timezone

from accounts.permissions import AUTH_REQUIRED
from webhooks.addresses import MSG_NOT_HTTPS, MSG_PRIVATE, MSG_UNRESOLVED
from webhooks.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint
from webhooks.services import deliveries_send_due, event_publish
from webhooks.tests.test_signing import verify_as_readme_says

EVENTS = ["application.created", "review.completed"]


def register(client, url, events=EVENTS):
    return client.post("/webhooks", {"url": url, "events": events}, format="json")


@pytest.fixture
def hook(client_for, recruiter, receiver, allow_private):
    """The recruiter's endpoint on the local receiver, with its secret."""
    response = register(client_for(recruiter), receiver.url)
    assert response.status_code == 201, response.json()
    return response.json()


def publish(event="review.completed", owner=None, data=None):
    return event_publish(event=event, data=data or {"score": 7}, owner=owner)


def test_a_recruiter_registers_an_endpoint_and_sees_its_secret_once(
    client_for, recruiter, hook
):
    assert hook["secret"].startswith("whsec_")
    assert hook["events"] == EVENTS
    listed = client_for(recruiter).get("/webhooks").json()
    assert [item["id"] for item in listed] == [hook["id"]]
    assert "secret" not in listed[0]


@pytest.mark.parametrize(
    "url, message",
    [
        ("https://127.0.0.1/hook", MSG_PRIVATE.format(address="127.0.0.1")),
        ("https://10.0.0.1/hook", MSG_PRIVATE.format(address="10.0.0.1")),
        (
            "https://169.254.169.254/latest",
            MSG_PRIVATE.format(address="169.254.169.254"),
        ),
        ("https://[::1]/hook", MSG_PRIVATE.format(address="::1")),
        ("http://hooks.example.com/hook", MSG_NOT_HTTPS),
    ],
)
def test_registration_refuses_urls_inside_the_network(
    client_for, recruiter, url, message
):
    response = register(client_for(recruiter), url)
    assert response.status_code == 400
    assert response.json()["detail"] == message
    assert response.json()["code"] == "unsafe_url"
    assert not WebhookEndpoint.objects.exists()


def test_registration_refuses_a_name_that_resolves_to_loopback(client_for, recruiter):
    response = register(client_for(recruiter), "https://localhost/hook")
    assert response.status_code == 400
    assert response.json()["detail"] in (
        MSG_PRIVATE.format(address="127.0.0.1"),
        MSG_PRIVATE.format(address="::1"),
    )


def test_registration_refuses_an_unknown_event_and_an_unresolvable_host(
    client_for, recruiter
):
    client = client_for(recruiter)
    assert register(client, "https://a.example/h", ["job.deleted"]).status_code == 400
    response = register(client, "https://no-such-host.invalid/h")
    assert response.json()["detail"] == MSG_UNRESOLVED
    assert not WebhookEndpoint.objects.exists()


def test_candidates_and_strangers_cannot_register(api, client_for, candidate):
    assert register(client_for(candidate), "https://a.example/h").status_code == 403
    response = register(api, "https://a.example/h")
    assert response.status_code == 401
    assert response.json()["detail"] == AUTH_REQUIRED


def test_an_event_reaches_the_endpoint_signed(
    recruiter, hook, receiver, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        publish(owner=recruiter, data={"application_id": "a1", "score": 7})
    [request] = receiver.received
    assert verify_as_readme_says(
        hook["secret"], request.headers["X-OpenHire-Signature"], request.body
    )
    body = json.loads(request.body)
    assert body["type"] == "review.completed"
    assert body["data"] == {"application_id": "a1", "score": 7}
    assert request.headers["X-OpenHire-Event-Id"] == body["id"]
    assert WebhookDelivery.objects.get().status == DeliveryStatus.SUCCEEDED


def test_events_reach_their_recruiter_and_operators_but_no_other_recruiter(
    recruiter, other_recruiter, hook, receiver, django_capture_on_commit_callbacks
):
    from accounts.models import User

    operator = User.objects.create_superuser("op@openhire.test", "x" * 12)
    for owner in (operator, other_recruiter):
        WebhookEndpoint.objects.create(
            owner=owner, url=receiver.url, events=EVENTS, secret="whsec_x"
        )
    with django_capture_on_commit_callbacks(execute=True):
        publish(owner=recruiter)
        publish(owner=other_recruiter, event="application.created")
    owners = [d.endpoint.owner for d in WebhookDelivery.objects.all()]
    assert sorted(o.email for o in owners) == sorted(
        [recruiter.email, operator.email, other_recruiter.email, operator.email]
    )
    assert len(receiver.received) == 4


def test_an_endpoint_not_subscribed_to_an_event_gets_nothing(recruiter, hook, receiver):
    assert publish(event="interview.completed", owner=recruiter) == []


def test_a_rolled_back_request_sends_nothing(
    recruiter, hook, receiver, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            publish(owner=recruiter)
            raise RuntimeError("the request failed")
    assert receiver.received == []
    assert not WebhookDelivery.objects.exists()


def test_a_failing_receiver_is_retried_with_backoff_until_it_answers(
    client_for, recruiter, hook, receiver, django_capture_on_commit_callbacks
):
    receiver.answers = [500, 503, 200]
    with django_capture_on_commit_callbacks(execute=True):
        [delivery] = publish(owner=recruiter)
    delivery.refresh_from_db()
    first_retry = delivery.next_attempt_at - timezone.now()
    assert dt.timedelta(seconds=50) < first_retry <= dt.timedelta(minutes=1)
    assert deliveries_send_due() == 0  # not due yet
    later = timezone.now() + dt.timedelta(minutes=2)
    assert deliveries_send_due(now=later) == 1
    delivery.refresh_from_db()
    assert delivery.next_attempt_at - later > dt.timedelta(minutes=1, seconds=50)
    assert deliveries_send_due(now=later + dt.timedelta(minutes=5)) == 1

    listed = client_for(recruiter).get(f"/webhooks/{hook['id']}/deliveries").json()
    assert listed[0]["status"] == "succeeded"
    assert listed[0]["attempts"] == 3
    assert listed[0]["last_status_code"] == 200
    codes = [a.status_code for a in delivery.attempt_log.all()]
    assert codes == [500, 503, 200]
    assert "receiver is down" in delivery.attempt_log.first().response_excerpt
    assert len(receiver.received) == 3


def test_with_the_immediate_backend_a_due_retry_rides_on_the_next_event(
    recruiter, hook, receiver, django_capture_on_commit_callbacks
):
    receiver.answers = [500, 200]
    with django_capture_on_commit_callbacks(execute=True):
        [failed] = publish(owner=recruiter)
    WebhookDelivery.objects.filter(pk=failed.pk).update(
        next_attempt_at=timezone.now() - dt.timedelta(seconds=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        [later] = publish(owner=recruiter)
    failed.refresh_from_db()
    later.refresh_from_db()
    assert (failed.status, failed.attempts) == (DeliveryStatus.SUCCEEDED, 2)
    assert (later.status, later.attempts) == (DeliveryStatus.SUCCEEDED, 1)
    assert len(receiver.received) == 3


def test_a_receiver_down_for_a_day_leaves_the_delivery_failed(
    recruiter, hook, receiver, django_capture_on_commit_callbacks
):
    receiver.answers = [500]
    with django_capture_on_commit_callbacks(execute=True):
        [delivery] = publish(owner=recruiter)
    now = timezone.now()
    while True:
        delivery.refresh_from_db()
        if delivery.status != DeliveryStatus.PENDING:
            break
        now = delivery.next_attempt_at
        deliveries_send_due(now=now)
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.attempts == 12
    assert now - delivery.created_at < dt.timedelta(days=1)


def test_a_redirect_is_not_followed(
    recruiter, hook, receiver, django_capture_on_commit_callbacks
):
    receiver.answers = [302]
    with django_capture_on_commit_callbacks(execute=True):
        [delivery] = publish(owner=recruiter)
    delivery.refresh_from_db()
    assert delivery.last_status_code == 302
    assert delivery.status == DeliveryStatus.PENDING  # a failure, retried later
    assert len(receiver.received) == 1


def test_delivery_time_checks_refuse_an_address_that_became_private(
    recruiter, hook, receiver, settings, django_capture_on_commit_callbacks
):
    settings.OPENHIRE_WEBHOOKS_ALLOW_PRIVATE = False
    with django_capture_on_commit_callbacks(execute=True):
        [delivery] = publish(owner=recruiter)
    delivery.refresh_from_db()
    assert delivery.last_error == MSG_NOT_HTTPS
    assert receiver.received == []


def test_a_delivery_can_be_replayed_with_the_same_event_id(
    client_for, recruiter, hook, receiver, django_capture_on_commit_callbacks
):
    receiver.answers = [500, 200]
    with django_capture_on_commit_callbacks(execute=True):
        [delivery] = publish(owner=recruiter)
    url = f"/webhooks/{hook['id']}/deliveries/{delivery.pk}/replay"
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(recruiter).post(url)
    assert response.status_code == 202
    assert response.json()["replay_of"] == str(delivery.pk)
    first, second = (json.loads(r.body) for r in receiver.received)
    assert first == second
    replay = WebhookDelivery.objects.get(pk=response.json()["id"])
    assert replay.status == DeliveryStatus.SUCCEEDED


def test_another_recruiter_cannot_see_delete_or_replay_an_endpoint(
    client_for, other_recruiter, recruiter, hook
):
    client = client_for(other_recruiter)
    assert client.get(f"/webhooks/{hook['id']}/deliveries").status_code == 404
    assert client.delete(f"/webhooks/{hook['id']}").status_code == 404
    assert client.get("/webhooks").json() == []
    assert client_for(recruiter).delete(f"/webhooks/{hook['id']}").status_code == 204
    assert not WebhookEndpoint.objects.exists()


def test_a_malformed_id_is_a_400(client_for, recruiter):
    response = client_for(recruiter).delete("/webhooks/not-a-uuid")
    assert response.status_code == 400


def test_with_the_database_backend_a_retry_is_a_task_deferred_to_its_time(
    recruiter, hook, receiver, settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    from webhooks.services import delivery_attempt

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    receiver.answers = [500]
    with django_capture_on_commit_callbacks(execute=True):
        [delivery] = publish(owner=recruiter)
    assert receiver.received == []  # queued for a worker, not sent in-process
    with django_capture_on_commit_callbacks(execute=True):
        delivery_attempt(delivery_id=str(delivery.pk))  # what the worker runs
    delivery.refresh_from_db()
    retry = DBTaskResult.objects.order_by("-enqueued_at").first()
    assert retry.run_after == delivery.next_attempt_at
    assert retry.args_kwargs["args"] == [str(delivery.pk)]
    assert DBTaskResult.objects.count() == 2
