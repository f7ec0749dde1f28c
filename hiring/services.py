"""Move applications through the pipeline, one signed decision per move.

The only writer of `Application.stage` (and, through it, `status`). Every move
checks the table (`resumes.stages`), the sign-off rule (`hiring.signoff`), and
writes the application and its `Decision` in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction

from accounts.models import User
from accounts.permissions import require_user
from hiring.events import stage_changed_publish
from hiring.models import Decision
from hiring.selectors import ai_snapshot, decision_role, snapshot_scores
from hiring.signoff import reason_required_error
from openhire.errors import OpenHireError
from resumes import stages
from resumes.models import Application
from resumes.services import MSG_STATUS_RECRUITER_ONLY, application_get


class StageMoveRefused(OpenHireError):
    """409: the table does not allow this move; the body names the allowed ones."""

    def __init__(self, refused: stages.MoveRefused) -> None:
        super().__init__(refused.message, refused.code, status=409)
        self.allowed = refused.allowed

    def body(self) -> dict[str, Any]:
        return {**super().body(), "allowed": list(self.allowed)}


@dataclass(frozen=True)
class Move:
    """A requested move: the target stage and the status to write with it."""

    stage: str
    status: str


def requested_move(
    *, application: Application, stage: str | None, status: str | None
) -> Move:
    """Turn a `{stage}` or legacy `{status}` request into a move (stage wins)."""
    if stage:
        after = stages.status_after(
            current_status=application.status, target_stage=stage
        )
        return Move(stage=stage, status=after)
    return Move(stage=stages.stage_of_status(status or ""), status=status or "")


def _mover(user: User, application: Application) -> str:
    """Return who moves: the job's recruiter (or an operator) or the candidate."""
    if user.pk == application.job.recruiter_id or user.is_superuser:
        return stages.RECRUITER
    if user.pk == application.candidate_id:
        return stages.CANDIDATE
    raise OpenHireError(MSG_STATUS_RECRUITER_ONLY, "not_owner", status=403)


def move_check(
    *, application: Application, user: User, move: Move, reason: str
) -> dict[str, Any]:
    """Refuse a move that is not allowed; return the AI snapshot it is decided on."""
    mover = _mover(user, application)
    refused = stages.move_error(application.stage, move.stage, mover=mover)
    if refused is not None and refused.code == "not_owner":
        raise OpenHireError(refused.message, refused.code, status=403)
    if refused is not None:
        raise StageMoveRefused(refused)
    snapshot = ai_snapshot(application=application)
    missing = reason_required_error(
        target=move.stage,
        ai_scores=snapshot_scores(snapshot),
        threshold=settings.OPENHIRE_REJECT_REASON_BELOW_SCORE,
        reason=reason,
    )
    if missing:
        raise OpenHireError(missing, "reason_required", errors={"reason": [missing]})
    return snapshot


@transaction.atomic
def application_move(
    *,
    application_id: str,
    user: User | None,
    stage: str | None = None,
    status: str | None = None,
    reason: str = "",
    via: str = "api",
) -> Application:
    """Move an application to `stage` (or a legacy `status`) and record the decision.

    A status of the current stage only changes the status (no move, no decision).
    """
    user = require_user(user)
    found = application_get(application_id=application_id)
    application = (
        Application.objects.select_for_update().select_related("job").get(pk=found.pk)
    )
    move = requested_move(application=application, stage=stage, status=status)
    if stage is None and move.stage == application.stage:
        if _mover(user, application) != stages.RECRUITER:  # a note is theirs only
            raise OpenHireError(MSG_STATUS_RECRUITER_ONLY, "not_owner", status=403)
        application.status = move.status
        application.save(update_fields=["status", "updated_at"])
        return application
    snapshot = move_check(application=application, user=user, move=move, reason=reason)
    decision = Decision(
        application=application,
        job_id=application.job_id,
        decided_by=user,
        decided_by_role=decision_role(user=user, application=application),
        from_stage=application.stage,
        to_stage=move.stage,
        from_status=application.status,
        to_status=move.status,
        reason=reason.strip(),
        ai_snapshot=snapshot,
        via=via,
    )
    decision.save()
    application.stage, application.status = move.stage, move.status
    application.save(update_fields=["stage", "status", "updated_at"])
    stage_changed_publish(application=application, decision=decision)
    return application
