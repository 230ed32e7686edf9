"""What every report states: whose station, and when its data were read (the cut-off)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from app.domain.periods import CHINA_TIME
from app.models.types import utcnow
from app.services.station import identity as station_service
from app.services.station.identity import StationInfo


@dataclass(frozen=True)
class ReportContext:
    station: StationInfo
    cutoff: datetime  # aware, China time

    @property
    def today(self) -> date:
        return self.cutoff.date()

    @property
    def cutoff_text(self) -> str:
        return f"{self.cutoff:%Y-%m-%d %H:%M}"


def report_context(session: Session, now: datetime | None = None) -> ReportContext:
    """The station (NoStationError before setup) and the cut-off: now, in Guangzhou."""
    station = station_service.require_station(session)
    return ReportContext(station, (now or utcnow()).astimezone(CHINA_TIME))
