from django.urls import path

from chat import consumers

websocket_urlpatterns = [
    path("ws/test-chat", consumers.TestChatConsumer.as_asgi(), name="ws-test-chat"),
    path(
        "test/ws/test-chat",
        consumers.TestChatConsumer.as_asgi(),
        name="test-ws-test-chat",
    ),
]
