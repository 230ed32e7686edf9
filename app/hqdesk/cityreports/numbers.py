"""Small formatting helpers shared by the PDFs and the workbooks."""

from __future__ import annotations

from datetime import date

from app.domain.report_sections import PLAN_INDICATORS, REPORT_STATUSES
from app.hq.cityreport.model import Figures

FIGURE_COLUMNS: list[tuple[str, str]] = [
    ("enterprises_served", "服务企业（家）"),
    ("service_records", "服务记录（次）"),
    ("events_held", "举办活动（场）"),
    ("attendees_people", "活动参与（人次）"),
    ("attendee_enterprises", "活动参与企业（家次）"),
    ("demands_received", "受理需求（项）"),
    ("demands_closed", "办结需求（项）"),
]
STATION_STATUS = {"approved": "正常", "suspended": "暂停", "revoked": "已撤销"}


def share(f: Figures) -> str:
    value = f.satisfied_share
    return "—" if value is None else f"{value:.1f}%"


def figure_cells(f: Figures) -> list[int]:
    return [int(getattr(f, key)) for key, _ in FIGURE_COLUMNS]


def report_status(status: str) -> str:
    return REPORT_STATUSES.get(status, status) if status else "未报送"


def yes_no(value: object) -> str:
    return "是" if value else "否"


def indicator(key: str) -> str:
    return PLAN_INDICATORS.get(key, key)


def target(key: str, value: float) -> str | int | float:
    """A plan target as printed: a share with %, whole numbers as integers (right-aligned in tables)."""
    if key == "satisfied_share":
        return f"{value:.1f}%"
    return int(value) if float(value).is_integer() else round(value, 1)



def chinese_date(day: date) -> str:
    """2027年1月20日: Arabic numerals without leading zeros, as a 公文 writes dates."""
    return f"{day.year}年{day.month}月{day.day}日"
