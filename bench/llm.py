"""Benchmark the AI layer: offline latency per call, retry and fallback timings.

Run: `.venv/bin/python bench/llm.py [--calls 1000] [--timeout 0.5] [--delay 0.5]`

1. Each offline domain call (`review_resume`, `next_question`,
   `analyze_interview`, `chat_reply`) is timed over `--calls` runs: p50, p99, max.
2. The LangChain engine runs against the local OpenAI-compatible stub
   (`ai.testing.OpenAIStub`, 127.0.0.1 only) with the real
   langchain-openai client: a good answer, a 500 then a good answer (retry), two
   500s, an unparseable then a good answer, and a slow server that times out
   twice and falls back offline, with the per-attempt timeout `--timeout`.
3. The awaited calls (`achat_reply`) against the stub answering after
   `--delay` seconds: `--concurrent` calls at once under a cap as large (all in
   flight: the wall time is one model latency) and under a cap of a tenth
   (they queue fairly: about ten latencies), with the stub's peak in-flight
   count; then a failing provider: the breaker opens and the next call is
   answered offline without calling it.

Prints a table and a one-line summary. Not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path


def setup_django() -> None:
    """Configure Django from `openhire.settings` (the engines read a few settings)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openhire.settings")
    django.setup()


setup_django()

from ai.chat_model import ChatModelEngine  # noqa: E402
from ai.offline import OfflineEngine  # noqa: E402
from ai.testing import OpenAIStub, StubReply  # noqa: E402
from ai.types import (  # noqa: E402
    ChatMessage,
    InterviewContext,
    JobSpec,
    Turn,
)
from bench.loadgen import percentile  # noqa: E402

JOB = JobSpec(
    title="Senior Backend Engineer",
    description=(
        "Acme builds hiring software. You will design REST APIs in Python and "
        "Django on PostgreSQL, run them on AWS with Docker and Kubernetes, and "
        "mentor two engineers. Requirements: 5+ years of Python, Django, "
        "PostgreSQL, Redis, CI/CD; a degree in computer science or equivalent."
    ),
    skills=["Python", "Django", "PostgreSQL", "Redis", "Docker", "Kubernetes", "AWS"],
    company_name="Acme",
    job_type="full-time",
)
RESUME = (
    "Ana Lima - Backend developer\n"
    "Experience: 6 years of Python. Shopwise (2019-2025): built Django REST APIs "
    "on PostgreSQL serving 2M requests a day; introduced Redis caching; Docker "
    "and GitHub Actions CI/CD. Mentored three junior developers.\n"
    "Education: BSc Computer Science.\nSkills: Python, Django, PostgreSQL, Redis, "
    "Docker, Terraform, AWS (EC2, RDS).\n"
) * 3
HISTORY = [
    Turn(
        "greeting", "Tell me about yourself.", "I have built Django APIs for six years."
    ),
    Turn(
        "resume",
        "Tell me about Shopwise.",
        "I designed the order service and its cache.",
    ),
    Turn(
        "follow_up", "How did you test it?", "Pytest with factories, run in CI on PRs."
    ),
    Turn(
        "scenario",
        "The API slows down. What do you do?",
        "Profile, add indexes, cache.",
    ),
    Turn(
        "scenario_follow_up",
        "How do you keep the cache fresh?",
        "Short TTLs and events.",
    ),
]
CHAT_HISTORY = [
    ChatMessage("human", "hi"),
    ChatMessage("ai", "Hello! I'm the OpenHire assistant."),
    ChatMessage("human", "How do I post a job?"),
    ChatMessage("ai", "Recruiters create a job with POST /jobs ..."),
]
GOOD_CHAT = json.dumps({"response": "Use POST /jobs.", "sentiment": "continue"})


def time_calls(call: Callable[[], object], calls: int) -> list[float]:
    call()  # warm up imports and caches
    timings = []
    for _ in range(calls):
        started = time.perf_counter()
        call()
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def offline_rows(calls: int) -> list[tuple[str, float, float, float]]:
    engine = OfflineEngine()
    context = InterviewContext(job=JOB, resume_text=RESUME)
    cases: dict[str, Callable[[], object]] = {
        "review_resume": lambda: engine.review_resume(resume_text=RESUME, job=JOB),
        "next_question": lambda: engine.next_question(
            context=context, question_type="scenario", history=HISTORY[:3]
        ),
        "analyze_interview": lambda: engine.analyze_interview(
            context=context, history=HISTORY, ended_early=False
        ),
        "chat_reply": lambda: engine.chat_reply(
            user_input="How do I share a job with candidates?", history=CHAT_HISTORY
        ),
    }
    rows = []
    for name, call in cases.items():
        timings = time_calls(call, calls)
        rows.append(
            (
                name,
                statistics.median(timings),
                percentile(timings, 0.99),
                max(timings),
            )
        )
    return rows


