"""Run AI interviews: open, initialise, answer, end, analyse, expire, delete.

Every function is synchronous, reads and writes the database, and returns the
server frames (without `timestamp`; the consumer stamps them) that the client
must receive, in order. Each state change is committed before the function
returns, so the consumer sends a frame only once what it announces is stored.
The rules themselves live in `interviews.state_machine`; an illegal move
surfaces as `OpenHireError` whose message and code become an `error` frame.

AI calls (`ai`) are made outside transactions: the question or the
analysis is computed first and then written under a row lock, so two sockets
of the same session (a reconnect racing the old socket) never ask a question
twice or lose an answer.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import secrets
import time
import uuid
from dataclasses import dataclass, replace
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

import ai as llm
from accounts.identity import identify, trusted_mode
from accounts.models import Role, User
from accounts.permissions import require_user
from ai.offline import OfflineEngine
from ai.types import InterviewAnalysis, InterviewContext, JobSpec
from interviews import state_machine as sm
from interviews.models import InterviewArtifact, InterviewSession
from jobs.description import description_text
from jobs.models import Job
from openhire.errors import OpenHireError, not_found
from openhire.ids import parse_uuid
from resumes.services import ResumeUpload, job_spec, resume_extract

logger = logging.getLogger(__name__)

TOTAL_QUESTIONS = sm.TOTAL_QUESTIONS
SESSION_ID_PATTERN = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")
MAX_RESUME_CHARS = 50_000
MAX_JOB_CHARS = 20_000

# --- user-facing messages (asserted by tests) -----------------------------------

CONNECTED = "Connected to the OpenHire AI interview."
WELCOME = "Welcome to your AI interview. Send initialize_interview to begin."
INSTRUCTIONS = [
    "Send initialize_interview with job_description or job_id and your resume.",
    f"Answer each of the {TOTAL_QUESTIONS} questions with submit_answer.",
    "Send end_interview to finish early; your answers so far are analysed.",
    "Send ping at any time; the server answers pong.",
]
INITIALIZED = "Interview initialised: {total} questions follow."
ANSWER_RECEIVED = "Answer received."
ANALYSIS_STARTED = "Analysing your interview..."
COMPLETED = "Interview completed. Thank you!"
ENDED_EARLY = "Interview ended early. Thank you; your answers so far were analysed."
INVALID_SESSION_ID = (
    "session_id must be 1 to 64 characters of letters, digits, '_', '.' or '-'."
)
SESSION_TAKEN = "This interview session belongs to another candidate."
SESSION_NOT_FOUND = "Interview session not found."
SESSION_NOT_FINISHED = "The interview is not finished yet; results are not available."
MISSING_FIELDS = "initialize_interview is missing {fields}."
CANDIDATE_REQUIRED = (
    "An identified candidate is required: connect with ?token=<token>"
    " (or send candidate_id when the server trusts client ids)."
)
CANDIDATES_ONLY = "Only candidates can take interviews."
RESUME_UNREADABLE = "The resume could not be read: {reason}"
RESUME_TOO_LONG = (
    f"The resume is too long (at most {MAX_RESUME_CHARS} characters of text)."
)
JOB_TOO_LONG = f"The job description is too long (at most {MAX_JOB_CHARS} characters)."
NOT_YOURS = "You can only see interviews you took or interviews for your own jobs."
DELETED = "Session {session_id} cleaned up successfully"


def frame(type_: str, **fields: Any) -> dict[str, Any]:
    """Return a server frame (the consumer adds `timestamp`)."""
    return {"type": type_, **fields}


def error_frame(message: str, code: str) -> dict[str, Any]:
    return frame("error", message=message, code=code)


# --- identity and lookup ---------------------------------------------------------


def interview_session_id_clean(*, session_id: str | None) -> str:
    """Return the client's session id, or a new one when none was given; 400 if junk."""
    if session_id in (None, ""):
        return f"{int(time.time() * 1000)}-{secrets.token_hex(4)}"
    if not isinstance(session_id, str) or not SESSION_ID_PATTERN.match(session_id):
        raise OpenHireError(INVALID_SESSION_ID, "invalid_session_id")
    return session_id


