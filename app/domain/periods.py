"""China time and the one `Period`: a calendar month, quarter or year of Guangzhou days.

Every figure of the station (home page, reports, later HQ's read models) is counted over a
`Period`.  Date columns (`service_date`, `received_on`) compare with `start`/`end` directly;
timestamp columns (stored in UTC: event starts, closing times) compare with `utc_range()`,
which cuts at Guangzhou midnight, so an event at 00:30 on 1 November belongs to November.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Literal

from app.domain.errors import ValidationError
from app.domain.messages import Msg

# Guangzhou has no daylight saving time, so a fixed offset is exact (and needs no tzdata on Windows).
CHINA_TIME = timezone(timedelta(hours=8))

PeriodKind = Literal["month", "quarter", "year"]
PERIOD_HINT = "请按 2026-Q3 或 2026-09 的格式填写报送期间"
FIRST_YEAR, LAST_YEAR = 2000, 2100
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-?[Qq]([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")
_QUARTER_NAMES = "一二三四"


def china_today() -> date:
    """Today's date in Guangzhou, whatever the machine's time zone."""
    return datetime.now(CHINA_TIME).date()


def china_midnight(day: date) -> datetime:
    """The instant `day` begins in Guangzhou, as an aware UTC datetime."""
    return datetime.combine(day, time(), CHINA_TIME).astimezone(UTC)


@dataclass(frozen=True)
class Period:
    key: str  # "2026", "2026-09", "2026-Q3"
    start: date
    end: date  # exclusive
    label: str  # "2026年度", "2026年9月", "2026年第三季度"

    @property
    def kind(self) -> PeriodKind:
        if "Q" in self.key:
            return "quarter"
        return "month" if "-" in self.key else "year"

    @property
    def last_day(self) -> date:
        return self.end - timedelta(days=1)

    @property
    def span(self) -> str:
        last = self.last_day
        return f"{self.start.year}年{self.start.month}月{self.start.day}日—{last.year}年{last.month}月{last.day}日"

    def contains(self, day: date) -> bool:
        return self.start <= day < self.end

    def utc_range(self) -> tuple[datetime, datetime]:
        """[start, end) as UTC instants, for timestamp columns: the period's days are Guangzhou days."""
        return china_midnight(self.start), china_midnight(self.end)


def _next_month(year: int, month: int) -> date:
    return date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)


def month_period(year: int, month: int) -> Period:
    return Period(f"{year}-{month:02d}", date(year, month, 1), _next_month(year, month), f"{year}年{month}月")


def quarter_period(year: int, quarter: int) -> Period:
    first = 3 * quarter - 2
    return Period(f"{year}-Q{quarter}", date(year, first, 1), _next_month(year, first + 2),
                  f"{year}年第{_QUARTER_NAMES[quarter - 1]}季度")


def month_of(day: date) -> Period:
    """The calendar month containing `day`."""
    return month_period(day.year, day.month)


def year_of(day: date) -> Period:
    """The calendar year containing `day`."""
    return Period(str(day.year), date(day.year, 1, 1), date(day.year + 1, 1, 1), f"{day.year}年度")


def check_year(year: int | None, field: str = "year") -> int:
    if year is None:
        raise ValidationError("年度：请填写要统计的年份，例如 2026。", field)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError(Msg("年度：%1 不是有效的年份，请填写 %2–%3 之间的年份。", year, FIRST_YEAR, LAST_YEAR), field)
    return year


def year_period(year: int | None) -> Period:
    """Calendar year `year`; ValidationError (field "year") when missing or out of range."""
    return year_of(date(check_year(year), 1, 1))


def parse_period(text: str | None, *, years: bool = False) -> Period:
    """"2026-09" → the month, "2026-Q3" → the quarter, and with `years` "2026" → the year;
    anything else: ValidationError (field "period") with the format hint."""
    raw = (text or "").strip().replace("－", "-").replace("—", "-")
    if match := _QUARTER.match(raw):
        year, quarter = check_year(int(match[1]), "period"), int(match[2])
        return quarter_period(year, quarter)
    if match := _MONTH.match(raw):
        year, month = int(match[1]), int(match[2])
        if 1 <= month <= 12:
            return month_period(check_year(year, "period"), month)
    if years and (match := _YEAR.match(raw)):
        return year_period(check_year(int(match[1]), "period"))
    hint = PERIOD_HINT.replace("或 2026-09", "、2026-09 或 2026") if years else PERIOD_HINT
    raise ValidationError(Msg("报送期间：“%1”无法识别。%2。", raw or '（空）', hint), "period")
