"""The one place the city-wide reports read per-station figures from.

INTERIM: `_interim_figures` until app.hq.readmodel.query (same API) is merged; then import
`StationFigures` and `station_figures` from there instead.  The distinct enterprises of a
district or of the whole city are not sums of the stations' (an enterprise served by two
stations counts once), so they are counted here.
"""

from __future__ import annotations

import uuid
from dataclasses import fields
from datetime import datetime

from sqlalchemy import Connection, text

from app.domain.periods import Period
from app.hq.cityreport._interim_figures import StationFigures, station_figures
from app.hq.cityreport.model import Figures

__all__ = ["StationFigures", "as_figures", "by_station", "served_by_district", "station_figures", "summed"]

_NAMES = [f.name for f in fields(Figures)]


def as_figures(f: StationFigures | None) -> Figures:
    return Figures() if f is None else Figures(**{n: int(getattr(f, n)) for n in _NAMES})


def summed(parts: list[Figures], enterprises_served: int) -> Figures:
    """Field-wise sums, with the distinct enterprise count given."""
    totals = {n: sum(getattr(p, n) for p in parts) for n in _NAMES}
    return Figures(**{**totals, "enterprises_served": enterprises_served})


def served_by_district(conn: Connection, period: Period) -> tuple[dict[str, int], int]:
    """Distinct enterprises served in `period` by each district's stations, and by the whole network."""
    params = {"first": period.start.isoformat(), "after": period.end.isoformat()}
    live = ("r.tbl = 'service_record' AND NOT r.deleted"
            " AND r.data->>'service_date' >= :first AND r.data->>'service_date' < :after")
    rows = conn.execute(text(
        "SELECT coalesce(s.data->>'district', ''), count(DISTINCT r.data->>'enterprise_id') FROM replica_row r"
        f" JOIN replica_row s ON s.tbl = 'station' AND s.id = r.station_id WHERE {live} GROUP BY 1"
    ), params).all()
    city = conn.execute(text(f"SELECT count(DISTINCT r.data->>'enterprise_id') FROM replica_row r WHERE {live}"),
                        params).scalar_one()
    return {d: int(n) for d, n in rows}, int(city)


def by_station(conn: Connection, period: Period, until: datetime) -> dict[uuid.UUID, Figures]:
    return {sid: as_figures(f) for sid, f in station_figures(conn, period, until=until).items()}
