from django.utils import timezone
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from openhire import __version__
from openhire.routes import all_routes
from openhire.services import check_channel_layer, check_database

SERVICE_NAME = "OpenHire API"


class RootView(APIView):
    """List every HTTP and WebSocket route with a summary and an example."""

    authentication_classes: list = []  # public; a stale token is not a 401 here

    @extend_schema(
        responses=inline_serializer(
            "Root",
            {
                "message": serializers.CharField(),
                "version": serializers.CharField(),
                "status": serializers.CharField(),
                "endpoints": serializers.ListField(child=serializers.DictField()),
            },
        ),
    )
    def get(self, request: Request) -> Response:
        """List the API's routes."""
        return Response(
            {
                "message": "Welcome to OpenHire, an open-source hiring backend.",
                "version": __version__,
                "status": "running",
                "endpoints": all_routes(),
            }
        )


class HealthView(APIView):
    """Check the database and the channel layer (503 when one is down)."""

    authentication_classes: list = []  # load balancers probe with no token

    @extend_schema(
        responses={
            code: inline_serializer(
                f"Health{code}",
                {
                    "status": serializers.ChoiceField(choices=["healthy", "unhealthy"]),
                    "service": serializers.CharField(),
                    "timestamp": serializers.DateTimeField(),
                    "checks": serializers.DictField(child=serializers.CharField()),
                },
            )
            for code in (200, 503)
        },
    )
    def get(self, request: Request) -> Response:
        """Check the service's dependencies."""
        checks = {"database": check_database(), "channel_layer": check_channel_layer()}
        healthy = all(value == "ok" for value in checks.values())
        return Response(
            {
                "status": "healthy" if healthy else "unhealthy",
                "service": SERVICE_NAME,
                "timestamp": timezone.now().isoformat(),
                "checks": checks,
            },
            status=200 if healthy else 503,
        )
