"""Per-station figures for a period, from HQ's read models (migration 0004_read_models).

The read models hold facts (scores by score, statuses, instants); the definitions are
app.domain.figure_rules, the module the station's own figures (app.services.reporting.figures)
use, applied here in SQL built from its constants:
* 服务企业: rm_served_period's distinct count for the period's key ("2026", "2026-Q1",
  "2026-03"), never a sum of months;
* 服务记录 and 满意度: rm_month over the period's months, `satisfied` from SATISFIED_FROM;
* 活动 held by the cut-off, 人次 = checked in + walk-ins, 家次 = per-event distinct enterprises;
* 需求 received by `received_on`, closed by `closed_at` in Guangzhou days, finished statuses.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, text

from app.domain.figure_rules import FINISHED_STATUSES, SATISFIED_SCORES, SCORES
from app.domain.periods import Period, month_period


@dataclass(frozen=True)
class StationFigures:
    station_id: uuid.UUID
    enterprises_served: int
    service_records: int
    events_held: int
    attendees_people: int  # 人次
    attendee_enterprises: int  # 家次
    demands_received: int
    demands_closed: int
    rated: int
    satisfied: int
    score_total: int

    @property
    def average(self) -> float | None:
        return self.score_total / self.rated if self.rated else None

    @property
    def satisfied_share(self) -> float | None:
        return self.satisfied / self.rated if self.rated else None

    @classmethod
    def zero(cls, station_id: uuid.UUID) -> StationFigures:
        return cls(station_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)


# SQL sums over rm_month built from the shared definitions
RATED = " + ".join(f"score_{s}" for s in SCORES)
SATISFIED = " + ".join(f"score_{s}" for s in SATISFIED_SCORES)
SCORE_TOTAL = " + ".join(f"{s} * score_{s}" for s in SCORES)
_MONTHS = f"""SELECT station_id, sum(records), sum({RATED}), sum({SATISFIED}), sum({SCORE_TOTAL})
    FROM rm_month WHERE month >= :start AND month < :end {{only}} GROUP BY station_id"""
_SERVED = "SELECT station_id, served FROM rm_served_period WHERE period = :key {only}"
_SERVED_ANY = """SELECT station_id, count(DISTINCT enterprise_id) FROM rm_served
    WHERE month >= :start AND month < :end {only} GROUP BY station_id"""
# held = started by the cut-off; 人次 = checked in + walk-ins (figure_rules.people)
_EVENTS = """SELECT station_id, count(*), sum(checked_in + walk_in), sum(enterprises) FROM rm_event
    WHERE starts_at >= :ustart AND starts_at < :uend AND starts_at <= :cutoff {only} GROUP BY station_id"""
_DEMANDS = """SELECT station_id,
        count(*) FILTER (WHERE received_on >= :start AND received_on < :end),
        count(*) FILTER (WHERE status = ANY(:finished) AND closed_at >= :ustart AND closed_at < :uend)
    FROM rm_demand WHERE ((received_on >= :start AND received_on < :end) OR (closed_at >= :ustart AND closed_at < :uend))
    {only} GROUP BY station_id"""


def _params(period: Period, at: datetime | None) -> dict[str, Any]:
    ustart, uend = period.utc_range()
    return {"start": period.start, "end": period.end, "ustart": ustart, "uend": uend, "key": period.key,
            "cutoff": at or datetime.now(UTC), "finished": list(FINISHED_STATUSES)}


def _is_month_aligned(period: Period) -> bool:
    return period.start.day == 1 and period.end.day == 1


def station_figures(
    conn: Connection, period: Period, station_ids: Sequence[uuid.UUID] | None = None, *, at: datetime | None = None
) -> dict[uuid.UUID, StationFigures]:
    """Figures of each station (all stations with an account, or `station_ids`) for `period`;
    events count as held when they started by `at` (default: now)."""
    if not _is_month_aligned(period):
        raise ValueError(f"period {period.key} does not start and end on the 1st")
    params = _params(period, at)
    if station_ids is None:
        ids = list(conn.execute(text("SELECT station_id FROM station_account ORDER BY code")).scalars())
        only = ""
    else:
        ids = list(dict.fromkeys(station_ids))
        params["ids"] = ids
        only = "AND station_id = ANY(:ids)"
    values: dict[uuid.UUID, dict[str, int]] = {sid: {} for sid in ids}

    def put(sql: str, names: tuple[str, ...]) -> None:
        for sid, *row in conn.execute(text(sql.format(only=only)), params):
            if sid in values:
                values[sid].update({n: int(v or 0) for n, v in zip(names, row, strict=True)})

    put(_MONTHS, ("service_records", "rated", "satisfied", "score_total"))
    has_key = period.kind in ("month", "quarter", "year")
    put(_SERVED if has_key else _SERVED_ANY, ("enterprises_served",))
    put(_EVENTS, ("events_held", "attendees_people", "attendee_enterprises"))
    put(_DEMANDS, ("demands_received", "demands_closed"))
    return {sid: _figures(sid, v) for sid, v in values.items()}


def _figures(station_id: uuid.UUID, v: dict[str, int]) -> StationFigures:
    zero = StationFigures.zero(station_id)
    return StationFigures(**{**zero.__dict__, **v})


_BY_MONTH_RECORDS = f"""SELECT extract(month FROM month)::int, records, {RATED}, {SATISFIED}, {SCORE_TOTAL}
    FROM rm_month WHERE station_id = :sid AND month >= :start AND month < :end"""
_BY_MONTH_SERVED = "SELECT period, served FROM rm_served_period WHERE station_id = :sid AND period = ANY(:keys)"
# the months' edges as Guangzhou midnights (app.domain.periods), one row per month
_EDGES = "unnest(CAST(:ns AS int[]), CAST(:ss AS date[]), CAST(:es AS date[]), CAST(:us AS timestamptz[]), CAST(:ue AS timestamptz[])) AS m(n, s, e, us, ue)"
_BY_MONTH_EVENTS = f"""SELECT m.n, count(v.id), coalesce(sum(v.checked_in + v.walk_in), 0), coalesce(sum(v.enterprises), 0)
    FROM {_EDGES} LEFT JOIN rm_event v ON v.station_id = :sid AND v.starts_at >= m.us AND v.starts_at < m.ue
    AND v.starts_at <= :cutoff GROUP BY m.n"""
_BY_MONTH_DEMANDS = f"""SELECT m.n,
        (SELECT count(*) FROM rm_demand d WHERE d.station_id = :sid AND d.received_on >= m.s AND d.received_on < m.e),
        (SELECT count(*) FROM rm_demand d WHERE d.station_id = :sid AND d.status = ANY(:finished)
            AND d.closed_at >= m.us AND d.closed_at < m.ue)
    FROM {_EDGES}"""


def monthly_figures(conn: Connection, station_id: uuid.UUID, year: int, *, at: datetime | None = None) -> list[tuple[int, StationFigures]]:
    """(month 1–12, that month's figures) for one station: four grouped reads, not twelve."""
    months = [month_period(year, n) for n in range(1, 13)]
    edges = [p.utc_range() for p in months]
    params: dict[str, Any] = {
        "sid": station_id, "start": months[0].start, "end": months[-1].end, "keys": [p.key for p in months],
        "ns": list(range(1, 13)), "ss": [p.start for p in months], "es": [p.end for p in months],
        "us": [u for u, _ in edges], "ue": [u for _, u in edges],
        "cutoff": at or datetime.now(UTC), "finished": list(FINISHED_STATUSES),
    }
    values: dict[int, dict[str, int]] = {n: {} for n in range(1, 13)}

    def put(sql: str, names: tuple[str, ...], key: Any = int) -> None:
        for first, *row in conn.execute(text(sql), params):
            values[key(first)].update({name: int(v or 0) for name, v in zip(names, row, strict=True)})

    put(_BY_MONTH_RECORDS, ("service_records", "rated", "satisfied", "score_total"))
    put(_BY_MONTH_SERVED, ("enterprises_served",), key=lambda k: int(k[5:7]))
    put(_BY_MONTH_EVENTS, ("events_held", "attendees_people", "attendee_enterprises"))
    put(_BY_MONTH_DEMANDS, ("demands_received", "demands_closed"))
    return [(n, _figures(station_id, values[n])) for n in range(1, 13)]
