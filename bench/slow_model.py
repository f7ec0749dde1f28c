"""Benchmark OpenHire against a slow model: full interviews and reviews at scale.

Run::

    .venv/bin/python bench/slow_model.py                       # SQLite and PostgreSQL
    .venv/bin/python bench/slow_model.py --db postgres --sessions 200 1000
    .venv/bin/python bench/slow_model.py --delay 2 --stream --max-concurrency 1000

The bench starts, on 127.0.0.1 only:

1. a built-in OpenAI-compatible model stub (`--serve-model`, this file, in its
   own process): every chat completion is answered after `--delay` seconds
   (default 2, as a hosted model), streamed token by token over that time when
   the client streams; it answers interview questions, analyses, reviews and
   chats with valid JSON and counts the calls it got;
2. the real server (`uvicorn`, one worker, via `openhire.testing`) with
   `OPENHIRE_LLM=openai:slow-stub` and `OPENHIRE_LLM_BASE_URL` pointed at the
   stub, on a fresh database (PostgreSQL `oh_models_bench`, or a SQLite file).

Then it measures L1 (answer -> next question with one session alone), then N
concurrent full interviews for each `--sessions` value: p50/p99 answer -> next
question, p99/L1, errors, model calls per interview, peak server RSS, and the
p99 of `GET /health` polled during the run; and `--reviews` concurrent
`POST /review-resume` against 1.5 x the model's delay. Prints a table and a
one-line summary. Not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.interviews import JOB_TEXT, RESUME_TEXT  # noqa: E402
from bench.loadgen import cpu_seconds, percentile, rss_mb  # noqa: E402
from openhire.testing import free_port, server_start, server_stop  # noqa: E402

MODEL_NAME = "slow-stub"
ORIGIN = "http://127.0.0.1"
PG_BASE = "postgres://postgres@127.0.0.1:5432"
PG_NAME = "oh_models_bench"

# --- the model stub -------------------------------------------------------------

ANSWERS = {
    "question": {
        "question": "Tell me about a system you built end to end: what did it do, "
        "which trade-offs did you make and how did you know it worked?"
    },
    "analysis": {
        "overall_score": 7.4,
        "technical_score": 7.8,
        "communication_score": 7.1,
        "problem_solving_score": 7.2,
        "cultural_fit_score": 7.5,
        "confidence_score": 6.9,
        "strengths": ["Concrete, measured answers."],
        "areas_for_improvement": ["Say more about testing."],
        "overall_feedback": "A specific, experienced candidate.",
        "recommendation": "hire",
        "comfort_level": "high",
        "engagement_level": "high",
        "red_flags": [],
        "evidence": [],
    },
    "review": {
        "score": 7,
        "summary": "A good match for the backend role.",
        "pros": ["Python and Django in production."],
        "cons": ["No Kubernetes."],
        "matched": [],
        "missing": [],
    },
    "chat": {"response": "Use POST /jobs.", "sentiment": "continue"},
}


def answer_kind(body: dict) -> str:
    system = next(
        (
            m.get("content", "")
            for m in body.get("messages", [])
            if m.get("role") == "system"
        ),
        "",
    )
    if "interviewer" in system and "Write the" in json.dumps(body.get("messages")):
        return "question"
    if "assess a finished" in system:
        return "analysis"
    if "review resumes" in system:
        return "review"
    return "chat"


class ModelStub:
    """An asyncio OpenAI-compatible server: keep-alive HTTP/1.1, cheap per call."""

    def __init__(self, delay_s: float) -> None:
        self.delay_s = delay_s
        self.by_kind: dict[str, int] = {}
        self.in_flight = 0
        self.max_in_flight = 0

    async def handle(self, reader, writer) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                method, path, _ = lines[0].split(" ", 2)
                headers = {
                    k.strip().lower(): v.strip()
                    for k, _, v in (line.partition(":") for line in lines[1:] if line)
                }
                length = int(headers.get("content-length") or 0)
                body = json.loads(await reader.readexactly(length) or b"{}")
                if method == "GET" and path.startswith("/stats"):
                    await self._send_json(writer, self.stats())
                elif path.rstrip("/").endswith("/chat/completions"):
                    await self._complete(writer, body)
                else:
                    await self._send_json(writer, {"error": "not found"}, 404)
        except (asyncio.IncompleteReadError, ConnectionError, ValueError):
            pass
        finally:
            writer.close()

    def stats(self) -> dict:
        return {
            "requests": sum(self.by_kind.values()),
            "by_kind": self.by_kind,
            "max_in_flight": self.max_in_flight,
        }

    async def _complete(self, writer, body: dict) -> None:
        kind = answer_kind(body)
        self.by_kind[kind] = self.by_kind.get(kind, 0) + 1
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            content = json.dumps(ANSWERS[kind])
            if body.get("stream"):
                await self._stream(writer, body, content)
            else:
                await asyncio.sleep(self.delay_s)
                await self._send_json(writer, completion(body, content))
        finally:
            self.in_flight -= 1

    async def _stream(self, writer, body: dict, content: str) -> None:
        pieces = [content[i : i + 8] for i in range(0, len(content), 8)]
        writer.write(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n"
        )
        first = self.delay_s * 0.5  # time to first token, then the rest
        await asyncio.sleep(first)
        step = (self.delay_s - first) / max(1, len(pieces))
        events = [
            chunk(body, {"index": 0, "delta": {"content": piece}}) for piece in pieces
        ]
        events.append(chunk(body, {"index": 0, "delta": {}, "finish_reason": "stop"}))
        events.append(
            json.dumps({**json.loads(chunk(body, None)), "usage": usage(content)})
        )
        for index, event in enumerate(events + ["[DONE]"]):
            data = f"data: {event}\n\n".encode()
            writer.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
            await writer.drain()
            if index < len(pieces):
                await asyncio.sleep(step)
        writer.write(b"0\r\n\r\n")
        await writer.drain()

    async def _send_json(self, writer, payload: dict, status: int = 200) -> None:
        data = json.dumps(payload).encode()
        writer.write(
            f"HTTP/1.1 {status} OK\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(data)}\r\n\r\n".encode()
            + data
        )
        await writer.drain()


def usage(content: str) -> dict:
    return {
        "prompt_tokens": 900,
        "completion_tokens": len(content) // 4,
        "total_tokens": 900 + len(content) // 4,
    }


def completion(body: dict, content: str) -> dict:
    return {
        "id": "chatcmpl-slow",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": body.get("model", MODEL_NAME),
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": "stop",
            }
        ],
        "usage": usage(content),
    }


def chunk(body: dict, choice: dict | None) -> str:
    return json.dumps(
        {
            "id": "chatcmpl-slow",
            "object": "chat.completion.chunk",
            "created": int(time.time()),
            "model": body.get("model", MODEL_NAME),
            "choices": [choice] if choice else [],
        }
    )


def serve_model(port: int, delay_s: float) -> None:
    async def main() -> None:
        stub = ModelStub(delay_s)
        server = await asyncio.start_server(
            stub.handle, "127.0.0.1", port, backlog=4096
        )
        async with server:
            await server.serve_forever()

    asyncio.run(main())


def start_model(delay_s: float) -> tuple[subprocess.Popen, int]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, __file__, "--serve-model", str(port), "--delay", str(delay_s)],
        cwd=ROOT,
    )
    for _ in range(100):
        try:
            model_stats(port)
            return process, port
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("the model stub did not start")


def model_stats(port: int) -> dict:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/stats", timeout=5) as answer:
        return json.loads(answer.read())


# --- the load -------------------------------------------------------------------

ANSWER = (
    "First I profiled the queries, then we ran both databases in parallel for two "
    "weeks because billing errors were not acceptable; latency dropped by 40%."
)
QUESTIONS = 5


@dataclass
class Run:
    sessions: int
    latencies_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    completed: int = 0
    statuses: int = 0
    deltas: int = 0
    model_calls: int = 0
    seconds: float = 0.0
    health_ms: list[float] = field(default_factory=list)
    rss_peak_mb: float = 0.0
    max_in_flight: int = 0
    cpu_s: float = 0.0  # the server process's CPU time during the run
    client_cpu_s: float = 0.0  # this (load-generating) process's CPU time
    load: str = ""  # /proc/loadavg after the run: the machine is shared

    @property
    def p50(self) -> float:
        return percentile(self.latencies_ms, 0.5)

    @property
    def p99(self) -> float:
        return percentile(self.latencies_ms, 0.99)


def http_json(method: str, url: str, body: dict | None = None, token: str = "") -> dict:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Token {token}")
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.loads(response.read() or b"{}")


async def sign_up(
    base: str, count: int, role: str = "candidate"
) -> list[tuple[str, str]]:
    """Return (user id, token) pairs made through `POST /users`."""
    batch = uuid.uuid4().hex[:8]
    gate = asyncio.Semaphore(16)

    async def one(n: int) -> tuple[str, str]:
        body = {"email": f"slow-{batch}-{n}@example.com", "role": role, "name": f"U{n}"}
        async with gate:
            user = await asyncio.to_thread(http_json, "POST", f"{base}/users", body)
        return user["id"], user["token"]

    return list(await asyncio.gather(*(one(n) for n in range(count))))


async def next_frame(ws, run: Run, timeout: float) -> dict:
    """Return the next frame that is not a status or a question delta (counted)."""
    while True:
        frame = json.loads(await asyncio.wait_for(ws.recv(), timeout))
        if frame.get("type") == "status":
            run.statuses += 1
        elif frame.get("type") == "question_delta":
            run.deltas += 1
        else:
            return frame


async def expect(ws, run: Run, timeout: float, *kinds: str) -> dict:
    frame = await next_frame(ws, run, timeout)
    if frame.get("type") not in kinds:
        raise RuntimeError(f"expected {'/'.join(kinds)}, got {str(frame)[:160]}")
    return frame


async def interview(
    ws_base: str,
    candidate: tuple[str, str],
    run: Run,
    args: argparse.Namespace,
    start_s: float = 0.0,
) -> None:
    from websockets.asyncio.client import connect

    await asyncio.sleep(start_s)  # arrivals spread over --ramp seconds
    candidate_id, token = candidate
    session_id = f"slow-{uuid.uuid4().hex[:16]}"
    url = f"{ws_base}/ws/ai-interview?session_id={session_id}&token={token}"
    init = {
        "type": "initialize_interview",
        "data": {
            "job_description": JOB_TEXT,
            "candidate_resume": RESUME_TEXT,
            "candidate_id": candidate_id,
            "session_id": session_id,
        },
    }
    if args.stream:
        init["stream"] = True
    timeout = args.timeout
    try:
        async with connect(url, open_timeout=timeout, origin=ORIGIN) as ws:
            await expect(ws, run, timeout, "connection_success")
            await expect(ws, run, timeout, "welcome")
            await ws.send(json.dumps(init))
            await expect(ws, run, timeout, "interview_initialized")
            await expect(ws, run, timeout, "question")
            for number in range(1, QUESTIONS + 1):
                if args.think:
                    await asyncio.sleep(args.think)
                started = time.perf_counter()
                await ws.send(json.dumps({"type": "submit_answer", "answer": ANSWER}))
                await expect(ws, run, timeout, "answer_received")
                if number < QUESTIONS:
                    await expect(ws, run, timeout, "question")
                    run.latencies_ms.append((time.perf_counter() - started) * 1000)
                else:
                    await expect(ws, run, timeout, "analysis_started")
                    await expect(ws, run, timeout, "interview_completed")
        run.completed += 1
    except Exception as exc:  # noqa: BLE001 - every failure is counted and shown
        run.errors.append(f"{type(exc).__name__}: {exc}"[:200])


async def watch(base: str, pid: int, run: Run, stop: asyncio.Event) -> None:
    """Poll `GET /health` every 100 ms and sample the server's RSS."""

    def health() -> float:
        started = time.perf_counter()
        with urllib.request.urlopen(f"{base}/health", timeout=30) as answer:
            answer.read()
        return (time.perf_counter() - started) * 1000

    while not stop.is_set():
        run.rss_peak_mb = max(run.rss_peak_mb, rss_mb(pid)[0])
        try:
            run.health_ms.append(await asyncio.to_thread(health))
        except OSError as exc:
            run.errors.append(f"health: {exc}"[:200])
        await asyncio.sleep(0.1)


