"""Run AI interviews: open, initialise, answer, end, analyse.

The WebSocket steps are coroutines that return a `Reply`: the frames the
client must receive, in order (built by `interviews.protocol`), and whether a
step is still `pending` (the next question or the analysis), which
`interview_advance` then does. Every state change is committed before the reply
is returned, so a frame announces only what is stored and any worker can serve
the next message. The rules live in `interviews.state_machine`; an illegal move
surfaces as `OpenHireError`, which the consumer sends as an `error` frame.
The REST reads are in `interviews.selectors`; keeping and removing sessions
(transcripts, expiry, deletion) in `interviews.retention`.

Model calls are awaited on the event loop (`ai.anext_question`,
`ai.aanalyze_interview`); only the short database steps of `interviews.store`
run in a thread (`database_sync_to_async`), never around a model call.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from typing import Any

from channels.db import database_sync_to_async
from django.db import close_old_connections
from django.utils import timezone

import ai as llm
from accounts.identity import identify
from accounts.models import Role, User
from accounts.policies import interview_retake_error
from ai.offline import OfflineEngine
from ai.types import InterviewAnalysis, InterviewContext, JobSpec
from interviews import protocol, store
from interviews import state_machine as sm
from interviews.events import interview_completed_publish
from interviews.inputs import (
    InterviewInput,
    interview_input_clean,
    interview_session_id_clean,
)
from interviews.models import InterviewSession
from interviews.retention import interview_transcript_store
from interviews.selectors import SESSION_NOT_FOUND, interviews_finished_count
from jobs.models import Job
from openhire.errors import OpenHireError
from openhire.throttling import ai_throttle_wait
from resumes.services import application_retakes_allowed

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5

# --- user-facing messages (asserted by tests) -----------------------------------

SESSION_TAKEN = store.SESSION_TAKEN
CANDIDATE_REQUIRED = (
    "An identified candidate is required: connect with ?token=<token>"
    " (or send candidate_id when the server trusts client ids)."
)
CANDIDATES_ONLY = "Only candidates can take interviews."
BUSY = "The interview was changed by another connection at the same time; try again."


def _db(function):
    """Run a short database step in the thread pool (never a model call).

    The step's connection goes back to the pool as the step ends, in the step's
    own context (with PostgreSQL's pool, a connection left open there would be
    held until the worker thread next ran a step).
    """

    def released(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        finally:
            close_old_connections()

    return database_sync_to_async(released, thread_sensitive=False)


def _apply(state: sm.InterviewState, event: sm.Event) -> sm.InterviewState:
    try:
        return state.apply(event)
    except sm.IllegalMove as exc:
        raise OpenHireError(exc.message, exc.code, status=409) from None


def _now() -> str:
    return timezone.now().isoformat()


def _busy() -> OpenHireError:
    return OpenHireError(BUSY, "conflict", status=409)


@dataclass(frozen=True)
class Reply:
    """Frames to send, in order; `pending` when `interview_advance` must follow.

    `session` is the row as this step wrote it: handed to `interview_advance`,
    it spares that step a read (a racing write is still caught by its
    compare-and-set).
    """

    frames: list[protocol.Frame] = field(default_factory=list)
    pending: bool = False
    session: InterviewSession | None = field(default=None, compare=False, repr=False)

    def after(self, *frames: protocol.Frame) -> Reply:
        """Return this reply with `frames` sent first."""
        return Reply([*frames, *self.frames], self.pending, self.session)


def _resume(session: InterviewSession) -> Reply:
    """Return what a (re)connecting client must see to continue where it was."""
    state = store.session_state(session)
    if state.is_finished:
        return Reply(
            [
                protocol.completed(
                    session.session_id, session.analysis, ended_early=state.ended_early
                )
            ]
        )
    if state.phase == sm.EXPIRED:
        return Reply([protocol.error(sm.SESSION_EXPIRED, "session_expired")])
    if state.current_turn is not None:
        return Reply([protocol.question(session.session_id, state)])
    pending = state.needs_question or state.phase == sm.ANALYSING
    return Reply(pending=pending, session=session)


# --- identity and opening ------------------------------------------------------------


def _candidate(user: User | None, claimed_id: object) -> User:
    candidate = identify(user, claimed_id=claimed_id, field="candidate_id")
    if candidate is None:
        raise OpenHireError(CANDIDATE_REQUIRED, "not_authenticated", status=401)
    if candidate.role != Role.CANDIDATE:
        raise OpenHireError(CANDIDATES_ONLY, "wrong_role", status=403)
    return candidate


async def interview_candidate_resolve(*, user: User | None, claimed_id: object) -> User:
    """Return the candidate of a socket: the token user, or in trusted mode the claim.

    A token user whose id differs from a claimed candidate_id is refused (403);
    a socket with neither is refused (401); recruiters cannot take interviews.
    With a token user no query is made (and no thread is used).
    """
    if user is not None:
        return _candidate(user, claimed_id)
    return await _db(_candidate)(user, claimed_id)


@dataclass(frozen=True)
class Opened:
    """An accepted socket: its session id and the frames it receives first."""

    session_id: str
    reply: Reply


async def interview_open(*, session_id: str | None, candidate: User | None) -> Opened:
    """Check a connecting socket's session id; resume the session when it exists."""
    session_id = interview_session_id_clean(session_id=session_id)
    greeting = protocol.greeting(session_id)
    session = None
    if candidate is not None:  # in trusted mode identity may come with the init
        session = await _db(store.session_owned)(
            session_id=session_id, candidate=candidate
        )
    if session is None:
        return Opened(session_id, Reply(greeting))
    return Opened(session_id, _resume(session).after(*greeting))


