"""Applications to move, an operator, and interviews on record."""

from __future__ import annotations

from accounts.models import Role, User
from accounts.tests.factories import UserFactory


def operator_make(email: str = "op@openhire.test") -> User:
    """Return a superuser with an API token (`user.token`)."""
    user = UserFactory(role=Role.RECRUITER, email=email)
    user.is_superuser = user.is_staff = True
    user.save(update_fields=["is_superuser", "is_staff"])
    return user
