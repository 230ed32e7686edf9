"""app.hq.cityreport.deadlines: when a quarter falls due and which reports count as handed in on time."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from app.domain.obligations import quarter_due
from app.domain.periods import quarter_period
from app.hq.cityreport import deadlines


def test_a_quarter_is_due_on_its_due_date_itself() -> None:
    assert quarter_due(2026, 1) == date(2026, 4, 10)
    assert deadlines.quarters_due(2026, date(2026, 4, 9)) == []
    assert [q.key for q in deadlines.quarters_due(2026, date(2026, 4, 10))] == ["2026-Q1"]
    assert [q.key for q in deadlines.quarters_due(2026, date(2027, 1, 10))] == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]


@pytest.mark.parametrize(("status", "counts"), [("submitted", True), ("accepted", True), ("returned", False), ("draft", False), ("", False)])
def test_only_a_report_handed_in_counts(status: str, counts: bool) -> None:
    """A returned report is back with the station: submitted on time, but not handed in."""
    at = datetime(2026, 4, 1, 2, 0, tzinfo=UTC)  # well before the due date
    assert deadlines.on_time(status, at, date(2026, 4, 10)) is counts
    q1 = quarter_period(2026, 1)
    assert deadlines.quarter_covered(q1, {"2026-Q1": (status, at)}) is counts
