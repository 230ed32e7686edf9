"""An enterprise's whole history for its detail page: service records, demands, events attended."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.catalogue import CHANNELS, DEMAND_STATUSES, EVENT_TYPES, FEE_TYPES
from app.domain.demand_loop import is_overdue
from app.domain.errors import UserError
from app.domain.periods import china_today
from app.models import (
    Demand,
    Enterprise,
    Event,
    EventAttendance,
    ServiceRecord,
    StaffMember,
)
from app.services.references import category_labels


@dataclass(frozen=True)
class HistoryRecord:
    id: uuid.UUID
    service_date: date
    category_label: str
    channel_label: str
    staff_name: str
    minutes: int  # preparation + contact
    fee_type_label: str
    fee: Decimal | None
    summary: str
    outcome: str
    satisfaction: int | None
    follow_up_on: date | None


@dataclass(frozen=True)
class HistoryDemand:
    id: uuid.UUID
    title: str
    category_label: str
    status: str
    status_label: str
    received_on: date
    due_on: date | None
    overdue: bool
    closed_at: datetime | None
    satisfaction: int | None


@dataclass(frozen=True)
class HistoryEvent:
    event_id: uuid.UUID
    title: str
    event_type_label: str
    starts_at: datetime
    venue: str
    attendee_name: str
    checked_in: bool


@dataclass(frozen=True)
class EnterpriseHistory:
    enterprise_id: uuid.UUID
    name: str
    service_records: list[HistoryRecord]  # newest first
    demands: list[HistoryDemand]  # newest first
    events: list[HistoryEvent]  # newest first


def history(session: Session, enterprise_id: uuid.UUID, *, today: date | None = None) -> EnterpriseHistory:
    """Everything the station did with this enterprise; deleted items are left out."""
    detail = session.get(Enterprise, enterprise_id) if isinstance(enterprise_id, uuid.UUID) else None
    if detail is None or detail.deleted:
        raise UserError("找不到这家企业（可能已被删除），请刷新列表。")
    today = today or china_today()
    labels = category_labels(session)  # retired categories keep their label
    r = ServiceRecord
    records = session.execute(
        select(r, StaffMember.name)
        .outerjoin(StaffMember, StaffMember.id == r.staff_id)
        .where(r.enterprise_id == detail.id, r.deleted.is_not(True))
        .order_by(r.service_date.desc(), r.created_at.desc())
    )
    d = Demand
    demand_rows = session.scalars(
        select(d)
        .where(d.enterprise_id == detail.id, d.deleted.is_not(True))
        .order_by(d.received_on.desc(), d.created_at.desc())
    )
    a = EventAttendance
    attended = session.execute(
        select(Event, a.attendee_name, a.checked_in_at)
        .join(a, a.event_id == Event.id)
        .where(a.enterprise_id == detail.id, a.deleted.is_not(True), Event.deleted.is_not(True))
        .order_by(Event.starts_at.desc())
    )
    return EnterpriseHistory(
        detail.id,
        detail.name,
        [
            HistoryRecord(
                rec.id, rec.service_date, labels.get(rec.category, rec.category),
                CHANNELS.get(rec.channel, rec.channel), staff or "", rec.prep_minutes + rec.contact_minutes,
                FEE_TYPES.get(rec.fee_type, rec.fee_type), rec.fee, rec.summary, rec.outcome, rec.satisfaction,
                rec.follow_up_on,
            )
            for rec, staff in records
        ],
        [
            HistoryDemand(
                dem.id, dem.title, labels.get(dem.category, dem.category), dem.status,
                DEMAND_STATUSES.get(dem.status, dem.status), dem.received_on, dem.due_on,
                is_overdue(dem.status, dem.due_on, today), dem.closed_at, dem.satisfaction,
            )
            for dem in demand_rows
        ],
        [
            HistoryEvent(
                ev.id, ev.title, EVENT_TYPES.get(ev.event_type, ev.event_type), ev.starts_at, ev.venue, name,
                checked is not None,
            )
            for ev, name, checked in attended
        ],
    )
