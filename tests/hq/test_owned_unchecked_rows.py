"""Finding 4 behind the row rules too: app/hq/owned.py itself never fails on a report
status or enterprise_id that is a list or an object, even if a caller skipped validation."""

from __future__ import annotations

import uuid

from app.hq import owned
from app.hq.apply_context import ApplyContext, PushResult
from app.hq.wire import WireRow
from tests.hq.factories import report, service_record


def test_lists_and_objects_reach_owned_rows_without_an_exception(hq_engine, enrol) -> None:  # type: ignore[no-untyped-def]
    station = enrol("F-OWN-1").station_id
    rows = [report(station, status=["draft"]), report(station, kind="plan", status={"a": 1}), service_record(station, "x")]
    rows[2]["data"]["enterprise_id"] = ["x"]
    with hq_engine.begin() as conn:
        ctx = ApplyContext(conn, station, uuid.uuid4(), 0, PushResult("b", "applied"))
        owned.apply_station_rows(ctx, [WireRow.model_validate(r) for r in rows])
        conn.rollback()
    assert [r["reason"] for r in ctx.result.rejected] == ["bad_row", "bad_row"]
