"""Re-review every application of a job in the background, resumably.

`rescreen_start` (POST /jobs/{id}/rescreen, the job's recruiter) counts the
job's applications, skips those already reviewed against the current job text
and engine, and enqueues the rest in chunks (`resumes.tasks.rescreen_chunk`).
Each application is reviewed through the same path as a submission
(`stored_review`, else `ai.review_resume`; `application_fill_review`) and
stored, with the rescreen's `scored` count, in one transaction that first
re-checks the row under a lock: an application is counted once however many
workers reach it. A worker killed midway loses only its open transaction; when
no progress was made for OPENHIRE_RESCREEN_STALL_S the next POST resumes the
rescreen with exactly the applications still unscored.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import F, QuerySet
from django.db.models.functions import Greatest
from django.utils import timezone

import ai as llm
from accounts.models import User
from accounts.permissions import require_owner
from ai.types import ResumeReview
from jobs.models import Job
from jobs.services import job_get
from openhire.errors import OpenHireError
from openhire.tasks import enqueue_on_commit
from resumes.events import (
    TRIGGER_RESCREEN,
    review_completed_publish,
    review_completed_wanted,
)
from resumes.models import Application, Rescreen, RescreenStatus
from resumes.services import (
    HIDDEN_TEXT,
    MAX_REVIEW_CHARS,
    REVIEW_FIELDS,
    application_fill_review,
    job_hash,
    job_spec,
    review_details,
    stored_review,
    text_hash,
)

logger = logging.getLogger(__name__)

CHUNK_SIZE = 25
MAX_ERROR_SAMPLES = 20
MSG_NO_RESCREEN = "This job has not been rescreened yet."
MSG_GONE = "The application was deleted during the rescreen."
MSG_FALLBACK = "The engine fell back: {reason}"


def _current(applications: QuerySet[Application], spec_hash: str, engine: str):
    return applications.filter(
        job_hash=spec_hash, engine=engine, fallback_reason="", score__isnull=False
    )


def rescreen_is_stalled(rescreen: Rescreen, *, now: dt.datetime | None = None) -> bool:
    """Say whether a running rescreen made no progress for OPENHIRE_RESCREEN_STALL_S."""
    now = now or timezone.now()
    stall = dt.timedelta(seconds=settings.OPENHIRE_RESCREEN_STALL_S)
    return (
        rescreen.status == RescreenStatus.RUNNING
        and now - rescreen.heartbeat_at > stall
    )


def _enqueue(rescreen: Rescreen, ids: list) -> None:
    """Give the unscored `ids` to new chunk tasks of the rescreen's generation."""
    from resumes.tasks import rescreen_chunk

    chunks = [ids[i : i + CHUNK_SIZE] for i in range(0, len(ids), CHUNK_SIZE)]
    rescreen.chunks_pending = len(chunks)
    if not chunks:
        rescreen.status, rescreen.finished_at = RescreenStatus.FINISHED, timezone.now()
    rescreen.save()
    for chunk in chunks:
        enqueue_on_commit(
            rescreen_chunk,
            str(rescreen.pk),
            rescreen.generation,
            [str(pk) for pk in chunk],
        )


def _unscored(rescreen: Rescreen) -> list:
    applications = Application.objects.filter(job_id=rescreen.job_id)
    current = _current(applications, rescreen.job_hash, rescreen.engine)
    return list(
        applications.exclude(pk__in=current.values("pk"))
        .order_by("created_at", "id")
        .values_list("pk", flat=True)
    )


def _resume(rescreen: Rescreen) -> Rescreen:
    """Start a new generation over the applications a dead worker left."""
    rescreen.generation += 1
    rescreen.errors, rescreen.error_samples = 0, []
    rescreen.heartbeat_at = timezone.now()
    _enqueue(rescreen, _unscored(rescreen))
    return rescreen