def stub_rows(timeout_s: float) -> list[tuple[str, str, int, float, str]]:
    scenarios = {
        "good answer": [StubReply(content=GOOD_CHAT)],
        "500 then good (retry)": [StubReply(status=500), StubReply(content=GOOD_CHAT)],
        "unparseable then good": [
            StubReply(content="not json"),
            StubReply(content=GOOD_CHAT),
        ],
        "500 twice (fallback)": [StubReply(status=500)],
        "401 (no retry, fallback)": [StubReply(status=401)],
        f"slow server, timeout {timeout_s}s": [
            StubReply(content=GOOD_CHAT, delay_s=timeout_s * 10)
        ],
    }
    rows = []
    for name, replies in scenarios.items():
        with OpenAIStub(replies) as stub:
            engine = ChatModelEngine(
                model="stub", base_url=stub.url, api_key="sk-bench", timeout_s=timeout_s
            )
            started = time.perf_counter()
            reply = engine.chat_reply(user_input="How do I post a job?", history=[])
            elapsed = (time.perf_counter() - started) * 1000
        meta = reply.meta
        rows.append(
            (name, meta.engine, meta.model_calls, elapsed, meta.fallback_reason or "-")
        )
    return rows


async def awaited_rows(
    delay_s: float, concurrent: int
) -> list[tuple[str, int, int, float, str]]:
    """Return (scenario, cap, peak in flight at the stub, wall s, engines)."""
    rows = []
    reply = StubReply(content=GOOD_CHAT, delay_s=delay_s)
    for cap in (concurrent, max(1, concurrent // 10)):
        with OpenAIStub([reply]) as stub:
            engine = ChatModelEngine(
                model="stub", base_url=stub.url, timeout_s=60, max_concurrency=cap
            )
            await engine.achat_reply(user_input="warm up", history=[])
            stub.max_in_flight = 0
            started = time.perf_counter()
            replies = await asyncio.gather(
                *(
                    engine.achat_reply(user_input="How do I post a job?", history=[])
                    for _ in range(concurrent)
                )
            )
            elapsed = time.perf_counter() - started
        engines = ",".join(sorted({r.meta.engine for r in replies}))
        name = f"{concurrent} awaited calls"
        rows.append((name, cap, stub.max_in_flight, elapsed, engines))
    with OpenAIStub([StubReply(status=500)]) as stub:
        engine = ChatModelEngine(
            model="stub", base_url=stub.url, timeout_s=5, breaker_threshold=5
        )
        for _ in range(5):
            await engine.achat_reply(user_input="hi", history=[])
        calls = len(stub.requests)
        started = time.perf_counter()
        reply = await engine.achat_reply(user_input="hi", history=[])
        elapsed = time.perf_counter() - started
        extra = len(stub.requests) - calls
    rows.append(
        (
            f"breaker open ({extra} provider calls)",
            engine.provider.gate.limit,
            0,
            elapsed,
            f"{reply.meta.engine}/{reply.meta.fallback_reason}",
        )
    )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=1000)
    parser.add_argument("--timeout", type=float, default=0.5)
    parser.add_argument("--delay", type=float, default=0.5)
    parser.add_argument("--concurrent", type=int, default=200)
    args = parser.parse_args()
    for name in ("ai", "httpx", "httpx2", "openai"):  # the table says it
        logging.getLogger(name).setLevel(logging.ERROR)

    offline = offline_rows(args.calls)
    print(f"Offline engine, {args.calls} calls each (ms)")
    print(f"{'call':<20} {'p50':>8} {'p99':>8} {'max':>8}")
    for name, p50, p99, worst in offline:
        print(f"{name:<20} {p50:>8.3f} {p99:>8.3f} {worst:>8.3f}")

    stub = stub_rows(args.timeout)
    print()
    print("LangChain engine against the local OpenAI-compatible stub")
    print(f"{'scenario':<30} {'engine':<18} {'calls':>5} {'ms':>9}  reason")
    for name, engine, calls, elapsed, reason in stub:
        print(f"{name:<30} {engine:<18} {calls:>5} {elapsed:>9.1f}  {reason}")

    awaited = asyncio.run(awaited_rows(args.delay, args.concurrent))
    print()
    print(f"Awaited calls against the stub answering after {args.delay}s")
    print(f"{'scenario':<34} {'cap':>5} {'peak':>5} {'wall s':>7}  engine")
    for name, cap, peak, elapsed, engines in awaited:
        print(f"{name:<34} {cap:>5} {peak:>5} {elapsed:>7.2f}  {engines}")

    worst_p99 = max(p99 for _, _, p99, _ in offline)
    slow = stub[-1]
    print()
    print(
        f"summary: offline p99 <= {worst_p99:.2f} ms per call; a slow model falls "
        f"back to offline after {slow[2]} attempts in {slow[3] / 1000:.2f} s "
        f"(bound 2 x {args.timeout}s timeout); {args.concurrent} awaited calls "
        f"take {awaited[0][3]:.2f} s against a {args.delay}s model "
        f"({awaited[0][3] / args.delay:.2f}x), {awaited[1][3]:.2f} s under a cap "
        f"of {awaited[1][1]}."
    )


if __name__ == "__main__":
    main()
