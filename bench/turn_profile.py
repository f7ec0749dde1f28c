"""Measure one interview turn in-process: queries per step and where the CPU goes.

Drives `interviews.services` exactly as the consumer does (init, five answers,
analysis) for `count` interviews on the configured database (DATABASE_URL),
counts the SQL statements of each answer, and splits the CPU time (cProfile,
own time) by layer: offline engine, state machine + protocol, ORM + database
driver, JSON, services, the rest. The database steps run inline here (no
thread hop), so one profiler sees them all. Used by bench/interviews.py.
"""

from __future__ import annotations

import asyncio
import cProfile
import os
import pstats
import time
import uuid
from collections import Counter

LAYERS = (  # (name, path fragments of the functions whose own time it counts)
    ("offline engine", ("/ai/",)),
    ("state machine + protocol", ("interviews/state_machine", "interviews/protocol")),
    ("ORM + DB driver", ("django/db", "psycopg", "sqlite3")),
    ("JSON", ("json/",)),
    ("services + store", ("interviews/",)),
)


def _layer(filename: str) -> str:
    for name, fragments in LAYERS:
        if any(fragment in filename for fragment in fragments):
            return name
    return "other (Django, asyncio, stdlib)"


def turn_profile(count: int = 30) -> dict:
    """Run `count` interviews in-process; return queries and CPU split per turn."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openhire.settings")
    os.environ["OPENHIRE_THROTTLE_INTERVIEW"] = "1000000/minute"  # N starts
    os.environ["OPENHIRE_THROTTLE_AI_IP"] = "1000000/minute"
    os.environ["OPENHIRE_LLM"] = "offline"
    # The database steps run inline here, so that cProfile (one thread) sees them.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "1"
    import django

    django.setup()
    from django.db.backends.utils import CursorWrapper

    from accounts.models import Role, User
    from interviews.tests.factories import ANSWERS, interview_drive

    statements: list[str] = []
    execute = CursorWrapper._execute

    def counted(self, sql, *args, **kwargs):
        statements.append(sql.split(None, 1)[0].upper())
        return execute(self, sql, *args, **kwargs)

    run = uuid.uuid4().hex[:8]
    candidate = User.objects.create(
        email=f"profile-{run}@example.com", role=Role.CANDIDATE, name="P"
    )
    from interviews import services

    def inline(function):
        async def step(*args, **kwargs):
            return function(*args, **kwargs)

        return step

    CursorWrapper._execute = counted
    threaded, services._db = services._db, inline
    per_answer: list[int] = []

    async def interviews() -> None:
        for n in range(count):
            session_id = f"profile-{run}-{n}"
            await interview_drive(candidate, session_id, answers=())
            for answer in ANSWERS[:4]:  # answers that get the next question
                before = len(statements)
                await services.interview_submit_answer(
                    session_id=session_id, candidate=candidate, answer=answer
                )
                per_answer.append(len(statements) - before)
            await interview_drive(candidate, session_id, answers=ANSWERS[4:])

    profiler = cProfile.Profile()
    started, cpu = time.perf_counter(), time.process_time()
    try:
        profiler.enable()
        asyncio.run(interviews())
        profiler.disable()
    finally:
        CursorWrapper._execute = execute
        services._db = threaded
    cpu = time.process_time() - cpu
    turns = count * 7  # init, five answers, analysis (a repeat init counts as one)
    split: Counter[str] = Counter()
    for (filename, _line, name), row in pstats.Stats(profiler).stats.items():
        if "poll" not in name and "select" not in name:  # waiting is not CPU
            split[_layer(filename)] += row[2]  # own time
    total = sum(split.values()) or 1.0
    return {
        "queries_per_answer": sum(per_answer) / max(1, len(per_answer)),
        "cpu_ms_per_turn": 1000 * cpu / turns,
        "wall_ms_per_turn": 1000 * (time.perf_counter() - started) / turns,
        "split": {name: share / total for name, share in split.most_common()},
    }
