"""The demand board (服务需求池): filter and sort to a list of ids, then fetch the rows
for the ids on screen (a lazy item model holds only the ids)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import case, or_, select
from sqlalchemy.orm import Session

from app.domain.catalogue import DEMAND_STATUSES
from app.domain.demand_loop import OPEN_STATUSES, is_overdue
from app.domain.periods import CHINA_TIME, china_today
from app.models import Demand, Enterprise, Expert, ServiceInstitution, StaffMember
from app.services.demands.shapes import Assignee
from app.services.demands.stored import assignee_of
from app.services.references import category_labels


@dataclass(frozen=True)
class DemandRow:
    """One line of the demand board."""

    id: uuid.UUID
    enterprise_id: uuid.UUID
    enterprise_name: str
    title: str
    category: str
    category_label: str
    status: str
    status_label: str
    received_on: date
    due_on: date | None
    assignee: Assignee | None
    assignee_name: str
    satisfaction: int | None
    version: int

    def is_overdue(self, today: date) -> bool:
        return is_overdue(self.status, self.due_on, today)


@dataclass(frozen=True)
class DemandFilter:
    statuses: tuple[str, ...] = ()  # empty: all
    overdue_only: bool = False
    today: date | None = None  # for overdue_only; None: today
    assignee: Assignee | None = None
    enterprise_id: uuid.UUID | None = None
    text: str = ""  # in title or description
    # Closed (办结/回访) on these China-time days, both inclusive; either end may be open.
    closed_from: date | None = None
    closed_to: date | None = None

    @property
    def closed_range(self) -> bool:
        return self.closed_from is not None or self.closed_to is not None


@dataclass(frozen=True)
class DemandSort:
    key: str = "due_on"  # due_on / received_on / status / enterprise / title
    descending: bool = False


def _china_midnight(day: date) -> datetime:
    """The start of a China-time day (closing times are stored in UTC)."""
    return datetime(day.year, day.month, day.day, tzinfo=CHINA_TIME)


def list_ids(session: Session, filt: DemandFilter | None = None, sort: DemandSort | None = None) -> list[uuid.UUID]:
    """Ids of the matching demands, in display order (for a lazy item model)."""
    filt = filt or DemandFilter()
    sort = sort or DemandSort()
    query = select(Demand.id).where(Demand.deleted.is_(False))
    if filt.statuses:
        query = query.where(Demand.status.in_(filt.statuses))
    if filt.overdue_only:
        query = query.where(
            Demand.status.in_(OPEN_STATUSES), Demand.due_on.is_not(None), Demand.due_on < (filt.today or china_today())
        )
    if filt.closed_range:
        query = query.where(Demand.closed_at.is_not(None))
        if filt.closed_from is not None:
            query = query.where(Demand.closed_at >= _china_midnight(filt.closed_from))
        if filt.closed_to is not None:
            query = query.where(Demand.closed_at < _china_midnight(filt.closed_to + timedelta(days=1)))
    if filt.assignee is not None:
        column = {
            "staff": Demand.assignee_staff_id,
            "institution": Demand.assignee_institution_id,
            "expert": Demand.assignee_expert_id,
        }[filt.assignee.kind]
        query = query.where(column == filt.assignee.id)
    if filt.enterprise_id is not None:
        query = query.where(Demand.enterprise_id == filt.enterprise_id)
    if filt.text.strip():
        text = filt.text.strip()
        query = query.where(
            or_(Demand.title.contains(text, autoescape=True), Demand.description.contains(text, autoescape=True))
        )
    order: list[Any]
    if sort.key == "enterprise":
        query = query.join(Enterprise, Enterprise.id == Demand.enterprise_id)
        order = [Enterprise.name]
    elif sort.key == "status":
        order = [case({s: i for i, s in enumerate(DEMAND_STATUSES)}, value=Demand.status)]
    elif sort.key in ("due_on", "received_on", "title"):
        order = [getattr(Demand, sort.key)]
    else:
        raise ValueError(f"unknown sort key {sort.key!r}")
    order = [c.desc() if sort.descending else c.asc() for c in order]
    if sort.key == "due_on":
        order.insert(0, Demand.due_on.is_(None))  # no due date: last, either way
    return list(session.scalars(query.order_by(*order, Demand.id)))


def fetch_rows(session: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, DemandRow]:
    """Rows for `ids` (in that order); ids deleted meanwhile are simply absent."""
    labels = category_labels(session)  # retired categories keep their label
    found: dict[uuid.UUID, DemandRow] = {}
    for start in range(0, len(ids), 500):
        query = (
            select(Demand, Enterprise.name, StaffMember.name, ServiceInstitution.name, Expert.name)
            .join(Enterprise, Enterprise.id == Demand.enterprise_id)
            .outerjoin(StaffMember, StaffMember.id == Demand.assignee_staff_id)
            .outerjoin(ServiceInstitution, ServiceInstitution.id == Demand.assignee_institution_id)
            .outerjoin(Expert, Expert.id == Demand.assignee_expert_id)
            .where(Demand.id.in_(ids[start : start + 500]), Demand.deleted.is_(False))
        )
        for d, enterprise, staff, institution, expert in session.execute(query):
            found[d.id] = DemandRow(
                d.id, d.enterprise_id, enterprise, d.title, d.category, labels.get(d.category, d.category),
                d.status, DEMAND_STATUSES[d.status], d.received_on, d.due_on, assignee_of(d),
                staff or institution or expert or "", d.satisfaction, d.version,
            )
    return {i: found[i] for i in ids if i in found}
