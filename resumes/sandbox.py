"""Parse strangers' documents in worker processes with memory, CPU and time limits.

Use it as::

    from resumes.sandbox import SandboxLimits, sandbox
    extracted = sandbox(workers=2).extract(data, limits=..., sandbox=SandboxLimits())
    extracted = await sandbox(workers=2).aextract(data, limits=..., sandbox=...)

A pool of long-lived worker processes (`python -m resumes.sandbox`) runs
`resumes.extraction.extract_text`, one document per worker at a time, so
several documents are parsed at once and none can take the web process down.
Before each document the worker lowers its own address-space limit
(`RLIMIT_AS`) and gives itself a CPU-time budget (`RLIMIT_CPU`, counted from
what it has used so far); the parent waits at most `wall_seconds`. A worker
that runs out of memory or CPU dies or answers `document_too_complex`; one that
overruns the wall clock is killed. Either way it is replaced, the caller gets
an `ExtractionError("document_too_complex")`, and the event is logged with the
document's size and hash, never its contents.

The wire between parent and worker is length-prefixed JSON (plus the raw
document bytes on the way in): nothing the worker says is unpickled, so a
worker subverted by a malicious file can lie about the text but cannot run code
in the web process. Pure Python, no Django: `resumes.intake` passes the limits.
"""

from __future__ import annotations

import asyncio
import atexit
import hashlib
import json
import logging
import os
import resource
import select
import struct
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

from resumes.extraction import (
    ExtractedText,
    ExtractionError,
    ExtractionLimits,
    too_complex,
)

logger = logging.getLogger("openhire.documents")

MSG_BUSY = "Too many documents are being read right now; retry in a few seconds."
STARTUP_SECONDS = 60.0  # a fresh worker imports pdfium and python-docx first
MAX_REPLY_BYTES = 64 * 1024 * 1024
_LENGTH = struct.Struct(">I")
_READY = b"ready\n"


@dataclass(frozen=True)
class SandboxLimits:
    """What one document may cost a worker: memory, CPU time, wall-clock time."""

    memory_mb: int = 512
    cpu_seconds: int = 10
    wall_seconds: float = 15.0


class _WorkerGone(Exception):
    """The worker died, closed its pipe or overran the clock."""


# --- the worker (child process) -------------------------------------------------


def _read_exact(stream, size: int) -> bytes:
    chunks, remaining = [], size
    while remaining:
        chunk = stream.read(remaining)
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def _apply_limits(memory_mb: int, cpu_seconds: int) -> None:
    """Cap this process's address space, and its CPU time from now on."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    used = int(usage.ru_utime + usage.ru_stime) + 1
    _, cpu_hard = resource.getrlimit(resource.RLIMIT_CPU)
    resource.setrlimit(resource.RLIMIT_CPU, (used + cpu_seconds, cpu_hard))
    _, as_hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (memory_mb * 1024 * 1024, as_hard))


def _lift_memory_limit() -> None:
    _, as_hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (as_hard, as_hard))


def _answer(request: dict, data: bytes) -> tuple[dict, bool]:
    """Return (the reply, whether this worker must retire after sending it)."""
    from resumes.extraction import extract_text

    _apply_limits(request["memory_mb"], request["cpu_seconds"])
    try:
        limits = ExtractionLimits(**request["limits"])
        return {"ok": extract_text(data, limits=limits).to_dict()}, False
    except ExtractionError as error:
        return {"error": {"code": error.code, "message": error.message}}, False
    except (MemoryError, RecursionError):
        error = too_complex()
        return {"error": {"code": error.code, "message": error.message}}, True
    finally:
        _lift_memory_limit()


def worker_main() -> None:
    """Serve extraction requests on stdin/stdout until stdin closes."""
    import docx  # noqa: F401
    import pypdfium2  # noqa: F401  (imported before the first document's clock starts)

    import resumes.docx_text  # noqa: F401
    import resumes.pdf_text  # noqa: F401

    inbox, outbox = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must not corrupt the protocol
    outbox.write(_READY)
    outbox.flush()
    while True:
        try:
            (size,) = _LENGTH.unpack(_read_exact(inbox, _LENGTH.size))
            request = json.loads(_read_exact(inbox, size))
            data = _read_exact(inbox, request["size"])
        except EOFError:
            return
        reply, retire = _answer(request, data)
        body = json.dumps(reply).encode()
        outbox.write(_LENGTH.pack(len(body)) + body)
        outbox.flush()
        if retire:  # after a MemoryError the heap may be in a poor state
            return


# --- the parent (web process) -----------------------------------------------------


class _Worker:
    """One worker process and its pipes, used by one caller at a time."""

    def __init__(self) -> None:
        root = str(Path(__file__).resolve().parent.parent)
        env = {**os.environ, "PYTHONPATH": root}
        env.pop("DJANGO_SETTINGS_MODULE", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "resumes.sandbox"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,  # a parser's complaints may quote the file
            env=env,
            cwd=root,
            close_fds=True,
            start_new_session=True,  # a Ctrl-C on the server is not sent to it
        )
        self.ready = False
        self.jobs = 0

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        if self.alive():
            self.process.kill()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        for pipe in (self.process.stdin, self.process.stdout):
            try:
                pipe.close()
            except OSError:
                pass

    def _read(self, size: int, deadline: float) -> bytes:
        fd = self.process.stdout.fileno()
        chunks, remaining = [], size
        while remaining:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise _WorkerGone("timeout")
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                raise _WorkerGone("died")
            chunks.append(chunk)
            remaining -= len(chunk)
        return b"".join(chunks)

    def call(self, request: dict, data: bytes, wall_seconds: float) -> dict:
        """Send one document; return the worker's JSON reply."""
        if not self.ready:
            if self._read(len(_READY), time.monotonic() + STARTUP_SECONDS) != _READY:
                raise _WorkerGone("died")
            self.ready = True
        header = json.dumps({**request, "size": len(data)}).encode()
        try:
            self.process.stdin.write(_LENGTH.pack(len(header)) + header)
            self.process.stdin.write(data)
            self.process.stdin.flush()
        except (BrokenPipeError, OSError):
            raise _WorkerGone("died") from None
        deadline = time.monotonic() + wall_seconds
        (size,) = _LENGTH.unpack(self._read(_LENGTH.size, deadline))
        if size > MAX_REPLY_BYTES:
            raise _WorkerGone("reply too large")
        self.jobs += 1
        return json.loads(self._read(size, deadline))


