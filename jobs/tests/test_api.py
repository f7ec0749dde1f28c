import datetime as dt
import uuid

import pytest

from accounts.permissions import NOT_OWNER, ROLE_REQUIRED
from jobs.models import Job
from jobs.serializers import DESCRIPTION_TOO_LONG, END_DATE_FORMAT
from jobs.services import BAD_JOB_LIMIT, BAD_SORT_BY, SHORT_CODE_ALPHABET

pytestmark = pytest.mark.django_db


def post_job(client, data, **extra):
    return client.post("/jobs", {**data, **extra}, format="json")


def test_a_recruiter_creates_a_job_with_a_short_link(client_for, recruiter, job_data):
    response = post_job(client_for(recruiter), job_data)
    assert response.status_code == 201
    body = response.json()
    for field in [
        "id",
        "recruiter_id",
        "title",
        "description",
        "salary",
        "skills",
        "job_type",
        "created_at",
        "end_date",
        "job_link",
        "company_name",
        "location",
        "status",
        "interview_duration",
    ]:
        assert field in body
    assert body["recruiter_id"] == str(recruiter.id)
    assert body["salary"] == "$100k-$120k" and body["salary_min"] == 100_000
    assert body["status"] == "active" and body["interview_duration"] == 30
    code = body["job_link"].removeprefix("/j/")
    assert len(code) == 8 and set(code) <= set(SHORT_CODE_ALPHABET)


def test_a_candidate_or_anonymous_caller_cannot_create_jobs(
    client_for, candidate, api, job_data
):
    response = post_job(client_for(candidate), job_data)
    assert response.status_code == 403
    assert response.json()["detail"] == ROLE_REQUIRED.format(role="recruiter")
    assert post_job(api, job_data).status_code == 401
    assert Job.objects.count() == 0


def test_recruiter_id_must_be_the_callers_own(
    client_for, recruiter, other_recruiter, job_data
):
    response = post_job(
        client_for(recruiter), job_data, recruiter_id=str(other_recruiter.id)
    )
    assert (
        response.status_code == 403 and response.json()["code"] == "identity_mismatch"
    )
    assert (
        post_job(
            client_for(recruiter), job_data, recruiter_id=str(recruiter.id)
        ).status_code
        == 201
    )


def test_trusted_mode_takes_the_recruiter_from_recruiter_id(
    api, recruiter, candidate, job_data, trusted_mode
):
    response = post_job(api, job_data, recruiter_id=str(recruiter.id))
    assert response.status_code == 201 and response.json()["recruiter_id"] == str(
        recruiter.id
    )
    assert post_job(api, job_data, recruiter_id=str(candidate.id)).status_code == 403
    # An id never seen is the gateway's user: provisioned, not refused (issue 12).
    gateway_id = str(uuid.uuid4())
    response = post_job(api, job_data, recruiter_id=gateway_id)
    assert response.status_code == 201 and response.json()["recruiter_id"] == gateway_id
    candidate.is_active = False
    candidate.save()
    response = post_job(api, job_data, recruiter_id=str(candidate.id))
    assert response.status_code == 404 and response.json()["code"] == "unknown_user"
    assert post_job(api, job_data).status_code == 401


def test_without_trusted_mode_recruiter_id_alone_is_not_identity(
    api, recruiter, job_data
):
    assert post_job(api, job_data, recruiter_id=str(recruiter.id)).status_code == 401


def test_invalid_job_bodies_are_400s_naming_the_field(client_for, recruiter, job_data):
    client = client_for(recruiter)
    for field, value in [
        ("end_date", "next week"),
        ("skills", 5),
        ("title", ""),
        ("status", "open"),
        ("description", 7),
    ]:
        response = post_job(client, job_data, **{field: value})
        assert response.status_code == 400, field
        assert field in response.json()["errors"]
    missing = {k: v for k, v in job_data.items() if k != "title"}
    assert "title" in post_job(client, missing).json()["errors"]
    assert Job.objects.count() == 0


