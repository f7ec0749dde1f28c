"""Reads for hiring decisions: the AI results in front of a decider, the ledger."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from accounts.models import User
from hiring.models import Decision
from interviews.models import InterviewSession
from resumes.models import Application


def _interviews(application: Application) -> QuerySet[InterviewSession]:
    """Return the application's finished interviews (linked, or same job+candidate)."""
    linked = Q(application_id=application.pk) | Q(
        job_id=application.job_id, candidate_id=application.candidate_id
    )
    return InterviewSession.objects.filter(linked, analysis__isnull=False).order_by(
        "created_at"
    )


def interview_snapshot(session: InterviewSession) -> dict[str, Any]:
    """Return what a decider sees of one interview's analysis."""
    analysis = session.analysis or {}
    meta = (session.ai_meta or {}).get("analysis", {})
    return {
        "session_id": session.session_id,
        "overall_score": analysis.get("overall_score"),
        "recommendation": analysis.get("recommendation")
        or session.overall_recommendation,
        "engine": meta.get("engine", ""),
        "prompt_version": meta.get("prompt_version", ""),
        "finished_at": session.end_time.isoformat() if session.end_time else None,
    }


def ai_snapshot(*, application: Application) -> dict[str, Any]:
    """Return the AI results on record for `application`: its review and interviews."""
    return {
        "review": {
            "application_id": str(application.pk),
            "score": application.score,
            "engine": application.engine,
            "prompt_version": application.prompt_version,
            "reviewed_at": application.updated_at.isoformat()
            if application.updated_at
            else None,
        },
        "interviews": [interview_snapshot(s) for s in _interviews(application)],
    }


def snapshot_scores(snapshot: dict[str, Any]) -> list[float | None]:
    """Return every AI score in a snapshot (the review's, each interview's)."""
    scores = [snapshot["review"]["score"]]
    scores += [each["overall_score"] for each in snapshot["interviews"]]
    return scores


def decision_list(*, application: Application) -> QuerySet[Decision]:
    """Return the application's decisions, oldest first."""
    return Decision.objects.filter(application_id=application.pk).order_by(
        "decided_at", "id"
    )


def decision_role(*, user: User, application: Application) -> str:
    """Return the role a decider acts in on `application`."""
    if user.pk == application.candidate_id:
        return "candidate"
    if user.pk == application.job.recruiter_id:
        return "recruiter"
    return "operator"
