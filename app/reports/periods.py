"""Report periods: a calendar year, a month ("2026-09") or a quarter ("2026-Q3"), in China time."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from app.domain.errors import ValidationError
from app.services.dashboard.overview import CHINA_TIME

PERIOD_HINT = "请按 2026-Q3 或 2026-09 的格式填写报送期间"
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-?[Qq]([1-4])$")
FIRST_YEAR, LAST_YEAR = 2000, 2100
_QUARTER_NAMES = "一二三四"


@dataclass(frozen=True)
class Period:
    key: str  # "2026", "2026-09", "2026-Q3"
    start: date
    end: date  # exclusive
    label: str  # "2026年9月"

    @property
    def span(self) -> str:
        last = date.fromordinal(self.end.toordinal() - 1)
        return f"{self.start.year}年{self.start.month}月{self.start.day}日—{last.year}年{last.month}月{last.day}日"

    def utc_range(self) -> tuple[datetime, datetime]:
        """[start, end) as UTC instants: the period's days are Guangzhou days."""
        return _utc(self.start), _utc(self.end)


def _utc(day: date) -> datetime:
    return datetime.combine(day, time(), CHINA_TIME).astimezone(UTC)


def _next_month(year: int, month: int) -> date:
    return date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)


def check_year(year: int | None, field: str = "year") -> int:
    if year is None:
        raise ValidationError("年度：请填写要统计的年份，例如 2026。", field)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError(f"年度：{year} 不是有效的年份，请填写 {FIRST_YEAR}–{LAST_YEAR} 之间的年份。", field)
    return year


def year_period(year: int | None) -> Period:
    y = check_year(year)
    return Period(str(y), date(y, 1, 1), date(y + 1, 1, 1), f"{y}年度")


def parse_period(text: str | None) -> Period:
    """"2026-09" → the month, "2026-Q3" → the quarter; anything else: ValidationError."""
    raw = (text or "").strip().replace("－", "-").replace("—", "-")
    if match := _QUARTER.match(raw):
        year, quarter = int(match[1]), int(match[2])
        check_year(year, "period")
        first = 3 * quarter - 2
        return Period(f"{year}-Q{quarter}", date(year, first, 1), _next_month(year, first + 2),
                      f"{year}年第{_QUARTER_NAMES[quarter - 1]}季度")
    if match := _MONTH.match(raw):
        year, month = int(match[1]), int(match[2])
        if 1 <= month <= 12:
            check_year(year, "period")
            return Period(f"{year}-{month:02d}", date(year, month, 1), _next_month(year, month), f"{year}年{month}月")
    raise ValidationError(f"报送期间：“{raw or '（空）'}”无法识别。{PERIOD_HINT}。", "period")