# --- initialising -----------------------------------------------------------------


def _session_or_input(
    session_id: str, candidate: User, payload: dict[str, Any]
) -> InterviewSession | InterviewInput:
    """Return the candidate's existing session, else the validated init fields."""
    session = store.session_owned(
        session_id=session_id, candidate=candidate, code="already_initialized"
    )
    if session is not None:
        return session
    cleaned = interview_input_clean(payload=payload)
    if cleaned.job is not None:
        _retake_check(candidate, cleaned.job)
    return cleaned


def _retake_check(candidate: User, job: Job) -> None:
    """Refuse a new session for a job whose interview the candidate finished.

    A finished interview is a record (issue 14): a new one needs a recruiter's
    allowance on the application (`applications_allow_retake`).
    """
    error = interview_retake_error(
        finished_for_job=interviews_finished_count(candidate=candidate, job=job),
        retakes_allowed=application_retakes_allowed(
            job_id=job.pk, candidate_id=candidate.pk
        ),
    )
    if error:
        raise OpenHireError(error, "retake_not_allowed", status=403)


def _session_created(
    session_id: str,
    candidate: User,
    cleaned: InterviewInput,
    state: sm.InterviewState,
    ai_meta: dict[str, Any],
) -> InterviewSession:
    """Insert the session; when a racing socket created it first, return theirs."""
    owned = {"session_id": session_id, "candidate": candidate}
    session = store.session_create(
        **owned, cleaned=cleaned, state=state, ai_meta=ai_meta
    )
    if session is None:  # answered as a reconnect
        session = store.session_owned(**owned, code="already_initialized")
    return session


async def _first_state(
    session_id: str, cleaned: InterviewInput
) -> tuple[sm.InterviewState, dict[str, Any]]:
    """Return the initialised state; an in-process engine's first question asked."""
    state = sm.InterviewState().apply(sm.Initialize())
    if not llm.engine_is_local():
        return state, {}
    context = InterviewContext(job=cleaned.job_spec, resume_text=cleaned.resume_text)
    question = await _engine_call(
        session_id,
        "next_question",
        {},
        context=context,
        question_type=state.phase,
        history=[],
    )
    return _with_question(None, state, question)