def interview_candidate_resolve(*, user: User | None, claimed_id: object) -> User:
    """Return the candidate of a socket: the token user, or in trusted mode the claim.

    A token user whose id differs from a claimed candidate_id is refused (403);
    a socket with neither is refused (401); recruiters cannot take interviews.
    With a token user no query is made.
    """
    candidate = identify(user, claimed_id=claimed_id, field="candidate_id")
    if candidate is None:
        raise OpenHireError(CANDIDATE_REQUIRED, "not_authenticated", status=401)
    if candidate.role != Role.CANDIDATE:
        raise OpenHireError(CANDIDATES_ONLY, "wrong_role", status=403)
    return candidate


def _owned(session_id: str, candidate: User) -> InterviewSession | None:
    """Return the candidate's session, None when unknown; 403 when someone else's."""
    session = InterviewSession.objects.filter(session_id=session_id).first()
    if session is not None and session.candidate_id != candidate.pk:
        raise OpenHireError(SESSION_TAKEN, "session_forbidden", status=403)
    return session


def _get(session_id: str) -> InterviewSession:
    return InterviewSession.objects.get(session_id=session_id)


def _state(session: InterviewSession) -> sm.InterviewState:
    return sm.InterviewState.from_dict(session.state)


def _apply(state: sm.InterviewState, event: sm.Event) -> sm.InterviewState:
    try:
        return state.apply(event)
    except sm.IllegalMove as exc:
        raise OpenHireError(exc.message, exc.code, status=409) from None


def _projection(session: InterviewSession, state: sm.InterviewState) -> dict[str, Any]:
    """Return the columns that mirror `state`: phase, counters, history, activity."""
    now = timezone.now()
    return {
        "state": state.to_dict(),
        "interview_phase": state.phase,
        "questions_asked": state.questions_asked,
        "early_termination": state.ended_early,
        "conversation_history": _history(state, session.conversation_history),
        "last_activity": now,
        "updated_at": now,
    }


def _commit(session: InterviewSession, state: sm.InterviewState, **fields: Any) -> bool:
    """Write `state` if nobody wrote the row since `session` was read; say if it was.

    A compare-and-set on `version`: one UPDATE, no lock held across the AI call,
    and of two racing sockets exactly one wins; the other reads again.
    """
    values = {**_projection(session, state), **fields, "version": session.version + 1}
    written = InterviewSession.objects.filter(
        pk=session.pk, version=session.version
    ).update(**values)
    if written:
        for name, value in values.items():
            setattr(session, name, value)
    return bool(written)


MAX_ATTEMPTS = 5
BUSY = "The interview was changed by another connection at the same time; try again."


def _busy() -> OpenHireError:
    return OpenHireError(BUSY, "conflict", status=409)


def _history(state: sm.InterviewState, previous: list[dict]) -> list[dict]:
    """Return the conversation as messages, keeping the stored times of old ones."""
    stamps = {
        (m["role"], m["question_number"]): m.get("timestamp") for m in previous or []
    }
    now = timezone.now().isoformat()
    messages = []
    for number, turn in enumerate(state.turns, start=1):
        messages.append(
            {
                "role": "interviewer",
                "question_number": number,
                "question_type": turn.question_type,
                "content": turn.question,
                "timestamp": stamps.get(("interviewer", number)) or now,
            }
        )
        if turn.answer:
            messages.append(
                {
                    "role": "candidate",
                    "question_number": number,
                    "question_type": turn.question_type,
                    "content": turn.answer,
                    "timestamp": stamps.get(("candidate", number)) or now,
                }
            )
    return messages


def _idle_limit() -> dt.timedelta:
    return dt.timedelta(minutes=settings.OPENHIRE_INTERVIEW_IDLE_MINUTES)


