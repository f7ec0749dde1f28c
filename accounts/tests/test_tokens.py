"""Tokens expire, come several to a person, can be listed and revoked; tickets are single use."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from django.core.cache import caches
from django.utils import timezone

from accounts import tokens
from accounts.identity import INVALID_TOKEN
from accounts.models import ApiToken, hash_token
from accounts.services import BAD_CREDENTIALS, user_create

pytestmark = pytest.mark.django_db
PASSWORD = "a long enough passphrase"


def test_a_token_expires_after_the_configured_days(client_for, candidate, settings):
    token = ApiToken.objects.get(user=candidate)
    assert token.expires_at - token.created_at == pytest.approx(
        dt.timedelta(days=30), abs=dt.timedelta(seconds=5)
    )
    assert client_for(candidate).get(f"/users/{candidate.id}").status_code == 200
    ApiToken.objects.filter(pk=token.pk).update(
        expires_at=timezone.now() - dt.timedelta(seconds=1)
    )
    response = client_for(candidate).get(f"/users/{candidate.id}")
    assert response.status_code == 401
    assert response.json()["detail"] == INVALID_TOKEN


def test_expiry_is_fixed_not_sliding(client_for, candidate):
    before = ApiToken.objects.get(user=candidate).expires_at
    client_for(candidate).get(f"/users/{candidate.id}")
    token = ApiToken.objects.get(user=candidate)
    assert token.expires_at == before
    assert token.last_used_at is not None


def test_a_ttl_of_zero_days_means_tokens_never_expire(settings, db):
    settings.OPENHIRE_TOKEN_TTL_DAYS = 0
    user, _key = user_create(email="forever@example.test", role="candidate")
    assert ApiToken.objects.get(user=user).expires_at is None


def test_a_user_creates_several_named_tokens_and_lists_them_without_secrets(
    client_for, candidate
):
    client = client_for(candidate)
    created = client.post("/auth/tokens", {"name": "phone"}, format="json")
    assert created.status_code == 201
    body = created.json()
    assert body["name"] == "phone" and len(body["token"]) > 30
    assert client.get(f"/users/{candidate.id}").status_code == 200
    listed = client.get("/auth/tokens").json()
    assert [t["name"] for t in listed] == ["signup", "phone"]
    assert all("token" not in t and "key_hash" not in t for t in listed)
    assert body["token"] not in str(listed) and candidate.token not in str(listed)
    assert set(listed[0]) == {
        "id", "name", "prefix", "created_at", "expires_at", "last_used_at",
    }  # fmt: skip


def test_email_and_password_create_a_token_and_a_wrong_password_does_not(api, db):
    user, _ = user_create(email="pw@example.test", role="candidate", password=PASSWORD)
    ok = api.post(
        "/auth/tokens",
        {"email": "PW@example.test", "password": PASSWORD, "name": "cli"},
        format="json",
    )
    assert ok.status_code == 201
    api.credentials(HTTP_AUTHORIZATION=f"Token {ok.json()['token']}")
    assert api.get(f"/users/{user.id}").status_code == 200
    api.credentials()
    wrong = api.post(
        "/auth/tokens", {"email": "pw@example.test", "password": "nope"}, format="json"
    )
    assert wrong.status_code == 401 and wrong.json()["detail"] == BAD_CREDENTIALS
    assert api.post("/auth/tokens", {}, format="json").status_code == 401
    assert ApiToken.objects.filter(user=user).count() == 2


def test_a_revoked_token_stops_working_and_others_keep_working(client_for, candidate):
    client = client_for(candidate)
    second = client.post("/auth/tokens", {"name": "tablet"}, format="json").json()
    response = client.delete(f"/auth/tokens/{second['id']}")
    assert response.status_code == 200
    client.credentials(HTTP_AUTHORIZATION=f"Token {second['token']}")
    assert client.get(f"/users/{candidate.id}").status_code == 401
    assert client_for(candidate).get(f"/users/{candidate.id}").status_code == 200


def test_nobody_revokes_another_persons_token(client_for, candidate, stranger):
    theirs = ApiToken.objects.get(user=candidate).public_id
    response = client_for(stranger).delete(f"/auth/tokens/{theirs}")
    assert response.status_code == 404
    assert client_for(candidate).get(f"/users/{candidate.id}").status_code == 200
    assert client_for(stranger).delete("/auth/tokens/not-a-uuid").status_code == 400


def test_logout_revokes_only_the_token_sent(client_for, candidate):
    client = client_for(candidate)
    other = client.post("/auth/tokens", {"name": "other"}, format="json").json()
    assert client.post("/auth/logout").status_code == 200
    assert client.get(f"/users/{candidate.id}").status_code == 401
    client.credentials(HTTP_AUTHORIZATION=f"Token {other['token']}")
    assert client.get(f"/users/{candidate.id}").status_code == 200


def test_a_huge_or_malformed_token_is_simply_invalid(api, candidate):
    for value in ("x" * 10_000, "\u202e" * 50, "a b c"):
        api.credentials(HTTP_AUTHORIZATION=f"Token {value}")
        assert api.get("/jobs").status_code == 401


def test_a_ws_ticket_is_short_lived_and_names_its_user(client_for, candidate):
    with mock.patch.object(caches[tokens.TICKET_CACHE], "set", autospec=True) as stored:
        body = client_for(candidate).post("/auth/ws-ticket").json()
    assert body["expires_in"] == 60 and len(body["ticket"]) > 30
    key, value, timeout = stored.call_args.args
    assert value == str(candidate.id) and timeout == 60
    assert body["ticket"] not in key  # stored under its hash only


def test_a_ws_ticket_works_once(candidate):
    ticket = tokens.ws_ticket_create(user=candidate)
    assert tokens.ws_ticket_redeem(ticket) == candidate
    assert tokens.ws_ticket_redeem(ticket) is None
    assert tokens.ws_ticket_redeem("") is None
    assert tokens.ws_ticket_redeem("x" * 5000) is None


def test_an_expired_ws_ticket_is_refused(candidate):
    ticket = tokens.ws_ticket_create(user=candidate)
    cache = caches[tokens.TICKET_CACHE]
    key = f"wsticket:{hash_token(ticket)}"
    assert cache.get(key) is not None
    cache.touch(key, 0)  # what 60 seconds do
    assert tokens.ws_ticket_redeem(ticket) is None
