"""Take a resume in, in every shape clients send, within the upload limits.

This module is the one place the upload limits live:

- a resume file (multipart `file` or `resume`), a `data:` URL's decoded bytes
  and resume text are each at most `OPENHIRE_MAX_UPLOAD_MB` (413 `too_large`);
- a request body, or an interview frame carrying a `data:` URL, is at most
  `max_body_bytes()` (the base64 of the largest file plus room for the other
  fields: Django's `DATA_UPLOAD_MAX_MEMORY_SIZE`, which `openhire.settings`
  derives from the same setting and the ASGI edge enforces while it streams);
- a document is parsed in `resumes.sandbox` within `sandbox_limits()`
  (memory, CPU, wall clock) and `extraction_limits()` (pages, characters,
  paragraphs); past one it is a 422 `document_too_complex` / `too_many_pages`.

Use it as::

    job_id, upload = review_request(request.data, request.FILES)   # HTTP views
    extracted = resume_extract(upload=upload)                       # sync code
    extracted = await resume_aextract(upload=ResumeUpload.from_string(value))
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from openhire.errors import OpenHireError, too_large
from resumes.extraction import (
    ExtractedText,
    ExtractionError,
    ExtractionLimits,
    decode_data_url,
    extract_plain,
    is_data_url,
)
from resumes.sandbox import DocumentSandbox, SandboxLimits, sandbox

MSG_TOO_LARGE = "The upload is larger than the limit of {limit_mb} MB."
MSG_NO_JOB_ID = "job_id is required (jobId is accepted too)."
MSG_NO_RESUME = (
    "Send the resume: a file in the multipart field file (or resume), text in "
    "resume, or a data: URL of a PDF or DOCX in resume."
)
MSG_BAD_RESUME = "resume must be text, a data: URL or an uploaded file."

# Refusals that are about the document's content, not its size or shape.
UNPROCESSABLE_CODES = ("document_too_complex", "too_many_pages")


# --- the limits -------------------------------------------------------------------


def max_upload_bytes() -> int:
    """Return the largest resume accepted, in bytes (`OPENHIRE_MAX_UPLOAD_MB`)."""
    return int(settings.OPENHIRE_MAX_UPLOAD_MB * 1024 * 1024)


def max_body_bytes() -> int:
    """Return the largest request body or resume-carrying frame, in bytes."""
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def extraction_limits() -> ExtractionLimits:
    """Return the caps on one document's pages, characters and paragraphs."""
    return ExtractionLimits(
        max_pages=settings.OPENHIRE_DOC_MAX_PAGES,
        max_chars=settings.OPENHIRE_DOC_MAX_CHARS,
        max_paragraphs=settings.OPENHIRE_DOC_MAX_PARAGRAPHS,
    )


def sandbox_limits() -> SandboxLimits:
    """Return what parsing one document may cost a worker process."""
    return SandboxLimits(
        memory_mb=settings.OPENHIRE_DOC_MAX_MEMORY_MB,
        cpu_seconds=settings.OPENHIRE_DOC_MAX_CPU_S,
        wall_seconds=settings.OPENHIRE_DOC_TIMEOUT_S,
    )


def document_sandbox() -> DocumentSandbox:
    """Return this process's pool of document workers (`OPENHIRE_DOC_WORKERS`)."""
    return sandbox(workers=settings.OPENHIRE_DOC_WORKERS)


def upload_too_large() -> OpenHireError:
    """Return the 413 for a resume over the upload limit."""
    return too_large(MSG_TOO_LARGE.format(limit_mb=settings.OPENHIRE_MAX_UPLOAD_MB))


def refusal(error: ExtractionError) -> OpenHireError:
    """Return the HTTP error for a refused resume: 413, 422, 503 or 400."""
    if error.code == "too_large":
        return upload_too_large()
    if error.code in UNPROCESSABLE_CODES:
        return OpenHireError(error.message, error.code, status=422)
    if error.code == "extraction_busy":
        return OpenHireError(
            error.message, error.code, status=503, headers={"Retry-After": "5"}
        )
    return OpenHireError(error.message, error.code, status=400)