def test_unknown_fields_are_ignored_and_object_descriptions_are_kept(
    client_for, recruiter, job_data
):
    description = {
        "summary": "Build APIs",
        "responsibilities": ["Design endpoints", "Review code"],
    }
    response = post_job(
        client_for(recruiter),
        job_data,
        description=description,
        favourite_colour="teal",
    )
    assert response.status_code == 201
    body = response.json()
    assert body["description"] == description
    assert "Summary: Build APIs" in body["description_text"]
    assert "- Design endpoints" in body["description_text"]


def test_the_owner_updates_and_deletes_but_others_cannot(
    client_for, job, recruiter, other_recruiter, candidate
):
    url = f"/jobs/{job.id}"
    response = client_for(other_recruiter).patch(
        url, {"title": "Hijacked"}, format="json"
    )
    assert response.status_code == 403
    assert response.json()["detail"] == NOT_OWNER.format(action="change", what="jobs")
    assert client_for(candidate).delete(url).status_code == 403
    response = client_for(recruiter).patch(
        url, {"title": "Senior Backend Engineer", "salary": "€55k"}, format="json"
    )
    assert response.status_code == 200
    assert (
        response.json()["title"] == "Senior Backend Engineer"
        and response.json()["salary_max"] == 55_000
    )
    put = client_for(recruiter).put(url, {"status": "inactive"}, format="json")
    assert put.status_code == 200 and put.json()["status"] == "inactive"
    assert client_for(other_recruiter).delete(url).status_code == 403
    assert client_for(recruiter).delete(url).json() == {"success": True}
    assert not Job.objects.filter(pk=job.id).exists()


def test_unknown_ids_are_404_and_malformed_ids_are_400(api, client_for, recruiter):
    assert api.get(f"/jobs/{uuid.uuid4()}").status_code == 404
    response = api.get("/jobs/123")
    assert response.status_code == 400 and response.json()["code"] == "invalid_id"
    assert client_for(recruiter).delete("/jobs/123").status_code == 400
    assert api.get("/j/nothere1").status_code == 404


def test_a_short_link_or_a_full_id_opens_the_job(api, job):
    assert api.get(job.job_link).json()["id"] == str(job.id)
    assert api.get(f"/j/{job.id}").json()["id"] == str(job.id)


def test_an_active_job_past_its_end_date_reads_as_expired(api, job):
    Job.objects.filter(pk=job.pk).update(
        end_date=dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    )
    assert api.get(f"/jobs/{job.id}").json()["status"] == "expired"


@pytest.fixture
def many_jobs(recruiter, other_recruiter):
    from jobs.services import job_create

    end = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)
    salaries = ["$90k", "competitive", "$150k-$160k", "$45/hour", "€55k", "$120k"]
    jobs = []
    for index, salary in enumerate(salaries):
        owner = recruiter if index % 2 == 0 else other_recruiter
        jobs.append(
            job_create(
                recruiter=owner,
                fields={
                    "title": f"Role {chr(70 - index)} engineer",
                    "description": "x",
                    "salary": salary,
                    "skills": [],
                    "job_type": "contract" if index < 2 else "full-time",
                    "end_date": end,
                },
            )
        )
    return jobs


def test_listing_is_a_bare_array_with_total_and_next_link(api, many_jobs):
    response = api.get("/jobs?limit=4")
    assert response.status_code == 200
    assert isinstance(response.json(), list) and len(response.json()) == 4
    assert response["X-Total-Count"] == "6"
    assert 'rel="next"' in response["Link"] and "offset=4" in response["Link"]
    rest = api.get("/jobs?limit=4&offset=4")
    assert len(rest.json()) == 2 and "Link" not in rest
    ids = [j["id"] for j in response.json()] + [j["id"] for j in rest.json()]
    assert len(set(ids)) == 6


def test_salary_sorts_by_money_with_unparseable_last(api, many_jobs):
    asc = [j["salary"] for j in api.get("/jobs?sort_by=salary&sort_order=asc").json()]
    assert asc == ["€55k", "$90k", "$45/hour", "$120k", "$150k-$160k", "competitive"]
    desc = [j["salary"] for j in api.get("/jobs?sort_by=salary&sort_order=desc").json()]
    assert desc == ["$150k-$160k", "$120k", "$45/hour", "$90k", "€55k", "competitive"]


