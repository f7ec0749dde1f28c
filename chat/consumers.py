"""The test-chat WebSocket: `/ws/test-chat` and `/test/ws/test-chat`.

Frames are keyed by `event` (DESIGN.md §6). The server sends
`{event: "connected", message}` on connect, `{event: "message", response,
sentiment, messages}` for each `{user_input, messages}` the client sends, and
`{event: "error", error}` for anything it cannot answer; the socket stays open
after an error. Only when DEBUG=1 or OPENHIRE_ENABLE_TEST_ENDPOINTS=1.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer

from chat.serializers import ChatRequestSerializer
from chat.services import chat_respond_async, chat_test_endpoints_enabled
from openhire.errors import OpenHireError
from openhire.jsonload import JSONTooDeep, loads_limited
from openhire.throttling import ai_throttle_wait, scope_client_address

logger = logging.getLogger("openhire.chat")

MAX_FRAME_CHARS = 256 * 1024
CLOSE_DISABLED = 4404
CLOSE_BAD_TOKEN = 4401

CONNECTED = (
    'Connected to the OpenHire test chat. Send {"user_input": "...", "messages": '
    "[...]}; answers are prefixed [TEST]."
)
NOT_JSON = "The frame is not valid JSON."
NOT_TEXT = "Send JSON text frames, not binary."
NOT_OBJECT = (
    'The frame must be a JSON object like {"user_input": "...", "messages": []}.'
)
TOO_LARGE = f"The frame is larger than {MAX_FRAME_CHARS:,} characters."
REPLY_FAILED = "The assistant could not answer; please try again."
THROTTLED = "Too many messages; try again in {seconds} seconds."


def _request(payload: dict[str, Any]) -> dict[str, Any]:
    serializer = ChatRequestSerializer(data=payload)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


class TestChatConsumer(AsyncWebsocketConsumer):
    """Chat over a WebSocket with the [TEST] prefix (test endpoints only)."""

    example = '{"user_input": "How do I post a job?", "messages": []}'

    async def connect(self) -> None:
        if not chat_test_endpoints_enabled():
            await self.close(code=CLOSE_DISABLED)
            return
        if self.scope.get("token_invalid"):
            await self.close(code=CLOSE_BAD_TOKEN)
            return
        await self.accept()
        await self.send_event("connected", message=CONNECTED)

    async def receive(
        self, text_data: str | None = None, bytes_data: bytes | None = None
    ) -> None:
        if text_data is None:
            await self.send_event("error", error=NOT_TEXT)
            return
        if len(text_data) > MAX_FRAME_CHARS:
            await self.send_event("error", error=TOO_LARGE)
            return
        try:
            payload = loads_limited(text_data)
        except JSONTooDeep as exc:
            await self.send_event("error", error=str(exc))
            return
        except ValueError:
            await self.send_event("error", error=NOT_JSON)
            return
        if not isinstance(payload, dict):
            await self.send_event("error", error=NOT_OBJECT)
            return
        wait = await self.throttle_wait()
        if wait:
            await self.send_event("error", error=THROTTLED.format(seconds=wait))
            return
        try:
            # The model is awaited on the event loop: no thread waits for it.
            answer = await chat_respond_async(**_request(payload), test=True)
        except OpenHireError as exc:
            await self.send_event("error", error=exc.message)
            return
        except Exception:  # a bug must not cost the user the socket
            logger.exception("test chat failed to answer")
            await self.send_event("error", error=REPLY_FAILED)
            return
        await self.send_event("message", **answer)

    async def throttle_wait(self) -> int | None:
        """Count one message against POST /test-chat's budgets (per caller and IP)."""
        user = self.scope.get("user")
        return await database_sync_to_async(ai_throttle_wait)(
            scope="chat",
            user_id=getattr(user, "pk", None),
            ip=scope_client_address(self.scope),
        )

    async def send_event(self, event: str, **fields: Any) -> None:
        await self.send(text_data=json.dumps({"event": event, **fields}))
