"""Shapes of the resume-review and application endpoints."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from resumes.extraction import web_links
from resumes.models import Application, ApplicationStatus, Rescreen
from resumes.services import ReviewOutcome, review_details

MSG_BAD_STATUS = "status must be one of: " + ", ".join(ApplicationStatus.values) + "."


class ReviewJSONRequestSerializer(serializers.Serializer):
    """`POST /review-resume` as JSON (schema only; `resumes.intake.review_request` reads it)."""

    resume = serializers.CharField(
        help_text="Resume text, or a data: URL of a PDF/DOCX."
    )
    job_id = serializers.UUIDField(help_text="Also accepted as jobId.")
    candidate_id = serializers.CharField(
        required=False,
        max_length=128,
        help_text="Trusted mode only: the candidate reviewing (our UUID or any "
        "gateway id of 1-128 characters from [A-Za-z0-9_.@:-]).",
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
    candidate_id = serializers.CharField(required=False, max_length=128)


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
        help_text="hidden_text, keyword_stuffing, reader_addressed, job_text_copied, "
        "unverified_evidence."
    )
    message = serializers.CharField()
    characters = serializers.IntegerField(
        required=False, help_text="hidden_text: how many characters were dropped."
    )
    excerpt = serializers.CharField(
        required=False, help_text="hidden_text: the start of the dropped text."
    )


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
    score = serializers.IntegerField(
        min_value=0, max_value=10, help_text="0-10, as the seed API."
    )
    score_percent = serializers.IntegerField(
        min_value=0, max_value=100, help_text="The score on a 0-100 scale."
    )
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


def score_percent(score: int | None) -> int | None:
    """Return a 0-10 review score on the 0-100 scale some client pages show."""
    return None if score is None else max(0, min(100, score * 10))


def review_response(outcome: ReviewOutcome) -> dict[str, Any]:
    """Return the `POST /review-resume` body for a review outcome."""
    review, extracted = outcome.review, outcome.extracted
    meta = review.meta
    details = review_details(review, extracted)
    body: dict[str, Any] = {
        "score": review.score,
        "score_percent": score_percent(review.score),
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
    score_percent = serializers.SerializerMethodField(
        help_text="The score on a 0-100 scale."
    )

    class Meta:
        model = Application
        fields = [
            "id",
            "job_id",
            "candidate",
            "status",
            "stage",
            "score",
            "score_percent",
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

    def get_score_percent(self, application: Application) -> int | None:
        return score_percent(application.score)

    def get_resume(self, application: Application) -> dict[str, Any]:
        return {
            "format": application.resume_format,
            "pages": application.resume_pages,
            "filename": application.resume_filename,
            "has_file": bool(application.resume_file),
            "links": web_links(application.resume_links),
        }


class ApplicationDetailSerializer(ApplicationSerializer):
    """One application, with the extracted resume text."""

    resume_text = serializers.CharField(read_only=True)

    class Meta(ApplicationSerializer.Meta):
        fields = [*ApplicationSerializer.Meta.fields, "resume_text"]
        read_only_fields = fields


class RescreenErrorSerializer(serializers.Serializer):
    application_id = serializers.UUIDField()
    message = serializers.CharField()


class RescreenSerializer(serializers.ModelSerializer):
    """A job's batch rescreen and its progress (`done` of `total`)."""

    job_id = serializers.UUIDField(read_only=True)
    done = serializers.IntegerField(
        read_only=True, help_text="skipped + scored + errors."
    )
    error_samples = RescreenErrorSerializer(many=True, read_only=True)
    stalled = serializers.SerializerMethodField(
        help_text="Running but without progress for OPENHIRE_RESCREEN_STALL_S: "
        "POST again to resume it."
    )

    class Meta:
        model = Rescreen
        fields = [
            "id",
            "job_id",
            "status",
            "done",
            "total",
            "scored",
            "skipped",
            "errors",
            "error_samples",
            "stalled",
            "job_hash",
            "engine",
            "generation",
            "created_at",
            "heartbeat_at",
            "finished_at",
        ]

    def get_stalled(self, rescreen: Rescreen) -> bool:
        from resumes.rescreen import rescreen_is_stalled

        return rescreen_is_stalled(rescreen)
