"""Every figure of the city-wide reports recomputed independently: plain SQL over the replicated
rows (replica_row's JSON), Guangzhou dates by PostgreSQL's own time-zone rules, written without
the code under test.  Each function returns plain dicts shaped like `annual_shape`/`key_info_shape`."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, text

from app.hq.cityreport.model import AnnualCityReport, Figures, KeyInfoReport

LOCAL = "AT TIME ZONE 'Asia/Shanghai'"
FIELDS = ["enterprises_served", "service_records", "events_held", "attendees_people", "attendee_enterprises",
          "demands_received", "demands_closed", "rated", "satisfied", "score_total"]


def _utc(conn: Connection) -> None:
    conn.execute(text("SET LOCAL TIME ZONE 'UTC'"))  # naive wire timestamps are UTC


def _station_figures_sql(where_station: str) -> str:
    rec = (f"FROM replica_row r WHERE r.tbl = 'service_record' AND r.deleted = false AND {where_station.format(a='r')}"
           " AND (r.data->>'service_date')::date BETWEEN :first AND :last")
    ev = (f"FROM replica_row e WHERE e.tbl = 'event' AND e.deleted = false AND {where_station.format(a='e')}"
          f" AND ((e.data->>'starts_at')::timestamptz {LOCAL})::date BETWEEN :first AND :last"
          " AND (e.data->>'starts_at')::timestamptz <= :cutoff")
    came = ("FROM replica_row a WHERE a.tbl = 'event_attendance' AND a.deleted = false"
            " AND a.data->>'event_id' = e.id::text AND a.data->>'checked_in_at' IS NOT NULL")
    dem = f"FROM replica_row d WHERE d.tbl = 'demand' AND d.deleted = false AND {where_station.format(a='d')}"
    return f"""SELECT
      (SELECT count(DISTINCT r.data->>'enterprise_id') {rec}),
      (SELECT count(*) {rec}),
      (SELECT count(*) {ev}),
      (SELECT coalesce(sum(coalesce((e.data->>'walk_in_count')::int, 0) + (SELECT count(*) {came})), 0) {ev}),
      (SELECT coalesce(sum((SELECT count(DISTINCT a.data->>'enterprise_id') {came})), 0) {ev}),
      (SELECT count(*) {dem} AND (d.data->>'received_on')::date BETWEEN :first AND :last),
      (SELECT count(*) {dem} AND d.data->>'status' IN ('closed', 'followed_up')
         AND ((d.data->>'closed_at')::timestamptz {LOCAL})::date BETWEEN :first AND :last),
      (SELECT count(r.data->'satisfaction') FILTER (WHERE jsonb_typeof(r.data->'satisfaction') = 'number') {rec}),
      (SELECT count(*) FILTER (WHERE (r.data->>'satisfaction')::int IN (4, 5)) {rec}),
      (SELECT coalesce(sum((r.data->>'satisfaction')::int), 0) {rec})"""


def _figures(conn: Connection, where_station: str, params: dict[str, Any]) -> dict[str, int]:
    row = conn.execute(text(_station_figures_sql(where_station)), params).one()
    return {k: int(v) for k, v in zip(FIELDS, row, strict=True)}


def _stations(conn: Connection) -> list[tuple[Any, str, str]]:
    return [tuple(r) for r in conn.execute(text(
        "SELECT id, data->>'code', data->>'district' FROM replica_row WHERE tbl = 'station'")).all()]


def _local_date(at: str | None) -> date | None:
    return datetime.fromisoformat(at).astimezone(_CHINA).date() if at else None  # naive: never sent here


_CHINA = datetime.fromisoformat("2000-01-01T00:00:00+08:00").tzinfo


def annual_oracle(conn: Connection, year: int, cutoff: datetime) -> dict[str, Any]:
    _utc(conn)
    params = {"first": date(year, 1, 1), "last": date(year, 12, 31), "cutoff": cutoff}
    on = min(cutoff.astimezone(_CHINA).date(), date(year, 12, 31))  # type: ignore[arg-type]
    today = cutoff.astimezone(_CHINA).date()  # type: ignore[arg-type]
    stations = _stations(conn)
    out: dict[str, Any] = {"stations": {}, "districts": {}}
    for sid, code, district in stations:
        figures = _figures(conn, f"{{a}}.station_id = '{sid}'", params)
        out["stations"][code] = {**figures, **_compliance(conn, sid, year, on, today)}
        d = out["districts"].setdefault(district, {k: 0 for k in FIELDS} | {"stations": 0})
        d["stations"] += 1
        for k in FIELDS:
            d[k] += figures[k]
    for district in out["districts"]:
        out["districts"][district]["enterprises_served"] = int(conn.execute(text(
            "SELECT count(DISTINCT r.data->>'enterprise_id') FROM replica_row r WHERE r.tbl = 'service_record'"
            " AND NOT r.deleted AND (r.data->>'service_date')::date BETWEEN :first AND :last AND r.station_id IN"
            " (SELECT id FROM replica_row WHERE tbl = 'station' AND data->>'district' = :d)"), {**params, "d": district}
        ).scalar_one())
    out["total"] = _figures(conn, "{a}.station_id IN (SELECT id FROM replica_row WHERE tbl = 'station')", params)
    summaries = conn.execute(text(
        "SELECT data->>'code' FROM replica_row WHERE tbl = 'station' AND id IN (SELECT station_id FROM replica_row"
        " WHERE tbl = 'annual_report' AND NOT deleted AND data->>'kind' = 'summary' AND (data->>'year')::int = :y"
        " AND data->>'status' IN ('submitted', 'accepted'))"), {"y": year}).scalars().all()
    out["summaries_submitted"] = len(summaries)
    plans = conn.execute(text(
        "SELECT data->'targets', data->'planned_events' FROM replica_row WHERE tbl = 'annual_report' AND NOT deleted"
        " AND data->>'kind' = 'plan' AND (data->>'year')::int = :y AND data->>'status' IN ('submitted', 'accepted')"),
        {"y": year + 1}).all()
    targets: dict[str, list[float]] = {}
    by_month = [0] * 12
    for t, events in plans:
        for k, v in (t or {}).items():
            targets.setdefault(k, []).append(float(v))
        for e in events or []:
            by_month[e["month"] - 1] += 1
    out["plan"] = {"submitted": len(plans), "events_by_month": by_month,
                   "targets": {k: (sum(v) / len(v) if k == "satisfied_share" else sum(v)) for k, v in targets.items()}}
    return out


def _compliance(conn: Connection, sid: Any, year: int, on: date, today: date) -> dict[str, Any]:
    staff = conn.execute(text(
        "SELECT data FROM replica_row WHERE tbl = 'staff_member' AND NOT deleted AND station_id = :s"), {"s": sid}
    ).scalars().all()
    full_time = sum(1 for s in staff if s.get("full_time", True)
                    and (s.get("start_date") is None or date.fromisoformat(s["start_date"]) <= on)
                    and (s.get("end_date") is None or date.fromisoformat(s["end_date"]) >= on))
    profile = conn.execute(text("SELECT data FROM replica_row WHERE tbl = 'station' AND id = :s"), {"s": sid}).scalar_one()
    signage = profile.get("signage_hung_on")
    rules = profile.get("work_rules_filed_on")
    reports = conn.execute(text(
        "SELECT data FROM replica_row WHERE tbl IN ('annual_report', 'info_report') AND NOT deleted AND station_id = :s"),
        {"s": sid}).scalars().all()

    def handed_in_by(r: dict[str, Any], due: date) -> bool:
        at = _local_date(r.get("submitted_at"))
        return r.get("status") in ("submitted", "accepted") and at is not None and at <= due

    annual_due = date(year + 1, 1, 31)  # summary of Y and plan for Y + 1: 31 January
    summary = [r for r in reports if r.get("kind") == "summary" and r.get("year") == year]
    plan = [r for r in reports if r.get("kind") == "plan" and r.get("year") == year + 1]
    info = {r["period"]: r for r in reports if "period" in r}
    due_quarters = on_time = 0
    for q, due in enumerate((date(year, 4, 10), date(year, 7, 10), date(year, 10, 10), date(year + 1, 1, 10)), 1):
        if due > today:
            continue
        due_quarters += 1
        own = info.get(f"{year}-Q{q}")  # quarterly reports only: the convention's cadence
        if own and handed_in_by(own, due):
            on_time += 1
    return {
        "full_time_staff": full_time,
        "signage": signage is not None and date.fromisoformat(signage) <= on,
        "work_rules": rules is not None and date.fromisoformat(rules) <= on,
        "summary_on_time": bool(summary) and handed_in_by(summary[0], annual_due),
        "plan_on_time": bool(plan) and handed_in_by(plan[0], annual_due),
        "info_due": due_quarters,
        "info_on_time": on_time,
    }


def _fig(f: Figures) -> dict[str, int]:
    return {k: getattr(f, k) for k in FIELDS}


def annual_shape(r: AnnualCityReport) -> dict[str, Any]:
    """The report in the oracle's shape."""
    stations = {}
    for s in r.stations:
        c = s.compliance
        stations[s.code] = {**_fig(s.figures), "full_time_staff": c.full_time_staff,
                            "signage": c.signage_hung_on is not None, "work_rules": c.work_rules_filed_on is not None,
                            "summary_on_time": c.summary_on_time, "plan_on_time": c.plan_on_time,
                            "info_due": c.info_due, "info_on_time": c.info_on_time}
    return {
        "stations": stations,
        "districts": {d.district: {**_fig(d.figures), "stations": d.stations} for d in r.districts},
        "total": _fig(r.total),
        "summaries_submitted": r.summaries_submitted,
        "plan": {"submitted": r.plan.submitted, "events_by_month": r.plan.events_by_month, "targets": r.plan.targets},
    }


