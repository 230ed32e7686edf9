"""Statements straight on psycopg (app/hq/fast_sql.py) fail as SQLAlchemy's own would: the error is
SQLAlchemy's, a dead connection is invalidated, and ServiceContext.in_transaction retries a lost
connection or a deadlock as before."""

from __future__ import annotations

import logging
from typing import Any

import psycopg
import pytest
from sqlalchemy.exc import DataError

from app.hq import fast_sql
from app.hq.clock import Clock
from app.hq.routes.context import ServiceContext
from tests.pg import admin_conninfo


def test_a_killed_backend_is_invalidated_and_the_transaction_retried(hq_engine, caplog) -> None:
    hq = ServiceContext.build(hq_engine, Clock())
    pids: list[int] = []

    def work(conn: Any) -> int:
        pids.append(fast_sql.scalar(conn, "SELECT pg_backend_pid()"))
        if len(pids) == 1:  # a PostgreSQL restart, as the first attempt sees it
            with psycopg.connect(admin_conninfo(), autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", (pids[0],))
        return int(fast_sql.scalar(conn, "SELECT 41 + 1"))

    with caplog.at_level(logging.WARNING, logger="app.hq.routes.context"):
        assert hq.in_transaction(work) == 42
    assert len(pids) == 2 and pids[0] != pids[1]  # the dead connection was not handed out again
    assert "a lost connection" in caplog.text


def test_a_deadlock_is_retried(hq_engine) -> None:
    hq = ServiceContext.build(hq_engine, Clock())
    attempts: list[int] = []

    def work(conn: Any) -> str:
        attempts.append(1)
        if len(attempts) == 1:
            fast_sql.execute(conn, "DO $$ BEGIN RAISE EXCEPTION 'broken by PostgreSQL' USING ERRCODE = '40P01'; END $$")
        return "applied"

    assert hq.in_transaction(work) == "applied" and len(attempts) == 2


def test_a_driver_error_is_sqlalchemys(hq_engine) -> None:
    """A DataError stays the endpoints' 422 (app/hq/server.py, station_asgi): never a 500."""
    with hq_engine.begin() as conn, pytest.raises(DataError):
        fast_sql.scalar(conn, "SELECT CAST(%(x)s AS integer)", {"x": "not a number"})


def test_text_as_bytes_gives_the_utf8_postgresql_sent_whatever_the_client_encoding(hq_engine) -> None:
    """A pull page's row JSON is written into the answer as PostgreSQL sent it, never decoded and
    encoded again (app.hq.pull._page); on a connection whose client encoding is not UTF8 it is
    still UTF-8, and other statements keep their str."""
    sql = "SELECT %s::text, 7, %s::uuid"
    text_value, row_id = '{"name":"广州𠀀企业 ☕","x":"é"}', "0190c0de-0000-7000-8000-000000000001"
    with hq_engine.begin() as conn:
        assert fast_sql.rows(conn, sql, (text_value, row_id), text_as_bytes=True)[0][:2] == (text_value.encode(), 7)
        assert fast_sql.rows(conn, sql, (text_value, row_id))[0][0] == text_value  # no lasting change
        gbk_value = '{"name":"广州企业"}'  # GBK has no 𠀀
        fast_sql.execute(conn, "SET LOCAL client_encoding TO 'GBK'")
        assert fast_sql.rows(conn, sql, (gbk_value, row_id), text_as_bytes=True)[0][0] == gbk_value.encode()
        assert fast_sql.scalar(conn, "SELECT %s::text", (gbk_value,)) == gbk_value