class DocumentSandbox:
    """A pool of `workers` extraction processes, started on first use."""

    MAX_JOBS_PER_WORKER = 500  # recycled now and then: bounded heap growth

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._slots = threading.BoundedSemaphore(workers)
        self._idle: list[_Worker] = []
        self._lock = threading.Lock()  # guards `_idle` only, never a parse
        self._waiters = ThreadPoolExecutor(
            max_workers=workers * 4, thread_name_prefix="document-sandbox"
        )

    def extract(
        self,
        data: bytes,
        *,
        limits: ExtractionLimits,
        sandbox: SandboxLimits,
    ) -> ExtractedText:
        """Return the document's text, parsed in a worker; blocks the calling thread."""
        if not self._slots.acquire(timeout=sandbox.wall_seconds):
            raise ExtractionError(MSG_BUSY, "extraction_busy")
        try:
            return self._extract(data, limits, sandbox)
        finally:
            self._slots.release()

    async def aextract(
        self,
        data: bytes,
        *,
        limits: ExtractionLimits,
        sandbox: SandboxLimits,
    ) -> ExtractedText:
        """Await `extract` without blocking the event loop (or its default executor)."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(
            self._waiters,
            lambda: self.extract(data, limits=limits, sandbox=sandbox),
        )

    def _extract(
        self, data: bytes, limits: ExtractionLimits, sandbox: SandboxLimits
    ) -> ExtractedText:
        request = {
            "memory_mb": sandbox.memory_mb,
            "cpu_seconds": sandbox.cpu_seconds,
            "limits": asdict(limits),
        }
        for attempt in range(2):
            worker = self._take()
            fresh = worker.jobs == 0
            try:
                reply = worker.call(request, data, sandbox.wall_seconds)
            except _WorkerGone as gone:
                worker.kill()
                if not fresh and attempt == 0 and str(gone) == "died":
                    continue  # it had died before this document: try a new one
                _log_refusal(data, str(gone))
                raise too_complex() from None
            self._give_back(worker)
            return _reply_to_result(reply, data)
        raise AssertionError("unreachable")

    def _take(self) -> _Worker:
        with self._lock:
            while self._idle:
                worker = self._idle.pop()
                if worker.alive():
                    return worker
                worker.kill()
        return _Worker()

    def _give_back(self, worker: _Worker) -> None:
        if not worker.alive() or worker.jobs >= self.MAX_JOBS_PER_WORKER:
            worker.kill()
            return
        with self._lock:
            self._idle.append(worker)

    def close(self) -> None:
        """Stop every idle worker (busy ones stop when their caller is done)."""
        with self._lock:
            idle, self._idle = self._idle, []
        for worker in idle:
            worker.kill()


def _reply_to_result(reply: dict, data: bytes) -> ExtractedText:
    try:
        if "ok" in reply:
            return ExtractedText.from_dict(reply["ok"])
        error = ExtractionError(
            str(reply["error"]["message"]), str(reply["error"]["code"])
        )
    except (KeyError, TypeError, ValueError):
        _log_refusal(data, "malformed reply")
        raise too_complex() from None
    if error.code == "document_too_complex":
        _log_refusal(data, "limit")
    raise error


def _log_refusal(data: bytes, reason: str) -> None:
    """Log a refused document by size and hash: never a byte of its contents."""
    logger.warning(
        json.dumps(
            {
                "event": "document_refused",
                "code": "document_too_complex",
                "reason": reason,
                "bytes": len(data),
                "sha256": hashlib.sha256(data).hexdigest()[:16],
            }
        )
    )


_POOLS: dict[int, DocumentSandbox] = {}
_POOLS_LOCK = threading.Lock()


def sandbox(*, workers: int) -> DocumentSandbox:
    """Return this process's pool of `workers` extraction processes."""
    with _POOLS_LOCK:
        pool = _POOLS.get(workers)
        if pool is None:
            pool = _POOLS[workers] = DocumentSandbox(workers)
        return pool


@atexit.register
def _close_pools() -> None:
    for pool in list(_POOLS.values()):
        pool.close()


if __name__ == "__main__":
    worker_main()
