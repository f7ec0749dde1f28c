#!/usr/bin/env python
"""Load the REST API on PostgreSQL with the production server, and print figures.

    .venv/bin/python bench/api.py [--jobs 100000] [--workers 2] [--concurrency 16]
                                  [--seconds 5] [--reuse] [--db NAME] [--redis-db N]

What it does, in one run:
1. creates (or, with --reuse, keeps) the database `openhire_bench` on 127.0.0.1:5432,
   migrates it and loads `--jobs` jobs;
2. counts the SQL statements each request runs (in-process, with Django's test
   client) and prints the EXPLAIN verdict of every filter and sort of GET /jobs;
3. starts `make serve`'s command (uvicorn via `openhire.testing.server_start`, `--workers` processes, DEBUG=0, Redis
   when it answers) and drives it from this separate process with keep-alive
   connections: GET / (the no-database floor), GET /jobs with each filter and
   sort, GET /j/{code} and POST /users;
4. runs each request alone (its req/s), then all of them interleaved on every
   connection, so their latencies are measured side by side under one load;
5. prints req/s, p50/p99 latency, the ratio to the floor and queries per request
   for each, then a one-line summary against the targets (≤ 3 queries; GET /jobs
   p50 ≤ 3× the floor).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import random
import re
import secrets
import socket
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.loadgen import json_body, percentile, run_load  # noqa: E402
from openhire.testing import server_start, server_stop  # noqa: E402

DB_NAME = "openhire_bench"  # --db overrides it
TITLES = [
    "Backend Engineer",
    "Frontend Developer",
    "Data Scientist",
    "DevOps Engineer",
    "Product Designer",
    "QA Analyst",
    "Mobile Developer",
    "Site Reliability Engineer",
    "Machine Learning Engineer",
    "Technical Writer",
    "Engineering Manager",
    "Nurse",
]
LEVELS = ["Junior", "", "Senior", "Staff", "Principal", "Lead"]
JOB_TYPES = ["full-time", "part-time", "contract", "internship"]
SALARIES = [
    "$90k-$110k",
    "$120k",
    "€55k",
    "$45/hour",
    "competitive",
    "100,000 - 130,000 USD",
    "£60k-£70k",
    "$150k-$180k",
    "DOE",
    "$30/hour",
]


def pg_user() -> str:
    import psycopg

    for user in ("postgres", "root"):
        try:
            psycopg.connect(f"postgresql://{user}@127.0.0.1:5432/test").close()
            return user
        except psycopg.OperationalError:
            continue
    sys.exit("PostgreSQL is not answering on 127.0.0.1:5432 as postgres or root.")


def prepare_database(user: str, reuse: bool, name: str = DB_NAME) -> None:
    import psycopg

    with psycopg.connect(
        f"postgresql://{user}@127.0.0.1:5432/test", autocommit=True
    ) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if exists and not reuse:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        if not exists or not reuse:
            conn.execute(f'CREATE DATABASE "{name}"')


def port_open(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        return True
    except OSError:
        return False


def load_jobs(count: int) -> None:
    from accounts.models import Role, User
    from jobs.models import Job
    from jobs.salary import parse_salary
    from jobs.services import new_short_code

    have = Job.objects.count()
    if have >= count:
        print(f"database already holds {have} jobs")
        return
    rng = random.Random(7)
    recruiters = [
        User.objects.get_or_create(
            email=f"recruiter{i}@bench.test",
            defaults={"role": Role.RECRUITER, "name": f"R{i}"},
        )[0]
        for i in range(20)
    ]
    now = dt.datetime.now(dt.UTC)
    codes: set[str] = set(Job.objects.values_list("short_code", flat=True))
    started = time.perf_counter()
    batch: list[Job] = []
    for index in range(have, count):
        code = new_short_code()
        while code in codes:
            code = new_short_code()
        codes.add(code)
        salary = rng.choice(SALARIES)
        parsed = parse_salary(salary)
        batch.append(
            Job(
                recruiter=rng.choice(recruiters),
                title=f"{rng.choice(LEVELS)} {rng.choice(TITLES)} #{index}".strip(),
                description="Build things with Python, Django and PostgreSQL.",
                salary=salary,
                salary_min=parsed.minimum,
                salary_max=parsed.maximum,
                salary_currency=parsed.currency,
                skills=["Python", "Django"],
                job_type=rng.choice(JOB_TYPES),
                end_date=now + dt.timedelta(days=90),
                short_code=code,
                created_at=now - dt.timedelta(minutes=index),
            )
        )
        if len(batch) == 5000:
            Job.objects.bulk_create(batch)
            batch.clear()
    Job.objects.bulk_create(batch)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE jobs_job")  # visibility map: index-only COUNTs
    print(f"loaded {count - have} jobs in {time.perf_counter() - started:.1f} s")


# The 3x-floor target is for a 20-job page; without `limit` GET /jobs answers up
# to 1 000 jobs (the original clients scan it for share links): reported apart.
FULL_PAGE = "GET /jobs (no limit: 1000)"


def scenarios(recruiter_id: str, code: str) -> list[tuple[str, str]]:
    return [
        ("GET / (floor)", "/"),
        ("GET /jobs", "/jobs?limit=20"),
        ("GET /jobs?job_type", "/jobs?limit=20&job_type=contract"),
        ("GET /jobs?title", "/jobs?limit=20&title=engineer"),
        ("GET /jobs?recruiter_id", f"/jobs?limit=20&recruiter_id={recruiter_id}"),
        ("GET /jobs sort salary asc", "/jobs?limit=20&sort_by=salary&sort_order=asc"),
        (
            "GET /jobs sort salary desc",
            "/jobs?limit=20&sort_by=salary&sort_order=desc",
        ),
        ("GET /jobs sort title", "/jobs?limit=20&sort_by=title&sort_order=asc"),
        (
            "GET /jobs sort created_at asc",
            "/jobs?limit=20&sort_by=created_at&sort_order=asc",
        ),
        ("GET /j/{code}", f"/j/{code}"),
        (FULL_PAGE, "/jobs"),
    ]


def count_queries(path: str, method: str = "GET", body: bytes | None = None) -> str:
    """Return the SQL statements a request runs, "cold/warm" (empty/filled cache)."""
    from django.core.cache import cache

    cache.clear()
    cold = _count_queries(path, method, body)
    if method != "GET":
        return str(cold)
    return f"{cold}/{_count_queries(path, method, body)}"


def _count_queries(path: str, method: str = "GET", body: bytes | None = None) -> int:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    with CaptureQueriesContext(connection) as captured:
        if method == "GET":
            response = client.get(path)
        else:
            response = client.post(path, body, content_type="application/json")
    assert response.status_code < 400, (
        path,
        response.status_code,
        response.content[:200],
    )
    control = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")
    return sum(
        1 for q in captured.captured_queries if not q["sql"].upper().startswith(control)
    )


INDEX_USE = re.compile(
    r"(?:Index Scan|Index Only Scan)(?: Backward)? using (\S+)|Bitmap Index Scan on (\S+)"
)


def _indexes(plan: str) -> str:
    used = [a or b for a, b in INDEX_USE.findall(plan)]
    verdict = ", ".join(dict.fromkeys(used)) or "no index"
    return verdict + ("  (+Seq Scan!)" if "Seq Scan" in plan else "")


def explain(path: str) -> tuple[str, str]:
    """Return the indexes the page query and the COUNT of a GET /jobs path use."""
    from urllib.parse import parse_qsl, urlsplit

    from django.db import connection

    from jobs.services import job_filters_from_query, job_list

    queryset = job_list(
        filters=job_filters_from_query(dict(parse_qsl(urlsplit(path).query)))
    )
    page_plan = queryset[:20].explain()  # the plan of a 1 000 page is the same
    sql, params = queryset.order_by().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN SELECT COUNT(*) FROM ({sql}) AS counted", params)
        count_plan = "\n".join(row[0] for row in cursor.fetchall())
    return _indexes(page_plan), _indexes(count_plan)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--reuse", action="store_true", help="keep an already loaded database"
    )
    parser.add_argument("--db", default=DB_NAME, help="the database to (re)create")
    parser.add_argument("--redis-db", type=int, default=14, help="Redis db number")
    args = parser.parse_args()

    user = pg_user()
    prepare_database(user, args.reuse, args.db)
    database_url = f"postgres://{user}@127.0.0.1:5432/{args.db}"
    var_dir = tempfile.mkdtemp(prefix="openhire-bench-")
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "OPENHIRE_VAR_DIR": var_dir,
        "OPENHIRE_THROTTLE_SIGNUP": "100000000/minute",
        "DJANGO_SETTINGS_MODULE": "openhire.settings",
    }
    if port_open(6379):
        env["REDIS_URL"] = f"redis://127.0.0.1:6379/{args.redis_db}"
    os.environ.update(env)
    os.environ["OPENHIRE_LOG_LEVEL"] = (
        "WARNING"  # this process only; the server logs as usual
    )

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    load_jobs(args.jobs)
    from accounts.models import User
    from jobs.models import Job

    recruiter_id = str(
        User.objects.filter(email="recruiter3@bench.test").values_list("id", flat=True)[
            0
        ]
    )
    code = Job.objects.order_by("created_at").values_list("short_code", flat=True)[0]
    rows = scenarios(recruiter_id, code)

    queries = {name: count_queries(path) for name, path in rows}
    queries["POST /users"] = count_queries(
        "/users", "POST", json_body({"email": "probe@bench.test", "role": "candidate"})
    )
    User.objects.filter(email="probe@bench.test").delete()
    print("\nEXPLAIN: indexes used by the page query | by the COUNT (X-Total-Count)")
    for name, path in rows:
        if path.startswith("/jobs"):
            page_indexes, count_indexes = explain(path)
            print(f"  {name:<30} {page_indexes:<32} | {count_indexes}")

    from django.db import connections

    connections.close_all()
    run_id = secrets.token_hex(3)

    def signup(index: int, n: int, phase: str = "a") -> tuple:
        email = f"u{run_id}{phase}-{index}-{n}@bench.test"
        body = json_body({"email": email, "role": "candidate", "name": "Bench"})
        return ("POST", "/users", body, "POST /users")

    def alone(name: str, path: str):
        if name == "POST /users":
            return lambda index: (signup(index, n) for n in itertools.count())
        return [("GET", path, None, name)]

    def mixed(phase: str):
        def requests(index: int):
            """Every scenario in turn on a connection, from a different start each."""
            tagged = [("GET", path, None, name) for name, path in rows]
            for n in itertools.count():
                yield from tagged[index % len(tagged) :] + tagged[: index % len(tagged)]
                yield signup(index, n, phase)

        return requests

    names = [name for name, _ in rows] + ["POST /users"]
    paths = dict(rows)
    try:
        server = server_start(
            env=env, kind="uvicorn", port=args.port, workers=args.workers
        )
    except RuntimeError as error:
        sys.exit(str(error)[-2000:])
    load = {"concurrency": args.concurrency}
    try:
        run_load("127.0.0.1", args.port, requests=mixed("w"), seconds=2, **load)  # warm
        # 1. Each request alone: its throughput.
        alone_results = {
            name: run_load(
                "127.0.0.1",
                args.port,
                requests=alone(name, paths.get(name, "")),
                seconds=args.seconds,
                **load,
            )
            for name in names
        }
        # 2. All of them interleaved on one connection, one request at a time: each
        #    request's own latency, side by side at the same moment (no queueing
        #    behind other requests, which would only measure the queue).
        together = run_load(
            "127.0.0.1",
            args.port,
            requests=mixed("b"),
            seconds=args.seconds * 2,
            concurrency=1,
        )
    finally:
        server_stop(server, timeout=30)

    print(
        f"\nbench/api.py: {Job.objects.count()} jobs on PostgreSQL, uvicorn --workers "
        f"{args.workers}, {args.concurrency} keep-alive connections, {os.cpu_count()} "
        f"cores, channel layer {'Redis' if 'REDIS_URL' in env else 'in-memory'}\n"
        f"req/s: each request alone on {args.concurrency} connections for "
        f"{args.seconds:g} s; p50/p99: all requests interleaved on one connection, one "
        f"at a time, for {args.seconds * 2:g} s ({together.requests} requests)\n"
    )
    header = (
        f"{'request':<30} {'req/s':>7} {'p50 ms':>8} {'p99 ms':>8} {'x floor':>8} "
        f"{'queries':>9} {'errors':>7}"
    )
    print(header)
    print("-" * len(header))
    floor = percentile(together.by_tag[names[0]], 0.5)
    for name in names:
        latencies = together.by_tag.get(name, [])
        p50 = percentile(latencies, 0.5)
        errors = alone_results[name].errors + together.errors_by_tag.get(name, 0)
        print(
            f"{name:<30} {alone_results[name].rps:>7.0f} {p50:>8.2f} "
            f"{percentile(latencies, 0.99):>8.2f} {p50 / floor:>7.2f}x "
            f"{queries[name]:>9} {errors:>7}"
        )
    max_queries = max(int(q.split("/")[0]) for q in queries.values())
    job_names = [
        name for name in names if name.startswith("GET /jobs") and name != FULL_PAGE
    ]
    worst = max(job_names, key=lambda name: percentile(together.by_tag[name], 0.5))
    worst_p50 = percentile(together.by_tag[worst], 0.5)
    errors = together.errors + sum(r.errors for r in alone_results.values())
    print(
        f"\nsummary: max {max_queries} queries/request (target <= 3); "
        f"GET /jobs p50 worst {worst_p50:.2f} ms ({worst}) = {worst_p50 / floor:.2f}x "
        f"the floor GET / {floor:.2f} ms, side by side (target <= 3x, 20-job pages); "
        f"{FULL_PAGE} p50 {percentile(together.by_tag[FULL_PAGE], 0.5):.2f} ms; "
        f"{errors} errors"
    )


if __name__ == "__main__":
    main()
