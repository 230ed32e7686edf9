"""The recycle bin (回收站) for service records: delete is a tombstone that sync hears
of, and restore brings the record back while its month is still open."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy.orm import Session

from app.domain.errors import UserError
from app.models import ServiceRecord
from app.services.records import period_locks
from app.services.records.stored import (
    RecordSummary,
    conditional_update,
    ensure_own_record,
    load_own,
    summary_of,
)
from app.services.records.validation import FIELD_LABELS


def delete(
    session: Session,
    record_id: uuid.UUID,
    expected_version: int | None = None,
    *,
    today: date | None = None,
    lock_days: int | None = None,
) -> None:
    """Move to the recycle bin (a tombstone: sync must hear of it).  Demands opened
    from the record stay."""
    row = load_own(session, record_id)
    period_locks.ensure_editable(
        session, row.service_date, today, lock_days, field="service_date", label=FIELD_LABELS["service_date"]
    )
    conditional_update(session, row, {"deleted": True}, expected_version)


def restore(
    session: Session, record_id: uuid.UUID, *, today: date | None = None, lock_days: int | None = None
) -> RecordSummary:
    """Bring a record back from the recycle bin (within the period lock, like any edit)."""
    row = session.get(ServiceRecord, record_id) if isinstance(record_id, uuid.UUID) else None
    if row is None or not row.deleted:
        raise UserError("回收站里没有这条服务记录，无法恢复。")
    ensure_own_record(session, row)
    period_locks.ensure_editable(
        session, row.service_date, today, lock_days, field="service_date", label=FIELD_LABELS["service_date"]
    )
    return summary_of(conditional_update(session, row, {"deleted": False}, None))