async def interviews(
    base: str, pid: int, model_port: int, candidates: list, args: argparse.Namespace
) -> Run:
    run = Run(sessions=len(candidates))
    ws_base = base.replace("http://", "ws://")
    before = model_stats(model_port)["requests"]
    stop = asyncio.Event()
    watcher = asyncio.create_task(watch(base, pid, run, stop))
    cpu_before, client_before = cpu_seconds(pid), time.process_time()
    started = time.perf_counter()
    ramp = args.ramp / len(candidates) if len(candidates) > 1 else 0.0
    await asyncio.gather(
        *(interview(ws_base, c, run, args, n * ramp) for n, c in enumerate(candidates))
    )
    run.seconds = time.perf_counter() - started
    run.cpu_s = cpu_seconds(pid) - cpu_before
    run.client_cpu_s = time.process_time() - client_before
    run.load = load_average()
    stop.set()
    await watcher
    stats = model_stats(model_port)
    run.model_calls = stats["requests"] - before
    run.max_in_flight = stats["max_in_flight"]
    return run


async def reviews(base: str, pid: int, count: int) -> Run:
    """POST /review-resume `count` times at once (anonymous, distinct resumes)."""
    from concurrent.futures import ThreadPoolExecutor

    run = Run(sessions=count)
    recruiter_id, token = (await sign_up(base, 1, role="recruiter"))[0]
    job = http_json(
        "POST",
        f"{base}/jobs",
        {
            "title": "Senior Backend Engineer",
            "description": JOB_TEXT,
            "salary": "$150k",
            "skills": "Python, Django, PostgreSQL",
            "job_type": "full-time",
            "end_date": "2099-01-01",
        },
        token,
    )
    loop = asyncio.get_running_loop()
    pool = ThreadPoolExecutor(max_workers=count)

    def one(n: int) -> float:
        started = time.perf_counter()
        body = {"resume": f"{RESUME_TEXT}\nCandidate number {n}.", "job_id": job["id"]}
        http_json("POST", f"{base}/review-resume", body)
        return (time.perf_counter() - started) * 1000

    async def timed(n: int) -> None:
        try:
            run.latencies_ms.append(await loop.run_in_executor(pool, one, n))
            run.completed += 1
        except Exception as exc:  # noqa: BLE001
            run.errors.append(f"{type(exc).__name__}: {exc}"[:200])

    cpu_before, client_before = cpu_seconds(pid), time.process_time()
    started = time.perf_counter()
    await asyncio.gather(*(timed(n) for n in range(count)))
    run.seconds = time.perf_counter() - started
    run.cpu_s = cpu_seconds(pid) - cpu_before
    run.client_cpu_s = time.process_time() - client_before
    run.load = load_average()
    pool.shutdown()
    return run


