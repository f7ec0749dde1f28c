"""Batch rescreen: every application re-scored once, idempotent, resumable."""

import datetime as dt
from unittest import mock

import pytest
from django.utils import timezone

import ai
from resumes.models import Application, Rescreen, RescreenStatus
from resumes.rescreen import MSG_NO_RESCREEN, rescreen_applications
from resumes.services import job_hash, job_spec
from resumes.tests.factories import application_make, candidate_make

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
QUEUED_ONLY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
SKILLS = ["Python", "Django", "PostgreSQL", "Docker", "React", "Go", "Kubernetes"]


def applications(job, count: int) -> list[Application]:
    """Applications reviewed against an older job text, each resume different."""
    made = []
    for n in range(count):
        candidate = candidate_make(f"c{n}@example.test", f"Candidate {n}")
        skills = ", ".join(SKILLS[: 1 + n % len(SKILLS)])
        text = f"Candidate {n}. {n % 9 + 1} years building web services with {skills}."
        made.append(application_make(job=job, candidate=candidate, resume_text=text))
    return made


def rescreen_url(job) -> str:
    return f"/jobs/{job.pk}/rescreen"


# Real commits: the immediate backend runs the chunks as the request commits.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def immediate_tasks(settings):
    settings.TASKS = IMMEDIATE


def test_a_rescreen_scores_every_application_against_the_current_job_text(
    client_for, recruiter, job, immediate_tasks
):
    applications(job, 30)
    response = client_for(recruiter).post(rescreen_url(job))
    assert response.status_code == 202
    body = response.json()
    assert (body["status"], body["done"], body["total"]) == ("finished", 30, 30)
    assert (body["scored"], body["skipped"], body["errors"]) == (30, 0, 0)
    current = job_hash(job_spec(job))
    for application in Application.objects.filter(job=job):
        assert application.job_hash == current
        assert application.engine == "offline"
        assert application.details["requirements"]  # stored like a fresh review
    assert client_for(recruiter).get(rescreen_url(job)).json() == body


def test_a_second_rescreen_skips_applications_already_scored(
    client_for, recruiter, job, immediate_tasks
):
    applications(job, 5)
    client = client_for(recruiter)
    client.post(rescreen_url(job))
    with mock.patch("ai.review_resume", autospec=True) as review:
        body = client.post(rescreen_url(job)).json()
    review.assert_not_called()
    assert (body["skipped"], body["scored"], body["status"]) == (5, 0, "finished")


def test_a_post_while_a_rescreen_runs_returns_the_running_one(
    client_for, recruiter, job, immediate_tasks
):
    applications(job, 3)
    running = Rescreen.objects.create(
        job=job, job_hash=job_hash(job_spec(job)), engine="offline", total=3
    )
    response = client_for(recruiter).post(rescreen_url(job))
    assert response.status_code == 200
    assert response.json()["id"] == str(running.pk)
    assert Rescreen.objects.count() == 1


def test_a_rescreen_killed_midway_resumes_with_exactly_the_unscored(
    client_for, recruiter, job, settings
):
    made = applications(job, 40)
    settings.TASKS = QUEUED_ONLY  # the chunks are queued, no worker runs them
    started = client_for(recruiter).post(rescreen_url(job)).json()
    rescreen = Rescreen.objects.get(pk=started["id"])
    spec = job_spec(job)
    # A worker stored its first chunks this far, then died.
    rescreen_applications(
        rescreen=rescreen, applications=made[:17], spec=spec, announce=False
    )
    Rescreen.objects.update(heartbeat_at=timezone.now() - dt.timedelta(hours=1))
    assert client_for(recruiter).get(rescreen_url(job)).json()["stalled"] is True

    settings.TASKS = IMMEDIATE
    real = ai.review_resume
    with mock.patch("ai.review_resume", autospec=True, side_effect=real) as review:
        response = client_for(recruiter).post(rescreen_url(job))
    assert response.status_code == 202
    assert review.call_count == 40 - 17  # exactly the unscored ones
    body = response.json()
    assert (body["status"], body["scored"], body["done"], body["total"]) == (
        "finished",
        40,
        40,
        40,
    )
    assert body["generation"] == 1


def test_a_changed_job_text_supersedes_a_running_rescreen(
    client_for, recruiter, job, immediate_tasks
):
    applications(job, 2)
    old = Rescreen.objects.create(job=job, job_hash="0" * 64, engine="offline")
    body = client_for(recruiter).post(rescreen_url(job)).json()
    old.refresh_from_db()
    assert old.status == RescreenStatus.SUPERSEDED
    assert body["id"] != str(old.pk) and body["scored"] == 2


def test_only_the_jobs_recruiter_can_rescreen(
    api, client_for, other_recruiter, candidate, recruiter, job, immediate_tasks
):
    for client in (client_for(other_recruiter), client_for(candidate)):
        assert client.post(rescreen_url(job)).status_code == 403
        assert client.get(rescreen_url(job)).status_code == 403
    assert api.post(rescreen_url(job)).status_code == 401
    assert not Rescreen.objects.exists()
    response = client_for(recruiter).get(rescreen_url(job))
    assert response.status_code == 404
    assert response.json()["detail"] == MSG_NO_RESCREEN


def test_an_application_the_engine_cannot_review_is_counted_as_an_error(
    client_for, recruiter, job, immediate_tasks
):
    applications(job, 3)
    real = ai.review_resume

    def flaky(*, resume_text, job):
        if resume_text.startswith("Candidate 1."):
            raise RuntimeError("model exploded")
        return real(resume_text=resume_text, job=job)

    with mock.patch("ai.review_resume", autospec=True, side_effect=flaky):
        body = client_for(recruiter).post(rescreen_url(job)).json()
    assert (body["scored"], body["errors"], body["done"]) == (2, 1, 3)
    assert body["error_samples"][0]["message"] == "RuntimeError: model exploded"


def test_each_rescored_application_is_announced_as_review_completed(
    client_for, recruiter, job, immediate_tasks, webhook_receiver
):
    import json

    from webhooks.models import WebhookEndpoint

    WebhookEndpoint.objects.create(
        owner=recruiter,
        url=webhook_receiver.url,
        events=["review.completed"],
        secret="s",
    )
    made = applications(job, 3)
    client_for(recruiter).post(rescreen_url(job))
    data = [json.loads(r.body)["data"] for r in webhook_receiver.received]
    assert sorted(d["application_id"] for d in data) == sorted(str(a.pk) for a in made)
    assert {d["trigger"] for d in data} == {"rescreen"}
    assert {d["job_hash"] for d in data} == {job_hash(job_spec(job))}
