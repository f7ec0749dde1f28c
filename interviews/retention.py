"""Keep and remove interview sessions: transcripts, expiry, deletion.

- `interview_transcript_store`: a finished interview's JSON transcript, stored
  once in Django storage as an `InterviewArtifact`.
- `interview_expire_idle`: expire unfinished sessions idle past the limit
  (`manage.py expire_interviews`; reads expire a session lazily too).
- `interview_delete`: delete a session, its artifacts and their files, and close
  its sockets on any worker (the `interview_group` of the channel layer).
"""

from __future__ import annotations

import datetime as dt
import json

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from interviews import state_machine as sm
from interviews import store
from interviews.models import InterviewArtifact, InterviewSession

DELETED = "Session {session_id} cleaned up successfully"


def interview_transcript_store(*, session: InterviewSession) -> InterviewArtifact:
    """Store the finished interview's JSON transcript in Django storage (once).

    The unique (session, type) constraint decides between racing workers: the
    loser deletes its file and returns the stored artifact.
    """
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
    cutoff = (now or timezone.now()) - store.idle_limit()
    idle = InterviewSession.objects.filter(
        interview_phase__in=sm.EXPIRABLE_PHASES, last_activity__lt=cutoff
    )
    expired = 0
    for session in idle:
        state = store.session_state(session)
        # The compare-and-set leaves alone a session written since it was read.
        if state.phase in sm.EXPIRABLE_PHASES and store.session_commit(
            session, state.apply(sm.Expire()), end_time=timezone.now()
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


def interview_group(session_id: str) -> str:
    """Return the channel-layer group of a session's sockets (any worker)."""
    return f"interview.{session_id}"
