"""Service records (服务记录): the front desk's quick entry, edits, the recycle bin and
the lazy list.  A record may open a demand in the same transaction."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from app.domain.catalogue import CHANNELS, FEE_TYPES
from app.domain.errors import UserError, ValidationError
from app.domain.text_normalise import checked_text
from app.models import (
    Enterprise,
    Expert,
    ServiceInstitution,
    ServiceRecord,
    StaffMember,
)
from app.services.actor import Actor
from app.services.demands import demands
from app.services.demands.demands import DemandInput
from app.services.records import period_locks
from app.services.references import (
    categories,
    category_labels,
    require_enterprise,
    require_expert,
    require_institution,
    require_staff,
)
from app.services.row_access import ensure_own, guarded_update, load_live
from app.services.station.identity import require_station

MAX_MINUTES = 1440  # one day
MAX_FEE = Decimal("99999999.99")
FIELD_LABELS: dict[str, str] = {
    "enterprise_id": "企业",
    "service_date": "服务日期",
    "category": "服务类别",
    "channel": "服务方式",
    "prep_minutes": "准备时长（分钟）",
    "contact_minutes": "服务时长（分钟）",
    "fee_type": "收费类型",
    "fee": "收费金额（元）",
    "staff_id": "服务人员",
    "institution_id": "转介服务机构",
    "expert_id": "转介专家",
    "summary": "服务内容",
    "outcome": "服务结果",
    "satisfaction": "满意度",
    "follow_up_on": "回访日期",
}
_EDITABLE = tuple(FIELD_LABELS)


@dataclass(frozen=True)
class RecordInput:
    """What the quick-entry form submits.  The defaults are the common case at the desk:
    a walk-in, free service today, by the staff member who is logged in (staff_id None)."""

    enterprise_id: uuid.UUID
    service_date: date = field(default_factory=date.today)
    category: str = ""
    channel: str = "walk_in"
    prep_minutes: int = 0
    contact_minutes: int = 0
    fee_type: str = "free"
    fee: Decimal | None = None
    staff_id: uuid.UUID | None = None
    institution_id: uuid.UUID | None = None
    expert_id: uuid.UUID | None = None
    summary: str = ""
    outcome: str = ""
    satisfaction: int | None = None
    follow_up_on: date | None = None
    create_demand: DemandInput | None = None


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
        return RecordInput(**{name: getattr(self, name) for name in _EDITABLE})


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


def _err(fld: str, text: str) -> ValidationError:
    return ValidationError(f"{FIELD_LABELS[fld]}：{text}", fld)


def _is_day(value: object) -> bool:
    return isinstance(value, date) and not isinstance(value, datetime)


def _int_in(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _fee(fee_type: object, fee: object) -> Decimal | None:
    if not isinstance(fee_type, str) or fee_type not in FEE_TYPES:
        raise _err("fee_type", f"请从“{'、'.join(FEE_TYPES.values())}”中选择。")
    if fee is None:
        amount = None
    elif isinstance(fee, Decimal) or (isinstance(fee, int) and not isinstance(fee, bool)):
        amount = Decimal(fee)
    else:
        raise _err("fee", "请填写数字金额，例如“200”或“199.50”。")
    if amount is not None and (not amount.is_finite() or abs(amount) > MAX_FEE):
        raise _err("fee", f"请填写0–{MAX_FEE}之间的金额。")
    if amount is not None and int(amount.as_tuple().exponent) < -2 and amount != amount.quantize(Decimal("0.01")):
        raise _err("fee", "最多保留两位小数（精确到分）。")
    if fee_type == "free":
        if amount is not None and amount != 0:
            raise _err("fee", "免费服务不填写金额。请清空金额，或把收费类型改为“低收费”或“有偿”。")
        return None
    if amount is None or amount <= 0:
        raise _err("fee", f"收费类型为“{FEE_TYPES[fee_type]}”时，请填写大于0的金额；不收费请选“免费”。")
    return amount


def _validate(session: Session, data: RecordInput, actor: Actor, today: date, lock_days: int | None) -> dict[str, Any]:
    """Column values for a valid record, or a ValidationError naming the first bad field."""
    if not isinstance(data, RecordInput):
        raise TypeError("RecordInput expected")
    require_enterprise(session, data.enterprise_id, "enterprise_id", FIELD_LABELS["enterprise_id"])
    day = data.service_date
    if not _is_day(day):
        raise _err("service_date", "请填写日期，例如“2026-11-05”。")
    if day > today:
        raise _err("service_date", f"不能晚于今天（{today.isoformat()}），请填写实际服务的日期。")
    period_locks.ensure_editable(session, day, today, lock_days, field="service_date", label=FIELD_LABELS["service_date"])
    known = categories(session)
    if not isinstance(data.category, str) or data.category not in known:
        retired = category_labels(session).get(data.category) if isinstance(data.category, str) else None
        stopped = f"“{retired}”已停用，" if retired else ""
        raise _err("category", f"{stopped}请从列表中选择（{'、'.join(known.values())}）。")
    if not isinstance(data.channel, str) or data.channel not in CHANNELS:
        raise _err("channel", f"请从“{'、'.join(CHANNELS.values())}”中选择。")
    for name in ("prep_minutes", "contact_minutes"):
        if not _int_in(getattr(data, name), 0, MAX_MINUTES):
            raise _err(name, f"请填写0–{MAX_MINUTES}之间的整数分钟数。")
    fee = _fee(data.fee_type, data.fee)
    staff_id = data.staff_id if data.staff_id is not None else actor.staff_id
    if staff_id is None:
        raise _err("staff_id", "请选择接待这家企业的工作人员。")
    require_staff(session, staff_id, "staff_id", FIELD_LABELS["staff_id"], day)
    if data.institution_id is not None:
        require_institution(session, data.institution_id, "institution_id", FIELD_LABELS["institution_id"])
    if data.expert_id is not None:
        require_expert(session, data.expert_id, "expert_id", FIELD_LABELS["expert_id"])
    summary = checked_text(data.summary, "summary", FIELD_LABELS["summary"], max_len=4000)
    outcome = checked_text(data.outcome, "outcome", FIELD_LABELS["outcome"], max_len=4000)
    if data.satisfaction is not None and not _int_in(data.satisfaction, 1, 5):
        raise _err("satisfaction", "请填写1–5分（5分最满意），未评价请留空。")
    if data.follow_up_on is not None and (not _is_day(data.follow_up_on) or data.follow_up_on < day):
        raise _err("follow_up_on", f"不能早于服务日期（{day.isoformat()}），请改正或留空。")
    return {
        "enterprise_id": data.enterprise_id,
        "service_date": day,
        "category": data.category,
        "channel": data.channel,
        "prep_minutes": data.prep_minutes,
        "contact_minutes": data.contact_minutes,
        "fee_type": data.fee_type,
        "fee": fee,
        "staff_id": staff_id,
        "institution_id": data.institution_id,
        "expert_id": data.expert_id,
        "summary": summary,
        "outcome": outcome,
        "satisfaction": data.satisfaction,
        "follow_up_on": data.follow_up_on,
    }


def _demand_input(
    session: Session, data: RecordInput, values: dict[str, Any], today: date, lock_days: int | None
) -> DemandInput | None:
    if data.create_demand is None:
        return None
    defaults = DemandInput("", values["category"], values["enterprise_id"], received_on=values["service_date"])
    return demands.normalise(
        session, data.create_demand, today=today, lock_days=lock_days, defaults=defaults, field_prefix="demand."
    )


def _open_demand(
    session: Session, row: ServiceRecord, demand: DemandInput | None, actor: Actor, today: date, lock_days: int | None
) -> uuid.UUID | None:
    if demand is None:
        return None
    note = f"由{row.service_date.isoformat()}的服务记录登记。"
    created = demands.create(
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
    today = today or date.today()
    lock_days = period_locks.resolve_lock_days(lock_days)
    station = require_station(session)
    values = _validate(session, data, actor, today, lock_days)
    demand = _demand_input(session, data, values, today, lock_days)
    row = ServiceRecord(station_id=station.id, **values)
    session.add(row)
    session.flush()
    demand_id = _open_demand(session, row, demand, actor, today, lock_days)
    return _summary(row, demand_id)


def get(session: Session, record_id: uuid.UUID) -> RecordSummary:
    return _summary(_load(session, record_id))


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
    today = today or date.today()
    lock_days = period_locks.resolve_lock_days(lock_days)
    row = _load_own(session, record_id)
    period_locks.ensure_editable(
        session, row.service_date, today, lock_days, field="service_date", label=FIELD_LABELS["service_date"]
    )
    values = _validate(session, data, actor, today, lock_days)
    demand = _demand_input(session, data, values, today, lock_days)
    fresh = _conditional_update(session, row, values, expected_version)
    return _summary(fresh, _open_demand(session, fresh, demand, actor, today, lock_days))


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
    row = _load_own(session, record_id)
    period_locks.ensure_editable(
        session, row.service_date, today, lock_days, field="service_date", label=FIELD_LABELS["service_date"]
    )
    _conditional_update(session, row, {"deleted": True}, expected_version)


def restore(
    session: Session, record_id: uuid.UUID, *, today: date | None = None, lock_days: int | None = None
) -> RecordSummary:
    row = session.get(ServiceRecord, record_id) if isinstance(record_id, uuid.UUID) else None
    if row is None or not row.deleted:
        raise UserError("回收站里没有这条服务记录，无法恢复。")
    _ensure_own(session, row)
    period_locks.ensure_editable(
        session, row.service_date, today, lock_days, field="service_date", label=FIELD_LABELS["service_date"]
    )
    return _summary(_conditional_update(session, row, {"deleted": False}, None))


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
        service_date=today or date.today(),
        category=row.category,
        channel=row.channel,
        prep_minutes=row.prep_minutes,
        contact_minutes=row.contact_minutes,
        fee_type=row.fee_type,
        fee=row.fee,
        institution_id=row.institution_id,
        expert_id=row.expert_id,
    )


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


# --- internals ----------------------------------------------------------------


def _load(session: Session, record_id: uuid.UUID) -> ServiceRecord:
    return load_live(session, ServiceRecord, record_id, "找不到这条服务记录（可能已被删除），请刷新列表。")


def _ensure_own(session: Session, row: ServiceRecord) -> None:
    ensure_own(session, row, "这条服务记录属于其他服务站，只能查看，不能修改。")


def _load_own(session: Session, record_id: uuid.UUID) -> ServiceRecord:
    row = _load(session, record_id)
    _ensure_own(session, row)
    return row


def _conditional_update(
    session: Session, row: ServiceRecord, values: dict[str, Any], expected_version: int | None
) -> ServiceRecord:
    stale = "这条服务记录刚被其他人修改过。请关闭后重新打开，查看最新内容再修改。"
    return guarded_update(session, ServiceRecord, row, values, expected_version, stale)


def _summary(row: ServiceRecord, demand_id: uuid.UUID | None = None) -> RecordSummary:
    return RecordSummary(
        row.id, row.version, row.enterprise_id, row.service_date, row.category, row.channel, row.prep_minutes,
        row.contact_minutes, row.fee_type, row.fee, row.staff_id, row.institution_id, row.expert_id, row.summary,
        row.outcome, row.satisfaction, row.follow_up_on, demand_id,
    )

