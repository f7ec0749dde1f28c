"""Fuzz every operation of our own `/openapi.json` against a live server.

Schemathesis 4 generates valid and invalid requests from the schema and sends
them over real HTTP to a uvicorn process (the production server) that serves a
throwaway SQLite database migrated for this module. Why a live server rather
than schemathesis' ASGI/WSGI transport: the project has no WSGI application,
the ASGI transport goes through a test client that skips the server's own HTTP
parsing, and a real socket exercises exactly what clients hit (headers, bodies,
content types, 413 before parsing). The server runs with a recruiter's token
that owns a job with an application, so authenticated paths run too; path ids
are sometimes replaced by those real ids so that not every request is a 404.

The schema is built in this process (so that schemathesis' pytest integration
can make one test per operation at collection time); a test checks it is the
very document the server serves. Each operation runs schemathesis' phases:
the schema's examples, boundary values (coverage) and random valid and invalid
requests (fuzzing); callers rotate between the recruiter, the candidate,
anonymous and an unknown token, and every other case aims at the seeded ids.

Checks on every response: no 5xx, the status code is documented, the body and
headers match the schema, and every 4xx body is `{detail, code}` (plus `errors`
for validation failures). `positive_data_acceptance` and
`negative_data_rejection` are off: see CONFIG. Bounded by
OPENHIRE_FUZZ_EXAMPLES (default 12) per operation: about 30 s in all.
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis")
from schemathesis import Case, CheckContext, Response  # noqa: E402
from schemathesis.config import SchemathesisConfig  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
from openhire.testing import server_start, server_stop  # noqa: E402

MAX_EXAMPLES = int(os.environ.get("OPENHIRE_FUZZ_EXAMPLES", "12"))
pytestmark = pytest.mark.fuzz


def _server_env(var_dir: Path) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")
    }
    env.update(
        DEBUG="0",
        SECRET_KEY="fuzz-" + "k" * 40,
        OPENHIRE_VAR_DIR=str(var_dir),
        DATABASE_URL=f"sqlite:///{var_dir / 'fuzz.sqlite3'}",
        OPENHIRE_ENABLE_TEST_ENDPOINTS="1",
        OPENHIRE_LOG_LEVEL="WARNING",
        # The seeded recruiter posts a job at once (approval has its own tests).
        OPENHIRE_RECRUITER_SIGNUP="open",
        # Fuzzing is not a load test: the throttles have their own tests.
        OPENHIRE_THROTTLE_SIGNUP="100000/minute",
        OPENHIRE_THROTTLE_AI="100000/minute",
        OPENHIRE_THROTTLE_CHAT="100000/minute",
        OPENHIRE_THROTTLE_INTERVIEW="100000/minute",
    )
    return env


def _request(base: str, method: str, path: str, body=None, token: str = ""):
    import requests

    headers = {"Authorization": f"Token {token}"} if token else {}
    response = requests.request(
        method, base + path, json=body, headers=headers, timeout=30
    )
    assert response.status_code < 300, (path, response.status_code, response.text)
    return response.json()


@pytest.fixture(scope="module")
def uvicorn_server(tmp_path_factory):
    """Start uvicorn on a free port over a freshly migrated SQLite database."""
    var_dir = tmp_path_factory.mktemp("fuzz")
    env = _server_env(var_dir)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=120,
    )
    server = server_start(
        env=env,
        kind="uvicorn",
        extra_args=["--log-level", "warning"],
        log_path=var_dir / "server.log",
    )
    try:
        yield server.url, server.log_path
    finally:
        server_stop(server)


@pytest.fixture(scope="module")
def seeded(uvicorn_server):
    """Create a recruiter with a job, a candidate with an application on it."""
    base, _log = uvicorn_server
    recruiter = _request(
        base,
        "POST",
        "/users",
        {"email": "fuzz-rita@acme.test", "role": "recruiter", "name": "Rita"},
    )
    candidate = _request(
        base,
        "POST",
        "/users",
        {"email": "fuzz-cara@example.test", "role": "candidate", "name": "Cara"},
    )
    job = _request(
        base,
        "POST",
        "/jobs",
        {
            "title": "Backend Engineer",
            "description": "Python and Django APIs. 3+ years of experience.",
            "salary": "$100k-$120k",
            "skills": ["Python", "Django"],
            "job_type": "full-time",
            "end_date": "2999-12-31",
        },
        recruiter["token"],
    )
    review = _request(
        base,
        "POST",
        "/review-resume",
        {"resume": "Python and Django engineer, 5 years.", "job_id": job["id"]},
        candidate["token"],
    )
    return {
        "base": base,
        "recruiter": recruiter,
        "candidate": candidate,
        "ids": {
            "job_id": job["id"],
            "short_code": job["job_link"].rsplit("/", 1)[-1],
            "user_id": recruiter["id"],
            "application_id": review["application_id"],
        },
    }


def error_bodies_have_detail_and_code(
    ctx: CheckContext, response: Response, case: Case
) -> bool | None:
    """Every 4xx answer is `{detail, code}` (plus `errors` for fields, `allowed`
    for an illegal stage move: both in the Error schema)."""
    if not 400 <= response.status_code < 500:
        return None
    try:
        body = json.loads(response.content)
    except ValueError:
        raise AssertionError(
            f"{response.status_code} body is not JSON: {response.content[:200]!r}"
        ) from None
    assert isinstance(body, dict), body
    assert isinstance(body.get("detail"), str) and body["detail"], body
    assert isinstance(body.get("code"), str) and body["code"], body
    assert set(body) <= {"detail", "code", "errors", "allowed"}, body
    return True


def _generated_schema() -> dict:
    """Return the OpenAPI document `/openapi.json` serves, built in this process."""
    from drf_spectacular.generators import SchemaGenerator

    return json.loads(json.dumps(SchemaGenerator().get_schema(public=True)))


CONFIG = SchemathesisConfig.from_dict(
    {
        "generation": {
            "max-examples": MAX_EXAMPLES,
            "deterministic": True,
            "no-shrink": True,
        },
        # Examples, boundary values (coverage) and random requests (fuzzing).
        "phases": {"stateful": {"enabled": False}},
        "checks": {
            # A valid-looking body may still be refused: a random job_id is
            # unknown (404), a numeric password is too weak, a random file
            # holds no text (400)...
            "positive_data_acceptance": {"enabled": False},
            # ...and the contract is lenient on purpose (DESIGN.md §5):
            # unknown fields are ignored, an empty `?limit=` means the
            # default, a number is accepted where text is expected.
            "negative_data_rejection": {"enabled": False},
        },
    }
)
schema = schemathesis.openapi.from_dict(_generated_schema(), config=CONFIG)


def test_the_fuzzed_schema_is_the_one_the_server_serves(seeded):
    import requests

    served = requests.get(f"{seeded['base']}/openapi.json", timeout=30).json()
    assert served == _generated_schema()


@pytest.fixture(scope="module")
def rotation(seeded):
    """Yield (headers, path ids) for each case in turn: four callers, real ids."""
    tokens = [
        seeded["recruiter"]["token"],  # owns the seeded job
        seeded["candidate"]["token"],  # owns the seeded application
        None,  # anonymous
        "not-a-token-we-issued",  # 401 wherever credentials are read
    ]

    def turns():
        for turn in itertools.count():
            token = tokens[turn % len(tokens)]
            headers = {"Authorization": f"Token {token}"} if token else {}
            yield headers, turn % 2 == 0

    return turns()


@schema.parametrize()
def test_every_operation_answers_within_its_schema(case, seeded, rotation):
    headers, use_real_ids = next(rotation)
    if case.path_parameters and use_real_ids and case.method.upper() != "DELETE":
        # Aim at the seeded objects instead of random ids (DELETE keeps them).
        case.path_parameters = {
            k: seeded["ids"].get(k, v) for k, v in case.path_parameters.items()
        }
    case.call_and_validate(
        base_url=seeded["base"],
        headers=headers,
        additional_checks=[error_bodies_have_detail_and_code],
    )
