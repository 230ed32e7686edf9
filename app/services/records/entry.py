"""Quick entry at the front desk (服务记录): save a new record, edit one, and pre-fill the
form for a returning enterprise.  A record may open a demand in the same transaction."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.periods import china_today
from app.models import ServiceRecord
from app.services.actor import Actor
from app.services.demands import edits as demand_edits
from app.services.demands.shapes import DemandInput
from app.services.records import period_locks
from app.services.records.stored import RecordSummary, conditional_update, load, load_own, summary_of
from app.services.records.validation import FIELD_LABELS, RecordInput, validate_record
from app.services.station.identity import require_station


def _demand_input(
    session: Session, data: RecordInput, values: dict[str, Any], today: date, lock_days: int | None
) -> DemandInput | None:
    if data.create_demand is None:
        return None
    defaults = DemandInput("", values["category"], values["enterprise_id"], received_on=values["service_date"])
    return demand_edits.normalise(
        session, data.create_demand, today=today, lock_days=lock_days, defaults=defaults, field_prefix="demand."
    )


def _open_demand(
    session: Session, row: ServiceRecord, demand: DemandInput | None, actor: Actor, today: date, lock_days: int | None
) -> uuid.UUID | None:
    if demand is None:
        return None
    note = f"由{row.service_date.isoformat()}的服务记录登记。"
    created = demand_edits.create(
        session, demand, actor, today=today, lock_days=lock_days, service_record_id=row.id, note=note
    )
    return created.id


def create(
    session: Session, data: RecordInput, actor: Actor, *, today: date | None = None, lock_days: int | None = None
) -> RecordSummary:
    """Save a new record (and its demand, when `data.create_demand` is set).

    Everything is validated before anything is written, so a ValidationError leaves the
    session untouched even if the caller goes on to commit.
    """
    today = today or china_today()
    lock_days = period_locks.resolve_lock_days(lock_days)
    station = require_station(session)
    values = validate_record(session, data, actor, today, lock_days)
    demand = _demand_input(session, data, values, today, lock_days)
    row = ServiceRecord(station_id=station.id, **values)
    session.add(row)
    session.flush()
    demand_id = _open_demand(session, row, demand, actor, today, lock_days)
    return summary_of(row, demand_id)


def get(session: Session, record_id: uuid.UUID) -> RecordSummary:
    return summary_of(load(session, record_id))


def update(
    session: Session,
    record_id: uuid.UUID,
    data: RecordInput,
    actor: Actor,
    expected_version: int,
    *,
    today: date | None = None,
    lock_days: int | None = None,
) -> RecordSummary:
    """Save an edit.  Refused when the record changed since `expected_version` was read,
    or when its old or its new service date lies in a locked month."""
    today = today or china_today()
    lock_days = period_locks.resolve_lock_days(lock_days)
    row = load_own(session, record_id)
    period_locks.ensure_editable(
        session, row.service_date, today, lock_days, field="service_date", label=FIELD_LABELS["service_date"]
    )
    values = validate_record(session, data, actor, today, lock_days)
    demand = _demand_input(session, data, values, today, lock_days)
    fresh = conditional_update(session, row, values, expected_version)
    return summary_of(fresh, _open_demand(session, fresh, demand, actor, today, lock_days))


def last_record_for(session: Session, enterprise_id: uuid.UUID, *, today: date | None = None) -> RecordInput | None:
    """Pre-fill for a returning enterprise: its last visit's category, channel, minutes,
    fee and referral, dated today.  Staff is left to the person at the desk; summary,
    outcome, satisfaction and follow-up describe one visit and start empty."""
    row = session.scalars(
        select(ServiceRecord)
        .where(ServiceRecord.enterprise_id == enterprise_id, ServiceRecord.deleted.is_(False))
        .order_by(ServiceRecord.service_date.desc(), ServiceRecord.created_at.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    return RecordInput(
        enterprise_id=row.enterprise_id,
        service_date=today or china_today(),
        category=row.category,
        channel=row.channel,
        prep_minutes=row.prep_minutes,
        contact_minutes=row.contact_minutes,
        fee_type=row.fee_type,
        fee=row.fee,
        institution_id=row.institution_id,
        expert_id=row.expert_id,
    )
