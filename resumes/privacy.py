"""Export and erase a person's applications (see accounts/privacy.py).

Erasure keeps, for the recruiter's records, each application's job, status,
score, engine figures and dates, moved onto the tombstone user; it blanks the
resume text, the review's prose and evidence, the file name and links, and
deletes the stored resume file.
"""

from __future__ import annotations

from typing import Any

from resumes.models import Application
from resumes.serializers import ApplicationDetailSerializer

BLANKED = {
    "resume_text": "",
    "resume_filename": "",
    "resume_links": [],
    "review_summary": "",
    "pros": [],
    "cons": [],
    "details": {},
    "fallback_reason": "",
    "resume_hash": "",
}


def user_export(*, user) -> dict[str, Any]:
    """Return the user's applications with their reviews and resume text."""
    applications = Application.objects.filter(candidate=user).select_related(
        "candidate"
    )
    return {"applications": ApplicationDetailSerializer(applications, many=True).data}


def user_erase(*, user, tombstone) -> None:
    """Anonymise the user's applications onto `tombstone`; delete their files."""
    for application in Application.objects.filter(candidate=user):
        if application.resume_file:
            application.resume_file.delete(save=False)
        for field, value in BLANKED.items():
            setattr(application, field, value)
        application.resume_file = ""
        application.candidate = tombstone
        application.save()


def retention_purge(*, before) -> int:
    """Delete applications created before `before` (their files go with them)."""
    old = Application.objects.filter(created_at__lt=before)
    count = 0
    for application in old:  # one by one, so each row's file is deleted too
        application.delete()
        count += 1
    return count
