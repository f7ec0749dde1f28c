#!/usr/bin/env python
"""Does a server's memory settle under many resume reviews? (issue 19, item 6)

    .venv/bin/python bench/memory.py [--n 5000] [--clients 4] [--servers daphne uvicorn]

For each server (`make run`'s daphne and `make serve`'s uvicorn, one process,
SQLite in a temporary directory, the offline engine, throttles raised), posts
`--n` anonymous reviews from `--clients` threads, rotating a pasted text, a PDF
upload and a DOCX upload (so the document sandbox parses two of every three), and
samples the RSS of the server process and of its sandbox workers at the start and
after each quarter. Prints a table and a one-line summary: a server whose RSS
still climbs in the last quarter is growing; one that levels off is not.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.loadgen import rss_mb  # noqa: E402
from openhire.testing import server_start, server_stop  # noqa: E402
from resumes.tests.documents import RESUME_LINES, make_docx, make_pdf  # noqa: E402

RAISED = "100000/minute"


def children(pid: int) -> list[int]:
    """Return the pids of `pid`'s descendants (the sandbox's worker processes)."""
    found: list[int] = []
    for path in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = path.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            child = int(path.parent.name)
            found += [child, *children(child)]
    return found


def resident(pid: int) -> tuple[float, float]:
    """Return the RSS in MB of the server and of its sandbox workers together."""
    return rss_mb(pid)[0], sum(rss_mb(child)[0] for child in children(pid))


def environment(var: Path) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")
    }
    env.update(
        OPENHIRE_VAR_DIR=str(var),
        OPENHIRE_LOG_LEVEL="WARNING",
        OPENHIRE_RECRUITER_SIGNUP="open",
        OPENHIRE_LLM="offline",
        **{
            f"OPENHIRE_THROTTLE_{name}": RAISED
            for name in ("AI", "AI_IP", "CHAT", "SIGNUP", "WRITES", "INTERVIEW")
        },
    )
    return env


def posted_job(url: str) -> str:
    """Create a recruiter and a nursing job; return the job's id."""
    with httpx.Client(base_url=url, timeout=30) as client:
        user = client.post(
            "/users",
            json={"email": "mem@bench.test", "role": "recruiter", "name": "Mem"},
        ).json()
        job = client.post(
            "/jobs",
            headers={"Authorization": f"Token {user['token']}"},
            json={
                "title": "Registered Nurse",
                "description": "Med-surg RN: medication administration, BLS, "
                "patient assessment. 2+ years of acute care.",
                "salary": "$80k",
                "skills": "RN, BLS, medication administration",
                "job_type": "full-time",
                "end_date": "2030-01-01",
            },
        )
        job.raise_for_status()
        return job.json()["id"]


def requests_cycle(job_id: str) -> list[dict]:
    """Return the three review requests the clients rotate through."""
    lines = [*RESUME_LINES, "Registered Nurse, 2019 - 2024: administered medications."]
    return [
        {"json": {"resume": "\n".join(lines), "job_id": job_id}},
        {"data": {"job_id": job_id}, "files": {"file": ("cv.pdf", make_pdf(lines))}},
        {
            "data": {"job_id": job_id},
            "files": {"file": ("cv.docx", make_docx(before=lines))},
        },
    ]


def load(url: str, job_id: str, n: int, clients: int, on_quarter) -> int:
    """Post `n` reviews from `clients` threads; call `on_quarter(q)`; return errors."""
    cycle = requests_cycle(job_id)
    counter = iter(range(n))
    lock = threading.Lock()
    done = [0]
    errors = [0]

    def work() -> None:
        with httpx.Client(base_url=url, timeout=60) as client:
            while True:
                with lock:
                    number = next(counter, None)
                if number is None:
                    return
                answer = client.post("/review-resume", **cycle[number % 3])
                with lock:
                    done[0] += 1
                    errors[0] += answer.status_code != 200
                    if done[0] % (n // 4) == 0:
                        on_quarter(done[0] // (n // 4))

    threads = [threading.Thread(target=work) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors[0]


def run(kind: str, n: int, clients: int) -> dict:
    var = Path(tempfile.mkdtemp(prefix=f"openhire-bench-memory-{kind}-"))
    env = environment(var)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    server = server_start(env=env, kind=kind)
    try:
        job_id = posted_job(server.url)
        pid = server.process.pid
        samples = [resident(pid)]

        def on_quarter(_quarter: int) -> None:
            samples.append(resident(pid))

        started = time.perf_counter()
        errors = load(server.url, job_id, n, clients, on_quarter)
        elapsed = time.perf_counter() - started
    finally:
        server_stop(server)
    return {"kind": kind, "samples": samples, "errors": errors, "rate": n / elapsed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--servers", nargs="+", default=["daphne", "uvicorn"])
    args = parser.parse_args()
    print(
        f"{args.n} reviews per server (text, PDF, DOCX in turn), {args.clients} clients"
    )
    print(
        f"{'server':8} {'reviews/s':>9} {'errors':>6}  "
        "server RSS MB: start / 25% / 50% / 75% / end   sandbox workers MB (end)"
    )
    growth = []
    for kind in args.servers:
        result = run(kind, args.n, args.clients)
        server = [f"{s:.0f}" for s, _ in result["samples"]]
        workers = result["samples"][-1][1]
        print(
            f"{kind:8} {result['rate']:9.1f} {result['errors']:6d}  "
            f"{' / '.join(server):44} {workers:.0f}"
        )
        rss = [s for s, _ in result["samples"]]
        growth.append(f"{kind} {rss[-1] - rss[2]:+.0f} MB over the second half")
    print("summary: " + "; ".join(growth))


if __name__ == "__main__":
    main()
