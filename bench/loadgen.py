"""A small keep-alive HTTP/1.1 load generator (stdlib asyncio), for bench scripts.

    result = run_load("127.0.0.1", 8000, requests=[("GET", "/jobs", None, "jobs")],
                      concurrency=16, seconds=5)
    result.rps, result.errors, percentile(result.by_tag["jobs"], 0.99)

Each of `concurrency` connections sends one request at a time, cycling through
`requests`, for `seconds`. Latency is measured from the first byte sent to the
last byte of the body read.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

# (method, path, body) or (method, path, body, tag): tagged requests also have
# their latencies kept per tag in `LoadResult.by_tag`, so a mixed load measures
# several endpoints side by side under the very same conditions.
Request = tuple


@dataclass
class LoadResult:
    requests: int
    errors: int
    seconds: float
    by_tag: dict[str, list[float]] = field(default_factory=dict)
    errors_by_tag: dict[str, int] = field(default_factory=dict)

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


async def _read_response(reader: asyncio.StreamReader) -> int:
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionError("server closed the connection")
    status = int(status_line.split()[1])
    length = 0
    chunked = False
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b"\n", b""):
            break
        name, _, value = line.decode("latin-1").partition(":")
        name = name.strip().lower()
        if name == "content-length":
            length = int(value.strip())
        elif name == "transfer-encoding" and "chunked" in value.lower():
            chunked = True
    if chunked:
        while True:
            size = int((await reader.readline()).strip(), 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    elif length:
        await reader.readexactly(length)
    return status


def _encode(method: str, path: str, body: bytes | None, host: str) -> bytes:
    head = [f"{method} {path} HTTP/1.1", f"Host: {host}", "Connection: keep-alive"]
    if body is not None:
        head += ["Content-Type: application/json", f"Content-Length: {len(body)}"]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + (body or b"")


async def _worker(host, port, requests, deadline, result, ok) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        for method, path, body, *rest in requests:
            tag = rest[0] if rest else None
            if time.perf_counter() >= deadline:
                break
            started = time.perf_counter()
            try:
                writer.write(_encode(method, path, body, host))
                await writer.drain()
                status = await _read_response(reader)
            except (ConnectionError, asyncio.IncompleteReadError, ValueError):
                result.errors += 1
                if tag is not None:
                    result.errors_by_tag[tag] = result.errors_by_tag.get(tag, 0) + 1
                writer.close()
                reader, writer = await asyncio.open_connection(host, port)
                continue
            latency = (time.perf_counter() - started) * 1000
            result.requests += 1
            if tag is not None:
                result.by_tag.setdefault(tag, []).append(latency)
            if not ok(status):
                result.errors += 1
                if tag is not None:
                    result.errors_by_tag[tag] = result.errors_by_tag.get(tag, 0) + 1
    finally:
        writer.close()


async def _run(host, port, make_requests, concurrency, seconds, ok) -> LoadResult:
    result = LoadResult(0, 0, 0.0)
    started = time.perf_counter()
    deadline = started + seconds
    await asyncio.gather(
        *(
            _worker(host, port, make_requests(index), deadline, result, ok)
            for index in range(concurrency)
        )
    )
    result.seconds = time.perf_counter() - started
    return result


def run_load(
    host: str,
    port: int,
    *,
    requests: Sequence[Request] | Callable[[int], itertools.cycle],
    concurrency: int,
    seconds: float,
    ok: Callable[[int], bool] = lambda status: status < 400,
) -> LoadResult:
    """Drive the server with `concurrency` keep-alive connections for `seconds`."""
    if callable(requests):
        make = requests
    else:
        fixed = list(requests)

        def make(index: int):
            return itertools.cycle(
                fixed[index % len(fixed) :] + fixed[: index % len(fixed)]
            )

    return asyncio.run(_run(host, port, make, concurrency, seconds, ok))


def percentile(values: list[float], q: float) -> float:
    """Return the q-quantile (0..1) of `values`, nan when empty."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def json_body(data: object) -> bytes:
    return json.dumps(data).encode()


# --- what a server process costs (Linux /proc) ------------------------------------


def cpu_seconds(pid: int) -> float:
    """Return the CPU time (user + system) `pid` has used, from /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> tuple[float, float]:
    """Return (current RSS, peak RSS) of `pid` in MB, from /proc."""
    values = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0]) / 1024
    except OSError:
        return float("nan"), float("nan")
    return values.get("VmRSS", float("nan")), values.get("VmHWM", float("nan"))
