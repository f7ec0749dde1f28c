"""Who may call what: every HTTP route x persona x method, with the exact status.

The cases come from the URL configuration (`openhire.routes.http_routes()`), not
from this file: a new route with no row in `MATRIX` fails here until someone
decides who may call it. DESIGN.md §4 is the rule book.

Personas (each case starts from a fresh database holding the same objects):
- anonymous: no token, trusted mode off;
- candidate: the candidate who applied to the job (owns the application);
- stranger: another candidate;
- owner: the recruiter who posted the job;
- other: another recruiter;
- trusted: no token, `OPENHIRE_TRUST_CLIENT_IDS=1`, naming the owner in
  `recruiter_id` for recruiter operations and the candidate in `candidate_id`
  for candidate operations (the compatibility mode for gateways).

Only the trusted persona names ids; token personas send the same requests
without them. Test endpoints (`/test-chat`) are switched on here; their 404 when
off is tested in chat/tests.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from openhire.routes import http_routes

PERSONAS = ("anonymous", "candidate", "stranger", "owner", "other", "trusted")

pytestmark = pytest.mark.django_db


@dataclass
class World:
    """The objects every case starts with, and the persona's claimed ids."""

    owner: Any
    other: Any
    candidate: Any
    stranger: Any
    job: Any
    application: Any
    session_id: str
    persona: str
    extra: dict = field(default_factory=dict)

    def claim(self, name: str) -> dict[str, str]:
        """Return `{recruiter_id|candidate_id: id}` for the trusted persona only."""
        if self.persona != "trusted":
            return {}
        who = self.owner if name == "recruiter_id" else self.candidate
        return {name: str(who.id)}

    def own_token_id(self) -> str:
        """Return the public id of the persona's token (the candidate's otherwise)."""
        who = {"stranger": self.stranger, "owner": self.owner, "other": self.other}
        return str(who.get(self.persona, self.candidate).api_tokens.first().public_id)


@dataclass(frozen=True)
class Call:
    """How to make one request: the concrete path, a body or query, a format."""

    path: Callable[[World], str]
    data: Callable[[World], dict] = lambda w: {}
    query: Callable[[World], dict] = lambda w: {}


def _job_body(w: World) -> dict:
    return {
        "title": "Data Engineer",
        "description": "Pipelines in Python.",
        "salary": "$90k",
        "skills": ["Python"],
        "job_type": "full-time",
        "end_date": "2999-01-01",
        **w.claim("recruiter_id"),
    }


def _signup(w: World) -> dict:
    return {"email": f"new-{w.persona}@example.test", "role": "candidate", "name": "N"}


ALL_200 = dict.fromkeys(PERSONAS, 200)


def only(ok: int, *allowed: str, anonymous: int = 401, others: int = 403) -> dict:
    """Expect `ok` for `allowed` personas, 401 for anonymous, `others` for the rest."""
    expected = dict.fromkeys(PERSONAS, others)
    expected["anonymous"] = anonymous
    expected.update(dict.fromkeys(allowed, ok))
    return expected


TOKEN_PERSONAS = ("candidate", "stranger", "owner", "other")
JOB = lambda w: f"/jobs/{w.job.id}"  # noqa: E731
APPLICATION = lambda w: f"/applications/{w.application.id}"  # noqa: E731
HOOK = lambda w: f"/webhooks/{w.extra['webhook'].id}"  # noqa: E731
CHAT = {"user_input": "How do I post a job?", "messages": []}

