"""Review a resume against a job, record the candidate's application, manage it.

`resume_review_asubmit` is the one entry point of `POST /review-resume`: it
extracts the visible text (`resumes.intake`, in the document sandbox), answers a
repeated identical request
(same resume text, same job text, same engine) from the stored review without
calling the model, otherwise asks `ai.areview_resume`, and records
the application when the caller is an identified candidate and the job is open.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from asgiref.sync import sync_to_async
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import IntegrityError, connection, transaction
from django.db.models import F, QuerySet
from django.utils import timezone

import ai as llm
from accounts.models import Role, User
from accounts.permissions import require_owner, require_user
from ai.types import AIMeta, JobSpec, RequirementMatch, ResumeReview, ReviewWarning
from jobs.models import Job
from jobs.services import job_get
from openhire.errors import OpenHireError, not_found
from openhire.ids import parse_uuid
from resumes import stages
from resumes.events import (
    TRIGGER_SUBMISSION,
    application_created_publish,
    review_completed_publish,
)
from resumes.extraction import ExtractedText

# `interviews` reads resumes through these names; `resumes.intake` owns them.
from resumes.intake import ResumeUpload, resume_aextract
from resumes.models import Application

MAX_REVIEW_CHARS = 50_000  # text beyond this is not sent to the engine
REVIEW_CACHE_SECONDS = 24 * 3600
REVIEW_CACHE_VERSION = 2  # 2: requirements with credit/where/note, warnings

HIDDEN_TEXT = "hidden_text"
MSG_HIDDEN_TEXT = (
    "The resume holds {count} characters a reader cannot see (white or "
    "background-coloured, tiny, hidden or off the page); they were left out of "
    "the review."
)
MSG_NOT_PARTY = "Only the job's recruiter or the candidate can read this application."
MSG_STATUS_RECRUITER_ONLY = stages.MSG_RECRUITER_OR_WITHDRAW


# --- the review and its cache ---------------------------------------------------


def job_spec(job: Job) -> JobSpec:
    """Return the job text an AI review is about."""
    skills = job.skills if isinstance(job.skills, list) else [str(job.skills or "")]
    return JobSpec(
        title=job.title,
        description=job.description,
        skills=[str(skill) for skill in skills],
        company_name=job.company_name,
        job_type=job.job_type,
    )


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def job_hash(spec: JobSpec) -> str:
    canonical = json.dumps(dataclasses.asdict(spec), sort_keys=True, ensure_ascii=False)
    return text_hash(canonical)


def _cache_key(engine: str, resume_hash: str, spec_hash: str) -> str:
    raw = f"{REVIEW_CACHE_VERSION}|{engine}|{resume_hash}|{spec_hash}"
    return "resume-review:" + hashlib.sha256(raw.encode()).hexdigest()


def review_as_dict(review: ResumeReview) -> dict[str, Any]:
    return dataclasses.asdict(review)


def review_from_dict(data: dict[str, Any]) -> ResumeReview:
    return ResumeReview(
        score=int(data["score"]),
        summary=data["summary"],
        pros=list(data["pros"]),
        cons=list(data["cons"]),
        matched=[RequirementMatch(**item) for item in data["matched"]],
        missing=[RequirementMatch(**item) for item in data["missing"]],
        meta=AIMeta(**data["meta"]),
        warnings=[ReviewWarning(**item) for item in data.get("warnings", [])],
        requirements=[
            RequirementMatch(**item) for item in data.get("requirements", [])
        ],
    )


def _review_from_application(application: Application) -> ResumeReview:
    details = application.details or {}
    return ResumeReview(
        score=application.score or 0,
        summary=application.review_summary,
        pros=list(application.pros),
        cons=list(application.cons),
        matched=[RequirementMatch(**item) for item in details.get("matched", [])],
        missing=[RequirementMatch(**item) for item in details.get("missing", [])],
        warnings=[
            ReviewWarning(**item)
            for item in details.get("warnings", [])
            if item.get("code") != HIDDEN_TEXT
        ],
        requirements=[
            RequirementMatch(**item) for item in details.get("requirements", [])
        ],
        meta=AIMeta(
            engine=application.engine,
            prompt_version=application.prompt_version,
            model_calls=application.model_calls,
            tokens_in=application.tokens_in,
            tokens_out=application.tokens_out,
            latency_ms=application.latency_ms,
        ),
    )


def stored_review(
    *, engine: str, resume_hash: str, spec_hash: str
) -> ResumeReview | None:
    """Return a stored review of the same resume text, job text and engine, if any."""
    data = cache.get(_cache_key(engine, resume_hash, spec_hash))
    if data is not None:
        try:
            return review_from_dict(data)
        except (KeyError, TypeError, ValueError):
            pass  # written by an older layout: review again
    application = (
        Application.objects.filter(
            resume_hash=resume_hash,
            job_hash=spec_hash,
            engine=engine,
            fallback_reason="",
            score__isnull=False,
        )
        .order_by("-updated_at")
        .first()
    )
    return _review_from_application(application) if application else None


@dataclass(frozen=True)
class ReviewOutcome:
    """What `POST /review-resume` answers."""

    job: Job
    review: ResumeReview
    extracted: ExtractedText
    cached: bool
    application: Application | None


def _release_connection() -> None:
    """Give this thread's database connection back (to the pool) until next needed.

    Not inside a transaction, where the connection must be kept.
    """
    if not connection.in_atomic_block:
        connection.close()


async def resume_review_asubmit(
    *, user: User | None, job_id: str, upload: ResumeUpload
) -> ReviewOutcome:
    """Review a resume against a job; record the application of an identified candidate.

    Closed jobs (past their end date or not active) are still reviewed, but no
    application is recorded for them. Anonymous and recruiter callers record
    nothing. The model is awaited on the event loop.

    The database steps are short hops to the request's thread (none is open
    while the model thinks); a document is parsed in the sandbox's processes.
    """
    job = await sync_to_async(job_get)(job_id=job_id)
    subject = _ReviewSubject.of(job, await resume_aextract(upload=upload))
    review = await sync_to_async(_review_lookup)(subject)
    cached = review is not None
    if review is None:
        review = await llm.areview_resume(resume_text=subject.text, job=subject.spec)
    return await sync_to_async(_review_settle)(
        user=user, subject=subject, upload=upload, review=review, cached=cached
    )


@dataclass(frozen=True)
class _ReviewSubject:
    """What one review is about: the job, the resume text, their digests, the engine."""

    job: Job
    extracted: ExtractedText
    text: str
    spec: JobSpec
    engine: str
    resume_digest: str
    spec_digest: str

    @classmethod
    def of(cls, job: Job, extracted: ExtractedText) -> _ReviewSubject:
        text = extracted.text[:MAX_REVIEW_CHARS]
        spec = job_spec(job)
        return cls(
            job,
            extracted,
            text,
            spec,
            llm.engine_name(),
            text_hash(text),
            job_hash(spec),
        )


def _review_lookup(subject: _ReviewSubject) -> ResumeReview | None:
    """Return the stored review of this subject, else give the connection back."""
    review = stored_review(
        engine=subject.engine,
        resume_hash=subject.resume_digest,
        spec_hash=subject.spec_digest,
    )
    if review is None:
        _release_connection()  # the model takes seconds: hold no pooled connection
    return review


def _review_settle(
    *,
    user: User | None,
    subject: _ReviewSubject,
    upload: ResumeUpload,
    review: ResumeReview,
    cached: bool,
) -> ReviewOutcome:
    """Keep a fresh review for reuse and record the candidate's application."""
    engine, job = subject.engine, subject.job
    # Nothing is recorded for anonymous callers (DESIGN.md §4), not even in the
    # cache: their review quotes the resume.
    if (
        not cached
        and user is not None
        and not review.meta.fallback_reason
        and review.meta.engine == engine
    ):
        cache.set(
            _cache_key(engine, subject.resume_digest, subject.spec_digest),
            review_as_dict(review),
            REVIEW_CACHE_SECONDS,
        )
    application = None
    if user is not None and user.role == Role.CANDIDATE and job.is_open:
        application = application_record(
            job=job,
            candidate=user,
            upload=upload,
            extracted=subject.extracted,
            review=review,
            resume_hash=subject.resume_digest,
            spec_hash=subject.spec_digest,
        )
    return ReviewOutcome(job, review, subject.extracted, cached, application)


