"""The city-wide reports' data: plain frozen dataclasses, JSON-able through app.hq.cityreport.codec."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

HQ_NAME = "广州市民营和中小企业服务总站"
BUREAU = "广州市工业和信息化局"


@dataclass(frozen=True)
class Figures:
    """The convention's figures for a station, a district or the city (see _interim_figures)."""

    enterprises_served: int = 0  # distinct enterprises: a district's or the city's counts each once
    service_records: int = 0
    events_held: int = 0
    attendees_people: int = 0  # 人次
    attendee_enterprises: int = 0  # 家次
    demands_received: int = 0
    demands_closed: int = 0
    rated: int = 0
    satisfied: int = 0
    score_total: int = 0

    @property
    def satisfied_share(self) -> float | None:
        """满意率 in percent, None when nothing was rated."""
        return 100.0 * self.satisfied / self.rated if self.rated else None


@dataclass(frozen=True)
class Compliance:
    """A station against the convention at the report's cut-off (or the year's last day, if sooner)."""

    on: date
    full_time_staff: int
    signage_hung_on: date | None
    work_rules_filed_on: date | None
    summary_status: str  # "" (none), draft, submitted, accepted, returned
    summary_submitted_at: datetime | None
    summary_on_time: bool
    plan_status: str
    plan_submitted_at: datetime | None
    plan_on_time: bool
    info_due: int  # quarters of the year ended by the cut-off
    info_on_time: int  # of those, covered by a report submitted by its deadline

    @property
    def staff_ok(self) -> bool:
        return self.full_time_staff >= 2

    @property
    def reports_on_time(self) -> bool:
        return self.info_on_time >= self.info_due

    @property
    def ok(self) -> bool:
        return (self.staff_ok and self.signage_hung_on is not None and self.work_rules_filed_on is not None
                and self.reports_on_time)


@dataclass(frozen=True)
class StationLine:
    station_id: uuid.UUID
    code: str
    name: str
    district: str
    status: str  # the station row's: approved / suspended / revoked
    figures: Figures
    compliance: Compliance


@dataclass(frozen=True)
class DistrictLine:
    district: str
    stations: int
    compliant: int
    figures: Figures


@dataclass(frozen=True)
class Excerpt:
    """A station's written text from a submitted report: section key → text (shortened)."""

    code: str
    name: str
    district: str
    sections: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class PlanLine:
    code: str
    name: str
    district: str
    status: str
    targets: dict[str, float] = field(default_factory=dict)
    planned_events: int = 0


@dataclass(frozen=True)
class PlannedEvent:
    code: str
    station: str
    month: int
    event_type: str
    title: str
    theme: str


@dataclass(frozen=True)
class PlanDigest:
    """Next year's plan drawn from the stations' submitted plans."""

    year: int
    submitted: int  # stations whose plan is submitted or accepted
    targets: dict[str, float]  # indicator → sum over the submitted plans (satisfied_share: mean)
    lines: list[PlanLine]
    events_by_month: list[int]  # 12 counts
    events: list[PlannedEvent]
    texts: list[Excerpt]  # goals, measures, support_needed


@dataclass(frozen=True)
class AnnualCityReport:
    year: int
    period_label: str  # 2026年度
    span: str  # 2026年1月1日—2026年12月31日
    cutoff: datetime  # aware, China time
    stations: list[StationLine]
    districts: list[DistrictLine]
    total: Figures
    highlights: list[Excerpt]  # from the submitted summaries
    summaries_submitted: int
    plan: PlanDigest


@dataclass(frozen=True)
class Breakdown:
    """Figures of the period for one industry section, district or size ("" = not filled in)."""

    key: str
    enterprises_served: int = 0
    service_records: int = 0
    demands_received: int = 0
    demands_finished: int = 0
    demands_overdue: int = 0


@dataclass(frozen=True)
class KeyEnterprise:
    name: str
    industry_section: str
    district: str
    size: str
    service_records: int
    stations: int  # stations that served it in the period
    demands_received: int


@dataclass(frozen=True)
class DemandCategory:
    category: str
    received: int
    finished: int
    overdue: int


@dataclass(frozen=True)
class KeyInfoReport:
    period_key: str  # 2026-09 / 2026-Q3
    period_label: str
    span: str
    cutoff: datetime
    total: Breakdown
    by_industry: list[Breakdown]
    by_district: list[Breakdown]
    by_size: list[Breakdown]
    key_enterprises: list[KeyEnterprise]
    demand_categories: list[DemandCategory]
    stations_total: int
    stations_reporting: int  # with a submitted information report for the period
    notes: list[Excerpt]  # the stations' key_industries / key_enterprises / demands text
    category_labels: dict[str, str] = field(default_factory=dict)  # service categories: code → label
