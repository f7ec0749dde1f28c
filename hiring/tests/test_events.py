"""A recruiter's move reaches their webhook endpoints; a refused move sends nothing."""

import json

import pytest

from resumes.tests.factories import application_make
from webhooks.models import WebhookEndpoint

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def subscribed(recruiter, webhook_receiver):
    WebhookEndpoint.objects.create(
        owner=recruiter,
        url=webhook_receiver.url,
        events=["application.stage_changed"],
        secret="whsec_test",
    )
    return webhook_receiver


def test_a_move_is_announced_with_the_decision_on_record(
    client_for, recruiter, candidate, job, subscribed
):
    application = application_make(job=job, candidate=candidate, score=7)
    response = client_for(recruiter).patch(
        f"/applications/{application.id}",
        {"stage": "interview", "reason": "Strong Django work"},
        format="json",
    )
    assert response.status_code == 200
    (delivery,) = subscribed.received
    body = json.loads(delivery.body)
    assert body["type"] == "application.stage_changed"
    data = body["data"]
    assert (data["from_stage"], data["to_stage"]) == ("applied", "interview")
    assert data["application_id"] == str(application.id)
    assert data["candidate_id"] == candidate.public_id
    assert data["decided_by_role"] == "recruiter"
    decisions = client_for(recruiter).get(f"/applications/{application.id}/decisions")
    assert data["decision_id"] == decisions.json()[0]["id"]


def test_a_refused_move_announces_nothing(
    client_for, recruiter, candidate, job, subscribed
):
    application = application_make(job=job, candidate=candidate, score=2)
    client = client_for(recruiter)
    low_score_rejection = client.patch(
        f"/applications/{application.id}", {"stage": "rejected"}, format="json"
    )
    assert low_score_rejection.status_code == 400
    client.patch(f"/applications/{application.id}", {"stage": "hired"}, format="json")
    backwards = client.patch(
        f"/applications/{application.id}", {"stage": "screened"}, format="json"
    )
    assert backwards.status_code == 409
    assert [json.loads(r.body)["data"]["to_stage"] for r in subscribed.received] == [
        "hired"
    ]
