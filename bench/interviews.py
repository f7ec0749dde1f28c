"""Load-test the interview WebSocket with N concurrent simulated candidates.

Each candidate opens `/ws/ai-interview`, initialises an interview, answers the
five questions and waits for `interview_completed`; the script then reads the
stored results over REST to count lost answers. In the same run the same
number of sockets do bare round trips over `/ws/test-chat` (the framework
floor: no database, no state). Prints a table and a one-line summary.

Usage (server already running, trusted mode or tokens)::

    .venv/bin/python bench/interviews.py --url http://127.0.0.1:8000 --pid 1234
    .venv/bin/python bench/interviews.py --sessions 1000 --start-server
    .venv/bin/python bench/interviews.py --sessions 1000 --start-server \
        --think 15 --ramp 30      # paced like people: arrivals over 30 s, 15 s per answer

Run it on PostgreSQL + Redis (DATABASE_URL, REDIS_URL, migrated); the SQLite
default is for a handful of users. Latency is measured from sending an answer to
receiving the next question (answer_received and the commit of both in between).

Every candidate first signs up with `POST /users` (the server's throttles
must allow N sign-ups and N interviews from one address:
OPENHIRE_THROTTLE_SIGNUP, OPENHIRE_THROTTLE_INTERVIEW, OPENHIRE_THROTTLE_AI_IP); with `--trusted`
(server in OPENHIRE_TRUST_CLIENT_IDS=1) the sockets then send only
candidate_id, without the token. `--start-server` runs `daphne
openhire.asgi:application` itself with the current environment plus
OPENHIRE_ENABLE_TEST_ENDPOINTS=1 and a signup throttle wide enough, waits for
`/ai-interview/health`, and reports its RSS.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from websockets.asyncio.client import connect

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.loadgen import cpu_seconds, percentile, rss_mb  # noqa: E402
from bench.turn_profile import turn_profile  # noqa: E402
from openhire.testing import ServerProcess, server_start, server_stop  # noqa: E402

ORIGIN = "http://127.0.0.1"  # the server checks Origin against ALLOWED_HOSTS
JOB_TEXT = (
    "Senior Backend Engineer at Acme. Build our hiring APIs with Python, Django, "
    "PostgreSQL and Redis; run them on Kubernetes."
)
RESUME_TEXT = (
    "Backend engineer at Globex Corporation, 2019-2024.\n"
    "Migrated the billing service from MySQL to PostgreSQL with zero downtime.\n"
    "Led a team of four building REST APIs in Python and Django.\n"
)
ANSWERS = (
    "I am a backend engineer with six years of Python and Django; I led a team "
    "of four and I want to build hiring products.",
    "First I profiled the queries, then we ran both databases in parallel for two "
    "weeks because billing errors were not acceptable; latency dropped by 40%.",
    "The hardest part was keeping data in sync. I designed a nightly "
    "reconciliation job and learned to agree rollback criteria with stakeholders.",
    "First I would reproduce the failure and read the logs and metrics, then talk "
    "to the product manager about the risk and ship behind a feature flag.",
    "The trade-off is speed against safety; I would monitor the error rate and "
    "roll back if it stays above 1% for an hour, and keep the team informed.",
)


@dataclass
class Tally:
    completed: int = 0
    errors: list[str] = field(default_factory=list)
    lost_answers: int = 0
    latencies_ms: list[float] = field(default_factory=list)


def http_json(method: str, url: str, body: dict | None = None, token: str = "") -> dict:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Token {token}")
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read() or b"{}")


async def create_candidates(base: str, count: int) -> list[tuple[str, str]]:
    """Return (candidate_id, token) pairs made through `POST /users`."""
    run = uuid.uuid4().hex[:8]

    def make(n: int) -> tuple[str, str]:
        user = http_json(
            "POST",
            f"{base}/users",
            {
                "email": f"bench-{run}-{n}@example.com",
                "role": "candidate",
                "name": f"C{n}",
            },
        )
        return user["id"], user["token"]

    semaphore = asyncio.Semaphore(32)

    async def one(n: int) -> tuple[str, str]:
        async with semaphore:
            return await asyncio.to_thread(make, n)

    return list(await asyncio.gather(*(one(n) for n in range(count))))


async def receive(socket, *types: str, timeout: float) -> dict:
    """Return the next frame, which must be of one of `types`."""
    frame = json.loads(await asyncio.wait_for(socket.recv(), timeout))
    if frame.get("type") not in types:
        raise RuntimeError(f"expected {'/'.join(types)}, got {frame}")
    if "timestamp" not in frame and frame.get("type") != "pong":
        raise RuntimeError(f"frame without timestamp: {frame}")
    return frame


async def one_candidate(
    ws_base: str,
    base: str,
    candidate: tuple[str, str],
    n: int,
    tally: Tally,
    timeout: float,
    think: float = 0.0,
    ramp: float = 0.0,
    total: int = 1,
) -> None:
    candidate_id, token = candidate
    if ramp:
        await asyncio.sleep(ramp * n / max(1, total))  # arrivals spread over `ramp` s
    session_id = f"bench-{uuid.uuid4().hex[:12]}-{n}"
    query = f"session_id={session_id}&candidate_id={candidate_id}"
    if token:
        query += f"&token={token}"
    try:
        async with connect(
            f"{ws_base}/ws/ai-interview?{query}", open_timeout=timeout, origin=ORIGIN
        ) as ws:
            await receive(ws, "connection_success", timeout=timeout)
            await receive(ws, "welcome", timeout=timeout)
            await ws.send(
                json.dumps(
                    {
                        "type": "initialize_interview",
                        "data": {
                            "job_description": JOB_TEXT,
                            "candidate_resume": RESUME_TEXT,
                            "candidate_id": candidate_id,
                            "session_id": session_id,
                        },
                    }
                )
            )
            await receive(ws, "interview_initialized", timeout=timeout)
            question = await receive(ws, "question", timeout=timeout)
            for number, answer in enumerate(ANSWERS, start=1):
                if question["question_number"] != number:
                    raise RuntimeError(f"expected question {number}, got {question}")
                if think:
                    await asyncio.sleep(think)  # the candidate reads and types
                started = time.perf_counter()
                await ws.send(json.dumps({"type": "submit_answer", "answer": answer}))
                await receive(ws, "answer_received", timeout=timeout)
                if number < len(ANSWERS):
                    question = await receive(ws, "question", timeout=timeout)
                    tally.latencies_ms.append((time.perf_counter() - started) * 1000)
                else:
                    await receive(ws, "analysis_started", timeout=timeout)
                    await receive(ws, "interview_completed", timeout=timeout)
        results = await asyncio.to_thread(
            http_json, "GET", f"{base}/ai-interview/results/{session_id}", None, token
        )
        data = results["interview_data"]
        stored_answers = data["total_messages"] - data["questions_asked"]
        tally.lost_answers += max(0, len(ANSWERS) - stored_answers)
        tally.completed += 1
    except (
        OSError,
        RuntimeError,
        TimeoutError,
        KeyError,
        ValueError,
        websockets.exceptions.WebSocketException,
        urllib.error.URLError,
    ) as exc:
        tally.errors.append(f"{type(exc).__name__}: {exc}"[:200])


async def one_echo(ws_base: str, rounds: int, tally: Tally, timeout: float) -> None:
    try:
        async with connect(
            f"{ws_base}/ws/test-chat", open_timeout=timeout, origin=ORIGIN
        ) as ws:
            json.loads(await asyncio.wait_for(ws.recv(), timeout))  # {event: connected}
            for _ in range(rounds):
                started = time.perf_counter()
                await ws.send(json.dumps({"user_input": "Hello", "messages": []}))
                frame = json.loads(await asyncio.wait_for(ws.recv(), timeout))
                if frame.get("event") != "message":
                    raise RuntimeError(f"unexpected echo frame {frame}")
                tally.latencies_ms.append((time.perf_counter() - started) * 1000)
        tally.completed += 1
    except (
        OSError,
        RuntimeError,
        TimeoutError,
        ValueError,
        websockets.exceptions.WebSocketException,
    ) as exc:
        tally.errors.append(f"{type(exc).__name__}: {exc}"[:200])


def start_server(port: int, kind: str = "daphne") -> ServerProcess:
    env = {
        **os.environ,
        "OPENHIRE_ENABLE_TEST_ENDPOINTS": "1",
        "OPENHIRE_THROTTLE_SIGNUP": "1000000/minute",  # the bench signs up N users
        # ...and starts N interviews from one address (openhire/throttling.py).
        "OPENHIRE_THROTTLE_INTERVIEW": "1000000/minute",
        "OPENHIRE_THROTTLE_AI_IP": "1000000/minute",
        # ...and holds N interview sockets (plus N echo sockets) from one address.
        "OPENHIRE_MAX_SOCKETS_PER_ADDRESS": "100000",
        # The echo floor's /ws/test-chat shares POST /test-chat's budgets.
        "OPENHIRE_THROTTLE_CHAT": "1000000/minute",
        "OPENHIRE_THROTTLE_AI": "1000000/minute",
        "OPENHIRE_LLM": "offline",
    }
    # daphne drops a socket whose handshake the app has not accepted in 5 s
    # (its default): a burst of 1000 connects on one process needs longer.
    # uvicorn (`make serve`, one worker) has no such limit.
    extra = ["--websocket_connect_timeout", "60"] if kind == "daphne" else []
    try:
        server = server_start(
            env=env,
            kind=kind,
            port=port,
            extra_args=extra,
            health_path="/ai-interview/health",
            timeout=30,
        )
    except RuntimeError as error:
        raise SystemExit(str(error)[-2000:]) from None
    print(f"server log: {server.log_path}")
    return server


async def run(args: argparse.Namespace) -> int:
    server = None
    base = args.url.rstrip("/")
    pid = args.pid
    if args.start_server:
        server = start_server(args.port, args.server)
        base, pid = server.url, server.process.pid
    ws_base = base.replace("http://", "ws://").replace("https://", "wss://")
    try:
        candidates = await create_candidates(base, args.sessions)
        if args.trusted:  # identity from candidate_id alone, as the original clients
            candidates = [(candidate_id, "") for candidate_id, _token in candidates]
        rss_before = rss_mb(pid)[0] if pid else float("nan")

        echo = Tally()
        echo_cpu = cpu_seconds(pid) if pid else float("nan")
        started = time.perf_counter()
        await asyncio.gather(
            *(
                one_echo(ws_base, len(ANSWERS), echo, args.timeout)
                for _ in range(args.sessions)
            )
        )
        echo_seconds = time.perf_counter() - started
        echo_cpu = (cpu_seconds(pid) if pid else float("nan")) - echo_cpu

        interviews = Tally()
        interview_cpu = cpu_seconds(pid) if pid else float("nan")
        started = time.perf_counter()
        await asyncio.gather(
            *(
                one_candidate(
                    ws_base,
                    base,
                    candidate,
                    n,
                    interviews,
                    args.timeout,
                    args.think,
                    args.ramp,
                    args.sessions,
                )
                for n, candidate in enumerate(candidates)
            )
        )
        seconds = time.perf_counter() - started
        interview_cpu = (cpu_seconds(pid) if pid else float("nan")) - interview_cpu
        rss_now, rss_peak = rss_mb(pid) if pid else (float("nan"), float("nan"))
    finally:
        if server is not None:
            server_stop(server)

    def row(name: str, tally: Tally, elapsed: float) -> str:
        return (
            f"| {name:<22} | {args.sessions:>8} | {tally.completed:>9} | {len(tally.errors):>6} "
            f"| {percentile(tally.latencies_ms, 0.5):>8.1f} | {percentile(tally.latencies_ms, 0.99):>8.1f} "
            f"| {tally.completed / elapsed:>10.1f} |"
        )

    print(
        f"database={os.environ.get('DATABASE_URL', 'sqlite (default)').split('@')[-1]} "
        f"channel_layer={'redis' if os.environ.get('REDIS_URL') else 'in-memory'} "
        f"server={base} ({args.server if args.start_server else 'external'}) "
        f"think={args.think}s ramp={args.ramp}s"
    )
    print(
        "| run                    | sessions | completed | errors | p50 (ms) | p99 (ms) | sessions/s |"
    )
    print(
        "|------------------------|----------|-----------|--------|----------|----------|------------|"
    )
    print(row("interview answer→next q", interviews, seconds))
    print(row("test-chat echo (floor)", echo, echo_seconds))
    print(
        f"lost answers: {interviews.lost_answers}   server RSS: before {rss_before:.0f} MB, "
        f"after {rss_now:.0f} MB, peak {rss_peak:.0f} MB"
    )
    turns = max(1, interviews.completed * (len(ANSWERS) + 1))  # init + answers
    print(
        f"server CPU: {1000 * interview_cpu / turns:.2f} ms per interview turn "
        f"(init or answer), {1000 * echo_cpu / max(1, len(echo.latencies_ms)):.2f} ms "
        "per echo round trip"
    )
    if args.profile:
        print_profile(await asyncio.to_thread(turn_profile, args.profile))
    for error in sorted(set(interviews.errors + echo.errors))[:10]:
        print("  error:", error)
    floor = percentile(echo.latencies_ms, 0.99)
    p99 = percentile(interviews.latencies_ms, 0.99)
    ok = not interviews.errors and not interviews.lost_answers and p99 <= 2 * floor
    print(
        f"summary: {interviews.completed}/{args.sessions} interviews completed, "
        f"{len(interviews.errors)} errors, {interviews.lost_answers} lost answers, "
        f"p99 {p99:.1f} ms vs echo p99 {floor:.1f} ms ({p99 / floor:.1f}x floor), "
        f"{interviews.completed / seconds:.1f} sessions/s — {'targets met' if ok else 'targets NOT met'}"
    )
    return 0 if not interviews.errors and not interviews.lost_answers else 1


def print_profile(profile: dict) -> None:
    """Print the in-process per-turn breakdown (bench/turn_profile.py)."""
    print(
        f"in-process turn: {profile['queries_per_answer']:.1f} queries per answer, "
        f"{profile['cpu_ms_per_turn']:.2f} ms CPU per turn "
        f"({profile['wall_ms_per_turn']:.2f} ms wall)"
    )
    print("| CPU of a turn, by layer   | share |")
    print("|---------------------------|-------|")
    for name, share in profile["split"].items():
        print(f"| {name:<25} | {100 * share:4.0f}% |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--url", default="http://127.0.0.1:8000", help="server base URL"
    )
    parser.add_argument(
        "--sessions", type=int, default=200, help="concurrent candidates"
    )
    parser.add_argument(
        "--pid", type=int, default=0, help="server pid, to report its RSS"
    )
    parser.add_argument(
        "--trusted",
        action="store_true",
        help="server runs with OPENHIRE_TRUST_CLIENT_IDS=1: send ids, no tokens",
    )
    parser.add_argument(
        "--start-server",
        action="store_true",
        help="start daphne here (test endpoints on)",
    )
    parser.add_argument(
        "--server",
        choices=["daphne", "uvicorn"],
        default="daphne",
        help="with --start-server: daphne (make run) or uvicorn, one worker (make serve)",
    )
    parser.add_argument(
        "--ramp",
        type=float,
        default=0.0,
        help="spread the candidates' arrivals over this many seconds (default 0)",
    )
    parser.add_argument(
        "--think",
        type=float,
        default=0.0,
        help="seconds each candidate waits before answering (default 0: flat out)",
    )
    parser.add_argument(
        "--port", type=int, default=8765, help="port for --start-server"
    )
    parser.add_argument(
        "--profile",
        type=int,
        default=20,
        help="also profile this many interviews in-process (0: skip)",
    )
    parser.add_argument(
        "--timeout", type=float, default=120.0, help="per-frame timeout, s"
    )
    sys.exit(asyncio.run(run(parser.parse_args())))


if __name__ == "__main__":
    main()
