"""Offline resume review. PLACEHOLDER: replaced by the resume-review work (issue 4)."""

from __future__ import annotations

import time

from openhire.llm.types import AIMeta, JobSpec, ResumeReview

PROMPT_VERSION = "offline-review-0"


def review(*, resume_text: str, job: JobSpec, started: float) -> ResumeReview:
    meta = AIMeta(
        "offline", PROMPT_VERSION, latency_ms=(time.perf_counter() - started) * 1000
    )
    return ResumeReview(5, "Placeholder review.", [], [], [], [], meta)
