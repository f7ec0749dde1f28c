"""The offline engine: deterministic, explainable, no network.

Each domain question has its own pure module: `resume_review`, `interview`,
`chat`. They read text through one toolkit (`text`: tokens, normalising,
lemmas, sentences) and one vocabulary store (`vocabulary`: field vocabularies
as data files in `vocabularies/`). The resume review is a pipeline:
`job_requirements` → `resume_sections` (+ `dates`) → `resume_index` (+
`resume_checks`) → `evidence` → `review_prose`. Same input, same output.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from ai.offline import chat, interview, resume_review
from ai.provider import OnWait, notify
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


class OfflineEngine:
    """Answer every AI question with the deterministic offline rules."""

    name = "offline"
    # Answers in-process in well under a millisecond: callers may compute a result
    # inside the write that needs it instead of in a separate round (interviews).
    local = True

    def review_resume(self, *, resume_text: str, job: JobSpec) -> ResumeReview:
        return resume_review.review(
            resume_text=resume_text, job=job, started=time.perf_counter()
        )

    def next_question(
        self, *, context: InterviewContext, question_type: str, history: list[Turn]
    ) -> Question:
        return interview.question(
            context=context,
            question_type=question_type,
            history=history,
            started=time.perf_counter(),
        )

    def analyze_interview(
        self,
        *,
        context: InterviewContext,
        history: list[Turn],
        ended_early: bool = False,
    ) -> InterviewAnalysis:
        return interview.analyze(
            context=context,
            history=history,
            ended_early=ended_early,
            started=time.perf_counter(),
        )

    def chat_reply(self, *, user_input: str, history: list[ChatMessage]) -> ChatReply:
        return chat.reply(
            user_input=user_input, history=history, started=time.perf_counter()
        )

    # The offline rules take well under a millisecond: awaited, they run inline.
    # They never queue (`on_wait` is not called); `on_delta` hears the whole
    # question at once, so a streaming client gets the same frames from any engine.
    async def areview_resume(
        self, *, resume_text: str, job: JobSpec, on_wait: OnWait | None = None
    ) -> ResumeReview:
        return self.review_resume(resume_text=resume_text, job=job)

    async def anext_question(
        self,
        *,
        context: InterviewContext,
        question_type: str,
        history: list[Turn],
        on_wait: OnWait | None = None,
        on_delta: Callable[[str], Any] | None = None,
    ) -> Question:
        question = self.next_question(
            context=context, question_type=question_type, history=history
        )
        await notify(on_delta, question.text)
        return question

    async def aanalyze_interview(
        self,
        *,
        context: InterviewContext,
        history: list[Turn],
        ended_early: bool = False,
        on_wait: OnWait | None = None,
    ) -> InterviewAnalysis:
        return self.analyze_interview(
            context=context, history=history, ended_early=ended_early
        )

    async def achat_reply(
        self,
        *,
        user_input: str,
        history: list[ChatMessage],
        on_wait: OnWait | None = None,
    ) -> ChatReply:
        return self.chat_reply(user_input=user_input, history=history)

    def load(self) -> dict[str, Any]:
        """Return the model calls in flight and queued: none, ever."""
        return {"in_flight": 0, "queued": 0, "max_concurrency": 0, "circuit": "closed"}
