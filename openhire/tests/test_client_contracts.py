"""The two original frontends' calls, replayed with their exact shapes (issue 12).

Each test names the client file and function whose request it copies: method,
path, query string, body, and headers (`Content-Type: application/json` even on
GET and DELETE, and a cross-origin `Origin`). The clients send no token, so they
run in trusted mode behind a gateway (`OPENHIRE_TRUST_CLIENT_IDS=1`) with their
own ids; every test also runs in token mode, where the same request carries a
token and our ids. `test_token_mode_*` shows that without a token nothing but
the public reads works when trusted mode is off.

- ai_interview = github.com/DJ-no1/ai_interview (`src/lib/backend-api.ts`,
  `BackendAPI`; `src/app/candidates/...` pages). Its users' ids are
  `Math.random().toString(36).substr(2, 9)`.
- FT = github.com/DJ-no1/openhire-frontend-testing (`src/lib/job-service.ts`,
  `JobService`; `src/lib/api.ts`; `src/components/chat_box.tsx`). Its users'
  ids are its auth provider's UUIDs; its docs use `candidate_123`.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from urllib.parse import urlencode

import pytest
from asgiref.sync import async_to_sync
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from accounts.models import User
from jobs.models import Job

pytestmark = pytest.mark.django_db

ORIGIN = "http://localhost:3000"
JSON = "application/json"
AI_RECRUITER, AI_CANDIDATE = "k3j9x2m1q", "p0o9i8u7y"
FT_RECRUITER, FT_CANDIDATE = "6f1d2c3b-9a8e-4f7d-b6c5-a4b3c2d1e0f9", "candidate_123"
RESUME = (
    "Backend engineer, 6 years of Python.\n"
    "Built FastAPI and Django REST services on PostgreSQL; wrote SQL reports.\n"
)


@dataclass
class Caller:
    """Who calls, as the client names them, and the header that goes with it."""

    mode: str
    recruiter_id: str
    candidate_id: str
    recruiter_auth: dict = field(default_factory=dict)
    candidate_auth: dict = field(default_factory=dict)


def send(
    method: str,
    path: str,
    body: dict | None = None,
    *,
    auth: dict | None = None,
    json_header: bool = True,
):
    """Make one request as the browser does: Origin, and the client's headers."""
    headers = {"Origin": ORIGIN, **(auth or {})}
    extra = {"CONTENT_TYPE": JSON} if json_header else {}
    data = json.dumps(body) if body is not None else ""
    response = Client().generic(
        method, path, data=data, content_type=JSON, headers=headers, **extra
    )
    assert response["Access-Control-Allow-Origin"] == ORIGIN
    return response


def _callers(request, recruiter, candidate, settings, ids: tuple[str, str]) -> Caller:
    settings.OPENHIRE_TRUST_CLIENT_IDS = request.param == "trusted"
    if request.param == "trusted":
        return Caller("trusted", *ids)
    return Caller(
        "token",
        str(recruiter.id),
        str(candidate.id),
        {"Authorization": f"Token {recruiter.token}"},
        {"Authorization": f"Token {candidate.token}"},
    )


@pytest.fixture(params=["trusted", "token"])
def ai(request, recruiter, candidate, settings) -> Caller:
    """ai_interview's users: 9-character random ids (trusted) or ours (token)."""
    return _callers(
        request, recruiter, candidate, settings, (AI_RECRUITER, AI_CANDIDATE)
    )


@pytest.fixture(params=["trusted", "token"])
def ft(request, recruiter, candidate, settings) -> Caller:
    """The FT app's users: its auth provider's UUIDs (trusted) or ours (token)."""
    return _callers(
        request, recruiter, candidate, settings, (FT_RECRUITER, FT_CANDIDATE)
    )


def _end_date(days: int = 30) -> str:
    return (dt.date.today() + dt.timedelta(days=days)).isoformat()


