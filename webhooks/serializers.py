"""Shapes of the webhook endpoints, their deliveries and the event envelope."""

from __future__ import annotations

from rest_framework import serializers

from webhooks.models import WebhookDelivery, WebhookEndpoint, WebhookEvent


class EventEnvelopeSerializer(serializers.Serializer):
    """The JSON body of every delivery: which event, when, and its data."""

    id = serializers.UUIDField(help_text="The event's id; a replay keeps it.")
    type = serializers.ChoiceField(choices=WebhookEvent.choices)
    created_at = serializers.DateTimeField()
    data = serializers.DictField(help_text="The event's own fields (README).")


class EndpointCreateSerializer(serializers.Serializer):
    url = serializers.URLField(max_length=2000, help_text="https, on a public address.")
    events = serializers.ListField(
        child=serializers.ChoiceField(choices=WebhookEvent.choices),
        allow_empty=False,
        max_length=len(WebhookEvent.choices),
    )


class EndpointSerializer(serializers.ModelSerializer):
    class Meta:
        model = WebhookEndpoint
        fields = ["id", "url", "events", "created_at"]


class EndpointCreatedSerializer(EndpointSerializer):
    """The endpoint as created: the only answer that carries its secret."""

    secret = serializers.CharField(
        help_text="Verifies X-OpenHire-Signature; shown this once, keep it."
    )

    class Meta(EndpointSerializer.Meta):
        fields = [*EndpointSerializer.Meta.fields, "secret"]


class DeliverySerializer(serializers.ModelSerializer):
    webhook_id = serializers.UUIDField(source="endpoint_id", read_only=True)
    replay_of = serializers.UUIDField(source="replay_of_id", read_only=True)

    class Meta:
        model = WebhookDelivery
        fields = [
            "id",
            "webhook_id",
            "event",
            "event_id",
            "status",
            "attempts",
            "next_attempt_at",
            "last_status_code",
            "last_response",
            "last_error",
            "created_at",
            "delivered_at",
            "replay_of",
        ]
