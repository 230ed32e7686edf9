"""HQ's read models equal the station's own figures: a real station profile syncs through the
real push to the real PostgreSQL, then every figure of each month, quarter and the year is
compared with what app.services.reporting.figures computes on the station's SQLite, including
deleted rows, rows edited across a month edge, and events and closings at China-time month
edges (2026-03-31 23:30 +08:00 = 15:30 UTC is March; 00:30 on 1 April is April)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Engine, select, text

from app.domain.periods import Period, month_period, quarter_period, year_period
from app.hq.readmodel.query import monthly_figures, station_figures
from app.models import Demand, Enterprise, Event, EventAttendance, ServiceRecord
from app.sync.engine import sync
from tests.hqdesk.readmodel_helpers import caught_up, station_side
from tests.sync import conftest as sync_fixtures

hq_http, make_station = sync_fixtures.hq_http, sync_fixtures.make_station  # real stations syncing (hq_engine: conftest's)

CUTOFF = datetime(2026, 4, 20, 4, 0, tzinfo=UTC)  # the data are read on 20 April 2026, noon in Guangzhou
MARCH_LAST_2330 = datetime(2026, 3, 31, 15, 30, tzinfo=UTC)  # 23:30 on 31 March in Guangzhou: March
APRIL_FIRST_0030 = datetime(2026, 3, 31, 16, 30, tzinfo=UTC)  # 00:30 on 1 April in Guangzhou: April
PERIODS = [*(month_period(2026, m) for m in range(1, 6)), quarter_period(2026, 1), quarter_period(2026, 2), year_period(2026)]


def _seed(db, station_id):  # type: ignore[no-untyped-def]
    with db.begin() as s:
        a, b, c, d = (Enterprise(name=f"广州测试{n}有限公司", station_id=station_id) for n in "甲乙丙丁")
        s.add_all([a, b, c, d])
        s.flush()
        records = [
            ServiceRecord(enterprise_id=a.id, service_date=date(2026, 3, 31), category="policy", satisfaction=5, station_id=station_id),
            ServiceRecord(enterprise_id=b.id, service_date=date(2026, 3, 31), category="policy", satisfaction=3, station_id=station_id),
            ServiceRecord(enterprise_id=a.id, service_date=date(2026, 4, 1), category="finance", satisfaction=4, station_id=station_id),
            ServiceRecord(enterprise_id=a.id, service_date=date(2026, 4, 2), category="finance", station_id=station_id),
            ServiceRecord(enterprise_id=b.id, service_date=date(2026, 1, 10), category="legal", satisfaction=1, station_id=station_id),
            ServiceRecord(enterprise_id=c.id, service_date=date(2026, 2, 28), category="legal", satisfaction=4, station_id=station_id),
            ServiceRecord(enterprise_id=d.id, service_date=date(2026, 5, 1), category="legal", satisfaction=2, station_id=station_id),
        ]
        s.add_all(records)
        edge = Event(title="月末沙龙", event_type="salon", starts_at=MARCH_LAST_2330, ends_at=APRIL_FIRST_0030,
                     walk_in_count=4, station_id=station_id)
        april = Event(title="四月讲座", event_type="lecture", starts_at=APRIL_FIRST_0030,
                      ends_at=datetime(2026, 4, 1, 2, tzinfo=UTC), walk_in_count=0, station_id=station_id)
        planned = Event(title="未来培训", event_type="training", starts_at=datetime(2026, 4, 25, 2, tzinfo=UTC),
                        ends_at=datetime(2026, 4, 25, 4, tzinfo=UTC), walk_in_count=2, station_id=station_id)
        gone = Event(title="已取消", event_type="salon", starts_at=datetime(2026, 3, 5, 2, tzinfo=UTC),
                     ends_at=datetime(2026, 3, 5, 4, tzinfo=UTC), walk_in_count=9, station_id=station_id)
        s.add_all([edge, april, planned, gone])
        s.flush()
        came = MARCH_LAST_2330
        s.add_all([
            EventAttendance(event_id=edge.id, enterprise_id=a.id, attendee_name="张一", checked_in_at=came, station_id=station_id),
            EventAttendance(event_id=edge.id, enterprise_id=a.id, attendee_name="张二", checked_in_at=came, station_id=station_id),
            EventAttendance(event_id=edge.id, enterprise_id=b.id, attendee_name="李一", checked_in_at=came, station_id=station_id),
            EventAttendance(event_id=edge.id, enterprise_id=c.id, attendee_name="王一", station_id=station_id),  # registered, not checked in
            EventAttendance(event_id=april.id, enterprise_id=c.id, attendee_name="王二", checked_in_at=APRIL_FIRST_0030, station_id=station_id),
            EventAttendance(event_id=planned.id, enterprise_id=d.id, attendee_name="赵一", station_id=station_id),
            EventAttendance(event_id=gone.id, enterprise_id=d.id, attendee_name="赵二", checked_in_at=came, station_id=station_id),
        ])
        s.add_all([
            Demand(enterprise_id=a.id, title="融资", category="finance", received_on=date(2026, 3, 31), status="closed",
                   closed_at=APRIL_FIRST_0030, station_id=station_id),
            Demand(enterprise_id=b.id, title="用工", category="hr", received_on=date(2026, 3, 1), status="followed_up",
                   closed_at=MARCH_LAST_2330, station_id=station_id),
            Demand(enterprise_id=c.id, title="场地", category="other", received_on=date(2026, 4, 1), status="handling",
                   due_on=date(2026, 4, 10), station_id=station_id),
            Demand(enterprise_id=d.id, title="政策", category="policy", received_on=date(2026, 2, 1), status="accepted",
                   station_id=station_id),
        ])
        return [r.id for r in records], gone.id


def _compare(db, hq_engine, station_id) -> None:  # type: ignore[no-untyped-def]
    with caught_up(hq_engine) as conn, db.begin() as session:
        for period in PERIODS:
            hq = station_figures(conn, period, [station_id], at=CUTOFF)[station_id]
            assert hq == station_side(session, station_id, period, CUTOFF), period.key
        months = dict(monthly_figures(conn, station_id, 2026, at=CUTOFF))
        for month in range(1, 13):
            assert months[month] == station_side(session, station_id, month_period(2026, month), CUTOFF), month


def test_read_model_equals_the_stations_figures_after_sync_and_after_edits(make_station, hq_engine: Engine) -> None:  # type: ignore[no-untyped-def]
    st = make_station("GZ-RM-A")
    records, gone_event = _seed(st.db, st.station_id)
    result = sync(st.db, st.client())
    assert result.completed and result.rejected == 0, result.message
    _compare(st.db, hq_engine, st.station_id)
    with caught_up(hq_engine) as conn:  # the edges, as numbers, so a shared mistake cannot hide
        march = station_figures(conn, month_period(2026, 3), [st.station_id], at=CUTOFF)[st.station_id]
        april = station_figures(conn, month_period(2026, 4), [st.station_id], at=CUTOFF)[st.station_id]
    assert (march.events_held, march.attendees_people, march.attendee_enterprises) == (2, 3 + 4 + 1 + 9, 2 + 1)
    assert (april.events_held, april.attendees_people, april.demands_closed) == (1, 1, 1)  # the planned one not held
    assert (march.service_records, march.enterprises_served, march.rated, march.satisfied) == (2, 2, 2, 1)

    # deletions, an edit across the month edge, a deleted event and attendance, a reopened demand
    with st.db.begin() as s:
        first, second, third = (s.get(ServiceRecord, r) for r in records[:3])
        assert first and second and third
        first.deleted = True  # a: March 31 gone; a still served in March? no: only via this record
        second.service_date = date(2026, 4, 30)  # b moves from March to April
        third.satisfaction = 1
        event = s.get(Event, gone_event)
        assert event is not None
        event.deleted = True
        for attendance in s.scalars(select(EventAttendance).where(EventAttendance.attendee_name == "张二")):
            attendance.deleted = True
        for demand in s.scalars(select(Demand).where(Demand.title == "融资")):
            demand.status, demand.closed_at = "handling", None
    assert sync(st.db, st.client()).completed
    _compare(st.db, hq_engine, st.station_id)
    with caught_up(hq_engine) as conn:
        march = station_figures(conn, month_period(2026, 3), [st.station_id], at=CUTOFF)[st.station_id]
        q1 = station_figures(conn, quarter_period(2026, 1), [st.station_id], at=CUTOFF)[st.station_id]
        year = station_figures(conn, year_period(2026), [st.station_id], at=CUTOFF)[st.station_id]
    assert (march.service_records, march.enterprises_served, march.attendee_enterprises) == (0, 0, 2)
    assert q1.enterprises_served == 2  # b (January) and c (February): distinct, not a sum of months
    assert year.enterprises_served == 4


def test_read_models_hold_no_deleted_rows_and_match_plain_sql(make_station, hq_engine: Engine) -> None:  # type: ignore[no-untyped-def]
    """The tables themselves, recounted with independent SQL over replica_row."""
    st = make_station("GZ-RM-B")
    _seed(st.db, st.station_id)
    with st.db.begin() as s:
        for record in s.scalars(select(ServiceRecord).where(ServiceRecord.satisfaction == 4)):
            record.deleted = True
    assert sync(st.db, st.client()).completed
    with caught_up(hq_engine) as conn:
        expected = conn.execute(text(
            "SELECT left(data->>'service_date', 7), count(*), count(DISTINCT data->>'enterprise_id') FROM replica_row "
            "WHERE tbl = 'service_record' AND station_id = :s AND NOT deleted GROUP BY 1 ORDER BY 1"), {"s": st.station_id}).all()
        got = conn.execute(text(
            "SELECT to_char(m.month, 'YYYY-MM'), m.records, p.served FROM rm_month m JOIN rm_served_period p "
            "ON p.station_id = m.station_id AND p.period = to_char(m.month, 'YYYY-MM') "
            "WHERE m.station_id = :s AND m.records > 0 ORDER BY 1"), {"s": st.station_id}).all()
        assert [tuple(r) for r in got] == [tuple(r) for r in expected]
        live_events = conn.execute(text(
            "SELECT count(*) FROM replica_row WHERE tbl = 'event' AND station_id = :s AND NOT deleted"), {"s": st.station_id}).scalar()
        assert conn.execute(text("SELECT count(*) FROM rm_event WHERE station_id = :s"), {"s": st.station_id}).scalar() == live_events
        assert conn.execute(text("SELECT count(*) FROM rm_served WHERE records <= 0")).scalar() == 0


def test_a_period_not_on_month_edges_is_refused_before_any_read() -> None:
    """rm_month holds whole months: a week would silently count its whole month(s)."""
    week = Period("2026-03-02..09", date(2026, 3, 2), date(2026, 3, 9), "一周")
    with pytest.raises(ValueError, match="1st"):
        station_figures(None, week)  # type: ignore[arg-type]  # refused before the connection is used
