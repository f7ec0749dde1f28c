"""Chat request and response bodies; the rules themselves are in `conversation`."""

from __future__ import annotations

from typing import Any, get_args

from rest_framework import serializers

from ai.types import MESSAGE_TYPES, Sentiment
from chat.conversation import (
    TYPE_ALIASES,
    ConversationError,
    check_size,
    parse_history,
    parse_user_input,
)
from openhire.errors import OpenHireError

BAD_BODY = "The body must be a JSON object with user_input and messages."


class ChatMessageSerializer(serializers.Serializer):
    type = serializers.ChoiceField(
        choices=[*MESSAGE_TYPES, *TYPE_ALIASES],
        help_text="user and assistant are aliases of human and ai.",
    )
    content = serializers.CharField(allow_blank=True, trim_whitespace=False)


class ChatRequestSerializer(serializers.Serializer):
    """Validate `{user_input, messages}` into the new message and typed history.

    Rule violations raise `OpenHireError` (400) with a specific code:
    empty_input, invalid_messages, invalid_message, too_many_messages,
    conversation_too_long.
    """

    user_input = serializers.CharField(help_text="The user's new message.")
    messages = ChatMessageSerializer(
        many=True,
        required=False,
        help_text="The conversation so far (at most 100 entries, 32,000 characters "
        "with the new message). The current message may already be the last entry.",
    )

    def to_internal_value(self, data: Any) -> dict[str, Any]:
        if not isinstance(data, dict):
            raise OpenHireError(BAD_BODY, "invalid")
        try:
            user_input = parse_user_input(data.get("user_input"))
            history = parse_history(data.get("messages"))
            check_size(user_input=user_input, history=history)
        except ConversationError as exc:
            raise OpenHireError(
                exc.message, exc.code, errors={exc.field: [exc.message]}
            ) from None
        return {"user_input": user_input, "history": history}


class ChatResponseSerializer(serializers.Serializer):
    response = serializers.CharField(help_text="The assistant's answer.")
    sentiment = serializers.ChoiceField(
        choices=list(get_args(Sentiment)),
        help_text="end when the user is closing the conversation (goodbye, that's "
        "all); continue otherwise.",
    )
    messages = ChatMessageSerializer(
        many=True, help_text="The history plus the new human and ai turns."
    )
