"""Answer chat messages through the AI layer."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings

import ai as llm
from ai.types import ChatMessage
from chat.conversation import TEST_PREFIX, extended, without_echo

logger = logging.getLogger("openhire.chat")


def chat_test_endpoints_enabled() -> bool:
    """Say whether /test-chat and the test-chat WebSockets are switched on."""
    return bool(settings.OPENHIRE_ENABLE_TEST_ENDPOINTS or settings.DEBUG)


async def chat_respond_async(
    *, user_input: str, history: list[ChatMessage], test: bool = False
) -> dict[str, Any]:
    """Answer `user_input` given `history`; return `{response, sentiment, messages}`.

    A copy of the current message at the end of `history` is dropped first, so
    the returned `messages` hold it once. Nothing is stored. The model is awaited
    on the event loop (no thread waits for it).
    """
    history = without_echo(history, user_input)
    reply = await llm.achat_reply(user_input=user_input, history=history)
    return _answer(user_input, history, reply, test)


def _answer(
    user_input: str, history: list[ChatMessage], reply: llm.ChatReply, test: bool
) -> dict[str, Any]:
    response = TEST_PREFIX + reply.text if test else reply.text
    meta = reply.meta
    logger.info(
        "chat reply engine=%s calls=%d latency_ms=%.1f%s",
        meta.engine,
        meta.model_calls,
        meta.latency_ms,
        f" fallback={meta.fallback_reason}" if meta.fallback_reason else "",
    )
    return {
        "response": response,
        "sentiment": reply.sentiment,
        "messages": extended(history, user_input=user_input, response=response),
    }