# (method, path) -> (how to call it, {persona: status})
MATRIX: dict[tuple[str, str], tuple[Call, dict[str, int]]] = {
    ("GET", "/"): (Call(lambda w: "/"), ALL_200),
    ("GET", "/health"): (Call(lambda w: "/health"), ALL_200),
    ("GET", "/openapi.json"): (Call(lambda w: "/openapi.json"), ALL_200),
    ("GET", "/docs"): (Call(lambda w: "/docs"), ALL_200),
    # The interview page is public HTML; the socket it opens does the checks.
    ("GET", "/interview/"): (Call(lambda w: "/interview/"), ALL_200),
    # Anyone may sign up (a caller with a token creates someone else).
    ("POST", "/users"): (
        Call(lambda w: "/users", data=_signup),
        dict.fromkeys(PERSONAS, 201),
    ),
    # Self only; trusted mode answers without identity (the gateway decides).
    ("GET", "/users/{user_id}"): (
        Call(lambda w: f"/users/{w.owner.id}"),
        only(200, "owner", "trusted"),
    ),
    ("GET", "/jobs"): (Call(lambda w: "/jobs"), ALL_200),
    ("POST", "/jobs"): (
        Call(lambda w: "/jobs", data=_job_body),
        only(201, "owner", "other", "trusted"),
    ),
    ("GET", "/jobs/{job_id}"): (Call(JOB), ALL_200),
    ("PUT", "/jobs/{job_id}"): (
        Call(JOB, data=lambda w: {"title": "Renamed", **w.claim("recruiter_id")}),
        only(200, "owner", "trusted"),
    ),
    ("PATCH", "/jobs/{job_id}"): (
        Call(JOB, data=lambda w: {"title": "Renamed", **w.claim("recruiter_id")}),
        only(200, "owner", "trusted"),
    ),
    ("DELETE", "/jobs/{job_id}"): (
        Call(JOB, query=lambda w: w.claim("recruiter_id")),
        only(200, "owner", "trusted"),
    ),
    # Each recruiter counts their own jobs; a candidate has none to count.
    ("GET", "/jobs/stats"): (
        Call(lambda w: "/jobs/stats", query=lambda w: w.claim("recruiter_id")),
        only(200, "owner", "other", "trusted"),
    ),
    ("PATCH", "/jobs/{job_id}/status"): (
        Call(
            lambda w: f"/jobs/{w.job.id}/status",
            data=lambda w: {"status": "inactive", **w.claim("recruiter_id")},
        ),
        only(200, "owner", "trusted"),
    ),
    ("GET", "/j/{short_code}"): (Call(lambda w: w.job.job_link), ALL_200),
    # Anyone may review (nothing is recorded for anonymous callers or recruiters).
    ("POST", "/review-resume"): (
        Call(
            lambda w: "/review-resume",
            data=lambda w: {
                "resume": "Python developer, 4 years of Django.",
                "job_id": str(w.job.id),
                **w.claim("candidate_id"),
            },
        ),
        ALL_200,
    ),
    ("GET", "/jobs/{job_id}/applications"): (
        Call(
            lambda w: f"/jobs/{w.job.id}/applications",
            query=lambda w: w.claim("recruiter_id"),
        ),
        only(200, "owner", "trusted"),
    ),
    # The job's recruiter and the candidate who applied; nobody else.
    ("GET", "/applications/{application_id}"): (
        Call(APPLICATION, query=lambda w: w.claim("candidate_id")),
        only(200, "candidate", "owner", "trusted"),
    ),
    ("PATCH", "/applications/{application_id}"): (
        Call(
            APPLICATION,
            data=lambda w: {"status": "reviewing", **w.claim("recruiter_id")},
        ),
        only(200, "owner", "trusted"),
    ),
    # The ledger: the job's recruiter and the candidate (their own application).
    ("GET", "/applications/{application_id}/decisions"): (
        Call(
            lambda w: f"{APPLICATION(w)}/decisions",
            query=lambda w: w.claim("recruiter_id"),
        ),
        only(200, "candidate", "owner", "trusted"),
    ),
    # Self-identification: the application's candidate only, never a recruiter.
    ("POST", "/applications/{application_id}/self-id"): (
        Call(
            lambda w: f"{APPLICATION(w)}/self-id",
            data=lambda w: {"sex": "female", **w.claim("candidate_id")},
        ),
        only(201, "candidate", "trusted"),
    ),
    # None stored yet: the candidate is told so; everyone else is refused.
    ("GET", "/applications/{application_id}/self-id"): (
        Call(
            lambda w: f"{APPLICATION(w)}/self-id",
            query=lambda w: w.claim("candidate_id"),
        ),
        only(404, "candidate", "trusted"),
    ),
    ("DELETE", "/applications/{application_id}/self-id"): (
        Call(
            lambda w: f"{APPLICATION(w)}/self-id",
            query=lambda w: w.claim("candidate_id"),
        ),
        only(204, "candidate", "trusted"),
    ),
    # The adverse-impact report: the job's recruiter; all jobs: the operator only.
    ("GET", "/jobs/{job_id}/adverse-impact"): (
        Call(
            lambda w: f"{JOB(w)}/adverse-impact",
            query=lambda w: w.claim("recruiter_id"),
        ),
        only(200, "owner", "trusted"),
    ),
    ("GET", "/jobs/{job_id}/adverse-impact.csv"): (
        Call(
            lambda w: f"{JOB(w)}/adverse-impact.csv",
            query=lambda w: w.claim("recruiter_id"),
        ),
        only(200, "owner", "trusted"),
    ),
    # (Trusted mode names nobody here, and a gateway id is never the operator.)
    ("GET", "/adverse-impact"): (
        Call(lambda w: "/adverse-impact"),
        {**only(200), "trusted": 401},
    ),
    ("GET", "/adverse-impact.csv"): (
        Call(lambda w: "/adverse-impact.csv"),
        {**only(200), "trusted": 401},
    ),
    ("POST", "/chat"): (Call(lambda w: "/chat", data=lambda w: CHAT), ALL_200),
    # The candidate's own interview, or one for the recruiter's job; trusted mode
    # answers by session id alone (DESIGN.md §4).
    ("GET", "/ai-interview/health"): (Call(lambda w: "/ai-interview/health"), ALL_200),
    ("GET", "/ai-interview/status/{session_id}"): (
        Call(lambda w: f"/ai-interview/status/{w.session_id}"),
        only(200, "candidate", "owner", "trusted"),
    ),
    ("GET", "/ai-interview/results/{session_id}"): (
        Call(lambda w: f"/ai-interview/results/{w.session_id}"),
        only(200, "candidate", "owner", "trusted"),
    ),
    # The interview is finished: a record its candidate cannot delete (issue 14);
    # the job's recruiter archives it.
    ("DELETE", "/ai-interview/session/{session_id}"): (
        Call(lambda w: f"/ai-interview/session/{w.session_id}"),
        only(200, "owner", "trusted"),
    ),
    ("POST", "/test-chat"): (
        Call(lambda w: "/test-chat", data=lambda w: CHAT),
        ALL_200,
    ),
    # Identity (issue 14): every signed-in person manages their own tokens and
    # data; in trusted mode the gateway's id stands in for the token.
    ("POST", "/auth/tokens"): (
        Call(
            lambda w: "/auth/tokens",
            data=lambda w: {"name": "laptop", **w.claim("candidate_id")},
        ),
        only(201, *TOKEN_PERSONAS, "trusted"),
    ),
    ("GET", "/auth/tokens"): (
        Call(lambda w: "/auth/tokens", query=lambda w: w.claim("candidate_id")),
        only(200, *TOKEN_PERSONAS, "trusted"),
    ),
    # Your own token only (another's id is a 404, tested in accounts/tests).
    ("DELETE", "/auth/tokens/{token_id}"): (
        Call(
            lambda w: f"/auth/tokens/{w.own_token_id()}",
            query=lambda w: w.claim("candidate_id"),
        ),
        only(200, *TOKEN_PERSONAS, "trusted"),
    ),
    # Logging out revokes the token sent; trusted mode has none to revoke.
    ("POST", "/auth/logout"): (
        Call(lambda w: "/auth/logout"),
        only(200, *TOKEN_PERSONAS, anonymous=401, others=401),
    ),
    ("POST", "/auth/ws-ticket"): (
        Call(lambda w: "/auth/ws-ticket", query=lambda w: w.claim("candidate_id")),
        only(200, *TOKEN_PERSONAS, "trusted"),
    ),
    # Approved recruiters invite recruiters (OPENHIRE_RECRUITER_SIGNUP=invite).
    ("POST", "/auth/invites"): (
        Call(lambda w: "/auth/invites", query=lambda w: w.claim("recruiter_id")),
        only(201, "owner", "other", "trusted"),
    ),
    # Webhooks (issue 18): recruiters and operators manage their own endpoints;
    # another recruiter's endpoint is a 404 (their listing never shows it).
    ("GET", "/webhooks"): (
        Call(lambda w: "/webhooks", query=lambda w: w.claim("recruiter_id")),
        only(200, "owner", "other", "trusted"),
    ),
    ("POST", "/webhooks"): (
        Call(
            lambda w: "/webhooks",
            data=lambda w: {
                "url": "https://93.184.216.34/hook",
                "events": ["review.completed"],
                **w.claim("recruiter_id"),
            },
        ),
        only(201, "owner", "other", "trusted"),
    ),
    ("DELETE", "/webhooks/{webhook_id}"): (
        Call(HOOK, query=lambda w: w.claim("recruiter_id")),
        {**only(204, "owner", "trusted"), "other": 404},
    ),
    ("GET", "/webhooks/{webhook_id}/deliveries"): (
        Call(
            lambda w: HOOK(w) + "/deliveries", query=lambda w: w.claim("recruiter_id")
        ),
        {**only(200, "owner", "trusted"), "other": 404},
    ),
    ("POST", "/webhooks/{webhook_id}/deliveries/{delivery_id}/replay"): (
        Call(
            lambda w: f"{HOOK(w)}/deliveries/{w.extra['delivery'].id}/replay",
            query=lambda w: w.claim("recruiter_id"),
        ),
        {**only(202, "owner", "trusted"), "other": 404},
    ),
    # The job's recruiter rescreens its applications and reads the progress.
    ("GET", "/jobs/{job_id}/rescreen"): (
        Call(lambda w: f"{JOB(w)}/rescreen", query=lambda w: w.claim("recruiter_id")),
        only(200, "owner", "trusted"),
    ),
    ("POST", "/jobs/{job_id}/rescreen"): (
        Call(lambda w: f"{JOB(w)}/rescreen", query=lambda w: w.claim("recruiter_id")),
        only(202, "owner", "trusted"),
    ),
    ("GET", "/users/me/export"): (
        Call(lambda w: "/users/me/export", query=lambda w: w.claim("candidate_id")),
        only(200, *TOKEN_PERSONAS, "trusted"),
    ),
    ("DELETE", "/users/me"): (
        Call(lambda w: "/users/me", query=lambda w: w.claim("candidate_id")),
        only(200, *TOKEN_PERSONAS, "trusted"),
    ),
}


