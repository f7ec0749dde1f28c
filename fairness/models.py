"""Voluntary self-identification, kept apart from the application it belongs to.

One row per application, written only by its candidate. No API route returns a
row to anyone but that candidate, and the admin does not list the rows: they
are read only in aggregate, by `fairness.selectors` for the adverse-impact report.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.utils import timezone

from fairness.categories import PREFER_NOT, QUESTIONS
from jobs.models import Job


def _choices(category: str) -> list[tuple[str, str]]:
    return [(value, value.replace("_", " ")) for value in QUESTIONS[category]]


class SelfIdentification(models.Model):
    """A candidate's answers to the voluntary questions for one application."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    application = models.OneToOneField(
        "resumes.Application", on_delete=models.CASCADE, related_name="+"
    )
    sex = models.CharField(max_length=40, choices=_choices("sex"), default=PREFER_NOT)
    race_ethnicity = models.CharField(
        max_length=40, choices=_choices("race_ethnicity"), default=PREFER_NOT
    )
    age_band = models.CharField(
        max_length=40, choices=_choices("age_band"), default=PREFER_NOT
    )
    disability = models.CharField(
        max_length=40, choices=_choices("disability"), default=PREFER_NOT
    )
    veteran_status = models.CharField(
        max_length=40, choices=_choices("veteran_status"), default=PREFER_NOT
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Self-identification {self.pk}"


class AdverseImpactJob(Job):
    """A job seen through its adverse-impact report (the admin's report pages)."""

    class Meta:
        proxy = True
        verbose_name = "adverse-impact report"
        verbose_name_plural = "adverse-impact reports"
