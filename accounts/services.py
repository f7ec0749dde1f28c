"""Create users and their API tokens."""

from __future__ import annotations

import hashlib
import secrets

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction

from accounts.models import ApiToken, Role, User, hash_token
from openhire.errors import OpenHireError

EMAIL_TAKEN = "A user with this email already exists."


def token_create(*, user: User) -> str:
    """Create an API token for `user` and return its key (shown once, stored hashed)."""
    key = secrets.token_urlsafe(32)
    ApiToken.objects.create(user=user, key_hash=hash_token(key), prefix=key[:8])
    return key


def user_for_token(key: str) -> User | None:
    """Return the active user an API token belongs to, or None."""
    if not key or len(key) > 200:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=hash_token(key), user__is_active=True)
        .first()
    )
    return token.user if token else None


def _check_password(password: str, user: User | None = None) -> None:
    """Raise a 400 naming `password` when Django's validators refuse it."""
    try:
        validate_password(password, user)
    except DjangoValidationError as exc:
        raise OpenHireError(
            "password: " + exc.messages[0], "invalid", errors={"password": exc.messages}
        ) from None


def user_create(
    *, email: str, role: str, name: str = "", password: str | None = None
) -> tuple[User, str]:
    """Create a user with an API token; return (user, token key). 409 on a taken email.

    Two INSERTs in one transaction; a taken email (in any case) is caught by the
    database's unique index rather than a racy look-up first.
    """
    if password:
        _check_password(password)
    try:
        with transaction.atomic():
            user = User.objects.create_user(
                email=email,
                password=password,
                role=role,
                name=name,
                # Recruiters with a password use the Django admin as their desk.
                is_staff=bool(password) and role == Role.RECRUITER,
            )
            key = token_create(user=user)
    except IntegrityError:
        raise OpenHireError(EMAIL_TAKEN, "email_taken", status=409) from None
    return user, key


USER_NOT_FOUND = "No user has the email {email}."
RECRUITERS_ONLY = "Only recruiters log into the admin; {email} is a {role}."


def recruiter_password_set(*, email: str, password: str) -> User:
    """Set a recruiter's admin password (and let them into the admin).

    404 for an unknown email, 403 for a candidate, 400 for a weak password.
    """
    user = User.objects.filter(email__iexact=email.strip()).first()
    if user is None:
        raise OpenHireError(USER_NOT_FOUND.format(email=email), "not_found", status=404)
    if user.role != Role.RECRUITER:
        raise OpenHireError(
            RECRUITERS_ONLY.format(email=user.email, role=user.role),
            "wrong_role",
            status=403,
        )
    _check_password(password, user)
    user.set_password(password)
    user.is_staff = True
    user.save(update_fields=["password", "is_staff"])
    return user


PROVISIONED_EMAIL_DOMAIN = "clients.openhire.invalid"


def user_provision_external(*, external_id: str, role: str) -> User:
    """Return the user keyed by a gateway's id, creating it (with `role`) on first sight.

    Race-safe: two first requests at once both try the INSERT; the unique index on
    `external_id` lets one win and the other reads the winner's row. The email is a
    placeholder under a reserved domain (RFC 2606), unique per external id.
    """
    user = user_with_external_id(external_id)
    if user is not None:
        return user
    digest = hashlib.sha256(external_id.encode()).hexdigest()[:40]
    try:
        with transaction.atomic():
            return User.objects.create_user(
                email=f"{digest}@{PROVISIONED_EMAIL_DOMAIN}",
                role=role,
                name=external_id,
                external_id=external_id,
            )
    except IntegrityError:
        user = user_with_external_id(external_id)
        if user is None:
            raise
        return user


def user_with_external_id(external_id: str) -> User | None:
    """Return the user a gateway's id names, or None."""
    return User.objects.filter(external_id=external_id).first()
