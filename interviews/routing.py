"""WebSocket routes of the interviews app."""

from django.urls import path

from interviews.consumers import InterviewConsumer

websocket_urlpatterns = [
    path("ws/ai-interview", InterviewConsumer.as_asgi()),
]