def test_filters_and_title_sort(api, many_jobs, recruiter):
    mine = api.get(f"/jobs?recruiter_id={recruiter.id}").json()
    assert {j["recruiter_id"] for j in mine} == {str(recruiter.id)} and len(mine) == 3
    assert len(api.get("/jobs?job_type=CONTRACT").json()) == 2
    assert [j["title"] for j in api.get("/jobs?title=role f").json()] == [
        "Role F engineer"
    ]
    titles = [j["title"] for j in api.get("/jobs?sort_by=title&sort_order=asc").json()]
    assert titles == sorted(titles)


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("sort_by=colour", "sort_by"),
        ("sort_order=up", "sort_order"),
        ("limit=0", "limit"),
        ("limit=abc", "limit"),
        ("limit=1001", "limit"),
        ("offset=-1", "offset"),
        ("recruiter_id=nope", "recruiter_id"),
    ],
)
def test_bad_listing_parameters_are_400s_listing_allowed_values(api, query, field):
    response = api.get(f"/jobs?{query}")
    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_the_sort_by_error_lists_the_allowed_values(api):
    assert api.get("/jobs?sort_by=x").json()["detail"] == BAD_SORT_BY
    assert api.get("/jobs?limit=x").json()["detail"] == BAD_JOB_LIMIT


def test_listing_costs_the_same_queries_for_any_number_of_jobs(
    api, recruiter, job_data, client_for, data_queries
):
    client = client_for(recruiter)
    post_job(client, job_data)
    with data_queries() as few:
        api.get("/jobs?sort_by=salary")
    for _ in range(15):
        post_job(client, job_data)
    with data_queries() as many:
        assert len(api.get("/jobs?sort_by=salary").json()) == 16
    assert len(many.statements) == len(few.statements) == 2  # COUNT and one page


def test_browsers_get_json_with_content_type_on_get_and_delete(
    client_for, job, recruiter
):
    client = client_for(recruiter)
    assert client.get("/jobs", content_type="application/json").status_code == 200
    assert (
        client.delete(f"/jobs/{job.id}", content_type="application/json").status_code
        == 200
    )


def test_the_total_count_follows_every_write(api, client_for, recruiter, job_data):
    client = client_for(recruiter)
    assert api.get("/jobs")["X-Total-Count"] == "0"
    created = post_job(client, job_data).json()
    assert api.get("/jobs")["X-Total-Count"] == "1"
    Job.objects.create(
        recruiter=recruiter,
        title="From the shell",
        description="x",
        job_type="x",
        end_date=dt.datetime(2030, 1, 1, tzinfo=dt.UTC),
        short_code="shell001",
    )
    assert api.get("/jobs")["X-Total-Count"] == "2"
    client.delete(f"/jobs/{created['id']}")
    assert api.get("/jobs")["X-Total-Count"] == "1"


def test_the_status_filter_reads_past_end_dates_as_expired(api, job, recruiter):
    assert len(api.get("/jobs?status=active").json()) == 1
    Job.objects.filter(pk=job.pk).update(
        end_date=dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    )
    from openhire.pagination import count_cache_invalidate

    count_cache_invalidate("jobs")  # .update() sends no signal
    assert api.get("/jobs?status=active").json() == []
    assert [j["id"] for j in api.get("/jobs?status=expired").json()] == [str(job.id)]
    assert api.get("/jobs?status=open").status_code == 400


def test_the_hand_written_job_shape_matches_the_declared_fields(job):
    from jobs.serializers import JobSerializer

    data = JobSerializer(job).data
    assert list(data) == JobSerializer.Meta.fields
    assert data["created_at"].endswith("Z") and data["end_date"].endswith("Z")


