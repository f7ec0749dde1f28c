"""The applications admin: ranked, explained reviews of the recruiter's own jobs."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resumes.admin import CHOOSE_STATUS, RETAKE_ALLOWED
from resumes.models import Application, ApplicationStatus
from resumes.tests.factories import application_make, candidate_make

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/resumes/application/"


@pytest.fixture
def other_job(other_recruiter, job_data):
    from jobs.serializers import JobInputSerializer
    from jobs.services import job_create

    serializer = JobInputSerializer(data={**job_data, "title": "Globex Role"})
    serializer.is_valid(raise_exception=True)
    return job_create(recruiter=other_recruiter, fields=serializer.validated_data)


def test_applications_are_ranked_by_score_within_the_job(job, recruiter, desk_client):
    for name, score in [
        ("Low Lou", 3),
        ("Top Tia", 9),
        ("Mid Max", 6),
        ("New Ned", None),
    ]:
        application_make(
            job=job,
            candidate=candidate_make(f"{name.split()[0]}@ex.test", name),
            score=score,
        )
    page = desk_client(recruiter).get(CHANGELIST).content.decode()
    positions = [
        page.index(name) for name in ("Top Tia", "Mid Max", "Low Lou", "New Ned")
    ]
    assert positions == sorted(positions)
    top = Application.objects.get(candidate__name="Top Tia")
    listed = desk_client(recruiter).get(CHANGELIST).context["cl"].result_list
    assert [(a.candidate.name, a.rank) for a in listed] == [
        ("Top Tia", 1),
        ("Mid Max", 2),
        ("Low Lou", 3),
        ("New Ned", None),
    ]
    assert top.score == 9


def test_a_recruiter_sees_only_applications_to_their_own_jobs(
    job, other_job, recruiter, other_recruiter, desk_client
):
    application_make(job=job, candidate=candidate_make("mine@ex.test", "Mine Mia"))
    theirs = application_make(
        job=other_job, candidate=candidate_make("theirs@ex.test", "Theirs Theo")
    )
    page = desk_client(recruiter).get(CHANGELIST).content.decode()
    assert "Mine Mia" in page and "Theirs Theo" not in page
    assert "Globex Role" not in page  # not even in the job filter
    client = desk_client(recruiter)
    assert client.get(f"{CHANGELIST}{theirs.pk}/change/").status_code == 302
    assert client.get(f"{CHANGELIST}{theirs.pk}/resume/").status_code == 404

    second = desk_client(other_recruiter).get(CHANGELIST).content.decode()
    assert "Theirs Theo" in second and "Mine Mia" not in second


def test_the_review_reads_on_one_page(job, recruiter, desk_client):
    application = application_make(
        job=job, candidate=candidate_make("ana@ex.test", "Ana Analyst"), score=7
    )
    page = desk_client(recruiter).get(f"{CHANGELIST}{application.pk}/change/")
    text = page.content.decode()
    assert page.status_code == 200
    for expected in (
        "Ana Analyst",
        "A fair match for the role.",
        "<li>Knows Python well.</li>",
        "<li>No PostgreSQL experience.</li>",
        "<strong>Python</strong>",
        "“Python and Django developer”",
        "<strong>PostgreSQL</strong>",
        "Download (TXT)",
    ):
        assert expected in text
    assert 'name="score"' not in text  # AI results are read-only
    assert 'name="status"' in text


def test_a_recruiter_changes_the_status_but_not_the_ai_results(
    job, recruiter, desk_client
):
    application = application_make(
        job=job, candidate=candidate_make("a@ex.test"), score=4
    )
    response = desk_client(recruiter).post(
        f"{CHANGELIST}{application.pk}/change/",
        {"status": "interview_scheduled", "score": "10", "review_summary": "Hacked"},
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.INTERVIEW_SCHEDULED
    assert (application.score, application.review_summary) == (
        4,
        "A fair match for the role.",
    )


def test_recruiters_cannot_add_or_delete_applications(job, recruiter, desk_client):
    application = application_make(job=job, candidate=candidate_make("a@ex.test"))
    client = desk_client(recruiter)
    assert client.get(f"{CHANGELIST}add/").status_code == 403
    assert (
        client.post(
            f"{CHANGELIST}{application.pk}/delete/", {"post": "yes"}
        ).status_code
        == 403
    )
    assert Application.objects.filter(pk=application.pk).exists()


def test_an_action_moves_several_applications_to_a_status_at_once(
    job, other_job, recruiter, desk_client
):
    mine = [
        application_make(job=job, candidate=candidate_make(f"m{n}@ex.test"))
        for n in range(3)
    ]
    theirs = application_make(job=other_job, candidate=candidate_make("t@ex.test"))
    response = desk_client(recruiter).post(
        CHANGELIST,
        {
            "action": "move_to_status",
            "status": "rejected",
            "index": "0",
            "_selected_action": [str(a.pk) for a in mine[:2]] + [str(theirs.pk)],
        },
        follow=True,
    )
    assert "2 application(s) moved to “Rejected”." in response.content.decode()
    statuses = {a.pk: a.status for a in Application.objects.all()}
    assert statuses[mine[0].pk] == statuses[mine[1].pk] == ApplicationStatus.REJECTED
    assert statuses[mine[2].pk] == ApplicationStatus.APPLIED
    assert statuses[theirs.pk] == ApplicationStatus.APPLIED  # not theirs to move


def test_the_action_without_a_status_changes_nothing_and_says_so(
    job, recruiter, desk_client
):
    application = application_make(job=job, candidate=candidate_make("a@ex.test"))
    response = desk_client(recruiter).post(
        CHANGELIST,
        {
            "action": "move_to_status",
            "status": "",
            "index": "0",
            "_selected_action": [str(application.pk)],
        },
        follow=True,
    )
    assert CHOOSE_STATUS in response.content.decode()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPLIED


def test_a_recruiter_allows_a_retake_only_on_their_own_jobs_applications(
    job, recruiter, other_job, desk_client
):
    mine = application_make(job=job, candidate=candidate_make("m@ex.test"))
    theirs = application_make(job=other_job, candidate=candidate_make("t@ex.test"))
    response = desk_client(recruiter).post(
        CHANGELIST,
        {
            "action": "allow_interview_retake",
            "index": "0",
            "_selected_action": [str(mine.pk), str(theirs.pk)],
        },
        follow=True,
    )
    assert RETAKE_ALLOWED.format(count=1) in response.content.decode()
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert (mine.interview_retakes_allowed, theirs.interview_retakes_allowed) == (1, 0)


def test_the_uploaded_resume_downloads_as_an_attachment(job, recruiter, desk_client):
    application = application_make(
        job=job,
        candidate=candidate_make("ana@ex.test", "Ana Analyst"),
        resume_format="pdf",
    )
    application.resume_file.save("resume.pdf", ContentFile(b"%PDF-1.4 fake"), save=True)
    response = desk_client(recruiter).get(f"{CHANGELIST}{application.pk}/resume/")
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="resume-ana-analyst.pdf"'
    )
    assert b"".join(response.streaming_content) == b"%PDF-1.4 fake"


def test_a_pasted_resume_downloads_as_a_text_attachment(job, recruiter, desk_client):
    application = application_make(
        job=job, candidate=candidate_make("ana@ex.test", "Ana Analyst")
    )
    response = desk_client(recruiter).get(f"{CHANGELIST}{application.pk}/resume/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert b"".join(response.streaming_content) == application.resume_text.encode()


def test_the_resume_is_not_served_to_anyone_else(
    job, recruiter, other_recruiter, candidate, desk_client
):
    from django.test import Client

    application = application_make(job=job, candidate=candidate)
    url = f"{CHANGELIST}{application.pk}/resume/"
    assert Client().get(url).status_code == 302  # to the login page
    assert desk_client(candidate).get(url).status_code == 302
    assert desk_client(other_recruiter).get(url).status_code == 404


def test_the_application_list_runs_the_same_queries_for_one_row_as_for_ten(
    job, recruiter, desk_client
):
    client = desk_client(recruiter)

    def count_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(CHANGELIST).status_code == 200
        return len(queries)

    application_make(job=job, candidate=candidate_make("c0@ex.test"))
    one = count_queries()
    for number in range(1, 10):
        application_make(
            job=job, candidate=candidate_make(f"c{number}@ex.test"), score=number
        )
    assert count_queries() == one


def test_the_status_is_editable_in_the_list(job, recruiter, desk_client):
    application = application_make(job=job, candidate=candidate_make("a@ex.test"))
    response = desk_client(recruiter).post(
        CHANGELIST,
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-MIN_NUM_FORMS": "0",
            "form-MAX_NUM_FORMS": "1000",
            "form-0-id": str(application.pk),
            "form-0-status": "hired",
            "_save": "Save",
        },
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.HIRED


def test_a_downloaded_resume_is_never_sniffed_into_a_page(job, recruiter, desk_client):
    application = application_make(
        job=job, candidate=candidate_make("ana@ex.test", "Ana Analyst")
    )
    application.resume_file.save(
        "resume.pdf", ContentFile(b"<html><script>alert(1)</script>"), save=True
    )
    response = desk_client(recruiter).get(f"{CHANGELIST}{application.pk}/resume/")
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "html" not in response["Content-Type"]


def test_only_web_links_from_a_resume_are_shown_or_served(
    job, recruiter, candidate, desk_client, client_for
):
    application = application_make(
        job=job,
        candidate=candidate,
        resume_links=[
            {"url": "javascript:alert(document.cookie)", "text": "Portfolio"},
            {"url": "data:text/html,<script>alert(1)</script>", "text": "CV"},
            {"url": "https://github.com/ana", "text": "GitHub"},
        ],
    )
    page = desk_client(recruiter).get(f"{CHANGELIST}{application.pk}/change/")
    html = page.content.decode()
    assert "javascript:" not in html and "data:text/html" not in html
    assert 'href="https://github.com/ana"' in html
    body = client_for(recruiter).get(f"/applications/{application.pk}")
    assert body.json()["resume"]["links"] == [
        {"url": "https://github.com/ana", "text": "GitHub"}
    ]
