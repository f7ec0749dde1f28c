"""Pick the AI engine named by `OPENHIRE_LLM` from a small registry."""

from __future__ import annotations

from functools import lru_cache
from importlib import import_module
from typing import Protocol

from openhire.llm.types import (
    ChatMessage,
    ChatReply,
    InterviewAnalysis,
    InterviewContext,
    JobSpec,
    Question,
    ResumeReview,
    Turn,
)

ENGINES: dict[str, str] = {
    "offline": "openhire.llm.offline.OfflineEngine",
    "openai": "openhire.llm.chat_model.ChatModelEngine",
}


class Engine(Protocol):
    name: str

    def review_resume(self, *, resume_text: str, job: JobSpec) -> ResumeReview: ...

    def next_question(
        self, *, context: InterviewContext, question_type: str, history: list[Turn]
    ) -> Question: ...

    def analyze_interview(
        self, *, context: InterviewContext, history: list[Turn], ended_early: bool
    ) -> InterviewAnalysis: ...

    def chat_reply(
        self, *, user_input: str, history: list[ChatMessage]
    ) -> ChatReply: ...


def parse_engine_spec(spec: str) -> tuple[str, str]:
    """Split `openai:gpt-4o-mini` into (`openai`, `gpt-4o-mini`); reject unknown kinds."""
    kind, _, model = (spec or "offline").strip().partition(":")
    if kind not in ENGINES:
        raise ValueError(
            f"OPENHIRE_LLM={spec!r} is not a known engine; use one of "
            + ", ".join(
                f"{name}{':<model>' if name != 'offline' else ''}" for name in ENGINES
            )
        )
    if kind != "offline" and not model:
        raise ValueError(
            f"OPENHIRE_LLM={spec!r} needs a model name, e.g. {kind}:gpt-4o-mini"
        )
    return kind, model


@lru_cache(maxsize=8)
def _build(spec: str) -> Engine:
    kind, model = parse_engine_spec(spec)
    module_path, _, class_name = ENGINES[kind].rpartition(".")
    engine_class = getattr(import_module(module_path), class_name)
    return engine_class(model=model) if model else engine_class()


def get_engine() -> Engine:
    """Return the engine for the current `settings.OPENHIRE_LLM` (cached per value)."""
    from django.conf import settings

    return _build(settings.OPENHIRE_LLM)