def _route_keys() -> list[tuple[str, str]]:
    return [(route["method"], route["path"]) for route in http_routes()]


CASES = [
    pytest.param(method, path, persona, id=f"{method} {path} as {persona}")
    for (method, path), persona in itertools.product(_route_keys(), PERSONAS)
]


def finished_interview(*, candidate, job) -> str:
    """Store the candidate's analysed interview for `job`; return its id."""
    from interviews.tests.factories import ANSWERS, interview_session_make

    turns = [(f"Question {n}?", answer) for n, answer in enumerate(ANSWERS, 1)]
    session = interview_session_make(
        candidate=candidate,
        job=job,
        turns=turns,
        finished=True,
        session_id="1732812345678",
    )
    return session.session_id


def webhook_and_rescreen(*, owner, job) -> dict:
    """Store the owner's webhook endpoint with one delivery, and a finished rescreen."""
    import uuid

    from resumes.models import Rescreen, RescreenStatus
    from webhooks.models import WebhookDelivery, WebhookEndpoint

    webhook = WebhookEndpoint.objects.create(
        owner=owner,
        url="https://93.184.216.34/hook",
        events=["review.completed"],
        secret="whsec_matrix",
    )
    delivery = WebhookDelivery.objects.create(
        endpoint=webhook, event="review.completed", event_id=uuid.uuid4(), body="{}"
    )
    Rescreen.objects.create(
        job=job, job_hash="0" * 64, engine="offline", status=RescreenStatus.FINISHED
    )
    return {"webhook": webhook, "delivery": delivery}


