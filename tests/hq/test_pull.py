"""Pull pages, bootstrap, tombstones and the horizon, and the sanity check."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import text

from app.hq import fast_sql, pull
from app.hq import push as hq_push
from app.hq.hq_edits import publish_reference
from app.hq.tombstones import purge_tombstones
from app.models.types import uuid7
from app.sync.protocol import table_hash
from tests.hq.conftest import call
from tests.hq.factories import service_record


def push(engine: Any, station: uuid.UUID, rows: list[dict[str, Any]]) -> hq_push.PushResult:
    with engine.begin() as conn:
        return hq_push.apply_push(conn, station, uuid.uuid4(), rows)


def pull_all(engine: Any, station: uuid.UUID, cursor: Any, limit: int, table: str | None = None) -> tuple[list[dict[str, Any]], Any]:
    """Every page, the station's own pushed rows included (these tests push and pull as one
    station; tests/hq/test_echo.py covers skipping them)."""
    rows: list[dict[str, Any]] = []
    while True:
        with engine.begin() as conn:
            page = pull.pull(conn, station, cursor, limit, table, echoes=True)
        rows += page.rows
        cursor = page.cursor
        if page.done:
            return rows, cursor


def test_pages_follow_commit_order_without_gaps_or_repeats(app_client, hq_engine, enrol) -> None:
    a = enrol("L-A1")
    batches = [[service_record(a.station_id, uuid7(), summary=f"{b}-{i}") for i in range(25)] for b in range(4)]
    for rows in batches:
        push(hq_engine, a.station_id, rows)
    cursor, seen = None, []
    while True:
        answer = call(app_client, a, "/v1/pull", {"cursor": cursor, "limit": 7}).json()
        seen += [r for r in answer["rows"] if r["tbl"] == "service_record"]
        cursor = answer["cursor"]
        if answer["done"]:
            break
    assert sorted(r["id"] for r in seen) == sorted(r["id"] for rows in batches for r in rows)
    assert len({r["id"] for r in seen}) == len(seen) == 100
    # batches arrive in commit order
    order = [r["data"]["summary"].split("-")[0] for r in seen]
    assert order == sorted(order)
    again = call(app_client, a, "/v1/pull", {"cursor": cursor, "limit": 7}).json()
    assert again["rows"] == [] and again["done"]


def test_bootstrap_skips_tombstones_but_incremental_pull_carries_them(hq_engine, enrol) -> None:
    a = enrol("L-A2")
    live, gone = service_record(a.station_id, uuid7()), service_record(a.station_id, uuid7())
    push(hq_engine, a.station_id, [live, gone])
    _, cursor = pull_all(hq_engine, a.station_id, None, 1000)
    push(hq_engine, a.station_id, [dict(gone, deleted=True)])
    fresh, _ = pull_all(hq_engine, a.station_id, None, 1000)
    assert live["id"] in {r["id"] for r in fresh} and gone["id"] not in {r["id"] for r in fresh}
    incremental, _ = pull_all(hq_engine, a.station_id, cursor, 1000)
    assert [(r["id"], r["deleted"]) for r in incremental] == [(gone["id"], True)]


def test_row_deleted_during_a_paged_bootstrap_still_arrives_deleted(hq_engine, enrol) -> None:
    a = enrol("L-A3")
    rows = [service_record(a.station_id, uuid7()) for _ in range(10)]
    push(hq_engine, a.station_id, rows)
    with hq_engine.begin() as conn:
        first = pull.pull(conn, a.station_id, None, 3, "service_record")
    sent = {r["id"] for r in first.rows}
    victim = next(r for r in rows if r["id"] in sent)
    push(hq_engine, a.station_id, [dict(victim, deleted=True)])
    rest, _ = pull_all(hq_engine, a.station_id, first.cursor, 3, "service_record")
    assert (victim["id"], True) in {(r["id"], r["deleted"]) for r in rest}


def test_reference_rows_reach_every_station_and_check_matches_protocol_hash(hq_engine, enrol) -> None:
    a = enrol("L-A4")
    with hq_engine.begin() as conn:
        published = publish_reference(conn, "policy", [{"title": "中小企业稳岗补贴", "category": "finance"}])
        again = publish_reference(conn, "policy", [{"id": str(published[0].id), "title": "中小企业稳岗补贴", "category": "finance"}])
    assert again[0].version == published[0].version  # unchanged: no new version
    rows, _ = pull_all(hq_engine, a.station_id, None, 1000)
    policies = [(r["id"], r["version"]) for r in rows if r["tbl"] == "policy"]
    assert len(policies) == 1
    stations = [(r["id"], r["version"]) for r in rows if r["tbl"] == "station" and not r["deleted"]]
    with hq_engine.connect() as conn:
        result = pull.check(conn, a.station_id, {"policy": (1, table_hash(policies)), "station": (len(stations), 0)})
    assert result["policy"].match and not result["station"].match
    assert result["station"].hash == table_hash(stations)


def test_table_filter_repulls_one_table(hq_engine, enrol) -> None:
    a = enrol("L-A5")
    push(hq_engine, a.station_id, [service_record(a.station_id, uuid7()) for _ in range(5)])
    rows, _ = pull_all(hq_engine, a.station_id, None, 2, table="service_record")
    assert len(rows) == 5 and {r["tbl"] for r in rows} == {"service_record"}


def test_purge_respects_horizon_and_cursors_and_late_station_gets_410(app_client, hq_engine, enrol) -> None:
    a, late = enrol("L-A6"), enrol("L-B6")
    row = service_record(a.station_id, uuid7())
    push(hq_engine, a.station_id, [row])
    _, late_cursor = pull_all(hq_engine, late.station_id, None, 1000)
    push(hq_engine, a.station_id, [dict(row, deleted=True)])
    with hq_engine.begin() as conn:
        conn.execute(text("UPDATE replica_row SET updated_at = now() - interval '200 days' WHERE id = :i"), {"i": row["id"]})
        # `late` (and this module's other stations) last acknowledged long ago: they do not hold the purge back
        conn.execute(text("UPDATE station_account SET cursor_txid = 1, cursor_at = now() - interval '400 days' WHERE code <> 'L-A6'"))
    _, a_cursor = pull_all(hq_engine, a.station_id, None, 1000)
    with hq_engine.begin() as conn:
        pull.pull(conn, a.station_id, a_cursor, 10)  # acknowledges a's cursor
        assert purge_tombstones(conn) == 1
    with hq_engine.begin() as conn:
        assert conn.execute(text("SELECT count(*) FROM replica_row WHERE id = :i"), {"i": row["id"]}).scalar() == 0
    answer = call(app_client, late, "/v1/pull", {"cursor": late_cursor, "limit": 100})
    assert answer.status_code == 410 and answer.json()["error"] == "resync_required"
    assert call(app_client, late, "/v1/pull", {"cursor": None, "limit": 100}).status_code == 200


def test_purge_waits_for_an_active_station_behind_the_tombstone(hq_engine, enrol) -> None:
    a = enrol("L-A7")
    row = service_record(a.station_id, uuid7())
    push(hq_engine, a.station_id, [row])
    _, cursor = pull_all(hq_engine, a.station_id, None, 1000)
    with hq_engine.begin() as conn:
        pull.pull(conn, a.station_id, cursor, 10)  # a's acknowledged cursor: before the deletion
    push(hq_engine, a.station_id, [dict(row, deleted=True)])
    with hq_engine.begin() as conn:
        conn.execute(text("UPDATE replica_row SET updated_at = now() - interval '200 days' WHERE id = :i"), {"i": row["id"]})
        purge_tombstones(conn)
        assert conn.execute(text("SELECT count(*) FROM replica_row WHERE id = :i"), {"i": row["id"]}).scalar() == 1


def test_cursor_from_the_future_means_hq_was_restored(app_client, enrol) -> None:
    a = enrol("L-A8")
    future = {"txid": str(2**62), "tbl": "", "id": "00000000-0000-0000-0000-000000000000"}
    answer = call(app_client, a, "/v1/pull", {"cursor": future, "limit": 10})
    assert answer.status_code == 410 and "重新下载" in answer.json()["message"]


def test_purge_is_not_held_back_by_a_transaction_in_another_database(hq_engine, enrol) -> None:
    """The purge limit is this database's watermark (app.hq.watermark), not the cluster's
    oldest transaction: a session left open in another database (another application, another
    test run on the same server) must not stop tombstones from ever being purged."""
    import psycopg

    from tests.pg import admin_conninfo

    a = enrol("L-A9")
    with psycopg.connect(admin_conninfo()) as elsewhere:  # the `postgres` database, not HQ's
        elsewhere.execute("SELECT pg_current_xact_id()")  # holds a transaction id, left open
        row = service_record(a.station_id, uuid7())
        push(hq_engine, a.station_id, [row])
        push(hq_engine, a.station_id, [dict(row, deleted=True)])
        with hq_engine.begin() as conn:
            conn.execute(text("UPDATE replica_row SET updated_at = now() - interval '200 days' WHERE id = :i"),
                         {"i": row["id"]})
            conn.execute(text("UPDATE station_account SET cursor_txid = NULL"))  # no station holds it back either
        with hq_engine.begin() as conn:
            assert purge_tombstones(conn) >= 1  # this module's other tests leave tombstones too
            assert conn.execute(text("SELECT count(*) FROM replica_row WHERE id = :i"), {"i": row["id"]}).scalar() == 0
        elsewhere.rollback()


def test_the_page_indexes_cover_the_tables_a_station_sees() -> None:
    """HQ migration 0009's partial indexes name the tables as app.sync.protocol did then: a new
    synced table needs a migration that redefines them (its rows would be scanned without one)."""
    import importlib

    from app.sync.protocol import HQ_REFERENCE, SHARED, STATION_OWNED

    migration = importlib.import_module("app.hq.migrations.versions.0009_pull_page_indexes")
    assert set(migration.PUBLIC) == set(HQ_REFERENCE + SHARED) == set(pull.PUBLIC_TABLES)
    assert set(migration.OWNED) == set(STATION_OWNED)


def test_a_page_scans_only_rows_the_station_may_see(hq_engine, enrol, monkeypatch) -> None:
    """Each arm of the page query is an ordered scan of its own partial index: other stations'
    own rows are never read and filtered (EXPLAIN of the query pull() runs)."""
    a, b = enrol("L-IDX-A"), enrol("L-IDX-B")
    push(hq_engine, b.station_id, [service_record(b.station_id, uuid7(), summary=f"b{i}") for i in range(30)])
    with hq_engine.begin() as conn:
        cursor = pull.pull(conn, a.station_id, None, 100).cursor
    push(hq_engine, b.station_id, [service_record(b.station_id, uuid7(), summary=f"b2-{i}") for i in range(30)])
    push(hq_engine, a.station_id, [service_record(a.station_id, uuid7(), summary=f"a{i}") for i in range(3)])
    captured: list[str] = []
    real = fast_sql.rows

    def explain(conn: Any, statement: str, params: Any = None, **kw: Any) -> Any:
        if statement.startswith("SELECT u.t"):
            captured.extend(r[0] for r in real(conn, "EXPLAIN (ANALYZE) " + statement, params))
        return real(conn, statement, params, **kw)

    monkeypatch.setattr(fast_sql, "rows", explain)  # the page runs straight on psycopg (app/hq/fast_sql.py)
    with hq_engine.begin() as conn:
        page = pull.pull(conn, a.station_id, cursor, 100, echoes=True)
    assert len(page.rows) == 3
    plan = "\n".join(captured)
    assert "ix_replica_row_public_txid" in plan and "ix_replica_row_owned_txid" in plan, plan
    assert "Rows Removed by Filter" not in plan, plan
