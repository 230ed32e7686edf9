"""The written parts of reports, as the report editor stored them (plain copies, no ORM rows)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AnnualReport, InfoReport


@dataclass(frozen=True)
class PlannedEvent:
    month: int | None
    event_type: str
    title: str
    theme: str


@dataclass(frozen=True)
class Narrative:
    """Section key → text; `status` is None when nothing has been written at all."""

    status: str | None = None
    sections: dict[str, str] = field(default_factory=dict)
    targets: dict[str, float] = field(default_factory=dict)
    planned_events: list[PlannedEvent] = field(default_factory=list)

    def text(self, key: str) -> str:
        value = self.sections.get(key)
        return value if isinstance(value, str) else ""


def _month(value: object) -> int | None:
    try:
        month = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None
    return month if 1 <= month <= 12 else None


def _number(value: object) -> float | None:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def annual_narrative(session: Session, station_id: uuid.UUID, year: int, kind: str) -> Narrative:
    row = session.scalars(
        select(AnnualReport).where(
            AnnualReport.station_id == station_id, AnnualReport.year == year, AnnualReport.kind == kind,
            AnnualReport.deleted.is_(False),
        )
    ).first()
    if row is None:
        return Narrative()
    targets = {k: n for k, v in (row.targets or {}).items() if (n := _number(v)) is not None}
    events = [
        PlannedEvent(_month(item.get("month")), str(item.get("event_type") or ""), str(item.get("title") or ""),
                     str(item.get("theme") or ""))
        for item in (row.planned_events or []) if isinstance(item, dict)
    ]
    events.sort(key=lambda e: (e.month or 13, e.title))
    return Narrative(row.status, dict(row.narrative or {}), targets, events)


def info_narrative(session: Session, station_id: uuid.UUID, period_key: str) -> Narrative:
    row = session.scalars(
        select(InfoReport).where(
            InfoReport.station_id == station_id, InfoReport.period == period_key, InfoReport.deleted.is_(False)
        )
    ).first()
    return Narrative() if row is None else Narrative(row.status, dict(row.narrative or {}))
