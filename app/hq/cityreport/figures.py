"""The one place the city-wide reports read per-station figures from: HQ's read models
(app.hq.readmodel.query, kept current on every push).

The distinct enterprises of a district or of the whole city are not sums of the stations' (an
enterprise served by two stations counts once), so they are counted here, over the read model
of served enterprises by month (rm_served).
"""

from __future__ import annotations

import uuid
from dataclasses import fields
from datetime import datetime

from sqlalchemy import Connection, text

from app.domain.periods import Period
from app.hq.cityreport.model import Figures
from app.hq.readmodel.query import StationFigures, station_figures

__all__ = ["StationFigures", "as_figures", "by_station", "served_by_district", "station_figures", "summed"]

_NAMES = [f.name for f in fields(Figures)]


def as_figures(f: StationFigures | None) -> Figures:
    return Figures() if f is None else Figures(**{n: int(getattr(f, n)) for n in _NAMES})


def summed(parts: list[Figures], enterprises_served: int) -> Figures:
    """Field-wise sums, with the distinct enterprise count given."""
    totals = {n: sum(getattr(p, n) for p in parts) for n in _NAMES}
    return Figures(**{**totals, "enterprises_served": enterprises_served})


def served_by_district(conn: Connection, period: Period) -> tuple[dict[str, int], int]:
    """Distinct enterprises served in `period` by each district's stations, and by the whole network
    (`period` is whole months, as every report period is)."""
    params = {"first": period.start, "after": period.end}
    # GROUP BY then count: hash aggregates (count(DISTINCT …) would sort the whole year)
    rows = conn.execute(text(
        "SELECT district, count(*) FROM (SELECT s.district, v.enterprise_id FROM rm_served v"
        " JOIN rm_station s USING (station_id) WHERE v.month >= :first AND v.month < :after GROUP BY 1, 2) x GROUP BY 1"
    ), params).all()
    city = conn.execute(text(
        "SELECT count(*) FROM (SELECT v.enterprise_id FROM rm_served v JOIN rm_station s USING (station_id)"
        " WHERE v.month >= :first AND v.month < :after GROUP BY 1) x"
    ), params).scalar_one()
    return {d: int(n) for d, n in rows}, int(city)


def by_station(conn: Connection, period: Period, until: datetime) -> dict[uuid.UUID, Figures]:
    return {sid: as_figures(f) for sid, f in station_figures(conn, period, at=until).items()}
