"""The test-chat socket with a real model engine (the local OpenAI-compatible
stub): the model is awaited on the event loop, so slow answers overlap."""

from __future__ import annotations

import asyncio
import json
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from ai.testing import OpenAIStub, StubReply
from chat.tests.test_consumers import connected

pytestmark = pytest.mark.django_db(transaction=True)

REPLY = json.dumps({"response": "Post it with POST /jobs.", "sentiment": "continue"})


async def test_slow_model_answers_overlap_without_a_thread_each(settings):
    settings.OPENHIRE_ENABLE_TEST_ENDPOINTS = True
    settings.OPENHIRE_LLM = "openai:chat-ws-stub"
    settings.OPENHIRE_LLM_TIMEOUT_S = 5
    asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor(1))
    with OpenAIStub([StubReply(content=REPLY, delay_s=0.6)]) as stub:
        settings.OPENHIRE_LLM_BASE_URL = stub.url
        sockets = [await connected() for _ in range(5)]
        await sockets[0].send_json_to({"user_input": "hi"})  # load the client first
        await sockets[0].receive_json_from(timeout=10)
        stub.max_in_flight = 0
        started = time.perf_counter()
        for ws in sockets:
            await ws.send_json_to({"user_input": "How do I post a job?"})
        answers = [await ws.receive_json_from(timeout=10) for ws in sockets]
        elapsed = time.perf_counter() - started
        for ws in sockets:
            await ws.disconnect()
    assert {a["response"] for a in answers} == {"[TEST] Post it with POST /jobs."}
    assert stub.max_in_flight == 5
    assert elapsed < 5 * 0.6  # one thread: sequential calls would take 3 s
