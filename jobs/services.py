"""Create, change, find and list jobs."""

from __future__ import annotations

import secrets
import string
import uuid
from dataclasses import dataclass, replace
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from accounts.identity import client_id_clean, gateway_decides, users_named
from accounts.models import Role, User
from accounts.permissions import require_owner, require_role
from jobs.description import description_text
from jobs.models import Job, JobStatus
from jobs.salary import parse_salary
from jobs.skills import skills_read
from openhire.errors import OpenHireError, not_found
from openhire.ids import parse_uuid
from openhire.pagination import LIMIT_RANGE

SHORT_CODE_ALPHABET = string.ascii_letters + string.digits + "-_"
SHORT_CODE_LENGTH = 8
SHORT_CODE_ATTEMPTS = 10

# The original clients resolve share links by scanning one unparameterised GET /jobs.
JOB_PAGE_LIMIT = 1000
BAD_JOB_LIMIT = LIMIT_RANGE.format(high=JOB_PAGE_LIMIT)
JOB_COUNT_SCOPE = "jobs"  # cached listing totals; jobs/apps.py invalidates on writes
SORT_FIELDS = ("created_at", "salary", "title")
SORT_ORDERS = ("asc", "desc")
BAD_SORT_BY = "sort_by must be one of: " + ", ".join(SORT_FIELDS) + "."
BAD_SORT_ORDER = "sort_order must be one of: " + ", ".join(SORT_ORDERS) + "."


def new_short_code() -> str:
    """Return 8 URL-safe characters from a cryptographic random source."""
    return "".join(
        secrets.choice(SHORT_CODE_ALPHABET) for _ in range(SHORT_CODE_LENGTH)
    )


def _apply_fields(job: Job, fields: dict[str, Any]) -> None:
    for name, value in fields.items():
        if name == "description":
            if isinstance(value, str):
                job.description, job.description_data = value, None
            else:
                job.description, job.description_data = description_text(value), value
        elif name == "skills":
            job.skills_as_sent, job.skills = skills_read(value)
        elif name == "salary":
            parsed = parse_salary(value)
            job.salary = value
            job.salary_min, job.salary_max = parsed.minimum, parsed.maximum
            job.salary_currency = parsed.currency
        else:
            setattr(job, name, value)


def job_create(*, recruiter: User | None, fields: dict[str, Any]) -> Job:
    """Create a job for a recruiter, with a fresh unique short code."""
    recruiter = require_role(recruiter, Role.RECRUITER)
    return job_save(job=Job(recruiter=recruiter), fields=fields)


def job_save(*, job: Job, fields: dict[str, Any]) -> Job:
    """Apply `fields` to `job` and save it; a new job gets a fresh unique short code.

    No permission check: `job_create`, `job_update` and the admin check first.
    """
    _apply_fields(job, fields)
    if not job._state.adding:
        job.save()
        return job
    for _ in range(SHORT_CODE_ATTEMPTS):
        job.short_code = new_short_code()
        try:
            with transaction.atomic():
                job.save(force_insert=True)
            return job
        except IntegrityError:
            if Job.objects.filter(short_code=job.short_code).exists():
                continue  # collision: draw again
            raise
    raise OpenHireError(
        "Could not allocate a short link; try again.",
        "short_code_exhausted",
        status=503,
    )


def _require_job_owner(user: User | None, job: Job, *, action: str) -> None:
    """Let only the job's recruiter through, or the gateway (DESIGN.md §4).

    In trusted mode a call naming nobody was let through by the gateway.
    """
    if not gateway_decides(user):
        require_owner(user, job.recruiter_id, action=action, what="jobs")


def job_update(*, job: Job, user: User | None, fields: dict[str, Any]) -> Job:
    """Change a job's fields; only its recruiter may."""
    _require_job_owner(user, job, action="change")
    return job_save(job=job, fields=fields)


def job_delete(*, job: Job, user: User | None) -> None:
    """Delete a job; only its recruiter may."""
    _require_job_owner(user, job, action="delete")
    job.delete()


def jobs_with_recruiter() -> QuerySet[Job]:
    """Return jobs carrying their recruiter's gateway id (`Job.recruiter_public_id`).

    A correlated subquery in the same query, by primary key: unlike a JOIN,
    `count()` drops it (X-Total-Count stays an index-only count), and unlike
    `select_related` it builds no User for each of up to 1 000 rows.
    """
    external_id = User.objects.filter(pk=OuterRef("recruiter_id")).values("external_id")
    return Job.objects.annotate(recruiter_external_id=Subquery(external_id[:1]))


