"""The recruiters' desk in a real browser: log in, see only your own applications."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from openhire.tests.browser import skip_without_browser

pytestmark = [pytest.mark.browser, skip_without_browser]

PASSWORD = "browser test passphrase"
RESUME = (
    "{name}\nBackend developer: 5 years of Python and Django, REST APIs, "
    "PostgreSQL and Redis in production."
)


def recruiter_with_job(server, label: str) -> dict:
    suffix = uuid.uuid4().hex[:8]
    recruiter = server.ok(
        "POST",
        "/users",
        {
            "email": f"{label}-{suffix}@recruit.test",
            "role": "recruiter",
            "name": f"{label} Recruiter",
            "password": PASSWORD,
        },
    )
    job = server.ok(
        "POST",
        "/jobs",
        {
            "title": f"{label} Backend Engineer {suffix}",
            "description": "Python, Django and PostgreSQL. 3+ years of experience.",
            "salary": "$100k-$120k",
            "skills": ["Python", "Django", "PostgreSQL"],
            "job_type": "full-time",
            "end_date": (dt.date.today() + dt.timedelta(days=30)).isoformat(),
        },
        token=recruiter["token"],
    )
    return {"recruiter": recruiter, "job": job}


def candidate_applies(server, job: dict, name: str) -> dict:
    candidate = server.ok(
        "POST",
        "/users",
        {
            "email": f"{uuid.uuid4().hex[:8]}@candidate.test",
            "role": "candidate",
            "name": name,
        },
    )
    server.ok(
        "POST",
        "/review-resume",
        {"resume": RESUME.format(name=name), "job_id": job["id"]},
        token=candidate["token"],
    )
    return candidate


def log_in(page, email: str) -> None:
    page.goto("/admin/login/?next=/admin/")
    page.fill("#id_username", email)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")


def test_a_recruiter_logs_in_and_sees_only_their_own_applications(live_daphne, page):
    mine = recruiter_with_job(live_daphne, "Acme")
    theirs = recruiter_with_job(live_daphne, "Globex")
    candidate_applies(live_daphne, mine["job"], "Alice Applicant")
    candidate_applies(live_daphne, theirs["job"], "Bob Elsewhere")

    log_in(page, mine["recruiter"]["email"])
    page.get_by_role("link", name="Applications").first.click()
    page.wait_for_url("**/admin/resumes/application/")
    results = page.locator("#result_list")
    assert "Alice Applicant" in results.inner_text()
    assert "Bob Elsewhere" not in page.content()
    assert theirs["job"]["title"] not in page.content()

    with page.expect_download() as download:
        page.get_by_role("link", name="Download (TXT)").first.click()
    assert download.value.suggested_filename == "resume-alice-applicant.txt"

    page.get_by_role("link", name="Alice Applicant").click()
    review = page.locator("#content").inner_text()
    assert "matched requirements" in review.lower()
    assert "Python" in review


def test_a_second_recruiter_sees_none_of_the_first_ones_applications(live_daphne, page):
    first = recruiter_with_job(live_daphne, "Initech")
    second = recruiter_with_job(live_daphne, "Umbrella")
    candidate_applies(live_daphne, first["job"], "Carol Candidate")

    log_in(page, second["recruiter"]["email"])
    page.goto("/admin/resumes/application/")
    assert "Carol Candidate" not in page.content()
    page.goto("/admin/jobs/job/")
    assert second["job"]["title"] in page.content()
    assert first["job"]["title"] not in page.content()


def test_a_candidate_cannot_log_into_the_admin(live_daphne, page):
    email = f"{uuid.uuid4().hex[:8]}@candidate.test"
    live_daphne.ok(
        "POST",
        "/users",
        {"email": email, "role": "candidate", "name": "Dan", "password": PASSWORD},
    )
    page.goto("/admin/login/?next=/admin/")
    page.fill("#id_username", email)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    assert page.locator(".errornote").is_visible()
    assert "/admin/login/" in page.url
