"""INTERIM per-station figures over `replica_row`, with the API of app.hq.readmodel.query
(`StationFigures`, `station_figures`, `monthly_figures`) that the read-models branch builds.

Replace the import in app.hq.cityreport.figures with app.hq.readmodel.query once it is merged;
the city-wide reports only go through that module.  Definitions (app.services.reporting.figures,
mirrored; deleted rows never count):
* 服务企业 / 服务记录: live service records whose `service_date` (a Guangzhou date) is in the period.
* 活动: live events whose `starts_at` falls in the period's Guangzhou days and had started by
  `until` (held; later ones are planned); 参与人次 = live checked-in attendances + walk-ins,
  参与企业 = distinct checked-in enterprises per event, summed.
* 需求: received = `received_on` in the period; closed = 办结/回访 with `closed_at` in the period.
* 满意度: records scored (rated), scored 4–5 (satisfied), the sum of scores.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, text

from app.domain.periods import Period, month_period
from app.hq.cityreport.sql import FINISHED, SATISFIED_FROM, moment, station_filter


@dataclass(frozen=True)
class StationFigures:
    station_id: uuid.UUID
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


def _records(f: str) -> str:
    return f"""
    SELECT r.station_id, count(DISTINCT r.data->>'enterprise_id'), count(*), count(r.data->>'satisfaction'),
           count(*) FILTER (WHERE (r.data->>'satisfaction')::numeric >= {SATISFIED_FROM}),
           coalesce(sum((r.data->>'satisfaction')::numeric), 0)
    FROM replica_row r
    WHERE r.tbl = 'service_record' AND NOT r.deleted
      AND r.data->>'service_date' >= :first AND r.data->>'service_date' < :after{f}
    GROUP BY r.station_id"""


def _events(f: str) -> str:
    starts = moment("e.data->>'starts_at'")
    return f"""
    WITH ev AS (
        SELECT e.id, e.station_id, coalesce((e.data->>'walk_in_count')::int, 0) AS walk_in
        FROM replica_row e
        WHERE e.tbl = 'event' AND NOT e.deleted AND {starts} >= :start AND {starts} < :end
          AND {starts} <= :until{f}),
    came AS (
        SELECT a.data->>'event_id' AS event_id, count(*) AS people,
               count(DISTINCT a.data->>'enterprise_id') AS firms
        FROM replica_row a
        WHERE a.tbl = 'event_attendance' AND NOT a.deleted AND a.data->>'checked_in_at' IS NOT NULL
          AND a.data->>'event_id' IN (SELECT id::text FROM ev)
        GROUP BY 1)
    SELECT ev.station_id, count(*), sum(ev.walk_in + coalesce(came.people, 0)), sum(coalesce(came.firms, 0))
    FROM ev LEFT JOIN came ON came.event_id = ev.id::text
    GROUP BY ev.station_id"""


def _demands(f: str) -> str:
    closed = moment("d.data->>'closed_at'")
    return f"""
    SELECT d.station_id,
           count(*) FILTER (WHERE d.data->>'received_on' >= :first AND d.data->>'received_on' < :after),
           count(*) FILTER (WHERE d.data->>'status' IN ({FINISHED}) AND d.data->>'closed_at' IS NOT NULL
                            AND {closed} >= :start AND {closed} < :end)
    FROM replica_row d
    WHERE d.tbl = 'demand' AND NOT d.deleted{f}
    GROUP BY d.station_id"""


def station_figures(
    conn: Connection, period: Period, station_ids: Iterable[uuid.UUID] | None = None, *, until: datetime | None = None
) -> dict[uuid.UUID, StationFigures]:
    """Each station's figures for `period` (stations without any are left out); events count as
    held when they started by `until` (default: the end of the period)."""
    ids = None if station_ids is None else list(station_ids)
    start, end = period.utc_range()
    params: dict[str, Any] = {"first": period.start.isoformat(), "after": period.end.isoformat(), "start": start,
                              "end": end, "until": until or end, "ids": ids}
    found: dict[uuid.UUID, dict[str, int]] = {}

    def put(station: uuid.UUID | None, **values: Any) -> None:
        if station is not None:
            found.setdefault(station, {}).update({k: int(v or 0) for k, v in values.items()})

    for sid, served, records, rated, satisfied, score in conn.execute(text(_records(station_filter("r", ids))), params):
        put(sid, enterprises_served=served, service_records=records, rated=rated, satisfied=satisfied,
            score_total=score)
    for sid, held, people, firms in conn.execute(text(_events(station_filter("e", ids))), params):
        put(sid, events_held=held, attendees_people=people, attendee_enterprises=firms)
    for sid, received, closed in conn.execute(text(_demands(station_filter("d", ids))), params):
        put(sid, demands_received=received, demands_closed=closed)
    return {sid: StationFigures(sid, **values) for sid, values in found.items()}


def monthly_figures(conn: Connection, station_id: uuid.UUID, year: int) -> list[StationFigures]:
    """The station's figures for each month of `year` (12 entries, January first)."""
    result = []
    for month in range(1, 13):
        got = station_figures(conn, month_period(year, month), [station_id])
        result.append(got.get(station_id, StationFigures(station_id)))
    return result


def add(a: StationFigures, b: StationFigures) -> StationFigures:
    """Field-wise sum (station_id of `a`)."""
    sums = {f.name: getattr(a, f.name) + getattr(b, f.name) for f in fields(a) if f.name != "station_id"}
    return replace(a, **sums)
