"""Applications: a candidate's resume for a job, with its stored AI review."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F
from django.utils import timezone

from resumes import stages


class ApplicationStatus(models.TextChoices):
    APPLIED = "applied", "Applied"
    REVIEWING = "reviewing", "Reviewing"
    INTERVIEW_SCHEDULED = "interview_scheduled", "Interview scheduled"
    INTERVIEWED = "interviewed", "Interviewed"
    OFFER = "offer", "Offer"
    HIRED = "hired", "Hired"
    REJECTED = "rejected", "Rejected"
    WITHDRAWN = "withdrawn", "Withdrawn"


# The pipeline stage (resumes/stages.py holds the legal moves and how a status
# names a stage); moved only by hiring.services, which records each decision.
STAGE_CHOICES = [(stage, stage.capitalize()) for stage in stages.STAGES]


def resume_upload_to(application: Application, filename: str) -> str:
    """Store under the job and application ids; the client's file name is not used."""
    extension = filename.rsplit(".", 1)[-1] if "." in filename else "bin"
    return (
        f"resumes/{application.job_id}/{application.id}/{uuid.uuid4().hex}.{extension}"
    )


class Application(models.Model):
    """One candidate's application to one job, and the latest review of its resume."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    job = models.ForeignKey(
        "jobs.Job", on_delete=models.CASCADE, related_name="applications"
    )
    candidate = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="applications"
    )
    status = models.CharField(
        max_length=24,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.APPLIED,
    )
    stage = models.CharField(
        max_length=16,
        choices=STAGE_CHOICES,
        default=stages.APPLIED,
        db_index=True,
        help_text="Where the application stands in the pipeline.",
    )

    resume_file = models.FileField(
        upload_to=resume_upload_to, blank=True, max_length=300
    )
    resume_filename = models.CharField(
        max_length=255, blank=True, help_text="The name the client gave the file."
    )
    resume_format = models.CharField(max_length=8, help_text="pdf, docx or txt.")
    resume_pages = models.PositiveIntegerField(default=1)
    resume_text = models.TextField(help_text="The extracted, normalised text reviewed.")
    resume_links = models.JSONField(
        default=list, blank=True, help_text="Hyperlinks found in the file: {url, text}."
    )

    score = models.PositiveSmallIntegerField(null=True, blank=True)
    review_summary = models.TextField(blank=True)
    pros = models.JSONField(default=list, blank=True)
    cons = models.JSONField(default=list, blank=True)
    details = models.JSONField(
        default=dict,
        blank=True,
        help_text="Matched and missing requirements with evidence.",
    )

    engine = models.CharField(max_length=100, blank=True)
    prompt_version = models.CharField(max_length=100, blank=True)
    model_calls = models.PositiveIntegerField(default=0)
    tokens_in = models.PositiveIntegerField(default=0)
    tokens_out = models.PositiveIntegerField(default=0)
    latency_ms = models.FloatField(default=0.0)
    fallback_reason = models.CharField(max_length=300, blank=True)
    interview_retakes_allowed = models.PositiveSmallIntegerField(
        default=0,
        help_text="Interviews for this job the candidate may take again after "
        "finishing one (a recruiter's decision; a finished interview is a record).",
    )

    resume_hash = models.CharField(
        max_length=64, help_text="SHA-256 of the reviewed resume text."
    )
    job_hash = models.CharField(
        max_length=64, help_text="SHA-256 of the job text the review was made against."
    )

    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = [F("score").desc(nulls_last=True), "created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["job", "candidate"], name="application_one_per_job_candidate"
            )
        ]
        indexes = [
            models.Index(
                "job", F("score").desc(), "created_at", name="application_job_rank_idx"
            ),
            models.Index(
                fields=["candidate", "-created_at"], name="application_candidate_idx"
            ),
            models.Index(
                "resume_hash", "job_hash", "engine", name="application_review_cache_idx"
            ),
        ]

    def __str__(self) -> str:
        candidate = self.candidate.name or self.candidate.email
        return f"{candidate} → {self.job.title} ({self.get_status_display()})"


class RescreenStatus(models.TextChoices):
    RUNNING = "running", "Running"
    FINISHED = "finished", "Finished"
    SUPERSEDED = "superseded", "Superseded"


class Rescreen(models.Model):
    """A batch re-review of a job's applications, with its progress.

    `total` applications when it started: `skipped` were already reviewed against
    this job text (`job_hash`) and `engine`, `scored` have been reviewed since,
    `errors` could not be (their `error_samples` say why). Work is split into
    chunks of applications, each a background task of generation `generation`;
    resuming a stalled rescreen starts a new generation over what is left.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    job = models.ForeignKey(
        "jobs.Job", on_delete=models.CASCADE, related_name="rescreens"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        max_length=16, choices=RescreenStatus.choices, default=RescreenStatus.RUNNING
    )
    job_hash = models.CharField(max_length=64)
    engine = models.CharField(max_length=100)
    total = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    scored = models.PositiveIntegerField(default=0)
    errors = models.PositiveIntegerField(default=0)
    error_samples = models.JSONField(default=list, blank=True)
    generation = models.PositiveIntegerField(default=0)
    chunks_pending = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    heartbeat_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["job", "-created_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["job"],
                condition=models.Q(status="running"),
                name="rescreen_one_running_per_job",
            )
        ]

    def __str__(self) -> str:
        return f"Rescreen of {self.job_id} ({self.status})"

    @property
    def done(self) -> int:
        return self.skipped + self.scored + self.errors
