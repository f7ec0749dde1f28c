"""The jobs admin: a recruiter's own jobs only, with counts and short links."""

from __future__ import annotations

import pytest

from jobs.models import Job, JobStatus
from jobs.tests.factories import JobFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/jobs/job/"


def make_job(recruiter, title: str, **fields) -> Job:
    return JobFactory(recruiter=recruiter, title=title, **fields)


def test_a_recruiter_lists_only_their_own_jobs(recruiter, other_recruiter, desk_client):
    make_job(recruiter, "Backend Engineer")
    make_job(other_recruiter, "Globex Secret Role")
    page = desk_client(recruiter).get(CHANGELIST).content.decode()
    assert "Backend Engineer" in page
    assert "Globex Secret Role" not in page


def test_a_second_recruiter_sees_none_of_the_first_ones_jobs(
    recruiter, other_recruiter, desk_client
):
    job = make_job(recruiter, "Backend Engineer")
    client = desk_client(other_recruiter)
    assert "Backend Engineer" not in client.get(CHANGELIST).content.decode()
    response = client.get(f"{CHANGELIST}{job.pk}/change/")
    assert response.status_code == 302  # "doesn't exist": back to the index
    assert (
        client.post(f"{CHANGELIST}{job.pk}/delete/", {"post": "yes"}).status_code == 302
    )
    assert Job.objects.filter(pk=job.pk).exists()


def test_the_list_shows_application_counts_and_the_public_short_link(
    recruiter, desk_client, make_application
):
    job = make_job(recruiter, "Backend Engineer")
    for number in range(3):
        make_application(job=job, email=f"c{number}@ex.test")
    page = desk_client(recruiter).get(CHANGELIST).content.decode()
    assert f'?job__id__exact={job.pk}">3</a>' in page
    assert f'href="/j/{job.short_code}"' in page


def test_a_superuser_sees_every_recruiters_jobs(
    recruiter, other_recruiter, django_user_model
):
    from django.test import Client

    make_job(recruiter, "Backend Engineer")
    make_job(other_recruiter, "Globex Secret Role")
    root = django_user_model.objects.create_superuser(
        email="root@openhire.test", password="x" * 12, name="Root"
    )
    client = Client()
    client.force_login(root)
    page = client.get(CHANGELIST).content.decode()
    assert "Backend Engineer" in page and "Globex Secret Role" in page


def test_search_and_filters_narrow_the_list(recruiter, desk_client):
    make_job(recruiter, "Backend Engineer")
    make_job(recruiter, "Data Analyst", job_type="contract", status=JobStatus.INACTIVE)
    client = desk_client(recruiter)
    searched = client.get(CHANGELIST, {"q": "analyst"}).content.decode()
    assert "Data Analyst" in searched and "Backend Engineer" not in searched
    by_status = client.get(CHANGELIST, {"status__exact": "inactive"}).content.decode()
    assert "Data Analyst" in by_status and "Backend Engineer" not in by_status
    by_type = client.get(CHANGELIST, {"job_type": "full-time"}).content.decode()
    assert "Backend Engineer" in by_type and "Data Analyst" not in by_type


def test_the_job_type_filter_offers_only_the_recruiters_own_types(
    recruiter, other_recruiter, desk_client
):
    make_job(recruiter, "Backend Engineer")
    make_job(other_recruiter, "Globex Role", job_type="secret-globex-type")
    page = desk_client(recruiter).get(CHANGELIST).content.decode()
    assert "secret-globex-type" not in page


def test_a_job_created_in_the_admin_belongs_to_the_recruiter_who_created_it(
    recruiter, other_recruiter, desk_client
):
    response = desk_client(recruiter).post(
        f"{CHANGELIST}add/",
        {
            "recruiter": str(other_recruiter.pk),  # ignored: not editable
            "title": "QA Engineer",
            "company_name": "Acme",
            "location": "Remote",
            "description": "Test things with pytest.",
            "skills": '["pytest"]',
            "salary": "$80k-$90k",
            "job_type": "contract",
            "end_date_0": "2031-01-31",
            "end_date_1": "12:00:00",
            "status": "active",
            "interview_duration": "30",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    job = Job.objects.get(title="QA Engineer")
    assert job.recruiter_id == recruiter.pk
    assert len(job.short_code) == 8
    assert (job.salary_min, job.salary_max) == (80_000, 90_000)
    assert (job.skills, job.skills_as_sent) == (["pytest"], "pytest")


def test_a_recruiter_cannot_move_a_job_to_another_recruiter(
    recruiter, other_recruiter, desk_client
):
    job = make_job(recruiter, "Backend Engineer")
    client = desk_client(recruiter)
    form = client.get(f"{CHANGELIST}{job.pk}/change/").content.decode()
    assert 'name="recruiter"' not in form
    client.post(
        f"{CHANGELIST}{job.pk}/change/",
        {
            "recruiter": str(other_recruiter.pk),
            "title": "Backend Engineer II",
            "description": "Build APIs.",
            "skills": '["Python"]',
            "salary": "$120k",
            "job_type": "full-time",
            "end_date_0": "2031-01-31",
            "end_date_1": "12:00:00",
            "status": "active",
            "interview_duration": "45",
        },
    )
    job.refresh_from_db()
    assert job.title == "Backend Engineer II"
    assert job.recruiter_id == recruiter.pk
    assert job.salary_max == 120_000


def test_the_job_list_runs_the_same_queries_for_one_job_as_for_ten(
    recruiter, desk_client, make_application
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = desk_client(recruiter)

    def count_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(CHANGELIST).status_code == 200
        return len(queries)

    job = make_job(recruiter, "Job 0")
    make_application(job=job, email="c0@ex.test")
    one = count_queries()
    for number in range(1, 10):
        job = make_job(recruiter, f"Job {number}")
        make_application(job=job, email=f"c{number}@ex.test")
    assert count_queries() == one
