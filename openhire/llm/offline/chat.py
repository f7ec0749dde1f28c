"""Offline chat assistant. PLACEHOLDER: replaced by issue 3's work."""

from __future__ import annotations

import time

from openhire.llm.types import AIMeta, ChatMessage, ChatReply

PROMPT_VERSION = "offline-chat-0"


def reply(*, user_input: str, history: list[ChatMessage], started: float) -> ChatReply:
    meta = AIMeta(
        "offline", PROMPT_VERSION, latency_ms=(time.perf_counter() - started) * 1000
    )
    return ChatReply("Hello from OpenHire.", "continue", meta)