def _expire_if_idle(session: InterviewSession) -> InterviewSession:
    """Expire an unfinished session idle past the limit (lazy expiry); return it."""
    state = _state(session)
    if state.phase in (sm.WAITING, *sm.QUESTION_PHASES) and (
        session.last_activity < timezone.now() - _idle_limit()
    ):
        if not _commit(session, _apply(state, sm.Expire()), end_time=timezone.now()):
            session = _get(session.session_id)  # changed by a racing write
    return session


# --- frames for a state --------------------------------------------------------------


def _question_frame(
    session: InterviewSession, state: sm.InterviewState
) -> dict[str, Any]:
    turn = state.current_turn
    assert turn is not None
    return frame(
        "question",
        question=turn.question,
        question_number=state.question_number,
        total_questions=TOTAL_QUESTIONS,
        question_type=turn.question_type,
        session_id=session.session_id,
    )


def _completed_frame(session: InterviewSession) -> dict[str, Any]:
    return frame(
        "interview_completed",
        analysis=session.analysis,
        session_id=session.session_id,
        message=ENDED_EARLY if session.early_termination else COMPLETED,
    )


def _resume_frames(session: InterviewSession) -> list[dict[str, Any]]:
    """Return what a (re)connecting client must see to continue where it was."""
    state = _state(session)
    if state.is_finished:
        return [_completed_frame(session)]
    if state.phase == sm.EXPIRED:
        return [error_frame(sm.SESSION_EXPIRED, "session_expired")]
    if state.current_turn is not None:
        return [_question_frame(session, state)]
    return []  # a question or the analysis is pending: `interview_advance` does it


# --- the WebSocket flow ------------------------------------------------------------


@dataclass(frozen=True)
class Opened:
    """The result of opening a socket: its session id and what to send after welcome."""

    session_id: str
    frames: list[dict[str, Any]]
    resumed: bool


def interview_open(*, session_id: str | None, candidate: User | None) -> Opened:
    """Check a connecting socket's session id; resume it when it already exists."""
    session_id = interview_session_id_clean(session_id=session_id)
    if candidate is None:  # trusted mode: identity comes with initialize_interview
        return Opened(session_id, [], resumed=False)
    session = _owned(session_id, candidate)
    if session is None:
        return Opened(session_id, [], resumed=False)
    session = _expire_if_idle(session)
    return Opened(session_id, _resume_frames(session), resumed=True)


@dataclass(frozen=True)
class InterviewInput:
    """The validated fields of `initialize_interview`."""

    job: Job | None
    job_spec: JobSpec
    resume_text: str
    application_id: uuid.UUID | None


def _first(payload: dict[str, Any], *names: str) -> Any:
    for name in names:
        value = payload.get(name)
        if value not in (None, "", [], {}):
            return value
    return None


def interview_input_clean(*, payload: dict[str, Any]) -> InterviewInput:
    """Validate `initialize_interview` fields (inside `data` or flat); 400 naming gaps."""
    job_description = _first(payload, "job_description", "jobDescription")
    job_id = _first(payload, "job_id", "jobId")
    resume = _first(payload, "candidate_resume", "resume", "candidateResume")
    missing = []
    if job_description is None and job_id is None:
        missing.append("job_description or job_id")
    if resume is None:
        missing.append("candidate_resume (or resume)")
    if missing:
        raise OpenHireError(
            MISSING_FIELDS.format(fields=" and ".join(missing)),
            "missing_fields",
            errors={
                name.split(" ")[0]: ["This field is required."] for name in missing
            },
        )
    job = None
    if job_id is not None:
        job = Job.objects.filter(pk=parse_uuid(job_id, field="job_id")).first()
        if job is None:
            raise not_found("Job")
        spec = job_spec(job)
    else:
        text = description_text(job_description)
        if len(text) > MAX_JOB_CHARS:
            raise OpenHireError(JOB_TOO_LONG, "job_description_too_long")
        spec = _job_spec_from_text(text, job_description)
    resume_text = resume_text_from_input(resume)
    application = _first(payload, "application_id", "applicationId")
    application_id = (
        parse_uuid(application, field="application_id")
        if application is not None
        else None
    )
    return InterviewInput(job, spec, resume_text, application_id)


