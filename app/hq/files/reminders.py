"""督促: which stations owe which report (due dates: app.domain.report_deadlines).

A report is handed in when HQ holds it submitted or accepted; a returned one is owed again
(the station must correct and resubmit it), a draft is owed.  A station owes a report only
when it was registered at HQ before the report's period ended and not after its due day
(a station that joins in December owes neither last January's plan nor the summary of a
year it was not in); a revoked station owes nothing.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, text

from app.domain import report_deadlines as deadlines

HANDED_IN = ("submitted", "accepted")
STATES = {"missing": "未提交", "draft": "草稿未提交", "returned": "已退回待重交"}


@dataclass(frozen=True)
class OwedReport:
    station_code: str
    station_name: str
    district: str
    kind: str
    key: str
    label: str
    due: str  # ISO day (China time)
    days_late: int  # > 0: late by that many days; <= 0: due in -days_late days
    state: str  # missing / draft / returned

    @property
    def state_label(self) -> str:
        return STATES[self.state]

    def to_json(self) -> dict[str, Any]:
        return asdict(self) | {"state_label": self.state_label}


def owed_reports(conn: Connection, today: date, *, since: date | None = None, district: str | None = None) -> list[OwedReport]:
    """Reports due from `since` (default: 1 January of last year) to `today` plus
    REMIND_AHEAD_DAYS that are not handed in, most overdue first."""
    since = since or date(today.year - 1, 1, 1)
    due = deadlines.obligations(since, today + timedelta(days=deadlines.REMIND_AHEAD_DAYS))
    stations = conn.execute(text(
        "SELECT station_id, code, name, district, created_at FROM station_account WHERE status = 'active' "
        "AND (CAST(:d AS text) IS NULL OR district = :d) ORDER BY code"), {"d": district}).all()
    states = _report_states(conn)
    owed: list[OwedReport] = []
    for st in stations:
        registered = deadlines.china_day(st.created_at)
        mine = states.get(st.station_id, {})
        for ob in due:
            if ob.period.end <= registered or ob.due < registered:  # over, or due, before the station joined
                continue
            state = _owed_state(ob, mine)
            if state is not None:
                owed.append(OwedReport(st.code, st.name, st.district, ob.kind, ob.key, ob.label, ob.due.isoformat(),
                                       ob.days_late(today), state))
    return sorted(owed, key=lambda o: (-o.days_late, o.station_code, o.due, o.kind))


def _owed_state(ob: deadlines.Obligation, mine: dict[tuple[str, str], str]) -> str | None:
    """None when handed in, else why it is owed."""
    if ob.kind == "info":
        handed = {key for (kind, key), status in mine.items() if kind == "info" and status in HANDED_IN}
        if deadlines.info_covered(ob.period, handed):
            return None
        found = [mine.get(("info", k)) for k in (ob.key, *deadlines.quarter_months(ob.period))]
    else:
        found = [mine.get((ob.kind, ob.key))]
        if found[0] in HANDED_IN:
            return None
    if "returned" in found:
        return "returned"
    return "draft" if "draft" in found else "missing"


def _report_states(conn: Connection) -> dict[Any, dict[tuple[str, str], str]]:
    """station id → {(kind, key): status} of every live report HQ holds."""
    rows = conn.execute(text(
        "SELECT station_id, tbl, data->>'kind' AS kind, coalesce(data->>'year', data->>'period') AS key, "
        "data->>'status' AS status FROM replica_row WHERE tbl IN ('annual_report', 'info_report') AND NOT deleted"))
    states: dict[Any, dict[tuple[str, str], str]] = {}
    for r in rows:
        kind = r.kind if r.tbl == "annual_report" else "info"
        states.setdefault(r.station_id, {})[(str(kind), str(r.key))] = str(r.status)
    return states
