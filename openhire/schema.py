"""OpenAPI pieces shared by every app: the error body and common responses."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.utils import OpenApiResponse, inline_serializer
from rest_framework import serializers

ErrorSerializer = inline_serializer(
    name="Error",
    fields={
        "detail": serializers.CharField(help_text="A human sentence."),
        "code": serializers.CharField(help_text="A machine code, e.g. not_found."),
        "errors": serializers.DictField(
            child=serializers.ListField(child=serializers.CharField()),
            required=False,
            help_text="Per-field messages, for validation failures.",
        ),
    },
)

ERROR_RESPONSES = {
    status: OpenApiResponse(response=ErrorSerializer, description=description)
    for status, description in {
        400: "Bad input",
        401: "No or invalid credentials",
        403: "Forbidden",
        404: "Not found",
        409: "Conflict",
        429: "Throttled (see Retry-After)",
    }.items()
}


class TokenAuthenticationScheme(OpenApiAuthenticationExtension):
    """Describe `Authorization: Token <key>` in the OpenAPI schema."""

    target_class = "openhire.auth.TokenAuthentication"
    name = "TokenAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "`Token <key>`, the key POST /users returned.",
        }
