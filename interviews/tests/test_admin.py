"""The interviews admin: read-only reports of the interviews for a recruiter's jobs."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from interviews.models import InterviewArtifact, InterviewSession
from interviews.tests.factories import interview_session_make
from resumes.tests.factories import candidate_make

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/interviews/interviewsession/"
ENGINE = {"engine": "offline", "prompt_version": "interview-v1", "model_calls": 0}


@pytest.fixture
def other_job(other_recruiter, job_data):
    from jobs.serializers import JobInputSerializer
    from jobs.services import job_create

    serializer = JobInputSerializer(data={**job_data, "title": "Globex Role"})
    serializer.is_valid(raise_exception=True)
    return job_create(recruiter=other_recruiter, fields=serializer.validated_data)


def finished_interview(job, candidate, session_id: str) -> InterviewSession:
    return interview_session_make(
        candidate=candidate,
        job=job,
        turns=[("Tell me about yourself.", "I build <b>APIs</b> in Django.")],
        session_id=session_id,
        interview_phase="completed",
        technical_score=7.5,
        communication_score=6.0,
        strengths_identified=["Quantified the results of their work."],
        areas_to_improve=["Discuss trade-offs."],
        red_flags=["Contradicted the resume on dates."],
        overall_recommendation="hire",
        final_feedback="A solid backend engineer.",
        analysis={
            "overall_score": 7.1,
            "technical_score": 7.5,
            "communication_score": 6.0,
            "problem_solving_score": 7.0,
            "cultural_fit_score": 6.5,
            "recommendation": "hire",
        },
        ai_meta={
            "questions": [{"question_type": "greeting", **ENGINE}],
            "analysis": {**ENGINE, "prompt_version": "analysis-v1"},
        },
    )


def test_a_recruiter_sees_only_interviews_for_their_own_jobs(
    job, other_job, recruiter, other_recruiter, desk_client
):
    finished_interview(job, candidate_make("mine@ex.test", "Mine Mia"), "s-mine")
    theirs = finished_interview(
        other_job, candidate_make("theirs@ex.test", "Theirs Theo"), "s-theirs"
    )
    page = desk_client(recruiter).get(CHANGELIST).content.decode()
    assert "Mine Mia" in page and "Theirs Theo" not in page
    client = desk_client(recruiter)
    assert client.get(f"{CHANGELIST}{theirs.pk}/change/").status_code == 302

    second = desk_client(other_recruiter).get(CHANGELIST).content.decode()
    assert "Theirs Theo" in second and "Mine Mia" not in second


def test_the_report_shows_scores_transcript_flags_and_engine(
    job, recruiter, desk_client
):
    session = finished_interview(job, candidate_make("ana@ex.test", "Ana"), "s-1")
    page = desk_client(recruiter).get(f"{CHANGELIST}{session.pk}/change/")
    text = page.content.decode()
    assert page.status_code == 200
    for expected in (
        "<tr><th>overall</th><td>7.1</td></tr>",
        "<tr><th>cultural fit</th><td>6.5</td></tr>",
        "<li>Quantified the results of their work.</li>",
        "<li>Discuss trade-offs.</li>",
        "<li>Contradicted the resume on dates.</li>",
        "Interviewer · question 1 (greeting)",
        "Tell me about yourself.",
        "I build &lt;b&gt;APIs&lt;/b&gt; in Django.",  # answers are text, not HTML
        "analysis-v1",
        "A solid backend engineer.",
    ):
        assert expected in text, expected


def test_interview_reports_are_read_only_for_recruiters(job, recruiter, desk_client):
    session = finished_interview(job, candidate_make("ana@ex.test", "Ana"), "s-1")
    client = desk_client(recruiter)
    page = client.get(f"{CHANGELIST}{session.pk}/change/").content.decode()
    assert 'name="_save"' not in page
    response = client.post(
        f"{CHANGELIST}{session.pk}/change/", {"overall_recommendation": "no_hire"}
    )
    assert response.status_code == 403
    assert client.get(f"{CHANGELIST}add/").status_code == 403
    assert (
        client.post(f"{CHANGELIST}{session.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    session.refresh_from_db()
    assert session.overall_recommendation == "hire"


def test_the_transcript_file_downloads_only_for_the_jobs_recruiter(
    job, recruiter, other_recruiter, desk_client
):
    session = finished_interview(job, candidate_make("ana@ex.test", "Ana"), "s-1")
    artifact = InterviewArtifact(session=session, artifact_type="transcript")
    artifact.file.save("transcript.json", ContentFile(b'{"messages": []}'), save=True)
    url = f"{CHANGELIST}{session.pk}/artifacts/{artifact.pk}/"
    page = desk_client(recruiter).get(f"{CHANGELIST}{session.pk}/change/")
    assert url in page.content.decode()

    response = desk_client(recruiter).get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content) == b'{"messages": []}'
    assert desk_client(other_recruiter).get(url).status_code == 404


def test_the_interview_list_runs_the_same_queries_for_one_row_as_for_ten(
    job, recruiter, desk_client
):
    client = desk_client(recruiter)

    def count_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(CHANGELIST).status_code == 200
        return len(queries)

    finished_interview(job, candidate_make("c0@ex.test"), "s-0")
    one = count_queries()
    for number in range(1, 10):
        finished_interview(job, candidate_make(f"c{number}@ex.test"), f"s-{number}")
    assert count_queries() == one
