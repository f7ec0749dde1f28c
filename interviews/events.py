"""What `interviews` tells webhook subscribers: `interview.completed`.

Published once the analysis is stored (the compare-and-set that finished the
interview has committed), from the database step that stored it: off the event
loop, like every other database step of an interview.
"""

from __future__ import annotations

from rest_framework import serializers

from interviews.models import InterviewSession
from webhooks.models import WebhookEvent
from webhooks.services import event_publish


class InterviewEventSerializer(serializers.ModelSerializer):
    """`interview.completed`'s data: whose interview, for which job, its verdict."""

    job_id = serializers.UUIDField(allow_null=True)
    candidate_id = serializers.CharField(source="candidate.public_id")
    ended_early = serializers.BooleanField(source="early_termination")
    recommendation = serializers.CharField(source="overall_recommendation")
    completed_at = serializers.DateTimeField(source="end_time")

    class Meta:
        model = InterviewSession
        fields = [
            "session_id",
            "job_id",
            "application_id",
            "candidate_id",
            "ended_early",
            "recommendation",
            "technical_score",
            "communication_score",
            "confidence_score",
            "duration_minutes",
            "completed_at",
        ]


def interview_completed_publish(*, session: InterviewSession) -> None:
    """Announce a finished interview to its job's recruiter (and operators)."""
    owner = session.job.recruiter if session.job_id and session.job else None
    event_publish(
        event=WebhookEvent.INTERVIEW_COMPLETED,
        data=InterviewEventSerializer(session).data,
        owner=owner,
    )
