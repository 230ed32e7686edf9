"""The pull watermark (app.hq.watermark): held back by this database's running transactions, not
by another database's, and found for HQ's own sessions without copying the lock table."""

from __future__ import annotations

import psycopg
from sqlalchemy import text

from app.hq import watermark
from app.hq.db import normalise_url
from tests.pg import admin_conninfo


def _libpq(url: str) -> str:
    return normalise_url(url).replace("postgresql+psycopg://", "postgresql://")


def _xid(conn: psycopg.Connection) -> int:
    return int(conn.execute("SELECT pg_current_xact_id()::text").fetchone()[0])


def _later_commit() -> None:
    """A transaction that takes a xid and commits: the snapshot's xmax moves past the ones left
    open, so they are listed as running (a snapshot's newest xid is below xmax only once a later
    one has finished)."""
    with psycopg.connect(admin_conninfo(), autocommit=True) as conn:
        conn.execute("SELECT pg_current_xact_id()")


def test_a_running_transaction_here_holds_the_bound_back_and_one_elsewhere_does_not(hq_url, hq_engine) -> None:
    with psycopg.connect(_libpq(hq_url)) as here, psycopg.connect(admin_conninfo()) as elsewhere:
        mine = _xid(here)  # left open
        theirs = _xid(elsewhere)  # the `postgres` database, left open
        _later_commit()
        with hq_engine.begin() as conn:
            assert watermark.watermark(conn) == mine
        here.rollback()
        with hq_engine.begin() as conn:
            assert watermark.watermark(conn) > theirs  # only the other database's transaction runs now
        elsewhere.rollback()


def test_hq_sessions_are_found_without_reading_the_lock_table(hq_url, hq_engine) -> None:
    """A running transaction of an HQ session is mapped to its database through
    pg_stat_activity.backend_xid: pg_lock_status, a copy of the whole lock table (most of a
    pull's preamble with 200 stations syncing), is never executed."""
    with psycopg.connect(_libpq(hq_url)) as here:
        mine = _xid(here)
        _later_commit()
        with hq_engine.begin() as conn:
            plan = [r[0] for r in conn.execute(text("EXPLAIN (ANALYZE) " + watermark._WATERMARK))]
            assert watermark.watermark(conn) == mine
        here.rollback()
    assert any("pg_snapshot_xip" in line and "rows=1 " in line for line in plan), "\n".join(plan)
    lock_scan = [line for line in plan if "pg_lock_status" in line]
    assert lock_scan and all("never executed" in line for line in lock_scan), "\n".join(plan)