# --- the upload ---------------------------------------------------------------------


@dataclass(frozen=True)
class ResumeUpload:
    """A resume as the client sent it: bytes (file or data: URL) or text."""

    data: bytes | None = None
    text: str | None = None
    filename: str = ""

    @classmethod
    def from_string(cls, value: str) -> ResumeUpload:
        """Read a `resume` string: a `data:` URL becomes bytes, anything else text."""
        if is_data_url(value):
            try:
                data = decode_data_url(value, max_bytes=max_upload_bytes())
            except ExtractionError as error:
                raise refusal(error) from None
            return cls(data=data)
        return cls(text=value)

    @classmethod
    def from_file(cls, file: UploadedFile) -> ResumeUpload:
        """Read an uploaded file, refusing one over the limit before reading it."""
        if file.size is not None and file.size > max_upload_bytes():
            raise upload_too_large()
        return cls(data=file.read(max_upload_bytes() + 1), filename=file.name or "")


def _field(data: Any, *names: str) -> Any:
    for name in names:
        value = data.get(name) if hasattr(data, "get") else None
        if value not in (None, ""):
            return value
    return None


def review_request(data: Any, files: Any) -> tuple[str, ResumeUpload]:
    """Read `job_id` and the resume from any shape clients send (DESIGN.md §5).

    JSON `{resume, job_id}`; multipart `file` + `job_id`; multipart `resume`
    (a file) + `jobId`; form field `resume` as text; `resume` as a data: URL.
    """
    job_id = _field(data, "job_id", "jobId")
    if job_id is None:
        raise OpenHireError(
            MSG_NO_JOB_ID, "invalid", errors={"job_id": [MSG_NO_JOB_ID]}
        )
    if not isinstance(job_id, str | int):
        job_id = ""
    file = _field(files, "file", "resume") if files is not None else None
    if isinstance(file, UploadedFile):
        return str(job_id), ResumeUpload.from_file(file)
    value = _field(data, "resume", "resume_text", "file")
    if value is None:
        raise OpenHireError(
            MSG_NO_RESUME, "invalid", errors={"resume": [MSG_NO_RESUME]}
        )
    if not isinstance(value, str):
        raise OpenHireError(
            MSG_BAD_RESUME, "invalid", errors={"resume": [MSG_BAD_RESUME]}
        )
    return str(job_id), ResumeUpload.from_string(value)


# --- extraction -----------------------------------------------------------------------


def _checked(upload: ResumeUpload) -> None:
    limit = max_upload_bytes()
    if upload.data is not None:
        if len(upload.data) > limit:
            raise upload_too_large()
        return
    text = upload.text or ""
    if len(text) > limit or len(text.encode("utf-8", "surrogatepass")) > limit:
        raise upload_too_large()


def resume_extract(*, upload: ResumeUpload) -> ExtractedText:
    """Return the visible, normalised text of an upload; 400/413/422 otherwise.

    Files are parsed in the document sandbox; this blocks the calling thread
    (never an event loop: async code awaits `resume_aextract`).
    """
    _checked(upload)
    try:
        if upload.data is None:
            return extract_plain(upload.text or "", limits=extraction_limits())
        return document_sandbox().extract(
            upload.data, limits=extraction_limits(), sandbox=sandbox_limits()
        )
    except ExtractionError as error:
        raise refusal(error) from None


async def resume_aextract(*, upload: ResumeUpload) -> ExtractedText:
    """Await `resume_extract` without blocking the event loop (the interview path)."""
    _checked(upload)
    try:
        if upload.data is None:
            return await asyncio.to_thread(
                extract_plain, upload.text or "", limits=extraction_limits()
            )
        return await document_sandbox().aextract(
            upload.data, limits=extraction_limits(), sandbox=sandbox_limits()
        )
    except ExtractionError as error:
        raise refusal(error) from None
