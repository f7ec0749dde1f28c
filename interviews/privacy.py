"""Export and erase a person's interviews (see accounts/privacy.py).

Erasure keeps, for the recruiter's records, each interview's job, phase, number
of questions, numeric scores, recommendation and dates, moved onto the
tombstone user; it blanks the resume, the questions and answers, the feedback
and every other text, and deletes the artifacts and their files.
"""

from __future__ import annotations

from typing import Any

from interviews.models import InterviewSession

TEXT_FIELDS = ("resume_text", "final_feedback", "job_description")
LIST_FIELDS = ("strengths_identified", "areas_to_improve", "red_flags")
NUMERIC_ANALYSIS = (
    "overall_score",
    "technical_score",
    "communication_score",
    "problem_solving_score",
    "cultural_fit_score",
    "recommendation",
)


def _session_export(session: InterviewSession) -> dict[str, Any]:
    return {
        "session_id": session.session_id,
        "job_id": str(session.job_id) if session.job_id else None,
        "job_title": session.job_title,
        "company_name": session.company_name,
        "phase": session.interview_phase,
        "start_time": session.start_time.isoformat() if session.start_time else None,
        "end_time": session.end_time.isoformat() if session.end_time else None,
        "resume_text": session.resume_text,
        "conversation_history": session.conversation_history,
        "analysis": session.analysis,
        "final_feedback": session.final_feedback,
        "artifacts": [
            {
                "id": str(artifact.id),
                "type": artifact.artifact_type,
                "url": artifact.file.url,
                "size_bytes": artifact.size_bytes,
            }
            for artifact in session.artifacts.all()
        ],
    }


def user_export(*, user) -> dict[str, Any]:
    """Return the user's interviews with transcripts, analyses and artifacts listed."""
    sessions = InterviewSession.objects.filter(candidate=user).prefetch_related(
        "artifacts"
    )
    return {"interviews": [_session_export(session) for session in sessions]}


def _blank_state(state: dict) -> dict:
    """Keep the phase and the number of turns; drop every question and answer."""
    if not state:
        return state
    turns = [
        {"question_type": turn.get("question_type", ""), "question": "", "answer": ""}
        for turn in state.get("turns", [])
    ]
    return {**state, "turns": turns}


def user_erase(*, user, tombstone) -> None:
    """Anonymise the user's interviews onto `tombstone`; delete their artifacts."""
    for session in InterviewSession.objects.filter(candidate=user):
        for artifact in session.artifacts.all():
            artifact.file.delete(save=False)
            artifact.delete()
        for field in TEXT_FIELDS:
            setattr(session, field, "")
        for field in LIST_FIELDS:
            setattr(session, field, [])
        analysis = session.analysis or None
        if analysis:
            analysis = {k: analysis[k] for k in NUMERIC_ANALYSIS if k in analysis}
        session.analysis = analysis
        session.state = _blank_state(session.state)
        session.candidate = tombstone
        session.save()


def retention_purge(*, before) -> int:
    """Delete interviews created before `before`, with their artifacts and files."""
    count = 0
    for session in InterviewSession.objects.filter(created_at__lt=before):
        for artifact in session.artifacts.all():
            artifact.delete()  # the row's file goes with it (openhire.files)
        session.delete()
        count += 1
    return count
