"""Bringing HQ's read models up to date: the writes noted since the last drain are applied.

replica_row's triggers only note what a write changed (rm_pending, HQ migration 0008); the
read models move when the notes are drained (rm_drain: one drainer at a time, the oldest
notes first, applied and deleted in one transaction).  Every reader drains before it reads
(`catch_up`), so no page or report shows figures older than the rows it was asked about;
the push route drains after it has answered (`drain_after_push`), so the notes stay few.
"""

from __future__ import annotations

import logging

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
