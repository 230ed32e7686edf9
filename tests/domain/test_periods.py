"""The one Period: months, quarters and years in Guangzhou days, and their bounds."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from app.domain.errors import ValidationError
from app.domain.periods import month_of, parse_period, year_of, year_period


def test_a_year_is_typed_only_where_years_are_allowed() -> None:
    assert parse_period("2026", years=True) == year_period(2026) == year_of(date(2026, 7, 1))
    assert parse_period(" 2026-Q3 ", years=True).key == "2026-Q3"
    with pytest.raises(ValidationError, match="2026-09 或 2026"):
        parse_period("2026-13", years=True)
    with pytest.raises(ValidationError, match="年度"):
        parse_period("1999", years=True)


@pytest.mark.parametrize(("text", "kind"), [("2026", "year"), ("2026-09", "month"), ("2026-Q4", "quarter")])
def test_kind(text: str, kind: str) -> None:
    assert parse_period(text, years=True).kind == kind


def test_month_of_december_and_its_bounds() -> None:
    december = month_of(date(2026, 12, 31))
    assert (december.key, december.label, december.start, december.end) == (
        "2026-12", "2026年12月", date(2026, 12, 1), date(2027, 1, 1))
    assert december.last_day == date(2026, 12, 31) and december.contains(date(2026, 12, 31))
    assert not december.contains(date(2027, 1, 1))
    # Guangzhou midnight on 1 December is 16:00 UTC the day before
    assert december.utc_range() == (datetime(2026, 11, 30, 16, tzinfo=UTC), datetime(2026, 12, 31, 16, tzinfo=UTC))
