"""A row's pull JSON is made once, by the row trigger, when the row is written (HQ migration 0010),
and a pull page sends that text instead of building it again for every station."""

from __future__ import annotations

import importlib
import json
import uuid
from typing import Any

from sqlalchemy import text

from app.hq import pull
from app.hq import push as hq_push
from app.hq.hq_edits import publish_reference
from app.models.types import uuid7
from tests.hq.factories import edit, enterprise, hlc, service_record

BUILT_NOW = f"{pull.ROW_JSON_BUILD}::text"


def push(engine: Any, station: uuid.UUID, rows: list[dict[str, Any]]) -> hq_push.PushResult:
    with engine.begin() as conn:
        return hq_push.apply_push(conn, station, uuid.uuid4(), rows)


def test_every_write_stores_the_json_a_page_would_build(hq_engine, enrol) -> None:
    """Inserts, merges by field, a merge by credit code (the loser's tombstone, the survivor's
    fill-in, the re-pointed service record), deletes and HQ's own reference rows: the stored text
    of a row every station pulls is always what json_build_object gives for the row as it now is;
    a station's own rows (service records here) store none."""
    a, b = enrol("PJ-A"), enrol("PJ-B")
    first = enterprise(a.station_id, hlc(0), credit_code="91440101MA5PJ00001", address="")
    push(hq_engine, a.station_id, [first, service_record(a.station_id, first["id"])])
    second = enterprise(b.station_id, hlc(5), credit_code="91440101MA5PJ00001", address="B 地址")
    record = service_record(b.station_id, second["id"])
    merged = push(hq_engine, b.station_id, [second, record])
    assert merged.merged  # the second became a tombstone pointing at the first
    push(hq_engine, a.station_id, [edit(first, hlc(10), name="改名后的企业")])
    push(hq_engine, b.station_id, [dict(record, deleted=True)])
    with hq_engine.begin() as conn:
        publish_reference(conn, "policy", [{"title": "中小企业稳岗补贴", "category": "finance"}])
        public = conn.execute(text(f"SELECT count(*), count(*) FILTER (WHERE page_json IS DISTINCT FROM {BUILT_NOW}) "
                                   "FROM replica_row WHERE tbl IN ('enterprise', 'policy')")).one()
        own = conn.execute(text("SELECT count(*), count(page_json) FROM replica_row WHERE tbl = 'service_record'")).one()
    assert public[0] >= 3 and public[1] == 0
    assert own[0] == 2 and own[1] == 0, "a station's own rows keep no text: only their station pulls them"


def test_a_page_sends_the_stored_text_and_builds_it_for_older_rows(hq_engine, enrol) -> None:
    """The page reads page_json (a marker planted there comes back as is); a row written before
    the migration (no page_json) is built as before."""
    a = enrol("PJ-C")
    stored, older = service_record(a.station_id, uuid7()), service_record(a.station_id, uuid7())
    push(hq_engine, a.station_id, [stored, older])
    marker = json.dumps({**stored, "version": 1, "field_hlc": None, "marker": "stored"}, ensure_ascii=False)
    with hq_engine.begin() as conn:
        conn.execute(text("SET LOCAL session_replication_role = replica"))  # the trigger would rebuild it
        conn.execute(text("UPDATE replica_row SET page_json = :m WHERE id = :i"), {"m": marker, "i": stored["id"]})
        conn.execute(text("UPDATE replica_row SET page_json = NULL WHERE id = :i"), {"i": older["id"]})
    with hq_engine.begin() as conn:
        rows = {r["id"]: r for r in pull.pull(conn, a.station_id, None, 100, echoes=True).rows}
    assert rows[stored["id"]]["marker"] == "stored"
    assert rows[older["id"]]["data"] == older["data"] and rows[older["id"]]["version"] == 1


def test_the_migration_builds_what_the_pull_builds() -> None:
    """Migration 0010's trigger expression is app.hq.pull's over the new row (a change to one
    needs a migration for the other)."""
    migration = importlib.import_module("app.hq.migrations.versions.0010_page_json")
    assert migration.PAGE_JSON == BUILT_NOW.replace("('tbl', tbl", "('tbl', NEW.tbl").replace(
        ", id, ", ", NEW.id, ").replace("station_id, 'version', version", "NEW.station_id, 'version', NEW.version").replace(
        "deleted, 'data', data, 'field_hlc', field_hlc)", "NEW.deleted, 'data', NEW.data, 'field_hlc', NEW.field_hlc)")


def test_the_migration_stores_text_for_the_tables_every_station_pulls() -> None:
    """Migration 0010's PUBLIC is migration 0009's (the page's public scan) and the protocol's
    reference and shared tables: any other table's rows go to their own station only."""
    from app.sync import protocol

    page_json = importlib.import_module("app.hq.migrations.versions.0010_page_json")
    indexes = importlib.import_module("app.hq.migrations.versions.0009_pull_page_indexes")
    assert page_json.PUBLIC == indexes.PUBLIC
    assert set(page_json.PUBLIC) == set(protocol.HQ_REFERENCE) | set(protocol.SHARED)


def test_a_page_is_sent_as_the_bytes_postgresql_made(hq_engine, enrol) -> None:
    """Page rows are the UTF-8 PostgreSQL sent (bytes, not decoded and encoded again): the same
    JSON, characters outside the BMP included, and the cursor of a cut page still text."""
    a = enrol("PJ-D")
    records = [service_record(a.station_id, uuid7()) for _ in range(3)]
    records[0]["data"]["summary"] = "走访𠀀企业 😀 é"
    push(hq_engine, a.station_id, records)
    with hq_engine.begin() as conn:
        page = pull.pull(conn, a.station_id, None, 2, echoes=True)
    assert all(isinstance(r, bytes) for r in page.rows_json) and len(page.rows_json) == 2
    assert page.cursor is not None and all(isinstance(v, str) for v in page.cursor.values())
    with hq_engine.begin() as conn:
        rest = pull.pull(conn, a.station_id, page.cursor, 100, echoes=True).rows
    got = {r["id"]: r for r in page.rows + rest}
    assert got[records[0]["id"]]["data"]["summary"] == "走访𠀀企业 😀 é"
    assert {str(r["id"]) for r in records} <= set(got)