def _throttle_wait(candidate: User, ip: str) -> int | None:
    return ai_throttle_wait(scope="interview", user_id=candidate.pk, ip=ip)


async def interview_initialize(
    *,
    session_id: str,
    candidate: User,
    payload: dict[str, Any],
    ip: str = "",
) -> Reply:
    """Start the interview, or answer a repeat like a reconnect (idempotent).

    The same candidate's repeat, on this socket or another, at any moment,
    gets `interview_initialized` and the current question (or the stored
    completion); two sockets racing end with one session. Another candidate's
    session id is refused.
    """
    requested = payload.get("session_id")
    if requested not in (None, "") and requested != session_id:
        return Reply([protocol.session_mismatch(session_id)])
    wait = await _db(_throttle_wait)(candidate, ip)
    if wait is not None:  # OPENHIRE_THROTTLE_INTERVIEW / OPENHIRE_THROTTLE_AI_IP
        return Reply([protocol.init_throttled(wait)])
    found = await _db(_session_or_input)(session_id, candidate, payload)
    if not isinstance(found, InterviewSession):  # new: one INSERT, question included
        state, meta = await _first_state(session_id, found)
        found = await _db(_session_created)(session_id, candidate, found, state, meta)
    return _resume(found).after(protocol.initialized(session_id))


# --- asking and analysing ------------------------------------------------------------


def _context(session: InterviewSession) -> InterviewContext:
    return InterviewContext(
        job=JobSpec(
            title=session.job_title,
            description=session.job_description,
            skills=list(session.job_skills or []),
            company_name=session.company_name,
        ),
        resume_text=session.resume_text,
    )


Send = Callable[[protocol.Frame], Awaitable[None]]


def _listeners(
    session_id: str, state: sm.InterviewState, send: Send | None, stream: bool
) -> dict[str, Any]:
    """Return the engine callbacks that send `status` (and `question_delta`) frames."""
    if send is None:
        return {}

    async def on_wait(position: int) -> None:
        await send(protocol.status(session_id, position))

    async def on_delta(text: str) -> None:
        await send(protocol.question_delta(session_id, state.question_number, text))

    if stream and state.needs_question:
        return {"on_wait": on_wait, "on_delta": on_delta}
    return {"on_wait": on_wait}


async def _ask(
    session: InterviewSession, state: sm.InterviewState, **listeners: Any
) -> llm.Question:
    """Return the next question from the engine; the offline engine if it fails."""
    return await _engine_call(
        session.session_id,
        "next_question",
        listeners,
        context=_context(session),
        question_type=state.phase,
        history=list(state.turns),
    )


async def _analyse(
    session: InterviewSession, state: sm.InterviewState, **listeners: Any
) -> InterviewAnalysis:
    """Return the analysis; the offline analysis if the engine fails (never none)."""
    return await _engine_call(
        session.session_id,
        "analyze_interview",
        listeners,
        context=_context(session),
        history=list(state.answered_turns),
        ended_early=state.ended_early,
    )


async def _engine_call(
    session_id: str, name: str, listeners: dict[str, Any], **arguments: Any
) -> Any:
    """Await `ai.a<name>`; on any engine failure, the offline engine's answer.

    The fallback is recorded in `meta` as a short failure code ("timeout",
    "error_RuntimeError"), never the exception's message: an engine's message
    may quote the resume or an answer, and `ai_meta` is returned by /results.
    """
    try:
        return await getattr(llm, f"a{name}")(**arguments, **listeners)
    except Exception as exc:  # any engine failure: the interview goes on offline
        return _offline_instead(session_id, name, exc, arguments)


def _local_call(session_id: str, name: str, **arguments: Any) -> Any:
    """Call the in-process engine's `name` inline (in a database step's thread)."""
    try:
        return getattr(llm, name)(**arguments)
    except Exception as exc:  # any engine failure: the interview goes on offline
        return _offline_instead(session_id, name, exc, arguments)


