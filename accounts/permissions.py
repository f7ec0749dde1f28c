"""Role and ownership rules; every view asks these, none re-implements them."""

from __future__ import annotations

import uuid

from accounts.models import Role, User
from openhire.errors import OpenHireError

AUTH_REQUIRED = "Authentication required: send Authorization: Token <token>."
ROLE_REQUIRED = "Only {role}s can do this."
NOT_OWNER = "You can only {action} your own {what}."
AWAITING_APPROVAL = (
    "Your recruiter account awaits approval by the operator "
    "(OPENHIRE_RECRUITER_SIGNUP=approval)."
)


def require_user(user: User | None) -> User:
    """Return `user` or raise 401."""
    if user is None:
        raise OpenHireError(
            AUTH_REQUIRED,
            "not_authenticated",
            status=401,
            headers={"WWW-Authenticate": "Token"},
        )
    return user


def require_role(user: User | None, role: str) -> User:
    """Return `user` if it has `role`; 401 when anonymous, 403 otherwise."""
    user = require_user(user)
    if user.role != role:
        raise OpenHireError(
            ROLE_REQUIRED.format(role=Role(role).label.lower()),
            "wrong_role",
            status=403,
        )
    if role == Role.RECRUITER and not user.is_approved:
        raise OpenHireError(AWAITING_APPROVAL, "awaiting_approval", status=403)
    return user


def require_approved_recruiter(user: User | None) -> User:
    """Return `user` if an approved recruiter (or an operator); 401/403 otherwise."""
    if user is not None and user.is_superuser:
        return user
    return require_role(user, Role.RECRUITER)


def require_owner(
    user: User | None, owner_id: uuid.UUID, *, action: str, what: str
) -> User:
    """Return `user` if it owns the object; 401 when anonymous, 403 otherwise."""
    user = require_user(user)
    if user.pk != owner_id:
        raise OpenHireError(
            NOT_OWNER.format(action=action, what=what), "not_owner", status=403
        )
    return user
