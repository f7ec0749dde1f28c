"""Plain typed values that cross the LLM layer's boundary.

Domain code builds the request values, calls a function of `ai`
(`review_resume`, `next_question`, `analyze_interview`, `chat_reply`) and gets
one of the result values back. No LangChain type ever leaves `ai/`.
Every result carries an `AIMeta` saying which engine produced it and at what cost.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

QUESTION_TYPES: tuple[str, ...] = (
    "greeting",
    "resume",
    "follow_up",
    "scenario",
    "scenario_follow_up",
)
RECOMMENDATIONS: tuple[str, ...] = ("strong_hire", "hire", "maybe", "no_hire")
MESSAGE_TYPES: tuple[str, ...] = ("system", "human", "ai")

Sentiment = Literal["continue", "end"]


@dataclass(frozen=True)
class AIMeta:
    """Say which engine produced a result and what it cost."""

    engine: str  # "offline", "openai:gpt-4o-mini", "offline-fallback"
    prompt_version: str
    model_calls: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    latency_ms: float = 0.0
    fallback_reason: str = ""  # why the offline engine answered instead, if it did

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class JobSpec:
    """The job text an AI call is about."""

    title: str
    description: str
    skills: list[str] = field(default_factory=list)
    company_name: str = ""
    job_type: str = ""


# --- resume review -----------------------------------------------------------


@dataclass(frozen=True)
class RequirementMatch:
    """One requirement of the job and the resume text that supports it (if any)."""

    requirement: str
    matched: bool
    evidence: str = ""  # the resume sentence quoted, "" when missing
    kind: str = (
        "skill"  # "skill" | "role" | "experience" | "education" | "nice_to_have"
    )
    credit: float = 0.0  # 0-1: how much of the requirement the evidence meets
    where: str = ""  # "experience" | "summary" | "skills list" | "education" | ...
    must_have: bool = True  # False for a nice-to-have
    note: str = ""  # one sentence: how it was met, partly met or missed


@dataclass(frozen=True)
class ReviewWarning:
    """Something a recruiter should know about the resume itself."""

    code: str  # "hidden_text" | "keyword_stuffing" | "reader_addressed" | "job_text_copied"
    message: str


@dataclass(frozen=True)
class ResumeReview:
    """A scored, explained review of one resume against one job."""

    score: int  # 0-10
    summary: str  # the API's `resumeReview`
    pros: list[str]  # sentences; the API joins them with " "
    cons: list[str]
    matched: list[RequirementMatch]
    missing: list[RequirementMatch]
    meta: AIMeta
    warnings: list[ReviewWarning] = field(default_factory=list)
    requirements: list[RequirementMatch] = field(default_factory=list)  # job order


# --- interview ---------------------------------------------------------------


@dataclass(frozen=True)
class Turn:
    """One asked question and the candidate's answer ("" while unanswered)."""

    question_type: str
    question: str
    answer: str = ""


@dataclass(frozen=True)
class InterviewContext:
    job: JobSpec
    resume_text: str


@dataclass(frozen=True)
class Question:
    text: str
    question_type: str
    meta: AIMeta


@dataclass(frozen=True)
class InterviewAnalysis:
    """The scored end of an interview; scores are 0-10 with one decimal."""

    overall_score: float
    technical_score: float
    communication_score: float
    problem_solving_score: float
    cultural_fit_score: float
    strengths: list[str]
    areas_for_improvement: list[str]
    overall_feedback: str
    recommendation: str  # one of RECOMMENDATIONS
    confidence_score: float = 0.0  # 0-10, from the wording of the answers
    comfort_level: str = ""  # "low" | "medium" | "high"
    engagement_level: str = ""  # "low" | "medium" | "high"
    red_flags: list[str] = field(default_factory=list)
    evidence: list[dict[str, str]] = field(default_factory=list)  # {criterion, quote}
    # Additive: one entry per answer (score, kind, reasons) and the rubric used.
    question_scores: list[dict[str, Any]] = field(default_factory=list)
    rubric: dict[str, Any] = field(default_factory=dict)
    meta: AIMeta = field(default_factory=lambda: AIMeta("offline", ""))

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["meta"] = self.meta.as_dict()
        return data


# --- chat --------------------------------------------------------------------


@dataclass(frozen=True)
class ChatMessage:
    type: str  # one of MESSAGE_TYPES
    content: str


@dataclass(frozen=True)
class ChatReply:
    text: str
    sentiment: Sentiment
    meta: AIMeta
