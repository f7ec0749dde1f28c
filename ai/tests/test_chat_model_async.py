"""The awaited model calls: the real langchain-openai client against the local
OpenAI-compatible stub on 127.0.0.1 (no network)."""

from __future__ import annotations

import asyncio
import json
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from ai.chat_model import CIRCUIT_OPEN, FALLBACK_ENGINE, ChatModelEngine
from ai.offline import OfflineEngine
from ai.testing import OpenAIStub, StubReply
from ai.tests.samples import CONTEXT, GOOD, HISTORY

TEXT = "Tell me about the order service you built at Shopwise, and why."
QUESTION = StubReply(
    content=json.dumps({"question": TEXT}), tokens_in=120, tokens_out=20
)
ANALYSIS = StubReply(content=json.dumps(GOOD["analysis"]))


@pytest.fixture
def stub():
    server = OpenAIStub([QUESTION]).start()
    yield server
    server.stop()


def engine_for(stub: OpenAIStub, **options) -> ChatModelEngine:
    options.setdefault("timeout_s", 2)
    return ChatModelEngine(model="stub-model", base_url=stub.url, **options)


async def ask(engine: ChatModelEngine, **callbacks):
    return await engine.anext_question(
        context=CONTEXT, question_type="resume", history=HISTORY[:1], **callbacks
    )


async def test_an_awaited_question_comes_from_the_model_with_its_cost(stub):
    question = await ask(engine_for(stub))
    assert question.text == TEXT
    meta = question.meta
    assert (meta.engine, meta.prompt_version) == ("openai:stub-model", "lc-question-2")
    assert (meta.model_calls, meta.tokens_in, meta.tokens_out) == (1, 120, 20)
    assert meta.latency_ms > 0
    assert not stub.requests[0]["body"].get("stream")  # no on_delta: not streamed


async def test_waiting_for_the_model_holds_no_thread(stub):
    """Ten calls on a loop with ONE worker thread take one model latency, not ten."""
    stub.replies = [StubReply(content=QUESTION.content, delay_s=0.5)]
    loop = asyncio.get_running_loop()
    loop.set_default_executor(ThreadPoolExecutor(max_workers=1))
    engine = engine_for(stub)
    await ask(engine)  # warm the client up
    started = time.perf_counter()
    questions = await asyncio.gather(*(ask(engine) for _ in range(10)))
    elapsed = time.perf_counter() - started
    assert {q.meta.engine for q in questions} == {"openai:stub-model"}
    assert stub.max_in_flight == 10
    assert elapsed < 2.5  # 10 x 0.5 s if each call held the thread


async def test_no_more_calls_than_the_cap_are_in_flight_and_the_rest_queue_fairly(
    stub,
):
    stub.replies = [StubReply(content=QUESTION.content, delay_s=0.3)]
    engine = engine_for(stub, max_concurrency=3)
    heard: dict[int, list[int]] = {}

    async def one(n: int):
        await asyncio.sleep(0.002 * n)  # arrive in order
        return await ask(engine, on_wait=heard.setdefault(n, []).append)

    tasks = [asyncio.create_task(one(n)) for n in range(8)]
    await asyncio.sleep(0.15)
    assert engine.load() == {
        "in_flight": 3,
        "queued": 5,
        "max_concurrency": 3,
        "circuit": "closed",
    }
    questions = await asyncio.gather(*tasks)
    assert stub.max_in_flight == 3
    assert {q.meta.engine for q in questions} == {"openai:stub-model"}
    assert [heard[n] for n in range(8)] == [[], [], [], [1], [2], [3], [4], [5]]
    assert engine.load()["in_flight"] == engine.load()["queued"] == 0


async def test_a_slow_model_times_out_is_retried_once_then_offline_answers(stub):
    stub.replies = [StubReply(content=QUESTION.content, delay_s=3)]
    engine = engine_for(stub, timeout_s=0.4)
    started = time.perf_counter()
    analysis = await engine.aanalyze_interview(context=CONTEXT, history=HISTORY)
    elapsed = time.perf_counter() - started
    assert analysis.meta.engine == FALLBACK_ENGINE == "offline-fallback"
    assert analysis.meta.fallback_reason == "timeout"
    assert analysis.meta.model_calls == 2
    offline = OfflineEngine().analyze_interview(context=CONTEXT, history=HISTORY)
    assert analysis.overall_score == offline.overall_score
    assert 0.8 <= elapsed < 0.8 + 0.3 + 0.8  # two timeouts, the pause, slack
    assert len(stub.requests) == 2


