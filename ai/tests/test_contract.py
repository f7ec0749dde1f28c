"""Every engine keeps the same contract for the four domain calls."""

from __future__ import annotations

import pytest

from ai.offline import OfflineEngine
from ai.tests.samples import (
    CONTEXT,
    GOOD,
    HISTORY,
    JOB,
    RESUME,
    answer,
    fake_engine,
)
from ai.types import (
    QUESTION_TYPES,
    RECOMMENDATIONS,
    ChatMessage,
    ChatReply,
    InterviewAnalysis,
    Question,
    RequirementMatch,
    ResumeReview,
)


def offline(kind: str) -> OfflineEngine:
    return OfflineEngine()


def chat_model(kind: str):
    return fake_engine(answer(GOOD[kind]))


ENGINES = [
    pytest.param(offline, id="offline"),
    pytest.param(chat_model, id="chat-model"),
]


def assert_meta(result, engine) -> None:
    meta = result.meta
    assert meta.engine == engine.name
    assert meta.prompt_version
    assert meta.latency_ms >= 0
    assert meta.fallback_reason == ""
    if engine.name == "offline":
        assert (meta.model_calls, meta.tokens_in, meta.tokens_out) == (0, 0, 0)
    else:
        assert meta.model_calls == 1
        assert (meta.tokens_in, meta.tokens_out) == (40, 12)


@pytest.mark.parametrize("build", ENGINES)
def test_every_engine_reviews_a_resume_into_a_scored_review(build):
    engine = build("review")
    review = engine.review_resume(resume_text=RESUME, job=JOB)
    assert isinstance(review, ResumeReview)
    assert isinstance(review.score, int) and 0 <= review.score <= 10
    assert review.summary.strip()
    assert all(isinstance(item, str) for item in review.pros + review.cons)
    assert all(isinstance(m, RequirementMatch) and m.matched for m in review.matched)
    assert all(
        isinstance(m, RequirementMatch) and not m.matched for m in review.missing
    )
    assert_meta(review, engine)


@pytest.mark.parametrize("question_type", QUESTION_TYPES)
@pytest.mark.parametrize("build", ENGINES)
def test_every_engine_asks_each_kind_of_question(build, question_type):
    engine = build("question")
    asked = HISTORY[: QUESTION_TYPES.index(question_type)]
    question = engine.next_question(
        context=CONTEXT, question_type=question_type, history=asked
    )
    assert isinstance(question, Question)
    assert question.text.strip()
    assert question.question_type == question_type
    assert_meta(question, engine)


@pytest.mark.parametrize("ended_early", [False, True])
@pytest.mark.parametrize("build", ENGINES)
def test_every_engine_analyses_an_interview_within_the_rubric(build, ended_early):
    engine = build("analysis")
    history = HISTORY[:2] if ended_early else HISTORY
    analysis = engine.analyze_interview(
        context=CONTEXT, history=history, ended_early=ended_early
    )
    assert isinstance(analysis, InterviewAnalysis)
    for name in (
        "overall_score",
        "technical_score",
        "communication_score",
        "problem_solving_score",
        "cultural_fit_score",
    ):
        score = getattr(analysis, name)
        assert 0 <= score <= 10 and round(score, 1) == score
    assert analysis.recommendation in RECOMMENDATIONS
    assert analysis.overall_feedback.strip()
    assert_meta(analysis, engine)


@pytest.mark.parametrize("build", ENGINES)
def test_every_engine_replies_to_a_chat_message(build):
    engine = build("chat")
    reply = engine.chat_reply(
        user_input="How do I post a job?",
        history=[ChatMessage("ai", "Hi! How can I help?")],
    )
    assert isinstance(reply, ChatReply)
    assert reply.text.strip()
    assert reply.sentiment in ("continue", "end")
    assert_meta(reply, engine)
