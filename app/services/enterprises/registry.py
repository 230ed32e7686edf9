"""Enterprise registry (企业库): create, edit, soft delete and undo, duplicates.

Each function takes the caller's open Session (one transaction per user action)
and returns frozen dataclasses.  Everything is checked before anything is
written, so an error leaves the session untouched.  Writes are reported to the
search index (enterprise_search.note_changed).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, fields
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.domain import credit_code as credit_codes
from app.domain import enterprise_size, industries
from app.domain.catalogue import ENTERPRISE_STATUSES
from app.domain.errors import UserError
from app.domain.messages import Msg
from app.models import Enterprise
from app.services.enterprises import search as enterprise_search
from app.services.enterprises.history import EnterpriseHistory, history
from app.services.enterprises.names import name_key, within_one_edit
from app.services.enterprises.search import LIVE
from app.services.enterprises.validation import (
    FIELD_LABELS,
    CheckCharacterWarning,
    EnterpriseInput,
    SizePreview,
    ValidatedEnterprise,
    check_fields,
    size_preview,
)
from app.services.row_access import ensure_own, guarded_update, load_live
from app.services.station.identity import require_station

__all__ = [
    "FIELD_LABELS", "CheckCharacterWarning", "DuplicateCheck", "DuplicateEnterpriseError", "EnterpriseDetail",
    "EnterpriseHistory", "EnterpriseInput", "EnterpriseSummary", "SizePreview", "ValidatedEnterprise", "create",
    "delete", "find_duplicates", "get", "history", "restore", "size_preview", "update", "validate",
]

STALE_MESSAGE = "该企业已被其他操作修改，请刷新后再保存。"
MAX_SIMILAR = 10
_SIMILAR_SQL_CANDIDATES = 5000


@dataclass(frozen=True)
class EnterpriseSummary:
    """Enough to recognise an enterprise (duplicate prompts, pickers)."""

    id: uuid.UUID
    name: str
    credit_code: str | None
    district: str | None
    contact_name: str
    contact_phone: str
    status: str


@dataclass(frozen=True)
class EnterpriseDetail:
    id: uuid.UUID
    version: int
    # Enterprises are shared: any station may correct them (HQ merges field by field),
    # but only the station that registered one may delete it.
    editable: bool
    deletable: bool
    credit_code: str | None
    credit_code_warning: bool
    name: str
    name_initials: str
    industry_section: str | None
    industry_code: str | None
    industry_label: str
    district: str | None
    address: str
    legal_representative: str
    contact_name: str
    contact_phone: str
    employees: int | None
    revenue: Decimal | None
    assets: Decimal | None
    size_year: int | None
    size: str | None
    size_label: str
    size_missing: tuple[str, ...]
    status: str
    status_label: str
    notes: str
    created_at: datetime
    updated_at: datetime

    def to_input(self) -> EnterpriseInput:
        """For the edit form: the stored values as the form shows them."""
        values = {f.name: getattr(self, f.name) for f in fields(EnterpriseInput)}
        return EnterpriseInput(**{k: "" if v is None and k not in ("employees", "revenue", "assets", "size_year") else v
                                  for k, v in values.items()})


@dataclass(frozen=True)
class DuplicateCheck:
    same_code: EnterpriseSummary | None  # open this one instead of registering again
    similar_names: list[EnterpriseSummary]  # suggestions only


class DuplicateEnterpriseError(UserError):
    """The credit code belongs to an enterprise already in the registry."""

    def __init__(self, existing: EnterpriseSummary) -> None:
        super().__init__(
            Msg("统一社会信用代码：企业库里已有“%1”使用这个代码，不能重复登记。请打开该企业查看或修改。", existing.name),
            "credit_code",
        )
        self.existing_id = existing.id
        self.existing = existing


def validate(
    session: Session,
    data: EnterpriseInput,
    *,
    confirm_check_warning: bool,
    exclude_id: uuid.UUID | None = None,
    accepted_code: str | None = None,
) -> ValidatedEnterprise:
    """All checks of the form, in order: each field, then a duplicate code, then the
    check-character warning (last, so the user confirms only when nothing else is wrong).

    `exclude_id`: the enterprise being edited (its own code is no duplicate);
    `accepted_code`: a code confirmed before, which is not warned about again."""
    values, code_result = check_fields(data)
    if values.credit_code:
        existing = _live_with_code(session, values.credit_code, exclude_id)
        if existing is not None:
            raise DuplicateEnterpriseError(existing)
    warned = values.credit_code_warning and values.credit_code != accepted_code
    if warned and not confirm_check_warning:
        assert code_result is not None
        raise CheckCharacterWarning(code_result)
    return values


def create(session: Session, data: EnterpriseInput, confirm_check_warning: bool = False) -> EnterpriseDetail:
    """Register an enterprise for this station.  Raises ValidationError (a field),
    DuplicateEnterpriseError (open `existing_id` instead) or CheckCharacterWarning
    (ask, then call again with confirm_check_warning=True)."""
    station = require_station(session)
    values = validate(session, data, confirm_check_warning=confirm_check_warning)
    row = Enterprise(station_id=station.id, **values.columns())
    session.add(row)
    session.flush()
    enterprise_search.note_changed(session, [row.id])
    return _detail(row, station.id)


def get(session: Session, enterprise_id: uuid.UUID) -> EnterpriseDetail:
    """The detail page's data; UserError when it is deleted or unknown."""
    station = require_station(session)
    return _detail(_load(session, enterprise_id), station.id)


