"""Home dashboard figures: equal to plain-SQL counts over demo data and hand-made edge cases
(tombstones, month and year boundaries in China time, unrated records), read from the
covering indexes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select, text

from app.demo import data as demo_data
from app.domain.periods import china_today, month_of, year_of
from app.models import Demand, Enterprise, Event, EventAttendance, ServiceRecord
from app.models.database import Database
from app.services.dashboard.figures import Dashboard, PeriodFigures, home_dashboard
from app.services.reporting.figures import records_statement as scan_statement
from app.services.reporting.figures import served_statement

from . import make_world

TODAY = date(2026, 11, 5)


def sql(db: Database, statement: str, **params: object) -> list[tuple[object, ...]]:
    with db.begin() as session:
        return [tuple(row) for row in session.execute(text(statement), params)]


def one(db: Database, statement: str, **params: object) -> object:
    return sql(db, statement, **params)[0][0]


def utc_text(day: date) -> str:
    """China-time midnight of `day` as SQLite stores UTCDateTime (naive UTC text)."""
    return (datetime(day.year, day.month, day.day) - timedelta(hours=8)).strftime("%Y-%m-%d %H:%M:%S")


def expected(db: Database, start: date, end: date) -> dict[str, object]:
    """The period's figures straight from SQL, written without the service's tricks."""
    live = "FROM service_record WHERE deleted = 0 AND service_date >= :s AND service_date < :e"
    p = {"s": start.isoformat(), "e": end.isoformat()}
    rated = one(db, f"SELECT count(*) {live} AND satisfaction IS NOT NULL", **p)
    ev = "FROM event WHERE deleted = 0 AND starts_at >= :a AND starts_at < :b"
    t = {"a": utc_text(start), "b": utc_text(end)}
    return {
        "served": one(db, f"SELECT count(DISTINCT enterprise_id) {live}", **p),
        "records": one(db, f"SELECT count(*) {live}", **p),
        "by_category": dict(sql(db, f"SELECT category, count(*) {live} GROUP BY category", **p)),
        "rated": rated,
        "satisfied": one(db, f"SELECT count(*) {live} AND satisfaction >= 4", **p),
        "average": one(db, f"SELECT avg(satisfaction) {live}", **p),
        "events": one(db, f"SELECT count(*) {ev}", **t),
        "attendees": one(db, f"SELECT coalesce(sum(walk_in_count), 0) {ev}", **t)
        + one(
            db,
            "SELECT count(*) FROM event_attendance a JOIN event e ON e.id = a.event_id WHERE a.deleted = 0 "
            "AND a.checked_in_at IS NOT NULL AND e.deleted = 0 AND e.starts_at >= :a AND e.starts_at < :b",
            **t,
        ),
        "closed": one(
            db,
            "SELECT count(*) FROM demand WHERE deleted = 0 AND status IN ('closed', 'followed_up') "
            "AND closed_at >= :a AND closed_at < :b",
            **t,
        ),
    }


def actual(f: PeriodFigures) -> dict[str, object]:
    return {
        "served": f.enterprises_served,
        "records": f.service_records,
        "by_category": {c.code: c.count for c in f.by_category if c.count},
        "rated": f.rated,
        "satisfied": f.satisfied,
        "average": f.average_satisfaction,
        "events": f.events,
        "attendees": f.attendees,
        "closed": f.demands_closed,
    }


def check_against_sql(db: Database, today: date, dashboard: Dashboard) -> None:
    for figures, period in ((dashboard.month, month_of(today)), (dashboard.year, year_of(today))):
        want, got = expected(db, period.start, period.end), actual(figures)
        assert got.pop("average") == pytest.approx(want.pop("average"))
        assert got == want
    months = dict(sql(db, "SELECT CAST(substr(service_date, 6, 2) AS INTEGER), count(*) FROM service_record "
                          "WHERE deleted = 0 AND service_date LIKE :y GROUP BY 1", y=f"{today.year}-%"))
    assert dashboard.monthly_records == tuple(months.get(m, 0) for m in range(1, 13))
    open_sql = "FROM demand WHERE deleted = 0 AND status IN ('accepted', 'dispatched', 'handling', 'replied')"
    assert dashboard.open_demands == one(db, f"SELECT count(*) {open_sql}")
    assert dashboard.overdue_demands == one(db, f"SELECT count(*) {open_sql} AND due_on < :t", t=today.isoformat())
    assert dashboard.enterprises == one(db, "SELECT count(*) FROM enterprise WHERE deleted = 0")


def both_ways(db: Database, today: date) -> Dashboard:
    """The one-session and the two-session (threaded scan) computations agree."""
    with db.begin() as session:
        single = home_dashboard(session, today)
    with db.begin() as session, db.begin() as scan:
        split = home_dashboard(session, today, scan_session=scan)
    assert single == split
    return single


def test_demo_data_figures_equal_plain_sql(db) -> None:  # type: ignore[no-untyped-def]
    demo_data.generate(db, enterprises=300, records=4000, seed=7)
    with db.begin() as session:  # some tombstones, so the subtraction is exercised on real data
        ids = session.scalars(select(ServiceRecord.id).order_by(ServiceRecord.id).limit(400)).all()
        for record_id in ids[::3]:
            session.get(ServiceRecord, record_id).deleted = True  # type: ignore[union-attr]
    today = china_today()  # the generator dates everything back from today
    dashboard = both_ways(db, today)
    assert dashboard.year.service_records > 0 and dashboard.year.events > 0 and dashboard.year.rated > 0
    check_against_sql(db, today, dashboard)


def china(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC) - timedelta(hours=8)


def add_edges(db: Database) -> None:
    world = make_world(db)
    with db.begin() as s:
        only_deleted = Enterprise(station_id=world.station_id, name="只有已删记录的企业")
        boundary = Enterprise(station_id=world.station_id, name="跨年企业")
        s.add_all([only_deleted, boundary])
        s.flush()
        rows = [  # (enterprise, day, category, satisfaction, deleted)
            (world.enterprise_id, date(2026, 11, 1), "policy", 5, False),  # first day of the month
            (world.enterprise_id, date(2026, 11, 30), "policy", None, False),  # last day, unrated
            (world.enterprise_id, date(2026, 10, 31), "ip", 3, False),  # the day before: year only
            (world.other_enterprise_id, date(2026, 11, 3), "legal", 4, True),  # tombstone…
            (world.other_enterprise_id, date(2026, 10, 2), "legal", 2, False),  # …live earlier in the year
            (only_deleted.id, date(2026, 11, 4), "finance_tax", 5, True),  # served by nothing live
            (boundary.id, date(2025, 12, 31), "policy", 1, False),  # last year
            (boundary.id, date(2026, 1, 1), "startup", 4, False),  # first day of the year
            (boundary.id, date(2027, 1, 1), "startup", 5, False),  # next year
            (boundary.id, date(2026, 12, 31), "custom_code", None, False),  # a code not in the pick-list
        ]
        for enterprise, day, category, score, deleted in rows:
            s.add(ServiceRecord(enterprise_id=enterprise, service_date=day, category=category,
                                satisfaction=score, deleted=deleted))
        # Events: 2026-11-01 00:00 China time is 2026-10-31 16:00 UTC.
        in_month = Event(title="月初沙龙", event_type="salon", starts_at=china(date(2026, 11, 1), 0),
                         ends_at=china(date(2026, 11, 1), 2), walk_in_count=3)
        october = Event(title="十月最后一晚", event_type="salon", starts_at=china(date(2026, 10, 31), 23, 59),
                        ends_at=china(date(2026, 11, 1), 1), walk_in_count=2)
        gone = Event(title="已删除活动", event_type="lecture", starts_at=china(date(2026, 11, 2), 9),
                     ends_at=china(date(2026, 11, 2), 10), walk_in_count=50, deleted=True)
        s.add_all([in_month, october, gone])
        s.flush()
        for event, checked, deleted in [(in_month, True, False), (in_month, False, False), (in_month, True, True),
                                        (october, True, False), (gone, True, False)]:
            s.add(EventAttendance(event_id=event.id, attendee_name="张三",
                                  checked_in_at=event.starts_at if checked else None, deleted=deleted))
        demand = dict(enterprise_id=world.enterprise_id, title="需求", category="policy", received_on=date(2026, 10, 1))
        s.add_all([
            Demand(**demand, status="accepted", due_on=date(2026, 11, 4)),  # overdue
            Demand(**demand, status="handling", due_on=TODAY),  # due today: not overdue
            Demand(**demand, status="replied", due_on=None),
            Demand(**demand, status="accepted", due_on=date(2026, 1, 1), deleted=True),
            Demand(**demand, status="closed", closed_at=china(date(2026, 11, 1), 0)),  # this month
            Demand(**demand, status="followed_up", closed_at=china(date(2026, 10, 31), 23, 59)),  # October
            Demand(**demand, status="closed", closed_at=china(date(2026, 1, 1), 0, 1), deleted=True),
        ])


def test_edges_deleted_boundaries_and_unrated(db) -> None:  # type: ignore[no-untyped-def]
    add_edges(db)
    dashboard = both_ways(db, TODAY)
    check_against_sql(db, TODAY, dashboard)
    month, year = dashboard.month, dashboard.year
    assert (month.enterprises_served, month.service_records) == (1, 2)
    assert (year.enterprises_served, year.service_records) == (3, 6)  # only_deleted served nothing
    assert (month.rated, month.satisfied, month.average_satisfaction, month.satisfied_share) == (1, 1, 5.0, 1.0)
    assert (year.rated, year.satisfied, year.score_total) == (4, 2, 14)
    assert (month.events, month.attendees, year.events, year.attendees) == (1, 4, 2, 7)
    assert (dashboard.open_demands, dashboard.overdue_demands) == (3, 1)
    assert (month.demands_closed, year.demands_closed) == (1, 2)
    assert dashboard.monthly_records == (1, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 1)
    by_code = {c.code: c for c in year.by_category}
    assert by_code["custom_code"].label == "custom_code" and by_code["custom_code"].count == 1
    assert by_code["digital"].count == 0  # active categories without records are listed too
    assert [c.count for c in year.by_category] == sorted((c.count for c in year.by_category), reverse=True)


@pytest.mark.parametrize("today", [date(2026, 1, 1), date(2026, 10, 31), date(2026, 12, 31), date(2027, 1, 1)])
def test_edges_seen_from_other_days(db, today: date) -> None:  # type: ignore[no-untyped-def]
    add_edges(db)
    check_against_sql(db, today, both_ways(db, today))


def test_no_rating_means_no_average(db) -> None:  # type: ignore[no-untyped-def]
    world = make_world(db)
    with db.begin() as s:
        s.add(ServiceRecord(enterprise_id=world.enterprise_id, service_date=TODAY, category="policy"))
    dashboard = both_ways(db, TODAY)
    assert dashboard.month.rated == 0
    assert dashboard.month.average_satisfaction is None and dashboard.month.satisfied_share is None
    assert not dashboard.is_empty


def plan(db: Database, statement) -> str:  # type: ignore[no-untyped-def]
    with db.begin() as session:
        compiled = statement.compile(session.bind, compile_kwargs={"literal_binds": True})
        return "\n".join(row[-1] for row in session.execute(text(f"EXPLAIN QUERY PLAN {compiled}")))


def test_record_scan_reads_only_the_covering_index_in_its_order(db) -> None:  # type: ignore[no-untyped-def]
    steps = plan(db, scan_statement(year_of(TODAY)))
    assert "USING COVERING INDEX ix_service_record_stats (service_date>? AND service_date<?)" in steps
    assert "TEMP B-TREE" not in steps  # grouped in index order, no sort


def test_served_probe_reads_only_the_enterprise_date_index(db) -> None:  # type: ignore[no-untyped-def]
    steps = plan(db, served_statement([month_of(TODAY), year_of(TODAY)]))
    assert steps.count("USING COVERING INDEX ix_service_record_enterprise_date") == 2
    assert "TEMP B-TREE" not in steps
