"""Interview services: writes that race, idempotent steps, input cleaning."""

from __future__ import annotations

from unittest import mock

import pytest
from channels.db import database_sync_to_async

import ai as llm
from interviews import inputs, services, store
from interviews import state_machine as sm
from interviews.models import InterviewSession
from interviews.tests.factories import ANSWERS, JOB_TEXT, RESUME, interview_drive
from openhire.errors import OpenHireError

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def remote_engine(monkeypatch):
    """Take the two-step path of engines that call a model: answer, then ask."""
    monkeypatch.setattr(
        llm,
        "engine_is_local",
        mock.create_autospec(llm.engine_is_local, return_value=False),
    )


@pytest.fixture
def queries_anywhere(monkeypatch):
    """Record the SQL every thread runs (the steps query from worker threads).

    Throttle counts in the database cache (no REDIS_URL) are left out, as
    `data_queries` does: they are the throttle's cost, not the interview's.
    """
    from django.db.backends.utils import CursorWrapper

    statements: list[str] = []
    execute = CursorWrapper._execute

    def recorded(self, sql, *args, **kwargs):
        if not sql.lstrip().upper().startswith(("SAVEPOINT", "RELEASE", "BEGIN")) and (
            "openhire_cache" not in sql
        ):
            statements.append(sql)
        return execute(self, sql, *args, **kwargs)

    monkeypatch.setattr(CursorWrapper, "_execute", recorded)
    return statements


@database_sync_to_async
def stored(session_id: str = "svc-1") -> InterviewSession:
    return InterviewSession.objects.get(session_id=session_id)


async def submit(candidate, answer: str, session_id: str = "svc-1") -> services.Reply:
    return await services.interview_submit_answer(
        session_id=session_id, candidate=candidate, answer=answer
    )


async def test_a_stale_write_is_refused_and_the_row_is_unchanged(candidate):
    await interview_drive(candidate, "svc-1", answers=())
    stale = await stored()
    await submit(candidate, ANSWERS[0])
    state = store.session_state(stale).apply(sm.Answer("a stale answer"))
    assert await database_sync_to_async(store.session_commit)(stale, state) is False
    fresh = await stored()
    assert fresh.state["turns"][0]["answer"] == ANSWERS[0]
    assert fresh.version == stale.version + 1


async def test_advancing_twice_asks_the_question_once(candidate, remote_engine):
    await interview_drive(candidate, "svc-1", answers=())
    reply = await submit(candidate, ANSWERS[0])
    assert reply.pending
    first = await services.interview_advance(session_id="svc-1")
    again = await services.interview_advance(session_id="svc-1")
    assert again.frames == [] and not again.pending
    assert first.frames[0]["question_number"] == 2
    assert (await stored()).questions_asked == 2


async def test_a_question_generated_for_a_stale_state_is_not_stored(
    candidate, monkeypatch, remote_engine
):
    await interview_drive(candidate, "svc-1", answers=())
    await submit(candidate, ANSWERS[0])
    real_ask = llm.anext_question
    raced = []

    async def ask_while_another_worker_moves_on(**kwargs):
        question = await real_ask(**kwargs)
        if not raced:  # once: the racing worker asks Q2 and it is answered
            raced.append(True)
            await services.interview_advance(session_id="svc-1")
            await submit(candidate, ANSWERS[1])
        return question

    monkeypatch.setattr(llm, "anext_question", ask_while_another_worker_moves_on)
    await services.interview_advance(session_id="svc-1")
    session = await stored()
    assert session.questions_asked == 2  # Q3 is pending, not a second copy of Q2
    assert store.session_state(session).needs_question


async def test_an_in_process_engine_asks_the_next_question_in_the_answers_write(
    candidate, queries_anywhere
):
    await interview_drive(candidate, "svc-1", answers=())
    queries_anywhere.clear()
    reply = await submit(candidate, ANSWERS[0])
    assert [f["type"] for f in reply.frames] == ["answer_received", "question"]
    assert reply.frames[1]["question_number"] == 2 and not reply.pending
    assert [sql.split()[0] for sql in queries_anywhere] == ["SELECT", "UPDATE"]
    session = await stored()
    assert session.questions_asked == 2
    assert session.state["turns"][0]["answer"] == ANSWERS[0]  # committed together
    assert (await services.interview_advance(session_id="svc-1")).frames == []


async def test_a_model_engine_answers_first_and_asks_in_a_second_write(
    candidate, remote_engine
):
    await interview_drive(candidate, "svc-1", answers=())
    reply = await submit(candidate, ANSWERS[0])
    assert [f["type"] for f in reply.frames] == ["answer_received"]
    assert reply.pending and (await stored()).questions_asked == 1
    asked = await services.interview_advance(session_id="svc-1")
    assert [f["type"] for f in asked.frames] == ["question"]


async def test_a_model_engine_turn_is_one_read_and_two_writes(
    candidate, remote_engine, queries_anywhere
):
    await interview_drive(candidate, "svc-1", answers=())
    queries_anywhere.clear()
    reply = await submit(candidate, ANSWERS[0])
    asked = await services.interview_advance(session_id="svc-1", session=reply.session)
    assert [f["type"] for f in asked.frames] == ["question"]
    assert [sql.split()[0] for sql in queries_anywhere] == [
        "SELECT",
        "UPDATE",
        "UPDATE",
    ]
    session = await stored()
    assert session.questions_asked == 2
    assert session.state["turns"][0]["answer"] == ANSWERS[0]