async def test_a_server_error_then_a_good_answer_is_used(stub):
    stub.replies = [StubReply(status=503), ANALYSIS]
    analysis = await engine_for(stub).aanalyze_interview(
        context=CONTEXT, history=HISTORY
    )
    assert analysis.meta.engine == "openai:stub-model"
    assert analysis.meta.model_calls == 2
    assert analysis.recommendation == "hire"


async def test_the_breaker_opens_after_failed_requests_and_closes_after_a_probe(stub):
    stub.replies = [StubReply(status=500)]
    engine = engine_for(stub, breaker_threshold=2, breaker_cooldown_s=0.5)
    for _ in range(2):
        failed = await ask(engine)
        assert failed.meta.fallback_reason == "server_error_500"
    assert engine.load()["circuit"] == "open"
    calls = len(stub.requests)

    refused = await ask(engine)  # the provider is not called at all
    assert len(stub.requests) == calls
    assert refused.meta.engine == FALLBACK_ENGINE
    assert refused.meta.fallback_reason == CIRCUIT_OPEN == "circuit_open"
    assert refused.meta.model_calls == 0
    assert refused.text  # the candidate still gets a question

    stub.replies = [QUESTION]
    await asyncio.sleep(0.5)
    probe = await ask(engine)
    assert probe.meta.engine == "openai:stub-model"
    assert engine.load()["circuit"] == "closed"
    assert (await ask(engine)).meta.engine == "openai:stub-model"


async def test_the_breaker_reopens_when_the_probe_fails(stub):
    stub.replies = [StubReply(status=500)]
    engine = engine_for(stub, breaker_threshold=1, breaker_cooldown_s=0.3)
    await ask(engine)
    await asyncio.sleep(0.3)
    probe = await ask(engine)
    assert probe.meta.model_calls == 2  # the probe called the provider
    assert engine.load()["circuit"] == "open"


async def test_a_streamed_question_reaches_on_delta_in_order(stub):
    stub.replies = [
        StubReply(
            content=QUESTION.content,
            chunk_chars=5,
            chunk_delay_s=0.005,
            tokens_in=120,
            tokens_out=20,
        )
    ]
    deltas: list[str] = []

    async def on_delta(text: str) -> None:
        deltas.append(text)

    question = await ask(engine_for(stub), on_delta=on_delta)
    assert question.text == TEXT
    assert len(deltas) > 5
    assert "".join(deltas) == TEXT
    assert stub.requests[0]["body"]["stream"] is True
    assert (question.meta.tokens_in, question.meta.tokens_out) == (120, 20)


async def test_a_failed_stream_is_retried_without_streaming_the_text_twice(stub):
    broken = StubReply(content='{"question": "Tell me abo', chunk_chars=4)
    stub.replies = [broken, QUESTION]
    deltas: list[str] = []
    question = await ask(engine_for(stub), on_delta=deltas.append)
    assert "".join(deltas) == "Tell me abo"
    assert question.text == TEXT
    assert question.meta.model_calls == 2
    assert not stub.requests[1]["body"].get("stream")


async def test_a_cancelled_call_gives_its_place_back(stub):
    stub.replies = [StubReply(content=QUESTION.content, delay_s=0.3)]
    engine = engine_for(stub, max_concurrency=1)
    first = asyncio.create_task(ask(engine))
    waiting = asyncio.create_task(ask(engine))
    await asyncio.sleep(0.1)
    assert engine.load()["queued"] == 1
    waiting.cancel()
    first.cancel()
    await asyncio.gather(first, waiting, return_exceptions=True)
    assert (engine.load()["in_flight"], engine.load()["queued"]) == (0, 0)
    assert (await ask(engine)).meta.engine == "openai:stub-model"


async def test_the_offline_engine_streams_its_question_whole_and_never_queues():
    deltas: list[str] = []
    waits: list[int] = []
    question = await OfflineEngine().anext_question(
        context=CONTEXT,
        question_type="greeting",
        history=[],
        on_wait=waits.append,
        on_delta=deltas.append,
    )
    assert deltas == [question.text] and waits == []
    assert OfflineEngine().load()["in_flight"] == 0
