"""Create users, their API tokens and recruiter invites; sign users in."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import RecruiterInvite, Role, User, hash_token
from accounts.policies import signup_decision
from accounts.tokens import token_create
from openhire.errors import OpenHireError

EMAIL_TAKEN = "A user with this email already exists."
BAD_CREDENTIALS = "Email or password is wrong."
INVITE_INVALID = "The invite is unknown, used or expired."
INVITE_TTL = dt.timedelta(days=7)


def _check_password(password: str, user: User | None = None) -> None:
    """Raise a 400 naming `password` when Django's validators refuse it."""
    try:
        validate_password(password, user)
    except DjangoValidationError as exc:
        raise OpenHireError(
            "password: " + exc.messages[0], "invalid", errors={"password": exc.messages}
        ) from None


def user_create(
    *,
    email: str,
    role: str,
    name: str = "",
    password: str | None = None,
    approved: bool = True,
) -> tuple[User, str]:
    """Create a user with an API token; return (user, token key). 409 on a taken email.

    Two INSERTs in one transaction; a taken email (in any case) is caught by the
    database's unique index rather than a racy look-up first. `approved=False`
    makes a recruiter wait for an operator (OPENHIRE_RECRUITER_SIGNUP=approval).
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
                is_approved=approved,
            )
            key = token_create(user=user, name="signup")
    except IntegrityError:
        raise OpenHireError(EMAIL_TAKEN, "email_taken", status=409) from None
    return user, key


def user_signup(
    *,
    email: str,
    role: str,
    name: str = "",
    password: str | None = None,
    invite: str = "",
) -> tuple[User, str]:
    """Sign up through `POST /users`, applying OPENHIRE_RECRUITER_SIGNUP."""
    decision = signup_decision(
        mode=settings.OPENHIRE_RECRUITER_SIGNUP,
        is_recruiter=role == Role.RECRUITER,
        has_invite=bool(invite),
    )
    if decision.error:
        raise OpenHireError(decision.error, decision.code, status=403)
    with transaction.atomic():
        if decision.spends_invite:
            _invite_spend(invite)
        return user_create(
            email=email,
            role=role,
            name=name,
            password=password,
            approved=decision.approved,
        )


def invite_create(*, by: User | None) -> str:
    """Return a new single-use recruiter invite (valid INVITE_TTL); by an approved recruiter."""
    key = secrets.token_urlsafe(24)
    RecruiterInvite.objects.create(
        key_hash=hash_token(key), created_by=by, expires_at=timezone.now() + INVITE_TTL
    )
    return key


def _invite_spend(key: str) -> None:
    """Mark an invite used; 403 when it is unknown, used or expired."""
    spent = RecruiterInvite.objects.filter(
        key_hash=hash_token(key[:200]),
        used_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).update(used_at=timezone.now())
    if not spent:
        raise OpenHireError(INVITE_INVALID, "invite_invalid", status=403)


def user_authenticate(*, email: str, password: str) -> User:
    """Return the active user with this email and password; 401 otherwise."""
    user = authenticate(username=email.strip(), password=password)
    if user is None:
        raise OpenHireError(BAD_CREDENTIALS, "authentication_failed", status=401)
    return user


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
