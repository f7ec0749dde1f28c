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


RESUME_SKILLS = [
    "Python",
    "Django",
    "PostgreSQL",
    "Docker",
    "React",
    "Go",
    "Kubernetes",
]


def resume_text_make(n: int) -> str:
    """Return the n-th of many different resumes (no two share a review)."""
    skills = ", ".join(RESUME_SKILLS[: 1 + n % len(RESUME_SKILLS)])
    return (
        f"Candidate {n}. Backend engineer, {n % 9 + 1} years building web services "
        f"with {skills}. Led a team of {n % 5 + 2}; migrated billing to PostgreSQL."
    )


def applications_bulk_make(*, job: Job, count: int, job_hash: str = "j" * 64) -> int:
    """Store `count` applications (and their candidates) in two queries; return count.

    Their reviews are against an older job text (`job_hash`): a rescreen must
    score every one of them.
    """
    users = User.objects.bulk_create(
        User(email=f"bulk{n}-{job.pk.hex[:8]}@example.test", role=Role.CANDIDATE)
        for n in range(count)
    )
    Application.objects.bulk_create(
        Application(
            job=job,
            candidate=user,
            resume_format="txt",
            resume_text=resume_text_make(n),
            score=5,
            engine="offline",
            resume_hash="r" * 64,
            job_hash=job_hash,
        )
        for n, user in enumerate(users)
    )
    return count
