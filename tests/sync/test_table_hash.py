"""Kept sanity-check figures (sync_table_hash): every way of changing rows keeps them equal
to a full computation, once the table has figures; without figures the triggers are silent."""

from __future__ import annotations

import tempfile
import uuid
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Connection

from app.models import Enterprise, Policy
from app.models.database import Database, open_database
from app.models.types import uuid7
from app.sync import check, pull
from app.sync.codec import codec
from app.sync.protocol import SYNCED_TABLES

TABLES = {"enterprise": Enterprise, "policy": Policy}


def _new(db: Database, tbl: str) -> uuid.UUID:
    with db.begin() as session:
        row = Enterprise(name="广州甲有限公司") if tbl == "enterprise" else Policy(title="稳岗补贴", category="就业")
        session.add(row)
        session.flush()
        return row.id


def _pulled(conn: Connection, tbl: str, row_id: uuid.UUID | None, *, version: int, deleted: bool) -> None:
    """A row as HQ would send it, applied through the pull path: an existing row with a
    new version/deleted, or (row_id None) a copy of one under a new id."""
    c = codec(tbl)
    source = conn.exec_driver_sql(f"SELECT {', '.join(c.columns)} FROM {tbl} LIMIT 1").first()
    if source is None:
        return
    values = list(source)
    if row_id is not None:
        values = list(conn.exec_driver_sql(f"SELECT {', '.join(c.columns)} FROM {tbl} WHERE id = ?", (row_id.hex,)).one())
    else:
        values[c.id_position] = uuid7().hex
    values[c.columns.index("version")] = version
    values[c.columns.index("deleted")] = int(deleted)
    conn.rollback()
    pull.apply_page(conn, pull.MAIN_SCOPE, pull.Page({tbl: [tuple(values)]}), {"n": version}, True)


def _assert_kept_equals_full(db: Database) -> None:
    with db.engine.connect() as conn:
        kept = check.maintained(conn)
        with conn.begin():
            full = check.local_summary(conn)
    assert kept == full


OPS = st.lists(
    st.tuples(
        st.sampled_from(["insert", "rename", "note", "delete", "undelete", "bump", "hard_delete",
                         "pull_new", "pull_update", "pull_delete", "pull_undelete", "raw_delete", "check"]),
        st.sampled_from(sorted(TABLES)),
        st.integers(min_value=0, max_value=50),
    ),
    max_size=25,
)


def _apply(db: Database, ids: dict[str, list[uuid.UUID]], op: str, tbl: str, n: int) -> None:
    model: Any = TABLES[tbl]
    if op == "insert" or not ids[tbl]:
        ids[tbl].append(_new(db, tbl))
        return
    row_id = ids[tbl][n % len(ids[tbl])]
    if op == "check":
        _assert_kept_equals_full(db)
    elif op.startswith("pull_"):
        with db.engine.connect() as conn:
            current = conn.exec_driver_sql(f"SELECT version FROM {tbl} WHERE id = ?", (row_id.hex,)).scalar_one()
            conn.rollback()
            if op == "pull_new":
                _pulled(conn, tbl, None, version=n + 1, deleted=n % 3 == 0)
            else:
                _pulled(conn, tbl, row_id, version=current + 1 + n % 2, deleted=op == "pull_delete")
    elif op == "hard_delete":
        with db.engine.begin() as conn:
            conn.exec_driver_sql(f"DELETE FROM {tbl} WHERE id = ?", (row_id.hex,))
        ids[tbl].remove(row_id)
    elif op == "raw_delete":  # raw SQL: the capture trigger bumps the version of the tombstone
        with db.engine.begin() as conn:
            conn.exec_driver_sql(f"UPDATE {tbl} SET deleted = 1 - deleted WHERE id = ?", (row_id.hex,))
    else:
        with db.begin() as session:
            row = session.get(model, row_id)
            if op == "rename":
                row.notes = f"备注{n}" if tbl == "enterprise" else None
                if tbl == "policy":
                    row.summary = f"摘要{n}"
            elif op == "note" and tbl == "policy":
                row.local_note = f"本站备注{n}"  # local-only: no version change
            elif op == "delete":
                row.deleted = True
            elif op == "undelete":
                row.deleted = False
            elif op == "bump":
                row.version = row.version + 5


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(before=OPS, after=OPS)
def test_kept_figures_equal_a_full_computation(before: list[tuple[str, str, int]], after: list[tuple[str, str, int]]) -> None:
    with tempfile.TemporaryDirectory() as home:
        db = open_database(Path(home) / "station.db")
        try:
            ids: dict[str, list[uuid.UUID]] = {t: [] for t in TABLES}
            for op in before:  # no kept figures yet: triggers silent, the first check computes in full
                _apply(db, ids, *op)
            _assert_kept_equals_full(db)
            for op in after:
                _apply(db, ids, *op)
            _assert_kept_equals_full(db)
        finally:
            db.dispose()


