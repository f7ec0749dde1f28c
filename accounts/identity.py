"""Who is calling: API tokens, and the trusted-client-ids compatibility mode.

HTTP clients send `Authorization: Token <key>`; WebSocket clients may pass
`?token=<key>`. With `OPENHIRE_TRUST_CLIENT_IDS=1` a gateway has already
authenticated the caller, so `recruiter_id` / `candidate_id` in the request name
the user (DESIGN.md §4): our UUID, or the gateway's own id, which provisions a
user of the role the field implies on first sight (`User.external_id`) and is
echoed back as sent (`User.public_id`). `request_user()` is the one place that
decides; `gateway_decides()` says when a call naming nobody is let through.
"""

from __future__ import annotations

import re
import uuid

from django.conf import settings
from django.db.models import Q, QuerySet
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from accounts.models import Role, User
from accounts.services import user_provision_external
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


CLIENT_ID_PATTERN = re.compile(r"[A-Za-z0-9_.@:-]{1,128}")
INVALID_CLIENT_ID = "{field} must be 1-128 characters from A-Z a-z 0-9 _ . @ : -"
# The role a first-seen gateway id is provisioned with, by the field that names it.
ROLE_OF_FIELD = {"recruiter_id": Role.RECRUITER, "candidate_id": Role.CANDIDATE}


def _as_uuid(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def client_id_clean(value: object, *, field: str) -> str:
    """Return a claimed id in the form it names users by; 400 when malformed.

    Token mode takes our UUIDs only; trusted mode also takes a gateway's ids,
    1-128 characters from [A-Za-z0-9_.@:-], kept exactly as sent (DESIGN.md §4).
    """
    if not trusted_mode():
        return str(parse_uuid(value, field=field))
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not CLIENT_ID_PATTERN.fullmatch(value):
        message = INVALID_CLIENT_ID.format(field=field)
        raise OpenHireError(message, "invalid_id", errors={field: [message]})
    return value


def _names(user: User, claimed: str) -> bool:
    """Say whether `claimed` is this user's id (ours, in any case, or the gateway's)."""
    return claimed == user.external_id or _as_uuid(claimed) == user.id


def users_named(client_id: str) -> QuerySet[User]:
    """Return the user (at most one) a client's id names: the gateway's id, or ours."""
    query = Q(external_id=client_id)
    if (as_uuid := _as_uuid(client_id)) is not None:
        query |= Q(pk=as_uuid)
    return User.objects.filter(query)


def _trusted_user(claimed: str, field: str) -> User:
    """Return the user a trusted claim names, provisioning a first-seen gateway id."""
    found = users_named(claimed).first()
    if found is None and field in ROLE_OF_FIELD:
        found = user_provision_external(external_id=claimed, role=ROLE_OF_FIELD[field])
    if found is None or not found.is_active:
        raise OpenHireError(
            UNKNOWN_CLIENT_ID.format(field=field), "unknown_user", status=404
        )
    return found


def identify(
    user: User | None, *, claimed_id: object = None, field: str = "user_id"
) -> User | None:
    """Return the caller, checking a claimed id against the token user.

    - token user, no claim or a matching claim: that user;
    - token user, other claim: 403;
    - no token, trusted mode, a claim: the claimed user; a first-seen
      `recruiter_id` / `candidate_id` provisions a user of that role, keyed by
      the id as sent (404 for a deactivated one);
    - otherwise None (anonymous).
    """
    claimed = (
        None if claimed_id in (None, "") else client_id_clean(claimed_id, field=field)
    )
    if user is not None:
        if claimed is not None and not _names(user, claimed):
            raise OpenHireError(
                IDENTITY_MISMATCH.format(field=field), "identity_mismatch", status=403
            )
        return user
    if claimed is not None and trusted_mode():
        return _trusted_user(claimed, field)
    return None


def gateway_decides(user: User | None) -> bool:
    """Say whether a call naming nobody is the gateway's decision (trusted mode).

    In trusted mode a client that sends neither a token nor an id (the original
    frontends' DELETE /jobs/{id}, PATCH /jobs/{id}/status) was let through by the
    gateway in front of us, which authenticated it (DESIGN.md §4).
    """
    return user is None and trusted_mode()


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
