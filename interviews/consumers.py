"""Speak the AI interview protocol of DESIGN.md §6 over a WebSocket.

The consumer parses frames, guards against abuse (frame size, frame rate),
calls `interviews.services` and sends the frames they return, each stamped
with `timestamp`. It holds no interview state of its own: every state change
is committed by a service before the frame announcing it is sent, so another
worker can serve the next connection of the same session.

Service calls run in the default thread pool (`thread_sensitive=False`) so one
slow AI call or query does not hold up every other socket of the process.
"""

from __future__ import annotations

import json
import logging
import time
from collections import deque
from typing import Any
from urllib.parse import parse_qs

from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.db import close_old_connections
from django.utils import timezone

from accounts.identity import trusted_mode
from interviews import services
from interviews.state_machine import ANSWER_TOO_LONG, MAX_ANSWER_CHARS, NOT_INITIALIZED
from openhire.errors import OpenHireError
from openhire.throttling import ai_throttle_wait, client_ip
from resumes.services import max_body_bytes

logger = logging.getLogger(__name__)

MAX_FRAME_BYTES = 64 * 1024
MAX_FRAMES_PER_SECOND = 20
CLOSE_UNAUTHENTICATED = 4401
CLOSE_FORBIDDEN = 4403
CLOSE_BAD_REQUEST = 4400
CLOSE_DELETED = 4410
CLOSE_TOO_BIG = 1009

FRAME_TOO_LARGE = f"Frames are limited to {MAX_FRAME_BYTES // 1024} KB (initialize_interview: the upload limit)."
THROTTLED = f"Too many messages: at most {MAX_FRAMES_PER_SECOND} per second. This one was ignored."
NOT_JSON = "Frames must be JSON objects with a 'type'."
UNKNOWN_TYPE = "Unknown message type {type!r}; send initialize_interview, submit_answer, end_interview or ping."
SESSION_DELETED = "This interview session was deleted."
INTERNAL_ERROR = "The server could not handle this message; please try again."
INIT_THROTTLED = "Too many interviews started; try again in {wait} seconds."


def _call(function, **kwargs):
    """Run a service in the thread pool; its connection is released afterwards."""
    return database_sync_to_async(_released, thread_sensitive=False)(function, kwargs)


def _released(function, kwargs: dict[str, Any]):
    try:
        return function(**kwargs)
    finally:
        close_old_connections()  # in the service's own context, where it connected


