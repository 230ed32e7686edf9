"""Reading a demand row for a write, the version-guarded update every write goes
through, and the summary a write hands back."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.orm import Session

from app.models import Demand
from app.services.demands.shapes import Assignee, DemandSummary
from app.services.row_access import ensure_own, guarded_update, load_live


def load(session: Session, demand_id: uuid.UUID) -> Demand:
    """The live demand, or a UserError telling the user to refresh."""
    return load_live(session, Demand, demand_id, "找不到这条服务需求（可能已被删除），请刷新列表。")


def ensure_own_demand(session: Session, row: Demand) -> None:
    """Refuse a write to another station's demand."""
    ensure_own(session, row, "这条服务需求属于其他服务站，只能查看，不能修改。")


def load_own(session: Session, demand_id: uuid.UUID) -> Demand:
    """The station's own live demand."""
    row = load(session, demand_id)
    ensure_own_demand(session, row)
    return row


def conditional_update(
    session: Session,
    row: Demand,
    values: dict[str, Any],
    expected_version: int | None,
    *,
    expected_status: str | None = None,
) -> Demand:
    """Write `values` unless someone saved the demand (or moved its status) since it was read."""
    stale = "这条服务需求刚被其他人修改过。请刷新后查看最新内容，再重新操作。"
    return guarded_update(session, Demand, row, values, expected_version, stale, status=expected_status)


def assignee_of(row: Demand) -> Assignee | None:
    """The one assignee column that is set, as an Assignee."""
    if row.assignee_staff_id is not None:
        return Assignee.staff(row.assignee_staff_id)
    if row.assignee_institution_id is not None:
        return Assignee.institution(row.assignee_institution_id)
    if row.assignee_expert_id is not None:
        return Assignee.expert(row.assignee_expert_id)
    return None


def summary_of(row: Demand) -> DemandSummary:
    """The summary a caller gets back (never the live ORM row)."""
    return DemandSummary(
        row.id, row.enterprise_id, row.service_record_id, row.title, row.description, row.category, row.status,
        row.received_on, row.due_on, assignee_of(row), row.closed_at, row.satisfaction, row.version,
    )
