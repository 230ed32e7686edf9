"""The network page's answers as plain JSON (dates ISO, instants ISO with offset); the HQ
desk (app.hqdesk.network) reads them back into its own dataclasses."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime
from typing import Any

from app.hq.readmodel.network import DistrictRow, NetworkRow, StationDetail
from app.hq.readmodel.query import StationFigures
from app.hq.readmodel.reports_due import KIND_LABELS, STATUS_LABELS


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def figures_json(f: StationFigures) -> dict[str, Any]:
    return {k: v for k, v in asdict(f).items() if k != "station_id"}


def row_json(r: NetworkRow) -> dict[str, Any]:
    return {
        "station_id": str(r.station_id), "code": r.code, "name": r.name, "district": r.district,
        "host_organisation": r.host_organisation, "status": r.status, "status_label": r.status_label,
        "enrolled": r.enrolled, "last_sync": _iso(r.last_sync),
        "full_time_staff": r.full_time_staff, "staff_on_roll": r.staff_on_roll, "staff_rule_met": r.staff_rule_met,
        "signage_hung_on": _iso(r.signage_hung_on), "work_rules_filed_on": _iso(r.work_rules_filed_on),
        "reports": asdict(r.reports), "figures": figures_json(r.figures),
        "demands_open": r.demands_open, "demands_overdue": r.demands_overdue,
    }


def district_json(d: DistrictRow) -> dict[str, Any]:
    return asdict(d)


def detail_json(d: StationDetail) -> dict[str, Any]:
    return {
        "row": row_json(d.row), "year": d.year,
        "staff": [{"name": s.name, "role": s.role, "full_time": s.full_time, "start_date": _iso(s.start_date),
                   "end_date": _iso(s.end_date), "on_staff": s.on_staff} for s in d.staff],
        "months": [{"month": m, **figures_json(f)} for m, f in d.months],
        "events": [{"title": e.title, "event_type": e.event_type, "starts_at": _iso(e.starts_at), "held": e.held,
                    "registered": e.registered, "checked_in": e.checked_in, "walk_in": e.walk_in,
                    "people": e.people, "enterprises": e.enterprises} for e in d.events],
        "obligations": [{"kind": o.kind, "period": o.period, "label": o.label, "due_on": _iso(o.due_on),
                         "status": o.status, "status_label": STATUS_LABELS.get(o.status, "未报送"),
                         "submitted_on": _iso(o.submitted_on), "done": o.done, "due": o.is_due(d.today),
                         "late": o.is_late(d.today)} for o in d.obligations],
        "reports": [{"kind": r.kind, "kind_label": KIND_LABELS.get(r.kind, r.kind), "period": r.period,
                     "status": r.status, "status_label": STATUS_LABELS.get(r.status, r.status),
                     "submitted_at": _iso(r.submitted_at)} for r in d.reports],
        "conflicts": [{"at": c.at, "tbl": c.tbl, "row_id": str(c.row_id), "field": c.field_label,
                       "losing_value": c.losing_value, "winning_value": c.winning_value, "loser": c.loser,
                       "winner": c.winner} for c in d.conflicts],
        "rejected": [{"at": w.at, "tbl": w.tbl, "row_id": str(w.row_id) if w.row_id else None, "reason": w.reason,
                      "message": w.message} for w in d.rejected],
    }
