"""Moving applications through the pipeline over HTTP, from every side."""

from __future__ import annotations

import pytest

from hiring.models import Decision
from hiring.signoff import MSG_REASON_REQUIRED
from interviews.tests.factories import ANSWERS, interview_session_make
from resumes.models import Application
from resumes.services import MSG_STATUS_RECRUITER_ONLY
from resumes.tests.factories import application_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(job, candidate):
    return application_make(job=job, candidate=candidate, score=7)


def _patch(client, application, body):
    return client.patch(f"/applications/{application.id}", body, format="json")


def test_the_recruiter_moves_a_candidate_and_the_decision_is_on_record(
    client_for, recruiter, application
):
    response = _patch(
        client_for(recruiter), application, {"stage": "screened", "reason": "Fits."}
    )
    assert response.status_code == 200
    assert (response.json()["stage"], response.json()["status"]) == (
        "screened",
        "reviewing",
    )
    decision = Decision.objects.get()
    assert (decision.from_stage, decision.to_stage, decision.reason) == (
        "applied",
        "screened",
        "Fits.",
    )
    assert decision.decided_by_id == recruiter.pk
    assert decision.decided_by_role == "recruiter"
    assert decision.ai_snapshot["review"] == {
        "application_id": str(application.id),
        "score": 7,
        "engine": "offline",
        "prompt_version": "",
        "reviewed_at": decision.ai_snapshot["review"]["reviewed_at"],
    }


def test_the_snapshot_holds_the_interviews_the_decider_could_read(
    client_for, recruiter, application, candidate, job
):
    turns = [(f"Question {n}?", answer) for n, answer in enumerate(ANSWERS, 1)]
    session = interview_session_make(
        candidate=candidate, job=job, turns=turns, finished=True, session_id="s-1"
    )
    _patch(client_for(recruiter), application, {"stage": "interview"})
    interviews = Decision.objects.get().ai_snapshot["interviews"]
    assert [each["session_id"] for each in interviews] == ["s-1"]
    assert interviews[0]["overall_score"] == session.analysis["overall_score"]
    assert interviews[0]["recommendation"] == session.analysis["recommendation"]


def test_an_illegal_move_is_a_409_naming_the_allowed_stages_and_writes_nothing(
    client_for, recruiter, application
):
    Application.objects.filter(pk=application.pk).update(stage="offer", status="offer")
    response = _patch(client_for(recruiter), application, {"stage": "screened"})
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "illegal_stage_move"
    assert body["allowed"] == ["hired", "rejected", "withdrawn"]
    assert "allowed next stages: hired, rejected, withdrawn" in body["detail"]
    assert not Decision.objects.exists()
    application.refresh_from_db()
    assert application.stage == "offer"


def test_a_low_scored_rejection_without_a_reason_is_refused(
    client_for, recruiter, job, stranger
):
    low = application_make(job=job, candidate=stranger, score=3)
    response = _patch(client_for(recruiter), low, {"stage": "rejected"})
    assert response.status_code == 400
    assert response.json()["code"] == "reason_required"
    assert response.json()["detail"] == MSG_REASON_REQUIRED.format(
        score="3", threshold="5"
    )
    assert not Decision.objects.exists()
    low.refresh_from_db()
    assert low.stage == "applied"
    again = _patch(
        client_for(recruiter), low, {"stage": "rejected", "reason": "No license."}
    )
    assert again.status_code == 200
    assert Decision.objects.get().reason == "No license."


def test_a_well_scored_rejection_needs_no_reason(client_for, recruiter, application):
    response = _patch(client_for(recruiter), application, {"stage": "rejected"})
    assert response.status_code == 200


def test_the_older_status_body_moves_the_stage_and_is_recorded_too(
    client_for, recruiter, application
):
    response = _patch(client_for(recruiter), application, {"status": "interviewed"})
    assert (response.json()["status"], response.json()["stage"]) == (
        "interviewed",
        "interview",
    )
    assert Decision.objects.get().to_status == "interviewed"
    # A status of the same stage is a note, not a move: no second decision.
    note = _patch(client_for(recruiter), application, {"status": "interview_scheduled"})
    assert note.json()["status"] == "interview_scheduled"
    assert Decision.objects.count() == 1


def test_the_candidate_withdraws_their_own_application(
    client_for, candidate, application
):
    response = _patch(
        client_for(candidate), application, {"stage": "withdrawn", "reason": "Moved."}
    )
    assert response.status_code == 200
    decision = Decision.objects.get()
    assert (decision.decided_by_role, decision.to_stage) == ("candidate", "withdrawn")


def test_the_candidate_cannot_move_themselves_forward(
    client_for, candidate, application
):
    response = _patch(client_for(candidate), application, {"stage": "offer"})
    assert response.status_code == 403
    assert response.json()["detail"] == MSG_STATUS_RECRUITER_ONLY
    assert not Decision.objects.exists()


@pytest.mark.parametrize("who", ["other_recruiter", "stranger"])
def test_nobody_else_moves_or_withdraws_it(request, client_for, application, who):
    client = client_for(request.getfixturevalue(who))
    for stage in ("screened", "withdrawn"):
        assert _patch(client, application, {"stage": stage}).status_code == 403
    assert not Decision.objects.exists()


def test_an_anonymous_caller_is_asked_to_sign_in(api, application):
    assert _patch(api, application, {"stage": "screened"}).status_code == 401


def test_an_unknown_stage_is_a_400_naming_the_stages(
    client_for, recruiter, application
):
    response = _patch(client_for(recruiter), application, {"stage": "promoted"})
    assert response.status_code == 400
    assert "applied, screened, interview, offer, hired" in response.json()["detail"]


def test_the_ledger_reads_as_the_stage_history_for_recruiter_and_candidate(
    client_for, recruiter, candidate, other_recruiter, application
):
    _patch(client_for(recruiter), application, {"stage": "screened"})
    _patch(client_for(recruiter), application, {"stage": "interview"})
    for who in (recruiter, candidate):
        body = client_for(who).get(f"/applications/{application.id}/decisions").json()
        assert [(d["from_stage"], d["to_stage"]) for d in body] == [
            ("applied", "screened"),
            ("screened", "interview"),
        ]
    response = client_for(other_recruiter).get(
        f"/applications/{application.id}/decisions"
    )
    assert response.status_code == 403


def test_no_route_edits_or_deletes_a_decision(client_for, recruiter, application):
    _patch(client_for(recruiter), application, {"stage": "screened"})
    url = f"/applications/{application.id}/decisions"
    client = client_for(recruiter)
    for method in (client.put, client.patch, client.delete, client.post):
        assert method(url, {"reason": "rewritten"}, format="json").status_code == 405
    assert Decision.objects.get().reason == ""
