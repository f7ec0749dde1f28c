"""POST /chat and POST /test-chat."""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from chat.serializers import ChatRequestSerializer, ChatResponseSerializer
from chat.services import chat_respond, chat_test_endpoints_enabled
from chat.throttling import ChatRateThrottle
from openhire.schema import ERROR_RESPONSES

EXAMPLE_REQUEST = {
    "user_input": "How do I post a job?",
    "messages": [
        {"type": "ai", "content": "Hello! How can I help?"},
        {"type": "human", "content": "How do I post a job?"},
    ],
}
SCHEMA = {
    "request": ChatRequestSerializer,
    "responses": {200: ChatResponseSerializer, **ERROR_RESPONSES},
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


class ChatView(APIView):
    """Chat with the OpenHire assistant."""

    throttle_classes = [ChatRateThrottle]
    throttle_scope = "chat"
    example = EXAMPLE_REQUEST
    test = False

    @extend_schema(description=SENTIMENT_NOTE, **SCHEMA)
    def post(self, request: Request) -> Response:
        """Answer a chat message."""
        serializer = ChatRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return Response(chat_respond(**serializer.validated_data, test=self.test))


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
        **SCHEMA,
    )
    def post(self, request: Request) -> Response:
        """Answer a chat message, prefixed [TEST]."""
        return super().post(request)
