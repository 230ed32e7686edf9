"""The compliance checklist: staffing (via staff_rules), signage, work rules, the annual
summary and plan (due 31 January), the quarterly report (due 10 days after the quarter)."""

from __future__ import annotations

from datetime import date

import pytest

from app.models import AnnualReport, InfoReport, StaffMember, Station
from app.models.database import Database
from app.services.station.compliance import Checklist, annual_due, checklist, last_quarter

from . import World
from . import make_world as make_plain_world


def make_world(db: Database) -> World:
    """make_world's staff joined today (the real date): move them to a fixed past."""
    world = make_plain_world(db)
    with db.begin() as s:
        for member in s.query(StaffMember):
            member.start_date = date(2020, 1, 1)
    return world


def states(db: Database, today: date) -> dict[str, str]:
    with db.begin() as session:
        result = checklist(session, today)
    return {check.key: check.state for check in result.checks}


def run(db: Database, today: date) -> Checklist:
    with db.begin() as session:
        return checklist(session, today)


def test_before_setup_the_checklist_is_empty(db) -> None:  # type: ignore[no-untyped-def]
    assert run(db, date(2026, 5, 1)) == Checklist(False, ())


def test_staffing_needs_two_full_time_staff_on_the_day(db) -> None:  # type: ignore[no-untyped-def]
    world = make_world(db)  # a manager and a clerk, both full time from the start
    assert states(db, date(2026, 5, 1))["staffing"] == "ok"
    with db.begin() as s:
        clerk = s.get(StaffMember, world.clerk_id)
        assert clerk is not None
        clerk.full_time = False
    check = run(db, date(2026, 5, 1)).checks[0]
    assert (check.key, check.state, check.count, check.required) == ("staffing", "missing", 1, 2)
    with db.begin() as s:
        s.add(StaffMember(station_id=world.station_id, name="新专员", start_date=date(2026, 6, 1)))
    assert states(db, date(2026, 5, 31))["staffing"] == "missing"  # not yet joined
    assert states(db, date(2026, 6, 1))["staffing"] == "ok"


def test_signage_and_work_rules_count_from_their_dates(db) -> None:  # type: ignore[no-untyped-def]
    world = make_world(db)
    assert states(db, date(2026, 5, 1))["signage"] == "missing"
    with db.begin() as s:
        station = s.get(Station, world.station_id)
        assert station is not None
        station.signage_hung_on = date(2026, 3, 1)
        station.work_rules_filed_on = date(2026, 6, 1)
    result = {c.key: c for c in run(db, date(2026, 5, 1)).checks}
    assert (result["signage"].state, result["signage"].done_on) == ("ok", date(2026, 3, 1))
    assert result["work_rules"].state == "missing"  # filed in the future: not yet
    assert states(db, date(2026, 6, 1))["work_rules"] == "ok"


def add_annual(db: Database, station_id: object, year: int, kind: str, status: str) -> None:
    with db.begin() as s:
        s.add(AnnualReport(station_id=station_id, year=year, kind=kind, status=status))


def test_annual_summary_and_plan_are_due_on_31_january(db) -> None:  # type: ignore[no-untyped-def]
    world = make_world(db)
    assert annual_due(2025, "summary") == date(2026, 1, 31) == annual_due(2026, "plan")
    jan = {c.key: c for c in run(db, date(2026, 1, 31)).checks}
    assert (jan["annual_summary"].state, jan["annual_summary"].year) == ("pending", 2025)
    assert (jan["annual_plan"].state, jan["annual_plan"].year, jan["annual_plan"].due_on) == ("pending", 2026, date(2026, 1, 31))
    assert states(db, date(2026, 2, 1))["annual_summary"] == "overdue"

    add_annual(db, world.station_id, 2025, "summary", "draft")  # a draft does not count
    add_annual(db, world.station_id, 2026, "plan", "returned")
    assert states(db, date(2026, 2, 1))["annual_summary"] == "overdue"
    assert states(db, date(2026, 2, 1))["annual_plan"] == "overdue"
    add_annual(db, world.station_id, 2024, "summary", "accepted")  # an older year does not count either
    assert states(db, date(2026, 2, 1))["annual_summary"] == "overdue"

    with db.begin() as s:
        for report in s.query(AnnualReport).filter(AnnualReport.year.in_((2025, 2026))):
            report.status = "submitted" if report.kind == "summary" else "accepted"
    assert states(db, date(2026, 2, 1))["annual_summary"] == "ok"
    assert states(db, date(2026, 11, 30))["annual_plan"] == "ok"
    december = {c.key: c for c in run(db, date(2026, 12, 1)).checks}  # the next round shows up
    assert (december["annual_summary"].state, december["annual_summary"].year) == ("pending", 2026)
    assert (december["annual_plan"].state, december["annual_plan"].year) == ("pending", 2027)
    assert december["annual_plan"].due_on == date(2027, 1, 31)


def test_another_stations_reports_do_not_count(db) -> None:  # type: ignore[no-untyped-def]
    make_world(db)
    add_annual(db, None, 2025, "summary", "accepted")  # HQ-owned row
    assert states(db, date(2026, 3, 1))["annual_summary"] == "overdue"


@pytest.mark.parametrize(
    ("today", "period", "due"),
    [
        (date(2026, 11, 28), "2026-Q3", date(2026, 10, 10)),
        (date(2026, 10, 1), "2026-Q3", date(2026, 10, 10)),
        (date(2026, 9, 30), "2026-Q2", date(2026, 7, 10)),
        (date(2026, 4, 1), "2026-Q1", date(2026, 4, 10)),
        (date(2026, 1, 5), "2025-Q4", date(2026, 1, 10)),
        (date(2026, 3, 31), "2025-Q4", date(2026, 1, 10)),
    ],
)
def test_last_quarter_and_its_due_date(today: date, period: str, due: date) -> None:
    assert last_quarter(today) == (period, due)


def test_periodic_report_for_the_last_quarter(db) -> None:  # type: ignore[no-untyped-def]
    world = make_world(db)
    assert states(db, date(2026, 10, 10))["periodic_report"] == "pending"
    assert states(db, date(2026, 10, 11))["periodic_report"] == "overdue"
    with db.begin() as s:
        s.add(InfoReport(station_id=world.station_id, period="2026-09", status="submitted"))  # a month: not the quarter
        s.add(InfoReport(station_id=world.station_id, period="2026-Q3", status="draft"))
    assert states(db, date(2026, 10, 11))["periodic_report"] == "overdue"
    with db.begin() as s:
        report = s.query(InfoReport).filter_by(period="2026-Q3").one()
        report.status = "submitted"
    check = run(db, date(2026, 10, 11)).checks[-1]
    assert (check.state, check.period, check.due_on) == ("ok", "2026-Q3", date(2026, 10, 10))
    assert run(db, date(2026, 10, 11)).problems == 4  # signage, rules, summary, plan; staffing is ok