def test_an_end_date_time_out_of_range_is_a_400_not_a_crash(
    client_for, recruiter, job_data
):
    # Found by the OpenAPI fuzz test: parse_datetime raised ValueError (a 500).
    for value in ("2026-01-01T10:99", "2026-13-01T00:00", "2026-02-30 10:00"):
        response = post_job(client_for(recruiter), job_data, end_date=value)
        assert response.status_code == 400, value
        assert response.json()["errors"]["end_date"] == [END_DATE_FORMAT]


# --- hostile bodies ------------------------------------------------------------------


def test_a_giant_description_object_is_refused_and_nothing_is_stored(
    client_for, recruiter, job_data
):
    job_data["description"] = {"summary": "Django " * 10_000, "team": "Platform"}
    response = client_for(recruiter).post("/jobs", job_data, format="json")
    assert response.status_code == 400
    assert response.json()["errors"] == {"description": [DESCRIPTION_TOO_LONG]}
    assert not Job.objects.exists()


def test_job_writes_are_throttled_but_reads_are_not(
    client_for, recruiter, job_data, settings
):
    settings.OPENHIRE_THROTTLE_WRITES = "2/minute"
    client = client_for(recruiter)
    statuses = [
        client.post("/jobs", job_data, format="json").status_code for _ in "abc"
    ]
    assert statuses == [201, 201, 429]
    refused = client.post("/jobs", job_data, format="json")
    assert refused.json()["code"] == "throttled" and "Retry-After" in refused
    assert Job.objects.count() == 2
    assert client.get("/jobs").status_code == 200


# --- the original clients' shapes (issue 12) -----------------------------------------


def test_skills_are_echoed_exactly_as_sent_with_the_parsed_list_beside(
    client_for, recruiter, job_data
):
    client = client_for(recruiter)
    body = post_job(client, job_data, skills="Python,  FastAPI ,SQL,").json()
    assert body["skills"] == "Python,  FastAPI ,SQL,"
    assert body["skills_list"] == ["Python", "FastAPI", "SQL"]
    body = post_job(client, job_data, skills=["Python", "C, C++", " "]).json()
    assert body["skills"] == "Python, C, C++"
    assert body["skills_list"] == ["Python", "C, C++"]
    stored = Job.objects.get(pk=body["id"])
    assert stored.skills == ["Python", "C, C++"]  # matching reads the list
    assert client.get(f"/jobs/{body['id']}").json()["skills"] == "Python, C, C++"


def test_a_job_stored_before_skills_strings_reads_its_list_joined(api, job):
    Job.objects.filter(pk=job.pk).update(skills_as_sent="")
    body = api.get(f"/jobs/{job.id}").json()
    assert body["skills"] == "Python, Django, PostgreSQL"
    assert body["skills_list"] == ["Python", "Django", "PostgreSQL"]


@pytest.mark.parametrize(
    "skills",
    [
        "x," * 5_001,  # over 10 000 characters
        ",".join(f"skill {n}" for n in range(101)),  # 101 entries
        [f"skill {n}" for n in range(101)],
        [["Python"]],
        [{"name": "Python"}],
        None,
        {"Python": True},
    ],
    ids=["huge", "101-in-text", "101-in-list", "nested", "objects", "null", "object"],
)
def test_hostile_skills_are_400s_naming_skills(client_for, recruiter, job_data, skills):
    response = post_job(client_for(recruiter), job_data, skills=skills)
    assert response.status_code == 400 and "skills" in response.json()["errors"]
    assert Job.objects.count() == 0


def test_without_a_limit_the_listing_holds_up_to_a_thousand_jobs(
    api, recruiter, settings
):
    from jobs.services import JOB_PAGE_LIMIT

    end = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)
    Job.objects.bulk_create(
        Job(
            recruiter=recruiter,
            title=f"Job {n}",
            description="x",
            job_type="contract",
            end_date=end,
            short_code=f"bulk{n:04d}",
        )
        for n in range(JOB_PAGE_LIMIT + 1)
    )
    from openhire.pagination import count_cache_invalidate

    count_cache_invalidate("jobs")  # bulk_create sends no signal
    response = api.get("/jobs")
    assert len(response.json()) == JOB_PAGE_LIMIT == 1000
    assert response["X-Total-Count"] == "1001"
    assert "offset=1000" in response["Link"] and "limit=1000" in response["Link"]
    assert len(api.get("/jobs?limit=1000&offset=1000").json()) == 1
    assert len(api.get("/jobs?limit=20").json()) == 20


