"""Users with API tokens, built through the same service as `POST /users`.

recruiter = UserFactory(role=Role.RECRUITER)
recruiter.token  # the key shown once, for `Authorization: Token <key>`
"""

from __future__ import annotations

import factory

from accounts.models import Role, User
from accounts.services import user_create


class UserFactory(factory.Factory):
    """Build a user with `user.token` set; `password=` gives an admin login."""

    class Meta:
        model = User

    role = Role.CANDIDATE
    email = factory.Sequence(lambda n: f"person{n}@example.test")
    name = factory.LazyAttribute(lambda user: user.email.split("@")[0])
    password = None

    @classmethod
    def _create(cls, model_class, **fields) -> User:
        user, token = user_create(**fields)
        user.token = token
        return user

    _build = _create