# --- the servers ----------------------------------------------------------------


def fresh_database(kind: str, var_dir: Path) -> str:
    if kind == "sqlite":
        return f"sqlite:///{var_dir / 'bench.sqlite3'}"
    import psycopg

    with psycopg.connect(f"{PG_BASE}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {PG_NAME} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {PG_NAME}")
    return f"{PG_BASE}/{PG_NAME}"


def server_env(database_url: str, model_port: int, var_dir: Path, args) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("OPENHIRE_", "OPENAI_", "DATABASE_URL", "REDIS_URL"))
    }
    wide = "1000000/minute"
    env.update(
        DATABASE_URL=database_url,
        OPENHIRE_VAR_DIR=str(var_dir),
        OPENHIRE_LLM=f"openai:{MODEL_NAME}",
        OPENHIRE_LLM_BASE_URL=f"http://127.0.0.1:{model_port}/v1",
        OPENHIRE_LLM_TIMEOUT_S=str(args.delay * 5 + 5),
        OPENHIRE_LLM_MAX_CONCURRENCY=str(args.max_concurrency),
        OPENHIRE_THROTTLE_SIGNUP=wide,
        OPENHIRE_THROTTLE_INTERVIEW=wide,
        OPENHIRE_THROTTLE_AI=wide,
        OPENHIRE_THROTTLE_AI_IP=wide,
        OPENHIRE_THROTTLE_CHAT=wide,
        OPENHIRE_MAX_SOCKETS_PER_ADDRESS="100000",  # every session comes from 127.0.0.1
        OPENHIRE_RECRUITER_SIGNUP="open",  # the review job's recruiter signs up here
        OPENHIRE_LOG_LEVEL="WARNING",
    )
    if args.redis:
        env["REDIS_URL"] = args.redis
    return env


