"""The home page and the reports give the same numbers for the same period.

Both read app.services.reporting.figures; this pins it on a station seeded with tombstones,
China-time month and year edges, unrated records and a deleted enterprise: the home page's
service (home_dashboard) against the data the annual summary (and, for the month, the
periodic information report) is printed from.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from app.domain.periods import CHINA_TIME, month_of
from app.models import Demand, Enterprise, Event, EventAttendance, ServiceRecord, Station
from app.models.database import Database
from app.reports.annual_data import AnnualFigures, annual_figures
from app.reports.context import report_context
from app.reports.info_data import info_figures
from app.services.dashboard.figures import Dashboard, PeriodFigures, home_dashboard

YEAR = 2026


def china(y: int, m: int, d: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(y, m, d, hour, minute, tzinfo=CHINA_TIME).astimezone(UTC)


def seed(db: Database) -> None:
    with db.begin() as s:
        station = s.scalars(select(Station.id)).one()
        a, b, only_deleted, edges, gone = (
            Enterprise(station_id=station, name=name)
            for name in ("甲科技", "乙贸易", "只有已删记录", "只在年外", "已删除企业")
        )
        gone.deleted = True
        s.add_all([a, b, only_deleted, edges, gone])
        s.flush()
        records = [  # (enterprise, day, category, score, deleted)
            (a, date(2026, 1, 1), "policy", 5, False),  # first day of the year
            (a, date(2026, 11, 1), "ip", 3, False),  # first day of November
            (a, date(2026, 11, 30), "policy", None, False),  # last day of November, unrated
            (a, date(2026, 12, 31), "legal", 4, True),  # last day of the year, a tombstone
            (a, date(2026, 12, 31), "legal", None, False),  # …and a live, unrated one that day
            (b, date(2026, 6, 15), "finance_tax", 4, False),
            (b, date(2026, 11, 5), "policy", None, True),  # deleted: b is not served in November
            (only_deleted, date(2026, 3, 1), "startup", 2, True),
            (only_deleted, date(2026, 11, 3), "startup", 1, True),
            (edges, date(2025, 12, 31), "policy", 1, False),
            (edges, date(2027, 1, 1), "policy", 5, False),
            (gone, date(2026, 7, 1), "custom_code", 4, False),  # a code not in the pick-list
        ]
        for enterprise, day, category, score, deleted in records:
            s.add(ServiceRecord(enterprise_id=enterprise.id, service_date=day, category=category,
                                satisfaction=score, deleted=deleted))
        events = [  # (title, China-time start, walk-ins, deleted)
            ("元旦零点沙龙", china(2026, 1, 1), 3, False),
            ("跨年夜讲座", china(2025, 12, 31, 23, 59), 2, False),
            ("年末最后一场", china(2026, 12, 31, 23, 59), 1, False),
            ("明年第一场", china(2027, 1, 1), 9, False),
            ("十一月第一场", china(2026, 11, 1), 0, False),
            ("十月最后一晚", china(2026, 10, 31, 23, 59), 4, False),
            ("已删除活动", china(2026, 11, 2, 9), 50, True),
        ]
        made: dict[str, Event] = {}
        for title, start, walk_ins, deleted in events:
            made[title] = Event(title=title, event_type="salon", starts_at=start, ends_at=start + timedelta(hours=1),
                                walk_in_count=walk_ins, deleted=deleted)
        s.add_all(made.values())
        s.flush()
        attendance = [  # (event, enterprise, checked in, deleted)
            ("十一月第一场", a, True, False), ("十一月第一场", a, True, False),  # one enterprise, two people
            ("十一月第一场", b, False, False), ("十一月第一场", None, True, False),  # a person without an enterprise
            ("十一月第一场", b, True, True),  # deleted
            ("元旦零点沙龙", b, True, False), ("跨年夜讲座", a, True, False), ("已删除活动", a, True, False),
            ("年末最后一场", only_deleted, True, False), ("十月最后一晚", a, True, False),
        ]
        for title, enterprise, came, deleted in attendance:
            event = made[title]
            s.add(EventAttendance(event_id=event.id, enterprise_id=enterprise.id if enterprise else None,
                                  attendee_name="张三", checked_in_at=event.starts_at if came else None, deleted=deleted))
        # All received this year, so "received in the year" (the report) and "now" (the home page) meet.
        demand = dict(enterprise_id=a.id, title="需求", category="policy")
        s.add_all([
            Demand(**demand, received_on=date(2026, 1, 1), status="closed", closed_at=china(2026, 1, 1, 0, 10)),
            Demand(**demand, received_on=date(2026, 10, 20), status="followed_up", closed_at=china(2026, 11, 1)),
            Demand(**demand, received_on=date(2026, 10, 1), status="accepted", due_on=date(2026, 11, 4)),
            Demand(**demand, received_on=date(2026, 10, 1), status="handling", due_on=date(2026, 11, 5)),
            Demand(**demand, received_on=date(2026, 10, 1), status="replied", due_on=None),
            Demand(**demand, received_on=date(2026, 2, 1), status="dispatched", due_on=date(2026, 3, 1)),
            Demand(**demand, received_on=date(2026, 2, 1), status="accepted", due_on=date(2026, 3, 1), deleted=True),
            Demand(**demand, received_on=date(2026, 2, 1), status="closed", closed_at=china(2026, 2, 2), deleted=True),
        ])


@pytest.fixture
def seeded(empty_db: Database) -> Iterator[Database]:
    seed(empty_db)
    yield empty_db


def read_both(db: Database, today: date) -> tuple[Dashboard, AnnualFigures]:
    now = datetime(today.year, today.month, today.day, 23, 30, tzinfo=CHINA_TIME)  # late: UTC is still "today"
    with db.begin() as session:
        dashboard = home_dashboard(session, today, now=now)  # one cut-off: events after it are planned
        annual = annual_figures(session, report_context(session, now), YEAR)
    return dashboard, annual


def common(home: PeriodFigures) -> dict[str, object]:
    return {
        "served": home.enterprises_served,
        "records": home.service_records,
        "by_category": {c.code: c.count for c in home.by_category if c.count},
        "rated": home.rated,
        "satisfied": home.satisfied,
        "average": home.average_satisfaction,
        "events": home.events,
        "attendees": home.attendees,
        "attendee_enterprises": home.attendee_enterprises,
    }


def report_side(served: int, records, events) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {
        "served": served,
        "records": records.total,
        "by_category": dict(records.by_category),
        "rated": records.rated,
        "satisfied": records.satisfied,
        "average": records.average,
        "events": len(events),
        "attendees": sum(e.attendees for e in events),
        "attendee_enterprises": sum(e.turnout.enterprises for e in events),
    }


@pytest.mark.parametrize("today", [date(2026, 11, 5), date(2026, 12, 31), date(2026, 1, 1)])
def test_home_year_equals_the_annual_report(seeded: Database, today: date) -> None:
    dashboard, annual = read_both(seeded, today)
    year = dashboard.year
    assert common(year) == report_side(annual.served.total, annual.records, annual.events)
    # the plan's "this year" column reads the same figures
    assert annual.actual("enterprises_served") == year.enterprises_served
    assert annual.actual("service_records") == year.service_records
    assert annual.actual("events") == year.events
    # "attendees" is titled 活动参与企业（家次）: enterprises; the people (人次) are "attendee_people"
    assert annual.actual("attendees") == year.attendee_enterprises
    assert annual.actual("attendee_people") == year.attendees
    assert annual.actual("satisfied_share") == round(100 * (year.satisfied_share or 0), 1)
    # every demand was received this year, so the report's year and the home page's "now" agree
    assert annual.demands.overdue == dashboard.overdue_demands
    assert annual.demands.received - annual.demands.finished == dashboard.open_demands
    assert annual.actual("demands_closed") == year.demands_closed


def test_the_seeded_edges_are_counted_as_defined(seeded: Database) -> None:
    dashboard, _annual = read_both(seeded, date(2026, 11, 5))
    year, month = dashboard.year, dashboard.month
    # read on 11-05 at 23:30: 年末最后一场 (12-31) is still planned, so it is not counted as held
    assert (year.events, year.attendees, year.attendee_enterprises) == (3, 12, 3)
    with seeded.begin() as session:  # without a cut-off the home page counts every event of the year
        year = home_dashboard(session, date(2026, 11, 5)).year
    # a, b and the deleted enterprise; not the one with tombstones only, not the one outside the year
    assert (year.enterprises_served, year.service_records) == (3, 6)
    assert (year.rated, year.satisfied, year.score_total) == (4, 3, 16)
    assert (year.events, year.attendees, year.attendee_enterprises) == (4, 14, 4)
    assert (month.enterprises_served, month.service_records, month.rated) == (1, 2, 1)
    assert (month.events, month.attendees, month.attendee_enterprises) == (1, 3, 1)
    assert (dashboard.open_demands, dashboard.overdue_demands) == (4, 2)
    assert (year.demands_closed, month.demands_closed) == (2, 1)


@pytest.mark.parametrize(("today", "key"), [(date(2026, 11, 5), "2026-11"), (date(2026, 1, 1), "2026-01"),
                                            (date(2026, 12, 31), "2026-12")])
def test_home_month_equals_the_periodic_report(seeded: Database, today: date, key: str) -> None:
    now = datetime(today.year, today.month, today.day, 23, 30, tzinfo=CHINA_TIME)
    with seeded.begin() as session:
        dashboard = home_dashboard(session, today, now=now)
        info = info_figures(session, report_context(session, now), key)
    assert info.period == month_of(today) == dashboard.month.period
    assert common(dashboard.month) == report_side(info.served.total, info.records, info.events)