def key_info_oracle(conn: Connection, first: date, last: date, cutoff: datetime) -> dict[str, Any]:
    """By industry section, district and size of the enterprise: distinct served, records, and the
    demands received (finished now, overdue at the cut-off); the top enterprises; demand categories."""
    _utc(conn)
    today = cutoff.astimezone(_CHINA).date()  # type: ignore[arg-type]
    params = {"first": first, "last": last, "today": today}
    attrs = {"section": "industry_section", "district": "district", "size": "size"}
    out: dict[str, Any] = {}
    for name, attr in attrs.items():
        got: dict[str, list[int]] = {}
        for key, served, records in conn.execute(text(
            f"SELECT coalesce(e.data->>'{attr}', ''), count(DISTINCT r.data->>'enterprise_id'), count(*)"
            " FROM replica_row r LEFT JOIN replica_row e ON e.tbl = 'enterprise' AND e.id::text = r.data->>'enterprise_id'"
            " WHERE r.tbl = 'service_record' AND r.deleted = false"
            " AND (r.data->>'service_date')::date BETWEEN :first AND :last GROUP BY 1"), params):
            got[key] = [int(served), int(records), 0, 0, 0]
        for key, received, finished, overdue in conn.execute(text(
            f"SELECT coalesce(e.data->>'{attr}', ''), count(*),"
            " count(*) FILTER (WHERE d.data->>'status' IN ('closed', 'followed_up')),"
            " count(*) FILTER (WHERE d.data->>'status' IN ('accepted', 'dispatched', 'handling', 'replied')"
            "   AND (d.data->>'due_on')::date < :today)"
            " FROM replica_row d LEFT JOIN replica_row e ON e.tbl = 'enterprise' AND e.id::text = d.data->>'enterprise_id'"
            " WHERE d.tbl = 'demand' AND d.deleted = false"
            " AND (d.data->>'received_on')::date BETWEEN :first AND :last GROUP BY 1"), params):
            got.setdefault(key, [0, 0, 0, 0, 0])[2:] = [int(received), int(finished), int(overdue)]
        out[name] = got
    out["total"] = [sum(v[i] for v in out["size"].values()) for i in range(5)]
    out["total"][0] = int(conn.execute(text(
        "SELECT count(DISTINCT data->>'enterprise_id') FROM replica_row WHERE tbl = 'service_record' AND NOT deleted"
        " AND (data->>'service_date')::date BETWEEN :first AND :last"), params).scalar_one())
    counts = conn.execute(text(
        "SELECT r.data->>'enterprise_id', count(*), count(DISTINCT r.station_id) FROM replica_row r"
        " WHERE r.tbl = 'service_record' AND NOT r.deleted AND (r.data->>'service_date')::date BETWEEN :first AND :last"
        " GROUP BY 1"), params).all()
    out.update(_top(sorted(((int(n), int(s)) for _, n, s in counts), reverse=True)[:20]))
    out["categories"] = {c: [int(n), int(f), int(o)] for c, n, f, o in conn.execute(text(
        "SELECT data->>'category', count(*), count(*) FILTER (WHERE data->>'status' IN ('closed', 'followed_up')),"
        " count(*) FILTER (WHERE data->>'status' NOT IN ('closed', 'followed_up') AND (data->>'due_on')::date < :today)"
        " FROM replica_row WHERE tbl = 'demand' AND NOT deleted AND (data->>'received_on')::date BETWEEN :first AND :last"
        " GROUP BY 1"), params)}
    return out


def key_info_shape(r: KeyInfoReport) -> dict[str, Any]:
    def table(lines: list[Any]) -> dict[str, list[int]]:
        return {b.key: [b.enterprises_served, b.service_records, b.demands_received, b.demands_finished,
                        b.demands_overdue] for b in lines}

    t = r.total
    return {
        "section": table(r.by_industry), "district": table(r.by_district), "size": table(r.by_size),
        "total": [t.enterprises_served, t.service_records, t.demands_received, t.demands_finished, t.demands_overdue],
        **_top(sorted(((k.service_records, k.stations) for k in r.key_enterprises), reverse=True)),
        "categories": {c.category: [c.received, c.finished, c.overdue] for c in r.demand_categories},
    }


def _top(pairs: list[tuple[int, int]]) -> dict[str, Any]:
    """The 20 most served: their record counts, and the stations serving those above the 20th's
    count (at the boundary, which of equally served enterprises is listed is the report's choice)."""
    boundary = pairs[19][0] if len(pairs) >= 20 else -1
    return {"top_counts": [n for n, _ in pairs], "top_stations": [p for p in pairs if p[0] > boundary]}
