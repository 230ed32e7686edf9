"""A bulk insert captured set-based (app/sync/bulk_capture.py) leaves the same sync rows as
the per-row insert triggers: outbox, field stamps, clock, hash delta, row by row.

Each case inserts the same rows (same ids) into two copies of one database: once through
the triggers (MIN_ROWS out of reach), once through the bulk path.  What may differ:
- the HLC values, only when the clock is behind the wall clock: the trigger reads the wall
  clock per row, the bulk path once.  With the clock ahead of it (`clock="ahead"`) both
  give hlc + 1, hlc + 2, … and everything is compared exactly; otherwise the values are
  compared by their properties (strictly increasing in seq, above the clock before, the
  clock ending at the highest, each row's stamp equal to its outbox hlc);
- created_at/updated_at of the inserted rows (Python defaults, evaluated at each run): not
  compared; capture does not read them.
"""

from __future__ import annotations

import sqlite3
import time
import uuid
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from app.models import Enterprise, ServiceRecord
from app.models.database import Database, open_database
from app.services.excel import rows as excel_rows
from app.services.station.identity import NewStation, create_station, require_station
from app.sync import bulk_capture

ENTERPRISE = uuid.UUID(int=1)
AHEAD = (int(time.time() * 1000) + 10 * 86_400_000) << 16  # an HLC ten days past the wall clock


def _template(path: Path) -> Path:
    db = open_database(path)
    with db.begin() as s:
        station = create_station(s, NewStation("GZ-TH-001", "天河区服务站", "天河区", "", "陈晓明"))
        s.add(Enterprise(id=ENTERPRISE, name="已有企业", station_id=station.id))
    db.dispose()
    return path


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _template(tmp_path_factory.mktemp("bulk") / "template.db")


def _copy(template: Path, path: Path) -> Database:
    with sqlite3.connect(template) as source, sqlite3.connect(path) as target:
        source.backup(target)
    return open_database(path)


def _prepare(db: Database, *, clock: str, applying: int, kept: bool, stale: list[uuid.UUID]) -> None:
    with db.engine.begin() as conn:
        if clock == "ahead":  # the same value in both copies
            conn.exec_driver_sql("UPDATE sync_clock SET hlc = ?", (AHEAD,))
        elif clock == "missing":
            conn.exec_driver_sql("DELETE FROM sync_clock")
        conn.exec_driver_sql("UPDATE sync_control SET applying = ?", (applying,))
        if kept:
            conn.exec_driver_sql("INSERT INTO sync_table_hash(tbl, count, hash) VALUES ('enterprise', 1, 0), "
                                 "('service_record', 0, 0)")
        for i in stale:  # stamps left for these ids: the insert replaces `+`, keeps the others
            conn.exec_driver_sql("INSERT INTO sync_field_clock VALUES ('enterprise', ?, '+', 5), ('enterprise', ?, 'name', 7)",
                                 (i.hex, i.hex))


def _rows(table: str, ids: list[uuid.UUID], deleted: list[bool], station_id: uuid.UUID) -> list[dict[str, Any]]:
    if table == "enterprise":
        return [{"id": i, "name": f"企业{n}", "station_id": station_id, "deleted": d}
                for n, (i, d) in enumerate(zip(ids, deleted, strict=True))]
    return [{"id": i, "enterprise_id": ENTERPRISE, "service_date": date(2026, 3, 1), "category": "finance",
             "station_id": station_id, "deleted": d} for i, d in zip(ids, deleted, strict=True)]


def _insert(db: Database, table: str, rows: list[dict[str, Any]]) -> None:
    model = Enterprise if table == "enterprise" else ServiceRecord
    with db.begin() as session:
        rows = [dict(r, station_id=require_station(session).id) for r in rows]
        excel_rows.bulk_insert(session, model, rows, None, None)


def _state(db: Database, table: str) -> dict[str, Any]:
    with db.engine.connect() as conn:
        def q(sql: str) -> list[tuple[Any, ...]]:
            return [tuple(r) for r in conn.exec_driver_sql(sql)]
        return {
            "outbox": q("SELECT seq, tbl, row_id, hlc FROM sync_outbox ORDER BY seq"),
            "stamps": q("SELECT tbl, row_id, field, hlc FROM sync_field_clock ORDER BY tbl, row_id, field"),
            "clock": q("SELECT id, hlc, offset_ms FROM sync_clock"),
            "hash_delta": q("SELECT seq, tbl, row_id, version, sign FROM sync_hash_delta ORDER BY seq"),
            "rows": q(f"SELECT rowid, id, version, deleted FROM {table} ORDER BY rowid"),
            "triggers": q("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"),
        }


