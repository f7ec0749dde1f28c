"""Ask interview questions and score the answers, offline and deterministically.

`question(...)` builds each of the five questions (`ai.offline.questions`);
`analyze(...)` reads every answer against the question it answers and the
job's field (`ai.offline.answers`), scores it with the published rubric
(`ai.offline.rubric`, README "How interviews are scored") and explains the
result (`ai.offline.feedback`). Same input, same output; no network.

What earns points: relevance to the question and the job's field, specific
actions, figures, named methods and outcomes, structure, candour. What earns
nothing, and is named in `red_flags`: an empty or evasive answer, gibberish,
text copied from the question, a list of keywords with no claim, padding,
an off-topic story, instructions addressed to the scorer. There is no
baseline: an interview of non-answers scores 0. Only the text of the answers
is read: never names, ages, gender or emotions.
"""

from __future__ import annotations

import time

from ai.offline import feedback, questions, rubric
from ai.types import (
    AIMeta,
    InterviewAnalysis,
    InterviewContext,
    Question,
    Turn,
)

PROMPT_VERSION = "offline-interview-2"
TOTAL_QUESTIONS = rubric.TOTAL_QUESTIONS


def _meta(started: float) -> AIMeta:
    return AIMeta(
        "offline", PROMPT_VERSION, latency_ms=(time.perf_counter() - started) * 1000
    )


def question(
    *,
    context: InterviewContext,
    question_type: str,
    history: list[Turn],
    started: float,
) -> Question:
    """Return the interview question of `question_type` for this context and history."""
    if question_type == "greeting":
        text = questions.greeting(context)
    elif question_type == "resume":
        text = questions.resume_question(context)
    elif question_type == "follow_up":
        text = questions.follow_up_question(context, history)
    elif question_type == "scenario":
        text = questions.scenario_question(context)
    elif question_type == "scenario_follow_up":
        text = questions.scenario_follow_up_question(context, history)
    else:
        raise ValueError(f"unknown question type {question_type!r}")
    return Question(text, question_type, _meta(started))


def analyze(
    *, context: InterviewContext, history: list[Turn], ended_early: bool, started: float
) -> InterviewAnalysis:
    """Score the answered turns of an interview against the published rubric."""
    readings = rubric.read_all(context, history)
    result = rubric.scores(readings)
    flags = feedback.red_flags(readings, ended_early=ended_early)
    skills = tuple(s.strip() for s in context.job.skills if s and s.strip())
    strengths, areas = feedback.strengths_and_areas(readings, result, skills)
    recommendation = rubric.recommendation(result.overall, flags)
    confidence, comfort, engagement = feedback.levels(readings)
    summary = feedback.summary(
        len(readings), result, strengths, areas, recommendation, ended_early=ended_early
    )
    return InterviewAnalysis(
        overall_score=result.overall,
        technical_score=result.technical,
        communication_score=result.communication,
        problem_solving_score=result.problem_solving,
        cultural_fit_score=result.cultural_fit,
        strengths=strengths,
        areas_for_improvement=areas,
        overall_feedback=summary.strip(),
        recommendation=recommendation,
        confidence_score=confidence,
        comfort_level=comfort,
        engagement_level=engagement,
        red_flags=flags,
        evidence=feedback.evidence(readings),
        question_scores=feedback.question_scores(readings),
        rubric=rubric.RUBRIC,
        meta=_meta(started),
    )