async def test_a_handed_on_session_that_went_stale_is_read_again(
    candidate, remote_engine
):
    await interview_drive(candidate, "svc-1", answers=())
    reply = await submit(candidate, ANSWERS[0])
    other = await services.interview_advance(session_id="svc-1")  # another socket
    late = await services.interview_advance(session_id="svc-1", session=reply.session)
    assert [f["type"] for f in other.frames] == ["question"]
    # The stored question stands: the late step sends it, it does not ask again.
    assert [f["question"] for f in late.frames] == [other.frames[0]["question"]]
    assert (await stored()).questions_asked == 2


async def test_an_answer_takes_one_database_step(candidate, monkeypatch):
    await interview_drive(candidate, "svc-1", answers=())
    steps: list[str] = []
    threaded = services._db

    def counted(function):
        steps.append(function.__name__)
        return threaded(function)

    monkeypatch.setattr(services, "_db", counted)
    reply = await submit(candidate, ANSWERS[0])
    assert [f["type"] for f in reply.frames] == ["answer_received", "question"]
    assert steps == ["_event_commit"]


async def test_each_answer_is_stored_once_and_the_transcript_is_derived(candidate):
    await interview_drive(candidate, "svc-1", answers=ANSWERS[:2])
    session = await stored()
    assert "conversation_history" not in {f.name for f in session._meta.fields}
    history = session.conversation_history
    assert [m["content"] for m in history if m["role"] == "candidate"] == list(
        ANSWERS[:2]
    )
    assert all(m["timestamp"] for m in history)
    assert [m["question_number"] for m in history] == [1, 1, 2, 2, 3]


async def test_initialising_a_taken_session_id_is_refused(candidate, stranger):
    await interview_drive(candidate, "taken-1", answers=())
    with pytest.raises(OpenHireError) as caught:
        await interview_drive(stranger, "taken-1", answers=())
    assert caught.value.message == services.SESSION_TAKEN
    assert caught.value.code == "already_initialized"


async def test_initialising_again_is_answered_like_a_reconnect(candidate):
    first = await interview_drive(candidate, "again-1", answers=ANSWERS[:1])
    again = await interview_drive(candidate, "again-1", answers=())
    assert [f["type"] for f in again] == ["interview_initialized", "question"]
    assert again[1]["question"] == first[-1]["question"]
    assert again[1]["question_number"] == 2


@pytest.mark.parametrize(
    "session_id", ["", None, "1732812345678", "a.b-c_d", "x" * 128, "..a"]
)
def test_session_ids_are_accepted_or_generated(session_id):
    cleaned = inputs.interview_session_id_clean(session_id=session_id)
    assert inputs.SESSION_ID_PATTERN.match(cleaned)
    if session_id:
        assert cleaned == session_id


@pytest.mark.parametrize(
    "session_id", ["x" * 129, "has space", "semi;colon", "é", ".", "..", "a/b"]
)
def test_bad_session_ids_are_refused(session_id):
    with pytest.raises(OpenHireError) as caught:
        inputs.interview_session_id_clean(session_id=session_id)
    assert caught.value.message == inputs.INVALID_SESSION_ID


def test_a_structured_job_description_gives_title_and_skills():
    cleaned = inputs.interview_input_clean(
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
        inputs.interview_input_clean(
            payload={"job_description": JOB_TEXT, "resume": {"pdf": "no"}}
        )
    assert caught.value.code == "invalid_resume"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (  # the FT client's free-text job (openhire-frontend-testing, issue 12 §7)
            "We are hiring a backend engineer with 4+ years of experience in "
            "Python and PostgreSQL. You will own our billing APIs.",
            "backend engineer",
        ),
        (
            "We are looking for an experienced Registered Nurse to join our ICU.",
            "Registered Nurse",
        ),
        (
            "Position: Account Executive\nWe sell software to hospitals.",
            "Account Executive",
        ),
        (
            "Senior Backend Engineer. Build our hiring APIs with Python.",
            "Senior Backend Engineer",
        ),
        ("Our clinic is seeking a dental hygienist, part-time.", "dental hygienist"),
        ("Join us! Build great things with great people every day.", "this role"),
    ],
)
def test_a_free_text_job_gives_a_role_title_that_reads_well(text, title):
    assert inputs.role_title(text) == title


async def test_an_in_process_engine_starts_an_interview_in_one_read_and_one_insert(
    candidate, queries_anywhere
):
    frames = await interview_drive(candidate, "svc-1", answers=())
    assert [f["type"] for f in frames] == ["interview_initialized", "question"]
    # The candidate's session lookup, then the session with its first question.
    assert [sql.split()[0] for sql in queries_anywhere] == ["SELECT", "INSERT"]
    session = await stored()
    assert session.questions_asked == 1
    assert session.ai_meta["questions"][0]["question_type"] == "greeting"


async def test_a_finished_interview_is_not_retaken_until_a_recruiter_allows_it(
    candidate, job
):
    from resumes.models import Application
    from resumes.services import applications_allow_retake

    frames = await interview_drive(candidate, "first-take", job_id=str(job.id))
    assert frames[-1]["type"] == "interview_completed"
    with pytest.raises(OpenHireError) as refused:
        await interview_drive(candidate, "second-take", job_id=str(job.id))
    assert refused.value.code == "retake_not_allowed"
    assert not await database_sync_to_async(
        InterviewSession.objects.filter(session_id="second-take").exists
    )()

    @database_sync_to_async
    def allow() -> None:
        Application.objects.create(
            job=job, candidate=candidate, resume_text="r", resume_format="txt"
        )
        applications_allow_retake(applications=Application.objects.all())

    await allow()
    frames = await interview_drive(candidate, "second-take", job_id=str(job.id))
    assert frames[-1]["type"] == "interview_completed"
    with pytest.raises(OpenHireError):  # one allowance, one retake
        await interview_drive(candidate, "third-take", job_id=str(job.id))
