"""A station enrolled, syncing with the real HQ service on the real PostgreSQL."""

from __future__ import annotations

from sqlalchemy import Engine, select, text

from app.models import Enterprise, ServiceRecord
from app.services.station import identity as station_service
from app.sync.engine import sync

from .helpers import add_work, assert_station_equals_hq, hq_count, local_rows


def test_enrolled_station_syncs_its_work_to_hq(make_station, hq_engine: Engine) -> None:  # type: ignore[no-untyped-def]
    a = make_station("GZ-E2E-A")
    with a.db.begin() as s:  # the profile adopted HQ's station id at enrolment
        assert station_service.current_station(s).id == a.station_id
    add_work(a.db, a.station_id, 30)
    result = sync(a.db, a.client())
    assert result.completed, result.message
    assert result.rejected == 0 and result.pushed > 0
    assert hq_count(hq_engine, "tbl = 'enterprise' AND station_id = :s", s=a.station_id) == 30
    assert hq_count(hq_engine, "tbl = 'service_record' AND station_id = :s", s=a.station_id) == 30
    assert hq_count(hq_engine, "tbl = 'staff_member' AND station_id = :s", s=a.station_id) == 2  # setup's manager too
    assert_station_equals_hq(a.db, hq_engine, a.station_id)
    again = sync(a.db, a.client())
    assert again.completed and again.pushed == 0 and again.pulled == 0
    assert again.round_trips <= 2, again.round_trips


def test_stations_share_enterprises_but_not_service_records(make_station, hq_engine: Engine) -> None:  # type: ignore[no-untyped-def]
    a, b = make_station("GZ-SHARE-A"), make_station("GZ-SHARE-B")
    add_work(a.db, a.station_id, 10, seed=1)
    add_work(b.db, b.station_id, 7, seed=2)
    for _ in range(2):
        for st in (a, b):
            assert sync(st.db, st.client()).completed
    for st, other in ((a, b), (b, a)):
        with st.db.begin() as s:
            stations = set(s.scalars(select(Enterprise.station_id)))
            assert other.station_id in stations and st.station_id in stations
            record_stations = set(s.scalars(select(ServiceRecord.station_id)))
            assert record_stations == {st.station_id}
        assert_station_equals_hq(st.db, hq_engine, st.station_id)
    with hq_engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM rejected_write")).scalar_one() == 0
    assert len(local_rows(a.db, ("enterprise",))) == hq_count(hq_engine, "tbl = 'enterprise'") >= 17


def test_rejected_writes_are_kept_shown_and_never_block_the_queue(make_station, hq_engine: Engine) -> None:  # type: ignore[no-untyped-def]
    from app.models import Policy, Station
    from app.sync.status import sync_status

    a = make_station("GZ-REJECT")
    assert sync(a.db, a.client()).completed
    with a.db.begin() as s:  # HQ reference data written at the station, and ordinary work beside it
        s.add(Policy(title="本站自己加的政策", category="finance", station_id=a.station_id))
        # HQ's column of the station's own row: silently kept HQ's (docs/sync-protocol.md)
        s.get(Station, a.station_id).name = "本站自己改的名称"
        s.add(Enterprise(name="被拒绝之后照样上传的企业", station_id=a.station_id))
    result = sync(a.db, a.client(), verify=True)
    assert result.completed and result.rejected == 1, result
    status = sync_status(a.db)
    assert status.enrolled and status.pending == 0 and status.last is not None and status.last.rejected == 1
    assert status.rejections[0].tbl == "policy" and "服务总站" in status.rejections[0].reason
    assert hq_count(hq_engine, "tbl = 'enterprise' AND data->>'name' = '被拒绝之后照样上传的企业'") == 1
    assert hq_count(hq_engine, "tbl = 'policy'") == 0
    with a.db.begin() as s:  # the pull brought HQ's name back; the check removed the refused policy
        assert s.get(Station, a.station_id).name == "GZ-REJECT 服务站"
        assert s.scalars(select(Policy).where(Policy.deleted.is_(False))).all() == []
    assert "policy" in result.repaired
    assert_station_equals_hq(a.db, hq_engine, a.station_id)
