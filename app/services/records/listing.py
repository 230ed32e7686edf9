"""The service-record list: filter and sort to a list of ids, then fetch the rows for
the ids on screen (a lazy item model holds only the ids)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from app.domain.catalogue import CHANNELS, FEE_TYPES
from app.models import Enterprise, Expert, ServiceInstitution, ServiceRecord, StaffMember
from app.services.references import category_labels


@dataclass(frozen=True)
class RecordRow:
    """One line of the service-record list."""

    id: uuid.UUID
    version: int
    service_date: date
    enterprise_id: uuid.UUID
    enterprise_name: str
    category: str
    category_label: str
    channel_label: str
    staff_name: str
    prep_minutes: int
    contact_minutes: int
    fee_type_label: str
    fee: Decimal | None
    referral: str  # institution and/or expert referred to
    satisfaction: int | None
    follow_up_on: date | None
    summary: str
    outcome: str


@dataclass(frozen=True)
class RecordFilter:
    date_from: date | None = None
    date_to: date | None = None  # inclusive
    category: str | None = None
    staff_id: uuid.UUID | None = None
    enterprise_id: uuid.UUID | None = None
    text: str = ""  # in the enterprise's name, the summary or the outcome


@dataclass(frozen=True)
class RecordSort:
    key: str = "service_date"  # service_date / enterprise / category / staff / minutes / satisfaction
    descending: bool = True


def list_ids(session: Session, filt: RecordFilter | None = None, sort: RecordSort | None = None) -> list[uuid.UUID]:
    """Ids of the matching records in display order (for a lazy item model)."""
    filt = filt or RecordFilter()
    sort = sort or RecordSort()
    query: Select[Any] = select(ServiceRecord.id).where(ServiceRecord.deleted.is_(False))
    if filt.date_from is not None:
        query = query.where(ServiceRecord.service_date >= filt.date_from)
    if filt.date_to is not None:
        query = query.where(ServiceRecord.service_date <= filt.date_to)
    if filt.category:
        query = query.where(ServiceRecord.category == filt.category)
    if filt.staff_id is not None:
        query = query.where(ServiceRecord.staff_id == filt.staff_id)
    if filt.enterprise_id is not None:
        query = query.where(ServiceRecord.enterprise_id == filt.enterprise_id)
    text = filt.text.strip()
    if text or sort.key == "enterprise":
        query = query.join(Enterprise, Enterprise.id == ServiceRecord.enterprise_id)
    if text:
        query = query.where(
            or_(
                Enterprise.name.contains(text, autoescape=True),
                ServiceRecord.summary.contains(text, autoescape=True),
                ServiceRecord.outcome.contains(text, autoescape=True),
            )
        )
    if sort.key == "staff":
        query = query.outerjoin(StaffMember, StaffMember.id == ServiceRecord.staff_id)
    columns: dict[str, Any] = {
        "service_date": ServiceRecord.service_date,
        "enterprise": Enterprise.name,
        "category": ServiceRecord.category,
        "staff": StaffMember.name,
        "minutes": ServiceRecord.prep_minutes + ServiceRecord.contact_minutes,
        "satisfaction": ServiceRecord.satisfaction,
    }
    if sort.key not in columns:
        raise ValueError(f"unknown sort key {sort.key!r}")
    first = columns[sort.key].desc() if sort.descending else columns[sort.key].asc()
    tiebreak = ServiceRecord.id.desc() if sort.descending else ServiceRecord.id.asc()
    return list(session.scalars(query.order_by(first, tiebreak)))


def fetch_rows(session: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, RecordRow]:
    """Rows for `ids`, in that order; ids deleted meanwhile are simply absent."""
    labels = category_labels(session)  # retired categories keep their label
    found: dict[uuid.UUID, RecordRow] = {}
    for start in range(0, len(ids), 500):
        query = (
            select(ServiceRecord, Enterprise.name, StaffMember.name, ServiceInstitution.name, Expert.name)
            .join(Enterprise, Enterprise.id == ServiceRecord.enterprise_id)
            .outerjoin(StaffMember, StaffMember.id == ServiceRecord.staff_id)
            .outerjoin(ServiceInstitution, ServiceInstitution.id == ServiceRecord.institution_id)
            .outerjoin(Expert, Expert.id == ServiceRecord.expert_id)
            .where(ServiceRecord.id.in_(ids[start : start + 500]), ServiceRecord.deleted.is_(False))
        )
        for r, enterprise, staff, institution, expert in session.execute(query):
            found[r.id] = RecordRow(
                r.id, r.version, r.service_date, r.enterprise_id, enterprise, r.category,
                labels.get(r.category, r.category), CHANNELS.get(r.channel, r.channel), staff or "",
                r.prep_minutes, r.contact_minutes, FEE_TYPES.get(r.fee_type, r.fee_type), r.fee,
                "、".join(n for n in (institution, expert) if n), r.satisfaction, r.follow_up_on,
                r.summary, r.outcome,
            )
    return {i: found[i] for i in ids if i in found}
