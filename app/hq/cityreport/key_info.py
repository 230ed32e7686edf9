"""重点信息报送: key industries, key enterprises and demands of a month or quarter, network-wide.

Enterprises are described by their shared library row (industry section, district, size; ""
when not filled in); served and demand figures follow app.services.reporting.figures: live
service records dated in the period, live demands received in it, 办结 and 超期 as of the cut-off.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, text

from app.domain.catalogue import SERVICE_CATEGORIES
from app.domain.periods import CHINA_TIME, Period, parse_period
from app.hq.cityreport import deadlines, network, texts
from app.hq.cityreport.model import Breakdown, DemandCategory, Excerpt, KeyEnterprise, KeyInfoReport
from app.hq.cityreport.sql import FINISHED, OPEN
from app.hq.clock import utc_now

TOP = 20
NOTE_KEYS = ("key_industries", "key_enterprises", "demands")
# bits of grouping(sec, dist, size): 1 = size rolled up, 2 = district, 4 = section
BY_SECTION, BY_DISTRICT, BY_SIZE, ALL = 3, 5, 6, 7

_ENT = ("SELECT id AS eid, coalesce(data->>'industry_section', '') AS sec, coalesce(data->>'district', '') AS dist,"
        " coalesce(data->>'size', '') AS size, coalesce(data->>'name', '') AS name FROM replica_row WHERE tbl = 'enterprise'")
# live service records by station, month and enterprise: the read model rm_served (migration 0004)
_REC = "SELECT station_id, enterprise_id AS eid, records FROM rm_served WHERE month >= :first AND month < :after"
_DEM = ("SELECT rm_uuid(data->>'enterprise_id') AS eid, coalesce(data->>'category', '') AS category,"
        f" (data->>'status' IN ({FINISHED})) AS finished,"
        f" (coalesce(data->>'status', 'accepted') IN ({OPEN}) AND rm_day(data->>'due_on') < :today) AS overdue"
        " FROM replica_row WHERE tbl = 'demand' AND NOT deleted"
        " AND rm_day(data->>'received_on') >= :first AND rm_day(data->>'received_on') < :after")
_GROUPED = """
SELECT grouping(x.sec, x.dist, x.size), x.sec, x.dist, x.size, {values}
FROM (SELECT t.*, coalesce(e.sec, '') AS sec, coalesce(e.dist, '') AS dist, coalesce(e.size, '') AS size
      FROM ({rows}) t LEFT JOIN ({ent}) e ON e.eid = t.eid) x
GROUP BY GROUPING SETS ((x.sec), (x.dist), (x.size), ())"""
_TOP = f"""
WITH rec AS ({_REC}), dem AS ({_DEM}),
top AS (SELECT eid, sum(records) AS n, count(DISTINCT station_id) AS stations FROM rec GROUP BY eid)
SELECT coalesce(e.name, ''), coalesce(e.sec, ''), coalesce(e.dist, ''), coalesce(e.size, ''), top.n, top.stations,
       (SELECT count(*) FROM dem WHERE dem.eid = top.eid)
FROM top LEFT JOIN ({_ENT}) e ON e.eid = top.eid
ORDER BY top.n DESC, 1, top.eid LIMIT :top"""
_CATEGORIES = f"""
SELECT category, count(*), count(*) FILTER (WHERE finished), count(*) FILTER (WHERE overdue)
FROM ({_DEM}) d GROUP BY category ORDER BY count(*) DESC, category"""


def key_info_report(conn: Connection, period_text: str | None, now: datetime | None = None) -> KeyInfoReport:
    """ValidationError (field "period", with the format hint) unless "2026-09" or "2026-Q3"."""
    period = parse_period(period_text)
    cutoff = (now or utc_now()).astimezone(CHINA_TIME)
    params: dict[str, Any] = {"first": period.start, "after": period.end,
                              "today": cutoff.date(), "top": TOP}
    found: dict[int, dict[str, list[int]]] = {BY_SECTION: {}, BY_DISTRICT: {}, BY_SIZE: {}, ALL: {}}

    def collect(rows_sql: str, values: str, offset: int, width: int) -> None:
        statement = _GROUPED.format(values=values, rows=rows_sql, ent=_ENT)
        for g, sec, dist, size, *counts in conn.execute(text(statement), params):
            key = {BY_SECTION: sec, BY_DISTRICT: dist, BY_SIZE: size, ALL: ""}[g]
            line = found[g].setdefault(key, [0] * 5)
            line[offset : offset + width] = [int(c or 0) for c in counts]

    collect(_REC, "count(DISTINCT x.eid), sum(x.records)", 0, 2)
    collect(_DEM, "count(*), count(*) FILTER (WHERE x.finished), count(*) FILTER (WHERE x.overdue)", 2, 3)

    def lines(g: int) -> list[Breakdown]:
        items = [Breakdown(k, *v) for k, v in found[g].items()]
        return sorted(items, key=lambda b: (-b.enterprises_served, -b.service_records, -b.demands_received, b.key))

    total = Breakdown("", *found[ALL].get("", [0] * 5))
    top = [KeyEnterprise(n, s, d, z, int(r), int(st), int(dm)) for n, s, d, z, r, st, dm in conn.execute(text(_TOP), params)]
    categories = [DemandCategory(c, int(n), int(f), int(o)) for c, n, f, o in conn.execute(text(_CATEGORIES), params)]
    stations = network.stations(conn)
    reporting, notes = _submissions(conn, period, stations)
    return KeyInfoReport(period.key, period.label, period.span, cutoff, total, lines(BY_SECTION), lines(BY_DISTRICT),
                         lines(BY_SIZE), top, categories, len(stations), reporting, notes, category_labels(conn))


def category_labels(conn: Connection) -> dict[str, str]:
    """Service categories (the demands' too): the defaults, then HQ's published pick list."""
    labels = dict(SERVICE_CATEGORIES)
    rows = conn.execute(text(
        "SELECT data->>'code', data->>'label' FROM replica_row WHERE tbl = 'pick_list_item' AND NOT deleted"
        " AND station_id IS NULL AND data->>'list_name' = 'service_category'"
    )).all()
    labels.update({code: label for code, label in rows if code and label})
    return labels


def _submissions(conn: Connection, period: Period, stations: list[network.Station]) -> tuple[int, list[Excerpt]]:
    """Stations with a submitted report for the period (for a quarter: its own or a month's), and
    their text on key industries, enterprises and demands."""
    keys = [period.key, *(deadlines.months_of(period) if period.kind == "quarter" else [])]
    rows = conn.execute(text(
        "SELECT station_id, data->>'period', data->'narrative' FROM replica_row WHERE tbl = 'info_report' AND NOT deleted"
        " AND data->>'status' IN ('submitted', 'accepted') AND data->>'period' = ANY(:keys)"
    ), {"keys": keys}).all()
    by_id = {s.id: s for s in stations}
    reporting = {sid for sid, _, _ in rows if sid in by_id}
    notes = []
    for sid, key, narrative in sorted(rows, key=lambda r: (str(r[0]), keys.index(r[1]))):
        s = by_id.get(sid)
        if s is None or not isinstance(narrative, dict):
            continue
        sections = {k: texts.shorten(narrative.get(k)) for k in NOTE_KEYS if texts.shorten(narrative.get(k))}
        if sections:
            label = "" if key == period.key else f"（{key}）"
            notes.append(Excerpt(s.code, s.name + label, s.district, sections))
    return len(reporting), sorted(notes, key=lambda e: (e.district, e.code))
