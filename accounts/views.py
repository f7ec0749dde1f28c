from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from accounts.identity import request_user, trusted_mode
from accounts.models import User
from accounts.permissions import require_owner
from accounts.serializers import (
    UserCreateSerializer,
    UserSerializer,
    UserWithTokenSerializer,
)
from accounts.services import user_create
from openhire.errors import not_found
from openhire.ids import parse_uuid
from openhire.schema import error_responses, uuid_path


class UserCreateView(APIView):
    """Create a recruiter or candidate and return it with its API token (shown once)."""

    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "signup"
    example = {"email": "ada@example.com", "role": "candidate", "name": "Ada"}

    @extend_schema(
        request={"application/json": UserCreateSerializer},
        responses={
            201: UserWithTokenSerializer,
            **error_responses(400, 401, 409, 413, 415, 429),
        },
    )
    def post(self, request: Request) -> Response:
        """Create a user and its API token."""
        serializer = UserCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user, token = user_create(**serializer.validated_data)
        user.token = token
        return Response(UserWithTokenSerializer(user).data, status=201)


class UserDetailView(APIView):
    """Read your own user."""

    @extend_schema(
        parameters=[uuid_path("user_id")],
        responses={200: UserSerializer, **error_responses(400, 401, 403, 404)},
    )
    def get(self, request: Request, user_id: str) -> Response:
        """Read your own user."""
        pk = parse_uuid(user_id)
        caller = request_user(request)
        if not (caller is None and trusted_mode()):
            require_owner(caller, pk, action="read", what="user")
        user = User.objects.filter(pk=pk).first()
        if user is None:
            raise not_found("User")
        return Response(UserSerializer(user).data)
