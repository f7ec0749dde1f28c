"""Reads for the adverse-impact report: self-identified applications, in aggregate."""

from __future__ import annotations

from collections import defaultdict

from django.conf import settings

from fairness.categories import CATEGORIES
from fairness.impact import Person, impact_report
from fairness.models import SelfIdentification
from hiring.models import Decision
from resumes import stages


def impact_people(*, job_id: object | None = None) -> list[Person]:
    """Return every self-identified application (of one job, or all) as a `Person`."""
    answers = SelfIdentification.objects.select_related(None)
    if job_id is not None:
        answers = answers.filter(application__job_id=job_id)
    rows = list(answers.values("application_id", "application__stage", *CATEGORIES))
    held: dict[object, list[str]] = defaultdict(list)
    ledger = Decision.objects.filter(
        application_id__in=[row["application_id"] for row in rows]
    ).values_list("application_id", "to_stage")
    for application_id, to_stage in ledger:
        held[application_id].append(to_stage)
    return [
        Person(
            answers={category: row[category] for category in CATEGORIES},
            furthest=stages.furthest(
                [row["application__stage"], *held[row["application_id"]]]
            ),
        )
        for row in rows
    ]


def job_impact_report(*, job_id: object | None) -> dict:
    """Return the adverse-impact report of one job (or of all jobs for None)."""
    return impact_report(
        impact_people(job_id=job_id), min_group=settings.OPENHIRE_IMPACT_MIN_GROUP
    )
