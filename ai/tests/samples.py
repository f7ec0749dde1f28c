"""Sample jobs, resumes and transcripts, and fake chat models, for the LLM tests."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage

from ai.chat_model import ChatModelEngine
from ai.types import InterviewContext, JobSpec, Turn

JOB = JobSpec(
    title="Backend Engineer",
    description=(
        "We build hiring software in Python. You need 3+ years of Django and "
        "PostgreSQL, REST API design, and testing with pytest."
    ),
    skills=["Python", "Django", "PostgreSQL", "REST"],
    company_name="Acme",
    job_type="full-time",
)
RESUME = (
    "Ana Lima, backend developer.\n"
    "Five years building Django APIs in Python at Shopwise.\n"
    "Designed REST services on PostgreSQL; wrote pytest suites with 95% coverage."
)
CONTEXT = InterviewContext(job=JOB, resume_text=RESUME)
HISTORY = [
    Turn("greeting", "Tell me about yourself.", "I build Django APIs for five years."),
    Turn(
        "resume", "Tell me about Shopwise.", "I designed the order service in Django."
    ),
    Turn("follow_up", "How did you test it?", "With pytest, factories and CI."),
    Turn("scenario", "The API is slow. What do you do?", "Profile, index, cache."),
    Turn("scenario_follow_up", "Cache invalidation?", "Short TTLs and events."),
]

GOOD: dict[str, dict[str, Any]] = {
    "review": {
        "score": 8,
        "summary": "Strong Django and PostgreSQL background.",
        "pros": ["Five years of Django."],
        "cons": ["No mention of Kubernetes."],
        "matched": [
            {
                "requirement": "Django",
                "evidence": "Five years building Django APIs in Python",
                "kind": "skill",
            }
        ],
        "missing": [{"requirement": "Kubernetes", "kind": "skill"}],
    },
    "question": {"question": "What drew you to backend work at Acme?"},
    "analysis": {
        "overall_score": 7.5,
        "technical_score": 8,
        "communication_score": 7,
        "problem_solving_score": 7.2,
        "cultural_fit_score": 7.8,
        "confidence_score": 6.5,
        "strengths": ["Concrete Django experience."],
        "areas_for_improvement": ["Go deeper on caching trade-offs."],
        "overall_feedback": "A solid, specific candidate.",
        "recommendation": "hire",
        "comfort_level": "high",
        "engagement_level": "medium",
        "red_flags": [],
        "evidence": [{"criterion": "technical", "quote": "Profile, index, cache."}],
    },
    "chat": {"response": "Create a job with POST /jobs.", "sentiment": "continue"},
}


def answer(
    content: str | dict[str, Any], tokens: tuple[int, int] = (40, 12)
) -> AIMessage:
    """An AI message as a chat model returns it, with token usage."""
    text = content if isinstance(content, str) else json.dumps(content)
    return AIMessage(
        content=text,
        usage_metadata={
            "input_tokens": tokens[0],
            "output_tokens": tokens[1],
            "total_tokens": sum(tokens),
        },
    )


class Script:
    """Iterate over scripted answers; an exception in the script is raised."""

    def __init__(self, items: list[AIMessage | str | BaseException]) -> None:
        self.items = list(items)
        self.calls = 0

    def __iter__(self) -> Iterator[AIMessage | str]:
        return self

    def __next__(self) -> AIMessage | str:
        item = self.items[min(self.calls, len(self.items) - 1)]
        self.calls += 1
        if isinstance(item, BaseException):
            raise item
        return item


def fake_engine(*items: AIMessage | str | BaseException) -> ChatModelEngine:
    """A ChatModelEngine driven by LangChain's GenericFakeChatModel."""
    model = GenericFakeChatModel(messages=Script(list(items)))
    return ChatModelEngine(model="fake", chat_model=model, timeout_s=1)
