import pytest

from accounts.identity import INVALID_TOKEN
from accounts.models import ApiToken, User, hash_token
from accounts.permissions import AUTH_REQUIRED
from accounts.services import EMAIL_TAKEN

pytestmark = pytest.mark.django_db


def test_creating_a_user_returns_it_with_a_working_token(api, client_for):
    response = api.post(
        "/users",
        {"email": "ada@example.com", "role": "candidate", "name": "Ada"},
        format="json",
    )
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"id", "email", "role", "name", "created_at", "token"}
    assert body["role"] == "candidate"
    # The token is stored only as a hash, and it authenticates.
    token = ApiToken.objects.get()
    assert (
        token.key_hash == hash_token(body["token"])
        and body["token"] not in token.key_hash
    )
    api.credentials(HTTP_AUTHORIZATION=f"Token {body['token']}")
    assert api.get(f"/users/{body['id']}").json()["email"] == "ada@example.com"


def test_a_duplicate_email_in_any_case_is_a_conflict(api, candidate):
    response = api.post(
        "/users", {"email": candidate.email.upper(), "role": "recruiter"}, format="json"
    )
    assert response.status_code == 409
    assert response.json() == {"detail": EMAIL_TAKEN, "code": "email_taken"}
    assert User.objects.count() == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"email": "x@example.com", "role": "admin"}, "role"),
        ({"email": "not-an-email", "role": "candidate"}, "email"),
        ({"role": "candidate"}, "email"),
        ({"email": "x@example.com"}, "role"),
    ],
)
def test_bad_role_or_email_is_a_400_naming_the_field(api, body, field):
    response = api.post("/users", body, format="json")
    assert response.status_code == 400
    data = response.json()
    assert (
        data["code"] == "invalid"
        and field in data["errors"]
        and data["detail"].startswith(field)
    )
    assert User.objects.count() == 0


def test_a_weak_password_is_refused_and_no_user_is_created(api):
    response = api.post(
        "/users",
        {"email": "r@example.com", "role": "recruiter", "password": "123"},
        format="json",
    )
    assert response.status_code == 400 and "password" in response.json()["errors"]
    assert User.objects.count() == 0


def test_a_recruiter_with_a_password_can_use_the_admin_and_a_candidate_cannot(api):
    api.post(
        "/users",
        {
            "email": "r@example.com",
            "role": "recruiter",
            "password": "a-long-passphrase",
        },
        format="json",
    )
    api.post(
        "/users",
        {
            "email": "c@example.com",
            "role": "candidate",
            "password": "a-long-passphrase",
        },
        format="json",
    )
    assert User.objects.get(email="r@example.com").is_staff
    assert not User.objects.get(email="c@example.com").is_staff
    assert api.login(email="R@example.com", password="a-long-passphrase")


def test_a_user_reads_only_themselves(client_for, candidate, stranger, api):
    assert client_for(candidate).get(f"/users/{candidate.id}").status_code == 200
    assert client_for(stranger).get(f"/users/{candidate.id}").status_code == 403
    response = api.get(f"/users/{candidate.id}")
    assert response.status_code == 401 and response.json()["detail"] == AUTH_REQUIRED
    assert client_for(candidate).get("/users/not-a-uuid").status_code == 400


def test_a_bad_token_is_a_401_not_anonymous(api, candidate):
    api.credentials(HTTP_AUTHORIZATION="Token nope")
    response = api.get("/jobs")
    assert response.status_code == 401
    assert response.json() == {"detail": INVALID_TOKEN, "code": "authentication_failed"}


def test_trusted_mode_answers_user_reads_without_a_token(api, candidate, trusted_mode):
    assert api.get(f"/users/{candidate.id}").status_code == 200


def test_signing_up_costs_two_inserts(api, data_queries):
    with data_queries() as captured:
        response = api.post(
            "/users", {"email": "q@example.com", "role": "candidate"}, format="json"
        )
    assert response.status_code == 201
    assert [sql.split()[0] for sql in captured.statements] == ["INSERT", "INSERT"]