def job_get(*, job_id: str) -> Job:
    """Return the job with this id; 400 when malformed, 404 when unknown."""
    job = jobs_with_recruiter().filter(pk=parse_uuid(job_id, field="job_id")).first()
    if job is None:
        raise not_found("Job")
    return job


def job_get_by_link(*, code: str) -> Job:
    """Return the job a short code (or a full job id) points to."""
    job = None
    jobs = jobs_with_recruiter()
    if len(code) == SHORT_CODE_LENGTH:
        job = jobs.filter(short_code=code).first()
    else:
        try:
            job = jobs.filter(pk=uuid.UUID(code)).first()
        except ValueError:
            job = None
    if job is None:
        raise not_found("Job")
    return job


@dataclass(frozen=True)
class JobFilters:
    recruiter_id: str = ""  # as the client names the recruiter (User.public_id)
    job_type: str = ""
    title: str = ""
    status: str = ""
    sort_by: str = "created_at"
    sort_order: str = "desc"

    @property
    def count_key(self) -> str:
        """Name the rows these filters select (the order does not change the count)."""
        return repr(replace(self, sort_by="", sort_order=""))


BAD_STATUS = "status must be one of: " + ", ".join(JobStatus.values) + "."


def _status_filter(value: str | None) -> str:
    if value in (None, ""):
        return ""
    if value not in JobStatus.values:
        raise OpenHireError(
            BAD_STATUS, "invalid_filter", errors={"status": [BAD_STATUS]}
        )
    return value


def job_filters_from_query(query: dict[str, str]) -> JobFilters:
    """Validate listing query parameters; 400 naming the allowed values."""
    sort_by = query.get("sort_by") or "created_at"
    sort_order = (query.get("sort_order") or "desc").lower()
    if sort_by not in SORT_FIELDS:
        raise OpenHireError(
            BAD_SORT_BY, "invalid_sort", errors={"sort_by": [BAD_SORT_BY]}
        )
    if sort_order not in SORT_ORDERS:
        raise OpenHireError(
            BAD_SORT_ORDER, "invalid_sort", errors={"sort_order": [BAD_SORT_ORDER]}
        )
    recruiter_id = query.get("recruiter_id")
    return JobFilters(
        recruiter_id=client_id_clean(recruiter_id, field="recruiter_id")
        if recruiter_id
        else "",
        job_type=(query.get("job_type") or "").strip()[:50],
        title=(query.get("title") or "").strip()[:200],
        status=_status_filter(query.get("status")),
        sort_by=sort_by,
        sort_order=sort_order,
    )


def _status_condition(status: str) -> Q:
    """Match the status a job reads as: an active job past its end date is expired."""
    now = timezone.now()
    if status == JobStatus.ACTIVE:
        return Q(status=JobStatus.ACTIVE, end_date__gte=now)
    if status == JobStatus.EXPIRED:
        return Q(status=JobStatus.EXPIRED) | Q(
            status=JobStatus.ACTIVE, end_date__lt=now
        )
    return Q(status=status)


def job_list(*, filters: JobFilters) -> QuerySet[Job]:
    """Return jobs matching `filters`, in a stable order (id breaks ties)."""
    jobs = jobs_with_recruiter()
    if filters.recruiter_id:
        # A scalar subquery: PostgreSQL runs it once, then walks the recruiter index.
        named = Subquery(users_named(filters.recruiter_id).values("pk")[:1])
        jobs = jobs.filter(recruiter_id=named)
    if filters.job_type:
        jobs = jobs.filter(job_type__iexact=filters.job_type)
    if filters.title:
        jobs = jobs.filter(title__icontains=filters.title)
    if filters.status:
        jobs = jobs.filter(_status_condition(filters.status))
    descending = filters.sort_order == "desc"
    if filters.sort_by == "salary":
        money = F("salary_max")
        order = [
            money.desc(nulls_last=True) if descending else money.asc(nulls_last=True)
        ]
    else:
        order = [F(filters.sort_by).desc() if descending else F(filters.sort_by).asc()]
    order.append(F("id").desc() if descending else F("id").asc())
    return jobs.order_by(*order)


def job_stats(*, recruiter: User | None) -> dict[str, int | float]:
    """Count a recruiter's jobs, open jobs and applications, in one query."""
    recruiter = require_role(recruiter, Role.RECRUITER)
    totals = Job.objects.filter(recruiter=recruiter).aggregate(
        total_jobs=Count("id", distinct=True),
        active_jobs=Count(
            "id", filter=_status_condition(JobStatus.ACTIVE), distinct=True
        ),
        total_applications=Count("applications"),
    )
    jobs = totals["total_jobs"]
    average = round(totals["total_applications"] / jobs, 2) if jobs else 0.0
    return {**totals, "avg_applications_per_job": average}
