"""Turn a model's JSON answer into a typed result, repairing what is missing.

`parse_answer(text, ReviewOut)` validates the answer into the schema (fields of
the wrong shape are dropped); `review_from` / `analysis_from` clamp scores into
range and fill each missing field from the offline engine's answer (`base()`,
computed only when needed).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from ai.types import (
    RECOMMENDATIONS,
    AIMeta,
    InterviewAnalysis,
    RequirementMatch,
    ResumeReview,
    ReviewWarning,
)

SCORE_FIELDS = (
    "overall_score",
    "technical_score",
    "communication_score",
    "problem_solving_score",
    "cultural_fit_score",
    "confidence_score",
)
LEVELS = ("low", "medium", "high")


class _Lenient(BaseModel):
    model_config = ConfigDict(extra="ignore", allow_inf_nan=False)


class _MatchOut(_Lenient):
    requirement: str
    evidence: str = ""
    kind: str = "skill"


class ReviewOut(_Lenient):
    score: float | None = None
    summary: str | None = None
    pros: list[str] | None = None
    cons: list[str] | None = None
    matched: list[_MatchOut] | None = None
    missing: list[_MatchOut] | None = None


class QuestionOut(_Lenient):
    question: str | None = None


class _EvidenceOut(_Lenient):
    criterion: str
    quote: str


class AnalysisOut(_Lenient):
    overall_score: float | None = None
    technical_score: float | None = None
    communication_score: float | None = None
    problem_solving_score: float | None = None
    cultural_fit_score: float | None = None
    strengths: list[str] | None = None
    areas_for_improvement: list[str] | None = None
    overall_feedback: str | None = None
    recommendation: str | None = None
    confidence_score: float | None = None
    comfort_level: str | None = None
    engagement_level: str | None = None
    red_flags: list[str] | None = None
    evidence: list[_EvidenceOut] | None = None


class ChatOut(_Lenient):
    response: str | None = None
    sentiment: str | None = None


Out = TypeVar("Out", bound=_Lenient)
Result = TypeVar("Result")


class Unparseable(ValueError):
    """The model's answer holds no usable JSON object for the asked schema."""


def extract_json_object(text: str) -> dict[str, Any]:
    """Return the JSON object in a model's answer (code fences and chatter allowed)."""
    cleaned = re.sub(r"```(?:json)?", "", text or "", flags=re.IGNORECASE).strip()
    candidates = [cleaned]
    start, end = cleaned.find("{"), cleaned.rfind("}")
    if 0 <= start < end:
        candidates.append(cleaned[start : end + 1])
    for candidate in candidates:
        try:
            value = json.loads(candidate)
        except ValueError:
            continue
        if isinstance(value, dict):
            return value
    raise Unparseable("no JSON object in the answer")


def parse_answer(text: str, schema: type[Out]) -> Out:
    """Validate a model's answer into `schema`, dropping fields of the wrong shape.

    Raises `Unparseable` when there is no JSON object or no usable field at all.
    """
    data = extract_json_object(text)
    for _ in range(len(schema.model_fields) + 1):
        try:
            parsed = schema.model_validate(data)
            break
        except ValidationError as exc:
            bad = {err["loc"][0] for err in exc.errors() if err["loc"]}
            if not bad & set(data):
                raise Unparseable("the answer does not fit the schema") from None
            data = {key: value for key, value in data.items() if key not in bad}
    else:  # pragma: no cover - each round removes at least one field
        raise Unparseable("the answer does not fit the schema")
    if all(value is None for value in parsed.model_dump().values()):
        raise Unparseable("the answer has none of the expected fields")
    return parsed


def clamp(value: float, low: float, high: float) -> float:
    """Clamp `value` into [low, high]."""
    return max(low, min(high, value))


def _strings(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [value.strip() for value in values if value and value.strip()]


def _normalise(text: str) -> str:
    return " ".join(text.lower().split())


def review_from(
    out: ReviewOut, base: Callable[[], ResumeReview], resume_text: str, engine: str
) -> ResumeReview:
    """Build the review from the model's answer; repair gaps from `base()`."""
    resume = _normalise(resume_text)
    invented: list[str] = []

    def quoted(evidence: str) -> str:
        # Keep only evidence the resume really contains; count what it does not.
        wanted = _normalise(evidence)
        if wanted and wanted in resume:
            return evidence.strip()
        if wanted:
            invented.append(evidence)
        return ""

    score = round(clamp(out.score, 0, 10)) if out.score is not None else base().score
    matched = (
        [
            RequirementMatch(m.requirement, True, quoted(m.evidence), m.kind)
            for m in out.matched
        ]
        if out.matched is not None
        else base().matched
    )
    missing = (
        [RequirementMatch(m.requirement, False, "", m.kind) for m in out.missing]
        if out.missing is not None
        else base().missing
    )
    summary = (out.summary or "").strip() or base().summary
    pros = _strings(out.pros)
    cons = _strings(out.cons)
    return ResumeReview(
        score=int(score),
        summary=summary,
        pros=pros if pros is not None else base().pros,
        cons=cons if cons is not None else base().cons,
        matched=matched,
        missing=missing,
        meta=AIMeta(engine, ""),
        warnings=[*base().warnings, *_unverified(invented)],
    )


UNVERIFIED_EVIDENCE = (
    "{count} quote(s) the model gave as evidence are not in the resume; they were "
    "dropped and their requirements count as unproven."
)


def _unverified(invented: list[str]) -> list[ReviewWarning]:
    """Name the model's quotes that the visible resume does not contain."""
    if not invented:
        return []
    message = UNVERIFIED_EVIDENCE.format(count=len(invented))
    return [ReviewWarning("unverified_evidence", message)]


def analysis_from(
    out: AnalysisOut, base: Callable[[], InterviewAnalysis], engine: str
) -> InterviewAnalysis:
    """Build the analysis from the model's answer; repair gaps from `base()`."""
    values: dict[str, Any] = {}
    for name in SCORE_FIELDS:
        value = getattr(out, name)
        values[name] = (
            round(clamp(value, 0, 10), 1)
            if value is not None
            else getattr(base(), name)
        )
    for name in ("strengths", "areas_for_improvement", "red_flags"):
        items = _strings(getattr(out, name))
        values[name] = items if items is not None else getattr(base(), name)
    feedback = (out.overall_feedback or "").strip()
    values["overall_feedback"] = feedback or base().overall_feedback
    recommendation = (out.recommendation or "").strip().lower().replace(" ", "_")
    values["recommendation"] = (
        recommendation if recommendation in RECOMMENDATIONS else base().recommendation
    )
    for name in ("comfort_level", "engagement_level"):
        level = (getattr(out, name) or "").strip().lower()
        values[name] = level if level in LEVELS else getattr(base(), name)
    values["evidence"] = (
        [{"criterion": e.criterion, "quote": e.quote} for e in out.evidence]
        if out.evidence is not None
        else base().evidence
    )
    return InterviewAnalysis(**values, meta=AIMeta(engine, ""))


# -- calling the model --------------------------------------------------------
