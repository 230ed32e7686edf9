"""How much each resident institution and expert is used, and how satisfied enterprises were.

Two sources, kept apart because they mean different things:
* service records naming the institution/expert (`ServiceRecord.institution_id` /
  `expert_id`, e.g. a referral at the desk): count, distinct enterprises, average
  satisfaction of the records that were rated (1–5);
* demands dispatched to them (`Demand.assignee_institution_id` / `assignee_expert_id`,
  the current assignee after any 改派): count, how many are finished (办结/回访), and
  the average follow-up satisfaction.
Deleted records and demands do not count.  Whole history unless `since`/`until` is given
(service date / received date, both inclusive).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session

from app.models import Demand, ServiceRecord

FINISHED = ("closed", "followed_up")


@dataclass(frozen=True)
class Usage:
    records: int = 0
    enterprises: int = 0
    record_satisfaction: float | None = None
    demands: int = 0
    demands_finished: int = 0
    demand_satisfaction: float | None = None
    rated_records: int = 0
    rated_demands: int = 0

    @property
    def satisfaction(self) -> float | None:
        """Average over every rating, records and demand follow-ups together."""
        return _combined(self.record_satisfaction, self.rated_records, self.demand_satisfaction, self.rated_demands)


def _combined(a: float | None, n: int, b: float | None, m: int) -> float | None:
    if not n and not m:
        return None
    return ((a or 0.0) * n + (b or 0.0) * m) / (n + m)


def _usage(session: Session, record_column: Any, demand_column: Any, since: date | None,
           until: date | None) -> dict[uuid.UUID, Usage]:
    records = select(
        record_column,
        func.count(),
        func.count(func.distinct(ServiceRecord.enterprise_id)),
        func.avg(ServiceRecord.satisfaction),
        func.count(ServiceRecord.satisfaction),
    ).where(record_column.is_not(None), ServiceRecord.deleted.is_(False))
    records = _within(records, ServiceRecord.service_date, since, until)
    demands = select(
        demand_column,
        func.count(),
        func.sum(case((Demand.status.in_(FINISHED), 1), else_=0)),
        func.avg(Demand.satisfaction),
        func.count(Demand.satisfaction),
    ).where(demand_column.is_not(None), Demand.deleted.is_(False))
    demands = _within(demands, Demand.received_on, since, until)
    found: dict[uuid.UUID, dict[str, Any]] = {}
    for key, count, enterprises, average, rated in session.execute(records.group_by(record_column)):
        found[key] = {"records": count, "enterprises": enterprises, "record_satisfaction": _float(average),
                      "rated_records": rated}
    for key, count, finished, average, rated in session.execute(demands.group_by(demand_column)):
        found.setdefault(key, {}).update(demands=count, demands_finished=int(finished or 0),
                                         demand_satisfaction=_float(average), rated_demands=rated)
    return {key: Usage(**values) for key, values in found.items()}


def _within(query: Select[Any], day: Any, since: date | None, until: date | None) -> Select[Any]:
    """`query` limited to `since` <= day <= `until` (either end may be open)."""
    if since is not None:
        query = query.where(day >= since)
    if until is not None:
        query = query.where(day <= until)
    return query


def _float(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


def institution_usage(session: Session, since: date | None = None, until: date | None = None) -> dict[uuid.UUID, Usage]:
    """Institution id → Usage; institutions never used are absent (use `Usage()`)."""
    return _usage(session, ServiceRecord.institution_id, Demand.assignee_institution_id, since, until)


def expert_usage(session: Session, since: date | None = None, until: date | None = None) -> dict[uuid.UUID, Usage]:
    """Expert id → Usage; experts never used are absent (use `Usage()`)."""
    return _usage(session, ServiceRecord.expert_id, Demand.assignee_expert_id, since, until)
