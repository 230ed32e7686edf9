"""Shared by the libraries tests: pushing station rows as the push path does, and reading
the audit trail and replica rows back with plain SQL."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, text

from app.hq import push as hq_push
from tests.hq.factories import T0

NOW = datetime(2026, 12, 7, 1, 0, tzinfo=UTC)  # 09:00 China time


def push(engine: Engine, station: uuid.UUID, rows: list[dict[str, Any]], at: int = 0) -> hq_push.PushResult:
    with engine.begin() as conn:
        return hq_push.apply_push(conn, station, uuid.uuid4(), rows, at_ms=T0 + at)


def audits(engine: Engine, action: str | None = None) -> list[Any]:
    with engine.connect() as conn:
        return list(conn.execute(
            text("SELECT actor, role, action, target, before, after FROM audit_log "
                 "WHERE CAST(:a AS text) IS NULL OR action = :a ORDER BY id"), {"a": action}
        ).all())


def replica(engine: Engine, tbl: str, row_id: str) -> Any:
    with engine.connect() as conn:
        return conn.execute(text("SELECT version, deleted, data FROM replica_row WHERE tbl = :t AND id = :i"),
                            {"t": tbl, "i": row_id}).first()


def count(engine: Engine, sql: str, **params: Any) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text(sql), params).scalar_one())


def table_counts(engine: Engine) -> tuple[int, int]:
    """(replica rows, audit entries): a refused write changes neither."""
    return count(engine, "SELECT count(*) FROM replica_row"), count(engine, "SELECT count(*) FROM audit_log")


def sql_audit(actor: str = "测试员", role: str = "staff") -> Any:
    """An Audit writing audit_log as record_action does (the server tests run below the endpoints)."""
    import json

    def audit(conn: Connection, action: str, target: str, before: Any, after: Any) -> None:
        conn.execute(
            text("INSERT INTO audit_log (actor, role, action, target, before, after) "
                 "VALUES (:u, :r, :a, :t, CAST(:b AS jsonb), CAST(:f AS jsonb))"),
            {"u": actor, "r": role, "a": action, "t": target, "b": json.dumps(before, ensure_ascii=False),
             "f": json.dumps(after, ensure_ascii=False)},
        )

    return audit
