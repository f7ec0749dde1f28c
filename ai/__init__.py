"""The AI layer: domain questions in, typed domain answers out.

Use it as::

    import ai as llm
    review = llm.review_resume(resume_text=text, job=JobSpec(...))
    review.score, review.meta.engine

The engine comes from `OPENHIRE_LLM` (`offline` by default, `openai:<model>`)
through the small `ENGINES` registry. Callers never see LangChain types.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ai.engines import get_engine
from ai.prompts import untrusted
from ai.provider import OnWait
from ai.types import (
    AIMeta,
    ChatMessage,
    ChatReply,
    InterviewAnalysis,
    InterviewContext,
    JobSpec,
    Question,
    RequirementMatch,
    ResumeReview,
    Turn,
)

__all__ = [
    "AIMeta",
    "ChatMessage",
    "ChatReply",
    "InterviewAnalysis",
    "InterviewContext",
    "JobSpec",
    "Question",
    "RequirementMatch",
    "ResumeReview",
    "Turn",
    "aanalyze_interview",
    "achat_reply",
    "analyze_interview",
    "anext_question",
    "areview_resume",
    "chat_reply",
    "engine_is_local",
    "engine_name",
    "engine_warm",
    "model_load",
    "next_question",
    "review_resume",
    "untrusted",
]


def engine_name() -> str:
    """Return the configured engine's name as results record it."""
    return get_engine().name


def engine_warm() -> str:
    """Build the configured engine now and return its name.

    A model engine imports its client library and sets up its HTTP clients
    when built: a server calls this at start-up, so the first request does not
    pay for it on the event loop.
    """
    return get_engine().name


def engine_is_local() -> bool:
    """Say whether the engine answers in-process and fast (no network call)."""
    return bool(getattr(get_engine(), "local", False))


def review_resume(*, resume_text: str, job: JobSpec) -> ResumeReview:
    """Review a resume against a job."""
    return get_engine().review_resume(resume_text=resume_text, job=job)


def next_question(
    *, context: InterviewContext, question_type: str, history: list[Turn]
) -> Question:
    """Ask the interview question of `question_type`, given the turns so far."""
    return get_engine().next_question(
        context=context, question_type=question_type, history=history
    )


def analyze_interview(
    *, context: InterviewContext, history: list[Turn], ended_early: bool = False
) -> InterviewAnalysis:
    """Score a finished (or ended early) interview from its answered turns."""
    return get_engine().analyze_interview(
        context=context, history=history, ended_early=ended_early
    )


def chat_reply(*, user_input: str, history: list[ChatMessage]) -> ChatReply:
    """Answer one chat message given the conversation so far."""
    return get_engine().chat_reply(user_input=user_input, history=history)


# -- the same four questions, awaited -----------------------------------------
# Async callers (the interview consumer, async views) await these: a model engine
# waits on the network without holding a thread; the offline engine answers inline.
# When the provider's calls are all taken the caller queues (first come, first
# served) and `on_wait(position)` hears its place (1 = next), once; the
# callbacks may be plain functions or coroutines.


async def areview_resume(
    *, resume_text: str, job: JobSpec, on_wait: OnWait | None = None
) -> ResumeReview:
    """Review a resume against a job, awaiting the engine."""
    return await get_engine().areview_resume(
        resume_text=resume_text, job=job, on_wait=on_wait
    )


async def anext_question(
    *,
    context: InterviewContext,
    question_type: str,
    history: list[Turn],
    on_wait: OnWait | None = None,
    on_delta: Callable[[str], Any] | None = None,
) -> Question:
    """Ask the interview question of `question_type`, awaiting the engine.

    `on_delta(text)` hears the question's text piece by piece as the model
    writes it (the offline engine: all at once); the returned `Question` is the
    authoritative text (after a failed stream it is the offline fallback's).
    """
    return await get_engine().anext_question(
        context=context,
        question_type=question_type,
        history=history,
        on_wait=on_wait,
        on_delta=on_delta,
    )


async def aanalyze_interview(
    *,
    context: InterviewContext,
    history: list[Turn],
    ended_early: bool = False,
    on_wait: OnWait | None = None,
) -> InterviewAnalysis:
    """Score a finished interview, awaiting the engine."""
    return await get_engine().aanalyze_interview(
        context=context, history=history, ended_early=ended_early, on_wait=on_wait
    )


async def achat_reply(
    *, user_input: str, history: list[ChatMessage], on_wait: OnWait | None = None
) -> ChatReply:
    """Answer one chat message, awaiting the engine."""
    return await get_engine().achat_reply(
        user_input=user_input, history=history, on_wait=on_wait
    )


def model_load() -> dict[str, Any]:
    """Return this process's model calls: `in_flight`, `queued`, the cap, the breaker.

    For a health check; the offline engine reports zeros.
    """
    return dict(get_engine().load())
