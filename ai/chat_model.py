"""The LangChain engine: any chat model, OpenAI or an OpenAI-compatible server.

Use it through the registry (`OPENHIRE_LLM=openai:gpt-4o-mini`), or build it
directly, e.g. in tests with a fake chat model::

    engine = ChatModelEngine(model="gpt-4o-mini", chat_model=FakeListChatModel(...))
    engine.chat_reply(user_input="hi", history=[])
    await engine.anext_question(..., on_wait=tell_position, on_delta=send_text)

Contract of every call:

- The prompt asks for one JSON object (`ai.prompts`); the answer is parsed with
  pydantic and turned into the typed result of `ai.types` (`ai.answers`).
  Scores are clamped to their range; fields that are missing or of the wrong
  type are repaired from the offline engine's answer to the same question.
- Untrusted text (resumes, jobs, answers, chat messages) reaches the model only
  through `ai.prompts.untrusted()` and only inside JSON data blocks.
- The awaitable calls (`a*`) await the model on the event loop (`ainvoke`, or
  `astream` when `on_delta` is given): no thread waits for the model. At most
  `max_concurrency` calls of this engine are in flight per process; later
  callers queue first come, first served and hear their position through
  `on_wait(position)`. The sync calls share the same gate from their threads.
- Each attempt is bounded by `OPENHIRE_LLM_TIMEOUT_S`. A timeout, a connection
  or server (5xx, 429) error, or an unparseable answer gets ONE retry after a
  short random pause; after that (or at once for any other error) the offline
  engine answers and the result's `meta.engine` is `offline-fallback` with
  `meta.fallback_reason` saying why. The worst case is therefore about two
  timeouts plus the offline time (plus any time queued at the gate).
- A circuit breaker counts failed requests: after `breaker_threshold` in a row
  the provider is not called for `breaker_cooldown_s` (answers are offline with
  reason `circuit_open`), then one request probes it again.
- The API key never reaches logs, errors, `repr()` or `fallback_reason`.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Generic, TypeVar
from urllib.parse import urlsplit, urlunsplit

import openai
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage

from ai.answers import (
    SCORE_FIELDS,
    AnalysisOut,
    ChatOut,
    QuestionOut,
    ReviewOut,
    Unparseable,
    analysis_from,
    clamp,
    extract_json_object,
    parse_answer,
    review_from,
)
from ai.offline import OfflineEngine
from ai.prompts import (
    ANALYSIS_PROMPT_VERSION,
    CHAT_PROMPT_VERSION,
    DATA_RULES,
    QUESTION_PROMPT_VERSION,
    REVIEW_PROMPT_VERSION,
    analysis_prompt,
    chat_prompt,
    fence,
    question_prompt,
    review_prompt,
    untrusted,
)
from ai.provider import OnWait, Provider, notify
from ai.streaming import FieldStream
from ai.types import (
    AIMeta,
    ChatMessage,
    ChatReply,
    InterviewAnalysis,
    InterviewContext,
    JobSpec,
    Question,
    ResumeReview,
    Turn,
)

__all__ = [
    "ANALYSIS_PROMPT_VERSION",
    "CHAT_PROMPT_VERSION",
    "DATA_RULES",
    "QUESTION_PROMPT_VERSION",
    "REVIEW_PROMPT_VERSION",
    "SCORE_FIELDS",
    "AnalysisOut",
    "ChatModelEngine",
    "ChatOut",
    "QuestionOut",
    "ReviewOut",
    "Unparseable",
    "analysis_prompt",
    "chat_prompt",
    "clamp",
    "classify_failure",
    "extract_json_object",
    "fence",
    "parse_answer",
    "question_prompt",
    "review_prompt",
    "untrusted",
]

logger = logging.getLogger("ai")

FALLBACK_ENGINE = "offline-fallback"
CIRCUIT_OPEN = "circuit_open"
ATTEMPTS = 2  # the first call and one retry
RETRY_PAUSE_S = (0.05, 0.3)  # the random pause before the retry

MISSING_KEY_MESSAGE = (
    "OPENHIRE_LLM={spec} needs OPENAI_API_KEY, or OPENHIRE_LLM_BASE_URL for an "
    "OpenAI-compatible server that needs no key."
)

Result = TypeVar("Result")
OnDelta = Callable[[str], Any]


@dataclass
class _Attempts:
    """What the calls to the model cost, across the first try and the retry."""

    model_calls: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    failure: str = ""
    streamed: bool = False


def _redact_url(url: str) -> str:
    """Drop any user:password part of a URL."""
    if not url:
        return ""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def classify_failure(exc: BaseException) -> tuple[str, bool]:
    """Name a failed call for `fallback_reason` and say whether it is worth a retry.

    The name never includes the provider's message (it may echo part of a key).
    """
    if isinstance(exc, (openai.APITimeoutError, TimeoutError)):
        return "timeout", True
    if isinstance(exc, openai.APIConnectionError):
        return "connection_error", True
    if isinstance(exc, openai.APIStatusError):
        status = exc.status_code
        return (
            (f"server_error_{status}", True)
            if status >= 500
            else (f"http_{status}", status == 429)  # rate limited: worth a retry
        )
    return f"error_{type(exc).__name__}", False


def _pause() -> float:
    """Return the random pause before a retry (jitter: retries do not stampede)."""
    return random.uniform(*RETRY_PAUSE_S)


def _text(message: Any) -> str:
    return "" if message is None else str(message.text)


@dataclass(frozen=True)
class _Call(Generic[Result]):
    """One domain question for the model: its prompt, its schema, its answers."""

    messages: list[BaseMessage]
    schema: type
    prompt_version: str
    build: Callable[[Any, Callable[[], Result]], Result]
    offline: Callable[[], Result]
    stream_field: str = ""  # the answer's JSON field that `on_delta` hears


class ChatModelEngine:
    """Answer the four AI questions with a LangChain chat model, else offline."""

    def __init__(
        self,
        model: str,
        *,
        chat_model: BaseChatModel | None = None,
        base_url: str | None = None,
        api_key: str | None = None,
        timeout_s: float | None = None,
        fallback: OfflineEngine | None = None,
        max_concurrency: int = 64,
        breaker_threshold: int = 5,
        breaker_cooldown_s: float = 30.0,
    ) -> None:
        self.model = model
        self.name = f"openai:{model}"
        self.timeout_s = float(timeout_s if timeout_s is not None else 30.0)
        self.base_url = base_url or ""
        self.fallback = fallback or OfflineEngine()
        self.provider = Provider(
            max_concurrency=max_concurrency,
            breaker_threshold=breaker_threshold,
            breaker_cooldown_s=breaker_cooldown_s,
        )
        if chat_model is None:
            chat_model, stream_model = self._build_chat_openai(api_key)
        else:
            stream_model = chat_model
        self._chat_model = chat_model
        self._stream_model = stream_model

    def _build_chat_openai(self, api_key: str | None) -> tuple[Any, Any]:
        """Return the client for whole answers and the one for streams (the same).

        JSON mode goes in `extra_body`, not as `response_format`: with that
        argument langchain-openai takes the SDK's structured-output path, about a
        fifth more CPU per call, and for streams a helper that repeats the whole
        answer as a last chunk. The request body is the same either way.
        """
        from langchain_openai import ChatOpenAI

        key = api_key or ""
        if not key and not self.base_url:
            raise ValueError(MISSING_KEY_MESSAGE.format(spec=self.name))
        client = ChatOpenAI(
            model=self.model,
            base_url=self.base_url or None,
            # OpenAI-compatible servers such as Ollama ignore the key, but the
            # client insists on one.
            api_key=key or "no-key-needed",
            timeout=self.timeout_s,
            max_retries=0,
            stream_usage=True,  # token counts for streamed answers too
            extra_body={"response_format": {"type": "json_object"}},
        )
        return client, client

    def __repr__(self) -> str:
        base = _redact_url(self.base_url) or "api.openai.com"
        return f"<ChatModelEngine {self.name} at {base}, timeout {self.timeout_s}s>"

    def load(self) -> dict[str, Any]:
        """Return the model calls in flight and queued here, and the breaker state."""
        return self.provider.load()

    # -- the four domain questions ------------------------------------------------

    def _review(self, resume_text: str, job: JobSpec) -> _Call[ResumeReview]:
        return _Call(
            review_prompt(resume_text=resume_text, job=job),
            ReviewOut,
            REVIEW_PROMPT_VERSION,
            lambda out, base: review_from(out, base, resume_text, self.name),
            lambda: self.fallback.review_resume(resume_text=resume_text, job=job),
        )

    def _question(
        self, context: InterviewContext, question_type: str, history: list[Turn]
    ) -> _Call[Question]:
        def build(out: QuestionOut, base: Callable[[], Question]) -> Question:
            text = (out.question or "").strip()
            if not text:
                return replace(base(), meta=AIMeta(self.name, ""))
            return Question(text, question_type, AIMeta(self.name, ""))

        return _Call(
            question_prompt(
                context=context, question_type=question_type, history=history
            ),
            QuestionOut,
            QUESTION_PROMPT_VERSION,
            build,
            lambda: self.fallback.next_question(
                context=context, question_type=question_type, history=history
            ),
            stream_field="question",
        )

    def _analysis(
        self, context: InterviewContext, history: list[Turn], ended_early: bool
    ) -> _Call[InterviewAnalysis]:
        return _Call(
            analysis_prompt(context=context, history=history, ended_early=ended_early),
            AnalysisOut,
            ANALYSIS_PROMPT_VERSION,
            lambda out, base: analysis_from(out, base, self.name),
            lambda: self.fallback.analyze_interview(
                context=context, history=history, ended_early=ended_early
            ),
        )

    def _chat(self, user_input: str, history: list[ChatMessage]) -> _Call[ChatReply]:
        def build(out: ChatOut, base: Callable[[], ChatReply]) -> ChatReply:
            text = (out.response or "").strip() or base().text
            sentiment = (out.sentiment or "").strip().lower()
            if sentiment not in ("continue", "end"):
                sentiment = base().sentiment
            return ChatReply(text, sentiment, AIMeta(self.name, ""))

        return _Call(
            chat_prompt(user_input=user_input, history=history),
            ChatOut,
            CHAT_PROMPT_VERSION,
            build,
            lambda: self.fallback.chat_reply(user_input=user_input, history=history),
        )

    # -- sync: the caller's thread waits for the model ----------------------------

    def review_resume(self, *, resume_text: str, job: JobSpec) -> ResumeReview:
        return self._run(self._review(resume_text, job))

    def next_question(
        self, *, context: InterviewContext, question_type: str, history: list[Turn]
    ) -> Question:
        return self._run(self._question(context, question_type, history))

    def analyze_interview(
        self,
        *,
        context: InterviewContext,
        history: list[Turn],
        ended_early: bool = False,
    ) -> InterviewAnalysis:
        return self._run(self._analysis(context, history, ended_early))

    def chat_reply(self, *, user_input: str, history: list[ChatMessage]) -> ChatReply:
        return self._run(self._chat(user_input, history))

    # -- awaited: the event loop goes on while the model thinks -------------------

    async def areview_resume(
        self, *, resume_text: str, job: JobSpec, on_wait: OnWait | None = None
    ) -> ResumeReview:
        return await self._arun(self._review(resume_text, job), on_wait=on_wait)

    async def anext_question(
        self,
        *,
        context: InterviewContext,
        question_type: str,
        history: list[Turn],
        on_wait: OnWait | None = None,
        on_delta: OnDelta | None = None,
    ) -> Question:
        return await self._arun(
            self._question(context, question_type, history),
            on_wait=on_wait,
            on_delta=on_delta,
        )

    async def aanalyze_interview(
        self,
        *,
        context: InterviewContext,
        history: list[Turn],
        ended_early: bool = False,
        on_wait: OnWait | None = None,
    ) -> InterviewAnalysis:
        return await self._arun(
            self._analysis(context, history, ended_early), on_wait=on_wait
        )

    async def achat_reply(
        self,
        *,
        user_input: str,
        history: list[ChatMessage],
        on_wait: OnWait | None = None,
    ) -> ChatReply:
        return await self._arun(self._chat(user_input, history), on_wait=on_wait)

    # -- calling the model --------------------------------------------------------

    def _run(self, call: _Call[Result]) -> Result:
        """Ask the model from this thread (one retry), or answer offline."""
        started, attempts = time.perf_counter(), _Attempts()
        parsed = None
        admitted = self.provider.breaker.allow()
        try:
            for attempt in range(1, ATTEMPTS + 1 if admitted else 1):
                if attempt > 1:
                    time.sleep(_pause())
                answer, error = None, None
                with self.provider.gate.slot_sync():
                    attempts.model_calls += 1
                    try:
                        answer = self._chat_model.invoke(call.messages)
                    except Exception as exc:  # noqa: BLE001 - any failure falls back
                        error = exc
                parsed, again = self._settle(call, attempts, attempt, answer, error)
                if not again:
                    break
        finally:
            self._book(admitted, parsed, attempts)
        return self._finish(call, parsed, attempts, started)

    async def _arun(
        self,
        call: _Call[Result],
        *,
        on_wait: OnWait | None = None,
        on_delta: OnDelta | None = None,
    ) -> Result:
        """Await the model on the event loop (one retry), or answer offline."""
        started, attempts = time.perf_counter(), _Attempts()
        parsed = None
        admitted = self.provider.breaker.allow()
        try:
            for attempt in range(1, ATTEMPTS + 1 if admitted else 1):
                if attempt > 1:
                    await asyncio.sleep(_pause())
                answer, error = None, None
                async with self.provider.gate.slot(on_wait):
                    attempts.model_calls += 1
                    try:
                        async with asyncio.timeout(self.timeout_s):
                            answer = await self._acall(call, on_delta, attempts)
                    except Exception as exc:  # noqa: BLE001 - any failure falls back
                        error = exc
                parsed, again = self._settle(call, attempts, attempt, answer, error)
                if not again:
                    break
        finally:
            self._book(admitted, parsed, attempts)
        return self._finish(call, parsed, attempts, started)

    async def _acall(
        self, call: _Call[Result], on_delta: OnDelta | None, attempts: _Attempts
    ) -> Any:
        """Await one answer; stream the answer's field to `on_delta` if asked."""
        if on_delta is None or not call.stream_field or attempts.streamed:
            return await self._chat_model.ainvoke(call.messages)
        field = FieldStream(call.stream_field)
        message = None
        async for chunk in self._stream_model.astream(call.messages):
            message = chunk if message is None else message + chunk
            text = field.feed(_text(chunk))
            if text:
                attempts.streamed = True  # a retry does not stream the text again
                await notify(on_delta, text)
        return message

    def _settle(
        self,
        call: _Call[Result],
        attempts: _Attempts,
        attempt: int,
        answer: Any,
        error: BaseException | None,
    ) -> tuple[Any, bool]:
        """Book one attempt; return (the parsed answer or None, whether to retry)."""
        if error is not None:
            attempts.failure, retryable = classify_failure(error)
            problem = f"call {attempt}/{ATTEMPTS} failed ({attempts.failure})"
        else:
            usage = getattr(answer, "usage_metadata", None) or {}
            attempts.tokens_in += int(usage.get("input_tokens", 0) or 0)
            attempts.tokens_out += int(usage.get("output_tokens", 0) or 0)
            try:
                return parse_answer(_text(answer), call.schema), False
            except Unparseable as exc:
                attempts.failure, retryable = "unparseable", True
                problem = f"answer {attempt}/{ATTEMPTS} unusable ({exc})"
        logger.warning("%s: %s %s", self.name, call.schema.__name__, problem)
        return None, retryable

    def _book(self, admitted: bool, parsed: Any, attempts: _Attempts) -> None:
        """Tell the breaker how the provider did (a refused call says nothing)."""
        if not admitted:
            attempts.failure = CIRCUIT_OPEN
            return
        if attempts.model_calls == 0 or (parsed is None and not attempts.failure):
            self.provider.breaker.record(ok=None)  # cancelled before an answer
            return
        answered = parsed is not None or attempts.failure == "unparseable"
        self.provider.breaker.record(ok=answered)

    def _finish(
        self,
        call: _Call[Result],
        parsed: Any,
        attempts: _Attempts,
        started: float,
    ) -> Result:
        """Build the result from the answer, or the offline one; record the cost."""
        cache: list[Result] = []

        def base() -> Result:
            if not cache:
                cache.append(call.offline())
            return cache[0]

        result = call.build(parsed, base) if parsed is not None else base()
        meta = AIMeta(
            engine=self.name if parsed is not None else FALLBACK_ENGINE,
            prompt_version=call.prompt_version
            if parsed is not None
            else result.meta.prompt_version,
            model_calls=attempts.model_calls,
            tokens_in=attempts.tokens_in,
            tokens_out=attempts.tokens_out,
            latency_ms=round((time.perf_counter() - started) * 1000, 3),
            fallback_reason="" if parsed is not None else attempts.failure,
        )
        return replace(result, meta=meta)
