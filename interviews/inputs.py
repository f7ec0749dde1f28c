"""Validate what a client sends to start an interview: session id, job, resume.

`interview_input_clean(payload=...)` turns `initialize_interview`'s fields into
an `InterviewInput` once, at initialisation; the job's and the resume's text
are stored with the session, so no later turn parses them again.
"""

from __future__ import annotations

import re
import secrets
import time
import uuid
from dataclasses import dataclass
from typing import Any

from ai.types import JobSpec
from jobs.description import description_text
from jobs.models import Job
from openhire.errors import OpenHireError, not_found
from openhire.ids import parse_uuid
from resumes.intake import ResumeUpload, resume_extract
from resumes.services import job_spec

SESSION_ID_PATTERN = re.compile(r"^[A-Za-z0-9_.-]{1,128}$")
MAX_RESUME_CHARS = 50_000
MAX_JOB_CHARS = 20_000
MAX_TITLE_CHARS = 80

INVALID_SESSION_ID = (
    "session_id must be 1 to 128 characters of letters, digits, '_', '.' or '-'"
    " (not '.' or '..')."
)
MISSING_FIELDS = "initialize_interview is missing {fields}."
RESUME_UNREADABLE = "The resume could not be read: {reason}"
RESUME_TOO_LONG = (
    f"The resume is too long (at most {MAX_RESUME_CHARS} characters of text)."
)
JOB_TOO_LONG = f"The job description is too long (at most {MAX_JOB_CHARS} characters)."
DEFAULT_TITLE = "this role"


def interview_session_id_clean(*, session_id: str | None) -> str:
    """Return the client's session id, or a new one when none was given; 400 if junk."""
    if session_id in (None, ""):
        return f"{int(time.time() * 1000)}-{secrets.token_hex(4)}"
    if (
        not isinstance(session_id, str)
        or not SESSION_ID_PATTERN.match(session_id)
        or session_id in (".", "..")
    ):
        raise OpenHireError(INVALID_SESSION_ID, "invalid_session_id")
    return session_id


@dataclass(frozen=True)
class InterviewInput:
    """The validated fields of `initialize_interview`."""

    job: Job | None
    job_spec: JobSpec
    resume_text: str
    application_id: uuid.UUID | None


def _first(payload: dict[str, Any], *names: str) -> Any:
    for name in names:
        value = payload.get(name)
        if value not in (None, "", [], {}):
            return value
    return None


def _missing(payload: dict[str, Any]) -> None:
    missing = []
    if _first(payload, "job_description", "jobDescription", "job_id", "jobId") is None:
        missing.append("job_description or job_id")
    if _first(payload, "candidate_resume", "resume", "candidateResume") is None:
        missing.append("candidate_resume (or resume)")
    if missing:
        raise OpenHireError(
            MISSING_FIELDS.format(fields=" and ".join(missing)),
            "missing_fields",
            errors={
                name.split(" ")[0]: ["This field is required."] for name in missing
            },
        )


def interview_input_clean(*, payload: dict[str, Any]) -> InterviewInput:
    """Validate `initialize_interview` fields (inside `data` or flat); 400 naming gaps."""
    _missing(payload)
    job_id = _first(payload, "job_id", "jobId")
    job = None
    if job_id is not None:
        job = Job.objects.filter(pk=parse_uuid(job_id, field="job_id")).first()
        if job is None:
            raise not_found("Job")
        spec = job_spec(job)
    else:
        raw = _first(payload, "job_description", "jobDescription")
        text = description_text(raw)
        if len(text) > MAX_JOB_CHARS:
            raise OpenHireError(JOB_TOO_LONG, "job_description_too_long")
        spec = job_spec_from_text(text, raw)
    resume = _first(payload, "candidate_resume", "resume", "candidateResume")
    application = _first(payload, "application_id", "applicationId")
    application_id = (
        parse_uuid(application, field="application_id")
        if application is not None
        else None
    )
    return InterviewInput(job, spec, resume_text_from_input(resume), application_id)


def job_spec_from_text(text: str, raw: Any) -> JobSpec:
    """Build a JobSpec from free text (or a structured description object)."""
    title = ""
    skills: list[str] = []
    if isinstance(raw, dict):
        title = str(raw.get("title") or raw.get("job_title") or "")
        raw_skills = raw.get("skills") or raw.get("requirements") or []
        if isinstance(raw_skills, list):
            skills = [str(s) for s in raw_skills if isinstance(s, str | int)][:30]
        elif isinstance(raw_skills, str):
            skills = [s.strip() for s in raw_skills.split(",") if s.strip()][:30]
    return JobSpec(
        title=title[:MAX_TITLE_CHARS].strip() or role_title(text),
        description=text,
        skills=skills,
    )


# "We are hiring a backend engineer with ...", "Looking for an experienced nurse to".
_HIRING = re.compile(
    r"\b(?:hiring|looking for|seeking|searching for|recruiting|need|wanted:?)\s+"
    r"(?:an?|the|one|two|\d+)\s+(?P<role>[^.,;:!?()\n]{3,80}?)"
    r"(?=\s+(?:with|who|to|for|that|at|in|on|from|and|based|,)\b|[.,;:!?()\n]|$)",
    re.IGNORECASE,
)
# "Job title: Staff Nurse", "Position - Account Executive", "Role: Data Analyst".
_LABELLED = re.compile(
    r"^\s*(?:job\s+title|title|position|role|job)\s*[:\-–]\s*(?P<role>[^\n.;|]{3,80})",
    re.IGNORECASE | re.MULTILINE,
)
_SENTENCE_WORDS = re.compile(
    r"\b(we|our|you|your|are|is|will|join|build|looking|hiring|us)\b", re.IGNORECASE
)
_LEADING_ADJECTIVES = re.compile(
    r"^(?:(?:an?|the)\s+)?(?:(?:talented|passionate|motivated|experienced|skilled|"
    r"great|driven|dedicated|enthusiastic|self-motivated|highly)\s+)+",
    re.IGNORECASE,
)


def role_title(text: str) -> str:
    """Name the role a free-text job description is about, as a reader would.

    A labelled title ("Position: Staff Nurse") wins; then a short first line
    that reads as a title, not a sentence; then the role after "hiring a" /
    "looking for an" ("backend engineer" from "We are hiring a backend
    engineer with 4+ years…"). Otherwise "this role".
    """
    labelled = _LABELLED.search(text)
    if labelled:
        return _tidy(labelled.group("role"))
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    heading = _tidy(re.split(r"[.:;!?]", first_line, maxsplit=1)[0])
    if heading and len(heading.split()) <= 6 and not _SENTENCE_WORDS.search(heading):
        return heading
    hiring = _HIRING.search(text[:2000])
    if hiring:
        role = _tidy(_LEADING_ADJECTIVES.sub("", hiring.group("role")))
        if role and len(role.split()) <= 6:
            return role
    return DEFAULT_TITLE


def _tidy(role: str) -> str:
    return " ".join(role.split())[:MAX_TITLE_CHARS].strip(" -–")


def resume_text_from_input(resume: Any) -> str:
    """Return resume text from plain text or a `data:` URL of a PDF/DOCX/TXT file."""
    if not isinstance(resume, str):
        raise OpenHireError(
            RESUME_UNREADABLE.format(reason="send text or a data: URL."),
            "invalid_resume",
        )
    text = resume_extract(upload=ResumeUpload.from_string(resume)).text
    if len(text) > MAX_RESUME_CHARS:
        raise OpenHireError(RESUME_TOO_LONG, "resume_too_long")
    return text
