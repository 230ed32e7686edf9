"""Conflict details in the push answer reach the station's 同步 page; a returned annual
report re-opened and re-submitted offline syncs (real syncs, real HQ)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine, text

from app.hq.hq_edits import hq_edit
from app.models import AnnualReport, Enterprise
from app.sync.engine import sync
from app.sync.status import sync_status

from .helpers import advance_clock, assert_station_equals_hq


def test_a_losing_edit_is_listed_with_the_value_that_won(make_station, hq_engine: Engine) -> None:  # type: ignore[no-untyped-def]
    a, b = make_station("GZ-CONF-A"), make_station("GZ-CONF-B")
    with a.db.begin() as s:
        e = Enterprise(name="广州冲突示例科技有限公司", contact_phone="020-11111111", station_id=a.station_id)
        s.add(e)
        s.flush()
        eid = e.id
    assert sync(a.db, a.client()).completed and sync(b.db, b.client()).completed
    with a.db.begin() as s:  # A edits first, offline ...
        s.get(Enterprise, eid).contact_phone = "020-22222222"
    # Each station's clock offset to HQ is measured separately (a few ms apart on loopback),
    # so "later" must be clearly later for the outcome to be decided by the test, not by jitter:
    # B's hybrid logical clock is moved a second ahead instead of sleeping.
    advance_clock(b.db, ms=1000)
    with b.db.begin() as s:  # ... B edits later and syncs first: the later stamp wins
        s.get(Enterprise, eid).contact_phone = "020-33333333"
        s.get(Enterprise, eid).address = "B 补充的地址"
    assert sync(b.db, b.client()).completed
    result = sync(a.db, a.client())
    assert result.completed and result.conflicts == 1, result
    status = sync_status(a.db)
    assert [c.conflicts for c in status.conflicted] == [1]
    [conflict] = status.conflicts
    assert conflict.enterprise == "广州冲突示例科技有限公司" and conflict.field == "contact_phone"
    assert conflict.field_label == "联系电话" and conflict.tbl == "enterprise" and conflict.row_id == str(eid)
    assert (conflict.station_value, conflict.effective_value) == ("020-22222222", "020-33333333")
    assert (conflict.winner, conflict.loser) == ("GZ-CONF-B", "station")
    assert conflict.at is not None and abs((datetime.now(UTC) - conflict.at).total_seconds()) < 3600
    with a.db.sessions() as s:  # the pull of the same sync brought the winning value
        assert s.get(Enterprise, eid).contact_phone == "020-33333333"
    # the sync_conflict table is local only: nothing about it reaches HQ, and B hears nothing
    assert sync_status(b.db).conflicts == []
    with hq_engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM replica_row WHERE tbl = 'sync_conflict'")).scalar_one() == 0
    assert_station_equals_hq(a.db, hq_engine, a.station_id)


def test_a_returned_report_reopened_and_resubmitted_offline_syncs(make_station, hq_engine: Engine) -> None:  # type: ignore[no-untyped-def]
    a = make_station("GZ-REPORT-A")
    with a.db.begin() as s:
        report = AnnualReport(year=2026, kind="summary", status="submitted", narrative={"总结": "初稿"}, station_id=a.station_id)
        s.add(report)
        s.flush()
        rid = report.id
    assert sync(a.db, a.client()).completed
    with hq_engine.begin() as conn:
        hq_edit(conn, "annual_report", rid, {"status": "returned", "review_comment": "请补充服务数据"})
    assert sync(a.db, a.client()).completed
    with a.db.begin() as s:
        assert s.get(AnnualReport, rid).status == "returned"
        s.get(AnnualReport, rid).status = "draft"  # re-opened ...
    with a.db.begin() as s:
        row = s.get(AnnualReport, rid)
        row.narrative = {"总结": "补充了服务数据"}
        row.status = "submitted"  # ... and submitted again before any sync
    result = sync(a.db, a.client(), verify=True)
    assert result.completed and result.rejected == 0, result
    with hq_engine.connect() as conn:
        data = conn.execute(text("SELECT data FROM replica_row WHERE id = :i"), {"i": rid}).scalar_one()
    assert data["status"] == "submitted" and data["narrative"] == {"总结": "补充了服务数据"}
    assert data["review_comment"] == "请补充服务数据"
    assert_station_equals_hq(a.db, hq_engine, a.station_id)
