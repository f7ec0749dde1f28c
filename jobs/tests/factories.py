"""Jobs, created through `job_create` as `POST /jobs` does.

job = JobFactory(recruiter=recruiter, title="Staff Nurse", skills=["RN"])
"""

from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone

from accounts.models import Role
from accounts.tests.factories import UserFactory
from jobs.models import Job
from jobs.services import job_create


class JobFactory(factory.Factory):
    """Build a job owned by `recruiter` (a new recruiter when not given)."""

    class Meta:
        model = Job

    recruiter = factory.SubFactory(UserFactory, role=Role.RECRUITER)
    title = factory.Sequence(lambda n: f"Backend Engineer {n}")
    description = factory.LazyAttribute(lambda job: f"{job.title}: build things.")
    salary = "$100k"
    skills = factory.LazyFunction(lambda: ["Python"])
    job_type = "full-time"
    end_date = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=30))

    @classmethod
    def _create(cls, model_class, *, recruiter, **fields) -> Job:
        return job_create(recruiter=recruiter, fields=fields)

    _build = _create
