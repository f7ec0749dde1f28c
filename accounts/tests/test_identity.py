"""Trusted mode's gateway ids: accepted, provisioned once, echoed as sent (issue 12)."""

from __future__ import annotations

import threading
from unittest import mock

import pytest
from django.db import connection

from accounts import services
from accounts.identity import INVALID_CLIENT_ID, identify
from accounts.models import Role, User
from openhire.errors import OpenHireError


@pytest.mark.django_db
@pytest.mark.parametrize(
    "gateway_id",
    [
        "k3j9x2m1q",  # ai_interview: Math.random().toString(36).substr(2, 9)
        "6f1d2c3b-9a8e-4f7d-b6c5-a4b3c2d1e0f9",  # the FT app's auth provider (UUID)
        "candidate_123",  # the FT docs
        "auth0:abc123",
        "ada@example.com",
        "x" * 128,
    ],
)
def test_a_first_seen_gateway_id_provisions_a_user_of_the_implied_role(
    trusted_mode, gateway_id
):
    user = identify(None, claimed_id=gateway_id, field="candidate_id")
    assert user.role == Role.CANDIDATE and user.public_id == gateway_id
    again = identify(None, claimed_id=gateway_id, field="candidate_id")
    assert again.pk == user.pk and User.objects.count() == 1
    assert not user.has_usable_password() and not user.is_staff


@pytest.mark.django_db
def test_gateway_ids_are_case_sensitive_and_keep_their_exact_spelling(trusted_mode):
    lower = identify(None, claimed_id="k3j9x2m1q", field="recruiter_id")
    upper = identify(None, claimed_id="K3J9X2M1Q", field="recruiter_id")
    assert lower.pk != upper.pk
    assert (lower.public_id, upper.public_id) == ("k3j9x2m1q", "K3J9X2M1Q")
    assert lower.role == upper.role == Role.RECRUITER


@pytest.mark.django_db
def test_our_own_uuids_still_name_our_users_in_trusted_mode(trusted_mode, recruiter):
    assert identify(None, claimed_id=str(recruiter.id), field="recruiter_id") == (
        recruiter
    )
    upper = str(recruiter.id).upper()
    assert identify(None, claimed_id=upper, field="recruiter_id") == recruiter
    assert User.objects.filter(external_id__isnull=False).count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    "junk",
    [
        "x" * 129,
        "x" * 1_000_000,
        "has space",
        "line\nbreak",
        "nul\x00byte",
        "../../etc/passwd",
        "ümlaut",
        "<script>",
        "a/b",
        ["k3j9x2m1q"],
        {"id": "k3j9x2m1q"},
        True,
    ],
)
def test_ids_outside_the_allowed_characters_or_length_are_400s(trusted_mode, junk):
    with pytest.raises(OpenHireError) as caught:
        identify(None, claimed_id=junk, field="recruiter_id")
    assert caught.value.status == 400 and caught.value.code == "invalid_id"
    assert caught.value.message == INVALID_CLIENT_ID.format(field="recruiter_id")
    assert User.objects.count() == 0


@pytest.mark.django_db
def test_token_mode_takes_only_our_uuids_and_provisions_nobody(recruiter):
    with pytest.raises(OpenHireError) as caught:
        identify(None, claimed_id="k3j9x2m1q", field="recruiter_id")
    assert caught.value.status == 400
    assert identify(None, claimed_id=str(recruiter.id), field="recruiter_id") is None
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_a_token_user_naming_a_gateway_id_is_refused(trusted_mode, recruiter):
    with pytest.raises(OpenHireError) as caught:
        identify(recruiter, claimed_id="k3j9x2m1q", field="recruiter_id")
    assert caught.value.status == 403 and caught.value.code == "identity_mismatch"
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_a_deactivated_gateway_user_is_not_provisioned_again(trusted_mode):
    user = identify(None, claimed_id="k3j9x2m1q", field="candidate_id")
    User.objects.filter(pk=user.pk).update(is_active=False)
    with pytest.raises(OpenHireError) as caught:
        identify(None, claimed_id="k3j9x2m1q", field="candidate_id")
    assert caught.value.status == 404 and User.objects.count() == 1


@pytest.mark.django_db
def test_a_claim_that_implies_no_role_is_never_provisioned(trusted_mode):
    with pytest.raises(OpenHireError) as caught:
        identify(None, claimed_id="k3j9x2m1q", field="user_id")
    assert caught.value.status == 404 and User.objects.count() == 0


@pytest.mark.django_db
def test_a_request_that_loses_the_insert_race_reads_the_winners_user(trusted_mode):
    """The look-up misses, another request inserts, our INSERT fails: use theirs."""
    winner = User.objects.create_user(
        email="w@example.test", role=Role.RECRUITER, external_id="k3j9x2m1q"
    )
    real = services.user_with_external_id
    calls = iter([None])  # the first look-up ran before the winner committed

    def lookup(external_id: str) -> User | None:
        return next(calls, None) or real(external_id)

    with mock.patch.object(
        services, "user_with_external_id", autospec=True, side_effect=lookup
    ):
        user = identify(None, claimed_id="k3j9x2m1q", field="recruiter_id")
    assert user.pk == winner.pk and User.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_first_requests_at_once_provision_one_user(trusted_mode):
    """Both requests miss the look-up, then INSERT together: one wins, both get it."""
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        # Threads share an in-memory database through SQLite's shared cache,
        # whose table locks fail at once instead of waiting like a file's.
        pytest.skip("run with DATABASE_URL (PostgreSQL or an SQLite file)")
    both_looked = threading.Barrier(2, timeout=10)
    real = services.user_with_external_id

    def lookup_then_wait(external_id: str) -> User | None:
        user = real(external_id)
        if user is None:
            both_looked.wait()
        return user

    found: list[User] = []
    errors: list[BaseException] = []

    def first_request() -> None:
        try:
            found.append(identify(None, claimed_id="k3j9x2m1q", field="recruiter_id"))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    with mock.patch.object(
        services, "user_with_external_id", autospec=True, side_effect=lookup_then_wait
    ):
        threads = [threading.Thread(target=first_request) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(20)
    assert errors == []
    assert len(found) == 2 and found[0].pk == found[1].pk
    assert User.objects.filter(external_id="k3j9x2m1q").count() == 1
