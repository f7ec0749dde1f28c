"""Nothing a candidate writes, and no token, ever reaches the logs.

Each test captures every log record at DEBUG (all loggers), drives a real flow
with marker strings in the private fields and a token in the header (and, for
sockets, in the query string), and then searches every record: its message,
its arguments and any exception text. The model-engine variants make the
engine fail and answer garbage that echoes the resume, so the warning paths
log too.
"""

from __future__ import annotations

import logging
from unittest import mock

import pytest

pytestmark = pytest.mark.django_db

RESUME_MARKER = "ZEBRA-RESUME-7731"
CHAT_MARKER = "OCELOT-CHAT-4410"
RESUME = f"Python and Django engineer, 5 years. {RESUME_MARKER} private note."


def logged_text(caplog) -> str:
    """Return everything the captured records would print, exceptions included."""
    handler = logging.Formatter()
    parts = []
    for record in caplog.records:
        parts.append(record.getMessage())
        parts.append(repr(record.args))
        if record.exc_info:
            parts.append(handler.formatException(record.exc_info))
    return "\n".join(parts)


@pytest.fixture
def all_logs(caplog):
    caplog.set_level(logging.DEBUG)
    return caplog


def echoing_model_engine():
    """A model engine whose first call fails and whose answers echo private text."""
    import httpx
    import openai

    from ai.tests.samples import fake_engine

    request = httpx.Request("POST", "http://127.0.0.1/v1/chat/completions")
    failure = openai.APIStatusError(
        f"bad request mentioning {RESUME_MARKER} {CHAT_MARKER}",
        response=httpx.Response(400, request=request),
        body=None,
    )
    echo = f"I read: {RESUME_MARKER} {CHAT_MARKER} (not JSON)"
    return fake_engine(failure, echo, echo, echo, echo, echo)


@pytest.fixture(params=["offline", "model"])
def engine(request):
    if request.param == "offline":
        yield "offline"
        return
    engine = echoing_model_engine()
    with mock.patch("ai.get_engine", return_value=engine):
        yield "model"


def test_a_resume_review_logs_no_resume_text_or_token(
    engine, all_logs, client_for, candidate, job
):
    response = client_for(candidate).post(
        f"/review-resume?token={candidate.token}",
        {"resume": RESUME, "job_id": str(job.id)},
        format="json",
    )
    assert response.status_code == 200
    assert any(r.name == "openhire.request" for r in all_logs.records)
    if engine == "model":  # the failure and the garbage answers were logged
        assert any(r.name == "ai" for r in all_logs.records)
    text = logged_text(all_logs)
    assert RESUME_MARKER not in text
    assert candidate.token not in text


def test_a_chat_logs_no_message_text_or_token(engine, all_logs, client_for, candidate):
    response = client_for(candidate).post(
        "/chat",
        {
            "user_input": f"My salary is {CHAT_MARKER}",
            "messages": [{"type": "human", "content": CHAT_MARKER}],
        },
        format="json",
    )
    assert response.status_code == 200
    assert any(r.name == "openhire.chat" for r in all_logs.records)
    if engine == "model":
        assert any(r.name == "ai" for r in all_logs.records)
    text = logged_text(all_logs)
    assert CHAT_MARKER not in text
    assert candidate.token not in text


def test_a_failing_review_logs_no_resume_text(all_logs, client_for, candidate, job):
    # A review that errors out (unknown job) still logs a line, without the body.
    response = client_for(candidate).post(
        "/review-resume",
        {"resume": RESUME, "job_id": "00000000-0000-0000-0000-000000000000"},
        format="json",
    )
    assert response.status_code == 404
    assert RESUME_MARKER not in logged_text(all_logs)


ANSWER_MARKER = "PANGOLIN-ANSWER-5521"


class RaisingEngine:
    """An engine whose interview calls fail with the private text in the error."""

    name = "raising"

    def next_question(self, **kwargs):
        raise RuntimeError(f"cannot ask after {ANSWER_MARKER} / {RESUME_MARKER}")

    def analyze_interview(self, **kwargs):
        raise ValueError(f"cannot score {ANSWER_MARKER}")


@pytest.fixture(params=["offline", "model", "raising"])
def interview_engine(request):
    if request.param == "offline":
        yield request.param
        return
    engine = echoing_model_engine() if request.param == "model" else RaisingEngine()
    with mock.patch("ai.get_engine", return_value=engine):
        yield request.param


@pytest.mark.django_db(transaction=True)
async def test_an_interview_logs_no_answer_resume_or_token(
    interview_engine, all_logs, candidate
):
    from interviews.tests.factories import ANSWERS, expect, open_socket

    ws = await open_socket(f"session_id=1900000000001&token={candidate.token}")
    await ws.send_json_to(
        {
            "type": "initialize_interview",
            "data": {
                "job_description": "Backend engineer: Python, Django, PostgreSQL.",
                "candidate_resume": RESUME,
            },
        }
    )
    await expect(ws, "interview_initialized", "question")
    for number, answer in enumerate(ANSWERS, start=1):
        await ws.send_json_to(
            {"type": "submit_answer", "answer": f"{answer} {ANSWER_MARKER}"}
        )
        await expect(
            ws, "answer_received", "question" if number < 5 else "analysis_started"
        )
    await expect(ws, "interview_completed")
    await ws.disconnect()

    if interview_engine == "raising":  # the fallback was logged
        assert any(r.name == "interviews.services" for r in all_logs.records)
    text = logged_text(all_logs)
    assert ANSWER_MARKER not in text
    assert RESUME_MARKER not in text
    assert candidate.token not in text


def test_the_model_clients_http_loggers_say_nothing_below_warning():
    """Each model call would log its URL at INFO (a base URL may carry a secret)."""
    import openai

    client = openai.OpenAI(api_key="sk-test", base_url="http://127.0.0.1:9/v1")
    http_module = next(  # httpx, or httpx2 for the openai SDK 3.x
        cls.__module__.split(".")[0]
        for cls in type(client._client).__mro__
        if cls.__module__.startswith("httpx")
    )
    for name in (http_module, http_module.replace("httpx", "httpcore"), "openai"):
        assert not logging.getLogger(name).isEnabledFor(logging.INFO), name
