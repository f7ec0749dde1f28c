"""OpenAPI pieces shared by every app: the error body and common responses."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, inline_serializer
from rest_framework import serializers

from openhire.pagination import DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET

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
        "allowed": serializers.ListField(
            child=serializers.CharField(),
            required=False,
            help_text="illegal_stage_move only: the stages the application may "
            "move to now.",
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
        413: "Upload too large",
        415: "Unsupported Content-Type",
        422: "A document too complex to read (document_too_complex, too_many_pages)",
        429: "Throttled (see Retry-After)",
        503: "Busy: retry later (see Retry-After)",
    }.items()
}


def error_responses(*codes: int) -> dict[int, OpenApiResponse]:
    """Return the `{status: Error}` responses an operation can answer, and no others.

    Every DRF view that reads credentials can answer 401 (a bad token), so
    operations list 401 unless they ignore credentials.
    """
    return {code: ERROR_RESPONSES[code] for code in codes}


def uuid_path(name: str) -> OpenApiParameter:
    """Describe a path id that must be a UUID (anything else is a 400)."""
    return OpenApiParameter(
        name, OpenApiTypes.UUID, OpenApiParameter.PATH, description="A UUID."
    )


def page_parameters(
    *, default: int = DEFAULT_LIMIT, high: int = MAX_LIMIT
) -> list[OpenApiParameter]:
    """Describe `limit` (1 to `high`, default `default`) and `offset`."""
    return [
        OpenApiParameter(
            "limit",
            {"type": "integer", "minimum": 1, "maximum": high},
            description=f"1 to {high}, default {default}.",
        ),
        OpenApiParameter(
            "offset",
            {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET},
            description="Rows to skip.",
        ),
    ]


PAGE_PARAMETERS = page_parameters()
# The response headers of a paginated list (openhire.pagination.paginate).
PAGE_HEADERS = [
    OpenApiParameter(
        "Link",
        str,
        OpenApiParameter.HEADER,
        response=True,
        description='<next page URL>; rel="next", when there is one.',
    ),
    OpenApiParameter("X-Total-Count", int, OpenApiParameter.HEADER, response=True),
]


class TokenAuthenticationScheme(OpenApiAuthenticationExtension):
    """Describe `Authorization: Token <key>` in the OpenAPI schema."""

    target_class = "accounts.identity.TokenAuthentication"
    name = "TokenAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "`Token <key>`, the key POST /users returned.",
        }
