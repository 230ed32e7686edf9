"""Report periods: the two formats users type, and helpful errors for everything else."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from app.domain.errors import ValidationError
from app.domain.periods import PERIOD_HINT, parse_period, year_period


@pytest.mark.parametrize(
    ("text", "key", "start", "end", "label"),
    [
        ("2026-09", "2026-09", date(2026, 9, 1), date(2026, 10, 1), "2026年9月"),
        (" 2026-9 ", "2026-09", date(2026, 9, 1), date(2026, 10, 1), "2026年9月"),
        ("2026-12", "2026-12", date(2026, 12, 1), date(2027, 1, 1), "2026年12月"),
        ("2026-Q3", "2026-Q3", date(2026, 7, 1), date(2026, 10, 1), "2026年第三季度"),
        ("2026q4", "2026-Q4", date(2026, 10, 1), date(2027, 1, 1), "2026年第四季度"),
        ("2026－Q1", "2026-Q1", date(2026, 1, 1), date(2026, 4, 1), "2026年第一季度"),
    ],
)
def test_months_and_quarters(text: str, key: str, start: date, end: date, label: str) -> None:
    period = parse_period(text)
    assert (period.key, period.start, period.end, period.label) == (key, start, end, label)


@pytest.mark.parametrize("text", ["", None, "2026", "2026-13", "2026-00", "2026-Q5", "Q3-2026", "2026年9月", "1899-01"])
def test_anything_else_is_refused_with_the_format_hint(text: str | None) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_period(text)
    assert PERIOD_HINT in caught.value.message or "年份" in caught.value.message
    assert caught.value.field == "period"


def test_a_year_is_counted_in_guangzhou_days() -> None:
    period = year_period(2026)
    assert period.span == "2026年1月1日—2026年12月31日"
    start, end = period.utc_range()
    assert start == datetime(2025, 12, 31, 16, tzinfo=UTC) and end == datetime(2026, 12, 31, 16, tzinfo=UTC)
    with pytest.raises(ValidationError, match="年度"):
        year_period(None)