def _job_spec_from_text(text: str, raw: Any) -> JobSpec:
    """Build a JobSpec from free text (or a structured description object)."""
    title = ""
    skills: list[str] = []
    if isinstance(raw, dict):
        title = str(raw.get("title") or raw.get("job_title") or "")
        raw_skills = raw.get("skills") or raw.get("requirements") or []
        if isinstance(raw_skills, list):
            skills = [str(s) for s in raw_skills if isinstance(s, str | int)][:30]
        elif isinstance(raw_skills, str):
            skills = [s.strip() for s in raw_skills.split(",") if s.strip()][:30]
    if not title:
        first_line = next(
            (line.strip() for line in text.splitlines() if line.strip()), ""
        )
        title = (
            re.split(r"[.:;!?]", first_line, maxsplit=1)[0][:80].strip() or "this role"
        )
    return JobSpec(title=title, description=text, skills=skills)


def resume_text_from_input(resume: Any) -> str:
    """Return resume text from plain text or a `data:` URL of a PDF/DOCX/TXT file."""
    if not isinstance(resume, str):
        raise OpenHireError(
            RESUME_UNREADABLE.format(reason="send text or a data: URL."),
            "invalid_resume",
        )
    text = resume_extract(upload=ResumeUpload.from_string(resume)).text
    if len(text) > MAX_RESUME_CHARS:
        raise OpenHireError(RESUME_TOO_LONG, "resume_too_long")
    return text


def interview_initialize(
    *, session_id: str, candidate: User, payload: dict[str, Any]
) -> list[dict[str, Any]]:
    """Create (or refuse to re-create) the session and return `interview_initialized`."""
    cleaned = interview_input_clean(payload=payload)
    now = timezone.now()
    existing = _owned(session_id, candidate)
    if existing is not None:
        _apply(_state(existing), sm.Initialize())  # raises: already initialised
    state = sm.InterviewState().apply(sm.Initialize())
    try:
        with transaction.atomic():
            session = InterviewSession(
                session_id=session_id,
                candidate=candidate,
                job=cleaned.job,
                application_id=cleaned.application_id,
                job_title=cleaned.job_spec.title[:300],
                job_description=cleaned.job_spec.description,
                job_skills=cleaned.job_spec.skills,
                company_name=cleaned.job_spec.company_name[:300],
                resume_text=cleaned.resume_text,
                start_time=now,
            )
            for name, value in _projection(session, state).items():
                setattr(session, name, value)
            session.save(force_insert=True)
    except IntegrityError:  # another socket created it between our read and write
        raise OpenHireError(
            sm.ALREADY_INITIALIZED, "already_initialized", status=409
        ) from None
    return [
        frame(
            "interview_initialized",
            session_id=session_id,
            message=INITIALIZED.format(total=TOTAL_QUESTIONS),
            total_questions=TOTAL_QUESTIONS,
        )
    ]


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


def _ask(session: InterviewSession, state: sm.InterviewState) -> llm.Question:
    """Return the next question from the engine; the offline engine if it fails."""
    return _engine_call(
        session,
        "next_question",
        context=_context(session),
        question_type=state.phase,
        history=list(state.turns),
    )


def _analyse(session: InterviewSession, state: sm.InterviewState) -> InterviewAnalysis:
    """Return the analysis from the engine; the offline analysis if it fails.

    A completed interview never ends without an analysis.
    """
    return _engine_call(
        session,
        "analyze_interview",
        context=_context(session),
        history=list(state.answered_turns),
        ended_early=state.ended_early,
    )


