#!/usr/bin/env python
"""Applications re-scored per second by a rescreen: 1 vs N task workers, side by side.

    .venv/bin/python bench/rescreen.py [--applications 2000] [--workers 2]
                                       [--db openhire_bench_rescreen] [--redis-db 13]

What it does, in one run:
1. (re)creates the database `--db` on 127.0.0.1:5432, migrates it, and stores a
   job with `--applications` applications, each a different resume reviewed
   against an older job text (so every one must be re-scored);
2. for 1 worker, then for `--workers` workers: starts `make worker`'s command
   (`manage.py db_worker`, OPENHIRE_TASKS=database, the offline engine, Redis as
   the cache when it answers) and waits until each is polling, marks every
   application stale again, starts the rescreen (`POST /jobs/{id}/rescreen`'s
   service) and times it from the enqueue to `status: finished`;
3. prints applications re-scored per second for each, the speed-up, and checks
   that every application was scored exactly once (scored == total, errors 0).
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.api import pg_user, port_open, prepare_database  # noqa: E402

DB_NAME = "openhire_bench_rescreen"
STALE = "j" * 64


def job_with_applications(count: int):
    import datetime as dt

    from django.utils import timezone

    from accounts.models import Role, User
    from jobs.models import Job
    from resumes.tests.factories import applications_bulk_make

    recruiter = User.objects.create(email="bench@acme.test", role=Role.RECRUITER)
    job = Job.objects.create(
        recruiter=recruiter,
        title="Senior Backend Engineer",
        description="Build hiring APIs with Python, Django and PostgreSQL; 5+ years; "
        "lead a small team; Docker and Kubernetes a plus.",
        skills=["Python", "Django", "PostgreSQL", "Docker", "Kubernetes"],
        job_type="full-time",
        end_date=timezone.now() + dt.timedelta(days=30),
        short_code=secrets.token_hex(4),
    )
    applications_bulk_make(job=job, count=count, job_hash=STALE)
    return recruiter, job


def workers_ready(processes, logs: list[Path], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for process, log in zip(processes, logs, strict=True):
            if process.poll() is not None:
                sys.exit(f"a worker exited:\n{log.read_text()}")
        if all("Starting worker" in log.read_text() for log in logs):
            return
        time.sleep(0.1)
    sys.exit("the workers did not start in time")


def run_round(workers: int, env: dict, recruiter, job) -> dict:
    from django_tasks_db.models import DBTaskResult

    from openhire.testing import worker_start
    from resumes.models import Application, Rescreen
    from resumes.rescreen import rescreen_start

    Application.objects.filter(job=job).update(job_hash=STALE)
    DBTaskResult.objects.all().delete()
    logs = [Path(tempfile.mkstemp(suffix=".log")[1]) for _ in range(workers)]
    processes = [worker_start(env=env, log_path=log) for log in logs]
    try:
        workers_ready(processes, logs)
        started = time.perf_counter()
        rescreen, _ = rescreen_start(job_id=str(job.pk), user=recruiter)
        while Rescreen.objects.get(pk=rescreen.pk).status == "running":
            time.sleep(0.02)
        seconds = time.perf_counter() - started
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)
    done = Rescreen.objects.get(pk=rescreen.pk)
    return {
        "workers": workers,
        "seconds": seconds,
        "total": done.total,
        "scored": done.scored,
        "errors": done.errors,
        "rate": done.scored / seconds,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--db", default=DB_NAME)
    parser.add_argument("--redis-db", type=int, default=13)
    args = parser.parse_args()

    user = pg_user()
    prepare_database(user, False, args.db)
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{user}@127.0.0.1:5432/{args.db}",
        "OPENHIRE_TASKS": "database",
        "OPENHIRE_LLM": "offline",
        "OPENHIRE_LOG_LEVEL": "WARNING",
        "OPENHIRE_VAR_DIR": tempfile.mkdtemp(prefix="openhire-bench-"),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_SETTINGS_MODULE": "openhire.settings",
    }
    if port_open(6379):
        env["REDIS_URL"] = f"redis://127.0.0.1:6379/{args.redis_db}"
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    recruiter, job = job_with_applications(args.applications)
    print(
        f"rescreen of {args.applications} applications, offline engine, "
        f"PostgreSQL{' + Redis' if 'REDIS_URL' in env else ''}, "
        f"{os.cpu_count()} cores, chunks of 25 per task"
    )
    rounds = [run_round(n, env, recruiter, job) for n in (1, args.workers)]
    base = rounds[0]["rate"]
    for r in rounds:
        print(
            f"  {r['workers']} worker(s): {r['scored']}/{r['total']} scored in "
            f"{r['seconds']:.2f} s = {r['rate']:.0f} applications/s "
            f"(x{r['rate'] / base:.2f}), errors {r['errors']}"
        )
    once = all(r["scored"] == r["total"] == args.applications for r in rounds)
    print(f"every application scored exactly once in each round: {once}")


if __name__ == "__main__":
    main()
