"""Export and erase a recruiter's jobs (see accounts/privacy.py).

A job is the company's posting, and its applicants' records hang off it: on
erasure the recruiter's jobs stay, moved to the tombstone user and closed.
"""

from __future__ import annotations

from typing import Any

from jobs.models import Job, JobStatus
from jobs.serializers import JobSerializer


def user_export(*, user) -> dict[str, Any]:
    """Return the jobs the user posted."""
    return {"jobs": JobSerializer(Job.objects.filter(recruiter=user), many=True).data}


def user_erase(*, user, tombstone) -> None:
    """Move the user's jobs to `tombstone` and close them."""
    Job.objects.filter(recruiter=user).update(
        recruiter=tombstone, status=JobStatus.INACTIVE
    )
