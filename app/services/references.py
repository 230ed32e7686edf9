"""References a form offers and checks: staff, institutions, experts, enterprises and
service categories, as pick-list choices and as `require_*` checks naming the field."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.domain.errors import ValidationError
from app.domain.messages import Msg
from app.domain.periods import china_today
from app.models import Enterprise, Expert, ServiceInstitution, StaffMember
from app.services import pick_lists


@dataclass(frozen=True)
class Choice:
    id: uuid.UUID
    label: str


def categories(session: Session) -> dict[str, str]:
    """Service categories a new record may choose, code → label, in display order:
    HQ's published list, the station's own (unenrolled), or the catalogue defaults.
    For showing stored rows use category_labels (retired codes keep their label)."""
    return pick_lists.active_codes(session, pick_lists.SERVICE_CATEGORY)


def category_labels(session: Session) -> dict[str, str]:
    """code → label of every service category ever offered, retired ones included."""
    return pick_lists.labels(session, pick_lists.SERVICE_CATEGORY)


def require_enterprise(session: Session, enterprise_id: object, field: str, label: str) -> Enterprise:
    if isinstance(enterprise_id, uuid.UUID):
        row = session.get(Enterprise, enterprise_id)
        if row is not None and not row.deleted:
            return row
    raise ValidationError(Msg("%1：找不到这家企业（可能已被删除），请输入企业名称重新选择。", label), field)


def require_staff(session: Session, staff_id: object, field: str, label: str, on: date) -> StaffMember:
    """A staff member who was at the station on `on` (old records keep staff who left since)."""
    if isinstance(staff_id, uuid.UUID):
        row = session.get(StaffMember, staff_id)
        if row is not None and not row.deleted and (row.end_date is None or row.end_date >= on):
            return row
    raise ValidationError(Msg("%1：所选人员不存在或当时已离职，请从人员列表中重新选择。", label), field)


def require_institution(
    session: Session, institution_id: object, field: str, label: str, *, active: bool = False
) -> ServiceInstitution:
    """`active=True` also refuses suspended or exited institutions (for new dispatches)."""
    if isinstance(institution_id, uuid.UUID):
        row = session.get(ServiceInstitution, institution_id)
        if row is not None and not row.deleted and (not active or row.status == "active"):
            return row
    raise ValidationError(Msg("%1：所选服务机构不存在、已暂停或已退出，请从在驻机构中重新选择。", label), field)


def require_expert(session: Session, expert_id: object, field: str, label: str) -> Expert:
    if isinstance(expert_id, uuid.UUID):
        row = session.get(Expert, expert_id)
        if row is not None and not row.deleted:
            return row
    raise ValidationError(Msg("%1：所选专家不存在（可能已被删除），请从专家库中重新选择。", label), field)


def staff_choices(session: Session, today: date | None = None) -> list[Choice]:
    """Staff still at the station (no end date, or one not yet passed), by name."""
    today = today or china_today()
    rows = session.execute(
        select(StaffMember.id, StaffMember.name)
        .where(StaffMember.deleted.is_(False))
        .where(or_(StaffMember.end_date.is_(None), StaffMember.end_date >= today))
        .order_by(StaffMember.name)
    ).all()
    return [Choice(row.id, row.name) for row in rows]


def institution_choices(session: Session) -> list[Choice]:
    """Resident institutions currently in the station (status 'active')."""
    rows = session.execute(
        select(ServiceInstitution.id, ServiceInstitution.name)
        .where(ServiceInstitution.deleted.is_(False), ServiceInstitution.status == "active")
        .order_by(ServiceInstitution.name)
    ).all()
    return [Choice(row.id, row.name) for row in rows]


def expert_choices(session: Session) -> list[Choice]:
    rows = session.execute(
        select(Expert.id, Expert.name, Expert.organisation)
        .where(Expert.deleted.is_(False))
        .order_by(Expert.name)
    ).all()
    return [Choice(row.id, f"{row.name}（{row.organisation}）" if row.organisation else row.name) for row in rows]
