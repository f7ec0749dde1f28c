"""Write the review's summary, pros and cons from its findings.

Use it as::

    summary, pros, cons = review_prose.write(job, value, findings, warnings)

Every sentence ends with a full stop and holds no other ". " (clients split
pros and cons on ". "). Pure: no I/O.
"""

from __future__ import annotations

from ai.offline.evidence import MATCHED_AT, Finding
from ai.offline.job_requirements import clean_name as _clean
from ai.offline.job_requirements import join_names
from ai.types import JobSpec, ReviewWarning

FAIRNESS_NOTE = (
    "The score counts only job requirements found in the resume; names, contact "
    "details, gender, age and photos are not read."
)
WARNING_SENTENCES = {
    "keyword_stuffing": "The resume is mostly a keyword list, which counts for little.",
    "reader_addressed": "Text addressed to the screener was ignored.",
    "job_text_copied": "Sentences copied from the job ad were ignored.",
    "hidden_text": "Hidden text in the document was ignored.",
}


def _names(findings: list[Finding]) -> str:
    return join_names([f.requirement.name for f in findings])


def _fit_label(value: int) -> str:
    for floor, label in ((8, "Strong"), (6, "Good"), (4, "Partial"), (2, "Weak")):
        if value >= floor:
            return label
    return "Poor"


def _hit(f: Finding) -> bool:
    return f.credit >= MATCHED_AT


def _groups(findings: list[Finding]) -> dict[str, list[Finding]]:
    listed = [f for f in findings if f.requirement.listed]
    described = [
        f
        for f in findings
        if f.requirement.kind == "skill"
        and not f.requirement.listed
        and not f.requirement.bonus
    ]
    return {
        "listed": listed,
        "listed_hit": [f for f in listed if _hit(f)],
        "listed_miss": [f for f in listed if not _hit(f)],
        "described": described,
        "described_hit": [f for f in described if _hit(f)],
        "described_miss": [f for f in described if not f.credit],
        "bonus_hit": [
            f for f in findings if f.requirement.bonus and _hit(f) and not f.via
        ],
    }


def _one(findings: list[Finding], kind: str) -> Finding | None:
    return next((f for f in findings if f.requirement.kind == kind), None)


def _role_title(finding: Finding) -> str:
    return _clean(finding.requirement.name.removeprefix("Experience as "))


def _years_sentence(years: Finding, verb: str) -> str:
    asked = f"{years.requirement.years:g}+"
    if not years.stated_years:
        return f"Does not show the {asked} years of relevant experience asked."
    link = "meeting" if years.credit >= 1 else "short of"
    return (
        f"{verb} {years.stated_years:g} years of relevant experience, {link} the "
        f"{asked} asked."
    )


def pros_of(findings: list[Finding]) -> list[str]:
    """Return the review's strengths, one sentence each."""
    g = _groups(findings)
    role, years = _one(findings, "role"), _one(findings, "experience")
    degree = _one(findings, "education")
    pros: list[str] = []
    if g["listed_hit"]:
        pros.append(
            f"Shows {len(g['listed_hit'])} of the {len(g['listed'])} skills the job "
            f"lists: {_names(g['listed_hit'])}."
        )
    if role and role.credit >= 1:
        pros.append(f"Has worked in a role matching {_role_title(role)}.")
    if years and years.credit >= 1:
        pros.append(_years_sentence(years, "Shows"))
    if g["described_hit"]:
        pros.append(
            f"Also covers {_names(g['described_hit'])} from the job description."
        )
    if g["bonus_hit"]:
        pros.append(f"Brings {_names(g['bonus_hit'])}, which the job names as a plus.")
    if degree and degree.credit >= 1:
        pros.append(f"Holds the {degree.requirement.name.lower()} the job asks for.")
    return pros


