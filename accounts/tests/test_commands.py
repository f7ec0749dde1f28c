"""`manage.py set_recruiter_password`: a recruiter's way into the admin."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from accounts.models import User

pytestmark = pytest.mark.django_db

PASSWORD = "a long admin passphrase"


class Stdin(io.StringIO):
    def isatty(self) -> bool:
        return False


def run(email: str, password: str) -> str:
    out = io.StringIO()
    call_command(
        "set_recruiter_password", email, stdin=Stdin(password + "\n"), stdout=out
    )
    return out.getvalue()


def test_it_sets_the_password_and_opens_the_admin_to_the_recruiter(recruiter):
    output = run(recruiter.email.upper(), PASSWORD)
    user = User.objects.get(pk=recruiter.pk)
    assert user.check_password(PASSWORD)
    assert user.is_staff
    assert "Password set for rita@acme.test" in output


def test_it_refuses_a_candidate(candidate):
    with pytest.raises(CommandError, match="Only recruiters log into the admin"):
        run(candidate.email, PASSWORD)
    user = User.objects.get(pk=candidate.pk)
    assert not user.is_staff and not user.has_usable_password()


def test_it_refuses_an_unknown_email(db):
    with pytest.raises(CommandError, match="No user has the email nobody@ex.test"):
        run("nobody@ex.test", PASSWORD)


def test_it_refuses_a_weak_password(recruiter):
    with pytest.raises(CommandError, match="password: This password is too short"):
        run(recruiter.email, "short")
    assert not User.objects.get(pk=recruiter.pk).is_staff


def test_it_refuses_an_empty_password(recruiter):
    with pytest.raises(CommandError, match="No password given"):
        run(recruiter.email, "")
