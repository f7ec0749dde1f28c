"""Speak the AI interview protocol of DESIGN.md §6 over a WebSocket.

Thin: each frame is parsed by `interviews.protocol` into a command, handed to
an `interviews.services` coroutine, and the frames of the `Reply` it returns
are sent as they are; when the reply says a step is `pending` (the next
question or the analysis), `interview_advance` is awaited and its reply sent.
The consumer holds no interview state: every change is committed by a
service before the frame announcing it is sent, so another worker can serve
the next connection of the same session. Async end to end: model calls are
awaited on the loop, only short database steps run in threads.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable
from typing import Any
from urllib.parse import parse_qs

from channels.generic.websocket import AsyncWebsocketConsumer

from accounts.identity import trusted_mode
from interviews import protocol, services
from interviews.retention import interview_group
from openhire.errors import OpenHireError
from openhire.throttling import client_ip
from resumes.intake import max_body_bytes

logger = logging.getLogger(__name__)


def _close_code(error: OpenHireError) -> int:
    if error.status == 401:
        return protocol.CLOSE_UNAUTHENTICATED
    if error.status in (403, 404):
        return protocol.CLOSE_FORBIDDEN
    return protocol.CLOSE_BAD_REQUEST


class InterviewConsumer(AsyncWebsocketConsumer):
    """Run one candidate's AI interview: five questions, then the analysis."""

    example = '{"type": "initialize_interview", "data": {"job_id": "…", "candidate_resume": "…"}}'

    async def connect(self) -> None:
        query = parse_qs(self.scope.get("query_string", b"").decode(errors="replace"))
        self.session_id = ""
        self.candidate = None
        self.stream = False  # `"stream": true` in initialize_interview
        self.rate = protocol.FrameRate()
        user = self.scope.get("user")
        if self.scope.get("token_invalid") or (user is None and not trusted_mode()):
            await self.accept()
            await self.close(code=protocol.CLOSE_UNAUTHENTICATED)
            return
        claimed = (query.get("candidate_id") or [""])[0]
        try:
            if user is not None or claimed:
                self.candidate = await services.interview_candidate_resolve(
                    user=user, claimed_id=claimed
                )
            opened = await services.interview_open(
                session_id=(query.get("session_id") or [""])[0],
                candidate=self.candidate,
            )
        except OpenHireError as exc:
            await self.accept()
            await self._send(protocol.error(exc.message, exc.code))
            await self.close(code=_close_code(exc))
            return
        self.session_id = opened.session_id
        await self.channel_layer.group_add(
            interview_group(self.session_id), self.channel_name
        )
        await self.accept()
        await self._reply(opened.reply)

    async def disconnect(self, code: int) -> None:
        if self.session_id:
            await self.channel_layer.group_discard(
                interview_group(self.session_id), self.channel_name
            )

    async def receive(
        self, text_data: str | None = None, bytes_data: bytes | None = None
    ) -> None:
        raw = text_data if text_data is not None else (bytes_data or b"")
        command = protocol.parse(raw, init_limit=max_body_bytes())
        if isinstance(command, protocol.Refused) and command.close:
            await self._send(command.frame)
            await self._close(command.close)
        elif not self.rate.allows():
            await self._send(protocol.throttled())
        elif isinstance(command, protocol.Refused):
            await self._send(command.frame)
        elif isinstance(command, protocol.Ping):
            await self._send(protocol.pong())
        elif isinstance(command, protocol.Initialize):
            await self._initialize(command)
        elif isinstance(command, protocol.SubmitAnswer):
            await self._run(
                services.interview_submit_answer(
                    session_id=self.session_id,
                    candidate=self.candidate,
                    answer=command.answer,
                )
            )
        elif isinstance(command, protocol.End):
            await self._run(
                services.interview_end(
                    session_id=self.session_id, candidate=self.candidate
                )
            )

    async def _initialize(self, command: protocol.Initialize) -> None:
        self.stream = command.stream
        try:  # in trusted mode without ?candidate_id=, identity comes with the init
            self.candidate = await services.interview_candidate_resolve(
                user=self.candidate or self.scope.get("user"),
                claimed_id=command.candidate_id,
            )
        except OpenHireError as exc:
            await self._send(protocol.error(exc.message, exc.code))
            return
        await self._run(
            services.interview_initialize(
                session_id=self.session_id,
                candidate=self.candidate,
                payload=command.fields,
                ip=client_ip(self.scope),
            )
        )

    # --- sending -----------------------------------------------------------------------

    async def _run(self, step: Awaitable[services.Reply]) -> None:
        """Await a service step and send its reply (or its error); then what is pending."""
        try:
            reply = await step
        except OpenHireError as exc:
            await self._send(protocol.error(exc.message, exc.code))
            return
        except Exception:
            logger.exception("interview %s: a step failed", self.session_id)
            await self._send(protocol.internal_error())
            return
        await self._reply(reply)

    async def _reply(self, reply: services.Reply) -> None:
        for frame in reply.frames:
            await self._send(frame)
        if reply.pending:
            await self._run(
                services.interview_advance(
                    session_id=self.session_id,
                    send=self._send,
                    stream=self.stream,
                    session=reply.session,
                )
            )

    async def _close(self, code: int) -> None:
        """Close with `code`; where the server refuses a protocol code, its 4xxx twin.

        daphne (autobahn) lets an application send only 1000 and 3000-4999, so
        1009 (too big) goes out as 4009 there; uvicorn sends 1009 itself.
        """
        try:
            await self.close(code=code)
        except Exception:  # autobahn: "invalid close code" (nothing was sent)
            await self.close(code=protocol.app_close_code(code))

    async def _send(self, frame: dict[str, Any]) -> None:
        await self.send(text_data=json.dumps(frame))

    # --- channel-layer events ------------------------------------------------------------

    async def interview_close(self, event: dict[str, Any]) -> None:
        """Close this socket: its session was deleted (on any worker)."""
        await self._send(protocol.session_deleted())
        await self.close(code=protocol.CLOSE_DELETED)
