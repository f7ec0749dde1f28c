"""What `resumes` tells webhook subscribers: event payloads and their publishing.

`application.created` when a candidate's first review records their application;
`review.completed` whenever a review is stored on an application (a candidate's
submission or a recruiter's batch rescreen, told apart by `trigger`). Both are
published inside the transaction that stored the review, so they are sent only
if it commits.
"""

from __future__ import annotations

from rest_framework import serializers

from resumes.models import Application
from webhooks.models import WebhookEvent
from webhooks.services import event_has_subscribers, event_publish

TRIGGER_SUBMISSION = "submission"
TRIGGER_RESCREEN = "rescreen"


class ApplicationEventSerializer(serializers.ModelSerializer):
    """`application.created`'s data: which application, job and candidate."""

    application_id = serializers.UUIDField(source="id")
    job_id = serializers.UUIDField()
    job_title = serializers.CharField(source="job.title")
    candidate_id = serializers.CharField(source="candidate.public_id")

    class Meta:
        model = Application
        fields = [
            "application_id",
            "job_id",
            "job_title",
            "candidate_id",
            "status",
            "created_at",
        ]


class ReviewEventSerializer(ApplicationEventSerializer):
    """`review.completed`'s data: the application and the review's score and source."""

    summary = serializers.CharField(source="review_summary")
    warnings = serializers.SerializerMethodField()
    trigger = serializers.SerializerMethodField()

    class Meta(ApplicationEventSerializer.Meta):
        fields = [
            *ApplicationEventSerializer.Meta.fields,
            "score",
            "summary",
            "engine",
            "prompt_version",
            "job_hash",
            "fallback_reason",
            "warnings",
            "trigger",
            "updated_at",
        ]

    def get_warnings(self, application: Application) -> list[str]:
        return [
            w.get("code", "") for w in (application.details or {}).get("warnings", [])
        ]

    def get_trigger(self, application: Application) -> str:
        return self.context.get("trigger", TRIGGER_SUBMISSION)


def application_created_publish(*, application: Application) -> None:
    """Announce a new application to the job's recruiter (and operators)."""
    event_publish(
        event=WebhookEvent.APPLICATION_CREATED,
        data=ApplicationEventSerializer(application).data,
        owner=application.job.recruiter,
    )


def review_completed_publish(*, application: Application, trigger: str) -> None:
    """Announce a review stored on `application` (`trigger`: submission or rescreen)."""
    data = ReviewEventSerializer(application, context={"trigger": trigger}).data
    event_publish(
        event=WebhookEvent.REVIEW_COMPLETED, data=data, owner=application.job.recruiter
    )


def review_completed_wanted(*, job) -> bool:
    """Say whether anyone subscribes to `review.completed` for `job` (batch work)."""
    return event_has_subscribers(
        event=WebhookEvent.REVIEW_COMPLETED, owner=job.recruiter
    )
