"""POST /review-resume, /chat and /test-chat await the model on the event loop.

Through the real ASGI app (every middleware, DRF authentication, throttles and
error handling), with one worker thread for the loop's own pool: slow model
answers overlap, and while they are in flight no thread waits for them.
"""

from __future__ import annotations

import asyncio
import json
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from ai.testing import OpenAIStub, StubReply, threads_in_model_calls
from openhire.asgi import application

pytestmark = pytest.mark.django_db(transaction=True)

DELAY_S = 0.8
CALLS = 6
REVIEW = json.dumps(
    {
        "score": 7,
        "summary": "Solid Django work.",
        "pros": ["Django in production."],
        "cons": [],
        "matched": [],
        "missing": [],
    }
)
CHAT = json.dumps({"response": "Post it with POST /jobs.", "sentiment": "continue"})


@pytest.fixture
def slow_model(settings):
    """Point the engine at a stub that answers after DELAY_S; lift the AI throttles."""
    settings.OPENHIRE_ENABLE_TEST_ENDPOINTS = True
    settings.OPENHIRE_LLM_TIMEOUT_S = 10
    for name in ("AI", "CHAT", "AI_IP"):
        setattr(settings, f"OPENHIRE_THROTTLE_{name}", "1000/minute")

    def start(model: str, content: str) -> OpenAIStub:
        stub = OpenAIStub([StubReply(content=content, delay_s=DELAY_S)]).start()
        settings.OPENHIRE_LLM = f"openai:{model}"
        settings.OPENHIRE_LLM_BASE_URL = stub.url
        started.append(stub)
        return stub

    started: list[OpenAIStub] = []
    yield start
    for stub in started:
        stub.stop()


async def _post_together(
    stub: OpenAIStub, requests: list[tuple[str, dict]]
) -> tuple[list[httpx.Response], list[str], float]:
    """POST every request at once; return the responses, the threads found
    inside a model client while all calls were in flight, and the time taken."""
    asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor(1))
    transport = httpx.ASGITransport(app=application, client=("127.0.0.1", 4321))
    async with httpx.AsyncClient(
        transport=transport, base_url="http://testserver"
    ) as http:
        await http.post(*requests[0][:1], json=requests[0][1])  # builds the client
        stub.max_in_flight = 0
        started = time.perf_counter()
        calls = [
            asyncio.create_task(http.post(path, json=body)) for path, body in requests
        ]
        while stub.in_flight < len(calls) and time.perf_counter() - started < 5:
            await asyncio.sleep(0.01)
        waiting = threads_in_model_calls()
        responses = await asyncio.gather(*calls)
    return responses, waiting, time.perf_counter() - started


async def test_slow_reviews_overlap_and_no_thread_waits_for_the_model(slow_model, job):
    stub = slow_model("review-stub", REVIEW)
    requests = [
        (
            "/review-resume",
            {"resume": f"Engineer {n}: Python, Django.", "job_id": str(job.id)},
        )
        for n in range(CALLS)
    ]
    responses, waiting, elapsed = await _post_together(stub, requests)
    assert [r.status_code for r in responses] == [200] * CALLS
    assert {r.json()["resumeReview"] for r in responses} == {"Solid Django work."}
    assert stub.max_in_flight == CALLS
    assert waiting == []
    assert elapsed < 2.5 * DELAY_S  # one after another would take CALLS × DELAY_S


@pytest.mark.parametrize("path", ["/chat", "/test-chat"])
async def test_slow_chat_answers_overlap_and_no_thread_waits_for_the_model(
    slow_model, path
):
    stub = slow_model("chat-stub", CHAT)
    requests = [(path, {"user_input": f"How do I post job {n}?"}) for n in range(CALLS)]
    responses, waiting, elapsed = await _post_together(stub, requests)
    assert [r.status_code for r in responses] == [200] * CALLS
    prefix = "[TEST] " if path == "/test-chat" else ""
    assert {r.json()["response"] for r in responses} == {
        f"{prefix}Post it with POST /jobs."
    }
    assert stub.max_in_flight == CALLS
    assert waiting == []
    assert elapsed < 2.5 * DELAY_S
