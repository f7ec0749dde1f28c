"""The production server: uvicorn workers with OpenHire's timeouts and worker rule.

    python -m openhire.serve --host 0.0.0.0 --port 8000 --workers 4   # make serve

- **One worker without Redis.** More than one worker needs `REDIS_URL` (a shared
  channel layer: a DELETE served by one worker must close a socket held by
  another). Without it the server runs one worker and says so on stderr.
- **Timeouts.** A connection whose request head has not arrived within
  `HEAD_TIMEOUT_S` (`OPENHIRE_HEAD_TIMEOUT_S`, 20) is closed (uvicorn alone waits for ever: slowloris); idle
  keep-alive connections close after 5 s; request heads are capped at 16 KB;
  WebSockets are pinged every 20 s and not compressed (small JSON frames). Stalled request bodies are cut by
  `openhire.middleware.BodySizeLimit` (both servers).
- **Client address.** uvicorn's proxy-header handling is off: OpenHire decides
  the client address itself (`OPENHIRE_NUM_PROXIES`, openhire/throttling.py).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

try:
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
except ImportError:  # httptools is optional (uvicorn[standard] installs it)
    HttpToolsProtocol = None

APPLICATION = "openhire.asgi:application"
HEAD_TIMEOUT_S = float(os.environ.get("OPENHIRE_HEAD_TIMEOUT_S") or 20)
ONE_WORKER = (
    "openhire.serve: REDIS_URL is not set, so {requested} workers could not share "
    "sockets and live state; running 1 worker. Set REDIS_URL to run {requested}."
)


def ws_max_bytes(upload_mb: str | int | None = None) -> int:
    """Return the WebSocket message limit `make run` and `make serve` start with.

    The upload limit (`OPENHIRE_MAX_UPLOAD_MB`) as a base64 data URL plus 64 KB,
    as `DATA_UPLOAD_MAX_MEMORY_SIZE`, plus 1 MiB of headroom: an
    `initialize_interview` a little over the app's limit still reaches the app,
    which answers `error frame_too_large` before closing with 1009. The app
    holds every other frame to 64 KB.
    """
    mb = int(upload_mb or os.environ.get("OPENHIRE_MAX_UPLOAD_MB") or 10)
    return mb * 1024 * 1024 * 4 // 3 + 64 * 1024 + 1024 * 1024


def serve_workers(requested: int, *, redis_url: str) -> tuple[int, str]:
    """Return how many workers to run, and what to tell the operator ("" = nothing)."""
    if requested > 1 and not redis_url:
        return 1, ONE_WORKER.format(requested=requested)
    return max(1, requested), ""


class HeadTimeoutMixin:
    """Close a connection whose next request head does not arrive in time."""

    head_timeout = HEAD_TIMEOUT_S

    def connection_made(self, transport) -> None:
        super().connection_made(transport)
        self._arm_head_timer()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm_head_timer()  # keep-alive: the next head must come in time too

    def handle_websocket_upgrade(self, *args) -> None:
        self._cancel_head_timer()  # a WebSocket has its own pings and timeouts
        return super().handle_websocket_upgrade(*args)

    def connection_lost(self, exc) -> None:
        self._cancel_head_timer()
        super().connection_lost(exc)

    def _arm_head_timer(self) -> None:
        self._cancel_head_timer()
        self._head_timer = self.loop.call_later(
            self.head_timeout, self._head_timed_out, self.cycle
        )

    def _cancel_head_timer(self) -> None:
        timer = getattr(self, "_head_timer", None)
        if timer is not None:
            timer.cancel()
            self._head_timer = None

    def _head_timed_out(self, waiting_since) -> None:
        # No new request cycle began since the timer was armed: the head is late.
        if self.cycle is waiting_since and not self.transport.is_closing():
            self.transport.close()


class H11HeadTimeout(HeadTimeoutMixin, H11Protocol):
    """uvicorn's h11 protocol with a request-head timeout."""


if HttpToolsProtocol is not None:

    class HttpToolsHeadTimeout(HeadTimeoutMixin, HttpToolsProtocol):
        """uvicorn's httptools protocol with a request-head timeout."""

    HTTP_PROTOCOL = HttpToolsHeadTimeout
else:
    HTTP_PROTOCOL = H11HeadTimeout


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m openhire.serve")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--log-level", default="info")
    parser.add_argument(
        "--access-log", action="store_true", help="uvicorn's access log (redacted)"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    """Run uvicorn with OpenHire's settings."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    workers, message = serve_workers(
        args.workers, redis_url=os.environ.get("REDIS_URL", "")
    )
    if message:
        print(message, file=sys.stderr, flush=True)
    uvicorn.run(
        APPLICATION,
        host=args.host,
        port=args.port,
        workers=workers,
        http=HTTP_PROTOCOL,
        log_level=args.log_level,
        access_log=args.access_log,
        proxy_headers=False,
        ws_max_size=ws_max_bytes(),  # the app holds non-init frames to 64 KB
        ws_ping_interval=20,
        ws_ping_timeout=30,
        # Frames are small JSON; compressing each costs CPU on both ends and a
        # zlib context per socket, for little saved (daphne does not compress).
        ws_per_message_deflate=False,
        timeout_keep_alive=5,
        h11_max_incomplete_event_size=16384,
    )


if __name__ == "__main__":
    main()