# --- ai_interview: src/lib/backend-api.ts ----------------------------------------


def ai_job_request(caller: Caller) -> dict:
    """`JobRequest`, as `BackendAPI.createJob` posts it."""
    return {
        "recruiter_id": caller.recruiter_id,
        "title": "Backend Developer",
        "description": "We need a backend developer who knows FastAPI and SQL.",
        "salary": "$90,000 - $120,000",
        "skills": "Python, FastAPI, SQL",
        "job_type": "full-time",
        "end_date": _end_date(),
    }


def ai_create_job(caller: Caller) -> dict:
    response = send("POST", "/jobs", ai_job_request(caller), auth=caller.recruiter_auth)
    assert response.status_code == 201, response.content
    return response.json()


def test_backend_api_ts_create_job_echoes_recruiter_id_and_the_skills_string(ai):
    job = ai_create_job(ai)
    assert job["recruiter_id"] == ai.recruiter_id
    assert job["skills"] == "Python, FastAPI, SQL"
    assert job["skills_list"] == ["Python", "FastAPI", "SQL"]
    assert job["description"] == ai_job_request(ai)["description"]
    assert job["job_link"].startswith("/j/")


def test_backend_api_ts_get_jobs_with_the_recruiters_own_id_finds_their_jobs(ai):
    mine = ai_create_job(ai)
    Job.objects.create(
        recruiter=User.objects.create_user(email="x@example.test", role="recruiter"),
        title="Someone else's",
        description="x",
        job_type="contract",
        end_date=dt.datetime(2999, 1, 1, tzinfo=dt.UTC),
        short_code="other001",
    )
    # getJobs(filters): new URLSearchParams, set only the truthy filters.
    query = urlencode({"recruiter_id": ai.recruiter_id, "sort_by": "created_at"})
    response = send("GET", f"/jobs?{query}")
    assert response.status_code == 200
    assert [job["id"] for job in response.json()] == [mine["id"]]
    assert response.json()[0]["recruiter_id"] == ai.recruiter_id


def test_candidates_jobs_page_get_jobs_reads_skills_as_a_string(ai):
    """candidates/jobs/page.tsx: `job.skills.split(',')`, `job.skills.toLowerCase()`."""
    ai_create_job(ai)
    response = send("GET", "/jobs")
    assert response.status_code == 200
    skills = response.json()[0]["skills"]
    assert isinstance(skills, str)
    assert [s.strip() for s in skills.split(",")] == ["Python", "FastAPI", "SQL"]


def test_backend_api_ts_update_job_puts_a_partial_job_request(ai):
    job = ai_create_job(ai)
    body = {"recruiter_id": ai.recruiter_id, "title": "Senior Backend Developer"}
    body["skills"] = "Python,  Go , SQL"
    response = send("PUT", f"/jobs/{job['id']}", body, auth=ai.recruiter_auth)
    assert response.status_code == 200, response.content
    assert response.json()["title"] == "Senior Backend Developer"
    assert response.json()["skills"] == "Python,  Go , SQL"
    assert response.json()["skills_list"] == ["Python", "Go", "SQL"]
    assert response.json()["recruiter_id"] == ai.recruiter_id


def test_backend_api_ts_delete_job_sends_recruiter_id_in_the_query(ai):
    job = ai_create_job(ai)
    path = f"/jobs/{job['id']}?recruiter_id={ai.recruiter_id}"
    response = send("DELETE", path, auth=ai.recruiter_auth)
    assert response.status_code == 200 and response.json() == {"success": True}
    assert not Job.objects.filter(pk=job["id"]).exists()


def test_backend_api_ts_get_job_by_id_opens_j_with_a_short_code_or_the_full_id(ai):
    job = ai_create_job(ai)
    code = job["job_link"].removeprefix("/j/")
    for key in (code, job["id"]):  # getJobById(jobId) -> getJobByShortCode(jobId)
        response = send("GET", f"/j/{key}")
        assert response.status_code == 200 and response.json()["id"] == job["id"]
        assert response.json()["skills"] == "Python, FastAPI, SQL"


