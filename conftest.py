"""Shared fixtures: the personas every permission rule is tested with.

- `recruiter`, `other_recruiter`, `candidate`, `stranger` (another candidate):
  users with API tokens (`user.token`).
- `api` (anonymous client) and `client_for(user)` (token-authenticated client).
- `job` (owned by `recruiter`), `job_data` (a valid POST /jobs body).
- `trusted_mode` turns on OPENHIRE_TRUST_CLIENT_IDS for one test.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from accounts.models import Role, User
from accounts.tests.factories import UserFactory


def _uses_database(request) -> bool:
    names = set(request.fixturenames)
    return bool(
        request.node.get_closest_marker("django_db")
        or names & {"db", "transactional_db", "django_db_reset_sequences"}
    )


@pytest.fixture(autouse=True)
def _isolated_cache_and_media(request, settings, tmp_path):
    """Reset throttles between tests, keep uploads out of var/, hash passwords fast.

    The throttle cache is the database cache without REDIS_URL (shared by
    workers), so it is cleared only where the test may reach the database.
    """
    from django.core.cache import caches

    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    shared = None
    if _uses_database(request):
        # Set the test database up first (as `db` / `transactional_db` would,
        # per the test's marker), whatever order the fixtures were listed in.
        request.getfixturevalue("_django_db_helper")
        shared = caches["throttle"]
    for each in (cache, shared):
        if each is not None:
            each.clear()
    yield
    for each in (cache, shared):
        if each is not None:
            each.clear()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(tmp_path_factory) -> None:
    """Test on a SQLite file, as the embedded default runs, not a shared-cache memory db.

    Django's in-memory test database shares one cache between threads, where two
    writers at once fail at once ("database table is locked") instead of waiting
    out the busy timeout the file database honours: racing-socket tests would
    then fail on a lock production never sees.
    """
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        path = tmp_path_factory.mktemp("database") / "test_openhire.sqlite3"
        database.setdefault("TEST", {})["NAME"] = str(path)


def make_user(role: str, email: str, name: str = "") -> User:
    return UserFactory(role=role, email=email, name=name or email.split("@")[0])


@pytest.fixture
def recruiter(db) -> User:
    return make_user(Role.RECRUITER, "rita@acme.test", "Rita Recruiter")


@pytest.fixture
def other_recruiter(db) -> User:
    return make_user(Role.RECRUITER, "oscar@globex.test", "Oscar Other")


@pytest.fixture
def candidate(db) -> User:
    return make_user(Role.CANDIDATE, "cara@example.test", "Cara Candidate")


@pytest.fixture
def stranger(db) -> User:
    return make_user(Role.CANDIDATE, "sam@example.test", "Sam Stranger")


@pytest.fixture
def api() -> APIClient:
    return APIClient()


@pytest.fixture
def client_for():
    def build(user: User | None) -> APIClient:
        client = APIClient()
        if user is not None:
            client.credentials(HTTP_AUTHORIZATION=f"Token {user.token}")
        return client

    return build


@pytest.fixture
def trusted_mode(settings):
    settings.OPENHIRE_TRUST_CLIENT_IDS = True
    return settings


@pytest.fixture
def job_data() -> dict:
    return {
        "title": "Backend Engineer",
        "description": "Build APIs with Python and Django. 3+ years of experience.",
        "salary": "$100k-$120k",
        "skills": ["Python", "Django", "PostgreSQL"],
        "job_type": "full-time",
        "end_date": (dt.date.today() + dt.timedelta(days=30)).isoformat(),
        "company_name": "Acme",
        "location": "Remote",
    }


@pytest.fixture
def job(recruiter, job_data):
    from jobs.serializers import JobInputSerializer
    from jobs.services import job_create

    serializer = JobInputSerializer(data=job_data)
    serializer.is_valid(raise_exception=True)
    return job_create(recruiter=recruiter, fields=serializer.validated_data)


TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")
# The shared database cache (throttle counts) is bookkeeping, not data.
CACHE_TABLE = "openhire_cache"


@pytest.fixture
def data_queries():
    """Capture the SQL a block runs, less transaction control and throttle counts."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    class Capture(CaptureQueriesContext):
        @property
        def statements(self) -> list[str]:
            return [
                q["sql"]
                for q in self.captured_queries
                if not q["sql"].lstrip().upper().startswith(TRANSACTION_CONTROL)
                and CACHE_TABLE not in q["sql"]
            ]

    return lambda: Capture(connection)


# --- the admin (issue 6) --------------------------------------------------------------
DESK_PASSWORD = "correct horse battery staple"


@pytest.fixture
def desk_client():
    """Build a Django test client logged in as `user` (no password hashing: fast).

    Recruiters get `is_staff` as `POST /users` with a password gives it; whether
    the admin lets the user in is the admin's decision, tested with this client.
    """
    from django.test import Client

    def build(user: User) -> Client:
        if user.role == Role.RECRUITER and not user.is_staff:
            user.is_staff = True
            user.save(update_fields=["is_staff"])
        client = Client()
        client.force_login(user)
        return client

    return build


@pytest.fixture
def make_application():
    """Store an application with a review (for tests of apps below `resumes`)."""
    from resumes.tests.factories import application_make, candidate_make

    def make(*, job, email: str, **fields):
        return application_make(job=job, candidate=candidate_make(email), **fields)

    return make


@pytest.fixture
def webhook_receiver(settings):
    """A local webhook receiver, reachable: OPENHIRE_WEBHOOKS_ALLOW_PRIVATE (dev only)."""
    from webhooks.tests.receiver import Receiver

    settings.OPENHIRE_WEBHOOKS_ALLOW_PRIVATE = True
    server = Receiver().start()
    yield server
    server.stop()