def _begin(job: Job, user: User, spec_hash: str, engine: str) -> Rescreen:
    applications = Application.objects.filter(job=job)
    rescreen = Rescreen(
        job=job,
        requested_by=user,
        job_hash=spec_hash,
        engine=engine,
        total=applications.count(),
        skipped=_current(applications, spec_hash, engine).count(),
    )
    _enqueue(rescreen, _unscored(rescreen))
    return rescreen


def rescreen_start(*, job_id: str, user: User | None) -> tuple[Rescreen, bool]:
    """Start (or resume) the job's rescreen; return it and whether work was queued.

    A rescreen still making progress is returned as is (idempotent); a stalled
    one against the same job text and engine is resumed; one against an older
    text or engine is superseded by a new one.
    """
    job = job_get(job_id=job_id)
    user = require_owner(
        user, job.recruiter_id, action="rescreen the applications of", what="jobs"
    )
    spec_hash, engine = job_hash(job_spec(job)), llm.engine_name()
    with transaction.atomic():
        Job.objects.select_for_update().filter(pk=job.pk).first()
        running = Rescreen.objects.filter(
            job=job, status=RescreenStatus.RUNNING
        ).first()
        if running is not None:
            same = (running.job_hash, running.engine) == (spec_hash, engine)
            if not rescreen_is_stalled(running) and same:
                return running, False
            if same:
                return _resume(running), True
            running.status = RescreenStatus.SUPERSEDED
            running.save(update_fields=["status"])
        return _begin(job, user, spec_hash, engine), True


def rescreen_latest(*, job_id: str, user: User | None) -> Rescreen:
    """Return the job's latest rescreen (its recruiter only); 404 if none."""
    job = job_get(job_id=job_id)
    require_owner(user, job.recruiter_id, action="read the rescreen of", what="jobs")
    rescreen = Rescreen.objects.filter(job=job).order_by("-created_at").first()
    if rescreen is None:
        raise OpenHireError(MSG_NO_RESCREEN, "not_found", status=404)
    return rescreen


# --- the background work ----------------------------------------------------------


def _count_error(rescreen_id: object, application_id: object, message: str) -> None:
    with transaction.atomic():
        rescreen = Rescreen.objects.select_for_update().get(pk=rescreen_id)
        rescreen.errors += 1
        if len(rescreen.error_samples) < MAX_ERROR_SAMPLES:
            sample = {"application_id": str(application_id), "message": message[:300]}
            rescreen.error_samples = [*rescreen.error_samples, sample]
        rescreen.heartbeat_at = timezone.now()
        rescreen.save(update_fields=["errors", "error_samples", "heartbeat_at"])


def _details(application: Application, review) -> dict:
    """Return the review's details, keeping what extraction found (hidden text)."""
    details = review_details(review)
    hidden = [
        warning
        for warning in (application.details or {}).get("warnings", [])
        if warning.get("code") == HIDDEN_TEXT
    ]
    details["warnings"] = hidden + details["warnings"]
    return details


def _is_current(application: Application, rescreen: Rescreen) -> bool:
    return (
        application.job_hash == rescreen.job_hash
        and application.engine == rescreen.engine
        and not application.fallback_reason
        and application.score is not None
    )


@dataclass(frozen=True)
class Reviewed:
    """One application's new review, made outside any transaction."""

    application_id: uuid.UUID
    review: ResumeReview
    resume_hash: str


def _review(rescreen: Rescreen, application: Application, spec) -> Reviewed | None:
    """Review `application` against the rescreen's job text; None after an error."""
    text = application.resume_text[:MAX_REVIEW_CHARS]
    resume_hash = text_hash(text)
    try:
        review = stored_review(
            engine=rescreen.engine, resume_hash=resume_hash, spec_hash=rescreen.job_hash
        ) or llm.review_resume(resume_text=text, job=spec)
    except Exception as exc:  # one bad application must not stop the batch
        logger.exception("rescreen of application %s failed", application.pk)
        _count_error(rescreen.pk, application.pk, f"{type(exc).__name__}: {exc}")
        return None
    return Reviewed(application.pk, review, resume_hash)