def _without_hlc(state: dict[str, Any]) -> dict[str, Any]:
    return {**state, "outbox": [r[:3] for r in state["outbox"]], "stamps": [r[:3] for r in state["stamps"]],
            "clock": [r[:1] + r[2:] for r in state["clock"]]}


def _check_hlcs(before: dict[str, Any], after: dict[str, Any]) -> None:
    """An HLC sequence as the trigger makes one: new entries strictly increasing in seq,
    above the clock before, the clock ending at the highest, each new row's stamp its hlc."""
    old = {r[0] for r in before["outbox"]}
    new = [r for r in after["outbox"] if r[0] not in old]
    if not new:
        return
    hlcs = [r[3] for r in new]
    assert hlcs == sorted(set(hlcs))
    assert hlcs[0] > before["clock"][0][1]
    assert after["clock"][0][1] == hlcs[-1]
    stamps = {(t, r): h for t, r, f, h in after["stamps"] if f == "+"}
    assert all(stamps[(t, r)] == h for _, t, r, h in new if t == "enterprise")


def _both_ways(template: Path, tmp: Path, monkeypatch: pytest.MonkeyPatch, table: str, n: int, *,
               deleted: list[bool] | None = None, clock: str = "ahead", applying: int = 0, kept: bool = False,
               stale: int = 0, min_rows: int = 1) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    ids = [uuid.UUID(int=(7 << 120) + k) for k in range(n)]  # the same ids both ways, in insert order
    deleted = deleted if deleted is not None else [False] * n
    states = []
    for way, threshold in (("triggers", 10**9), ("bulk", min_rows)):
        db = _copy(template, tmp / f"{way}.db")
        try:
            _prepare(db, clock=clock, applying=applying, kept=kept, stale=ids[:stale])
            before = _state(db, table)
            monkeypatch.setattr(bulk_capture, "MIN_ROWS", threshold)
            _insert(db, table, _rows(table, ids, deleted, uuid.UUID(int=0)))
            states.append(_state(db, table))
        finally:
            db.dispose()
    return before, states[0], states[1]


@pytest.mark.parametrize("table", ["enterprise", "service_record"])
@pytest.mark.parametrize("kept", [False, True])
def test_a_bulk_insert_leaves_exactly_the_triggers_rows(template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        table: str, kept: bool) -> None:
    deleted = [k % 7 == 3 for k in range(250)]  # a deleted row is captured but not hashed
    before, by_triggers, by_bulk = _both_ways(template, tmp_path, monkeypatch, table, 250, deleted=deleted,
                                              kept=kept, stale=3, min_rows=bulk_capture.MIN_ROWS)
    assert len(by_triggers["outbox"]) == len(before["outbox"]) + 250
    if table == "enterprise":
        assert len(by_triggers["stamps"]) == len(before["stamps"]) + 250 - 3  # `+` replaced for the stale three
    assert len(by_triggers["hash_delta"]) == (250 - sum(deleted) if kept else 0)
    assert by_bulk == by_triggers


@pytest.mark.parametrize("table", ["enterprise", "service_record"])
def test_with_the_clock_behind_the_hlcs_differ_only_in_wall_time(template: Path, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch, table: str) -> None:
    before, by_triggers, by_bulk = _both_ways(template, tmp_path, monkeypatch, table, 300, clock="now", kept=True)
    assert _without_hlc(by_bulk) == _without_hlc(by_triggers)
    _check_hlcs(before, by_triggers)
    _check_hlcs(before, by_bulk)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    table=st.sampled_from(["enterprise", "service_record"]),
    deleted=st.lists(st.booleans(), min_size=0, max_size=40),
    clock=st.sampled_from(["ahead", "now", "missing"]),
    applying=st.sampled_from([0, 1]),
    kept=st.booleans(),
    stale=st.integers(0, 3),
)
def test_any_bulk_insert_is_captured_as_the_triggers_would(template: Path, tmp_path_factory: pytest.TempPathFactory,
                                                          monkeypatch: pytest.MonkeyPatch, table: str, deleted: list[bool],
                                                          clock: str, applying: int, kept: bool, stale: int) -> None:
    tmp = tmp_path_factory.mktemp("case")
    before, by_triggers, by_bulk = _both_ways(template, tmp, monkeypatch, table, len(deleted), deleted=deleted,
                                              clock=clock, applying=applying, kept=kept, stale=min(stale, len(deleted)))
    if clock == "now":
        assert _without_hlc(by_bulk) == _without_hlc(by_triggers)
        _check_hlcs(before, by_bulk)
    else:
        assert by_bulk == by_triggers


