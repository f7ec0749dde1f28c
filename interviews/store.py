"""Load and save interview sessions: one read, one compare-and-set write.

Synchronous and short: each function is one or two queries, so the async
services run them off the event loop (`database_sync_to_async`) and never hold
a transaction, a lock or a thread across an AI call. Two sockets of the same
session race safely: `session_commit` writes only if nobody wrote since the
read (`version`), and the loser reads again.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import IntegrityError
from django.utils import timezone

from accounts.models import User
from interviews import state_machine as sm
from interviews.inputs import InterviewInput
from interviews.models import InterviewSession
from openhire.errors import OpenHireError

SESSION_TAKEN = "This interview session belongs to another candidate."


def idle_limit() -> dt.timedelta:
    return dt.timedelta(minutes=settings.OPENHIRE_INTERVIEW_IDLE_MINUTES)


def session_state(session: InterviewSession) -> sm.InterviewState:
    """Return the session's state machine, rebuilt from its JSON column."""
    return sm.InterviewState.from_dict(session.state)


def session_find(*, session_id: str) -> InterviewSession | None:
    """Return the session by its client id (one indexed read, no ORDER BY)."""
    found = InterviewSession.objects.filter(session_id=session_id).order_by()[:1]
    return next(iter(found), None)


def session_owned(
    *, session_id: str, candidate: User, code: str = "session_forbidden"
) -> InterviewSession | None:
    """Return the candidate's session, None when unknown; 403 when someone else's.

    An idle session is expired on the way (lazy expiry), in the same call.
    """
    session = session_find(session_id=session_id)
    if session is not None and session.candidate_id != candidate.pk:
        raise OpenHireError(SESSION_TAKEN, code, status=403)
    return session_expire_if_idle(session) if session is not None else None


def _projection(state: sm.InterviewState) -> dict[str, Any]:
    """Return the columns that mirror `state`: phase, counters and activity."""
    now = timezone.now()
    return {
        "state": state.to_dict(),
        "interview_phase": state.phase,
        "questions_asked": state.questions_asked,
        "early_termination": state.ended_early,
        "last_activity": now,
        "updated_at": now,
    }


def session_commit(
    session: InterviewSession, state: sm.InterviewState, **fields: Any
) -> bool:
    """Write `state` if nobody wrote the row since `session` was read; say if it was.

    One UPDATE (compare-and-set on `version`), no lock held across the AI call:
    of two racing sockets exactly one wins; the other reads again.
    """
    values = {**_projection(state), **fields, "version": session.version + 1}
    written = InterviewSession.objects.filter(
        pk=session.pk, version=session.version
    ).update(**values)
    if written:
        for name, value in values.items():
            setattr(session, name, value)
    return bool(written)


def session_create(
    *,
    session_id: str,
    candidate: User,
    cleaned: InterviewInput,
    state: sm.InterviewState,
    ai_meta: dict[str, Any],
) -> InterviewSession | None:
    """Insert a new, initialised session; None when that session id already exists."""
    spec = cleaned.job_spec
    session = InterviewSession(
        session_id=session_id,
        candidate=candidate,
        job=cleaned.job,
        application_id=cleaned.application_id,
        job_title=spec.title[:300],
        job_description=spec.description,
        job_skills=spec.skills,
        company_name=spec.company_name[:300],
        resume_text=cleaned.resume_text,
        start_time=timezone.now(),
        ai_meta=ai_meta,
        **_projection(state),
    )
    try:  # one INSERT, atomic on its own
        session.save(force_insert=True)
    except IntegrityError:  # another socket created it between our read and write
        return None
    return session


def session_expire_if_idle(session: InterviewSession) -> InterviewSession:
    """Expire an unfinished session idle past the limit; return it as stored."""
    state = session_state(session)
    now = timezone.now()
    if state.is_idle(last_activity=session.last_activity, now=now, limit=idle_limit()):
        if not session_commit(session, state.apply(sm.Expire()), end_time=now):
            return InterviewSession.objects.get(pk=session.pk)  # a racing write
    return session
