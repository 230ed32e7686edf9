"""A station does not download its own just-pushed rows again, unless HQ changed them (issue 14):
HQ marks a row it stored exactly as the station sent it (replica_row.echo_to/echo_version,
migration 0007) and that station's incremental pull skips it.  A bootstrap and a table repair
still send it; any later change (HQ's review, another station's edit, a merge) moves the version
and the row comes back."""

from __future__ import annotations

import uuid
from typing import Any

from app.hq import pull
from app.hq import push as hq_push
from app.hq.hq_edits import hq_edit
from tests.hq.factories import T0, edit, enterprise, hlc, report, service_record


def push(engine: Any, station: uuid.UUID, rows: list[dict[str, Any]], at: int = 0) -> hq_push.PushResult:
    with engine.begin() as conn:
        return hq_push.apply_push(conn, station, uuid.uuid4(), rows, at_ms=T0 + at)


def cursor_now(engine: Any, station: uuid.UUID) -> Any:
    cursor = None
    with engine.begin() as conn:
        while True:
            page = pull.pull(conn, station, cursor, 5000)
            cursor = page.cursor
            if page.done:
                return cursor


def pulled_ids(engine: Any, station: uuid.UUID, cursor: Any, table: str | None = None) -> set[str]:
    with engine.begin() as conn:
        page = pull.pull(conn, station, cursor, 5000, table)
    return {str(r["id"]) for r in page.rows}


def test_own_rows_stored_as_sent_are_not_pulled_back_but_others_are(hq_engine, enrol) -> None:
    a, b = enrol("EC-A"), enrol("EC-B")
    ca, cb = cursor_now(hq_engine, a.station_id), cursor_now(hq_engine, b.station_id)
    firm = enterprise(a.station_id, hlc(0))
    record = service_record(a.station_id, firm["id"])
    push(hq_engine, a.station_id, [firm, record])
    assert pulled_ids(hq_engine, a.station_id, ca) == set()  # nothing new for the station that pushed
    assert firm["id"] in pulled_ids(hq_engine, b.station_id, cb)  # the shared enterprise reaches the other
    assert {firm["id"], record["id"]} <= pulled_ids(hq_engine, a.station_id, None)  # a bootstrap sends all
    assert pulled_ids(hq_engine, a.station_id, ca, "service_record") == {record["id"]}  # so does a repair


def test_a_row_hq_changes_comes_back(hq_engine, enrol) -> None:
    a, b = enrol("EC-C"), enrol("EC-D")
    summary = report(a.station_id, "draft")
    firm = enterprise(a.station_id, hlc(0))
    push(hq_engine, a.station_id, [summary, firm])
    ca = cursor_now(hq_engine, a.station_id)
    push(hq_engine, a.station_id, [dict(summary, data={**summary["data"], "status": "submitted"})], at=10)
    assert pulled_ids(hq_engine, a.station_id, ca) == set()
    with hq_engine.begin() as conn:  # HQ returns it with a comment: the station must see that
        hq_edit(conn, "annual_report", uuid.UUID(summary["id"]), {"status": "returned", "review_comment": "补充亮点"})
    assert pulled_ids(hq_engine, a.station_id, ca) == {summary["id"]}
    ca = cursor_now(hq_engine, a.station_id)
    push(hq_engine, b.station_id, [edit(firm, hlc(50), name="另一站改的名字")], at=60)  # another station edits it
    assert pulled_ids(hq_engine, a.station_id, ca) == {firm["id"]}


def test_a_row_hq_stored_differently_comes_back(hq_engine, enrol) -> None:
    """A stamp hours ahead is clamped: HQ's row differs from the station's, so it is sent back."""
    a = enrol("EC-E")
    ca = cursor_now(hq_engine, a.station_id)
    future = enterprise(a.station_id, hlc(6 * 3600 * 1000))
    push(hq_engine, a.station_id, [future])
    assert pulled_ids(hq_engine, a.station_id, ca) == {future["id"]}
