"""The decision ledger: one append-only row per stage change, signed by a human.

A `Decision` records who moved an application, when, from which stage to which,
why, and a snapshot of the AI results the decider had in front of them. Rows are
written once by `hiring.services` and never changed or deleted: `save()` on an
existing row, `delete()`, and the queryset's `update()`/`delete()` raise
`LedgerImmutable`; on PostgreSQL a trigger refuses UPDATE and DELETE as well
(migration 0002). The ledger outlives what it points at: the application and
decider references carry no database constraint and nothing cascades onto them.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from openhire.errors import OpenHireError
from resumes.models import STAGE_CHOICES

MSG_IMMUTABLE = (
    "The decision ledger is append-only: an entry cannot be changed or deleted."
)


class LedgerImmutable(OpenHireError):
    """Raised by any attempt to change or delete a decision."""

    def __init__(self) -> None:
        super().__init__(MSG_IMMUTABLE, "ledger_immutable", status=405)


class DecisionQuerySet(models.QuerySet):
    """Decisions can be read and added, never updated or deleted in bulk."""

    def update(self, **kwargs: Any) -> int:
        raise LedgerImmutable()

    def delete(self) -> tuple[int, dict[str, int]]:
        raise LedgerImmutable()

    def bulk_update(self, objs: Any, fields: Any, batch_size: Any = None) -> int:
        raise LedgerImmutable()

    # update_or_create goes through save(); _raw_delete is Django's fast path.
    def _raw_delete(self, using: str) -> int:
        raise LedgerImmutable()


class DecisionVia(models.TextChoices):
    API = "api", "API"
    ADMIN = "admin", "Admin"


class Decision(models.Model):
    """One human decision moving one application from a stage to another."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    application = models.ForeignKey(
        "resumes.Application",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="decisions",
    )
    job_id = models.UUIDField(db_index=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="+",
    )
    decided_by_role = models.CharField(
        max_length=16, help_text="recruiter, candidate or operator."
    )
    from_stage = models.CharField(max_length=16, choices=STAGE_CHOICES)
    to_stage = models.CharField(max_length=16, choices=STAGE_CHOICES)
    from_status = models.CharField(max_length=24)
    to_status = models.CharField(max_length=24)
    reason = models.TextField(blank=True)
    ai_snapshot = models.JSONField(
        default=dict,
        help_text="The AI results the decider had in front of them.",
    )
    via = models.CharField(max_length=8, choices=DecisionVia.choices)
    decided_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["decided_at", "id"]
        indexes = [models.Index(fields=["application", "decided_at"])]

    def __str__(self) -> str:
        return f"{self.from_stage} → {self.to_stage} ({self.decided_at:%Y-%m-%d %H:%M})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise LedgerImmutable()
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise LedgerImmutable()
