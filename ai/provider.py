"""Admission to a model provider: a fair concurrency gate and a circuit breaker.

One `Provider` per engine (so per process and configured provider) holds both::

    provider = Provider(max_concurrency=64)
    if provider.breaker.allow():
        async with provider.gate.slot(on_wait=tell_user):   # FIFO beyond the cap
            answer = await model.ainvoke(messages)
        provider.breaker.record(ok=True)
    provider.load()    # {"in_flight": .., "queued": .., ...} for a health check

The gate admits at most `limit` calls at once; later callers wait in strict
arrival order and learn their place in the queue through `on_wait(position)`
(1 = next). It is safe across threads and event loops: sync callers (worker
threads) and async callers (any loop) share the same count. Waiting costs a
future, not a thread.

The breaker opens after `threshold` failed requests in a row; while open every
call is refused at once (the engine answers offline), and after `cooldown_s`
one probe request is let through: success closes it, failure opens it again.
"""

from __future__ import annotations

import asyncio
import inspect
import threading
import time
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from typing import Any

OnWait = Callable[[int], Awaitable[None] | None]


async def notify(callback: Callable[..., Any] | None, *args: Any) -> None:
    """Call an optional sync-or-async callback; its errors never stop a model call."""
    if callback is None:
        return
    try:
        result = callback(*args)
        if inspect.isawaitable(result):
            await result
    except asyncio.CancelledError:
        raise
    except Exception:  # noqa: BLE001 - a broken listener must not cost the answer
        pass


@dataclass(eq=False)
class _Waiter:
    loop: asyncio.AbstractEventLoop | None  # None: a sync caller in a thread
    future: asyncio.Future | None = None
    event: threading.Event = field(default_factory=threading.Event)
    granted: bool = False


class FairGate:
    """Admit at most `limit` holders at once; serve the rest first come, first served."""

    def __init__(self, limit: int) -> None:
        if limit < 1:
            raise ValueError("a gate needs a limit of at least 1")
        self.limit = limit
        self._lock = threading.Lock()
        self._in_flight = 0
        self._waiters: deque[_Waiter] = deque()

    @property
    def in_flight(self) -> int:
        return self._in_flight

    @property
    def queued(self) -> int:
        return len(self._waiters)

    def _try_enter(self) -> bool:
        if self._in_flight < self.limit and not self._waiters:
            self._in_flight += 1
            return True
        return False

    async def acquire(self, on_wait: OnWait | None = None) -> None:
        """Wait for a place (FIFO); tell `on_wait` the queue position if waiting."""
        loop = asyncio.get_running_loop()
        with self._lock:
            if self._try_enter():
                return
            waiter = _Waiter(loop, loop.create_future())
            self._waiters.append(waiter)
            position = len(self._waiters)
        try:
            await notify(on_wait, position)
            await waiter.future
        except BaseException:
            self._abandon(waiter)
            raise

    def acquire_sync(self) -> None:
        """Block this thread until a place is free (FIFO with async callers)."""
        with self._lock:
            if self._try_enter():
                return
            waiter = _Waiter(None)
            self._waiters.append(waiter)
        waiter.event.wait()

    def release(self) -> None:
        """Give the place to the longest waiter, or free it."""
        with self._lock:
            if not self._waiters:
                self._in_flight -= 1
                return
            waiter = self._waiters.popleft()
            waiter.granted = True  # the place passes on: in_flight is unchanged
        if waiter.loop is None:
            waiter.event.set()
            return
        try:
            waiter.loop.call_soon_threadsafe(_wake, waiter.future)
        except RuntimeError:  # that loop is closed: its waiter is gone
            self.release()

    def _abandon(self, waiter: _Waiter) -> None:
        """Undo a wait that was cancelled: leave the queue, or pass a place on."""
        with self._lock:
            if not waiter.granted:
                self._waiters.remove(waiter)
                return
        self.release()

    @asynccontextmanager
    async def slot(self, on_wait: OnWait | None = None) -> AsyncIterator[None]:
        await self.acquire(on_wait)
        try:
            yield
        finally:
            self.release()

    @contextmanager
    def slot_sync(self) -> Iterator[None]:
        self.acquire_sync()
        try:
            yield
        finally:
            self.release()


def _wake(future: asyncio.Future) -> None:
    if not future.done():
        future.set_result(None)


CLOSED, OPEN, HALF_OPEN = "closed", "open", "half_open"


class CircuitBreaker:
    """Stop calling a provider after `threshold` failures in a row; probe later."""

    def __init__(
        self,
        threshold: int = 5,
        cooldown_s: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.threshold = threshold
        self.cooldown_s = cooldown_s
        self._clock = clock
        self._lock = threading.Lock()
        self._failures = 0
        self._opened_at = 0.0
        self._probing = False

    @property
    def state(self) -> str:
        with self._lock:
            return self._state()

    def _state(self) -> str:
        if self._failures < self.threshold:
            return CLOSED
        if self._clock() - self._opened_at < self.cooldown_s:
            return OPEN
        return HALF_OPEN

    def allow(self) -> bool:
        """Say whether a request may call the provider now (one probe when half open)."""
        with self._lock:
            state = self._state()
            if state == CLOSED:
                return True
            if state == HALF_OPEN and not self._probing:
                self._probing = True
                return True
            return False

    def record(self, *, ok: bool | None) -> None:
        """Count a finished request: a success closes, a failure may (re)open.

        `ok=None` is a request abandoned before any answer: it only frees the probe.
        """
        with self._lock:
            self._probing = False
            if ok is None:
                return
            if ok:
                self._failures = 0
                return
            self._failures += 1
            if self._failures >= self.threshold:
                self._opened_at = self._clock()


class Provider:
    """What one process knows about one model provider: its gate and its breaker."""

    def __init__(
        self,
        *,
        max_concurrency: int = 64,
        breaker_threshold: int = 5,
        breaker_cooldown_s: float = 30.0,
    ) -> None:
        self.gate = FairGate(max_concurrency)
        self.breaker = CircuitBreaker(breaker_threshold, breaker_cooldown_s)

    def load(self) -> dict[str, Any]:
        """Return the counters a health check reports."""
        return {
            "in_flight": self.gate.in_flight,
            "queued": self.gate.queued,
            "max_concurrency": self.gate.limit,
            "circuit": self.breaker.state,
        }