def _engine_call(session: InterviewSession, name: str, **arguments: Any) -> Any:
    """Call `llm.<name>`; on any engine failure, the offline engine's answer instead.

    The fallback is recorded in `meta` as a short failure code ("timeout",
    "error_RuntimeError"), never the exception's message: an engine's message
    may quote the resume or an answer, and `ai_meta` is returned by /results.
    """
    try:
        return getattr(llm, name)(**arguments)
    except Exception as exc:  # any engine failure: the interview goes on offline
        # Imported here: the LangChain engine module loads only when it is needed.
        from ai.chat_model import FALLBACK_ENGINE, classify_failure

        reason, _retryable = classify_failure(exc)
        logger.warning(
            "interview %s: %s failed (%s), offline used",
            session.session_id,
            name,
            reason,
        )
        result = getattr(OfflineEngine(), name)(**arguments)
        meta = replace(result.meta, engine=FALLBACK_ENGINE, fallback_reason=reason)
        return replace(result, meta=meta)


def _with_question(
    session: InterviewSession, state: sm.InterviewState, question: llm.Question
) -> tuple[sm.InterviewState, dict[str, Any]]:
    """Return `state` with `question` asked, and the AI metadata that records it."""
    meta = dict(session.ai_meta or {})
    meta["questions"] = [
        *meta.get("questions", []),
        {"question_type": question.question_type, **question.meta.as_dict()},
    ]
    return _apply(state, sm.QuestionAsked(question.text)), meta


def interview_advance(*, session_id: str) -> list[dict[str, Any]]:
    """Do the pending step: ask the current question, or analyse; return its frame.

    The AI call runs outside any transaction; its result is written under a row
    lock only if the session still needs it (a racing socket may have done it).
    """
    session = _get(session_id)
    state = _state(session)
    if state.needs_question:
        question = _ask(session, state)
        asked = (state.phase, len(state.turns))
        for _attempt in range(MAX_ATTEMPTS):
            if not (state.needs_question and (state.phase, len(state.turns)) == asked):
                break  # a racing socket asked it (or moved on): send what is stored
            new_state, meta = _with_question(session, state, question)
            if _commit(session, new_state, ai_meta=meta):
                break
            session = _get(session_id)
            state = _state(session)
        else:
            raise _busy()
        return _resume_frames(session)
    if state.phase == sm.ANALYSING:
        analysis = _analyse(session, state)
        for _attempt in range(MAX_ATTEMPTS):
            if state.phase != sm.ANALYSING or _store_analysis(session, state, analysis):
                break
            session = _get(session_id)
            state = _state(session)
        else:
            raise _busy()
        if session.analysis is not None:
            interview_transcript_store(session=session)
        return _resume_frames(session)
    return []


def _store_analysis(
    session: InterviewSession, state: sm.InterviewState, analysis: InterviewAnalysis
) -> bool:
    now = timezone.now()
    data = analysis.as_dict()
    meta = dict(session.ai_meta or {})
    meta["analysis"] = analysis.meta.as_dict()
    started = session.start_time or session.created_at or now
    return _commit(
        session,
        _apply(state, sm.AnalysisFinished()),
        analysis=data,
        ai_meta=meta,
        end_time=now,
        duration_minutes=round((now - started).total_seconds() / 60, 2),
        comfort_level=analysis.comfort_level,
        engagement_level=analysis.engagement_level,
        technical_score=analysis.technical_score,
        communication_score=analysis.communication_score,
        confidence_score=analysis.confidence_score,
        strengths_identified=list(analysis.strengths),
        areas_to_improve=list(analysis.areas_for_improvement),
        red_flags=list(analysis.red_flags),
        overall_recommendation=analysis.recommendation,
        final_feedback=analysis.overall_feedback,
    )


