"""Recruiter sign-up is gated (OPENHIRE_RECRUITER_SIGNUP) and throttled per address."""

from __future__ import annotations

import pytest

from accounts.models import Role, User
from accounts.permissions import AWAITING_APPROVAL
from accounts.policies import INVITE_REQUIRED, signup_decision
from accounts.services import INVITE_INVALID

pytestmark = pytest.mark.django_db
PASSWORD = "a long enough passphrase"


def signup(api, email: str, role: str = "recruiter", **extra):
    body = {"email": email, "role": role, "password": PASSWORD, **extra}
    return api.post("/users", body, format="json")


def post_job(api, token: str, job_data: dict):
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    response = api.post("/jobs", job_data, format="json")
    api.credentials()
    return response


def test_approval_is_the_default_in_production(settings):
    from django.conf import settings as live

    assert not live.DEBUG and live.OPENHIRE_RECRUITER_SIGNUP == "approval"


def test_an_unapproved_recruiter_can_neither_post_jobs_nor_use_the_admin(
    api, job_data, settings
):
    settings.OPENHIRE_RECRUITER_SIGNUP = "approval"
    response = signup(api, "new@acme.test")
    assert response.status_code == 201
    refused = post_job(api, response.json()["token"], job_data)
    assert refused.status_code == 403
    assert refused.json() == {"detail": AWAITING_APPROVAL, "code": "awaiting_approval"}
    assert api.login(email="new@acme.test", password=PASSWORD)
    assert api.get("/admin/").status_code == 302  # back to the login page

    User.objects.filter(email="new@acme.test").update(is_approved=True)
    assert post_job(api, response.json()["token"], job_data).status_code == 201
    assert api.get("/admin/").status_code == 200


def test_candidates_are_never_held_for_approval(api, settings):
    settings.OPENHIRE_RECRUITER_SIGNUP = "approval"
    assert signup(api, "c@example.test", role="candidate").status_code == 201
    assert User.objects.get(email="c@example.test").is_approved


def test_invite_mode_needs_a_single_use_invite_from_a_recruiter(
    api, client_for, recruiter, job_data, settings
):
    settings.OPENHIRE_RECRUITER_SIGNUP = "invite"
    refused = signup(api, "no-invite@acme.test")
    assert refused.status_code == 403
    assert refused.json() == {"detail": INVITE_REQUIRED, "code": "invite_required"}
    assert not User.objects.filter(email="no-invite@acme.test").exists()

    invite = client_for(recruiter).post("/auth/invites").json()["invite"]
    joined = signup(api, "invited@acme.test", invite=invite)
    assert joined.status_code == 201
    assert post_job(api, joined.json()["token"], job_data).status_code == 201

    again = signup(api, "second@acme.test", invite=invite)
    assert again.status_code == 403 and again.json()["detail"] == INVITE_INVALID
    assert signup(api, "junk@acme.test", invite="x" * 5000).status_code == 400


def test_candidates_cannot_issue_invites(client_for, candidate):
    assert client_for(candidate).post("/auth/invites").status_code == 403


def test_open_mode_lets_recruiters_in_at_once(api, job_data, settings):
    settings.OPENHIRE_RECRUITER_SIGNUP = "open"
    response = signup(api, "open@acme.test")
    assert post_job(api, response.json()["token"], job_data).status_code == 201


@pytest.mark.parametrize(
    ("mode", "recruiter", "invite", "approved", "error"),
    [
        ("open", True, False, True, ""),
        ("approval", True, False, False, ""),
        ("approval", True, True, True, ""),
        ("invite", True, False, True, "invite_required"),
        ("invite", False, False, True, ""),
    ],
)
def test_the_signup_rule(mode, recruiter, invite, approved, error):
    decision = signup_decision(mode=mode, is_recruiter=recruiter, has_invite=invite)
    assert decision.code == error
    if not error:
        assert decision.approved is approved


def test_the_recruiter_role_constant_is_what_the_api_speaks():
    assert Role.RECRUITER == "recruiter"


def test_an_operator_approves_recruiters_from_the_admin(api, job_data, settings):
    from django.test import Client

    settings.OPENHIRE_RECRUITER_SIGNUP = "approval"
    token = signup(api, "wait@acme.test").json()["token"]
    operator = User.objects.create_superuser("op@acme.test", PASSWORD)
    desk = Client()
    desk.force_login(operator)
    pending = User.objects.get(email="wait@acme.test")
    response = desk.post(
        "/admin/accounts/user/",
        {"action": "approve_recruiters", "_selected_action": [str(pending.pk)]},
    )
    assert response.status_code == 302
    assert User.objects.get(pk=pending.pk).is_approved
    assert post_job(api, token, job_data).status_code == 201
