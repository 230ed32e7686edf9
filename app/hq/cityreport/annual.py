"""年度服务站建设整体工作情况和下一年度服务工作计划: the data of HQ's yearly report to the bureau."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import Connection

from app.domain.periods import CHINA_TIME, year_period
from app.hq.cityreport import figures, network, texts
from app.hq.cityreport.model import AnnualCityReport, DistrictLine, Figures, StationLine
from app.hq.clock import utc_now


def annual_report(conn: Connection, year: int | None, now: datetime | None = None) -> AnnualCityReport:
    """The network's work in `year` as of `now` (the cut-off; default the clock), and the plan
    for `year + 1`.  ValidationError (field "year") for a missing or impossible year."""
    period = year_period(year)
    y = period.start.year
    cutoff = (now or utc_now()).astimezone(CHINA_TIME)
    on = min(cutoff.date(), period.last_day)
    stations = network.stations(conn)
    by_id = {s.id: s for s in stations}
    per_station = figures.by_station(conn, period, cutoff)
    compliance = network.compliance(conn, y, on, cutoff.date())
    lines = [StationLine(s.id, s.code, s.name, s.district, s.status, per_station.get(s.id, Figures()), compliance[s.id])
             for s in stations]
    served, city_served = figures.served_by_district(conn, period)
    grouped: dict[str, list[StationLine]] = defaultdict(list)
    for line in lines:
        grouped[line.district].append(line)
    districts = [
        DistrictLine(d, len(group), sum(1 for x in group if x.compliance.ok),
                     figures.summed([x.figures for x in group], served.get(d, 0)))
        for d, group in sorted(grouped.items())
    ]
    total = figures.summed([x.figures for x in lines], city_served)
    highlights = texts.highlights(conn, y, by_id)
    summaries = sum(1 for c in compliance.values() if c.summary_status in ("submitted", "accepted"))
    plan = texts.plan_digest(conn, y + 1, by_id)
    return AnnualCityReport(y, period.label, period.span, cutoff, lines, districts, total, highlights, summaries, plan)