def _offline_instead(
    session_id: str, name: str, exc: Exception, arguments: dict[str, Any]
) -> Any:
    """Return the offline engine's answer to `name`, naming why it was used."""
    # Imported here: the LangChain engine module loads only when it is needed.
    from ai.chat_model import FALLBACK_ENGINE, classify_failure

    reason, _retryable = classify_failure(exc)
    logger.warning(
        "interview %s: %s failed (%s), offline used", session_id, name, reason
    )
    result = getattr(OfflineEngine(), name)(**arguments)
    meta = replace(result.meta, engine=FALLBACK_ENGINE, fallback_reason=reason)
    return replace(result, meta=meta)


def _with_question(
    session: InterviewSession | None, state: sm.InterviewState, question: llm.Question
) -> tuple[sm.InterviewState, dict[str, Any]]:
    """Return `state` with `question` asked, and the AI metadata that records it."""
    meta = dict(session.ai_meta or {}) if session is not None else {}
    meta["questions"] = [
        *meta.get("questions", []),
        {"question_type": question.question_type, **question.meta.as_dict()},
    ]
    return _apply(state, sm.QuestionAsked(question.text, at=_now())), meta


def _store_question(
    session: InterviewSession, asked: tuple[str, int], question: llm.Question
) -> InterviewSession:
    """Store `question` if the session still waits for it; return the session.

    `session` is as read before the question was made for `asked` (phase,
    questions so far); it is read again only when a racing socket wrote first,
    and what that socket stored stands.
    """
    for _attempt in range(MAX_ATTEMPTS):
        state = store.session_state(session)
        if not (state.needs_question and (state.phase, len(state.turns)) == asked):
            return session
        new_state, meta = _with_question(session, state, question)
        if store.session_commit(session, new_state, ai_meta=meta):
            return session
        session = _existing(session.session_id)
    raise _busy()


def _store_analysis(
    session: InterviewSession, analysis: InterviewAnalysis
) -> InterviewSession:
    """Store the analysis if the session is still being analysed; return it."""
    for _attempt in range(MAX_ATTEMPTS):
        state = store.session_state(session)
        if state.phase != sm.ANALYSING:
            return session
        fields = _analysis_fields(session, analysis)
        if store.session_commit(
            session, _apply(state, sm.AnalysisFinished()), **fields
        ):
            interview_transcript_store(session=session)
            interview_completed_publish(session=session)
            return session
        session = _existing(session.session_id)
    raise _busy()


def _analysis_fields(
    session: InterviewSession, analysis: InterviewAnalysis
) -> dict[str, Any]:
    now = timezone.now()
    meta = {**(session.ai_meta or {}), "analysis": analysis.meta.as_dict()}
    started = session.start_time or session.created_at or now
    return {
        "analysis": analysis.as_dict(),
        "ai_meta": meta,
        "end_time": now,
        "duration_minutes": round((now - started).total_seconds() / 60, 2),
        "comfort_level": analysis.comfort_level,
        "engagement_level": analysis.engagement_level,
        "technical_score": analysis.technical_score,
        "communication_score": analysis.communication_score,
        "confidence_score": analysis.confidence_score,
        "strengths_identified": list(analysis.strengths),
        "areas_to_improve": list(analysis.areas_for_improvement),
        "red_flags": list(analysis.red_flags),
        "overall_recommendation": analysis.recommendation,
        "final_feedback": analysis.overall_feedback,
    }


def _existing(session_id: str) -> InterviewSession:
    session = store.session_find(session_id=session_id)
    if session is None:
        raise OpenHireError(SESSION_NOT_FOUND, "not_found", status=404)
    return session


