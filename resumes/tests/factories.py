"""Applications with reviews, stored directly (the review itself is tested elsewhere)."""

from __future__ import annotations

from accounts.models import Role, User
from accounts.services import user_create
from jobs.models import Job
from resumes.models import Application


def candidate_make(email: str, name: str = "") -> User:
    user, _ = user_create(email=email, role=Role.CANDIDATE, name=name)
    return user


def application_make(
    *, job: Job, candidate: User, score: int | None = 5, **fields
) -> Application:
    defaults = {
        "resume_format": "txt",
        "resume_text": f"{candidate.name}: Python and Django developer.",
        "review_summary": "A fair match for the role.",
        "pros": ["Knows Python well."],
        "cons": ["No PostgreSQL experience."],
        "details": {
            "matched": [
                {
                    "requirement": "Python",
                    "matched": True,
                    "evidence": "Python and Django developer",
                    "kind": "skill",
                }
            ],
            "missing": [
                {
                    "requirement": "PostgreSQL",
                    "matched": False,
                    "evidence": "",
                    "kind": "skill",
                }
            ],
        },
        "engine": "offline",
        "resume_hash": "r" * 64,
        "job_hash": "j" * 64,
    }
    return Application.objects.create(
        job=job, candidate=candidate, score=score, **{**defaults, **fields}
    )