def test_listing_by_recruiter_costs_the_same_queries_as_listing_all(
    api, recruiter, job_data, client_for, data_queries, trusted_mode
):
    post_job(api, job_data, recruiter_id="k3j9x2m1q")
    post_job(client_for(recruiter), job_data)
    with data_queries() as mine:
        body = api.get("/jobs?recruiter_id=k3j9x2m1q").json()
    assert [job["recruiter_id"] for job in body] == ["k3j9x2m1q"]
    with data_queries() as ours:
        body = api.get(f"/jobs?recruiter_id={recruiter.id}").json()
    assert [job["recruiter_id"] for job in body] == [str(recruiter.id)]
    assert len(mine.statements) == len(ours.statements) == 2  # COUNT and one page


def test_in_trusted_mode_a_malformed_recruiter_filter_is_a_400(api, trusted_mode):
    for junk in ("has space", "x" * 129, "a/b"):
        response = api.get("/jobs", {"recruiter_id": junk})
        assert (
            response.status_code == 400 and "recruiter_id" in response.json()["errors"]
        )
    assert api.get("/jobs?recruiter_id=never-seen").json() == []


def test_only_the_owner_sets_a_jobs_status(
    client_for, job, recruiter, other_recruiter, candidate, api
):
    url = f"/jobs/{job.id}/status"
    for user, status in ((other_recruiter, 403), (candidate, 403), (None, 401)):
        client = client_for(user) if user else api
        response = client.patch(url, {"status": "inactive"}, format="json")
        assert response.status_code == status
    assert Job.objects.get(pk=job.pk).status == "active"
    response = client_for(recruiter).patch(url, {"status": "inactive"}, format="json")
    assert response.status_code == 200 and response.json()["status"] == "inactive"
    for junk in ({}, {"status": "expired"}, {"status": ["active"]}, [1]):
        response = client_for(recruiter).patch(url, junk, format="json")
        assert response.status_code == 400, junk


def test_stats_count_only_the_callers_jobs(
    client_for, recruiter, other_recruiter, candidate, job_data, api
):
    client = client_for(recruiter)
    post_job(client, job_data)
    post_job(client, job_data, end_date="2020-01-01")  # reads as expired
    post_job(client_for(other_recruiter), job_data)
    response = client.get("/jobs/stats")
    assert response.json() == {
        "total_jobs": 2,
        "active_jobs": 1,
        "total_applications": 0,
        "avg_applications_per_job": 0.0,
    }
    response = client.get(f"/jobs/stats?recruiter_id={other_recruiter.id}")
    assert response.status_code == 403
    assert client_for(candidate).get("/jobs/stats").status_code == 403
    assert api.get("/jobs/stats").status_code == 401


def test_a_recruiter_with_no_jobs_has_zero_stats(api, trusted_mode):
    response = api.get("/jobs/stats?recruiter_id=k3j9x2m1q")
    assert response.json() == {
        "total_jobs": 0,
        "active_jobs": 0,
        "total_applications": 0,
        "avg_applications_per_job": 0.0,
    }


def test_in_trusted_mode_a_write_naming_nobody_is_the_gateways_decision(
    api, job, trusted_mode, other_recruiter, job_data
):
    response = api.patch(f"/jobs/{job.id}/status", {"status": "inactive"}, "json")
    assert response.status_code == 200
    assert api.put(f"/jobs/{job.id}", {"title": "Renamed"}, "json").status_code == 200
    # Naming someone else is still refused: the gateway vouched for them.
    named = api.delete(f"/jobs/{job.id}?recruiter_id={other_recruiter.id}")
    assert named.status_code == 403
    assert api.delete(f"/jobs/{job.id}").json() == {"success": True}
    # Creating needs an owner: nobody named is still 401.
    assert post_job(api, job_data).status_code == 401