async def interview_advance(
    *,
    session_id: str,
    send: Send | None = None,
    stream: bool = False,
    session: InterviewSession | None = None,
) -> Reply:
    """Do the pending step: ask the current question, or analyse; reply with it.

    The model is awaited outside any transaction and thread; its result is
    stored only if the session still needs it (a racing socket may have done it).
    While the model's calls are all taken, `send` gets `status` frames with the
    place in line; with `stream`, the question's `question_delta` frames too.
    `session`, the row as the previous step wrote it, saves reading it again.
    """
    if session is None:
        session = await _db(_existing)(session_id)
    state = store.session_state(session)
    listeners = _listeners(session_id, state, send, stream)
    if state.needs_question:
        question = await _ask(session, state, **listeners)
        asked = (state.phase, len(state.turns))
        session = await _db(_store_question)(session, asked, question)
    elif state.phase == sm.ANALYSING:
        analysis = await _analyse(session, state, **listeners)
        session = await _db(_store_analysis)(session, analysis)
    else:
        return Reply()
    return replace(_resume(session), pending=False)


# --- answering and ending ----------------------------------------------------------------


def _event_commit(
    session_id: str, candidate: User | None, event: sm.Event, ask_next: bool
) -> tuple[InterviewSession, sm.InterviewState] | None:
    """Read the session, apply `event`, write it: one read and one write.

    With `ask_next`, the in-process engine's next question is asked inline and
    stored in the same write. None when a racing socket wrote first.
    """
    if candidate is None:  # trusted mode before initialize_interview
        _apply(sm.InterviewState(), event)  # raises "not initialised"
    session = store.session_owned(session_id=session_id, candidate=candidate)
    if session is None:
        _apply(sm.InterviewState(), event)  # raises "not initialised"
    # An idle session was expired on the way: the event fails with session_expired.
    state = _apply(store.session_state(session), event)
    fields: dict[str, Any] = {}
    if ask_next and state.needs_question:
        question = _local_call(
            session_id,
            "next_question",
            context=_context(session),
            question_type=state.phase,
            history=list(state.turns),
        )
        state, fields["ai_meta"] = _with_question(session, state, question)
    if store.session_commit(session, state, **fields):
        return session, state
    return None


async def _event_on(
    session_id: str, candidate: User | None, event: sm.Event, *, ask_next: bool
) -> tuple[InterviewSession, sm.InterviewState]:
    """Apply `event` to the candidate's session and commit it (compare-and-set).

    One database step (one thread hop, one read, one write) per attempt. With
    `ask_next` (an in-process engine), a question the new state needs is asked
    in the same write; the answer and the question commit before any frame is
    sent.
    """
    for _attempt in range(MAX_ATTEMPTS):
        written = await _db(_event_commit)(session_id, candidate, event, ask_next)
        if written is not None:
            return written
    raise _busy()


async def interview_submit_answer(
    *, session_id: str, candidate: User | None, answer: Any
) -> Reply:
    """Store the answer to the current question; the next question follows.

    An in-process engine's next question is asked in the same write and sent
    in this reply; a model engine's is left `pending` for `interview_advance`.
    """
    if isinstance(answer, str) and len(answer) > sm.MAX_ANSWER_CHARS:
        raise OpenHireError(sm.ANSWER_TOO_LONG, "answer_too_long")  # before any query
    session, state = await _event_on(
        session_id,
        candidate,
        sm.Answer(answer, at=_now()),
        ask_next=llm.engine_is_local(),
    )
    received = protocol.answer_received(session_id)
    if state.phase == sm.ANALYSING:
        frames = [received, protocol.analysis_started(session_id)]
        return Reply(frames, pending=True, session=session)
    if state.current_turn is not None:
        return Reply([received, protocol.question(session_id, state)])
    return Reply([received], pending=True, session=session)


async def interview_end(*, session_id: str, candidate: User | None) -> Reply:
    """End the interview early; the analysis of what was answered follows."""
    session, _state = await _event_on(
        session_id, candidate, sm.EndInterview(), ask_next=False
    )
    return Reply([protocol.analysis_started(session_id)], pending=True, session=session)
