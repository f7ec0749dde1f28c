"""Jobs and their short links."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F
from django.db.models.functions import Upper
from django.utils import timezone

from accounts.models import public_id_of


class JobStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    INACTIVE = "inactive", "Inactive"
    EXPIRED = "expired", "Expired"


class Job(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    recruiter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="jobs"
    )
    title = models.CharField(max_length=200)
    description = models.TextField(
        help_text="Readable text; structured input is flattened."
    )
    description_data = models.JSONField(
        null=True,
        blank=True,
        help_text="The description as sent, when it was an object.",
    )
    salary = models.CharField(max_length=200, blank=True)
    salary_min = models.PositiveIntegerField(null=True, blank=True)
    salary_max = models.PositiveIntegerField(null=True, blank=True)
    salary_currency = models.CharField(max_length=3, blank=True)
    skills = models.JSONField(
        default=list, blank=True, help_text="The skills read from skills_as_sent."
    )
    skills_as_sent = models.TextField(
        blank=True, default="", help_text="The skills string exactly as sent."
    )
    job_type = models.CharField(max_length=50)
    end_date = models.DateTimeField()
    company_name = models.CharField(max_length=200, blank=True)
    location = models.CharField(max_length=200, blank=True)
    status = models.CharField(
        max_length=16, choices=JobStatus.choices, default=JobStatus.ACTIVE
    )
    interview_duration = models.PositiveIntegerField(default=30, help_text="Minutes.")
    short_code = models.CharField(max_length=8, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        # Every filter and sort of GET /jobs has an index (bench/api.py shows EXPLAIN);
        # PostgreSQL also gets (migration 0002) a trigram index for the title
        # "contains" filter and a DESC NULLS LAST salary index, which SQLite lacks.
        indexes = [
            models.Index(
                F("created_at").desc(), F("id").desc(), name="job_created_idx"
            ),
            models.Index(
                "recruiter",
                F("created_at").desc(),
                F("id").desc(),
                name="job_recruiter_created_idx",
            ),
            models.Index(
                Upper("job_type"),
                F("created_at").desc(),
                F("id").desc(),
                name="job_type_created_idx",
            ),
            models.Index("salary_max", "id", name="job_salary_idx"),
            models.Index("title", "id", name="job_title_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.short_code})"

    @property
    def job_link(self) -> str:
        return f"/j/{self.short_code}"

    @property
    def recruiter_public_id(self) -> str:
        """Return the recruiter's id as clients know it (the gateway's, else ours).

        Listings annotate `recruiter_external_id` (jobs.services) so that no
        User is loaded per row; otherwise the recruiter is read.
        """
        if hasattr(self, "recruiter_external_id"):
            return public_id_of(self.recruiter_id, self.recruiter_external_id)
        return self.recruiter.public_id

    @property
    def is_open(self) -> bool:
        """Say whether candidates may still apply (active and not past its end date)."""
        return self.effective_status == JobStatus.ACTIVE

    @property
    def effective_status(self) -> str:
        """Return the status, reading an active job past its end date as expired."""
        if self.status == JobStatus.ACTIVE and self.end_date < timezone.now():
            return JobStatus.EXPIRED
        return self.status
