"""人员配备: the station's staff roster (create, edit, soft-delete, list) and its staffing check.

Trainings received from HQ are kept as free text in `StaffMember.trainings`, one training
per line, ideally "日期 名称" ("2026-03-05 政策解读专题培训").  Saving normalises the text:
blank lines are dropped, a leading date typed as 2026/3/5 or 2026年3月5日 becomes
2026-03-05, and "；"-separated lists (older rows, the demo) become one line each.  A line
without a date is kept as it is: the text is a record, not a form.

The staffing rule itself (at least two full-time staff) lives in app.services.staff.rules.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.catalogue import STAFF_ROLES
from app.domain.errors import FieldError, ValidationError
from app.domain.messages import Msg
from app.domain.text_normalise import checked_text, parse_phone
from app.models import StaffMember
from app.services.row_access import ensure_own, guarded_update, load_live
from app.services.staff import rules as staff_rules
from app.services.station.identity import require_station

FIELD_LABELS: dict[str, str] = {
    "name": "姓名",
    "phone": "联系电话",
    "role": "岗位",
    "full_time": "专职/兼职",
    "start_date": "到岗日期",
    "end_date": "离岗日期",
    "trainings": "参加服务总站培训",
}
MAX_TRAININGS_CHARS = 4000
_LINE_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*(.*)$")
_MISSING = "找不到这位工作人员（可能已被删除），请刷新人员列表。"
_STALE = "这位工作人员的信息刚被修改过，请关闭后重新打开再改。"
_NOT_OURS = "这条人员记录不属于本站，不能修改。"


@dataclass(frozen=True)
class StaffInput:
    name: str
    phone: str = ""
    role: str = "staff"
    full_time: bool = True
    start_date: date | None = None
    end_date: date | None = None
    trainings: str = ""


@dataclass(frozen=True)
class StaffRow:
    id: uuid.UUID
    name: str
    phone: str
    role: str
    full_time: bool
    start_date: date | None
    end_date: date | None
    trainings: str
    version: int

    @property
    def role_label(self) -> str:
        return STAFF_ROLES.get(self.role, self.role)

    @property
    def training_lines(self) -> list[str]:
        """One entry per training; rows saved before normalising may still use "；"."""
        return [line.strip() for line in re.split(r"[\n；;]", self.trainings) if line.strip()]

    def on_staff(self, on: date) -> bool:
        """Joined by `on` and not yet left (the same test as staff_rules.on_staff)."""
        return (self.start_date is None or self.start_date <= on) and (self.end_date is None or self.end_date >= on)


@dataclass(frozen=True)
class Staffing:
    """The convention's staffing check on one day."""

    on: date
    full_time: int
    minimum: int
    shortfall: int

    @property
    def compliant(self) -> bool:
        return self.shortfall == 0


def _err(field: str, fix: str) -> ValidationError:
    return ValidationError(Msg("%1：%2", FIELD_LABELS[field], fix), field)


def normalise_trainings(text: object) -> str:
    """One training per line, leading dates as YYYY-MM-DD; see the module docstring."""
    raw = checked_text(text, "trainings", FIELD_LABELS["trainings"], max_len=MAX_TRAININGS_CHARS)
    lines = []
    for part in re.split(r"[\n；;]", raw):
        line = " ".join(part.split())
        if not line:
            continue
        match = _LINE_DATE.match(line)
        if match:
            year, month, day, rest = match.groups()
            try:
                line = f"{date(int(year), int(month), int(day)).isoformat()} {rest}".strip()
            except ValueError:
                raise _err("trainings", Msg("“%1”中的日期不存在，请按“2026-03-05 培训名称”填写。", line[:30])) from None
        lines.append(line)
    return "\n".join(lines)


def validate(data: StaffInput) -> dict[str, object]:
    """Column values for `data`, or a ValidationError naming the first bad field."""
    name = checked_text(data.name, "name", FIELD_LABELS["name"], max_len=100, required=True)
    try:
        phone = parse_phone(data.phone, FIELD_LABELS["phone"]) or ""
    except FieldError as exc:
        raise ValidationError(exc.message, "phone") from None
    if len(phone) > 50:
        raise _err("phone", "最多50个字符，请只保留一个常用号码。")
    if data.role not in STAFF_ROLES:
        raise _err("role", Msg("请从%1中选择。", '、'.join(STAFF_ROLES.values())))
    for field in ("start_date", "end_date"):
        value = getattr(data, field)
        if value is not None and not isinstance(value, date):
            raise _err(field, "请按“2026-07-01”的格式填写日期，或留空。")
    if data.start_date and data.end_date and data.end_date < data.start_date:
        raise _err(
            "end_date",
            Msg("不能早于到岗日期（%1），请检查两个日期。", data.start_date.isoformat()),
        )
    return {
        "name": name,
        "phone": phone,
        "role": data.role,
        "full_time": bool(data.full_time),
        "start_date": data.start_date,
        "end_date": data.end_date,
        "trainings": normalise_trainings(data.trainings),
    }


def _row(staff: StaffMember) -> StaffRow:
    return StaffRow(staff.id, staff.name, staff.phone, staff.role, staff.full_time, staff.start_date,
                    staff.end_date, staff.trainings, staff.version)


def create(session: Session, data: StaffInput) -> StaffRow:
    """Add a staff member to this station."""
    values = validate(data)
    staff = StaffMember(station_id=require_station(session).id, **values)
    session.add(staff)
    session.flush()
    return _row(staff)


def update(session: Session, staff_id: uuid.UUID, data: StaffInput, expected_version: int | None) -> StaffRow:
    """Save an edit; refused when someone saved the same person since `expected_version`."""
    values = validate(data)
    staff = load_live(session, StaffMember, staff_id, _MISSING)
    ensure_own(session, staff, _NOT_OURS)
    return _row(guarded_update(session, StaffMember, staff, values, expected_version, _STALE))


def delete(session: Session, staff_id: uuid.UUID, expected_version: int | None) -> None:
    """Soft-delete.  Their service records and demands keep pointing at them."""
    staff = load_live(session, StaffMember, staff_id, _MISSING)
    ensure_own(session, staff, _NOT_OURS)
    guarded_update(session, StaffMember, staff, {"deleted": True}, expected_version, _STALE)


def get(session: Session, staff_id: uuid.UUID) -> StaffRow:
    return _row(load_live(session, StaffMember, staff_id, _MISSING))


def list_staff(session: Session) -> list[StaffRow]:
    """Everyone not deleted, current and former, managers first then by name."""
    rows = session.scalars(
        select(StaffMember)
        .where(StaffMember.deleted.is_(False))
        .order_by((StaffMember.role == "manager").desc(), StaffMember.name)
    ).all()
    return [_row(staff) for staff in rows]


def staffing(session: Session, on: date) -> Staffing:
    """How many full-time staff the station has on `on`, against the convention's minimum."""
    count = staff_rules.full_time_count(session, on)
    return Staffing(on, count, staff_rules.MINIMUM_FULL_TIME, staff_rules.staffing_shortfall(session, on))
