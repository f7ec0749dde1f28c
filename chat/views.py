"""POST /chat and POST /test-chat."""

from __future__ import annotations

from typing import Any

from adrf.views import APIView as AsyncAPIView
from asgiref.sync import sync_to_async
from django.http import Http404
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from chat.serializers import ChatRequestSerializer, ChatResponseSerializer
from chat.services import chat_respond_async, chat_test_endpoints_enabled
from openhire.schema import error_responses
from openhire.throttling import AI_THROTTLES

EXAMPLE_REQUEST = {
    "user_input": "How do I post a job?",
    "messages": [
        {"type": "ai", "content": "Hello! How can I help?"},
        {"type": "human", "content": "How do I post a job?"},
    ],
}
SCHEMA = {
    "request": {"application/json": ChatRequestSerializer},
    "responses": {
        200: ChatResponseSerializer,
        **error_responses(400, 401, 413, 415, 429),
    },
    "examples": [
        OpenApiExample("A question", value=EXAMPLE_REQUEST, request_only=True)
    ],
}
SENTIMENT_NOTE = (
    "`sentiment` is `end` when the user is closing the conversation (goodbye, "
    "that's all), else `continue`. `messages` is the history plus the new human "
    "and ai turns; when the history already ends with the current message, it "
    "is not repeated."
)


def _chat_request(request: Request) -> dict[str, Any]:
    """Parse and validate the body: blocking, off the loop."""
    serializer = ChatRequestSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


class ChatView(AsyncAPIView):
    """Chat with the OpenHire assistant.

    An async view (adrf): authentication, throttles and body parsing run in the
    request's thread, the model is awaited on the event loop.
    """

    throttle_classes = AI_THROTTLES
    throttle_scope = "chat"
    example = EXAMPLE_REQUEST
    test = False

    @extend_schema(description=SENTIMENT_NOTE, **SCHEMA)
    async def post(self, request: Request) -> Response:
        """Answer a chat message."""
        fields = await sync_to_async(_chat_request)(request)
        return Response(await chat_respond_async(**fields, test=self.test))


class TestChatView(ChatView):
    """Chat like POST /chat, with the response prefixed [TEST] (test endpoints only)."""

    test = True

    def initial(self, request: Request, *args, **kwargs) -> None:
        if not chat_test_endpoints_enabled():
            raise Http404
        super().initial(request, *args, **kwargs)

    @extend_schema(
        description=SENTIMENT_NOTE
        + " Only when DEBUG=1 or OPENHIRE_ENABLE_TEST_ENDPOINTS=1, else 404.",
        **{
            **SCHEMA,
            "responses": {
                200: ChatResponseSerializer,
                **error_responses(400, 401, 404, 413, 415, 429),
            },
        },
    )
    async def post(self, request: Request) -> Response:
        """Answer a chat message, prefixed [TEST]."""
        return await super().post(request)