def _store(rescreen: Rescreen, reviewed: list[Reviewed], *, announce: bool) -> None:
    """Store a chunk's reviews and count them in one transaction.

    Each row is locked and re-checked first: one another worker stored meanwhile
    is left alone and not counted again. A worker killed before the commit
    stores and counts none of them.
    """
    errors: list[tuple[object, str]] = []
    with transaction.atomic():
        locked = (
            Application.objects.select_for_update(of=("self",))
            .select_related("job__recruiter", "candidate")
            .filter(pk__in=[item.application_id for item in reviewed])
            .order_by("pk")
        )
        rows = {application.pk: application for application in locked}
        scored = 0
        for item in reviewed:
            application = rows.get(item.application_id)
            if application is None:
                errors.append((item.application_id, MSG_GONE))
                continue
            if _is_current(application, rescreen):
                continue
            _fill(application, item, rescreen, announce=announce)
            meta = item.review.meta
            if not meta.fallback_reason and meta.engine == rescreen.engine:
                scored += 1
            else:
                reason = meta.fallback_reason or meta.engine
                errors.append((item.application_id, MSG_FALLBACK.format(reason=reason)))
        Rescreen.objects.filter(pk=rescreen.pk).update(
            scored=F("scored") + scored, heartbeat_at=timezone.now()
        )
    for application_id, message in errors:
        _count_error(rescreen.pk, application_id, message)


def _fill(
    application: Application, item: Reviewed, rescreen: Rescreen, *, announce: bool
) -> None:
    application_fill_review(
        application,
        review=item.review,
        details=_details(application, item.review),
        resume_hash=item.resume_hash,
        spec_hash=rescreen.job_hash,
    )
    application.save(update_fields=REVIEW_FIELDS)
    if announce:
        review_completed_publish(application=application, trigger=TRIGGER_RESCREEN)


def rescreen_applications(
    *, rescreen: Rescreen, applications: list[Application], spec, announce: bool
) -> None:
    """Review those of `applications` still needing it, then store them together.

    `announce`: send `review.completed` for each (skipped when nobody subscribes).
    """
    reviewed = [
        _review(rescreen, application, spec)
        for application in applications
        if not _is_current(application, rescreen)  # skipped, or another's work
    ]
    reviewed = [item for item in reviewed if item is not None]
    if reviewed:
        _store(rescreen, reviewed, announce=announce)


def _chunk_finished(rescreen_id: str, generation: int) -> None:
    """Count a chunk of this generation done; the last one finishes the rescreen."""
    mine = Rescreen.objects.filter(
        pk=rescreen_id, generation=generation, status=RescreenStatus.RUNNING
    )
    mine.update(chunks_pending=Greatest(F("chunks_pending") - 1, 0))
    mine.filter(chunks_pending=0).update(
        status=RescreenStatus.FINISHED, finished_at=timezone.now()
    )


def rescreen_run_chunk(
    *, rescreen_id: str, generation: int, application_ids: list[str]
) -> None:
    """Review a chunk of a rescreen's applications (a background task's body)."""
    rescreen = Rescreen.objects.select_related("job").filter(pk=rescreen_id).first()
    if rescreen is None or rescreen.status != RescreenStatus.RUNNING:
        return
    spec = job_spec(rescreen.job)
    if (job_hash(spec), llm.engine_name()) != (rescreen.job_hash, rescreen.engine):
        # The job text or engine changed: the next POST starts over against it.
        Rescreen.objects.filter(pk=rescreen.pk, status=RescreenStatus.RUNNING).update(
            status=RescreenStatus.SUPERSEDED
        )
        return
    Rescreen.objects.filter(pk=rescreen.pk).update(heartbeat_at=timezone.now())
    found = Application.objects.in_bulk(application_ids)
    for missing in set(map(str, application_ids)) - set(map(str, found)):
        _count_error(rescreen.pk, missing, MSG_GONE)
    rescreen_applications(
        rescreen=rescreen,
        applications=list(found.values()),
        spec=spec,
        announce=review_completed_wanted(job=rescreen.job),
    )
    _chunk_finished(rescreen_id, generation)
