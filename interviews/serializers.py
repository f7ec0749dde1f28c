"""Bodies of the interview REST endpoints, built from the selectors' records."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ai.types import RECOMMENDATIONS


class InterviewStatusSerializer(serializers.Serializer):
    session_id = serializers.CharField()
    candidate_id = serializers.CharField(
        help_text="The candidate's id as the client sent it (trusted mode: the "
        "gateway's id), else our UUID."
    )
    status = serializers.ChoiceField(
        choices=["waiting", "in_progress", "analyzing", "completed", "expired"],
        help_text="An interview ended early is `completed`; see early_termination.",
    )
    questions_asked = serializers.IntegerField()
    total_questions = serializers.IntegerField()
    progress_percentage = serializers.IntegerField()
    has_feedback = serializers.BooleanField()
    interview_phase = serializers.CharField(
        help_text="The state machine's phase, e.g. follow_up, ended_early."
    )
    early_termination = serializers.BooleanField()
    timestamp = serializers.DateTimeField()


class InterviewAnalysisSerializer(serializers.Serializer):
    overall_score = serializers.FloatField()
    technical_score = serializers.FloatField()
    communication_score = serializers.FloatField()
    problem_solving_score = serializers.FloatField()
    cultural_fit_score = serializers.FloatField()
    confidence_score = serializers.FloatField()
    comfort_level = serializers.CharField()
    engagement_level = serializers.CharField()
    strengths = serializers.ListField(child=serializers.CharField())
    areas_for_improvement = serializers.ListField(child=serializers.CharField())
    red_flags = serializers.ListField(child=serializers.CharField())
    overall_feedback = serializers.CharField()
    recommendation = serializers.ChoiceField(choices=list(RECOMMENDATIONS))
    evidence = serializers.ListField(child=serializers.DictField())
    meta = serializers.DictField(help_text="engine, prompt_version, fallback_reason...")


class InterviewDataSerializer(serializers.Serializer):
    questions_asked = serializers.IntegerField()
    total_messages = serializers.IntegerField()
    completion_time = serializers.DateTimeField(allow_null=True)
    duration_minutes = serializers.FloatField(allow_null=True)
    early_termination = serializers.BooleanField()
    conversation_history = serializers.ListField(child=serializers.DictField())


class InterviewArtifactSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    type = serializers.CharField(source="artifact_type")
    url = serializers.CharField(source="file.url")
    size_bytes = serializers.IntegerField()
    created_at = serializers.DateTimeField()


@extend_schema_field(InterviewAnalysisSerializer)
class AnalysisField(serializers.JSONField):
    """The stored analysis, answered as it was stored (older records keep their keys)."""


class InterviewResultsSerializer(serializers.Serializer):
    session_id = serializers.CharField()
    candidate_id = serializers.CharField(
        help_text="The candidate's id as the client sent it (trusted mode: the "
        "gateway's id), else our UUID."
    )
    analysis = AnalysisField()
    interview_data = InterviewDataSerializer()
    artifacts = InterviewArtifactSerializer(many=True)
    ai_meta = serializers.DictField()
    timestamp = serializers.DateTimeField()


class InterviewDeletedSerializer(serializers.Serializer):
    message = serializers.CharField()
    timestamp = serializers.DateTimeField()


class ModelCallsSerializer(serializers.Serializer):
    """This process's model calls (additive): in flight, queued, the cap, the breaker."""

    in_flight = serializers.IntegerField()
    queued = serializers.IntegerField()
    max_concurrency = serializers.IntegerField()
    circuit = serializers.ChoiceField(choices=["closed", "open", "half_open"])


class InterviewHealthSerializer(serializers.Serializer):
    status = serializers.CharField()
    service = serializers.CharField()
    active_sessions = serializers.IntegerField()
    timestamp = serializers.DateTimeField()
    version = serializers.CharField()
    model_calls = ModelCallsSerializer()
