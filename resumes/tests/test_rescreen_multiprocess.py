"""A rescreen of 1 000 applications survives a worker killed with SIGKILL midway.

Real `db_worker` processes (the database task backend, `make worker`) share the
PostgreSQL test database: the first is killed mid-run, the next POST resumes
the rescreen and a second worker finishes it; every application ends scored
exactly once. Runs only on PostgreSQL (`.ci/run`'s second pass).
"""

from __future__ import annotations

import os
import signal
import time

import pytest
from django.db import connection

from openhire.testing import database_url_of, worker_start
from resumes.models import Application, Rescreen
from resumes.services import job_hash, job_spec
from resumes.tests.factories import applications_bulk_make

COUNT = 1000
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

pytestmark = [
    pytest.mark.multiprocess,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith(
            ("postgres://", "postgresql://")
        ),
        reason="needs DATABASE_URL (PostgreSQL)",
    ),
    pytest.mark.django_db(transaction=True),
]


def wait_for(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def scored(rescreen_id) -> int:
    return Rescreen.objects.get(pk=rescreen_id).scored


def test_a_rescreen_with_a_worker_killed_midway_scores_every_application_once(
    client_for, recruiter, job, settings
):
    settings.TASKS = DATABASE_TASKS
    applications_bulk_make(job=job, count=COUNT)
    env = {**os.environ, "DATABASE_URL": database_url_of(connection.settings_dict)}
    client = client_for(recruiter)
    started = client.post(f"/jobs/{job.pk}/rescreen").json()
    assert (started["status"], started["total"], started["done"]) == (
        "running",
        COUNT,
        0,
    )

    first = worker_start(env=env)
    try:
        wait_for(lambda: scored(started["id"]) >= COUNT // 4, 120, "a quarter")
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait()
    halfway = scored(started["id"])
    assert halfway < COUNT

    settings.OPENHIRE_RESCREEN_STALL_S = 1
    time.sleep(1.1)
    assert client.get(f"/jobs/{job.pk}/rescreen").json()["stalled"] is True
    resumed = client.post(f"/jobs/{job.pk}/rescreen")
    assert resumed.status_code == 202
    assert resumed.json()["generation"] == 1

    second = worker_start(env=env, batch=True)
    second.wait(timeout=180)
    body = client.get(f"/jobs/{job.pk}/rescreen").json()
    assert (body["status"], body["scored"], body["errors"]) == ("finished", COUNT, 0)
    assert body["done"] == body["total"] == COUNT
    current = job_hash(job_spec(job))
    assert Application.objects.filter(job=job, job_hash=current).count() == COUNT