# --- applications ---------------------------------------------------------------


def review_warnings(
    review: ResumeReview, extracted: ExtractedText | None = None
) -> list[dict[str, Any]]:
    """Return what extraction dropped (`hidden_text` first), then the review's own."""
    out = extraction_warnings(extracted) if extracted is not None else []
    reported = {warning["code"] for warning in out}
    out += [
        dataclasses.asdict(warning)
        for warning in review.warnings
        if warning.code not in reported
    ]
    return out


def review_details(
    review: ResumeReview, extracted: ExtractedText | None = None
) -> dict[str, Any]:
    """Return the explainable part of a review: requirements with their evidence."""
    return {
        "matched": [dataclasses.asdict(match) for match in review.matched],
        "missing": [dataclasses.asdict(match) for match in review.missing],
        "requirements": [dataclasses.asdict(match) for match in review.requirements],
        "warnings": review_warnings(review, extracted),
    }


def extraction_warnings(extracted: ExtractedText) -> list[dict[str, Any]]:
    """Return what reading the resume found suspicious, e.g. text drawn invisible."""
    if not extracted.hidden_chars:
        return []
    return [
        {
            "code": HIDDEN_TEXT,
            "message": MSG_HIDDEN_TEXT.format(count=extracted.hidden_chars),
            "characters": extracted.hidden_chars,
            "excerpt": extracted.hidden_text,
        }
    ]


