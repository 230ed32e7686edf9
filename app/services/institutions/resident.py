"""入驻服务机构 and their 服务清单 (catalogue entries by enterprise stage and service category).

Institutions, catalogue entries and experts are HQ reference tables: editable here only
before the station is enrolled, by a manager (app.services.reference_writes, whose
`reference_access` and `ReferenceAccess` the pages reach through this module).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.catalogue import ENTERPRISE_STAGES, FEE_TYPES, INSTITUTION_STATUSES
from app.domain.errors import FieldError, ValidationError
from app.domain.messages import Msg
from app.domain.text_normalise import checked_text, parse_phone
from app.models import CatalogueEntry, ServiceInstitution
from app.services import pick_lists
from app.services.reference_writes import ReferenceAccess as ReferenceAccess  # re-exported for the page
from app.services.reference_writes import ReferenceTable
from app.services.reference_writes import reference_access as reference_access  # re-exported for the page
from app.services.row_access import load_live

FIELD_LABELS: dict[str, str] = {
    "name": "机构名称",
    "category": "服务类别",
    "contact_name": "联系人",
    "phone": "联系电话",
    "entered_on": "入驻日期",
    "exited_on": "退出日期",
    "status": "状态",
    "exit_reason": "退出原因",
    "title": "服务项目",
    "stage": "企业发展阶段",
    "fee_type": "收费方式",
    "description": "服务内容",
}
_MISSING = "找不到这家服务机构（可能已被删除），请刷新列表。"
_MISSING_ENTRY = "找不到这条服务清单（可能已被删除），请刷新列表。"
_STALE = "这条信息刚被修改过，请关闭后重新打开再改。"


@dataclass(frozen=True)
class InstitutionInput:
    name: str
    category: str
    contact_name: str = ""
    phone: str = ""
    entered_on: date | None = None
    exited_on: date | None = None
    status: str = "active"
    exit_reason: str = ""


@dataclass(frozen=True)
class InstitutionRow:
    id: uuid.UUID
    name: str
    category: str
    category_label: str
    contact_name: str
    phone: str
    entered_on: date | None
    exited_on: date | None
    status: str
    exit_reason: str
    version: int

    @property
    def status_label(self) -> str:
        return INSTITUTION_STATUSES.get(self.status, self.status)


@dataclass(frozen=True)
class CatalogueInput:
    institution_id: uuid.UUID
    title: str
    stage: str
    category: str
    fee_type: str = "free"
    description: str = ""


@dataclass(frozen=True)
class CatalogueRow:
    id: uuid.UUID
    institution_id: uuid.UUID
    title: str
    stage: str
    category: str
    category_label: str
    fee_type: str
    description: str
    version: int

    @property
    def stage_label(self) -> str:
        return ENTERPRISE_STAGES.get(self.stage, self.stage)

    @property
    def fee_label(self) -> str:
        return FEE_TYPES.get(self.fee_type, self.fee_type)


def _err(field: str, fix: str) -> ValidationError:
    return ValidationError(Msg("%1：%2", FIELD_LABELS[field], fix), field)


def clean_phone(value: object, field: str, label: str) -> str:
    try:
        return parse_phone(value, label) or ""
    except FieldError as exc:
        raise ValidationError(exc.message, field) from None


def check_category(session: Session, code: str, field: str = "category", label: str = "服务类别") -> str:
    """`code` if it is a service category (retired ones too: old rows stay editable)."""
    if code not in pick_lists.labels(session, pick_lists.SERVICE_CATEGORY):
        offered = "、".join(pick_lists.active_codes(session, pick_lists.SERVICE_CATEGORY).values())
        raise ValidationError(Msg("%1：请从%2中选择。", label, offered), field)
    return code


def validate_institution(session: Session, data: InstitutionInput) -> dict[str, object]:
    values: dict[str, object] = {
        "name": checked_text(data.name, "name", FIELD_LABELS["name"], max_len=200, required=True),
        "category": check_category(session, data.category),
        "contact_name": checked_text(data.contact_name, "contact_name", FIELD_LABELS["contact_name"], max_len=100),
        "phone": clean_phone(data.phone, "phone", FIELD_LABELS["phone"]),
    }
    if data.status not in INSTITUTION_STATUSES:
        raise _err("status", Msg("请从%1中选择。", '、'.join(INSTITUTION_STATUSES.values())))
    reason = checked_text(data.exit_reason, "exit_reason", FIELD_LABELS["exit_reason"], max_len=1000)
    if data.status == "exited":
        if data.exited_on is None:
            raise _err("exited_on", "机构已退出时请填写退出日期。")
        if not reason:
            raise _err("exit_reason", "机构已退出时必须写明退出原因（例如满意度不达标、合同到期）。")
    elif data.exited_on is not None:
        raise _err("exited_on", "只有状态为“已退出”时才填写退出日期，请清空或把状态改为“已退出”。")
    if data.entered_on and data.exited_on and data.exited_on < data.entered_on:
        raise _err("exited_on", Msg("不能早于入驻日期（%1），请检查两个日期。", data.entered_on.isoformat()))
    values.update(entered_on=data.entered_on, exited_on=data.exited_on, status=data.status,
                  exit_reason=reason if data.status == "exited" else "")
    return values


def _institution_row(row: ServiceInstitution, labels: dict[str, str]) -> InstitutionRow:
    return InstitutionRow(row.id, row.name, row.category, labels.get(row.category, row.category), row.contact_name,
                          row.phone, row.entered_on, row.exited_on, row.status, row.exit_reason, row.version)


_INSTITUTIONS = ReferenceTable(ServiceInstitution, validate_institution, _MISSING, _STALE)


def create_institution(session: Session, data: InstitutionInput, editor_id: uuid.UUID | None = None) -> InstitutionRow:
    """Add a resident institution (only while the station is not enrolled with HQ)."""
    row = _INSTITUTIONS.add(session, data, editor_id)
    return _institution_row(row, pick_lists.labels(session, pick_lists.SERVICE_CATEGORY))


def update_institution(session: Session, institution_id: uuid.UUID, data: InstitutionInput,
                       expected_version: int | None, editor_id: uuid.UUID | None = None) -> InstitutionRow:
    fresh = _INSTITUTIONS.change(session, institution_id, data, expected_version, editor_id)
    return _institution_row(fresh, pick_lists.labels(session, pick_lists.SERVICE_CATEGORY))


def delete_institution(session: Session, institution_id: uuid.UUID, expected_version: int | None,
                       editor_id: uuid.UUID | None = None) -> None:
    """Soft-delete with its catalogue.  Records that named it keep the reference."""
    row = _INSTITUTIONS.remove(session, institution_id, expected_version, editor_id)
    for entry in session.scalars(select(CatalogueEntry).where(CatalogueEntry.institution_id == row.id,
                                                              CatalogueEntry.deleted.is_(False))):
        entry.deleted = True
    session.flush()


def list_institutions(session: Session) -> list[InstitutionRow]:
    """Live institutions: resident ones first, then suspended, then exited; by name."""
    labels = pick_lists.labels(session, pick_lists.SERVICE_CATEGORY)
    rows = session.scalars(select(ServiceInstitution).where(ServiceInstitution.deleted.is_(False))).all()
    order = {status: n for n, status in enumerate(INSTITUTION_STATUSES)}
    return sorted((_institution_row(r, labels) for r in rows), key=lambda r: (order.get(r.status, 9), r.name))


def validate_entry(session: Session, data: CatalogueInput) -> dict[str, object]:
    load_live(session, ServiceInstitution, data.institution_id, _MISSING)
    if data.stage not in ENTERPRISE_STAGES:
        raise _err("stage", Msg("请从%1中选择。", '、'.join(ENTERPRISE_STAGES.values())))
    if data.fee_type not in FEE_TYPES:
        raise _err("fee_type", Msg("请从%1中选择。", '、'.join(FEE_TYPES.values())))
    return {
        "institution_id": data.institution_id,
        "title": checked_text(data.title, "title", FIELD_LABELS["title"], max_len=200, required=True),
        "stage": data.stage,
        "category": check_category(session, data.category),
        "fee_type": data.fee_type,
        "description": checked_text(data.description, "description", FIELD_LABELS["description"], max_len=2000),
    }


def _entry_row(row: CatalogueEntry, labels: dict[str, str]) -> CatalogueRow:
    return CatalogueRow(row.id, row.institution_id, row.title, row.stage, row.category,
                        labels.get(row.category, row.category), row.fee_type, row.description, row.version)


_ENTRIES = ReferenceTable(CatalogueEntry, validate_entry, _MISSING_ENTRY, _STALE)


def add_entry(session: Session, data: CatalogueInput, editor_id: uuid.UUID | None = None) -> CatalogueRow:
    row = _ENTRIES.add(session, data, editor_id)
    return _entry_row(row, pick_lists.labels(session, pick_lists.SERVICE_CATEGORY))


def update_entry(session: Session, entry_id: uuid.UUID, data: CatalogueInput, expected_version: int | None,
                 editor_id: uuid.UUID | None = None) -> CatalogueRow:
    fresh = _ENTRIES.change(session, entry_id, data, expected_version, editor_id)
    return _entry_row(fresh, pick_lists.labels(session, pick_lists.SERVICE_CATEGORY))


def delete_entry(session: Session, entry_id: uuid.UUID, expected_version: int | None,
                 editor_id: uuid.UUID | None = None) -> None:
    _ENTRIES.remove(session, entry_id, expected_version, editor_id)


def catalogue(session: Session, institution_id: uuid.UUID | None = None) -> list[CatalogueRow]:
    """Live catalogue entries (of one institution, or all), by stage, category (list order), title."""
    labels = pick_lists.labels(session, pick_lists.SERVICE_CATEGORY)
    query = select(CatalogueEntry).where(CatalogueEntry.deleted.is_(False))
    if institution_id is not None:
        query = query.where(CatalogueEntry.institution_id == institution_id)
    stages = {stage: n for n, stage in enumerate(ENTERPRISE_STAGES)}
    categories = {code: n for n, code in enumerate(labels)}  # the pick-list's display order
    rows = [_entry_row(r, labels) for r in session.scalars(query)]
    return sorted(rows, key=lambda r: (stages.get(r.stage, 9), categories.get(r.category, 99), r.title))
