"""Reading a service record for a write, the version-guarded update every write goes
through, and the summary a write hands back."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from app.models import ServiceRecord
from app.services.records.validation import EDITABLE, RecordInput
from app.services.row_access import ensure_own, guarded_update, load_live


@dataclass(frozen=True)
class RecordSummary:
    id: uuid.UUID
    version: int
    enterprise_id: uuid.UUID
    service_date: date
    category: str
    channel: str
    prep_minutes: int
    contact_minutes: int
    fee_type: str
    fee: Decimal | None
    staff_id: uuid.UUID | None
    institution_id: uuid.UUID | None
    expert_id: uuid.UUID | None
    summary: str
    outcome: str
    satisfaction: int | None
    follow_up_on: date | None
    demand_id: uuid.UUID | None = None  # the demand created by this call, if any

    def to_input(self) -> RecordInput:
        """For the edit form."""
        return RecordInput(**{name: getattr(self, name) for name in EDITABLE})


def load(session: Session, record_id: uuid.UUID) -> ServiceRecord:
    """The live record, or a UserError telling the user to refresh."""
    return load_live(session, ServiceRecord, record_id, "找不到这条服务记录（可能已被删除），请刷新列表。")


def ensure_own_record(session: Session, row: ServiceRecord) -> None:
    """Refuse a write to another station's record."""
    ensure_own(session, row, "这条服务记录属于其他服务站，只能查看，不能修改。")


def load_own(session: Session, record_id: uuid.UUID) -> ServiceRecord:
    """The station's own live record."""
    row = load(session, record_id)
    ensure_own_record(session, row)
    return row


def conditional_update(
    session: Session, row: ServiceRecord, values: dict[str, Any], expected_version: int | None
) -> ServiceRecord:
    """Write `values` unless someone saved the record since `expected_version` was read."""
    stale = "这条服务记录刚被其他人修改过。请关闭后重新打开，查看最新内容再修改。"
    return guarded_update(session, ServiceRecord, row, values, expected_version, stale)


def summary_of(row: ServiceRecord, demand_id: uuid.UUID | None = None) -> RecordSummary:
    """The summary a caller gets back (never the live ORM row)."""
    return RecordSummary(
        row.id, row.version, row.enterprise_id, row.service_date, row.category, row.channel, row.prep_minutes,
        row.contact_minutes, row.fee_type, row.fee, row.staff_id, row.institution_id, row.expert_id, row.summary,
        row.outcome, row.satisfaction, row.follow_up_on, demand_id,
    )