def update(
    session: Session,
    enterprise_id: uuid.UUID,
    data: EnterpriseInput,
    expected_version: int,
    *,
    confirm_check_warning: bool = False,
) -> EnterpriseDetail:
    """Save an edit; refused when the enterprise changed since `expected_version` was read.

    A code already accepted with a warning need not be confirmed again."""
    row = _load(session, enterprise_id)
    if row.version != expected_version:
        raise UserError(STALE_MESSAGE)
    accepted = row.credit_code if row.credit_code_warning else None
    values = validate(
        session, data, confirm_check_warning=confirm_check_warning, exclude_id=row.id, accepted_code=accepted
    )
    return _save(session, row, values.columns(), expected_version)


def delete(session: Session, enterprise_id: uuid.UUID, expected_version: int | None = None) -> None:
    """Soft delete (a tombstone sync will carry); service records and demands stay."""
    _save(session, _load_own(session, enterprise_id), {"deleted": True}, expected_version)


def restore(session: Session, enterprise_id: uuid.UUID) -> EnterpriseDetail:
    """Undo a delete.  Refused when another enterprise took the code meanwhile."""
    row = session.get(Enterprise, enterprise_id) if isinstance(enterprise_id, uuid.UUID) else None
    if row is None or not row.deleted:
        raise UserError("回收站里没有这家企业，无法恢复。")
    _ensure_own(session, row)
    if row.credit_code and (existing := _live_with_code(session, row.credit_code, row.id)) is not None:
        raise DuplicateEnterpriseError(existing)
    return _save(session, row, {"deleted": False}, None)


def find_duplicates(
    session: Session, credit_code: str, name: str, exclude_id: uuid.UUID | None = None
) -> DuplicateCheck:
    """For the form while typing: the enterprise with this code, and enterprises whose
    name is the same or one character away once 广州/有限公司/punctuation are set aside."""
    code = credit_codes.normalise(credit_code or "")
    same = _live_with_code(session, code, exclude_id) if len(code) == 18 else None
    key = name_key(name or "")
    skip = {exclude_id, same.id if same else None}
    index = enterprise_search.ready_index(session)
    if not key:
        ids: list[uuid.UUID] = []
    elif index is not None:
        ids = [i for i in index.similar(key) if i not in skip]
    else:
        ids = _similar_by_sql(session, key, skip)
    similar = _summaries(session, ids[:200])
    similar.sort(key=lambda s: (name_key(s.name) != key, s.name))
    return DuplicateCheck(same, similar[:MAX_SIMILAR])


# --- internals ----------------------------------------------------------------


def _summary_columns() -> tuple[Any, ...]:
    e = Enterprise
    return (e.id, e.name, e.credit_code, e.district, e.contact_name, e.contact_phone, e.status)


def _summaries(session: Session, ids: list[uuid.UUID]) -> list[EnterpriseSummary]:
    if not ids:
        return []
    rows = session.execute(select(*_summary_columns()).where(Enterprise.id.in_(ids), LIVE))
    return [EnterpriseSummary(*r) for r in rows]


def _live_with_code(session: Session, code: str, exclude_id: uuid.UUID | None) -> EnterpriseSummary | None:
    query = select(*_summary_columns()).where(Enterprise.credit_code == code, LIVE)
    if exclude_id is not None:
        query = query.where(Enterprise.id != exclude_id)
    row = session.execute(query.limit(1)).first()
    return EnterpriseSummary(*row) if row else None


def _similar_by_sql(session: Session, key: str, skip: set[uuid.UUID | None]) -> list[uuid.UUID]:
    # Keys one edit apart share one half intact, so a name containing neither half of
    # the key cannot be similar (before the search index is built; slower, same answer
    # except for names whose punctuation or full-width letters split a half).
    half = len(key) // 2
    parts = {part for part in (key[:half], key[half:]) if part} or {key}
    query = select(Enterprise.id, Enterprise.name).where(
        LIVE, or_(*(Enterprise.name.like(f"%{part}%") for part in parts))
    )
    rows = session.execute(query.limit(_SIMILAR_SQL_CANDIDATES))
    return [r.id for r in rows if r.id not in skip and within_one_edit(key, name_key(r.name))]


def _load(session: Session, enterprise_id: uuid.UUID) -> Enterprise:
    return load_live(session, Enterprise, enterprise_id, "找不到这家企业（可能已被删除），请刷新列表。")


def _ensure_own(session: Session, row: Enterprise) -> None:
    ensure_own(session, row, "这家企业由服务总站或其他服务站登记，本站不能删除；如资料有误，可以直接修改。")


def _load_own(session: Session, enterprise_id: uuid.UUID) -> Enterprise:
    row = _load(session, enterprise_id)
    _ensure_own(session, row)
    return row


def _save(session: Session, row: Enterprise, values: dict[str, Any], expected_version: int | None) -> EnterpriseDetail:
    fresh = guarded_update(session, Enterprise, row, values, expected_version, STALE_MESSAGE)
    enterprise_search.note_changed(session, [fresh.id])
    return _detail(fresh, require_station(session).id)


def _detail(row: Enterprise, station_id: uuid.UUID) -> EnterpriseDetail:
    size = enterprise_size.Size(row.size) if row.size in {s.value for s in enterprise_size.Size} else None
    std_row = enterprise_size.standard_row(row.industry_section, row.industry_code)
    missing = () if size else tuple(enterprise_size.missing_inputs(std_row, row.employees, row.revenue, row.assets))
    return EnterpriseDetail(
        row.id, row.version, True, row.station_id == station_id, row.credit_code, row.credit_code_warning, row.name,
        row.name_initials, row.industry_section, row.industry_code,
        industries.label(row.industry_section, row.industry_code), row.district, row.address,
        row.legal_representative, row.contact_name, row.contact_phone, row.employees, row.revenue, row.assets,
        row.size_year, row.size, size.label if size else "", missing, row.status,
        ENTERPRISE_STATUSES.get(row.status, row.status), row.notes, row.created_at, row.updated_at,
    )