def _skill_cons(listed_miss: list[Finding]) -> list[str]:
    absent = [f for f in listed_miss if not f.credit]
    cons = []
    if absent:
        cons.append(f"No evidence of the listed skills {_names(absent)}.")
    for f in listed_miss:
        name = _clean(f.requirement.name)
        if not f.credit:
            continue
        if f.relation:
            cons.append(
                f"{name} is only suggested by related experience with {_clean(f.via)}."
            )
        elif f.learning:
            cons.append(f"{name} appears only as something being learned.")
        elif f.where == "skills list":
            cons.append(f"{name} is only named in a skills list, not shown in a role.")
    return cons


def cons_of(findings: list[Finding]) -> list[str]:
    """Return the review's gaps, one sentence each."""
    g = _groups(findings)
    role, years = _one(findings, "role"), _one(findings, "experience")
    degree = _one(findings, "education")
    cons = _skill_cons(g["listed_miss"])
    if role and role.credit < 1:
        cons.append(
            f"Has worked only in a role related to {_role_title(role)}."
            if role.credit
            else f"Shows no role as {_role_title(role)}."
        )
    if years and years.credit < 1:
        cons.append(_years_sentence(years, "Shows"))
    if g["described_miss"]:
        cons.append(
            f"Does not mention {_names(g['described_miss'])} from the job description."
        )
    if degree and degree.credit < 1 and not degree.requirement.bonus:
        cons.append(
            f"Does not show the {degree.requirement.name.lower()} the job asks for."
        )
    return cons


def summary_of(
    job: JobSpec,
    value: int | None,
    findings: list[Finding],
    warnings: list[ReviewWarning],
) -> str:
    """Return the one-paragraph review (the API's `resumeReview`)."""
    title = _clean(job.title.strip()) or "this"
    if value is None:
        return (
            f"The {title} job lists no skills or requirements the offline reviewer can "
            "check, so the resume gets a neutral score of 5/10. " + FAIRNESS_NOTE
        )
    g = _groups(findings)
    parts = [f"{_fit_label(value)} fit for the {title} role ({value}/10)."]
    if g["listed"]:
        further = (
            f" and {len(g['described_hit'])} of {len(g['described'])} further skills "
            "from the description."
            if g["described"]
            else "."
        )
        parts.append(
            f"The resume shows {len(g['listed_hit'])} of the {len(g['listed'])} skills "
            f"the job lists{further}"
        )
    years = _one(findings, "experience")
    if years:
        parts.append(_years_sentence(years, "It shows").replace("Does", "It does"))
    if g["listed_miss"]:
        parts.append(f"Main gaps: {_names(g['listed_miss'])}.")
    parts.extend(WARNING_SENTENCES.get(w.code, "") for w in warnings)
    parts.append(FAIRNESS_NOTE)
    return " ".join(p for p in parts if p)


def write(
    job: JobSpec,
    value: int | None,
    findings: list[Finding],
    warnings: list[ReviewWarning],
) -> tuple[str, list[str], list[str]]:
    """Return (summary, pros, cons)."""
    return (
        summary_of(job, value, findings, warnings),
        pros_of(findings),
        cons_of(findings),
    )


def note(finding: Finding) -> str:
    """Return one sentence saying how the requirement was met, partly met or missed."""
    r = finding.requirement
    if r.kind == "experience":
        if not finding.stated_years:
            return f"No relevant years found; {r.years:g}+ asked."
        return f"{finding.stated_years:g} relevant years found; {r.years:g}+ asked."
    if not finding.credit:
        return "Not found in the resume."
    if finding.relation == "related":
        via = _clean(finding.via) or "role"
        return f"Partly met through the related {via} (transferable)."
    if finding.relation == "implied":
        return f"Implied by {_clean(finding.via)}."
    if finding.learning:
        return "Only mentioned as something being learned."
    if finding.where == "skills list":
        return "Only named in a skills list, which counts a little."
    return f"Shown in the resume's {finding.where or 'text'}."
