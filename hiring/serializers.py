"""Shapes of the pipeline endpoints: a move request, a decision."""

from __future__ import annotations

from rest_framework import serializers

from hiring.models import Decision
from resumes import stages
from resumes.models import STAGE_CHOICES, ApplicationStatus
from resumes.serializers import MSG_BAD_STATUS

MSG_BAD_STAGE = "stage must be one of: " + ", ".join(stages.STAGES) + "."
MSG_STAGE_OR_STATUS = "Send `stage` (or the older `status`) to move the application."
REASON_MAX_CHARS = 2000


class ApplicationMoveSerializer(serializers.Serializer):
    """`PATCH /applications/{id}`: `{stage, reason}`, or the older `{status}`."""

    stage = serializers.ChoiceField(
        choices=STAGE_CHOICES,
        required=False,
        error_messages={"invalid_choice": MSG_BAD_STAGE},
        help_text="The stage to move to (wins over status when both are sent).",
    )
    status = serializers.ChoiceField(
        choices=ApplicationStatus.choices,
        required=False,
        error_messages={"invalid_choice": MSG_BAD_STATUS},
        help_text="The older vocabulary: names a stage (see README).",
    )
    reason = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=REASON_MAX_CHARS,
        default="",
        help_text="Why, in the decider's words (required to reject a candidate "
        "an AI scored low).",
    )

    def validate(self, attrs: dict) -> dict:
        if not attrs.get("stage") and not attrs.get("status"):
            raise serializers.ValidationError({"stage": [MSG_STAGE_OR_STATUS]})
        return attrs


class ReviewSnapshotSerializer(serializers.Serializer):
    application_id = serializers.UUIDField()
    score = serializers.IntegerField(allow_null=True)
    engine = serializers.CharField()
    prompt_version = serializers.CharField()
    reviewed_at = serializers.DateTimeField(allow_null=True)


class InterviewSnapshotSerializer(serializers.Serializer):
    session_id = serializers.CharField()
    overall_score = serializers.FloatField(allow_null=True)
    recommendation = serializers.CharField(allow_blank=True)
    engine = serializers.CharField(allow_blank=True)
    prompt_version = serializers.CharField(allow_blank=True)
    finished_at = serializers.DateTimeField(allow_null=True)


class AISnapshotSerializer(serializers.Serializer):
    review = ReviewSnapshotSerializer()
    interviews = InterviewSnapshotSerializer(many=True)


class DecisionSerializer(serializers.ModelSerializer):
    """One ledger entry as the job's recruiter (or the candidate) reads it."""

    application_id = serializers.UUIDField(read_only=True)
    decided_by_id = serializers.UUIDField(read_only=True, allow_null=True)
    ai_snapshot = AISnapshotSerializer(read_only=True)

    class Meta:
        model = Decision
        fields = [
            "id",
            "application_id",
            "job_id",
            "decided_by_id",
            "decided_by_role",
            "from_stage",
            "to_stage",
            "from_status",
            "to_status",
            "reason",
            "ai_snapshot",
            "via",
            "decided_at",
        ]
        read_only_fields = fields
