"""The provider's gate (a fair concurrency cap) and its circuit breaker."""

from __future__ import annotations

import asyncio
import threading

import pytest

from ai.provider import CLOSED, HALF_OPEN, OPEN, CircuitBreaker, FairGate


async def hold(gate: FairGate, name: str, log: list[str], release: asyncio.Event):
    positions: list[int] = []
    async with gate.slot(on_wait=positions.append):
        log.append(name)
        await release.wait()
    return positions


async def test_the_gate_admits_no_more_than_its_limit_and_queues_the_rest():
    gate, log, release = FairGate(2), [], asyncio.Event()
    tasks = [asyncio.create_task(hold(gate, f"c{n}", log, release)) for n in range(5)]
    await asyncio.sleep(0.01)
    assert (gate.in_flight, gate.queued) == (2, 3)
    assert log == ["c0", "c1"]
    release.set()
    positions = await asyncio.gather(*tasks)
    assert log == ["c0", "c1", "c2", "c3", "c4"]  # first come, first served
    assert positions == [[], [], [1], [2], [3]]  # each waiter heard its place
    assert (gate.in_flight, gate.queued) == (0, 0)


async def test_an_async_on_wait_is_awaited_and_a_broken_one_is_ignored():
    gate, heard = FairGate(1), []

    async def tell(position: int) -> None:
        heard.append(position)

    def broken(position: int) -> None:
        raise RuntimeError("the socket is gone")

    await gate.acquire()
    waiting = [
        asyncio.create_task(gate.acquire(on_wait=tell)),
        asyncio.create_task(gate.acquire(on_wait=broken)),
    ]
    await asyncio.sleep(0.01)
    assert heard == [1] and gate.queued == 2
    for _ in range(3):
        gate.release()
        await asyncio.sleep(0)
    await asyncio.gather(*waiting)
    assert gate.in_flight == 0


async def test_a_cancelled_waiter_leaves_the_queue_and_loses_no_place():
    gate = FairGate(1)
    await gate.acquire()
    cancelled = asyncio.create_task(gate.acquire())
    later = asyncio.create_task(gate.acquire())
    await asyncio.sleep(0.01)
    cancelled.cancel()
    await asyncio.sleep(0.01)
    assert gate.queued == 1
    gate.release()
    await asyncio.wait_for(later, 1)
    assert gate.in_flight == 1
    gate.release()
    assert gate.in_flight == 0


async def test_a_waiter_cancelled_after_its_turn_came_passes_the_place_on():
    gate = FairGate(1)
    await gate.acquire()
    first = asyncio.create_task(gate.acquire())
    second = asyncio.create_task(gate.acquire())
    await asyncio.sleep(0.01)
    gate.release()  # first's turn: granted, not yet resumed
    first.cancel()
    with pytest.raises(asyncio.CancelledError):
        await first
    await asyncio.wait_for(second, 1)
    assert (gate.in_flight, gate.queued) == (1, 0)


async def test_threads_and_the_event_loop_share_one_count():
    gate = FairGate(1)
    await gate.acquire()
    entered = threading.Event()

    def worker() -> None:
        with gate.slot_sync():
            entered.set()

    thread = threading.Thread(target=worker)
    thread.start()
    await asyncio.sleep(0.05)
    assert not entered.is_set() and gate.queued == 1
    gate.release()
    thread.join(2)
    assert entered.is_set() and gate.in_flight == 0


def test_a_gate_needs_room_for_one_call():
    with pytest.raises(ValueError):
        FairGate(0)


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_breaker_opens_after_failures_in_a_row_then_probes_once():
    clock = Clock()
    breaker = CircuitBreaker(threshold=3, cooldown_s=10, clock=clock)
    for _ in range(2):
        assert breaker.allow()
        breaker.record(ok=False)
    breaker.record(ok=True)  # a success resets the count
    for _ in range(3):
        breaker.record(ok=False)
    assert breaker.state == OPEN and not breaker.allow()
    clock.now += 10
    assert breaker.state == HALF_OPEN
    assert breaker.allow()  # the probe
    assert not breaker.allow()  # only one at a time
    breaker.record(ok=False)
    assert breaker.state == OPEN and not breaker.allow()
    clock.now += 10
    assert breaker.allow()
    breaker.record(ok=True)
    assert breaker.state == CLOSED and breaker.allow()


def test_an_abandoned_probe_lets_the_next_request_probe():
    clock = Clock()
    breaker = CircuitBreaker(threshold=1, cooldown_s=5, clock=clock)
    breaker.record(ok=False)
    clock.now += 5
    assert breaker.allow()
    breaker.record(ok=None)  # cancelled: no verdict
    assert breaker.state == HALF_OPEN and breaker.allow()