def test_backend_api_ts_review_resume_scores_0_to_10_with_score_percent(ai):
    job = ai_create_job(ai)
    body = {"resume": RESUME, "job_id": job["id"]}  # ResumeReviewRequest
    response = send("POST", "/review-resume", body, auth=ai.candidate_auth)
    assert response.status_code == 200, response.content
    review = response.json()
    assert 0 <= review["score"] <= 10 and review["score"] > 0
    assert review["score_percent"] == review["score"] * 10
    assert {"resumeReview", "pros", "cons"} <= set(review)


def test_apply_page_review_resume_with_file_posts_form_data(ai):
    """candidates/apply/[jobId]/page.tsx: FormData `file` + `job_id`, no token."""
    job = ai_create_job(ai)
    resume = SimpleUploadedFile("resume.txt", RESUME.encode(), "text/plain")
    response = Client().post(
        "/review-resume",
        {"file": resume, "job_id": job["id"]},
        headers={"Origin": ORIGIN},
    )
    assert response.status_code == 200, response.content
    assert 0 <= response.json()["score"] <= 10


def test_backend_api_ts_create_user_chat_and_health_check(ai):
    body = {"email": "new@example.test", "role": "candidate", "name": "New"}
    assert send("POST", "/users", body).status_code == 201
    chat = {"user_input": "How do I apply?", "messages": []}
    response = send("POST", "/chat", chat)
    assert response.status_code == 200 and response.json()["response"]
    assert send("GET", "/").status_code == 200  # healthCheck()
    health = send("GET", "/ai-interview/health")  # getInterviewHealth()
    assert health.status_code == 200 and health.json()["status"]


# --- ai_interview and FT: the interview's REST calls ---------------------------


async def _interview_over_the_socket(session_id: str, caller: Caller) -> None:
    """Take a short interview as the candidate pages do, ending it early."""
    from interviews.tests.factories import JOB_TEXT, expect, socket

    query = urlencode({"session_id": session_id, "candidate_id": caller.candidate_id})
    if caller.mode == "token":
        query += "&token=" + caller.candidate_auth["Authorization"].split()[1]
    ws = socket(query, origin=ORIGIN.encode())
    connected, _ = await ws.connect(timeout=5)
    assert connected
    await expect(ws, "connection_success", "welcome")
    await ws.send_json_to(
        {
            "type": "initialize_interview",
            "data": {
                "job_description": JOB_TEXT,
                "candidate_resume": RESUME,
                "candidate_id": caller.candidate_id,
                "session_id": session_id,
            },
        }
    )
    await expect(ws, "interview_initialized", "question")
    await ws.send_json_to({"type": "end_interview"})
    await expect(ws, "analysis_started", "interview_completed")
    await ws.disconnect()


@pytest.mark.django_db(transaction=True)
def test_backend_api_ts_interview_status_results_and_cleanup_echo_candidate_id(ai):
    """getAIInterviewWebSocketUrl(sessionId, user.id), then the three REST calls."""
    session_id = "1732812345678"
    async_to_sync(_interview_over_the_socket)(session_id, ai)
    auth = ai.candidate_auth
    status = send("GET", f"/ai-interview/status/{session_id}", auth=auth)
    assert status.status_code == 200, status.content
    assert status.json()["candidate_id"] == ai.candidate_id
    assert status.json()["status"] == "completed"
    results = send("GET", f"/ai-interview/results/{session_id}", auth=auth)
    assert results.status_code == 200, results.content
    assert results.json()["candidate_id"] == ai.candidate_id
    assert 0 <= results.json()["analysis"]["overall_score"] <= 10
    cleanup = send("DELETE", f"/ai-interview/session/{session_id}", auth=auth)
    if ai.mode == "token":
        # A finished interview is a record: its candidate cannot delete it (issue 14).
        assert cleanup.status_code == 403, cleanup.content
        assert cleanup.json()["code"] == "interview_is_a_record"
    else:
        # Trusted mode: the gateway decides who reaches the cleanup call.
        assert cleanup.status_code == 200, cleanup.content


