"""Who may log into the admin (the recruiters' desk) and what its index offers them."""

from __future__ import annotations

import pytest
from django.test import Client

from accounts.admin_site import RECRUITERS_ONLY
from accounts.models import Role, User
from accounts.services import user_create
from conftest import DESK_PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"


def log_in(email: str, password: str) -> tuple[Client, object]:
    client = Client()
    response = client.post(LOGIN, {"username": email, "password": password})
    return client, response


def test_a_recruiter_created_with_a_password_logs_into_the_admin():
    user_create(
        email="rita@acme.test", role=Role.RECRUITER, name="Rita", password=DESK_PASSWORD
    )
    client, response = log_in("Rita@Acme.test", DESK_PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    index = client.get("/admin/")
    assert index.status_code == 200
    assert b"OpenHire recruiter desk" in index.content


def test_a_candidate_with_a_password_cannot_log_in():
    user_create(
        email="cara@example.test",
        role=Role.CANDIDATE,
        name="Cara",
        password=DESK_PASSWORD,
    )
    client, response = log_in("cara@example.test", DESK_PASSWORD)
    assert response.status_code == 200  # the form again, with an error
    assert client.get("/admin/").status_code == 302


def test_a_candidate_with_is_staff_set_by_mistake_is_refused(candidate, desk_client):
    candidate.is_staff = True
    candidate.set_password(DESK_PASSWORD)
    candidate.save(update_fields=["is_staff", "password"])
    client = desk_client(candidate)  # even a session made behind the form's back
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert client.get("/admin/jobs/job/").status_code == 302

    form_client, form_response = log_in(candidate.email, DESK_PASSWORD)
    assert form_response.status_code == 200
    assert RECRUITERS_ONLY in form_response.content.decode()


def test_a_recruiter_without_a_password_cannot_log_in(recruiter):
    _client, response = log_in(recruiter.email, "")
    assert response.status_code == 200
    assert not User.objects.get(pk=recruiter.pk).is_staff


def test_a_recruiter_sees_jobs_and_applications_but_not_users_or_tokens(
    recruiter, desk_client
):
    client = desk_client(recruiter)
    index = client.get("/admin/").content.decode()
    assert "/admin/jobs/job/" in index
    assert "/admin/resumes/application/" in index
    assert "/admin/accounts/user/" not in index
    assert client.get("/admin/accounts/user/").status_code == 403
    assert client.get("/admin/accounts/apitoken/").status_code == 403


def test_a_superuser_sees_users_and_tokens(db):
    admin = User.objects.create_superuser(
        email="root@openhire.test", password=DESK_PASSWORD, name="Root"
    )
    client = Client()
    client.force_login(admin)
    assert client.get("/admin/accounts/user/").status_code == 200
    assert client.get("/admin/accounts/apitoken/").status_code == 200


def test_admin_logins_are_throttled_per_account_whatever_the_address(settings):
    from accounts.admin_site import LOGIN_THROTTLED

    settings.OPENHIRE_THROTTLE_ADMIN_LOGIN = "3/minute"
    user_create(
        email="rita@acme.test", role=Role.RECRUITER, name="Rita", password=DESK_PASSWORD
    )
    for n in range(3):
        client = Client(REMOTE_ADDR=f"10.0.1.{n}")
        response = client.post(LOGIN, {"username": "rita@acme.test", "password": "x"})
        assert response.status_code == 200 and b"throttled" not in response.content
    # The right password, from a fresh address, now waits too.
    client = Client(REMOTE_ADDR="10.0.1.99")
    response = client.post(
        LOGIN, {"username": "RITA@acme.test", "password": DESK_PASSWORD}
    )
    assert response.status_code == 200
    message = LOGIN_THROTTLED.split("{")[0].replace("'", "&#x27;")
    assert message in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_admin_logins_are_throttled_per_address_whatever_the_account(settings):
    settings.OPENHIRE_THROTTLE_ADMIN_LOGIN_IP = "2/minute"
    user_create(
        email="rita@acme.test", role=Role.RECRUITER, name="Rita", password=DESK_PASSWORD
    )
    client = Client(REMOTE_ADDR="10.0.2.1")
    for n in range(2):
        client.post(LOGIN, {"username": f"guess{n}@acme.test", "password": "x"})
    response = client.post(
        LOGIN,
        {"username": "rita@acme.test", "password": DESK_PASSWORD},
        HTTP_X_FORWARDED_FOR="203.0.113.1",  # not believed: no proxy configured
    )
    assert response.status_code == 200  # the form again, not the redirect
    assert (
        Client(REMOTE_ADDR="10.0.2.2")
        .post(LOGIN, {"username": "rita@acme.test", "password": DESK_PASSWORD})
        .status_code
        == 302
    )
