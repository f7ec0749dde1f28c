"""Read interviews for the REST endpoints: who may see a session, status, results."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.utils import timezone

from accounts.identity import trusted_mode
from accounts.models import User
from accounts.permissions import require_user
from interviews import state_machine as sm
from interviews import store
from interviews.models import InterviewArtifact, InterviewSession
from openhire.errors import OpenHireError

SESSION_NOT_FOUND = "Interview session not found."
SESSION_NOT_FINISHED = "The interview is not finished yet; results are not available."
NOT_YOURS = "You can only see interviews you took or interviews for your own jobs."


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
    return store.session_expire_if_idle(session)


@dataclass(frozen=True)
class InterviewStatus:
    """An interview's progress, as `GET /ai-interview/status` reports it."""

    session_id: str
    candidate_id: str
    status: str
    questions_asked: int
    total_questions: int
    progress_percentage: int
    has_feedback: bool
    interview_phase: str
    early_termination: bool
    timestamp: datetime


@dataclass(frozen=True)
class InterviewRecord:
    """The counts and transcript of a finished interview (`interview_data`)."""

    questions_asked: int
    total_messages: int
    completion_time: datetime | None
    duration_minutes: float | None
    early_termination: bool
    conversation_history: list[dict[str, Any]]


@dataclass(frozen=True)
class InterviewResults:
    """A finished interview, as `GET /ai-interview/results` reports it."""

    session_id: str
    candidate_id: str
    analysis: dict[str, Any]
    interview_data: InterviewRecord
    artifacts: list[InterviewArtifact]
    ai_meta: dict[str, Any]
    timestamp: datetime


def interview_status(*, session: InterviewSession) -> InterviewStatus:
    """Return a session's progress."""
    state = store.session_state(session)
    return InterviewStatus(
        session_id=session.session_id,
        candidate_id=session.candidate.public_id,
        status=interview_status_name(state),
        questions_asked=state.questions_asked,
        total_questions=sm.TOTAL_QUESTIONS,
        progress_percentage=state.progress_percentage,
        has_feedback=session.analysis is not None,
        interview_phase=state.phase,
        early_termination=session.early_termination,
        timestamp=timezone.now(),
    )


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


def interview_results(*, session: InterviewSession) -> InterviewResults:
    """Return the results of a finished session; 409 while it is not finished."""
    state = store.session_state(session)
    if not state.is_finished or session.analysis is None:
        raise OpenHireError(SESSION_NOT_FINISHED, "not_finished", status=409)
    messages = state.messages()
    return InterviewResults(
        session_id=session.session_id,
        candidate_id=session.candidate.public_id,
        analysis=session.analysis,
        interview_data=InterviewRecord(
            questions_asked=state.questions_asked,
            total_messages=len(messages),
            completion_time=session.end_time,
            duration_minutes=session.duration_minutes,
            early_termination=session.early_termination,
            conversation_history=messages,
        ),
        artifacts=list(session.artifacts.all()),
        ai_meta=session.ai_meta,
        timestamp=timezone.now(),
    )


def interview_active_count() -> int:
    """Count unfinished, unexpired sessions active within the idle limit (all workers)."""
    cutoff = timezone.now() - store.idle_limit()
    return InterviewSession.objects.filter(
        interview_phase__in=sm.ACTIVE_PHASES, last_activity__gte=cutoff
    ).count()


def interviews_finished_count(*, candidate: User, job: object) -> int:
    """Return how many of the job's interviews the candidate has finished."""
    return InterviewSession.objects.filter(
        candidate=candidate, job=job, interview_phase__in=sm.FINISHED_PHASES
    ).count()