# --- FT: src/lib/job-service.ts --------------------------------------------------


def ft_job_data(caller: Caller, **changes) -> dict:
    """`formatJobData(formData, skills, userId)`: `CreateJobData`."""
    return {
        "recruiter_id": caller.recruiter_id,
        "title": "Frontend Engineer",
        "company_name": "Acme",
        "location": "Remote",
        "description": {
            "requirements": ["3+ years of React", "TypeScript"],
            "responsibilities": ["Build the candidate dashboard"],
            "benefits": ["Remote work"],
            "experience": "Mid Level (2-5 years)",
            "industry": "Technology",
            "resume_threshold": "Medium",
        },
        "salary": "",
        "skills": ", ".join(["React", "TypeScript", "Node.js"]),
        "job_type": "Full-time",
        "end_date": _end_date(),
        "interview_duration": 45,
        "status": "active",
        **changes,
    }


def ft_create_job(caller: Caller, **changes) -> dict:
    """`JobService.createJob(jobData)`."""
    body = ft_job_data(caller, **changes)
    response = send("POST", "/jobs", body, auth=caller.recruiter_auth)
    assert response.status_code == 201, response.content
    return response.json()


def test_job_service_ts_create_job_keeps_the_description_object_and_skills(ft):
    job = ft_create_job(ft)
    assert job["recruiter_id"] == ft.recruiter_id
    assert job["description"] == ft_job_data(ft)["description"]
    assert "3+ years of React" in job["description_text"]
    assert job["skills"] == "React, TypeScript, Node.js"
    assert job["skills"].split(", ") == ["React", "TypeScript", "Node.js"]
    assert job["skills_list"] == ["React", "TypeScript", "Node.js"]
    assert job["interview_duration"] == 45 and job["status"] == "active"


def test_job_service_ts_get_recruiter_jobs_finds_their_jobs(ft):
    job = ft_create_job(ft)
    response = send("GET", f"/jobs?recruiter_id={ft.recruiter_id}")
    assert response.status_code == 200
    assert [j["id"] for j in response.json()] == [job["id"]]


def test_job_service_ts_get_job_by_link_finds_the_28th_job_in_get_jobs(ft):
    """getJobByLink(jobLink) fetches GET /jobs (no headers) and scans job_link."""
    oldest = ft_create_job(ft, title="The first job")
    for index in range(27):
        ft_create_job(ft, title=f"Job {index}")
    response = Client().get("/jobs", headers={"Origin": ORIGIN})
    assert response.status_code == 200
    jobs = response.json()
    assert len(jobs) == 28 and response["X-Total-Count"] == "28"
    assert "Link" not in response
    link = oldest["job_link"].removeprefix("/j/")
    assert [j["id"] for j in jobs if j["job_link"].removeprefix("/j/") == link] == [
        oldest["id"]
    ]


def test_job_service_ts_get_all_jobs_and_get_job_by_id(ft):
    job = ft_create_job(ft)
    listing = send("GET", "/jobs")
    assert listing.status_code == 200 and listing.json()[0]["id"] == job["id"]
    one = send("GET", f"/jobs/{job['id']}")
    assert one.status_code == 200 and one.json()["recruiter_id"] == ft.recruiter_id
    assert isinstance(one.json()["skills"], str)