def _fill(
    application: Application,
    *,
    upload: ResumeUpload,
    extracted: ExtractedText,
    review: ResumeReview,
    resume_hash: str,
    spec_hash: str,
) -> None:
    application.resume_format = extracted.format
    application.resume_pages = extracted.pages
    application.resume_text = extracted.text
    application.resume_links = [dataclasses.asdict(link) for link in extracted.links]
    application_fill_review(
        application,
        review=review,
        details=review_details(review, extracted),
        resume_hash=resume_hash,
        spec_hash=spec_hash,
    )
    if upload.data is not None:
        application.resume_filename = (upload.filename or "")[:255]
        application.resume_file.save(
            f"resume.{extracted.format}", ContentFile(upload.data), save=False
        )
    else:
        application.resume_filename = ""
        application.resume_file = ""


# The fields `application_fill_review` sets (a rescreen saves exactly these).
REVIEW_FIELDS = [
    "score",
    "review_summary",
    "pros",
    "cons",
    "details",
    "engine",
    "prompt_version",
    "model_calls",
    "tokens_in",
    "tokens_out",
    "latency_ms",
    "fallback_reason",
    "resume_hash",
    "job_hash",
    "updated_at",
]


def application_fill_review(
    application: Application,
    *,
    review: ResumeReview,
    details: dict[str, Any],
    resume_hash: str,
    spec_hash: str,
) -> None:
    """Set an application's review fields: score, explanation and provenance."""
    application.score = review.score
    application.review_summary = review.summary
    application.pros = list(review.pros)
    application.cons = list(review.cons)
    application.details = details
    meta = review.meta
    application.engine = meta.engine[:100]
    application.prompt_version = meta.prompt_version[:100]
    application.model_calls = max(0, int(meta.model_calls))
    application.tokens_in = max(0, int(meta.tokens_in))
    application.tokens_out = max(0, int(meta.tokens_out))
    application.latency_ms = float(meta.latency_ms)
    application.fallback_reason = (meta.fallback_reason or "")[:300]
    application.resume_hash = resume_hash
    application.job_hash = spec_hash


def application_record(
    *,
    job: Job,
    candidate: User,
    upload: ResumeUpload,
    extracted: ExtractedText,
    review: ResumeReview,
    resume_hash: str,
    spec_hash: str,
) -> Application:
    """Create or update the candidate's one application to `job` with this review."""
    fields = dict(
        upload=upload,
        extracted=extracted,
        review=review,
        resume_hash=resume_hash,
        spec_hash=spec_hash,
    )
    for attempt in range(2):
        written = ""  # the file this attempt wrote to storage, if any
        try:
            with transaction.atomic():
                application = (
                    Application.objects.select_for_update()
                    .filter(job=job, candidate=candidate)
                    .first()
                )
                created = application is None
                if created:
                    application = Application(job=job, candidate=candidate)
                old_file = application.resume_file.name or ""
                _fill(application, **fields)
                new_file = application.resume_file.name or ""
                if new_file != old_file:
                    written = new_file
                application.save()
                if old_file and old_file != new_file:
                    storage = application.resume_file.storage
                    transaction.on_commit(
                        lambda storage=storage, name=old_file: storage.delete(name)
                    )
                if created:
                    application_created_publish(application=application)
                review_completed_publish(
                    application=application, trigger=TRIGGER_SUBMISSION
                )
                return application
        except IntegrityError:
            if written:  # the insert lost the race: do not orphan the stored file
                application.resume_file.storage.delete(written)
            if attempt:  # a concurrent first review created it; the retry updates it
                raise
    raise AssertionError("unreachable")


def application_get(*, application_id: str) -> Application:
    """Return the application with this id; 400 when malformed, 404 when unknown."""
    application = (
        Application.objects.select_related("job", "candidate")
        .filter(pk=parse_uuid(application_id, field="application_id"))
        .first()
    )
    if application is None:
        raise not_found("Application")
    return application


def application_read(*, application_id: str, user: User | None) -> Application:
    """Return an application to its job's recruiter or its candidate; 401/403 otherwise."""
    application = application_get(application_id=application_id)
    user = require_user(user)
    if user.pk not in (application.candidate_id, application.job.recruiter_id):
        raise OpenHireError(MSG_NOT_PARTY, "not_owner", status=403)
    return application


def application_list_for_job(
    *, job_id: str, user: User | None
) -> QuerySet[Application]:
    """Return a job's applications, best score first (then earliest); its recruiter only."""
    job = job_get(job_id=job_id)
    require_owner(
        user, job.recruiter_id, action="read the applications of", what="jobs"
    )
    return (
        Application.objects.filter(job=job)
        .select_related("job", "candidate")
        .order_by(F("score").desc(nulls_last=True), "created_at", "id")
    )


def applications_allow_retake(*, applications: QuerySet[Application]) -> int:
    """Let each candidate take the job's interview once more; return how many.

    A finished interview stays on record; this only lets its candidate start a
    new session for the same job (`accounts.policies.interview_retake_error`).
    """
    return applications.update(
        interview_retakes_allowed=F("interview_retakes_allowed") + 1,
        updated_at=timezone.now(),
    )


def application_retakes_allowed(*, job_id: object, candidate_id: object) -> int:
    """Return how many interview retakes the candidate's application allows (0)."""
    return (
        Application.objects.filter(job_id=job_id, candidate_id=candidate_id)
        .values_list("interview_retakes_allowed", flat=True)
        .first()
        or 0
    )
