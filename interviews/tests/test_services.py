"""Interview services: writes that race, idempotent steps, input cleaning."""

from __future__ import annotations

import pytest

from interviews import services
from interviews import state_machine as sm
from interviews.models import InterviewSession
from interviews.tests.factories import ANSWERS, JOB_TEXT, RESUME
from openhire.errors import OpenHireError

pytestmark = pytest.mark.django_db


@pytest.fixture
def remote_engine(monkeypatch):
    """Take the two-step path of engines that call a model: answer, then ask."""
    from unittest import mock

    import ai as llm

    monkeypatch.setattr(
        llm,
        "engine_is_local",
        mock.create_autospec(llm.engine_is_local, return_value=False),
    )


def started(candidate, session_id: str = "svc-1") -> InterviewSession:
    services.interview_initialize(
        session_id=session_id,
        candidate=candidate,
        payload={"job_description": JOB_TEXT, "candidate_resume": RESUME},
    )
    services.interview_advance(session_id=session_id)
    return InterviewSession.objects.get(session_id=session_id)


def test_a_stale_write_is_refused_and_the_row_is_unchanged(candidate):
    session = started(candidate)
    stale = InterviewSession.objects.get(pk=session.pk)
    services.interview_submit_answer(
        session_id="svc-1", candidate=candidate, answer=ANSWERS[0]
    )
    state = services._state(stale).apply(sm.Answer("a stale answer"))
    assert services._commit(stale, state) is False
    fresh = InterviewSession.objects.get(pk=session.pk)
    assert fresh.state["turns"][0]["answer"] == ANSWERS[0]
    assert fresh.version == session.version + 1


def test_advancing_twice_asks_the_question_once(candidate, remote_engine):
    started(candidate)
    services.interview_submit_answer(
        session_id="svc-1", candidate=candidate, answer=ANSWERS[0]
    )
    first = services.interview_advance(session_id="svc-1")
    again = services.interview_advance(session_id="svc-1")
    assert again == []
    assert first[0]["question_number"] == 2
    assert InterviewSession.objects.get(session_id="svc-1").questions_asked == 2


def test_a_question_generated_for_a_stale_state_is_not_stored(
    candidate, monkeypatch, remote_engine
):
    started(candidate)
    services.interview_submit_answer(
        session_id="svc-1", candidate=candidate, answer=ANSWERS[0]
    )
    real_ask = services._ask
    raced = []

    def ask_while_another_worker_moves_on(session, state):
        question = real_ask(session, state)
        if not raced:  # once: the racing worker asks Q2 and it is answered
            raced.append(True)
            services.interview_advance(session_id="svc-1")
            services.interview_submit_answer(
                session_id="svc-1", candidate=candidate, answer=ANSWERS[1]
            )
        return question

    monkeypatch.setattr(services, "_ask", ask_while_another_worker_moves_on)
    services.interview_advance(session_id="svc-1")
    session = InterviewSession.objects.get(session_id="svc-1")
    assert session.questions_asked == 2  # Q3 is pending, not a second copy of Q2
    assert services._state(session).needs_question


def test_an_in_process_engine_asks_the_next_question_in_the_answers_write(
    candidate, data_queries
):
    started(candidate)
    with data_queries() as captured:
        frames = services.interview_submit_answer(
            session_id="svc-1", candidate=candidate, answer=ANSWERS[0]
        )
    assert [f["type"] for f in frames] == ["answer_received", "question"]
    assert frames[1]["question_number"] == 2
    assert [sql.split()[0] for sql in captured.statements] == ["SELECT", "UPDATE"]
    session = InterviewSession.objects.get(session_id="svc-1")
    assert session.questions_asked == 2
    assert session.state["turns"][0]["answer"] == ANSWERS[0]  # committed together
    assert services.interview_advance(session_id="svc-1") == []


def test_a_model_engine_answers_first_and_asks_in_a_second_write(
    candidate, remote_engine
):
    started(candidate)
    frames = services.interview_submit_answer(
        session_id="svc-1", candidate=candidate, answer=ANSWERS[0]
    )
    assert [f["type"] for f in frames] == ["answer_received"]
    assert InterviewSession.objects.get(session_id="svc-1").questions_asked == 1
    asked = services.interview_advance(session_id="svc-1")
    assert [f["type"] for f in asked] == ["question"]


def test_initialising_a_taken_session_id_is_refused(candidate, stranger):
    started(candidate, "taken-1")
    with pytest.raises(OpenHireError) as caught:
        started(stranger, "taken-1")
    assert caught.value.message == services.SESSION_TAKEN


@pytest.mark.parametrize("session_id", ["", None, "1732812345678", "a.b-c_d", "x" * 64])
def test_session_ids_are_accepted_or_generated(session_id):
    cleaned = services.interview_session_id_clean(session_id=session_id)
    assert services.SESSION_ID_PATTERN.match(cleaned)
    if session_id:
        assert cleaned == session_id


@pytest.mark.parametrize("session_id", ["x" * 65, "has space", "semi;colon", "é"])
def test_bad_session_ids_are_refused(session_id):
    with pytest.raises(OpenHireError) as caught:
        services.interview_session_id_clean(session_id=session_id)
    assert caught.value.message == services.INVALID_SESSION_ID


def test_a_structured_job_description_gives_title_and_skills():
    cleaned = services.interview_input_clean(
        payload={
            "job_description": {
                "title": "Data Engineer",
                "skills": ["Spark", "Airflow"],
                "responsibilities": ["Build pipelines"],
            },
            "resume": RESUME,
        }
    )
    assert cleaned.job_spec.title == "Data Engineer"
    assert cleaned.job_spec.skills == ["Spark", "Airflow"]
    assert "Build pipelines" in cleaned.job_spec.description


def test_a_resume_that_is_not_text_is_refused():
    with pytest.raises(OpenHireError) as caught:
        services.interview_input_clean(
            payload={"job_description": JOB_TEXT, "resume": {"pdf": "no"}}
        )
    assert caught.value.code == "invalid_resume"
