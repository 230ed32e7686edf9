"""What the stations wrote: highlights from the submitted summaries, next year's plan from the
submitted plans (annual_report rows; keys in app.domain.report_sections)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Connection, text

from app.domain.report_sections import PLAN_INDICATORS, PLAN_SECTIONS
from app.hq.cityreport.deadlines import HANDED_IN
from app.hq.cityreport.model import Excerpt, PlanDigest, PlanLine, PlannedEvent
from app.hq.cityreport.network import Station

EXCERPT = 600  # characters of a station's section in the city-wide report
SUMMARY_KEYS = ("highlights", "work_done")
MEAN_INDICATORS = frozenset({"satisfied_share"})  # a share is averaged over the plans, not summed
MAX_PLANNED_EVENTS = 200  # per station, as printed


def shorten(value: Any, limit: int = EXCERPT) -> str:
    text_ = value.strip() if isinstance(value, str) else ""
    return text_ if len(text_) <= limit else text_[: limit - 1] + "…"


def _handed_in(conn: Connection, kind: str, year: int) -> list[tuple[uuid.UUID, str, dict[str, Any]]]:
    rows = conn.execute(text(  # the read model finds them, the replicated row has the text
        "SELECT m.station_id, m.status, r.data FROM rm_report m"
        " JOIN replica_row r ON r.tbl = 'annual_report' AND r.id = m.id AND NOT r.deleted"
        " WHERE m.kind = :k AND m.period = :y"
    ), {"k": kind, "y": str(year)}).all()
    return [(sid, status, data) for sid, status, data in rows if status in HANDED_IN]


def _excerpt(s: Station, narrative: Any, keys: tuple[str, ...]) -> Excerpt:
    narrative = narrative if isinstance(narrative, dict) else {}
    return Excerpt(s.code, s.name, s.district, {k: shorten(narrative.get(k)) for k in keys if shorten(narrative.get(k))})


def highlights(conn: Connection, year: int, stations: dict[uuid.UUID, Station]) -> list[Excerpt]:
    """The highlights and work done of every submitted summary of `year`, station order."""
    found = [_excerpt(stations[sid], data.get("narrative"), SUMMARY_KEYS)
             for sid, _, data in _handed_in(conn, "summary", year) if sid in stations]
    return sorted(found, key=lambda e: (e.district, e.code))


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _planned(s: Station, events: Any) -> list[PlannedEvent]:
    found = []
    for e in events if isinstance(events, list) else []:
        month = e.get("month") if isinstance(e, dict) else None
        if isinstance(month, int) and not isinstance(month, bool) and 1 <= month <= 12:
            found.append(PlannedEvent(s.code, s.name, month, str(e.get("event_type") or ""),
                                      shorten(e.get("title"), 200), str(e.get("theme") or "")))
    return found[:MAX_PLANNED_EVENTS]


def plan_digest(conn: Connection, year: int, stations: dict[uuid.UUID, Station]) -> PlanDigest:
    """The submitted plans for `year`: targets summed (shares averaged), planned events by month."""
    lines: list[PlanLine] = []
    events: list[PlannedEvent] = []
    texts: list[Excerpt] = []
    for sid, status, data in _handed_in(conn, "plan", year):
        s = stations.get(sid)
        if s is None:
            continue
        raw: dict[str, Any] = data["targets"] if isinstance(data.get("targets"), dict) else {}
        targets = {k: v for k in PLAN_INDICATORS if (v := _number(raw.get(k))) is not None}
        mine = _planned(s, data.get("planned_events"))
        lines.append(PlanLine(s.code, s.name, s.district, status, targets, len(mine)))
        events.extend(mine)
        texts.append(_excerpt(s, data.get("narrative"), tuple(PLAN_SECTIONS)))
    totals: dict[str, float] = {}
    for key in PLAN_INDICATORS:
        values = [line.targets[key] for line in lines if key in line.targets]
        if values:
            totals[key] = sum(values) / len(values) if key in MEAN_INDICATORS else sum(values)
    by_month = [sum(1 for e in events if e.month == m) for m in range(1, 13)]
    order = sorted(lines, key=lambda x: (x.district, x.code))
    return PlanDigest(year, len(lines), totals, order, by_month, sorted(events, key=lambda e: (e.month, e.code)),
                      sorted(texts, key=lambda e: (e.district, e.code)))
