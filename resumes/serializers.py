"""Shapes of the resume-review and application endpoints."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import UploadedFile
from rest_framework import serializers

from openhire.errors import OpenHireError
from resumes.models import Application, ApplicationStatus
from resumes.services import (
    ResumeUpload,
    ReviewOutcome,
    max_upload_bytes,
    review_details,
    too_large,
)

MSG_NO_JOB_ID = "job_id is required (jobId is accepted too)."
MSG_NO_RESUME = (
    "Send the resume: a file in the multipart field file (or resume), text in "
    "resume, or a data: URL of a PDF or DOCX in resume."
)
MSG_BAD_RESUME = "resume must be text, a data: URL or an uploaded file."
MSG_BAD_STATUS = "status must be one of: " + ", ".join(ApplicationStatus.values) + "."


def _field(data: Any, *names: str) -> Any:
    for name in names:
        value = data.get(name) if hasattr(data, "get") else None
        if value not in (None, ""):
            return value
    return None


def review_request(data: Any, files: Any) -> tuple[str, ResumeUpload]:
    """Read `job_id` and the resume from any shape clients send (DESIGN.md §5).

    JSON `{resume, job_id}`; multipart `file` + `job_id`; multipart `resume`
    (a file) + `jobId`; form field `resume` as text; `resume` as a data: URL.
    """
    job_id = _field(data, "job_id", "jobId")
    if job_id is None:
        raise OpenHireError(
            MSG_NO_JOB_ID, "invalid", errors={"job_id": [MSG_NO_JOB_ID]}
        )
    if not isinstance(job_id, str | int):
        job_id = ""
    upload: ResumeUpload | None = None
    file = _field(files, "file", "resume") if files is not None else None
    if isinstance(file, UploadedFile):
        if file.size is not None and file.size > max_upload_bytes():
            raise too_large()
        upload = ResumeUpload(data=file.read(), filename=file.name or "")
    else:
        value = _field(data, "resume", "resume_text", "file")
        if value is None:
            raise OpenHireError(
                MSG_NO_RESUME, "invalid", errors={"resume": [MSG_NO_RESUME]}
            )
        if not isinstance(value, str):
            raise OpenHireError(
                MSG_BAD_RESUME, "invalid", errors={"resume": [MSG_BAD_RESUME]}
            )
        upload = ResumeUpload.from_string(value)
    return str(job_id), upload


class ReviewJSONRequestSerializer(serializers.Serializer):
    """`POST /review-resume` as JSON (schema only; `review_request` reads the body)."""

    resume = serializers.CharField(
        help_text="Resume text, or a data: URL of a PDF/DOCX."
    )
    job_id = serializers.UUIDField(help_text="Also accepted as jobId.")
    candidate_id = serializers.UUIDField(
        required=False, help_text="Trusted mode only: the candidate reviewing."
    )


class ReviewMultipartRequestSerializer(serializers.Serializer):
    """`POST /review-resume` as multipart (schema only)."""

    file = serializers.FileField(
        help_text="PDF, DOCX or text file (the field may also be named resume)."
    )
    resume = serializers.CharField(
        required=False, help_text="Text or a data: URL, read when no file is sent."
    )
    job_id = serializers.UUIDField(help_text="Or jobId.")
    jobId = serializers.UUIDField(required=False)  # noqa: N815 - the clients' name
    candidate_id = serializers.UUIDField(required=False)


class RequirementMatchSerializer(serializers.Serializer):
    requirement = serializers.CharField()
    matched = serializers.BooleanField()
    evidence = serializers.CharField(
        help_text="The resume sentence quoted; '' if missing."
    )
    kind = serializers.CharField(
        help_text="skill, role, experience, education or nice_to_have."
    )
    credit = serializers.FloatField(
        required=False, help_text="0-1: how much of the requirement is met."
    )
    where = serializers.CharField(
        required=False,
        help_text="Where the evidence stands: experience, summary, skills list, "
        "education, certifications, projects; '' if missing.",
    )
    must_have = serializers.BooleanField(required=False)
    note = serializers.CharField(
        required=False, help_text="How it was met, partly met or missed."
    )


class ReviewWarningSerializer(serializers.Serializer):
    code = serializers.CharField(
        help_text="hidden_text, keyword_stuffing, reader_addressed, job_text_copied."
    )
    message = serializers.CharField()


class ReviewDetailsSerializer(serializers.Serializer):
    matched = RequirementMatchSerializer(many=True)
    missing = RequirementMatchSerializer(many=True)
    requirements = RequirementMatchSerializer(
        many=True, help_text="Every requirement in the job's order."
    )
    warnings = ReviewWarningSerializer(many=True)
    pros = serializers.ListField(child=serializers.CharField())
    cons = serializers.ListField(child=serializers.CharField())
    resume = serializers.DictField(help_text="format, pages, characters, links.")


class ReviewResponseSerializer(serializers.Serializer):
    score = serializers.IntegerField(min_value=0, max_value=10)
    resumeReview = serializers.CharField()  # noqa: N815 - the clients' name
    pros = serializers.CharField(help_text="Sentences; clients split on '. '.")
    cons = serializers.CharField(help_text="Sentences; clients split on '. '.")
    details = ReviewDetailsSerializer()
    requirements = RequirementMatchSerializer(
        many=True,
        help_text="Each requirement: its evidence, where it stood, credit and note.",
    )
    warnings = ReviewWarningSerializer(
        many=True, help_text="What a recruiter should know about the resume itself."
    )
    engine = serializers.CharField()
    prompt_version = serializers.CharField()
    model_calls = serializers.IntegerField()
    tokens_in = serializers.IntegerField()
    tokens_out = serializers.IntegerField()
    latency_ms = serializers.FloatField()
    cached = serializers.BooleanField(
        help_text="Answered from a stored identical review."
    )
    application_id = serializers.UUIDField(
        required=False, help_text="Present when the review was recorded."
    )
    job_status = serializers.ChoiceField(choices=["open", "closed"])


def review_response(outcome: ReviewOutcome) -> dict[str, Any]:
    """Return the `POST /review-resume` body for a review outcome."""
    review, extracted = outcome.review, outcome.extracted
    meta = review.meta
    details = review_details(review, extracted)
    body: dict[str, Any] = {
        "score": review.score,
        "resumeReview": review.summary,
        "pros": " ".join(review.pros),
        "cons": " ".join(review.cons),
        "details": {
            **details,
            "pros": list(review.pros),
            "cons": list(review.cons),
            "resume": {
                "format": extracted.format,
                "pages": extracted.pages,
                "characters": len(extracted.text),
                "links": [
                    {"url": link.url, "text": link.text} for link in extracted.links
                ],
            },
        },
        "requirements": details["requirements"],
        "warnings": details["warnings"],
        "engine": meta.engine,
        "prompt_version": meta.prompt_version,
        "model_calls": 0 if outcome.cached else meta.model_calls,
        "tokens_in": 0 if outcome.cached else meta.tokens_in,
        "tokens_out": 0 if outcome.cached else meta.tokens_out,
        "latency_ms": meta.latency_ms,
        "cached": outcome.cached,
        "job_status": "open" if outcome.job.is_open else "closed",
    }
    if meta.fallback_reason:
        body["fallback_reason"] = meta.fallback_reason
    if outcome.application is not None:
        body["application_id"] = str(outcome.application.id)
    return body


class CandidateSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()
    email = serializers.EmailField()


class ApplicationSerializer(serializers.ModelSerializer):
    """An application as its job's recruiter or its candidate reads it."""

    job_id = serializers.UUIDField(read_only=True)
    candidate = CandidateSerializer(read_only=True)
    resume = serializers.SerializerMethodField()
    resumeReview = serializers.CharField(source="review_summary", read_only=True)  # noqa: N815

    class Meta:
        model = Application
        fields = [
            "id",
            "job_id",
            "candidate",
            "status",
            "score",
            "resumeReview",
            "pros",
            "cons",
            "details",
            "resume",
            "engine",
            "prompt_version",
            "model_calls",
            "tokens_in",
            "tokens_out",
            "latency_ms",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_resume(self, application: Application) -> dict[str, Any]:
        return {
            "format": application.resume_format,
            "pages": application.resume_pages,
            "filename": application.resume_filename,
            "has_file": bool(application.resume_file),
            "links": application.resume_links,
        }


class ApplicationDetailSerializer(ApplicationSerializer):
    """One application, with the extracted resume text."""

    resume_text = serializers.CharField(read_only=True)

    class Meta(ApplicationSerializer.Meta):
        fields = [*ApplicationSerializer.Meta.fields, "resume_text"]
        read_only_fields = fields


class ApplicationStatusSerializer(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=ApplicationStatus.choices,
        error_messages={"invalid_choice": MSG_BAD_STATUS, "required": MSG_BAD_STATUS},
    )
