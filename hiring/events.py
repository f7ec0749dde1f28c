"""What `hiring` tells webhook subscribers: `application.stage_changed`.

Published inside the transaction that wrote the move and its decision, so it is
sent only if both commit. The payload names the move and the decision on record;
the AI snapshot and the reason stay in the ledger (`GET /applications/{id}/decisions`).
"""

from __future__ import annotations

from rest_framework import serializers

from hiring.models import Decision
from resumes.models import Application
from webhooks.models import WebhookEvent
from webhooks.services import event_publish


class StageChangedEventSerializer(serializers.ModelSerializer):
    """`application.stage_changed`'s data: the move and who decided it."""

    decision_id = serializers.UUIDField(source="id")
    application_id = serializers.UUIDField()
    job_id = serializers.UUIDField()
    candidate_id = serializers.CharField(source="application.candidate.public_id")

    class Meta:
        model = Decision
        fields = [
            "decision_id",
            "application_id",
            "job_id",
            "candidate_id",
            "from_stage",
            "to_stage",
            "from_status",
            "to_status",
            "decided_by_role",
            "via",
            "decided_at",
        ]


def stage_changed_publish(*, application: Application, decision: Decision) -> None:
    """Announce a move to the job's recruiter's endpoints (and operators')."""
    event_publish(
        event=WebhookEvent.APPLICATION_STAGE_CHANGED,
        data=StageChangedEventSerializer(decision).data,
        owner=application.job.recruiter,
    )
