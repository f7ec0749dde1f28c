"""Score an interview from its answer readings: the published rubric.

`analyze(context, history, ended_early)` reads every answered turn
(`ai.offline.answers`), scores each answer, and combines them into the
analysis of DESIGN §6 plus two additive fields: `question_scores` (one entry
per answer, with its score and the reasons) and `rubric` (the weights used).
The rubric is written out in README ("How interviews are scored") and in
`RUBRIC` below; every number there is what this module computes.
"""

from __future__ import annotations

from dataclasses import dataclass

from ai.offline import answers
from ai.offline.answers import Reading
from ai.types import QUESTION_TYPES, InterviewContext, Turn

VERSION = "rubric-2"
TOTAL_QUESTIONS = len(QUESTION_TYPES)
WEIGHTS = {
    "technical": 0.35,
    "communication": 0.20,
    "problem_solving": 0.30,
    "cultural_fit": 0.15,
}
SOLVING_TYPES = ("follow_up", "scenario", "scenario_follow_up")
RUBRIC = {
    "version": VERSION,
    "answer_score": "10 x (0.35 relevance + 0.35 specificity + 0.15 structure "
    "+ 0.15 honesty); 0 for an answer that is not an answer",
    "not_an_answer": [
        "empty",
        "evasive",
        "too_short",
        "gibberish",
        "injection",
        "copied",
        "keyword_list",
        "off_topic",
        "padding",
        "repeated",
    ],
    "relevance": "distinct words of the question's subject and the job's field "
    "(6 saturate; one taken from the question itself counts half), times the "
    "share of the answer that is not padding",
    "specificity": "0.3 figures tied to a claim (3 saturate) + 0.3 named methods "
    "or tools of the field (3) + 0.25 sentences with 3+ subject words (2) + 0.15 "
    "outcomes (2)",
    "structure": "0.5 connectors (3) + 0.3 readable sentences + 0.2 more than one",
    "honesty": "owning limits and lessons (2 saturate) minus 0.5 per boast",
    "technical": "10 x mean of (0.5 relevance + 0.5 specificity)",
    "communication": "10 x mean of (0.4 structure + 0.3 focus + 0.3 min(1, 1.5 x "
    "relevance)); focus = 1 - padding share",
    "problem_solving": "10 x min(1, distinct signals / 5) x (0.3 + 0.7 mean "
    "relevance) x share of answers on the subject, over follow_up, scenario and "
    "scenario_follow_up; signals: steps, causes, verification, trade-offs, people",
    "cultural_fit": "the same over all answers; signals: team, stakeholders, "
    "communication, feedback, ownership, learning, motivation",
    "weights": WEIGHTS,
    "coverage": "overall x (0.4 + 0.6 x answered / 5)",
    "recommendation": "strong_hire >= 8.0 and hire >= 6.5 without red flags; "
    "maybe >= 4.5; else no_hire. Any red flag caps at maybe.",
}


@dataclass(frozen=True)
class Scores:
    """The five 0-10 scores of an interview."""

    technical: float
    communication: float
    problem_solving: float
    cultural_fit: float
    overall: float


def clamp(value: float) -> float:
    """Return `value` within 0-10, rounded to one decimal."""
    return round(min(10.0, max(0.0, value)), 1)


def read_all(context: InterviewContext, history: list[Turn]) -> list[Reading]:
    """Read every answered turn against its question and the job.

    An answer given again to a later question answers neither: the repeat is
    read as kind "repeated" and earns nothing.
    """
    readings: list[Reading] = []
    seen: set[str] = set()
    for turn in history:
        if not turn.answer.strip():
            continue
        reading = answers.read(turn, answers.subject_for(context, turn))
        key = " ".join(reading.text.casefold().split())
        if reading.counts and key in seen:
            reading = answers.repeated(reading)
        seen.add(key)
        readings.append(reading)
    return readings


def answer_score(reading: Reading) -> float:
    """Return one answer's 0-10 score (0 for anything that is not an answer)."""
    if not reading.counts:
        return 0.0
    return clamp(
        10
        * (
            0.35 * reading.relevance
            + 0.35 * reading.specificity
            + 0.15 * reading.structure
            + 0.15 * reading.honesty
        )
    )


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _technical(r: Reading) -> float:
    return 0.5 * r.relevance + 0.5 * r.specificity if r.counts else 0.0


def _communication(r: Reading) -> float:
    if not r.counts:
        return 0.0
    focus = 1.0 - r.padding
    return 0.4 * r.structure + 0.3 * focus + 0.3 * min(1.0, 1.5 * r.relevance)


def _signals(readings: list[Reading], attribute: str, saturates: int) -> float:
    """Return 0-1: distinct signals of the answers on the subject, by their relevance.

    A signal counts only in an answer that addresses its question (relevance
    above 0); answers that earned nothing dilute the result.
    """
    on_subject = [r for r in readings if r.counts and r.relevance > 0]
    if not on_subject:
        return 0.0
    found = {signal for r in on_subject for signal in getattr(r, attribute)}
    relevance = _mean([r.relevance for r in on_subject])
    share = len(on_subject) / len(readings)
    return min(1.0, len(found) / saturates) * (0.3 + 0.7 * relevance) * share


def scores(readings: list[Reading]) -> Scores:
    """Combine the readings into the interview's scores."""
    if not readings:
        return Scores(0.0, 0.0, 0.0, 0.0, 0.0)
    solving = [r for r in readings if r.question_type in SOLVING_TYPES]
    technical = clamp(10 * _mean([_technical(r) for r in readings]))
    communication = clamp(10 * _mean([_communication(r) for r in readings]))
    problem_solving = clamp(10 * _signals(solving or readings, "problem", 5))
    if not solving:
        problem_solving = clamp(problem_solving * 0.8)
    cultural_fit = clamp(10 * _signals(readings, "collaboration", 5))
    weighted = (
        WEIGHTS["technical"] * technical
        + WEIGHTS["communication"] * communication
        + WEIGHTS["problem_solving"] * problem_solving
        + WEIGHTS["cultural_fit"] * cultural_fit
    )
    coverage = 0.4 + 0.6 * len(readings) / TOTAL_QUESTIONS
    overall = clamp(weighted * coverage)
    return Scores(technical, communication, problem_solving, cultural_fit, overall)


def recommendation(overall: float, red_flags: list[str]) -> str:
    """Return the recommendation for an overall score; a red flag caps it at maybe."""
    if overall >= 8.0 and not red_flags:
        return "strong_hire"
    if overall >= 6.5 and not red_flags:
        return "hire"
    if overall >= 4.5:
        return "maybe"
    return "no_hire"
