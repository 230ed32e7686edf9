"""站点网络 as the HQ desk reads it (GET /v1/admin/network/...): plain dataclasses built from
the server's JSON, and the Excel export fetched as the server writes it."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from app.domain.messages import Msg
from app.domain.periods import CHINA_TIME
from app.hqdesk.client import HqDeskClient, HqDeskError

BAD_REPLY = "服务总站返回的站点网络数据格式不对，请联系服务总站。"


@dataclass(frozen=True)
class Figures:
    enterprises_served: int = 0
    service_records: int = 0
    events_held: int = 0
    attendees_people: int = 0
    attendee_enterprises: int = 0
    demands_received: int = 0
    demands_closed: int = 0
    rated: int = 0
    satisfied: int = 0
    score_total: int = 0

    @property
    def satisfied_share(self) -> float | None:
        return self.satisfied / self.rated if self.rated else None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Figures:
        return cls(**{f.name: int(data.get(f.name) or 0) for f in fields(cls)})


@dataclass(frozen=True)
class NetworkRow:
    code: str
    name: str
    district: str
    host_organisation: str
    status: str
    status_label: str
    enrolled: bool
    last_sync: datetime | None
    full_time_staff: int
    staff_rule_met: bool
    signage_hung_on: date | None
    work_rules_filed_on: date | None
    reports_due: int
    reports_submitted: int
    reports_late: int
    figures: Figures
    demands_open: int
    demands_overdue: int

    @property
    def id(self) -> str:  # the table keeps the selection by it
        return self.code

    @property
    def last_sync_text(self) -> str:
        return self.last_sync.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M") if self.last_sync else ""


@dataclass(frozen=True)
class DistrictRow:
    district: str
    stations: int
    staff_rule_met: int
    signage_hung: int
    work_rules_filed: int
    reports_due: int
    reports_submitted: int
    reports_late: int
    enterprises_served: int
    service_records: int
    events_held: int
    attendees_people: int
    demands_open: int
    demands_overdue: int
    rated: int
    satisfied: int

    @property
    def id(self) -> str:
        return self.district

    @property
    def satisfied_share(self) -> float | None:
        return self.satisfied / self.rated if self.rated else None


@dataclass(frozen=True)
class StationPage:
    row: NetworkRow
    year: int
    staff: list[dict[str, Any]]
    months: list[tuple[int, Figures]]
    events: list[dict[str, Any]]
    obligations: list[dict[str, Any]]
    reports: list[dict[str, Any]]
    conflicts: list[dict[str, Any]]
    rejected: list[dict[str, Any]]


def _day(value: Any) -> date | None:
    return date.fromisoformat(str(value)) if value else None


def _row(r: dict[str, Any]) -> NetworkRow:
    reports = r["reports"]
    return NetworkRow(
        str(r["code"]), str(r["name"]), str(r["district"]), str(r["host_organisation"]), str(r["status"]),
        str(r["status_label"]), bool(r["enrolled"]),
        datetime.fromisoformat(str(r["last_sync"])) if r.get("last_sync") else None,
        int(r["full_time_staff"]), bool(r["staff_rule_met"]), _day(r.get("signage_hung_on")),
        _day(r.get("work_rules_filed_on")), int(reports["due"]), int(reports["submitted"]), int(reports["late"]),
        Figures.from_json(r["figures"]), int(r["demands_open"]), int(r["demands_overdue"]),
    )


def _parse(make: Any) -> Any:
    try:
        return make()
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise HqDeskError(BAD_REPLY, detail=repr(exc)) from exc


def network_rows(client: HqDeskClient, *, year: int | None = None, district: str | None = None,
                 status: str | None = None) -> list[NetworkRow]:
    data = client.get_json("/network/stations", year=year, district=district or None, status=status or None)
    rows: list[NetworkRow] = _parse(lambda: [_row(r) for r in data])
    return rows


def district_rows(client: HqDeskClient, *, year: int | None = None) -> list[DistrictRow]:
    data = client.get_json("/network/districts", year=year)
    names = [f.name for f in fields(DistrictRow)]
    rows: list[DistrictRow] = _parse(lambda: [DistrictRow(**{n: d[n] for n in names}) for d in data])
    return rows


def station_page(client: HqDeskClient, code: str, *, year: int | None = None) -> StationPage:
    data = client.get_json(f"/network/stations/{quote(code, safe='')}", year=year)

    def make() -> StationPage:
        months = [(int(m["month"]), Figures.from_json(m)) for m in data["months"]]
        return StationPage(_row(data["row"]), int(data["year"]), list(data["staff"]), months, list(data["events"]),
                           list(data["obligations"]), list(data["reports"]), list(data["conflicts"]),
                           list(data["rejected"]))

    page: StationPage = _parse(make)
    return page


def export_network(client: HqDeskClient, target: Path, *, year: int | None = None, district: str | None = None,
                   status: str | None = None) -> Path:
    """Fetch the workbook and write it to `target` (the HQ desk's file dialog chose it)."""
    data = client.get_bytes("/network/export.xlsx", year=year, district=district or None, status=status or None)
    if not data.startswith(b"PK"):
        raise HqDeskError("服务总站返回的不是 Excel 文件，请稍后再试或联系服务总站。")
    try:
        target.write_bytes(data)
    except OSError as exc:
        raise HqDeskError(Msg("无法写入 %1：%2。请换一个文件夹或文件名。", target, exc.strerror or exc)) from exc
    return target
