"""Run real OpenHire server processes, for end-to-end tests and benchmarks.

    server = server_start(env=env)                      # daphne, one process
    server = server_start(env=env, kind="uvicorn", workers=2)   # make serve's
    ... server.url, server.port, server.process.pid ...
    server_stop(server)

The server listens on a free 127.0.0.1 port (or `port`); `server_start` returns
once `health_path` answers, and raises with the server's log when the process
exits first or does not answer in time. Its output goes to `log_path` (a
temporary file when not given), never to an unread pipe that could stall it.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from openhire.serve import ws_max_bytes

ROOT = Path(__file__).resolve().parent.parent
APPLICATION = "openhire.asgi:application"


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class ServerProcess:
    """A server process serving OpenHire over HTTP and WebSockets."""

    url: str
    port: int
    process: subprocess.Popen
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


def server_command(
    kind: str, port: int, *, workers: int = 1, ws_max: int | None = None
) -> list[str]:
    """Return the command line of a `daphne` or `uvicorn` server, as the Makefile's."""
    limit = str(ws_max or ws_max_bytes())
    if kind == "daphne":
        return [
            sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port),
            "--websocket-max-message-size", limit,  # as `make run`
            "--websocket-max-frame-size", limit,
        ]  # fmt: skip
    if kind == "uvicorn":  # `make serve`'s command (openhire/serve.py)
        return [
            sys.executable, "-m", "openhire.serve", "--host", "127.0.0.1",
            "--port", str(port), "--workers", str(workers),
        ]  # fmt: skip
    raise ValueError(f"unknown server kind {kind!r}: use daphne or uvicorn")


def server_start(
    *,
    env: dict[str, str],
    kind: str = "daphne",
    port: int | None = None,
    workers: int = 1,
    extra_args: Sequence[str] = (),
    log_path: Path | None = None,
    health_path: str = "/health",
    timeout: float = 60,
) -> ServerProcess:
    """Start a server with `env` and wait until `health_path` answers 200."""
    port = port or free_port()
    if log_path is None:
        handle, name = tempfile.mkstemp(prefix=f"openhire-{kind}-", suffix=".log")
        log_path = Path(name)
        log = open(handle, "wb")  # noqa: SIM115 - the child keeps it open
    else:
        log = open(log_path, "wb")  # noqa: SIM115 - the child keeps it open
    ws_max = ws_max_bytes(env.get("OPENHIRE_MAX_UPLOAD_MB"))
    command = [
        *server_command(kind, port, workers=workers, ws_max=ws_max),
        *extra_args,
    ]
    if kind == "daphne":
        command.append(APPLICATION)
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
    )
    log.close()  # the child has its own descriptor
    server = ServerProcess(f"http://127.0.0.1:{port}", port, process, log_path)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"{kind} exited with {process.returncode}:\n{server.log()}"
            )
        try:
            with urllib.request.urlopen(server.url + health_path, timeout=2) as answer:
                if answer.status == 200:
                    return server
        except OSError:
            time.sleep(0.1)
    server_stop(server)
    raise RuntimeError(
        f"{kind} did not answer {health_path} in {timeout:g} s:\n{server.log()}"
    )


def server_stop(server: ServerProcess, *, timeout: float = 15) -> None:
    """Stop the server (SIGTERM, then SIGKILL after `timeout` seconds)."""
    server.process.terminate()
    try:
        server.process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "p" * 20 + "-production-key-with-enough-entropy-1234",
    "OPENHIRE_HTTPS": "1",
    "ALLOWED_HOSTS": "hire.example.com",
}


def check_deploy(var_dir: Path, **env: str) -> subprocess.CompletedProcess:
    """Run `manage.py check --deploy` failing on warnings, with production settings.

    The embedded defaults (no DATABASE_URL/REDIS_URL), `var_dir` for var/, and
    `env` on top.
    """
    environment = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")
    }
    environment.update(PRODUCTION_ENV, OPENHIRE_VAR_DIR=str(var_dir), **env)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


# --- background task workers (`make worker`) ------------------------------------------


def database_url_of(params: dict) -> str:
    """Return a PostgreSQL URL for Django's connection `params` (a settings_dict)."""
    user = params.get("USER") or "postgres"
    password = f":{params['PASSWORD']}" if params.get("PASSWORD") else ""
    host = params.get("HOST") or "127.0.0.1"
    port = params.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{params['NAME']}"


def worker_command(*, batch: bool = False, interval: float = 0.05) -> list[str]:
    """Return `make worker`'s command: one `db_worker` process of the task queue."""
    command = [
        sys.executable, "manage.py", "db_worker", "--no-startup-delay",
        "--no-reload", "--interval", str(interval),
    ]  # fmt: skip
    return [*command, "--batch"] if batch else command


def worker_start(
    *, env: dict[str, str], batch: bool = False, log_path: Path | None = None
) -> subprocess.Popen:
    """Start a task worker with `env` (OPENHIRE_TASKS=database is set for it)."""
    if log_path is None:
        handle, name = tempfile.mkstemp(prefix="openhire-worker-", suffix=".log")
        log = open(handle, "wb")  # noqa: SIM115 - the child keeps it open
    else:
        log = open(log_path, "wb")  # noqa: SIM115 - the child keeps it open
    process = subprocess.Popen(
        worker_command(batch=batch),
        cwd=ROOT,
        env={**env, "OPENHIRE_TASKS": "database"},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    log.close()
    return process