def test_job_service_ts_update_job_puts_the_edit_pages_body(ft):
    """recruiters/jobs/[id]/page.tsx builds the body; updateJob drops `id`."""
    job = ft_create_job(ft)
    body = ft_job_data(
        ft,
        title="Senior Frontend Engineer",
        salary="$120k",
        skills="React, Next.js",
        end_date=(dt.datetime.now(dt.UTC) + dt.timedelta(days=60)).isoformat(),
        interview_duration=30,
    )
    response = send("PUT", f"/jobs/{job['id']}", body, auth=ft.recruiter_auth)
    assert response.status_code == 200, response.content
    updated = response.json()
    assert updated["title"] == "Senior Frontend Engineer"
    assert updated["skills"] == "React, Next.js"
    assert updated["recruiter_id"] == ft.recruiter_id


def test_job_service_ts_toggle_job_status_patches_status_without_an_id(ft):
    job = ft_create_job(ft)
    path = f"/jobs/{job['id']}/status"
    response = send("PATCH", path, {"status": "inactive"}, auth=ft.recruiter_auth)
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "inactive"
    assert response.json()["id"] == job["id"]
    assert Job.objects.get(pk=job["id"]).status == "inactive"
    again = send("PATCH", path, {"status": "active"}, auth=ft.recruiter_auth)
    assert again.json()["status"] == "active"
    bad = send("PATCH", path, {"status": "expired"}, auth=ft.recruiter_auth)
    assert bad.status_code == 400 and "status" in bad.json()["errors"]


def test_job_service_ts_get_job_stats_counts_the_recruiters_jobs(ft):
    first = ft_create_job(ft)
    ft_create_job(ft, status="inactive")
    review = {"resume": RESUME, "job_id": first["id"], "candidate_id": ft.candidate_id}
    reviewed = send("POST", "/review-resume", review, auth=ft.candidate_auth)
    assert reviewed.status_code == 200, reviewed.content
    response = send(
        "GET", f"/jobs/stats?recruiter_id={ft.recruiter_id}", auth=ft.recruiter_auth
    )
    assert response.status_code == 200, response.content
    assert response.json() == {
        "total_jobs": 2,
        "active_jobs": 1,
        "total_applications": 1,
        "avg_applications_per_job": 0.5,
    }


def test_job_service_ts_delete_job_sends_no_recruiter_id(ft):
    """In trusted mode a call naming nobody is the gateway's decision."""
    job = ft_create_job(ft)
    response = send("DELETE", f"/jobs/{job['id']}", auth=ft.recruiter_auth)
    assert response.status_code == 200 and response.json() == {"success": True}
    assert not Job.objects.filter(pk=job["id"]).exists()


def test_job_service_ts_is_api_available_gets_health_without_headers(ft):
    assert Client().get("/health").status_code == 200


def test_api_ts_create_resume_form_data_reviews_a_file_with_score_percent(ft):
    """src/lib/api.ts createResumeFormData(jobId, file): `job_id`, then `file`."""
    job = ft_create_job(ft)
    resume = SimpleUploadedFile("resume.txt", RESUME.encode(), "text/plain")
    response = Client().post(
        "/review-resume",
        {"job_id": job["id"], "file": resume},
        headers={"Origin": ORIGIN},
    )
    assert response.status_code == 200, response.content
    assert response.json()["score_percent"] == response.json()["score"] * 10


def test_chat_box_tsx_posts_the_conversation_to_chat(ft):
    system = {
        "type": "system",
        "content": "You are a helpful AI assistant. Answer the user's questions "
        "clearly and concisely.",
    }
    body = {
        "user_input": "What does OpenHire do?",
        "messages": [system, {"type": "human", "content": "What does OpenHire do?"}],
    }
    response = send("POST", "/chat", body)
    assert response.status_code == 200 and response.json()["response"]


