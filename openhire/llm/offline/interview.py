"""Offline interview questions and analysis. PLACEHOLDER: replaced by issue 5's work."""

from __future__ import annotations

import time

from openhire.llm.types import (
    AIMeta,
    InterviewAnalysis,
    InterviewContext,
    Question,
    Turn,
)

PROMPT_VERSION = "offline-interview-0"


def question(
    *,
    context: InterviewContext,
    question_type: str,
    history: list[Turn],
    started: float,
) -> Question:
    meta = AIMeta(
        "offline", PROMPT_VERSION, latency_ms=(time.perf_counter() - started) * 1000
    )
    return Question(f"Tell me about {context.job.title}.", question_type, meta)


def analyze(
    *, context: InterviewContext, history: list[Turn], ended_early: bool, started: float
) -> InterviewAnalysis:
    meta = AIMeta(
        "offline", PROMPT_VERSION, latency_ms=(time.perf_counter() - started) * 1000
    )
    return InterviewAnalysis(
        5.0, 5.0, 5.0, 5.0, 5.0, [], [], "Placeholder.", "maybe", meta=meta
    )