def migrate(env: dict) -> None:
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )


# --- the report -----------------------------------------------------------------


def load_average() -> str:
    """Return the 1-minute load average (the machine's other work competes)."""
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "?"


def cpu_line(db: str, name: str, run: Run) -> str:
    """Say where the CPU went: the server (one process) and this load generator."""
    return (
        f"  {db} {name}: {run.seconds:.1f} s wall; CPU server {run.cpu_s:.1f} s "
        f"({100 * run.cpu_s / max(run.seconds, 1e-9):.0f}% of one core), "
        f"load generator {run.client_cpu_s:.1f} s; load average {run.load}"
    )


def row(db: str, name: str, run: Run, l1: float) -> str:
    calls = run.model_calls / run.completed if run.completed else float("nan")
    return (
        f"| {db:<8} | {name:<22} | {run.sessions:>5} | {run.completed:>5} "
        f"| {len(run.errors):>4} | {run.p50:>8.0f} | {run.p99:>8.0f} "
        f"| {run.p99 / l1 if l1 else float('nan'):>6.2f} | {calls:>5.2f} "
        f"| {run.rss_peak_mb:>6.0f} | {percentile(run.health_ms, 0.99):>7.0f} "
        f"| {run.statuses:>6} | {run.max_in_flight:>5} "
        f"| {1000 * run.cpu_s / max(1, run.completed):>7.0f} |"
    )


