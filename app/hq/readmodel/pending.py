"""Bringing HQ's read models up to date: the writes noted since the last drain are applied.

replica_row's triggers only note what a write changed (rm_pending, HQ migration 0008); the
read models move when the notes are drained (rm_drain: one drainer at a time, the oldest
notes first, applied and deleted in one transaction).  Every reader drains before it reads
(`catch_up`), so no page or report shows figures older than the rows it was asked about;
the push route asks for a drain soon after it has answered (`drain_soon`), so the notes stay
few: one drain a second at most, whatever the number of pushes (200 stations syncing at once
paid ~8 % of their p95 for a drain after every push, benchmarks/README.md).
"""

from __future__ import annotations

import logging
import threading

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

log = logging.getLogger(__name__)

CHUNK = 20_000  # notes per drain transaction: a bootstrap's million notes never make one long transaction
_DRAIN = text("SELECT rm_drain(:n, :wait)")


def drain_once(conn: Connection, *, chunk: int = CHUNK, wait: bool = True) -> int:
    """Apply up to `chunk` notes in the caller's transaction; the number applied, or -1 when
    `wait` is false and another drain holds the lock."""
    return int(conn.execute(_DRAIN, {"n": chunk, "wait": wait}).scalar_one())


def catch_up(engine: Engine, *, chunk: int = CHUNK) -> int:
    """Apply every note committed so far, a chunk per transaction; the number applied.

    Waits for a drain already running (it holds the notes it took until it commits), so
    what this caller reads afterwards includes every write committed before it was called."""
    total = 0
    while True:
        with engine.begin() as conn:
            done = drain_once(conn, chunk=chunk)
        total += done
        if done < chunk:
            return total


def catch_up_on(conn: Connection, *, chunk: int = CHUNK) -> int:
    """`catch_up` inside the caller's own transaction (tests and scripts that hold one)."""
    total = 0
    while (done := drain_once(conn, chunk=chunk)) == chunk:
        total += done
    return total + done


DRAIN_DELAY = 1.0  # seconds from a push to the drain it asks for; pushes meanwhile share it
_timer_lock = threading.Lock()
_timers: dict[int, threading.Timer] = {}  # per engine (tests run several HQs in one process)


def drain_soon(engine: Engine, delay: float | None = None) -> None:
    """Drain in `delay` seconds (DRAIN_DELAY) in a thread of its own, unless one is already due."""
    key = id(engine)
    with _timer_lock:
        if key in _timers:
            return
        timer = threading.Timer(DRAIN_DELAY if delay is None else delay, _drain_due, args=(engine, key))
        timer.daemon = True  # a drain cut off by the process's end rolls back: its notes stay
        _timers[key] = timer
        timer.start()


def _drain_due(engine: Engine, key: int) -> None:
    with _timer_lock:  # before draining: a push committed during the drain asks for the next one
        _timers.pop(key, None)
    drain_after_push(engine)


def drain_after_push(engine: Engine) -> None:
    """After a push has answered: apply the notes unless a drain is already at it.  A failure
    here loses nothing (the notes stay for the next drain), so it is logged, never raised."""
    try:
        while True:
            with engine.begin() as conn:
                done = drain_once(conn, wait=False)
            if done < CHUNK:
                return
    except DBAPIError:
        log.exception("read-model drain failed; the next reader drains again")
