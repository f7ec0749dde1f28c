"""The rules of a chat conversation, as pure functions (no Django, no I/O).

A request is `{user_input, messages}` where `messages` is the history so far,
each `{type, content}`. `type` is system, human or ai (user and assistant are
accepted as aliases and stored under the canonical name). Limits: at most
`MAX_HISTORY` entries and `MAX_TOTAL_CHARS` characters in all (history plus the
new message). Clients often put the current message as the last history entry
already; `without_echo` drops it so it is neither answered twice nor stored twice.
"""

from __future__ import annotations

from typing import Any

from ai.types import MESSAGE_TYPES, ChatMessage

MAX_HISTORY = 100
MAX_TOTAL_CHARS = 32_000
TYPE_ALIASES = {"user": "human", "assistant": "ai"}
TEST_PREFIX = "[TEST] "

EMPTY_INPUT = "user_input must be a non-empty string."
TOO_MANY_MESSAGES = (
    f"A conversation holds at most {MAX_HISTORY} messages; start a new one."
)
TOO_LONG = (
    f"The conversation is longer than {MAX_TOTAL_CHARS:,} characters; start a new one."
)
BAD_MESSAGES = "messages must be a list of {type, content} objects."
BAD_MESSAGE = "Each message must be an object with a type and a string content."
BAD_TYPE = "A message type must be one of system, human, ai (or user, assistant); got {value!r}."
BAD_CONTENT = "A message content must be a string."


class ConversationError(ValueError):
    """A chat request breaks a rule; the message says which."""

    def __init__(self, message: str, code: str, field: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.field = field


def message_type(value: Any) -> str:
    """Return the canonical message type for `value` (aliases resolved)."""
    # Not a string (a list or an object): refused, never used as a dict key.
    name = value.strip().lower() if isinstance(value, str) else ""
    name = TYPE_ALIASES.get(name, name)
    if name not in MESSAGE_TYPES:
        raise ConversationError(
            BAD_TYPE.format(value=str(value)[:40]), "invalid_message", "messages"
        )
    return name


def parse_history(raw: Any) -> list[ChatMessage]:
    """Turn the request's `messages` into typed messages, or raise."""
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise ConversationError(BAD_MESSAGES, "invalid_messages", "messages")
    if len(raw) > MAX_HISTORY:
        raise ConversationError(TOO_MANY_MESSAGES, "too_many_messages", "messages")
    history = []
    for entry in raw:
        if not isinstance(entry, dict) or "type" not in entry:
            raise ConversationError(BAD_MESSAGE, "invalid_message", "messages")
        content = entry.get("content")
        if not isinstance(content, str):
            raise ConversationError(BAD_CONTENT, "invalid_message", "messages")
        history.append(ChatMessage(message_type(entry["type"]), content))
    return history


def parse_user_input(raw: Any) -> str:
    """Return the new message, or raise when it is missing or blank."""
    if not isinstance(raw, str) or not raw.strip():
        raise ConversationError(EMPTY_INPUT, "empty_input", "user_input")
    return raw


def check_size(*, user_input: str, history: list[ChatMessage]) -> None:
    """Raise when the conversation, with the new message, is too long."""
    total = len(user_input) + sum(len(message.content) for message in history)
    if total > MAX_TOTAL_CHARS:
        raise ConversationError(TOO_LONG, "conversation_too_long", "messages")


def without_echo(history: list[ChatMessage], user_input: str) -> list[ChatMessage]:
    """Drop the last history entry when it is the current message already."""
    if (
        history
        and history[-1].type == "human"
        and history[-1].content.strip() == user_input.strip()
    ):
        return history[:-1]
    return history


def extended(
    history: list[ChatMessage], *, user_input: str, response: str
) -> list[dict[str, str]]:
    """Return the history plus the new human and ai turns, as wire dicts."""
    turns = [*history, ChatMessage("human", user_input), ChatMessage("ai", response)]
    return [{"type": message.type, "content": message.content} for message in turns]
