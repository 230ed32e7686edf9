"""The station endpoints' thread hop (app.hq.thread_hop): results and exceptions come back to the
awaiting task, context variables travel, at most THREADS functions run at once, a cancelled
waiter does not break the thread, and the sync endpoints' work runs on these threads (not
anyio's: a dearer trip, benchmarks/README.md "Session 9")."""

from __future__ import annotations

import asyncio
import contextvars
import threading
import time
from typing import Any

import pytest

from app.hq import thread_hop
from app.hq.routes import station_asgi
from app.hq.thread_hop import ThreadHop

WHO = contextvars.ContextVar("who", default="nobody")


def test_results_exceptions_and_context_come_back() -> None:
    hop = ThreadHop(2)

    def fails() -> None:
        raise KeyError("x")

    async def main() -> tuple[Any, ...]:
        WHO.set("caller")
        found = await hop(lambda a, b: (a + b, WHO.get(), threading.current_thread().name), 2, 3)
        with pytest.raises(KeyError):
            await hop(fails)
        return found

    total, who, thread = asyncio.run(main())
    assert (total, who) == (5, "caller") and thread.startswith("hq-endpoint-")


def test_at_most_threads_at_once_and_a_cancelled_waiter_leaves_the_thread_working() -> None:
    hop, running, most = ThreadHop(3), [0], [0]
    lock = threading.Lock()

    def work() -> int:
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.02)
        with lock:
            running[0] -= 1
        return 1

    async def main() -> list[int]:
        slow = asyncio.ensure_future(hop(time.sleep, 0.05))
        await asyncio.sleep(0.01)
        slow.cancel()  # its thread finishes and drops the outcome
        return list(await asyncio.gather(*(hop(work) for _ in range(12))))

    assert asyncio.run(main()) == [1] * 12
    assert most[0] <= 3


def test_the_sync_endpoints_work_runs_on_the_hop_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []

    def answer(hq: Any, token: str, version: int, body: Any) -> bytes:
        seen.append(threading.current_thread().name)
        return b"{}"

    class Gate:
        async def admit(self, token: str, address: str) -> str:
            return token

    class Hq:
        gate = Gate()

    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    async def receive() -> dict[str, Any]:
        raise AssertionError("no body read for a GET")

    scope = {"type": "http", "method": "GET", "path": "/v1/hello", "headers": [], "client": ("127.0.0.1", 1),
             "state": {"token": "t", "protocol": 2}}
    asyncio.run(station_asgi.handler(Hq(), answer, None)(scope, receive, send))  # type: ignore[arg-type]
    assert seen and seen[0].startswith("hq-endpoint-") and sent[0]["status"] == 200
    assert thread_hop.run_in_thread.threads == thread_hop.THREADS
