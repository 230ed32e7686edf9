"""The last page's figures name the tables they count rows of that the station has not been
sent (`check.moving`): rows another push committed at or above the watermark while an older
transaction still ran, which the page's snapshot sees.  A station does not take a difference
in those for a fault (app.sync.engine._verify); its own rows, held as it pushed them, never
make a table moving."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

from app.models.types import uuid7
from tests.hq.conftest import call
from tests.hq.factories import enterprise, hlc, service_record

TABLES = ["enterprise", "service_record"]


def pull_to_done(client: Any, who: Any, cursor: Any) -> tuple[Any, list[dict[str, Any]], dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    while True:
        page = call(client, who, "/v1/pull", {"cursor": cursor, "limit": 50, "figures": TABLES}).json()
        rows += page["rows"]
        cursor = page["cursor"]
        if page["done"]:
            return cursor, rows, page["check"]


def push(client: Any, who: Any, rows: list[dict[str, Any]]) -> None:
    assert call(client, who, "/v1/push", {"batch_id": str(uuid7()), "rows": rows}).json()["status"] == "applied"


def test_rows_committed_above_the_watermark_make_their_table_moving(app_client, hq_engine, enrol) -> None:  # type: ignore[no-untyped-def]
    a, b = enrol("PM-A1"), enrol("PM-B1")
    cursor, _, check = pull_to_done(app_client, a, None)
    assert "moving" not in check
    with hq_engine.connect() as older:  # a transaction of this database still running: the watermark stays below it
        older.execute(text("SELECT pg_current_xact_id()"))
        ent = enterprise(b.station_id, hlc(0), name="广州上游科技有限公司")
        push(app_client, b, [ent])  # committed above the watermark
        own = enterprise(a.station_id, hlc(0), name="广州本站科技有限公司")
        push(app_client, a, [own, service_record(a.station_id, own["id"])])  # a's own, held as sent
        cursor, rows, check = pull_to_done(app_client, a, cursor)
        assert ent["id"] not in {r["id"] for r in rows}  # not sent yet ...
        assert check["moving"] == ["enterprise"]  # ... but counted: the figures say so
        older.rollback()
    cursor, rows, check = pull_to_done(app_client, a, cursor)
    assert ent["id"] in {r["id"] for r in rows} and "moving" not in check


def test_only_the_stations_own_rows_above_the_watermark_move_nothing(app_client, hq_engine, enrol) -> None:  # type: ignore[no-untyped-def]
    a = enrol("PM-A2")
    own = enterprise(a.station_id, hlc(0), name="广州自有科技有限公司")
    push(app_client, a, [own])
    cursor, _, _ = pull_to_done(app_client, a, None)
    with hq_engine.connect() as older:
        older.execute(text("SELECT pg_current_xact_id()"))
        push(app_client, a, [service_record(a.station_id, own["id"], summary=f"回访{i}") for i in range(3)])
        _, rows, check = pull_to_done(app_client, a, cursor)
        assert rows == [] and "moving" not in check  # held as pushed: the station has them
        older.rollback()
