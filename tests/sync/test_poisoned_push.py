"""Issue 10, findings 1 and 2: one station's bad rows must not reach HQ's store, and so
can never stop another station's sync.  Real stations against the real HQ service."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Engine, text

from app.sync.client import SyncError
from app.sync.engine import sync
from tests.hq.factories import enterprise, hlc

from .helpers import add_work, assert_station_equals_hq


def stored_ids(hq: Engine, rows: list[dict[str, Any]]) -> set[str]:
    ids = "{" + ",".join(r["id"] for r in rows) + "}"
    with hq.connect() as conn:
        found = conn.execute(text("SELECT CAST(id AS text) FROM replica_row WHERE id = ANY(CAST(:i AS uuid[]))"), {"i": ids})
        return set(found.scalars())


def test_finding_1_bad_revenue_or_missing_name_is_rejected_and_others_keep_syncing(make_station, hq_engine) -> None:  # type: ignore[no-untyped-def]
    a, b = make_station("GZ-POI-A"), make_station("GZ-POI-B")
    add_work(a.db, a.station_id, 3, seed=1)
    assert sync(a.db, a.client()).completed and sync(b.db, b.client()).completed
    bad_revenue = enterprise(a.station_id, hlc(0), revenue="abc")
    no_name = enterprise(a.station_id, hlc(0))
    del no_name["data"]["name"]
    good = enterprise(a.station_id, hlc(0), name="广州好数据有限公司", revenue="12.30")
    answer = a.client().push(str(uuid.uuid4()), [bad_revenue, no_name, good])
    rejected = {r["id"]: r for r in answer["rejected"]}
    assert set(rejected) == {bad_revenue["id"], no_name["id"]} and answer["accepted"] == 1
    assert {r["reason"] for r in rejected.values()} == {"invalid_row"}
    assert "营业收入（万元）（revenue）" in rejected[bad_revenue["id"]]["message"]
    assert "企业名称（name）" in rejected[no_name["id"]]["message"]
    assert stored_ids(hq_engine, [bad_revenue, no_name, good]) == {good["id"]}
    for _ in range(2):  # the other station keeps syncing, run after run
        result = sync(b.db, b.client())
        assert result.completed and result.rejected == 0, result
    assert_station_equals_hq(b.db, hq_engine, b.station_id)
    with b.db.sessions() as s:
        names = set(s.execute(text("SELECT name FROM enterprise")).scalars())
    assert "广州好数据有限公司" in names


def test_finding_2_a_100_mb_name_is_refused_and_never_copied(make_station, hq_engine) -> None:  # type: ignore[no-untyped-def]
    a, b = make_station("GZ-POI-C"), make_station("GZ-POI-D")
    assert sync(b.db, b.client()).completed
    huge = enterprise(a.station_id, hlc(0), name="x" * (100 * 1024 * 1024))
    good = enterprise(a.station_id, hlc(0), name="广州正常名称有限公司")
    try:
        answer = a.client().push(str(uuid.uuid4()), [huge, good])
    except SyncError as exc:  # a request cap (HTTP 413) refuses the whole request: nothing written
        assert "HTTP 413" in exc.message and "too_large" in str(exc), (exc.message, str(exc))
        assert stored_ids(hq_engine, [huge, good]) == set()
    else:
        assert [(r["id"], r["reason"]) for r in answer["rejected"]] == [(huge["id"], "invalid_row")]
        assert "最多200个" in answer["rejected"][0]["message"] and len(answer["rejected"][0]["message"]) < 300
        assert stored_ids(hq_engine, [huge, good]) == {good["id"]}
    del huge
    with hq_engine.connect() as conn:  # not even the rejected-writes log keeps the 100 MB
        biggest = conn.execute(text("SELECT coalesce(max(length(data::text)), 0) FROM rejected_write")).scalar_one()
        served = conn.execute(text("SELECT coalesce(max(length(data::text)), 0) FROM replica_row")).scalar_one()
    assert biggest < 70_000 and served < 70_000
    result = sync(b.db, b.client())
    assert result.completed and result.rejected == 0, result
