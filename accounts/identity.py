"""Who is calling: API tokens, and the trusted-client-ids compatibility mode.

HTTP clients send `Authorization: Token <key>`; WebSocket clients may pass
`?token=<key>`. With `OPENHIRE_TRUST_CLIENT_IDS=1` a gateway has already
authenticated the caller, so `recruiter_id` / `candidate_id` in the request name
the user (DESIGN.md §4). `request_user()` is the one place that decides.
"""

from __future__ import annotations

from django.conf import settings
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from accounts.models import User
from accounts.tokens import user_for_token
from openhire.errors import OpenHireError
from openhire.ids import parse_uuid

INVALID_TOKEN = "Invalid or inactive API token."
IDENTITY_MISMATCH = "{field} does not match the authenticated user."
UNKNOWN_CLIENT_ID = "No user has the {field} given."


class TokenAuthentication(authentication.BaseAuthentication):
    """Authenticate `Authorization: Token <key>` (also `Bearer <key>`)."""

    keywords = ("token", "bearer")

    def authenticate(self, request: Request):
        try:
            header = authentication.get_authorization_header(request).split()
        except UnicodeError:  # a header no HTTP server could have sent
            raise exceptions.AuthenticationFailed(INVALID_TOKEN) from None
        if (
            not header
            or header[0].lower().decode(errors="replace") not in self.keywords
        ):
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(INVALID_TOKEN)
        try:
            key = header[1].decode()
        except UnicodeError:
            raise exceptions.AuthenticationFailed(INVALID_TOKEN) from None
        user = user_for_token(key)
        if user is None:
            raise exceptions.AuthenticationFailed(INVALID_TOKEN)
        request._request.api_user_id = user.pk  # for the request log line
        return user, key

    def authenticate_header(self, request: Request) -> str:
        return "Token"


def trusted_mode() -> bool:
    return bool(settings.OPENHIRE_TRUST_CLIENT_IDS)


def identify(
    user: User | None, *, claimed_id: object = None, field: str = "user_id"
) -> User | None:
    """Return the caller, checking a claimed id against the token user.

    - token user, no claim or a matching claim: that user;
    - token user, other claim: 403;
    - no token, trusted mode, a claim: the claimed user (404 when unknown);
    - otherwise None (anonymous).
    """
    claimed = None if claimed_id in (None, "") else parse_uuid(claimed_id, field=field)
    if user is not None:
        if claimed is not None and claimed != user.id:
            raise OpenHireError(
                IDENTITY_MISMATCH.format(field=field), "identity_mismatch", status=403
            )
        return user
    if claimed is not None and trusted_mode():
        found = User.objects.filter(pk=claimed, is_active=True).first()
        if found is None:
            raise OpenHireError(
                UNKNOWN_CLIENT_ID.format(field=field), "unknown_user", status=404
            )
        return found
    return None


def request_user(request: Request, *, field: str | None = None) -> User | None:
    """Return the caller of a DRF request; `field` names the body/query id to honour."""
    claimed = None
    if field:
        claimed = request.query_params.get(field)
        if claimed in (None, "") and isinstance(request.data, dict):
            claimed = request.data.get(field)
    return identify(
        getattr(request, "user", None), claimed_id=claimed, field=field or "user_id"
    )
