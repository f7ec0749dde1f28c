"""The /ai-interview/* REST endpoints: status, results, deletion, health."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.management import call_command
from django.utils import timezone

from interviews import selectors, services
from interviews import state_machine as sm
from interviews.models import InterviewArtifact, InterviewSession
from interviews.tests.factories import ANSWERS, interview_take

# The interview steps run their queries in worker threads, as under a server.
pytestmark = pytest.mark.django_db(transaction=True)


def run_interview(candidate, session_id: str, *, answers=ANSWERS, job=None, end=False):
    fields = {"job_id": str(job.id), "job_description": None} if job else {}
    return interview_take(candidate, session_id, answers=answers, end=end, **fields)


def test_the_status_of_a_running_interview_shows_its_progress(candidate, client_for):
    run_interview(candidate, "st-1", answers=ANSWERS[:2])
    body = client_for(candidate).get("/ai-interview/status/st-1").json()
    assert body["session_id"] == "st-1"
    assert body["status"] == "in_progress"
    assert (body["questions_asked"], body["total_questions"]) == (3, 5)
    assert body["progress_percentage"] == 40 and body["has_feedback"] is False
    assert body["interview_phase"] == "follow_up" and "timestamp" in body


def test_results_of_a_finished_interview_hold_the_analysis_and_the_transcript(
    candidate, client_for
):
    frames = run_interview(candidate, "res-1")
    assert [f["type"] for f in frames][-2:] == [
        "analysis_started",
        "interview_completed",
    ]
    response = client_for(candidate).get("/ai-interview/results/res-1")
    assert response.status_code == 200
    body = response.json()
    assert body["analysis"] == frames[-1]["analysis"]
    data = body["interview_data"]
    assert (data["questions_asked"], data["total_messages"]) == (5, 10)
    assert data["completion_time"] and data["early_termination"] is False
    (artifact,) = body["artifacts"]
    assert artifact["type"] == "transcript" and artifact["size_bytes"] > 0
    stored = InterviewArtifact.objects.get()
    transcript = json.loads(stored.file.read())
    assert [
        m["content"] for m in transcript["messages"] if m["role"] == "candidate"
    ] == list(ANSWERS)
    assert (
        transcript["analysis"]["recommendation"] == body["analysis"]["recommendation"]
    )


def test_the_status_of_a_finished_interview_says_it_has_feedback(candidate, client_for):
    run_interview(candidate, "st-2", answers=ANSWERS[:1], end=True)
    body = client_for(candidate).get("/ai-interview/status/st-2").json()
    assert body["status"] == "completed" and body["has_feedback"] is True
    assert (
        body["early_termination"] is True and body["interview_phase"] == "ended_early"
    )
    assert body["progress_percentage"] == 100


def test_results_are_409_while_the_interview_runs(candidate, client_for):
    run_interview(candidate, "res-2", answers=ANSWERS[:1])
    response = client_for(candidate).get("/ai-interview/results/res-2")
    assert response.status_code == 409
    assert response.json() == {
        "detail": selectors.SESSION_NOT_FINISHED,
        "code": "not_finished",
    }


def test_an_unknown_session_is_404(candidate, client_for):
    for url in ("/ai-interview/status/nope", "/ai-interview/results/nope"):
        response = client_for(candidate).get(url)
        assert response.status_code == 404 and response.json()["code"] == "not_found"
    assert client_for(candidate).delete("/ai-interview/session/nope").status_code == 404


def test_anonymous_callers_are_401(candidate, api):
    run_interview(candidate, "anon-1", answers=[])
    assert api.get("/ai-interview/status/anon-1").status_code == 401
    assert api.delete("/ai-interview/session/anon-1").status_code == 401


def test_another_candidate_cannot_read_or_delete_a_session(
    candidate, stranger, client_for
):
    run_interview(candidate, "priv-1")
    client = client_for(stranger)
    for response in (
        client.get("/ai-interview/status/priv-1"),
        client.get("/ai-interview/results/priv-1"),
        client.delete("/ai-interview/session/priv-1"),
    ):
        assert response.status_code == 403
        assert response.json()["detail"] == selectors.NOT_YOURS
    assert InterviewSession.objects.filter(session_id="priv-1").exists()


def test_the_recruiter_of_the_job_reads_the_results_and_another_recruiter_cannot(
    candidate, recruiter, other_recruiter, job, client_for
):
    run_interview(candidate, "rec-1", job=job)
    assert client_for(recruiter).get("/ai-interview/results/rec-1").status_code == 200
    assert (
        client_for(other_recruiter).get("/ai-interview/results/rec-1").status_code
        == 403
    )


def test_trusted_mode_answers_by_session_id_alone(trusted_mode, candidate, api):
    run_interview(candidate, "tr-1")
    assert api.get("/ai-interview/status/tr-1").status_code == 200
    assert api.get("/ai-interview/results/tr-1").status_code == 200
    response = api.delete("/ai-interview/session/tr-1")
    assert response.json()["message"] == "Session tr-1 cleaned up successfully"


def test_deleting_a_session_removes_it_and_its_transcript_file(candidate, client_for):
    run_interview(candidate, "del-1")
    artifact = InterviewArtifact.objects.get()
    storage, name = artifact.file.storage, artifact.file.name
    assert storage.exists(name)
    response = client_for(candidate).delete("/ai-interview/session/del-1")
    assert response.status_code == 200
    assert response.json()["message"] == "Session del-1 cleaned up successfully"
    assert not InterviewSession.objects.filter(session_id="del-1").exists()
    assert not storage.exists(name)


def test_health_counts_active_sessions_from_the_database(candidate, api):
    run_interview(candidate, "h-1", answers=ANSWERS[:1])
    run_interview(candidate, "h-2")  # finished: not active
    run_interview(candidate, "h-3", answers=[])
    InterviewSession.objects.filter(session_id="h-3").update(
        last_activity=timezone.now() - dt.timedelta(hours=2)
    )
    body = api.get("/ai-interview/health").json()
    assert body["status"] == "healthy" and body["service"] == "AI Interview WebSocket"
    assert body["active_sessions"] == 1 and body["version"] and body["timestamp"]


def test_the_expire_command_expires_idle_sessions_only(candidate, settings):
    settings.OPENHIRE_INTERVIEW_IDLE_MINUTES = 30
    run_interview(candidate, "old-1", answers=ANSWERS[:2])
    run_interview(candidate, "new-1", answers=ANSWERS[:2])
    run_interview(candidate, "done-1")
    InterviewSession.objects.filter(session_id__in=["old-1", "done-1"]).update(
        last_activity=timezone.now() - dt.timedelta(minutes=45)
    )
    call_command("expire_interviews")
    phases = dict(InterviewSession.objects.values_list("session_id", "interview_phase"))
    assert phases == {
        "old-1": sm.EXPIRED,
        "new-1": sm.FOLLOW_UP,
        "done-1": sm.COMPLETED,
    }


def test_an_expired_session_reports_expired_and_refuses_answers(candidate, client_for):
    run_interview(candidate, "exp-1", answers=ANSWERS[:1])
    InterviewSession.objects.filter(session_id="exp-1").update(
        last_activity=timezone.now() - dt.timedelta(minutes=31)
    )
    assert (
        client_for(candidate).get("/ai-interview/status/exp-1").json()["status"]
        == "expired"
    )
    with pytest.raises(services.OpenHireError) as caught:
        run_interview(candidate, "exp-1", answers=["late"])
    assert caught.value.message == sm.SESSION_EXPIRED


def test_the_routes_are_listed_and_documented(api):
    paths = {route["path"] for route in api.get("/").json()["endpoints"]}
    assert {
        "/ai-interview/status/{session_id}",
        "/ai-interview/results/{session_id}",
        "/ai-interview/session/{session_id}",
        "/ai-interview/health",
        "/ws/ai-interview",
    } <= paths
    schema = api.get("/openapi.json").json()
    assert "/ai-interview/results/{session_id}" in schema["paths"]
