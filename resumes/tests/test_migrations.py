"""Existing applications get the stage their status names (migration 0003)."""

from __future__ import annotations

import uuid

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from accounts.models import Role
from conftest import make_user
from jobs.models import Job

BEFORE = [("resumes", "0002_application_interview_retakes")]
AFTER = [("resumes", "0003_application_stage")]


@pytest.mark.django_db(transaction=True)
def test_each_status_moves_to_its_stage():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps
    recruiter = make_user(Role.RECRUITER, "m@ex.test")
    job = Job.objects.create(
        recruiter=recruiter,
        title="T",
        description="D",
        salary="$1",
        end_date="2999-01-01T00:00:00Z",
    )
    Application = apps.get_model("resumes", "Application")
    statuses = [
        "applied",
        "reviewing",
        "interview_scheduled",
        "interviewed",
        "hired",
        "rejected",
    ]
    for status in statuses:
        candidate = make_user(Role.CANDIDATE, f"{status}@ex.test")
        Application.objects.create(
            id=uuid.uuid4(), job_id=job.pk, candidate_id=candidate.pk, status=status
        )
    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    apps = executor.loader.project_state(AFTER).apps
    stages = dict(
        apps.get_model("resumes", "Application").objects.values_list("status", "stage")
    )
    assert stages == {
        "applied": "applied",
        "reviewing": "screened",
        "interview_scheduled": "interview",
        "interviewed": "interview",
        "hired": "hired",
        "rejected": "rejected",
    }
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