HEADER = (
    "| db       | run                    |     n |  done | errs | p50 (ms) | p99 (ms) "
    "| p99/L1 | calls | RSS MB | health99 | status | model | cpu ms |\n"
    "|----------|------------------------|-------|-------|------|----------|----------"
    "|--------|-------|--------|----------|--------|-------|---------|"
)


async def bench_database(db: str, args: argparse.Namespace, model_port: int) -> list:
    var_dir = Path(tempfile.mkdtemp(prefix=f"oh-slow-{db}-"))
    env = server_env(fresh_database(db, var_dir), model_port, var_dir, args)
    migrate(env)
    server = server_start(
        env=env, kind="uvicorn", health_path="/ai-interview/health", timeout=60
    )
    pid, base = server.process.pid, server.url
    results = []
    try:
        candidates = await sign_up(base, 1 + sum(args.sessions))
        alone = await interviews(base, pid, model_port, candidates[:1], args)
        l1 = alone.p50
        results.append((db, "L1 (one session)", alone, l1))
        used = 1
        for count in args.sessions:
            batch = candidates[used : used + count]
            used += count
            run = await interviews(base, pid, model_port, batch, args)
            results.append((db, f"{count} interviews", run, l1))
            print(row(db, f"{count} interviews", run, l1), flush=True)
        if args.reviews:
            run = await reviews(base, pid, args.reviews)
            run.rss_peak_mb = rss_mb(pid)[0]
            results.append((db, f"{args.reviews} reviews (wall)", run, 0.0))
    finally:
        server_stop(server)
        if any(run.errors for _db, _name, run, _l1 in results):
            errors = [line for line in server.log().splitlines() if "Error" in line]
            print(f"{db} server log {server.log_path}, last errors:")
            for line in errors[-5:]:
                print("   ", line[:240])
    return results


async def main_async(args: argparse.Namespace) -> None:
    model, model_port = start_model(args.delay)
    results = []
    try:
        for db in args.db:
            results += await bench_database(db, args, model_port)
    finally:
        model.terminate()
        model.wait(10)
    print()
    print(
        f"model delay {args.delay}s, stream={args.stream}, think={args.think}s, "
        f"ramp={args.ramp}s, "
        f"OPENHIRE_LLM_MAX_CONCURRENCY={args.max_concurrency}, uvicorn 1 worker, "
        f"channel layer {'redis' if args.redis else 'in-memory'}"
    )
    print(HEADER)
    for db, name, run, l1 in results:
        print(row(db, name, run, l1))
    for db, name, run, _l1 in results:
        print(cpu_line(db, name, run))
    for db, name, run, _l1 in results:
        for error in sorted(set(run.errors))[:5]:
            print(f"  {db} {name} error: {error}")
    summary = []
    for db, name, run, l1 in results:
        if name.endswith("interviews"):
            ok = run.p99 <= 1.25 * l1 and not run.errors
            summary.append(
                f"{db} {run.sessions}: p99 {run.p99 / 1000:.2f}s = {run.p99 / l1:.2f}x L1 "
                f"{'OK' if ok else 'MISSED'}"
            )
        elif "reviews" in name:
            wall = run.seconds / args.delay
            summary.append(
                f"{db} {run.sessions} reviews in {run.seconds:.1f}s = {wall:.2f}x model "
                f"{'OK' if wall <= 1.5 and not run.errors else 'MISSED'}"
            )
    print("summary: " + "; ".join(summary))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--serve-model", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--delay", type=float, default=2.0, help="model latency, s")
    parser.add_argument("--sessions", type=int, nargs="+", default=[200, 1000])
    parser.add_argument("--reviews", type=int, default=200)
    parser.add_argument(
        "--db",
        nargs="+",
        default=["postgres", "sqlite"],
        choices=["postgres", "sqlite"],
    )
    parser.add_argument("--max-concurrency", type=int, default=1000)
    parser.add_argument(
        "--stream", action="store_true", help='init with "stream": true'
    )
    parser.add_argument("--think", type=float, default=0.0, help="s before each answer")
    parser.add_argument(
        "--ramp", type=float, default=0.0, help="spread arrivals over this many s"
    )
    parser.add_argument("--redis", default="", help="REDIS_URL for the channel layer")
    parser.add_argument("--timeout", type=float, default=180.0, help="per frame, s")
    args = parser.parse_args()
    if args.serve_model:
        serve_model(args.serve_model, args.delay)
        return
    asyncio.run(main_async(args))


if __name__ == "__main__":
    main()
