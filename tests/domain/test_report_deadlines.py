"""When reports are due (app/domain/report_deadlines.py): the dates, and China-time edges."""

from __future__ import annotations

from datetime import UTC, date, datetime

from app.domain import report_deadlines as d
from app.domain.periods import month_period, quarter_period


def test_due_dates() -> None:
    assert d.annual_due(2025) == date(2026, 1, 31)
    assert d.info_due(quarter_period(2026, 4)) == date(2027, 1, 10)
    assert d.info_due(month_period(2026, 3)) == date(2026, 4, 10)
    found = [(o.kind, o.key, o.due) for o in d.obligations(date(2026, 1, 1), date(2026, 4, 10))]
    assert found == [("info", "2025-Q4", date(2026, 1, 10)), ("summary", "2025", date(2026, 1, 31)),
                     ("plan", "2026", date(2026, 1, 31)), ("info", "2026-Q1", date(2026, 4, 10))]
    assert [o.label for o in d.obligations(date(2026, 1, 31), date(2026, 1, 31))] == ["2025年度服务工作总结", "2026年度服务工作计划"]


def test_late_from_the_next_china_day() -> None:
    ob = d.obligations(date(2026, 1, 31), date(2026, 1, 31))[0]
    last_moment = datetime(2026, 1, 31, 15, 59, tzinfo=UTC)  # 23:59 in Guangzhou
    first_late = datetime(2026, 1, 31, 16, 0, tzinfo=UTC)  # 00:00 on 1 February in Guangzhou
    assert ob.days_late(d.china_day(last_moment)) == 0
    assert ob.days_late(d.china_day(first_late)) == 1


def test_a_quarter_is_covered_by_its_report_or_its_three_months() -> None:
    q3 = quarter_period(2026, 3)
    assert d.quarter_months(q3) == ("2026-07", "2026-08", "2026-09")
    assert d.info_covered(q3, ["2026-Q3"])
    assert d.info_covered(q3, ["2026-07", "2026-08", "2026-09"])
    assert not d.info_covered(q3, ["2026-07", "2026-09", "2026-Q2"])


def test_one_due_date_for_hq_and_the_station() -> None:
    """The 督促 list (this module) and the station's own checklist (app.domain.obligations) agree."""
    from app.domain import obligations

    for year in (2025, 2026, 2027):
        assert d.annual_due(year) == obligations.annual_due(year, "summary") == obligations.annual_due(year + 1, "plan")
        for quarter in range(1, 5):
            assert d.info_due(quarter_period(year, quarter)) == obligations.quarter_due(year, quarter)
