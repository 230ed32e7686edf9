"""The station endpoints' trip from the event loop to a worker thread and back.

The work of a sync request blocks on PostgreSQL, so it runs in a thread; the event loop only
moves bytes.  anyio's `to_thread.run_sync` (Starlette's `run_in_threadpool`) took 116-150 µs of
CPU a trip: a capacity limiter, a cancel scope, a `queue.Queue` (a Python Condition) per worker
and a task-group checkpoint.  Here: THREADS daemon threads (started on first use, so never
before a worker process forks) take `(future, context, function, args)` from one C-implemented
`queue.SimpleQueue` and hand the outcome back with `call_soon_threadsafe`: 34 µs a trip, two a
sync (benchmarks/README.md, "Session 9").  As anyio does, the function runs in a copy of the
caller's context variables, and at most THREADS run at once (the rest wait in the queue, as
they waited on the limiter): the pool keeps a connection for each (app.hq.server.worker_pool).
An awaiting task that is cancelled leaves its function to finish; its outcome is dropped.
"""

from __future__ import annotations

import asyncio
import contextvars
import queue
import threading
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")
THREADS = 8  # endpoint threads per worker process (app.hq.server sets anyio's limiter to the same)


def _settle(future: asyncio.Future[Any], ok: bool, outcome: Any) -> None:
    if future.cancelled():
        return
    if ok:
        future.set_result(outcome)
    else:
        future.set_exception(outcome)


class ThreadHop:
    def __init__(self, threads: int = THREADS) -> None:
        self.threads = threads
        self._work: queue.SimpleQueue[tuple[asyncio.Future[Any], contextvars.Context, Callable[..., Any], tuple[Any, ...]]]
        self._work = queue.SimpleQueue()
        self._started = 0
        self._lock = threading.Lock()

    def _start(self) -> None:
        with self._lock:
            while self._started < self.threads:
                self._started += 1
                threading.Thread(target=self._serve, name=f"hq-endpoint-{self._started}", daemon=True).start()

    def _serve(self) -> None:
        while True:
            future, context, function, args = self._work.get()
            try:
                outcome, ok = context.run(function, *args), True
            except BaseException as exc:  # noqa: BLE001 - handed to the awaiting task, as anyio does
                outcome, ok = exc, False
            try:
                future.get_loop().call_soon_threadsafe(_settle, future, ok, outcome)
            except RuntimeError:  # the loop has closed (shutdown): nobody is waiting
                pass

    async def __call__(self, function: Callable[..., T], *args: Any) -> T:
        """`function(*args)` in one of the threads; its result or its exception."""
        if self._started < self.threads:
            self._start()
        future: asyncio.Future[T] = asyncio.get_running_loop().create_future()
        self._work.put((future, contextvars.copy_context(), function, args))
        return await future


run_in_thread = ThreadHop()