def test_bulk_path_is_taken_on_the_head_schema(db, station) -> None:  # type: ignore[no-untyped-def]
    """The installed insert triggers are the ones bulk_capture replicates: if a migration
    changes them, the import falls back to per-row capture and this fails until
    bulk_capture is brought along.  Inside the block they are gone; after it, back as they were."""
    seen: list[set[str]] = []
    with db.engine.connect() as conn:
        before = set(conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all())
        for table in ("enterprise", "service_record"):
            assert bulk_capture.replicable(conn, table) is not None, table
    with db.begin() as session:
        conn = session.connection()
        with bulk_capture.inserts(conn, "enterprise", 0 + bulk_capture.MIN_ROWS):
            seen.append({r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")})
            excel_rows.insert_chunk(session, Enterprise, [
                {"id": uuid.UUID(int=(9 << 120) + k), "name": f"企业{k}", "station_id": station.id}
                for k in range(bulk_capture.MIN_ROWS)])
    assert not {"sync_enterprise_ai", "sync_enterprise_hi"} & seen[0]
    with db.engine.connect() as conn:
        assert set(conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all()) == before
        assert conn.exec_driver_sql("SELECT count(*) FROM sync_outbox WHERE tbl = 'enterprise'").scalar_one() == bulk_capture.MIN_ROWS


def test_a_changed_trigger_is_left_to_capture_row_by_row(db, station) -> None:  # type: ignore[no-untyped-def]
    with db.engine.begin() as conn:
        sql = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = 'sync_enterprise_ai'").scalar_one()
        conn.exec_driver_sql("DROP TRIGGER sync_enterprise_ai")
        conn.exec_driver_sql(sql.replace("INSERT INTO sync_outbox", "INSERT INTO sync_outbox ", 1))
    with db.engine.connect() as conn:
        assert bulk_capture.replicable(conn, "enterprise") is None
    with db.begin() as session:
        excel_rows.bulk_insert(session, Enterprise, [
            {"id": uuid.UUID(int=(9 << 120) + k), "name": f"企业{k}", "station_id": station.id}
            for k in range(bulk_capture.MIN_ROWS)], None, None)
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM sync_outbox WHERE tbl = 'enterprise'").scalar_one() == bulk_capture.MIN_ROWS


def test_an_error_in_the_block_puts_the_triggers_back_even_if_the_caller_commits(db, station) -> None:  # type: ignore[no-untyped-def]
    with db.engine.connect() as conn:
        before = set(conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all())
    session = Session(db.engine)
    conn = session.connection()
    with pytest.raises(ZeroDivisionError), bulk_capture.inserts(conn, "enterprise", bulk_capture.MIN_ROWS):
        excel_rows.insert_chunk(session, Enterprise, [{"id": uuid.UUID(int=(9 << 120) + 1), "name": "企业", "station_id": station.id}])
        1 / 0  # noqa: B018
    session.commit()  # a careless caller: what it commits must still capture
    session.close()
    with db.engine.connect() as conn:
        assert set(conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all()) == before


def test_a_row_count_that_does_not_add_up_rolls_back(db, station) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(RuntimeError, match=f"1 new rows, {bulk_capture.MIN_ROWS} inserted"), db.begin() as session:
        conn = session.connection()
        with bulk_capture.inserts(conn, "enterprise", bulk_capture.MIN_ROWS):
            excel_rows.insert_chunk(session, Enterprise, [{"id": uuid.UUID(int=(9 << 120) + 1), "name": "企业", "station_id": station.id}])
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM enterprise").scalar_one() == 0
        assert conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE name = 'sync_enterprise_ai'").scalar_one() == 1
