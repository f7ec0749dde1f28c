from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import privacy, tokens
from accounts.identity import request_user, trusted_mode
from accounts.models import User
from accounts.permissions import require_approved_recruiter, require_owner, require_user
from accounts.serializers import (
    InviteSerializer,
    OkSerializer,
    TokenCreateSerializer,
    TokenSerializer,
    TokenWithKeySerializer,
    UserCreateSerializer,
    UserSerializer,
    UserWithTokenSerializer,
    WsTicketSerializer,
)
from accounts.services import (
    INVITE_TTL,
    invite_create,
    user_authenticate,
    user_signup,
)
from openhire.errors import not_found
from openhire.ids import parse_uuid
from openhire.schema import error_responses, uuid_path
from openhire.throttling import SignupThrottle

CLAIM_FIELDS = ("user_id", "candidate_id", "recruiter_id")


def caller(request: Request) -> User:
    """Return the caller (token, or in trusted mode the id the gateway set); 401 else."""
    user = getattr(request, "user", None)
    if user is None and trusted_mode():
        for field in CLAIM_FIELDS:
            user = request_user(request, field=field)
            if user is not None:
                break
    return require_user(user)


class UserCreateView(APIView):
    """Create a recruiter or candidate and return it with its API token (shown once)."""

    throttle_classes = [SignupThrottle]
    example = {"email": "ada@example.com", "role": "candidate", "name": "Ada"}

    @extend_schema(
        request={"application/json": UserCreateSerializer},
        responses={
            201: UserWithTokenSerializer,
            **error_responses(400, 401, 403, 409, 413, 415, 429),
        },
    )
    def post(self, request: Request) -> Response:
        """Create a user and its API token."""
        serializer = UserCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user, token = user_signup(**serializer.validated_data)
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


class UserMeView(APIView):
    """Erase your account and personal data (files included)."""

    @extend_schema(responses={200: OkSerializer, **error_responses(401, 403, 404)})
    def delete(self, request: Request) -> Response:
        """Erase your account and personal data."""
        privacy.user_erase(user=caller(request))
        return Response({"success": True})


class UserExportView(APIView):
    """Everything held about you, as JSON."""

    @extend_schema(responses={200: dict, **error_responses(401, 403, 404)})
    def get(self, request: Request) -> Response:
        """Export everything held about you."""
        return Response(privacy.user_export(user=caller(request)))


class TokenListView(APIView):
    """Your API tokens: list them (no secrets) or create a named one."""

    throttle_classes = [SignupThrottle]  # email+password guessing costs a budget

    def get_throttles(self):
        return super().get_throttles() if self.request.method == "POST" else []

    @extend_schema(responses={200: TokenSerializer(many=True), **error_responses(401)})
    def get(self, request: Request) -> Response:
        """List your tokens (never their keys)."""
        user = caller(request)
        return Response(TokenSerializer(tokens.token_list(user=user), many=True).data)

    @extend_schema(
        request={"application/json": TokenCreateSerializer},
        responses={
            201: TokenWithKeySerializer,
            **error_responses(400, 401, 413, 415, 429),
        },
    )
    def post(self, request: Request) -> Response:
        """Create a token: send a valid token, or email and password."""
        serializer = TokenCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        user = getattr(request, "user", None)
        if user is None and data.get("email") and data.get("password"):
            user = user_authenticate(email=data["email"], password=data["password"])
        if user is None:
            user = caller(request)
        key = tokens.token_create(user=user, name=data["name"])
        token = tokens.token_for_key(key)
        token.token = key
        return Response(TokenWithKeySerializer(token).data, status=201)


class TokenDetailView(APIView):
    """Revoke one of your tokens."""

    @extend_schema(
        parameters=[uuid_path("token_id")],
        responses={200: OkSerializer, **error_responses(400, 401, 404)},
    )
    def delete(self, request: Request, token_id: str) -> Response:
        """Revoke one of your tokens."""
        user = caller(request)
        tokens.token_revoke(user=user, token_id=parse_uuid(token_id, field="token_id"))
        return Response({"success": True})


class LogoutView(APIView):
    """Revoke the token this request carries."""

    @extend_schema(
        request=None, responses={200: OkSerializer, **error_responses(401, 413, 415)}
    )
    def post(self, request: Request) -> Response:
        """Revoke the token this request carries."""
        require_user(getattr(request, "user", None))
        tokens.token_revoke_key(key=request.auth)
        return Response({"success": True})


class WsTicketView(APIView):
    """A 60-second, single-use ticket for `?ticket=` on the WebSockets."""

    @extend_schema(
        request=None,
        responses={200: WsTicketSerializer, **error_responses(401, 413, 415)},
    )
    def post(self, request: Request) -> Response:
        """Get a single-use WebSocket ticket."""
        ticket = tokens.ws_ticket_create(user=caller(request))
        body = {"ticket": ticket, "expires_in": tokens.TICKET_TTL_SECONDS}
        return Response(WsTicketSerializer(body).data)


class InviteView(APIView):
    """An approved recruiter invites another recruiter (single use, 7 days)."""

    @extend_schema(
        request=None,
        responses={201: InviteSerializer, **error_responses(401, 403, 413, 415)},
    )
    def post(self, request: Request) -> Response:
        """Invite a recruiter."""
        user = require_approved_recruiter(caller(request))
        body = {
            "invite": invite_create(by=user),
            "expires_in": int(INVITE_TTL.total_seconds()),
        }
        return Response(InviteSerializer(body).data, status=201)
