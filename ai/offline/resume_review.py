"""Offline resume review: evidence over keywords, any field, explainable, no network.

Use it through the engine (`ai.review_resume`) or directly::

    review(resume_text=text, job=JobSpec(title=..., description=..., skills=[...]),
           started=time.perf_counter())

How the score is made (published so candidates and recruiters can check it):

1. The job's requirements (`job_requirements.py`): listed skills (weight 1),
   the role (1), skills the description names (0.25, or 0.5 where it says
   "required"), "N+ years" (1), a degree (0.5); must-have or nice-to-have
   per clause.
2. The resume is read into sections and experience entries
   (`resume_sections.py`); the header (name, contact, personal data) is never
   read. Each requirement's credit depends on where it is met (`evidence.py`):
   a role or a sentence about work counts fully, a skills list a little;
   related skills earn partial credit and say so; years come from stated
   years and from the relevant roles' date ranges.
3. Text addressed to the screener, sentences copied from the job ad, and a
   resume that is mostly job keywords (`keyword_stuffing`) are reported in
   `warnings` and earn nothing (`resume_checks.py`).
4. score = round(10 × min(1, (must-have credit + ½ nice-to-have credit) /
   must-have weight)).

Resume text is data: nothing in it is followed as an instruction. Same input,
same output (within a calendar month: "present" is this month).
"""

from __future__ import annotations

import re
import time

from ai.offline import evidence as evidence_rules
from ai.offline import resume_checks, resume_index, review_prose
from ai.offline import text as textkit
from ai.offline.evidence import Finding
from ai.offline.job_requirements import Requirement, job_requirements
from ai.offline.resume_index import Resume
from ai.offline.review_prose import FAIRNESS_NOTE  # noqa: F401 - published wording
from ai.types import AIMeta, JobSpec, RequirementMatch, ResumeReview, ReviewWarning

PROMPT_VERSION = "offline-review-2"

BONUS_FACTOR = 0.5
MAX_EVIDENCE_CHARS = 240
MAX_QUOTE_IN_WARNING = 80

WARNING_MESSAGES = {
    "keyword_stuffing": (
        "Most of the resume is a list of the job's keywords that its roles do not "
        "show; those keywords count for almost nothing."
    ),
    "reader_addressed": (
        "The resume speaks to the screener or reader ({quote}); that text is not "
        "evidence and was ignored."
    ),
    "job_text_copied": (
        "Sentences copied from the job ad appear in the resume; they are not "
        "evidence and were ignored."
    ),
}

split_sentences = textkit.split_sentences  # kept for callers of the old module


# --- pipeline steps -----------------------------------------------------------------


def read(resume_text: str, job: JobSpec, requirements: list[Requirement]) -> Resume:
    """Read the resume for this job (sections, evidence index, stuffing check)."""
    listed = [r.term for r in requirements if r.listed and r.term is not None]
    job_text = f"{job.title}\n{job.description}\n{' '.join(job.skills)}"
    return resume_index.read_resume(resume_text, job_text=job_text, listed=listed)


def find_all(requirements: list[Requirement], resume: Resume) -> list[Finding]:
    """Return one finding per requirement, in the job's order."""
    role = next((r for r in requirements if r.kind == "role"), None)
    listed = [r.term for r in requirements if r.listed and r.term is not None]
    return [
        evidence_rules.match(r, resume, role=role, listed=listed) for r in requirements
    ]


def score(findings: list[Finding]) -> int | None:
    """Return the 0-10 score of `findings`, or None when the job has nothing to check."""
    core = [f for f in findings if not f.requirement.bonus]
    total = sum(f.requirement.weight for f in core)
    if not total:
        return None
    got = sum(f.requirement.weight * f.credit for f in core)
    extra = BONUS_FACTOR * sum(
        f.requirement.weight * f.credit for f in findings if f.requirement.bonus
    )
    return int(10 * min(1.0, (got + extra) / total) + 0.5)


def warnings_of(resume: Resume, findings: list[Finding]) -> list[ReviewWarning]:
    """Return what a recruiter should know about the resume itself."""
    out: list[ReviewWarning] = []
    if resume.stuffed:
        out.append(
            ReviewWarning("keyword_stuffing", WARNING_MESSAGES["keyword_stuffing"])
        )
    wanted = {f.requirement.term.key for f in findings if f.requirement.term}
    reader = [
        u
        for u in resume.units
        if u.excluded == "reader"
        and (resume_checks.speaks_to_screener(u.unit.text) or u.terms & wanted)
    ]
    if reader:
        quote = _quote(reader[0].unit.text, MAX_QUOTE_IN_WARNING).replace(". ", " ")
        message = WARNING_MESSAGES["reader_addressed"].format(quote=f'"{quote}"')
        out.append(ReviewWarning("reader_addressed", message))
    if any(u.excluded == "echo" and u.terms & wanted for u in resume.units):
        out.append(
            ReviewWarning("job_text_copied", WARNING_MESSAGES["job_text_copied"])
        )
    return out


# --- explaining ------------------------------------------------------------------------


def _quote(sentence: str, limit: int = MAX_EVIDENCE_CHARS) -> str:
    text = textkit.strip_bullet(sentence)
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def as_match(finding: Finding, original: str) -> RequirementMatch:
    """Return the wire shape of one finding, its evidence quoted from the resume."""
    r = finding.requirement
    quote = quote_from(original, finding.evidence) if finding.evidence else ""
    return RequirementMatch(
        requirement=r.name,
        matched=evidence_rules.is_matched(finding),
        evidence=_quote(quote) if quote else "",
        kind="nice_to_have" if r.bonus else r.kind,
        credit=round(finding.credit, 2),
        where=finding.where if finding.credit else "",
        must_have=not r.bonus,
        note=review_prose.note(finding),
    )


def quote_from(original: str, sentence: str) -> str:
    """Return `sentence` as the resume wrote it (line breaks and dashes included)."""
    if sentence in original:
        return sentence
    words = [re.escape(w) for w in textkit.fold_chars(sentence).split()]
    if not words:
        return sentence
    folded = original.translate(textkit.CHAR_FOLD)
    match = re.search(r"\s+".join(words), folded)
    return original[match.start() : match.end()] if match else sentence


# --- entry point -------------------------------------------------------------------


def review(*, resume_text: str, job: JobSpec, started: float) -> ResumeReview:
    """Score `resume_text` against `job` by evidence, explain it, list its warnings."""
    requirements = job_requirements(job)
    resume = read(resume_text, job, requirements)
    findings = find_all(requirements, resume)
    value = score(findings)
    warnings = warnings_of(resume, findings)
    summary, pros, cons = review_prose.write(job, value, findings, warnings)
    matches = [as_match(finding, resume_text) for finding in findings]
    meta = AIMeta(
        engine="offline",
        prompt_version=PROMPT_VERSION,
        latency_ms=round((time.perf_counter() - started) * 1000, 3),
    )
    return ResumeReview(
        score=5 if value is None else value,
        summary=summary,
        pros=pros,
        cons=cons,
        matched=[m for m in matches if m.matched],
        missing=[m for m in matches if not m.matched],
        meta=meta,
        warnings=warnings,
        requirements=matches,
    )
