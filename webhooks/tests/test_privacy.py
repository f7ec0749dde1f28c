"""A person's webhook data: exported and erased with them."""

import uuid

from webhooks.models import WebhookDelivery, WebhookEndpoint
from webhooks.privacy import retention_purge


def endpoint_of(owner) -> WebhookEndpoint:
    return WebhookEndpoint.objects.create(
        owner=owner,
        url="https://93.184.216.34/hook",
        events=["review.completed"],
        secret="whsec_private",
    )


def delivery_naming(endpoint, person) -> WebhookDelivery:
    body = f'{{"data":{{"candidate_id":"{person.public_id}"}}}}'
    return WebhookDelivery.objects.create(
        endpoint=endpoint, event="review.completed", event_id=uuid.uuid4(), body=body
    )


def test_a_recruiters_export_lists_their_webhooks_without_the_secret(
    client_for, recruiter
):
    endpoint_of(recruiter)
    data = client_for(recruiter).get("/users/me/export").json()
    assert [w["url"] for w in data["webhooks"]] == ["https://93.184.216.34/hook"]
    assert "whsec_private" not in str(data)


def test_erasing_a_candidate_deletes_the_deliveries_that_name_them(
    client_for, recruiter, candidate, stranger
):
    endpoint = endpoint_of(recruiter)
    delivery_naming(endpoint, candidate)
    kept = delivery_naming(endpoint, stranger)
    assert client_for(candidate).delete("/users/me").status_code == 200
    assert list(WebhookDelivery.objects.all()) == [kept]


def test_erasing_a_recruiter_deletes_their_endpoints(client_for, recruiter):
    endpoint_of(recruiter)
    assert client_for(recruiter).delete("/users/me").status_code == 200
    assert not WebhookEndpoint.objects.exists()


def test_the_retention_purge_deletes_old_deliveries(recruiter, candidate):
    import datetime as dt

    from django.utils import timezone

    old = delivery_naming(endpoint_of(recruiter), candidate)
    WebhookDelivery.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - dt.timedelta(days=40)
    )
    assert retention_purge(before=timezone.now() - dt.timedelta(days=30)) == 1
