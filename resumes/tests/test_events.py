"""A candidate's review is announced: application.created once, review.completed each time."""

import json

import pytest

from webhooks.models import WebhookEndpoint

pytestmark = pytest.mark.django_db(transaction=True)
RESUME = "Backend engineer: 5 years of Python, Django and PostgreSQL."


def test_a_candidates_reviews_are_announced_to_the_jobs_recruiter(
    client_for, recruiter, candidate, job, webhook_receiver
):
    WebhookEndpoint.objects.create(
        owner=recruiter,
        url=webhook_receiver.url,
        events=["application.created", "review.completed"],
        secret="whsec_test",
    )
    client = client_for(candidate)
    for _ in range(2):
        response = client.post(
            "/review-resume", {"resume": RESUME, "job_id": str(job.pk)}, format="json"
        )
        assert response.status_code == 200
    bodies = [json.loads(r.body) for r in webhook_receiver.received]
    assert [b["type"] for b in bodies] == [
        "application.created",
        "review.completed",
        "review.completed",
    ]
    review = bodies[1]["data"]
    assert review["job_id"] == str(job.pk)
    assert review["candidate_id"] == candidate.public_id
    assert review["trigger"] == "submission"
    assert isinstance(review["score"], int)


def test_an_anonymous_review_announces_nothing(api, recruiter, job, webhook_receiver):
    WebhookEndpoint.objects.create(
        owner=recruiter,
        url=webhook_receiver.url,
        events=["review.completed"],
        secret="s",
    )
    api.post("/review-resume", {"resume": RESUME, "job_id": str(job.pk)}, format="json")
    assert webhook_receiver.received == []