@pytest.fixture
def world_for(recruiter, other_recruiter, candidate, stranger, job, settings):
    from asgiref.sync import async_to_sync

    from resumes.intake import review_request
    from resumes.services import resume_review_asubmit

    job_id, upload = review_request(
        {"resume": "Python and Django engineer, 5 years.", "job_id": str(job.id)}, {}
    )
    application = async_to_sync(resume_review_asubmit)(
        user=candidate, job_id=job_id, upload=upload
    ).application
    assert application is not None
    session_id = finished_interview(candidate=candidate, job=job)
    settings.OPENHIRE_ENABLE_TEST_ENDPOINTS = True
    extra = webhook_and_rescreen(owner=recruiter, job=job)

    def build(persona: str) -> World:
        settings.OPENHIRE_TRUST_CLIENT_IDS = persona == "trusted"
        return World(
            owner=recruiter,
            other=other_recruiter,
            candidate=candidate,
            stranger=stranger,
            job=job,
            application=application,
            session_id=session_id,
            persona=persona,
            extra=extra,
        )

    return build


@pytest.mark.parametrize("method, path, persona", CASES)
def test_each_route_answers_each_persona_with_the_exact_status(
    method, path, persona, world_for, client_for
):
    if (method, path) not in MATRIX:
        pytest.fail(f"{method} {path} has no row in MATRIX: decide who may call it")
    call, expected = MATRIX[(method, path)]
    world = world_for(persona)
    user = {
        "candidate": world.candidate,
        "stranger": world.stranger,
        "owner": world.owner,
        "other": world.other,
    }.get(persona)
    client = client_for(user)
    url = call.path(world)
    query = call.query(world)
    if query:
        url += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    data = call.data(world)
    body = {"data": json.dumps(data), "content_type": "application/json"}
    response = client.generic(method, url, **(body if data else {}))
    assert response.status_code == expected[persona], (
        f"{method} {path} as {persona}: {response.status_code} "
        f"{response.content[:300]!r}"
    )
    if response.status_code >= 400:
        body = response.json()
        assert set(body) >= {"detail", "code"}, body


def test_the_matrix_has_no_row_for_a_route_that_is_gone():
    assert set(MATRIX) <= set(_route_keys())
    for key, (_call, expected) in MATRIX.items():
        assert set(expected) == set(PERSONAS), key
