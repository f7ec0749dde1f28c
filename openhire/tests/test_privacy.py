"""A person exports everything held about them, and erases it, files included.

The candidate applies with a PDF (a stored file) carrying a marker, and takes
an interview for the recruiter's job to its end (a transcript file), answering
with another marker. Erasure must leave neither marker nor the person's name or
email in any row, and no file of theirs on disk; the recruiter's figures stay.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from accounts.models import ApiToken, User
from accounts.privacy import ERASED_EMAIL_DOMAIN

pytestmark = pytest.mark.django_db(transaction=True)

RESUME_MARKER = "QUOKKA-RESUME-3317"
ANSWER_MARKER = "NARWHAL-ANSWER-8841"


def stored_files(settings) -> list[str]:
    root = Path(settings.MEDIA_ROOT)
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def apply_with_pdf(client, job) -> dict:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from resumes.tests.documents import RESUME_LINES, make_pdf

    pdf = make_pdf([*RESUME_LINES, f"Private note {RESUME_MARKER}"])
    response = client.post(
        "/review-resume",
        {"job_id": str(job.id), "file": SimpleUploadedFile("cv.pdf", pdf)},
        format="multipart",
    )
    assert response.status_code == 200, response.json()
    return response.json()


def finish_interview(candidate, job, session_id: str) -> None:
    from interviews.tests.factories import ANSWERS, interview_take

    interview_take(
        candidate,
        session_id,
        job_id=str(job.id),
        job_description="",
        answers=tuple(f"{answer} {ANSWER_MARKER}" for answer in ANSWERS),
    )


@pytest.fixture
def history(client_for, candidate, stranger, job):
    apply_with_pdf(client_for(candidate), job)
    finish_interview(candidate, job, "privacy-1")
    client_for(stranger).post(
        "/review-resume",
        {"resume": "Stranger's resume: Python, 3 years.", "job_id": str(job.id)},
        format="json",
    )
    return job


def test_export_holds_the_callers_data_and_no_one_elses(
    client_for, candidate, stranger, history
):
    response = client_for(candidate).get("/users/me/export")
    assert response.status_code == 200
    data = response.json()
    assert data["profile"]["email"] == candidate.email
    assert [t["name"] for t in data["tokens"]] == ["signup"]
    (application,) = data["applications"]
    assert RESUME_MARKER in application["resume_text"]
    (interview,) = data["interviews"]
    assert interview["session_id"] == "privacy-1"
    assert ANSWER_MARKER in json.dumps(interview["conversation_history"])
    assert interview["artifacts"] and interview["artifacts"][0]["type"] == "transcript"
    everything = json.dumps(data)
    assert stranger.email not in everything and "Stranger's resume" not in everything
    assert candidate.token not in everything


def everything_stored() -> str:
    """Return every row of every model as text (for searching for leftovers)."""
    from django.apps import apps
    from django.core import serializers

    rows = []
    for model in apps.get_models():
        rows.append(serializers.serialize("json", model._default_manager.all()))
    return "\n".join(rows)


def test_erasure_leaves_no_personal_text_or_file_and_keeps_the_recruiters_figures(
    client_for, candidate, recruiter, history, settings
):
    recruiter_client = client_for(recruiter)
    stats_before = recruiter_client.get(f"/jobs/stats?recruiter_id={recruiter.id}")
    ranked_before = recruiter_client.get(f"/jobs/{history.id}/applications").json()
    files_before = stored_files(settings)
    assert any(name.startswith("resumes/") for name in files_before)
    assert any(name.startswith("interviews/") for name in files_before)

    response = client_for(candidate).delete("/users/me")
    assert response.status_code == 200

    stored = everything_stored()
    for personal in (RESUME_MARKER, ANSWER_MARKER, candidate.email, candidate.name):
        assert personal not in stored, personal
    assert not User.objects.filter(pk=candidate.pk).exists()
    assert not ApiToken.objects.filter(user_id=candidate.pk).exists()
    assert stored_files(settings) == []  # the stranger uploaded text, no file

    # The recruiter's figures: the same counts and scores, with no identity.
    stats_after = recruiter_client.get(f"/jobs/stats?recruiter_id={recruiter.id}")
    assert stats_after.json() == stats_before.json()
    ranked_after = recruiter_client.get(f"/jobs/{history.id}/applications").json()
    assert sorted(a["score"] for a in ranked_after) == sorted(
        a["score"] for a in ranked_before
    )
    erased = [a for a in ranked_after if a["candidate"]["email"] != "sam@example.test"]
    assert erased[0]["candidate"]["email"].endswith(ERASED_EMAIL_DOMAIN)
    assert erased[0]["candidate"]["name"] == ""
    from interviews.models import InterviewSession

    session = InterviewSession.objects.get(session_id="privacy-1")
    assert session.analysis["overall_score"] is not None
    assert session.conversation_history == [] and session.resume_text == ""


def test_an_erased_persons_token_no_longer_works(client_for, candidate):
    client = client_for(candidate)
    assert client.delete("/users/me").status_code == 200
    assert client.get("/users/me/export").status_code == 401


def test_erasure_and_export_work_in_trusted_mode(api, candidate, trusted_mode):
    export = api.get(f"/users/me/export?candidate_id={candidate.id}")
    assert export.status_code == 200
    assert export.json()["profile"]["email"] == candidate.email
    assert api.delete(f"/users/me?candidate_id={candidate.id}").status_code == 200
    assert not User.objects.filter(pk=candidate.pk).exists()


def test_deleting_a_job_deletes_its_resume_files(
    client_for, candidate, recruiter, job, settings
):
    apply_with_pdf(client_for(candidate), job)
    assert any(name.startswith("resumes/") for name in stored_files(settings))
    assert client_for(recruiter).delete(f"/jobs/{job.id}").status_code == 200
    assert not any(name.startswith("resumes/") for name in stored_files(settings))


def test_purge_removes_expired_tokens_orphans_and_data_past_retention(
    client_for, candidate, job, settings
):
    from resumes.models import Application

    apply_with_pdf(client_for(candidate), job)
    (kept,) = stored_files(settings)
    orphan = Path(settings.MEDIA_ROOT) / "resumes" / "lost" / "orphan.pdf"
    orphan.parent.mkdir(parents=True)
    orphan.write_bytes(b"%PDF-1.4 left behind")
    an_hour_ago = (timezone.now() - dt.timedelta(hours=2)).timestamp()
    os.utime(orphan, (an_hour_ago, an_hour_ago))
    fresh = orphan.with_name("uploading.pdf")
    fresh.write_bytes(b"%PDF-1.4 row not committed yet")
    ApiToken.objects.create(
        user=candidate,
        key_hash="0" * 64,
        prefix="expired",
        expires_at=timezone.now() - dt.timedelta(days=1),
    )

    call_command("purge_data", retention_days=0)
    assert not orphan.exists() and fresh.exists()
    assert kept in stored_files(settings)
    assert not ApiToken.objects.filter(prefix="expired").exists()
    assert ApiToken.objects.filter(user=candidate).count() == 1

    Application.objects.update(created_at=timezone.now() - dt.timedelta(days=400))
    call_command("purge_data", retention_days=365)
    assert not Application.objects.exists()
    assert kept not in stored_files(settings)
