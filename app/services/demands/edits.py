"""Creating and editing demands (服务需求): accept (受理) a new one, edit its own data,
soft-delete and restore.  Moving it along the loop is `loop.py`.

Period locks guard the demand's own data (title, dates, deletion) by the month it was
received.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from app.domain.errors import UserError
from app.domain.messages import Msg
from app.domain.periods import china_today
from app.domain.text_normalise import checked_text
from app.models import Demand
from app.services.actor import Actor
from app.services.demands.loop import write_log
from app.services.demands.shapes import DEFAULT_DUE_DAYS, FIELD_LABELS, DemandInput, DemandSummary, field_error
from app.services.demands.stored import conditional_update, ensure_own_demand, load, load_own, summary_of
from app.services.records import period_locks
from app.services.references import categories, require_enterprise
from app.services.station.identity import require_station


def _is_day(value: object) -> bool:
    return isinstance(value, date) and not isinstance(value, datetime)


def normalise(
    session: Session,
    data: DemandInput,
    *,
    today: date,
    lock_days: int | None = None,
    defaults: DemandInput | None = None,
    field_prefix: str = "",
) -> DemandInput:
    """Validated, defaulted copy of `data`; ValidationError names the field
    (`field_prefix` + name, e.g. "demand.title" in the service-record form)."""
    defaults = defaults or DemandInput(title="")
    p = field_prefix
    title = checked_text(data.title, p + "title", FIELD_LABELS["title"], max_len=200, required=True)
    description = checked_text(data.description, p + "description", FIELD_LABELS["description"], max_len=4000)
    category = data.category or defaults.category
    known = categories(session)
    if not isinstance(category, str) or category not in known:
        raise field_error("category", Msg("请从列表中选择（%1）。", '、'.join(known.values())), p)
    enterprise_id = data.enterprise_id or defaults.enterprise_id
    require_enterprise(session, enterprise_id, p + "enterprise_id", FIELD_LABELS["enterprise_id"])
    received_on = data.received_on or defaults.received_on or today
    if not _is_day(received_on):
        raise field_error("received_on", "请填写日期。", p)
    if received_on > today:
        raise field_error("received_on", Msg("不能晚于今天（%1），请改正。", today.isoformat()), p)
    period_locks.ensure_editable(
        session, received_on, today, lock_days, field=p + "received_on", label=FIELD_LABELS["received_on"]
    )
    due_on = data.due_on or received_on + timedelta(days=DEFAULT_DUE_DAYS)
    if not _is_day(due_on) or due_on < received_on:
        raise field_error("due_on", Msg("不能早于受理日期（%1），请改正。", received_on.isoformat()), p)
    return DemandInput(title, category, enterprise_id, description, received_on, due_on)


def create(
    session: Session,
    data: DemandInput,
    actor: Actor,
    *,
    today: date | None = None,
    lock_days: int | None = None,
    service_record_id: uuid.UUID | None = None,
    defaults: DemandInput | None = None,
    note: str = "",
) -> DemandSummary:
    """Accept (受理) a demand and log it."""
    today = today or china_today()
    station = require_station(session)
    clean = normalise(session, data, today=today, lock_days=lock_days, defaults=defaults)
    note = checked_text(note, "note", FIELD_LABELS["note"], max_len=2000)
    assert clean.enterprise_id is not None and clean.received_on is not None
    row = Demand(
        station_id=station.id,
        enterprise_id=clean.enterprise_id,
        service_record_id=service_record_id,
        title=clean.title,
        description=clean.description,
        category=clean.category,
        status="accepted",
        received_on=clean.received_on,
        due_on=clean.due_on,
    )
    session.add(row)
    session.flush()
    write_log(session, row.id, station.id, [(None, "accepted", note)], actor)
    return summary_of(row)


def get(session: Session, demand_id: uuid.UUID) -> DemandSummary:
    """The live demand (any station's)."""
    return summary_of(load(session, demand_id))


def update(
    session: Session,
    demand_id: uuid.UUID,
    data: DemandInput,
    expected_version: int,
    *,
    today: date | None = None,
    lock_days: int | None = None,
) -> DemandSummary:
    """Edit a demand's own data (not its status).  Refused when someone else saved it
    since `expected_version`, or when the old or the new received date is locked."""
    today = today or china_today()
    row = load_own(session, demand_id)
    period_locks.ensure_editable(
        session, row.received_on, today, lock_days, field="received_on", label=FIELD_LABELS["received_on"]
    )
    clean = normalise(session, data, today=today, lock_days=lock_days)
    values = {
        "title": clean.title,
        "description": clean.description,
        "category": clean.category,
        "enterprise_id": clean.enterprise_id,
        "received_on": clean.received_on,
        "due_on": clean.due_on,
    }
    return summary_of(conditional_update(session, row, values, expected_version))


def delete(
    session: Session,
    demand_id: uuid.UUID,
    expected_version: int | None = None,
    *,
    today: date | None = None,
    lock_days: int | None = None,
) -> None:
    """Soft delete (a tombstone for sync).  Its log stays."""
    row = load_own(session, demand_id)
    period_locks.ensure_editable(
        session, row.received_on, today, lock_days, field="received_on", label=FIELD_LABELS["received_on"]
    )
    conditional_update(session, row, {"deleted": True}, expected_version)


def restore(
    session: Session, demand_id: uuid.UUID, *, today: date | None = None, lock_days: int | None = None
) -> DemandSummary:
    """Bring a demand back from the recycle bin."""
    row = session.get(Demand, demand_id)
    if row is None or not row.deleted:
        raise UserError("回收站里没有这条服务需求，无法恢复。")
    ensure_own_demand(session, row)
    period_locks.ensure_editable(
        session, row.received_on, today, lock_days, field="received_on", label=FIELD_LABELS["received_on"]
    )
    return summary_of(conditional_update(session, row, {"deleted": False}, None))