def _event_on(
    session_id: str, candidate: User, event: sm.Event, *, ask_next: bool = False
) -> tuple[InterviewSession, sm.InterviewState]:
    """Apply `event` to the candidate's session and commit it (compare-and-set).

    With `ask_next`, a question the new state needs is asked in the same write:
    for an in-process engine that is one UPDATE per answer instead of two, and
    the answer and the question still commit before any frame is sent.
    """
    for _attempt in range(MAX_ATTEMPTS):
        session = _owned(session_id, candidate)
        if session is None:
            _apply(sm.InterviewState(), event)  # raises "not initialised"
            raise AssertionError("unreachable")
        # An idle session expires first; the event then fails with session_expired.
        session = _expire_if_idle(session)
        state = _apply(_state(session), event)
        fields: dict[str, Any] = {}
        if ask_next and state.needs_question:
            state, fields["ai_meta"] = _with_question(
                session, state, _ask(session, state)
            )
        if _commit(session, state, **fields):
            return session, state
    raise _busy()


def interview_submit_answer(
    *, session_id: str, candidate: User, answer: Any
) -> list[dict[str, Any]]:
    """Store the answer to the current question; `interview_advance` follows.

    An in-process engine's next question is asked in the same write and its
    frame returned here, so `interview_advance` then has nothing to do.
    """
    session, state = _event_on(
        session_id, candidate, sm.Answer(answer), ask_next=llm.engine_is_local()
    )
    frames = [frame("answer_received", message=ANSWER_RECEIVED, session_id=session_id)]
    if state.phase == sm.ANALYSING:
        frames.append(
            frame("analysis_started", message=ANALYSIS_STARTED, session_id=session_id)
        )
    elif state.current_turn is not None:
        frames.append(_question_frame(session, state))
    return frames


def interview_end(*, session_id: str, candidate: User) -> list[dict[str, Any]]:
    """End the interview early; the analysis of what was answered follows."""
    _event_on(session_id, candidate, sm.EndInterview())
    return [frame("analysis_started", message=ANALYSIS_STARTED, session_id=session_id)]


# --- artifacts, expiry, deletion -----------------------------------------------------------


def interview_transcript_store(*, session: InterviewSession) -> InterviewArtifact:
    """Store the finished interview's JSON transcript in Django storage (once)."""
    existing = session.artifacts.filter(artifact_type="transcript").first()
    if existing is not None:
        return existing
    transcript = {
        "session_id": session.session_id,
        "candidate_id": str(session.candidate_id),
        "job_id": str(session.job_id) if session.job_id else None,
        "job_title": session.job_title,
        "start_time": session.start_time.isoformat() if session.start_time else None,
        "end_time": session.end_time.isoformat() if session.end_time else None,
        "early_termination": session.early_termination,
        "messages": session.conversation_history,
        "analysis": session.analysis,
        "ai_meta": session.ai_meta,
    }
    content = json.dumps(transcript, indent=2, ensure_ascii=False).encode("utf-8")
    artifact = InterviewArtifact(
        session=session, artifact_type="transcript", size_bytes=len(content)
    )
    try:
        with transaction.atomic():
            artifact.file.save("transcript.json", ContentFile(content), save=True)
    except IntegrityError:  # a racing worker stored it first
        artifact.file.delete(save=False)
        return session.artifacts.get(artifact_type="transcript")
    return artifact


def interview_expire_idle(*, now: dt.datetime | None = None) -> int:
    """Expire every unfinished session idle past the limit; return how many."""
    cutoff = (now or timezone.now()) - _idle_limit()
    expired = 0
    idle = InterviewSession.objects.filter(
        interview_phase__in=[sm.WAITING, *sm.QUESTION_PHASES], last_activity__lt=cutoff
    )
    for session in idle:
        state = _state(session)
        # The compare-and-set leaves alone a session written since it was read.
        if state.phase in (sm.WAITING, *sm.QUESTION_PHASES) and _commit(
            session, _apply(state, sm.Expire()), end_time=timezone.now()
        ):
            expired += 1
    return expired


def interview_delete(*, session: InterviewSession) -> None:
    """Delete a session, its artifacts and their files; close its sockets anywhere."""
    session_id = session.session_id
    files = [artifact.file for artifact in session.artifacts.all()]
    session.delete()
    for file in files:
        file.delete(save=False)
    layer = get_channel_layer()
    if layer is not None:
        async_to_sync(layer.group_send)(
            interview_group(session_id), {"type": "interview.close"}
        )


