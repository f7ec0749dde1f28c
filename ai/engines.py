"""Pick the AI engine named by `OPENHIRE_LLM` from a small registry."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import import_module
from typing import Any, Protocol

from ai.provider import OnWait
from ai.types import (
    ChatMessage,
    ChatReply,
    InterviewAnalysis,
    InterviewContext,
    JobSpec,
    Question,
    ResumeReview,
    Turn,
)

# Model calls in flight per process and provider (`OPENHIRE_LLM_MAX_CONCURRENCY`).
DEFAULT_MAX_CONCURRENCY = 100

ENGINES: dict[str, str] = {
    "offline": "ai.offline.OfflineEngine",
    "openai": "ai.chat_model.ChatModelEngine",
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

    # Awaitable twins: a model engine awaits its provider on the event loop.
    # `on_wait(position)` hears the caller's place when the provider's calls are
    # all taken; `on_delta(text)` hears the question's text as it is written.
    async def areview_resume(
        self, *, resume_text: str, job: JobSpec, on_wait: OnWait | None = None
    ) -> ResumeReview: ...

    async def anext_question(
        self,
        *,
        context: InterviewContext,
        question_type: str,
        history: list[Turn],
        on_wait: OnWait | None = None,
        on_delta: Callable[[str], Any] | None = None,
    ) -> Question: ...

    async def aanalyze_interview(
        self,
        *,
        context: InterviewContext,
        history: list[Turn],
        ended_early: bool,
        on_wait: OnWait | None = None,
    ) -> InterviewAnalysis: ...

    async def achat_reply(
        self,
        *,
        user_input: str,
        history: list[ChatMessage],
        on_wait: OnWait | None = None,
    ) -> ChatReply: ...

    def load(self) -> dict[str, Any]: ...


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


@dataclass(frozen=True)
class EngineConfig:
    """What picks and builds an engine: the `OPENHIRE_LLM*` settings' values."""

    spec: str = "offline"
    base_url: str = ""
    api_key: str = field(default="", repr=False)
    timeout_s: float = 30.0
    max_concurrency: int = DEFAULT_MAX_CONCURRENCY


class _Defaults:
    OPENHIRE_LLM = "offline"


_source: object = _Defaults()


def configure(source: object) -> None:
    """Read engine settings from `source` (e.g. `django.conf.settings`) from now on.

    `source` is read on every call, so a changed setting picks a new engine.
    """
    global _source
    _source = source


def vocabulary_dirs() -> tuple[str, ...]:
    """Return the extra vocabulary directories (`OPENHIRE_VOCABULARY_DIRS`)."""
    return tuple(str(d) for d in getattr(_source, "OPENHIRE_VOCABULARY_DIRS", ()) or ())


def check_vocabulary_dirs(dirs: list[str]) -> None:
    """Load the vocabularies in `dirs` now; raise ValueError naming a broken one."""
    from ai.offline import vocabulary

    vocabulary.load(tuple(str(d) for d in dirs))


def current_config() -> EngineConfig:
    """Return the engine settings as `configure()`'s source holds them now."""
    return EngineConfig(
        spec=getattr(_source, "OPENHIRE_LLM", "offline") or "offline",
        base_url=getattr(_source, "OPENHIRE_LLM_BASE_URL", "") or "",
        api_key=getattr(_source, "OPENAI_API_KEY", "") or "",
        timeout_s=float(getattr(_source, "OPENHIRE_LLM_TIMEOUT_S", 30.0)),
        max_concurrency=int(
            getattr(_source, "OPENHIRE_LLM_MAX_CONCURRENCY", DEFAULT_MAX_CONCURRENCY)
        ),
    )


@lru_cache(maxsize=8)
def build_engine(config: EngineConfig) -> Engine:
    """Build (once per distinct config) the engine that `config` names."""
    kind, model = parse_engine_spec(config.spec)
    module_path, _, class_name = ENGINES[kind].rpartition(".")
    engine_class = getattr(import_module(module_path), class_name)
    if not model:
        return engine_class()
    return engine_class(
        model=model,
        base_url=config.base_url,
        api_key=config.api_key,
        timeout_s=config.timeout_s,
        max_concurrency=config.max_concurrency,
    )


def get_engine() -> Engine:
    """Return the engine for the configured `OPENHIRE_LLM` (cached per value)."""
    return build_engine(current_config())
