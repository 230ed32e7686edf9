"""服务专家库: experts and their fields of expertise (service category codes).

An HQ reference table like the institutions: editable here only before the station
is enrolled (app.services.reference_writes).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import ValidationError
from app.domain.messages import Msg
from app.domain.text_normalise import checked_text
from app.models import Expert
from app.services import pick_lists
from app.services.institutions.resident import check_category, clean_phone
from app.services.reference_writes import ReferenceTable

FIELD_LABELS: dict[str, str] = {
    "name": "专家姓名",
    "organisation": "所在单位",
    "title": "职称/职务",
    "fields": "擅长领域",
    "phone": "联系电话",
}
_MISSING = "找不到这位专家（可能已被删除），请刷新列表。"
_STALE = "这位专家的信息刚被修改过，请关闭后重新打开再改。"


@dataclass(frozen=True)
class ExpertInput:
    name: str
    fields: tuple[str, ...]  # service category codes
    organisation: str = ""
    title: str = ""
    phone: str = ""


@dataclass(frozen=True)
class ExpertRow:
    id: uuid.UUID
    name: str
    organisation: str
    title: str
    fields: tuple[str, ...]
    fields_label: str  # 财税服务、知识产权
    phone: str
    version: int


def split_fields(text: str) -> tuple[str, ...]:
    return tuple(code for code in (part.strip() for part in text.split(",")) if code)


def validate(session: Session, data: ExpertInput) -> dict[str, object]:
    name = checked_text(data.name, "name", FIELD_LABELS["name"], max_len=100, required=True)
    organisation = checked_text(data.organisation, "organisation", FIELD_LABELS["organisation"], max_len=200)
    title = checked_text(data.title, "title", FIELD_LABELS["title"], max_len=100)
    if not data.fields:
        raise ValidationError(Msg("%1：请至少选择一个擅长的服务类别。", FIELD_LABELS['fields']), "fields")
    codes: list[str] = []
    for code in data.fields:
        check_category(session, code, "fields", FIELD_LABELS["fields"])
        if code not in codes:
            codes.append(code)
    return {"name": name, "organisation": organisation, "title": title, "fields": ",".join(codes),
            "phone": clean_phone(data.phone, "phone", FIELD_LABELS["phone"])}


def _row(expert: Expert, labels: dict[str, str]) -> ExpertRow:
    fields = split_fields(expert.fields)
    return ExpertRow(expert.id, expert.name, expert.organisation, expert.title, fields,
                     "、".join(labels.get(code, code) for code in fields), expert.phone, expert.version)


_EXPERTS = ReferenceTable(Expert, validate, _MISSING, _STALE)


def create(session: Session, data: ExpertInput, editor_id: uuid.UUID | None = None) -> ExpertRow:
    """Add an expert (only while the station is not enrolled with HQ)."""
    expert = _EXPERTS.add(session, data, editor_id)
    return _row(expert, pick_lists.labels(session, pick_lists.SERVICE_CATEGORY))


def update(session: Session, expert_id: uuid.UUID, data: ExpertInput, expected_version: int | None,
           editor_id: uuid.UUID | None = None) -> ExpertRow:
    fresh = _EXPERTS.change(session, expert_id, data, expected_version, editor_id)
    return _row(fresh, pick_lists.labels(session, pick_lists.SERVICE_CATEGORY))


def delete(session: Session, expert_id: uuid.UUID, expected_version: int | None,
           editor_id: uuid.UUID | None = None) -> None:
    _EXPERTS.remove(session, expert_id, expected_version, editor_id)


def list_experts(session: Session) -> list[ExpertRow]:
    labels = pick_lists.labels(session, pick_lists.SERVICE_CATEGORY)
    rows = session.scalars(select(Expert).where(Expert.deleted.is_(False)).order_by(Expert.name)).all()
    return [_row(expert, labels) for expert in rows]