# --- REST reads -----------------------------------------------------------------------


def interview_get_for(*, user: User | None, session_id: str) -> InterviewSession:
    """Return a session the caller may read; 401 anonymous, 404 unknown, 403 not theirs.

    Readable by its candidate and by the recruiter of its job. In trusted mode,
    without a token, every session is readable by its id (DESIGN.md §4: the
    gateway decides who reaches these calls).
    """
    if user is None and not trusted_mode():
        require_user(user)
    session = (
        InterviewSession.objects.select_related("job", "candidate")
        .filter(session_id=session_id)
        .first()
    )
    if session is None:
        raise OpenHireError(SESSION_NOT_FOUND, "not_found", status=404)
    if user is not None and not (
        session.candidate_id == user.pk
        or (session.job is not None and session.job.recruiter_id == user.pk)
    ):
        raise OpenHireError(NOT_YOURS, "forbidden", status=403)
    return _expire_if_idle(session)


def interview_status(*, session: InterviewSession) -> dict[str, Any]:
    state = _state(session)
    return {
        "session_id": session.session_id,
        "candidate_id": session.candidate.public_id,
        "status": interview_status_name(state),
        "questions_asked": state.questions_asked,
        "total_questions": TOTAL_QUESTIONS,
        "progress_percentage": state.progress_percentage,
        "has_feedback": session.analysis is not None,
        "interview_phase": state.phase,
        "early_termination": session.early_termination,
        "timestamp": timezone.now().isoformat(),
    }


def interview_status_name(state: sm.InterviewState) -> str:
    """Name the session's status: waiting, in_progress, analyzing, completed, expired.

    An interview ended early is `completed` too (it has its analysis); the
    additive `interview_phase` and `early_termination` fields tell them apart.
    """
    if state.phase in sm.QUESTION_PHASES:
        return "in_progress"
    return {
        sm.WAITING: "waiting",
        sm.ANALYSING: "analyzing",
        sm.COMPLETED: "completed",
        sm.ENDED_EARLY: "completed",
        sm.EXPIRED: "expired",
    }[state.phase]


def interview_results(*, session: InterviewSession) -> dict[str, Any]:
    """Return the results of a finished session; 409 while it is not finished."""
    state = _state(session)
    if not state.is_finished or session.analysis is None:
        raise OpenHireError(SESSION_NOT_FINISHED, "not_finished", status=409)
    return {
        "session_id": session.session_id,
        "candidate_id": session.candidate.public_id,
        "analysis": session.analysis,
        "interview_data": {
            "questions_asked": state.questions_asked,
            "total_messages": len(session.conversation_history or []),
            "completion_time": session.end_time.isoformat()
            if session.end_time
            else None,
            "duration_minutes": session.duration_minutes,
            "early_termination": session.early_termination,
            "conversation_history": session.conversation_history,
        },
        "artifacts": [
            {
                "id": str(artifact.id),
                "type": artifact.artifact_type,
                "url": artifact.file.url,
                "size_bytes": artifact.size_bytes,
                "created_at": artifact.created_at.isoformat(),
            }
            for artifact in session.artifacts.all()
        ],
        "ai_meta": session.ai_meta,
        "timestamp": timezone.now().isoformat(),
    }


def interview_active_count() -> int:
    """Count unfinished, unexpired sessions active within the idle limit (all workers)."""
    cutoff = timezone.now() - _idle_limit()
    return InterviewSession.objects.filter(
        interview_phase__in=[sm.WAITING, *sm.QUESTION_PHASES, sm.ANALYSING],
        last_activity__gte=cutoff,
    ).count()


def interview_group(session_id: str) -> str:
    """Return the channel-layer group of a session's sockets (any worker)."""
    return f"interview.{session_id}"
