"""A finished interview is announced to its job's recruiter as interview.completed."""

import json

import pytest

from interviews.tests.factories import interview_take
from webhooks.models import WebhookEndpoint

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_finished_interview_is_sent_to_the_jobs_recruiter(
    recruiter, other_recruiter, candidate, job, webhook_receiver
):
    for owner in (recruiter, other_recruiter):
        WebhookEndpoint.objects.create(
            owner=owner,
            url=webhook_receiver.url,
            events=["interview.completed"],
            secret="whsec_test",
        )
    interview_take(candidate, "evt-1", job_id=str(job.pk))
    [request] = webhook_receiver.received
    body = json.loads(request.body)
    assert body["type"] == "interview.completed"
    assert body["data"]["session_id"] == "evt-1"
    assert body["data"]["job_id"] == str(job.pk)
    assert body["data"]["recommendation"]
    assert body["data"]["ended_early"] is False
