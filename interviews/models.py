"""Store interview sessions and the files they produce.

An `InterviewSession` row is the whole truth about one interview: the state
machine's state (`state`, which holds each question and answer once; the
`conversation_history` property derives the transcript from it), the analysis
and the AI metadata. Every worker reads and writes it, so any
worker can serve the next message, a reconnect or the REST endpoints.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from ai.types import RECOMMENDATIONS
from interviews import state_machine as sm

PHASE_CHOICES = [(phase, phase.replace("_", " ")) for phase in sm.PHASES]
LEVEL_CHOICES = [("low", "low"), ("medium", "medium"), ("high", "high")]
RECOMMENDATION_CHOICES = [(name, name.replace("_", " ")) for name in RECOMMENDATIONS]


class InterviewSession(models.Model):
    """One candidate's AI interview, from initialisation to analysis."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    session_id = models.CharField(max_length=128, unique=True)
    candidate = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="interview_sessions",
    )
    job = models.ForeignKey(
        "jobs.Job",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="interview_sessions",
    )
    application_id = models.UUIDField(null=True, blank=True)
    job_title = models.CharField(max_length=300, blank=True)
    job_description = models.TextField(blank=True)
    job_skills = models.JSONField(default=list, blank=True)
    company_name = models.CharField(max_length=300, blank=True)
    resume_text = models.TextField(blank=True)

    start_time = models.DateTimeField(null=True, blank=True)
    end_time = models.DateTimeField(null=True, blank=True)
    last_activity = models.DateTimeField(default=timezone.now, db_index=True)
    duration_minutes = models.FloatField(null=True, blank=True)
    questions_asked = models.PositiveSmallIntegerField(default=0)
    interview_phase = models.CharField(
        max_length=32, choices=PHASE_CHOICES, default=sm.WAITING, db_index=True
    )
    state = models.JSONField(default=dict, blank=True)
    version = models.PositiveIntegerField(
        default=0, help_text="Bumped by every state change (compare-and-set)."
    )
    early_termination = models.BooleanField(default=False)

    comfort_level = models.CharField(max_length=16, choices=LEVEL_CHOICES, blank=True)
    engagement_level = models.CharField(
        max_length=16, choices=LEVEL_CHOICES, blank=True
    )
    technical_score = models.FloatField(null=True, blank=True)
    communication_score = models.FloatField(null=True, blank=True)
    confidence_score = models.FloatField(null=True, blank=True)
    strengths_identified = models.JSONField(default=list, blank=True)
    areas_to_improve = models.JSONField(default=list, blank=True)
    red_flags = models.JSONField(default=list, blank=True)
    overall_recommendation = models.CharField(
        max_length=16, choices=RECOMMENDATION_CHOICES, blank=True
    )
    final_feedback = models.TextField(blank=True)
    analysis = models.JSONField(null=True, blank=True)
    ai_meta = models.JSONField(default=dict, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["candidate", "-created_at"])]

    def __str__(self) -> str:
        return f"Interview {self.session_id} ({self.interview_phase})"

    @property
    def conversation_history(self) -> list[dict]:
        """Return the transcript: each question and answer, derived from `state`."""
        return sm.InterviewState.from_dict(self.state).messages()


ARTIFACT_TYPES = [("transcript", "transcript")]


def artifact_path(instance: InterviewArtifact, filename: str) -> str:
    return f"interviews/{instance.session.session_id}/{filename}"


class InterviewArtifact(models.Model):
    """A file produced by an interview, e.g. its JSON transcript."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    session = models.ForeignKey(
        InterviewSession, on_delete=models.CASCADE, related_name="artifacts"
    )
    artifact_type = models.CharField(max_length=32, choices=ARTIFACT_TYPES)
    file = models.FileField(upload_to=artifact_path, max_length=300)
    size_bytes = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "artifact_type"], name="one_artifact_per_type"
            )
        ]

    def __str__(self) -> str:
        return f"{self.artifact_type} of {self.session.session_id}"
