"""Webhook endpoints: register, list, delete; their deliveries; replay one."""

from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.identity import request_user
from openhire.pagination import paginate
from openhire.schema import PAGE_HEADERS, PAGE_PARAMETERS, error_responses, uuid_path
from openhire.throttling import WriteThrottle
from webhooks.serializers import (
    DeliverySerializer,
    EndpointCreatedSerializer,
    EndpointCreateSerializer,
    EndpointSerializer,
)
from webhooks.services import (
    delivery_list,
    delivery_replay,
    endpoint_create,
    endpoint_delete,
    endpoint_list,
)


class WebhookListCreateView(APIView):
    """List the caller's webhook endpoints, or register one (recruiters, operators)."""

    throttle_classes = [WriteThrottle]
    example = {
        "url": "https://hooks.example.com/openhire",
        "events": ["application.created", "review.completed"],
    }

    @extend_schema(
        parameters=[*PAGE_PARAMETERS, *PAGE_HEADERS],
        responses={
            200: EndpointSerializer(many=True),
            **error_responses(400, 401, 403),
        },
    )
    def get(self, request: Request) -> Response:
        """List your webhook endpoints, newest first (secrets are never shown again)."""
        page = paginate(
            request, endpoint_list(user=request_user(request, field="recruiter_id"))
        )
        return Response(
            EndpointSerializer(page.items, many=True).data, headers=page.headers
        )

    @extend_schema(
        request={"application/json": EndpointCreateSerializer},
        responses={
            201: EndpointCreatedSerializer,
            **error_responses(400, 401, 403, 409, 413, 415, 429),
        },
    )
    def post(self, request: Request) -> Response:
        """Register a URL for events; the answer holds its signing secret, once."""
        serializer = EndpointCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        endpoint = endpoint_create(
            user=request_user(request, field="recruiter_id"),
            **serializer.validated_data,
        )
        return Response(EndpointCreatedSerializer(endpoint).data, status=201)


class WebhookDetailView(APIView):
    """Delete one of your webhook endpoints."""

    throttle_classes = [WriteThrottle]

    @extend_schema(
        parameters=[uuid_path("webhook_id")],
        responses={204: None, **error_responses(400, 401, 403, 404, 429)},
    )
    def delete(self, request: Request, webhook_id: str) -> Response:
        """Delete a webhook endpoint and its delivery log."""
        endpoint_delete(
            user=request_user(request, field="recruiter_id"), endpoint_id=webhook_id
        )
        return Response(status=204)


class WebhookDeliveriesView(APIView):
    """List an endpoint's deliveries, newest first, with their last response."""

    @extend_schema(
        parameters=[uuid_path("webhook_id"), *PAGE_PARAMETERS, *PAGE_HEADERS],
        responses={
            200: DeliverySerializer(many=True),
            **error_responses(400, 401, 403, 404),
        },
    )
    def get(self, request: Request, webhook_id: str) -> Response:
        """List deliveries of this endpoint."""
        deliveries = delivery_list(
            user=request_user(request, field="recruiter_id"), endpoint_id=webhook_id
        )
        page = paginate(request, deliveries)
        return Response(
            DeliverySerializer(page.items, many=True).data, headers=page.headers
        )


class WebhookReplayView(APIView):
    """Send a delivery's event again (same body and event id, new signature)."""

    throttle_classes = [WriteThrottle]

    @extend_schema(
        request=None,
        parameters=[uuid_path("webhook_id"), uuid_path("delivery_id")],
        responses={
            202: DeliverySerializer,
            **error_responses(400, 401, 403, 404, 413, 415, 429),
        },
    )
    def post(self, request: Request, webhook_id: str, delivery_id: str) -> Response:
        """Replay a delivery; the answer is the new delivery."""
        replay = delivery_replay(
            user=request_user(request, field="recruiter_id"),
            endpoint_id=webhook_id,
            delivery_id=delivery_id,
        )
        replay.refresh_from_db()
        return Response(DeliverySerializer(replay).data, status=202)
