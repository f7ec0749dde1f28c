"""Interviews with a real model engine: the langchain-openai client against the
local OpenAI-compatible stub (no network). Status frames while the model's calls
are all taken, streamed question text for clients that ask, the counters on
/ai-interview/health."""

from __future__ import annotations

import asyncio
import json

import pytest

import ai as llm
from ai.testing import OpenAIStub, StubReply
from interviews import protocol
from interviews.tests.factories import (
    ANSWERS,
    expect,
    initialize_frame,
    open_socket,
    receive,
)

pytestmark = pytest.mark.django_db(transaction=True)

QUESTION = "Which trade-offs did you make when you built the order service?"
# One answer serves both calls: the question reads "question", the analysis the rest.
ANSWER = json.dumps(
    {
        "question": QUESTION,
        "overall_score": 7.5,
        "technical_score": 8,
        "communication_score": 7,
        "problem_solving_score": 7,
        "cultural_fit_score": 8,
        "strengths": ["Specific answers."],
        "areas_for_improvement": ["Testing."],
        "overall_feedback": "Solid.",
        "recommendation": "hire",
    }
)


@pytest.fixture
def model(settings):
    """Point the server at a stub model; return the stub."""
    stub = OpenAIStub([StubReply(content=ANSWER, chunk_chars=7)]).start()
    settings.OPENHIRE_LLM = "openai:ws-stub"
    settings.OPENHIRE_LLM_BASE_URL = stub.url
    settings.OPENAI_API_KEY = ""
    settings.OPENHIRE_LLM_TIMEOUT_S = 5
    settings.OPENHIRE_LLM_MAX_CONCURRENCY = 100
    llm.model_load()  # build the engine (and import its client) before the clock runs
    yield stub
    stub.stop()


async def frames_until(ws, kind: str) -> list[dict]:
    """Receive frames up to and including the first of type `kind`."""
    frames = [await receive(ws)]
    while frames[-1]["type"] != kind:
        frames.append(await receive(ws))
    return frames


async def test_a_client_that_does_not_stream_gets_exactly_todays_frames(
    candidate, model
):
    ws = await open_socket(f"session_id=plain-1&token={candidate.token}")
    await ws.send_json_to(initialize_frame())
    _initialized, question = await expect(ws, "interview_initialized", "question")
    assert question["question"] == QUESTION and question["question_number"] == 1
    for number, text in enumerate(ANSWERS[:4], start=2):
        await ws.send_json_to({"type": "submit_answer", "answer": text})
        _received, question = await expect(ws, "answer_received", "question")
        assert question["question_number"] == number
    await ws.send_json_to({"type": "submit_answer", "answer": ANSWERS[4]})
    *_, completed = await expect(
        ws, "answer_received", "analysis_started", "interview_completed"
    )
    assert completed["analysis"]["recommendation"] == "hire"
    assert await ws.receive_nothing(timeout=0.2)
    await ws.disconnect()
    # One model call per question and one for the analysis.
    assert len(model.requests) == 6
    assert not any(request["body"].get("stream") for request in model.requests)


async def test_a_streaming_client_gets_the_question_text_in_deltas_then_the_question(
    candidate, model
):
    ws = await open_socket(f"session_id=stream-1&token={candidate.token}")
    await ws.send_json_to({**initialize_frame(), "stream": True})
    frames = await frames_until(ws, "question")
    assert frames[0]["type"] == "interview_initialized"
    deltas, question = frames[1:-1], frames[-1]
    assert len(deltas) > 3
    assert {d["type"] for d in deltas} == {"question_delta"}
    assert {d["question_number"] for d in deltas} == {1}
    assert {d["session_id"] for d in deltas} == {"stream-1"}
    assert "".join(d["delta"] for d in deltas) == question["question"] == QUESTION

    await ws.send_json_to({"type": "submit_answer", "answer": ANSWERS[0]})
    frames = await frames_until(ws, "question")
    assert frames[0]["type"] == "answer_received"
    assert {d["question_number"] for d in frames[1:-1]} == {2}
    assert frames[-1]["question_number"] == 2
    await ws.disconnect()
    assert model.requests[-1]["body"]["stream"] is True


async def test_a_client_waiting_for_a_busy_model_is_told_its_place(
    candidate, stranger, model, settings
):
    settings.OPENHIRE_LLM_MAX_CONCURRENCY = 1
    model.replies = [StubReply(content=ANSWER, delay_s=1.0)]
    first = await open_socket(f"session_id=busy-1&token={candidate.token}")
    second = await open_socket(f"session_id=busy-2&token={stranger.token}")
    await first.send_json_to(initialize_frame())
    for _ in range(100):  # until the first holds the only place
        if llm.model_load()["in_flight"] == 1:
            break
        await asyncio.sleep(0.02)
    await second.send_json_to(initialize_frame())
    await expect(first, "interview_initialized", "question")
    initialized, status, question = await expect(
        second, "interview_initialized", "status", "question"
    )
    assert status["position"] == 1
    assert status["message"] == protocol.QUEUED.format(position=1)
    assert status["session_id"] == "busy-2"
    assert question["question"] == QUESTION
    assert model.max_in_flight == 1
    await first.disconnect()
    await second.disconnect()


def test_health_reports_the_model_calls_of_this_process(api, model, settings):
    settings.OPENHIRE_LLM_MAX_CONCURRENCY = 7
    body = api.get("/ai-interview/health").json()
    assert body["model_calls"] == {
        "in_flight": 0,
        "queued": 0,
        "max_concurrency": 7,
        "circuit": "closed",
    }
    assert body["status"] == "healthy"
