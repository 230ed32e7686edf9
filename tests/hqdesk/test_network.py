"""站点网络 rows, the district summary and a station's page, from real stations that synced
their profile, staff, reports and demands through the real push."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Engine, text

from app.domain.errors import ValidationError
from app.hq.push import apply_push
from app.hq.readmodel import network
from app.hq.readmodel.reports_due import obligations_of_year
from app.models import AnnualReport, Demand, Enterprise, InfoReport, ServiceRecord, StaffMember, Station
from app.models.types import uuid7
from app.sync.engine import sync
from tests.hq import factories as f
from tests.hqdesk.readmodel_helpers import caught_up
from tests.sync import conftest as sync_fixtures

hq_http, make_station = sync_fixtures.hq_http, sync_fixtures.make_station  # real stations syncing (hq_engine: conftest's)

TODAY = date(2026, 7, 20)
AT = datetime(2026, 7, 20, 4, tzinfo=UTC)


def _moment(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 2, tzinfo=UTC)


def _seed(db, sid, *, compliant: bool) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        station = s.get(Station, sid)
        assert station is not None
        station.host_organisation = "广州市某产业园运营有限公司"
        for manager in s.query(StaffMember).all():  # set up today: on staff since January for this test
            manager.start_date = date(2026, 1, 1)
        if compliant:
            station.signage_hung_on, station.work_rules_filed_on = date(2026, 3, 1), date(2026, 3, 2)
            s.add(StaffMember(name="专职二", full_time=True, station_id=sid, start_date=date(2026, 1, 1)))
        s.add(StaffMember(name="已离岗", full_time=True, station_id=sid, end_date=date(2026, 6, 30)))
        s.add(StaffMember(name="兼职", full_time=False, station_id=sid))
        s.add(StaffMember(name="未到岗", full_time=True, station_id=sid, start_date=date(2026, 8, 1)))
        e = Enterprise(name="广州网络测试有限公司", station_id=sid)
        s.add(e)
        s.flush()
        s.add(ServiceRecord(enterprise_id=e.id, service_date=date(2026, 5, 6), category="policy", satisfaction=5, station_id=sid))
        s.add(Demand(enterprise_id=e.id, title="超期", category="finance", received_on=date(2026, 3, 1), status="handling",
                     due_on=date(2026, 4, 10), station_id=sid))
        s.add(Demand(enterprise_id=e.id, title="未超期", category="finance", received_on=date(2026, 7, 1), status="accepted",
                     due_on=date(2026, 8, 10), station_id=sid))
        s.add(AnnualReport(year=2025, kind="summary", status="submitted", submitted_at=_moment(date(2026, 1, 20)), station_id=sid))
        s.add(AnnualReport(year=2026, kind="plan", status="submitted", submitted_at=_moment(date(2026, 1, 31)), station_id=sid))
        s.add(InfoReport(period="2026-Q1", status="submitted", submitted_at=_moment(date(2026, 4, 15)), station_id=sid))
        s.add(InfoReport(period="2026-Q2", status="draft", station_id=sid))


@pytest.fixture
def two_stations(make_station, hq_engine: Engine):  # type: ignore[no-untyped-def]
    suffix = uuid7().hex[-6:]  # the database is the module's: each test its own stations
    a, b = make_station(f"GZ-NET-A{suffix}"), make_station(f"GZ-NET-B{suffix}")
    _seed(a.db, a.station_id, compliant=True)
    _seed(b.db, b.station_id, compliant=False)
    for st in (a, b):
        result = sync(st.db, st.client())
        assert result.completed and result.rejected == 0, result.message
    with hq_engine.begin() as conn:
        conn.execute(text("UPDATE station_account SET district = '海珠区' WHERE code = :c"), {"c": b.code})
    return a, b


def test_network_rows_judge_staff_sign_rules_reports_and_demands(two_stations, hq_engine: Engine) -> None:  # type: ignore[no-untyped-def]
    a, b = two_stations
    with caught_up(hq_engine) as conn:
        rows = {r.code: r for r in network.network_rows(conn, year=2026, today=TODAY, at=AT)}
    ra, rb = rows[a.code], rows[b.code]
    assert (ra.district, rb.district, ra.host_organisation) == ("天河区", "海珠区", "广州市某产业园运营有限公司")
    assert (ra.status, ra.status_label, ra.enrolled) == ("approved", "已授牌", True)
    assert ra.last_sync is not None  # the sync just made is "最近同步"
    assert (ra.full_time_staff, ra.staff_rule_met) == (2, True)  # manager + 专职二; not the leaver or the newcomer
    assert (rb.full_time_staff, rb.staff_rule_met) == (1, False)
    assert (ra.signage_hung_on, ra.work_rules_filed_on) == (date(2026, 3, 1), date(2026, 3, 2))
    assert (rb.signage_hung_on, rb.work_rules_filed_on) == (None, None)
    # due by 20 July: Q4 2025, summary 2025, plan 2026, Q1, Q2; Q1 sent late, Q4 and Q2 never
    assert (ra.reports.due, ra.reports.submitted, ra.reports.late, ra.reports.outstanding) == (5, 3, 3, 2)
    assert (ra.demands_open, ra.demands_overdue) == (2, 1)
    assert (ra.figures.service_records, ra.figures.enterprises_served, ra.figures.satisfied_share) == (1, 1, 1.0)
    assert ra.figures.demands_received == 2


def test_filters_summary_and_their_checks(two_stations, hq_engine: Engine) -> None:  # type: ignore[no-untyped-def]
    a, b = two_stations
    with caught_up(hq_engine) as conn:
        haizhu = network.network_rows(conn, year=2026, district="海珠区", today=TODAY, at=AT)
        assert b.code in [r.code for r in haizhu] and a.code not in [r.code for r in haizhu]
        assert {r.district for r in haizhu} == {"海珠区"}
        assert network.network_rows(conn, year=2026, status="revoked", today=TODAY) == []
        with pytest.raises(ValidationError, match="状态") as bad_status:
            network.network_rows(conn, year=2026, status="closed")
        assert bad_status.value.field == "status"
        with pytest.raises(ValidationError, match="所在区"):
            network.network_rows(conn, year=2026, district="区" * 21)
        with pytest.raises(ValidationError, match="年度"):
            network.network_rows(conn, year=1800)
        rows = [r for r in network.network_rows(conn, year=2026, today=TODAY, at=AT) if r.code in (a.code, b.code)]
    summary = {d.district: d for d in network.district_summary(rows)}
    assert list(summary) == sorted(["天河区", "海珠区"]) + ["全市"]
    city = summary["全市"]
    assert (city.stations, city.staff_rule_met, city.signage_hung, city.reports_due) == (2, 1, 1, 10)
    assert (summary["海珠区"].stations, summary["海珠区"].staff_rule_met) == (1, 0)
    assert city.demands_overdue == sum(r.demands_overdue for r in rows)


def test_station_page_shows_profile_staff_months_events_reports_and_rejections(two_stations, hq_engine: Engine) -> None:  # type: ignore[no-untyped-def]
    a, _ = two_stations
    foreign = f.service_record(uuid7(), uuid7(), service_date="2026-05-06")
    with hq_engine.begin() as conn:  # a row naming another station: refused and logged
        apply_push(conn, a.station_id, uuid7(), [foreign])
    with caught_up(hq_engine) as conn:
        page = network.station_detail(conn, a.code, 2026, today=TODAY, at=AT)
        with pytest.raises(network.StationNotFound, match="没有编号"):
            network.station_detail(conn, "NOPE", 2026)
    assert page.row.code == a.code
    assert sorted(s.name for s in page.staff if s.on_staff and s.full_time) == sorted(["专职二", "陈晓明"])
    assert dict(page.months)[5].service_records == 1 and len(page.months) == 12
    assert [(o.kind, o.period) for o in page.obligations] == [(k, p) for k, p, _ in obligations_of_year(2026)]
    assert {(r.kind, r.period, r.status) for r in page.reports} >= {("info", "2026-Q2", "draft"), ("summary", "2025", "submitted")}
    assert [w.reason for w in page.rejected] == ["wrong_station"]