async def _ws_chat_page_send_message() -> dict:
    from channels.testing import WebsocketCommunicator

    from openhire.asgi import application

    ws = WebsocketCommunicator(
        application, "/test/ws/test-chat", headers=[(b"origin", ORIGIN.encode())]
    )
    connected, _ = await ws.connect(timeout=5)
    assert connected
    assert (await ws.receive_json_from(timeout=5))["event"] == "connected"
    history = [
        {"type": "system", "content": "You are a helpful AI assistant."},
        {"type": "human", "content": "How do I post a job?"},
    ]
    await ws.send_to(
        text_data=json.dumps(
            {"user_input": "How do I post a job?", "messages": history}
        )
    )
    reply = await ws.receive_json_from(timeout=5)
    await ws.disconnect()
    return reply


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("trusted", [True, False], ids=["trusted", "token"])
def test_ws_chat_page_send_message_gets_a_message_event(settings, trusted):
    """src/app/test/ws-chat/page.tsx: `{user_input, messages}` on /test/ws/test-chat."""
    settings.OPENHIRE_TRUST_CLIENT_IDS = trusted
    settings.OPENHIRE_ENABLE_TEST_ENDPOINTS = True
    reply = async_to_sync(_ws_chat_page_send_message)()
    assert reply["event"] == "message" and reply["response"]
    assert reply["messages"][-1]["type"] == "ai"


# --- token mode stays as it is -----------------------------------------------------


def test_token_mode_refuses_the_clients_tokenless_writes_and_serves_reads(job):
    """Without trusted mode these clients (no token) can only read (README)."""
    body = ai_job_request(Caller("trusted", AI_RECRUITER, AI_CANDIDATE))
    assert send("POST", "/jobs", body).status_code == 400  # not one of our ids
    for recruiter_id in (FT_RECRUITER, str(job.recruiter_id)):
        body = ft_job_data(Caller("trusted", recruiter_id, FT_CANDIDATE))
        assert send("POST", "/jobs", body).status_code == 401
    status = send("PATCH", f"/jobs/{job.id}/status", {"status": "inactive"})
    assert status.status_code == 401
    assert send("DELETE", f"/jobs/{job.id}").status_code == 401
    assert send("GET", "/jobs/stats").status_code == 401
    assert send("GET", "/jobs").status_code == 200
    assert User.objects.filter(external_id__isnull=False).count() == 0
    assert Job.objects.get(pk=job.id).status == "active"


# --- the OpenAPI schema says all of the above --------------------------------------


def test_the_openapi_schema_describes_the_clients_fields_and_routes():
    schema = Client().get("/openapi.json").json()
    paths, components = schema["paths"], schema["components"]["schemas"]
    stats = paths["/jobs/stats"]["get"]
    assert {p["name"] for p in stats["parameters"]} == {"recruiter_id"}
    stats_body = stats["responses"]["200"]["content"][JSON]["schema"]["$ref"]
    assert set(components[stats_body.rsplit("/", 1)[1]]["properties"]) == {
        "total_jobs",
        "active_jobs",
        "total_applications",
        "avg_applications_per_job",
    }
    status = paths["/jobs/{job_id}/status"]["patch"]
    status_body = status["requestBody"]["content"][JSON]["schema"]["$ref"]
    assert components[status_body.rsplit("/", 1)[1]]["properties"]["status"]
    job = components["Job"]["properties"]
    assert job["skills"]["type"] == "string"
    assert job["skills_list"]["type"] == "array"
    assert (
        job["recruiter_id"]["type"] == "string" and "format" not in job["recruiter_id"]
    )
    skills_in = components["JobInputRequest"]["properties"]["skills"]["oneOf"]
    assert [s["type"] for s in skills_in] == ["string", "array"]
    listing = {p["name"]: p for p in paths["/jobs"]["get"]["parameters"]}
    assert listing["limit"]["schema"]["maximum"] == 1000
    assert listing["recruiter_id"]["schema"] == {"type": "string"}
    review = components["ReviewResponse"]["properties"]
    assert review["score"]["maximum"] == 10
    assert review["score_percent"]["maximum"] == 100
    assert "candidate_id" in components["InterviewStatus"]["properties"]
    assert "candidate_id" in components["InterviewResults"]["properties"]
