"""Record, read back and withdraw a candidate's voluntary self-identification."""

from __future__ import annotations

from accounts.models import User
from accounts.permissions import require_owner, require_user
from fairness.categories import CATEGORIES, PREFER_NOT
from fairness.models import SelfIdentification
from jobs.services import job_get
from openhire.errors import OpenHireError, not_found
from resumes.models import Application
from resumes.services import application_get

MSG_CANDIDATE_ONLY = (
    "Only the candidate who applied can answer, read or withdraw their "
    "self-identification; nobody else sees one person's answers."
)
MSG_OPERATOR_ONLY = "Only the operator (a superuser) can read the all-jobs report."


def _own_application(*, application_id: str, user: User | None) -> Application:
    application = application_get(application_id=application_id)
    user = require_user(user)
    if user.pk != application.candidate_id:
        raise OpenHireError(MSG_CANDIDATE_ONLY, "not_owner", status=403)
    return application


def self_id_record(
    *, application_id: str, user: User | None, answers: dict[str, str]
) -> SelfIdentification:
    """Store (or replace) the candidate's answers; an unanswered question is PREFER_NOT."""
    application = _own_application(application_id=application_id, user=user)
    values = {category: answers.get(category) or PREFER_NOT for category in CATEGORIES}
    record, _ = SelfIdentification.objects.update_or_create(
        application=application, defaults=values
    )
    return record


def self_id_read(*, application_id: str, user: User | None) -> SelfIdentification:
    """Return the candidate's own answers; 404 when they gave none."""
    application = _own_application(application_id=application_id, user=user)
    record = SelfIdentification.objects.filter(application=application).first()
    if record is None:
        raise not_found("Self-identification")
    return record


def self_id_withdraw(*, application_id: str, user: User | None) -> None:
    """Delete the candidate's answers (idempotent)."""
    application = _own_application(application_id=application_id, user=user)
    SelfIdentification.objects.filter(application=application).delete()


def impact_job_check(*, job_id: str, user: User | None) -> object:
    """Return the job if `user` is its recruiter (or the operator); 401/403 otherwise."""
    job = job_get(job_id=job_id)
    if user is not None and user.is_superuser:
        return job
    require_owner(user, job.recruiter_id, action="read the report of", what="jobs")
    return job


def impact_operator_check(*, user: User | None) -> User:
    """Return `user` if the operator (a superuser); 401/403 otherwise."""
    user = require_user(user)
    if not user.is_superuser:
        raise OpenHireError(MSG_OPERATOR_ONLY, "not_operator", status=403)
    return user