class InterviewConsumer(AsyncJsonWebsocketConsumer):
    """Run one candidate's AI interview: five questions, then the analysis."""

    example = '{"type": "initialize_interview", "data": {"job_id": "…", "candidate_resume": "…"}}'

    async def connect(self) -> None:
        query = parse_qs(self.scope.get("query_string", b"").decode(errors="replace"))
        self.session_id = ""
        self.candidate = None
        self.recent: deque[float] = deque()
        user = self.scope.get("user")
        if self.scope.get("token_invalid") or (user is None and not trusted_mode()):
            await self.accept()
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        claimed = (query.get("candidate_id") or [""])[0]
        try:
            if user is not None or claimed:
                self.candidate = await _call(
                    services.interview_candidate_resolve, user=user, claimed_id=claimed
                )
            opened = await _call(
                services.interview_open,
                session_id=(query.get("session_id") or [""])[0],
                candidate=self.candidate,
            )
        except OpenHireError as exc:
            await self.accept()
            await self._send(services.error_frame(exc.message, exc.code))
            code = CLOSE_FORBIDDEN if exc.status in (403, 404) else CLOSE_BAD_REQUEST
            await self.close(code=CLOSE_UNAUTHENTICATED if exc.status == 401 else code)
            return
        self.session_id = opened.session_id
        await self.channel_layer.group_add(
            services.interview_group(self.session_id), self.channel_name
        )
        await self.accept()
        await self._send(
            services.frame(
                "connection_success",
                message=services.CONNECTED,
                session_id=self.session_id,
            )
        )
        await self._send(
            services.frame(
                "welcome",
                message=services.WELCOME,
                session_id=self.session_id,
                instructions=services.INSTRUCTIONS,
            )
        )
        if opened.resumed:
            await self._send_all(opened.frames)
            if not opened.frames:  # a question or the analysis was left pending
                await self._run(services.interview_advance, session_id=self.session_id)

    async def disconnect(self, code: int) -> None:
        if self.session_id:
            await self.channel_layer.group_discard(
                services.interview_group(self.session_id), self.channel_name
            )

    # --- receiving ---------------------------------------------------------------------

    async def receive(
        self, text_data: str | None = None, bytes_data: bytes | None = None, **kwargs
    ) -> None:
        raw = (
            text_data
            if text_data is not None
            else (bytes_data or b"").decode("utf-8", "replace")
        )
        size = len(raw.encode("utf-8"))
        if size > max_body_bytes():
            await self._send(services.error_frame(FRAME_TOO_LARGE, "frame_too_large"))
            await self.close(code=CLOSE_TOO_BIG)
            return
        if self._throttled():
            await self._send(services.error_frame(THROTTLED, "throttled"))
            return
        try:
            content = json.loads(raw)
        except ValueError:
            content = None
        if not isinstance(content, dict) or not isinstance(content.get("type"), str):
            await self._send(services.error_frame(NOT_JSON, "invalid_json"))
            return
        if size > MAX_FRAME_BYTES and content["type"] != "initialize_interview":
            await self._send(services.error_frame(FRAME_TOO_LARGE, "frame_too_large"))
            await self.close(code=CLOSE_TOO_BIG)
            return
        await self.receive_json(content)

    def _throttled(self) -> bool:
        now = time.monotonic()
        while self.recent and now - self.recent[0] > 1.0:
            self.recent.popleft()
        if len(self.recent) >= MAX_FRAMES_PER_SECOND:
            return True
        self.recent.append(now)
        return False

    async def receive_json(self, content: dict[str, Any], **kwargs) -> None:
        kind = content["type"]
        data = content.get("data") if isinstance(content.get("data"), dict) else {}
        fields = {**content, **data}
        if kind == "ping":
            await self._send({"type": "pong"})
        elif kind == "initialize_interview":
            await self._initialize(fields)
        elif kind == "submit_answer":
            answer = fields.get("answer")
            if isinstance(answer, str) and len(answer) > MAX_ANSWER_CHARS:
                await self._send(
                    services.error_frame(ANSWER_TOO_LONG, "answer_too_long")
                )
                return
            frames = await self._run(
                services.interview_submit_answer,
                session_id=self.session_id,
                candidate=self.candidate,
                answer=answer,
                needs_candidate=True,
            )
            # An in-process engine asked the next question already; else ask it now.
            if frames and frames[-1]["type"] != "question":
                await self._run(services.interview_advance, session_id=self.session_id)
        elif kind == "end_interview":
            if (
                await self._run(
                    services.interview_end,
                    session_id=self.session_id,
                    candidate=self.candidate,
                    needs_candidate=True,
                )
                is not None
            ):
                await self._run(services.interview_advance, session_id=self.session_id)
        else:
            await self._send(
                services.error_frame(
                    UNKNOWN_TYPE.format(type=kind[:40]), "unknown_type"
                )
            )

    async def _initialize(self, fields: dict[str, Any]) -> None:
        claimed = fields.get("candidate_id")
        if self.candidate is None:  # trusted mode, no candidate_id in the URL
            try:
                self.candidate = await _call(
                    services.interview_candidate_resolve,
                    user=self.scope.get("user"),
                    claimed_id=claimed,
                )
            except OpenHireError as exc:
                await self._send(services.error_frame(exc.message, exc.code))
                return
        else:
            # A token user is checked against the claim without any query.
            try:
                services.interview_candidate_resolve(
                    user=self.candidate, claimed_id=claimed
                )
            except OpenHireError as exc:
                await self._send(services.error_frame(exc.message, exc.code))
                return
        requested = fields.get("session_id")
        if requested not in (None, "") and requested != self.session_id:
            await self._send(
                services.error_frame(
                    "session_id differs from the one this connection was opened with "
                    f"({self.session_id}); reconnect with ?session_id= to switch sessions.",
                    "session_mismatch",
                )
            )
            return
        wait = await sync_to_async(ai_throttle_wait, thread_sensitive=False)(
            scope="interview", user_id=self.candidate.pk, ip=client_ip(self.scope)
        )
        if wait is not None:  # OPENHIRE_THROTTLE_INTERVIEW / OPENHIRE_THROTTLE_AI_IP
            error = services.error_frame(INIT_THROTTLED.format(wait=wait), "throttled")
            await self._send({**error, "retry_after": wait})
            return
        if (
            await self._run(
                services.interview_initialize,
                session_id=self.session_id,
                candidate=self.candidate,
                payload=fields,
            )
            is not None
        ):
            await self._run(services.interview_advance, session_id=self.session_id)

    # --- sending -----------------------------------------------------------------------

    async def _run(
        self, function, *, needs_candidate: bool = False, **kwargs
    ) -> list[dict[str, Any]] | None:
        """Call a service and send its frames (or its error); return them, None on error."""
        if needs_candidate and self.candidate is None:
            await self._send(services.error_frame(NOT_INITIALIZED, "not_initialized"))
            return None
        try:
            frames = await _call(function, **kwargs)
        except OpenHireError as exc:
            await self._send(services.error_frame(exc.message, exc.code))
            return None
        except Exception:
            logger.exception(
                "interview %s: %s failed", self.session_id, function.__name__
            )
            await self._send(services.error_frame(INTERNAL_ERROR, "internal_error"))
            return None
        await self._send_all(frames)
        return frames

    async def _send_all(self, frames: list[dict[str, Any]]) -> None:
        for item in frames:
            await self._send(item)

    async def _send(self, content: dict[str, Any]) -> None:
        await self.send_json({**content, "timestamp": timezone.now().isoformat()})

    # --- channel-layer events ------------------------------------------------------------

    async def interview_close(self, event: dict[str, Any]) -> None:
        """Close this socket: its session was deleted (on any worker)."""
        await self._send(services.error_frame(SESSION_DELETED, "session_deleted"))
        await self.close(code=CLOSE_DELETED)
