"""POST /review-resume, GET /jobs/{id}/applications, GET/PATCH /applications/{id}."""

from __future__ import annotations

import base64
import datetime as dt
import uuid
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

import ai as llm
from jobs.models import JobStatus
from resumes import extraction
from resumes.intake import MSG_NO_JOB_ID, MSG_NO_RESUME
from resumes.models import Application, ApplicationStatus
from resumes.serializers import MSG_BAD_STATUS
from resumes.services import MSG_NOT_PARTY, MSG_STATUS_RECRUITER_ONLY
from resumes.tests import documents

pytestmark = pytest.mark.django_db

STRONG = (
    "Backend engineer with 6 years of Python experience.\n"
    "Built Django REST APIs backed by PostgreSQL.\n"
    "Deployed with Docker."
)
WEAK = "Pastry chef with 10 years of experience in French kitchens and catering."


def upload(name: str, content: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def post_review(client, payload, *, multipart: bool = False, **extra):
    if multipart:
        return client.post("/review-resume", payload, format="multipart", **extra)
    return client.post("/review-resume", payload, format="json", **extra)


# --- intake shapes ----------------------------------------------------------------


def test_json_text_resume_is_reviewed_with_the_original_fields(api, job):
    response = post_review(api, {"resume": STRONG, "job_id": str(job.id)})
    assert response.status_code == 200, response.json()
    body = response.json()
    assert isinstance(body["score"], int) and 0 <= body["score"] <= 10
    assert isinstance(body["resumeReview"], str) and body["resumeReview"]
    assert isinstance(body["pros"], str) and isinstance(body["cons"], str)
    assert body["engine"] == "offline"
    assert body["prompt_version"]
    assert body["job_status"] == "open"
    assert body["details"]["resume"]["format"] == "txt"
    matched = {m["requirement"]: m["evidence"] for m in body["details"]["matched"]}
    assert matched["Django"] == "Built Django REST APIs backed by PostgreSQL."


def test_a_strong_resume_scores_above_a_weak_one(api, job):
    strong = post_review(api, {"resume": STRONG, "job_id": str(job.id)}).json()
    weak = post_review(api, {"resume": WEAK, "job_id": str(job.id)}).json()
    assert strong["score"] >= weak["score"] + 5


def test_multipart_file_and_job_id_reviews_a_pdf(api, job):
    pdf = documents.make_pdf(
        documents.RESUME_LINES, link=("GitHub", "https://github.com/someone")
    )
    response = post_review(
        api,
        {"file": upload("cv.pdf", pdf, "application/pdf"), "job_id": str(job.id)},
        multipart=True,
    )
    assert response.status_code == 200, response.json()
    resume = response.json()["details"]["resume"]
    assert resume["format"] == "pdf"
    assert resume["links"] == [{"url": "https://github.com/someone", "text": "GitHub"}]


def test_multipart_resume_file_and_camel_case_job_id_reviews_a_docx(api, job):
    docx = documents.make_docx(table=[["Skills", "Python, Django, PostgreSQL"]])
    response = post_review(
        api, {"resume": upload("cv.docx", docx), "jobId": str(job.id)}, multipart=True
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["details"]["resume"]["format"] == "docx"
    assert "PostgreSQL" in [m["requirement"] for m in body["details"]["matched"]]


def test_form_field_resume_as_text_is_reviewed(api, job):
    response = api.post("/review-resume", {"resume": STRONG, "job_id": str(job.id)})
    assert response.status_code == 200, response.json()
    assert response.json()["details"]["resume"]["format"] == "txt"


def test_urlencoded_form_is_reviewed(api, job):
    from urllib.parse import urlencode

    body = urlencode({"resume": STRONG, "jobId": str(job.id)})
    response = api.post(
        "/review-resume", body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200, response.json()


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_a_data_url_resume_is_reviewed(api, job, kind):
    raw = documents.make_pdf() if kind == "pdf" else documents.make_docx()
    mime = {"pdf": "application/pdf", "docx": "application/octet-stream"}[kind]
    url = f"data:{mime};base64," + base64.b64encode(raw).decode()
    response = post_review(api, {"resume": url, "job_id": str(job.id)})
    assert response.status_code == 200, response.json()
    assert response.json()["details"]["resume"]["format"] == kind


def test_a_text_file_in_utf16_is_reviewed(api, job):
    data = ("\ufeff" + STRONG).encode("utf-16-le")
    response = post_review(
        api, {"file": upload("cv.txt", data), "job_id": str(job.id)}, multipart=True
    )
    assert response.status_code == 200, response.json()


# --- refusals ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("cv.doc", documents.make_legacy_doc(), "unsupported_type"),
        ("photo.png", documents.make_png(), "unsupported_type"),
        ("cv.exe", documents.executable_bytes(), "unsupported_type"),
        (
            "cv.zip",
            documents.make_zip({"a.txt": b"Python developer"}),
            "unsupported_type",
        ),
        ("cv.txt", b"Python\x00\x00developer", "unsupported_type"),
        ("cv.txt", "Développeur Python".encode("latin-1"), "unsupported_type"),
        ("scan.pdf", documents.make_scanned_pdf(), "no_text"),
        ("locked.pdf", documents.make_pdf(user_password="pw"), "encrypted_pdf"),
        ("broken.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 8, "corrupt_pdf"),
        (
            "bomb.docx",
            documents.make_docx_with_extra_parts({"word/bomb.bin": b"\0" * 3_000_000}),
            "zip_bomb",
        ),
    ],
    ids=[
        "doc",
        "png",
        "exe",
        "zip",
        "nul",
        "latin1",
        "scanned",
        "encrypted",
        "corrupt",
        "bomb",
    ],
)
def test_refused_files_get_400_with_a_reason(api, job, name, content, code):
    response = post_review(
        api, {"file": upload(name, content), "job_id": str(job.id)}, multipart=True
    )
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == code
    assert body["detail"]
    if code == "unsupported_type":
        assert extraction.ACCEPTED_TYPES in body["detail"]
    if code == "no_text":
        assert body["detail"] == extraction.MSG_NO_TEXT_PDF


def test_a_refused_file_records_no_application(client_for, candidate, job):
    post_review(
        client_for(candidate),
        {
            "file": upload("scan.pdf", documents.make_scanned_pdf()),
            "job_id": str(job.id),
        },
        multipart=True,
    )
    assert not Application.objects.exists()


def test_a_file_over_the_limit_gets_413(api, job, settings):
    settings.OPENHIRE_MAX_UPLOAD_MB = 1
    big = documents.make_pdf() + b"%" + b"x" * (1024 * 1024)
    response = post_review(
        api, {"file": upload("big.pdf", big), "job_id": str(job.id)}, multipart=True
    )
    assert response.status_code == 413
    assert response.json()["code"] == "too_large"


def test_an_oversized_content_length_gets_413_before_the_body_is_read(
    api, job, settings
):
    settings.OPENHIRE_MAX_UPLOAD_MB = 1
    with mock.patch(
        "resumes.views.review_request", autospec=True
    ) as parse:  # never reached
        response = post_review(
            api,
            {"resume": STRONG, "job_id": str(job.id)},
            CONTENT_LENGTH=str(50 * 1024 * 1024),
        )
    assert response.status_code == 413
    assert response.json()["code"] == "too_large"
    parse.assert_not_called()


def test_a_data_url_over_the_limit_gets_413(api, job, settings):
    settings.OPENHIRE_MAX_UPLOAD_MB = 1
    url = (
        "data:application/pdf;base64,"
        + base64.b64encode(b"%PDF" + b"0" * 1_100_000).decode()
    )
    response = post_review(api, {"resume": url, "job_id": str(job.id)})
    assert response.status_code == 413


def test_a_text_resume_over_the_limit_gets_413(api, job, settings):
    settings.OPENHIRE_MAX_UPLOAD_MB = 1
    response = post_review(api, {"resume": "Python " * 200_000, "job_id": str(job.id)})
    assert response.status_code == 413


def test_a_malformed_data_url_gets_400(api, job):
    response = post_review(
        api, {"resume": "data:application/pdf;base64,@@@", "job_id": str(job.id)}
    )
    assert response.status_code == 400
    assert response.json()["code"] == "bad_data_url"


def test_an_empty_text_resume_gets_400_no_text(api, job):
    response = post_review(api, {"resume": "   \n  ", "job_id": str(job.id)})
    assert response.status_code == 400
    assert response.json()["code"] == "no_text"


def test_a_resume_without_words_gets_400_no_text(api, job):
    response = post_review(api, {"resume": "- * -", "job_id": str(job.id)})
    assert response.status_code == 400
    assert response.json()["code"] == "no_text"


def test_a_missing_resume_gets_400(api, job):
    response = post_review(api, {"job_id": str(job.id)})
    assert response.status_code == 400
    assert response.json()["detail"] == MSG_NO_RESUME


def test_a_resume_that_is_not_text_gets_400(api, job):
    response = post_review(api, {"resume": {"text": STRONG}, "job_id": str(job.id)})
    assert response.status_code == 400
    assert response.json()["errors"]["resume"]


def test_a_missing_job_id_gets_400(api):
    response = post_review(api, {"resume": STRONG})
    assert response.status_code == 400
    assert response.json()["detail"] == MSG_NO_JOB_ID


def test_a_malformed_job_id_gets_400(api):
    response = post_review(api, {"resume": STRONG, "job_id": "not-a-uuid"})
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_id"


def test_an_unknown_job_gets_404(api):
    response = post_review(api, {"resume": STRONG, "job_id": str(uuid.uuid4())})
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


@pytest.mark.parametrize("closed_by", ["end_date", "status"])
def test_a_closed_job_is_still_reviewed_and_the_response_says_closed(
    client_for, candidate, job, closed_by
):
    if closed_by == "end_date":
        job.end_date = timezone.now() - dt.timedelta(days=1)
    else:
        job.status = JobStatus.INACTIVE
    job.save()
    response = post_review(
        client_for(candidate), {"resume": STRONG, "job_id": str(job.id)}
    )
    assert response.status_code == 200
    assert response.json()["job_status"] == "closed"
    assert "application_id" not in response.json()
    assert not Application.objects.exists()


# --- stored reviews --------------------------------------------------------------


def test_an_identical_request_is_answered_from_the_stored_review(
    client_for, candidate, job
):
    api = client_for(candidate)
    payload = {"resume": STRONG, "job_id": str(job.id)}
    with mock.patch.object(
        llm, "areview_resume", autospec=True, side_effect=llm.areview_resume
    ) as spy:
        first = post_review(api, payload).json()
        second = post_review(api, payload).json()
    assert spy.call_count == 1
    assert first["cached"] is False and second["cached"] is True
    assert second["score"] == first["score"]
    assert second["resumeReview"] == first["resumeReview"]


def test_a_recorded_review_is_reused_even_when_the_cache_is_empty(
    client_for, candidate, job
):
    from django.core.cache import cache

    payload = {"resume": STRONG, "job_id": str(job.id)}
    with mock.patch.object(
        llm, "areview_resume", autospec=True, side_effect=llm.areview_resume
    ) as spy:
        post_review(client_for(candidate), payload)
        cache.clear()
        second = post_review(client_for(candidate), payload).json()
    assert spy.call_count == 1
    assert second["cached"] is True


def test_a_changed_job_text_is_reviewed_again(api, job):
    payload = {"resume": STRONG, "job_id": str(job.id)}
    with mock.patch.object(
        llm, "areview_resume", autospec=True, side_effect=llm.areview_resume
    ) as spy:
        post_review(api, payload)
        job.description += " Kubernetes experience is required."
        job.save()
        post_review(api, payload)
    assert spy.call_count == 2


def test_a_pdf_and_a_text_of_the_same_words_share_the_stored_review(
    client_for, candidate, job
):
    api = client_for(candidate)
    pdf = documents.make_pdf(STRONG.split("\n"))
    with mock.patch.object(
        llm, "areview_resume", autospec=True, side_effect=llm.areview_resume
    ) as spy:
        post_review(
            api, {"file": upload("cv.pdf", pdf), "job_id": str(job.id)}, multipart=True
        )
        second = post_review(api, {"resume": STRONG, "job_id": str(job.id)}).json()
    assert spy.call_count == 1
    assert second["cached"] is True


# --- applications recorded ----------------------------------------------------------


def test_an_anonymous_review_is_not_kept_even_in_the_cache(
    api, job, client_for, candidate
):
    from django.core.cache import cache

    payload = {"resume": STRONG, "job_id": str(job.id)}
    with mock.patch.object(
        llm, "areview_resume", autospec=True, side_effect=llm.areview_resume
    ) as spy:
        post_review(api, payload)
        second = post_review(api, payload).json()
    assert spy.call_count == 2 and second["cached"] is False
    import ai as layer
    from resumes import services

    key = services._cache_key(
        layer.engine_name(),
        services.text_hash(extraction.extract_plain(STRONG).text),
        services.job_hash(services.job_spec(job)),
    )
    assert cache.get(key) is None
    post_review(client_for(candidate), payload)  # an identified caller's review is kept
    assert cache.get(key) is not None


def test_an_anonymous_review_records_nothing(api, job):
    response = post_review(api, {"resume": STRONG, "job_id": str(job.id)})
    assert "application_id" not in response.json()
    assert not Application.objects.exists()


def test_a_recruiter_review_records_nothing(client_for, recruiter, job):
    response = post_review(
        client_for(recruiter), {"resume": STRONG, "job_id": str(job.id)}
    )
    assert response.status_code == 200
    assert not Application.objects.exists()


def test_a_candidate_review_records_their_application_with_the_file(
    client_for, candidate, job
):
    pdf = documents.make_pdf(STRONG.split("\n"))
    response = post_review(
        client_for(candidate),
        {"file": upload("my cv.pdf", pdf, "application/pdf"), "job_id": str(job.id)},
        multipart=True,
    )
    body = response.json()
    application = Application.objects.get()
    assert body["application_id"] == str(application.id)
    assert application.candidate == candidate and application.job == job
    assert application.status == ApplicationStatus.APPLIED
    assert application.score == body["score"]
    assert application.review_summary == body["resumeReview"]
    assert application.engine == "offline" and application.prompt_version
    assert application.resume_format == "pdf"
    assert application.resume_filename == "my cv.pdf"
    assert "Django" in application.resume_text
    assert application.details["matched"]
    with application.resume_file.open("rb") as handle:
        assert handle.read() == pdf
    assert len(application.resume_hash) == len(application.job_hash) == 64


def test_a_second_review_updates_the_one_application(
    client_for, candidate, job, django_capture_on_commit_callbacks
):
    client = client_for(candidate)
    first = post_review(
        client,
        {"file": upload("cv.pdf", documents.make_pdf()), "job_id": str(job.id)},
        multipart=True,
    ).json()
    old_file = Application.objects.get().resume_file.name
    Application.objects.update(status=ApplicationStatus.REVIEWING)
    with django_capture_on_commit_callbacks(execute=True):
        second = post_review(client, {"resume": WEAK, "job_id": str(job.id)}).json()
    application = Application.objects.get()
    assert second["application_id"] == first["application_id"]
    assert application.score == second["score"]
    assert application.resume_format == "txt"
    assert (
        application.status == ApplicationStatus.REVIEWING
    )  # the recruiter's decision stays
    assert not application.resume_file
    assert not application.resume_file.storage.exists(old_file)


def test_trusted_mode_records_the_application_of_candidate_id(
    api, candidate, job, trusted_mode
):
    response = post_review(
        api,
        {"resume": STRONG, "job_id": str(job.id), "candidate_id": str(candidate.id)},
    )
    assert response.status_code == 200
    assert Application.objects.get().candidate == candidate


def test_candidate_id_without_trusted_mode_records_nothing(api, candidate, job):
    post_review(
        api,
        {"resume": STRONG, "job_id": str(job.id), "candidate_id": str(candidate.id)},
    )
    assert not Application.objects.exists()


def test_a_candidate_cannot_review_as_someone_else(
    client_for, candidate, stranger, job
):
    response = post_review(
        client_for(candidate),
        {"resume": STRONG, "job_id": str(job.id), "candidate_id": str(stranger.id)},
    )
    assert response.status_code == 403


def test_the_review_endpoint_is_throttled(api, job, settings):
    settings.OPENHIRE_THROTTLE_AI = "2/minute"
    codes = [
        post_review(api, {"resume": STRONG, "job_id": str(job.id)}).status_code
        for _ in range(3)
    ]
    assert codes == [200, 200, 429]


# --- reading and managing applications ------------------------------------------------


@pytest.fixture
def applied(client_for, candidate, stranger, job):
    """Two applications to `job`: the candidate's (strong) and the stranger's (weak)."""
    post_review(client_for(stranger), {"resume": WEAK, "job_id": str(job.id)})
    post_review(client_for(candidate), {"resume": STRONG, "job_id": str(job.id)})
    return {
        "strong": Application.objects.get(candidate=candidate),
        "weak": Application.objects.get(candidate=stranger),
    }


def test_the_recruiter_lists_applications_best_score_first(
    client_for, recruiter, job, applied
):
    response = client_for(recruiter).get(f"/jobs/{job.id}/applications")
    assert response.status_code == 200
    body = response.json()
    assert [item["id"] for item in body] == [
        str(applied["strong"].id),
        str(applied["weak"].id),
    ]
    assert body[0]["candidate"]["email"] == "cara@example.test"
    assert body[0]["score"] > body[1]["score"]
    assert response["X-Total-Count"] == "2"


def test_equal_scores_are_ranked_by_date(client_for, recruiter, job, applied):
    Application.objects.update(score=5)
    response = client_for(recruiter).get(f"/jobs/{job.id}/applications")
    assert [item["id"] for item in response.json()] == [
        str(applied["weak"].id),
        str(applied["strong"].id),
    ]


def test_the_application_list_is_paginated(client_for, recruiter, job, applied):
    response = client_for(recruiter).get(f"/jobs/{job.id}/applications?limit=1")
    assert len(response.json()) == 1
    assert 'rel="next"' in response["Link"]
    assert "offset=1" in response["Link"]


def test_another_recruiter_cannot_list_the_applications(
    client_for, other_recruiter, job, applied
):
    response = client_for(other_recruiter).get(f"/jobs/{job.id}/applications")
    assert response.status_code == 403


def test_a_candidate_cannot_list_the_applications(client_for, candidate, job, applied):
    assert client_for(candidate).get(f"/jobs/{job.id}/applications").status_code == 403


def test_an_anonymous_caller_cannot_list_the_applications(api, job, applied):
    assert api.get(f"/jobs/{job.id}/applications").status_code == 401


def test_listing_applications_of_an_unknown_job_gets_404(client_for, recruiter):
    response = client_for(recruiter).get(f"/jobs/{uuid.uuid4()}/applications")
    assert response.status_code == 404


def test_trusted_mode_lists_applications_for_recruiter_id(
    api, recruiter, job, applied, trusted_mode
):
    response = api.get(f"/jobs/{job.id}/applications?recruiter_id={recruiter.id}")
    assert response.status_code == 200
    assert len(response.json()) == 2


def test_the_recruiter_reads_an_application_with_its_text(
    client_for, recruiter, applied
):
    response = client_for(recruiter).get(f"/applications/{applied['strong'].id}")
    assert response.status_code == 200
    body = response.json()
    assert "Django" in body["resume_text"]
    assert body["details"]["matched"]
    assert body["engine"] == "offline"


def test_the_candidate_reads_their_own_application(client_for, candidate, applied):
    response = client_for(candidate).get(f"/applications/{applied['strong'].id}")
    assert response.status_code == 200


def test_a_candidate_cannot_read_another_candidates_application(
    client_for, candidate, applied
):
    response = client_for(candidate).get(f"/applications/{applied['weak'].id}")
    assert response.status_code == 403
    assert response.json()["detail"] == MSG_NOT_PARTY


def test_another_recruiter_cannot_read_the_application(
    client_for, other_recruiter, applied
):
    response = client_for(other_recruiter).get(f"/applications/{applied['strong'].id}")
    assert response.status_code == 403


def test_an_anonymous_caller_cannot_read_an_application(api, applied):
    assert api.get(f"/applications/{applied['strong'].id}").status_code == 401


def test_an_unknown_application_gets_404_and_a_malformed_id_400(client_for, recruiter):
    assert client_for(recruiter).get(f"/applications/{uuid.uuid4()}").status_code == 404
    assert client_for(recruiter).get("/applications/nope").status_code == 400


def test_the_recruiter_changes_the_status(client_for, recruiter, applied):
    response = client_for(recruiter).patch(
        f"/applications/{applied['strong'].id}",
        {"status": "interview_scheduled"},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["status"] == "interview_scheduled"
    applied["strong"].refresh_from_db()
    assert applied["strong"].status == ApplicationStatus.INTERVIEW_SCHEDULED


def test_the_candidate_cannot_change_the_status(client_for, candidate, applied):
    response = client_for(candidate).patch(
        f"/applications/{applied['strong'].id}", {"status": "hired"}, format="json"
    )
    assert response.status_code == 403
    assert response.json()["detail"] == MSG_STATUS_RECRUITER_ONLY
    applied["strong"].refresh_from_db()
    assert applied["strong"].status == ApplicationStatus.APPLIED


def test_another_recruiter_cannot_change_the_status(
    client_for, other_recruiter, applied
):
    response = client_for(other_recruiter).patch(
        f"/applications/{applied['strong'].id}", {"status": "rejected"}, format="json"
    )
    assert response.status_code == 403


def test_an_unknown_status_gets_400_naming_the_allowed_values(
    client_for, recruiter, applied
):
    response = client_for(recruiter).patch(
        f"/applications/{applied['strong'].id}", {"status": "promoted"}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["errors"]["status"] == [MSG_BAD_STATUS]


def test_the_schema_describes_the_review_request_and_response(api):
    schema = api.get("/openapi.json").json()
    operation = schema["paths"]["/review-resume"]["post"]
    assert {"application/json", "multipart/form-data"} <= set(
        operation["requestBody"]["content"]
    )
    assert "200" in operation["responses"] and "413" in operation["responses"]
    assert "/jobs/{job_id}/applications" in schema["paths"]
    assert "patch" in schema["paths"]["/applications/{application_id}"]


# --- explanations and warnings -----------------------------------------------------


def test_the_review_explains_each_requirement_with_its_evidence_and_place(api, job):
    body = post_review(api, {"resume": STRONG, "job_id": str(job.id)}).json()
    by_name = {r["requirement"]: r for r in body["requirements"]}
    django = by_name["Django"]
    assert django["matched"] and django["must_have"]
    assert django["evidence"] == "Built Django REST APIs backed by PostgreSQL."
    assert django["where"] == "experience" and django["credit"] == 1.0
    assert django["note"].endswith(".")
    assert body["details"]["requirements"] == body["requirements"]
    assert body["warnings"] == []


def test_a_keyword_stuffed_resume_is_reported_to_the_recruiter(
    client_for, candidate, recruiter, job
):
    stuffed = (
        "Skills: Python, Django, PostgreSQL, Docker, REST APIs, AWS, Redis, "
        "Backend Engineer, 10 years of Python experience\n\n"
        "Barista, Bean There Cafe (2022 - present)\nMade espresso drinks.\n"
    )
    body = post_review(
        client_for(candidate), {"resume": stuffed, "job_id": str(job.id)}
    ).json()
    assert body["score"] <= 3
    assert [w["code"] for w in body["warnings"]] == ["keyword_stuffing"]
    application = Application.objects.get(job=job, candidate=candidate)
    codes = [w["code"] for w in application.details["warnings"]]
    assert codes == ["keyword_stuffing"]


def test_hidden_text_dropped_by_extraction_is_a_warning_first():
    from types import SimpleNamespace

    from ai.types import AIMeta, ResumeReview, ReviewWarning
    from resumes.services import review_warnings

    review = ResumeReview(
        score=1,
        summary="",
        pros=[],
        cons=[],
        matched=[],
        missing=[],
        meta=AIMeta("offline", "x"),
        warnings=[ReviewWarning("keyword_stuffing", "Mostly keywords.")],
    )
    extracted = SimpleNamespace(hidden_chars=10, hidden_text="Kubernetes")
    codes = [w["code"] for w in review_warnings(review, extracted)]
    assert codes == ["hidden_text", "keyword_stuffing"]
    assert [w["code"] for w in review_warnings(review, None)] == ["keyword_stuffing"]
