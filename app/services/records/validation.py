"""What a service record may hold: the form's input, the field labels every message
names, and `validate_record`, the one set of rules the form, the Excel import and the
policy relay all apply."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from app.domain.catalogue import CHANNELS, FEE_TYPES
from app.domain.errors import ValidationError
from app.domain.messages import Msg
from app.domain.periods import china_today
from app.domain.text_normalise import checked_text
from app.services.actor import Actor
from app.services.demands.shapes import DemandInput
from app.services.records import period_locks
from app.services.references import (
    categories,
    category_labels,
    require_enterprise,
    require_expert,
    require_institution,
    require_staff,
)

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
EDITABLE = tuple(FIELD_LABELS)  # the columns a form edits (RecordSummary.to_input)


@dataclass(frozen=True)
class RecordInput:
    """What the quick-entry form submits.  The defaults are the common case at the desk:
    a walk-in, free service today, by the staff member who is logged in (staff_id None)."""

    enterprise_id: uuid.UUID
    service_date: date = field(default_factory=china_today)
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


def _err(fld: str, text: str) -> ValidationError:
    return ValidationError(Msg("%1：%2", FIELD_LABELS[fld], text), fld)


def _is_day(value: object) -> bool:
    return isinstance(value, date) and not isinstance(value, datetime)


def _int_in(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _fee(fee_type: object, fee: object) -> Decimal | None:
    if not isinstance(fee_type, str) or fee_type not in FEE_TYPES:
        raise _err("fee_type", Msg("请从“%1”中选择。", '、'.join(FEE_TYPES.values())))
    if fee is None:
        amount = None
    elif isinstance(fee, Decimal) or (isinstance(fee, int) and not isinstance(fee, bool)):
        amount = Decimal(fee)
    else:
        raise _err("fee", "请填写数字金额，例如“200”或“199.50”。")
    if amount is not None and (not amount.is_finite() or abs(amount) > MAX_FEE):
        raise _err("fee", Msg("请填写0–%1之间的金额。", MAX_FEE))
    if amount is not None and int(amount.as_tuple().exponent) < -2 and amount != amount.quantize(Decimal("0.01")):
        raise _err("fee", "最多保留两位小数（精确到分）。")
    if fee_type == "free":
        if amount is not None and amount != 0:
            raise _err("fee", "免费服务不填写金额。请清空金额，或把收费类型改为“低收费”或“有偿”。")
        return None
    if amount is None or amount <= 0:
        raise _err("fee", Msg("收费类型为“%1”时，请填写大于0的金额；不收费请选“免费”。", FEE_TYPES[fee_type]))
    return amount


def validate_record(
    session: Session, data: RecordInput, actor: Actor, today: date, lock_days: int | None
) -> dict[str, Any]:
    """Column values for a valid record, or a ValidationError naming the first bad field.

    The one set of rules for a record, whichever door it comes in by: the form, the Excel
    import and the policy relay."""
    if not isinstance(data, RecordInput):
        raise TypeError("RecordInput expected")
    require_enterprise(session, data.enterprise_id, "enterprise_id", FIELD_LABELS["enterprise_id"])
    day = data.service_date
    if not _is_day(day):
        raise _err("service_date", "请填写日期，例如“2026-11-05”。")
    if day > today:
        raise _err("service_date", Msg("不能晚于今天（%1），请填写实际服务的日期。", today.isoformat()))
    period_locks.ensure_editable(
        session, day, today, lock_days, field="service_date", label=FIELD_LABELS["service_date"]
    )
    known = categories(session)
    if not isinstance(data.category, str) or data.category not in known:
        retired = category_labels(session).get(data.category) if isinstance(data.category, str) else None
        stopped = Msg("“%1”已停用，", retired) if retired else ""
        raise _err("category", Msg("%1请从列表中选择（%2）。", stopped, '、'.join(known.values())))
    if not isinstance(data.channel, str) or data.channel not in CHANNELS:
        raise _err("channel", Msg("请从“%1”中选择。", '、'.join(CHANNELS.values())))
    for name in ("prep_minutes", "contact_minutes"):
        if not _int_in(getattr(data, name), 0, MAX_MINUTES):
            raise _err(name, Msg("请填写0–%1之间的整数分钟数。", MAX_MINUTES))
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
        raise _err("follow_up_on", Msg("不能早于服务日期（%1），请改正或留空。", day.isoformat()))
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