def test_triggers_log_only_while_figures_are_kept(db: Database) -> None:
    _new(db, "enterprise")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM sync_hash_delta").scalar_one() == 0
        conn.rollback()
        figures = check.maintained(conn)
        assert figures["enterprise"]["count"] == 1 and set(figures) == set(SYNCED_TABLES)
    _new(db, "enterprise")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM sync_hash_delta").scalar_one() == 1
        conn.rollback()
        assert check.maintained(conn)["enterprise"]["count"] == 2
        assert conn.exec_driver_sql("SELECT count(*) FROM sync_hash_delta").scalar_one() == 0


def test_bulk_pull_page_keeps_figures(db: Database) -> None:
    """A page of ≥ pull.BULK_PAGE rows drops the capture triggers; the hash triggers of a
    table with kept figures stay (an incremental sync), those of one without are dropped."""
    eid = _new(db, "enterprise")
    with db.engine.connect() as conn:
        check.maintained(conn)
        c = codec("enterprise")
        template = list(conn.exec_driver_sql(f"SELECT {', '.join(c.columns)} FROM enterprise").one())
        conn.rollback()
        rows = []
        for n in range(pull.BULK_PAGE + 10):
            values = list(template)
            values[c.id_position] = eid.hex if n == 0 else uuid7().hex
            values[c.columns.index("version")] = 7
            values[c.columns.index("deleted")] = int(n % 5 == 1)
            rows.append(tuple(values))
        pull.apply_page(conn, pull.MAIN_SCOPE, pull.Page({"enterprise": rows}), {"n": 1}, True)
        triggers = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        conn.rollback()
    assert {"sync_enterprise_hi", "sync_enterprise_hu", "sync_enterprise_hd", "sync_enterprise_ai"} <= triggers
    _assert_kept_equals_full(db)


def test_audit_repairs_drifted_figures(db: Database, caplog: Any) -> None:
    _new(db, "enterprise")
    with db.engine.connect() as conn:
        right = check.maintained(conn)
        with conn.begin():
            conn.exec_driver_sql("UPDATE sync_table_hash SET count = count + 3, hash = -5 WHERE tbl = 'enterprise'")
        assert check.maintained(conn) != right
        assert check.maintained(conn, audit=True) == right
        assert check.maintained(conn) == right
    assert "drifted in ['enterprise']" in caplog.text


def test_hash_is_stored_as_signed_64_bit(db: Database) -> None:
    for _ in range(6):
        _new(db, "enterprise")
    with db.engine.connect() as conn:
        figures = check.maintained(conn)["enterprise"]
        stored = conn.exec_driver_sql("SELECT hash, typeof(hash) FROM sync_table_hash WHERE tbl = 'enterprise'").one()
    assert stored[1] == "integer"
    assert stored[0] == check.to_signed(figures["hash"]) and stored[0] % (1 << 64) == figures["hash"]
