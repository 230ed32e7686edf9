"""Period locks (期间锁定), after Neoserra: a month's service records and demands become
read-only `lock_days` days after the month ends, unless a manager unlocks the month
with a reason.  An unlock lasts until someone relocks the month; both are logged.

A service record belongs to the month of its service date, a demand to the month it
was received.  The month locks *on* its lock date: with 10 days, October 2026 is
editable through 2026-11-09 and locked from 2026-11-10.

The number of days is this machine's setting (月末后锁定天数), changed by a manager in
设置 → 锁定期限… (`set_lock_days`).
"""

from __future__ import annotations

import calendar
import re
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import settings
from app.domain.errors import UserError, ValidationError
from app.domain.messages import Msg
from app.domain.periods import CHINA_TIME, china_today
from app.domain.text_normalise import checked_text
from app.models import PeriodUnlock, StaffMember
from app.models.types import utcnow
from app.services.references import Choice
from app.services.station.identity import current_station, require_station

MIN_LOCK_DAYS = 1  # 0 would lock a month on its own last day, while it is still being recorded
MAX_LOCK_DAYS = 60
LOCK_SETTINGS_MENU = "设置 → 锁定期限…"  # where the user changes the days (app/ui/shell/main_window.py)
_PERIOD = re.compile(r"^(\d{4})-(\d{2})$")


class PeriodLockedError(ValidationError):
    """An edit of a locked month.  The UI may offer the manager's unlock from here."""

    def __init__(self, message: str, period: str, locked_on: date, field: str | None = None) -> None:
        super().__init__(message, field)
        self.period = period
        self.locked_on = locked_on


@dataclass(frozen=True)
class UnlockEntry:
    id: uuid.UUID
    period: str
    unlocked_by: uuid.UUID
    unlocked_by_name: str
    reason: str
    at: datetime
    relock_at: datetime | None
    relocked_by: uuid.UUID | None

    @property
    def active(self) -> bool:
        return self.relock_at is None


def period_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def period_label(period: str) -> str:
    year, month = parse_period(period)
    return Msg("%1年%2月", year, month)


def parse_period(period: str) -> tuple[int, int]:
    match = _PERIOD.match(period) if isinstance(period, str) else None
    if match is None or not 1 <= int(match.group(2)) <= 12:
        raise ValidationError(Msg("期间：“%1”格式不对，请写成“年-月”，例如“2026-10”。", period), "period")
    return int(match.group(1)), int(match.group(2))


def configured_lock_days() -> int:
    """The station's setting (月末后锁定天数), 10 unless changed."""
    return settings.Settings().get(settings.LOCK_DAYS_AFTER_MONTH_END)


def resolve_lock_days(lock_days: int | None) -> int:
    """`lock_days` checked, or the configured value when None."""
    days = configured_lock_days() if lock_days is None else lock_days
    if not _valid_days(days):
        raise UserError(
            Msg("设置“月末后锁定天数”为“%1”，无效。请在“%2”中改为%3–%4之间的整数。", days, LOCK_SETTINGS_MENU, MIN_LOCK_DAYS, MAX_LOCK_DAYS),
            "lock_days_after_month_end",
        )
    return days


def _valid_days(days: object) -> bool:
    return not isinstance(days, bool) and isinstance(days, int) and MIN_LOCK_DAYS <= days <= MAX_LOCK_DAYS


def manager_choices(session: Session, today: date | None = None) -> list[Choice]:
    """This station's managers still in post, by name (who may unlock or change the lock days)."""
    today = today or china_today()
    station = current_station(session)
    rows = session.scalars(
        select(StaffMember)
        .where(StaffMember.deleted.is_(False), StaffMember.role == "manager")
        .order_by(StaffMember.name)
    )
    return [Choice(s.id, s.name) for s in rows if _is_manager(s, station.id if station else None, today)]


def set_lock_days(session: Session, days: int, manager_staff_id: uuid.UUID, *, today: date | None = None) -> int:
    """设置 → 锁定期限…: change 月末后锁定天数.  Only a manager of this station in post."""
    station = require_station(session)
    staff = session.get(StaffMember, manager_staff_id) if isinstance(manager_staff_id, uuid.UUID) else None
    if staff is None or not _is_manager(staff, station.id, today or china_today()):
        raise ValidationError("修改人：只有本站在职的站长/负责人可以修改锁定期限，请由站长操作。", "manager_staff_id")
    if not _valid_days(days):
        raise ValidationError(
            Msg("锁定天数：“%1”无效，请填写%2–%3之间的整数。", days, MIN_LOCK_DAYS, MAX_LOCK_DAYS), "lock_days_after_month_end"
        )
    settings.Settings().set(settings.LOCK_DAYS_AFTER_MONTH_END, days)
    return days


def _is_manager(staff: StaffMember, station_id: uuid.UUID | None, today: date) -> bool:
    return (
        not staff.deleted
        and staff.role == "manager"
        and staff.station_id in (None, station_id)
        and (staff.end_date is None or staff.end_date >= today)
    )


def lock_date(period: str, lock_days: int | None = None) -> date:
    """The first day on which `period` is read-only."""
    year, month = parse_period(period)
    month_end = date(year, month, calendar.monthrange(year, month)[1])
    return month_end + timedelta(days=resolve_lock_days(lock_days))


def _active_unlock(session: Session, period: str) -> PeriodUnlock | None:
    station = current_station(session)
    if station is None:
        return None
    return session.scalars(
        select(PeriodUnlock)
        .where(PeriodUnlock.period == period, PeriodUnlock.relock_at.is_(None), PeriodUnlock.deleted.is_(False))
        .where(PeriodUnlock.station_id == station.id)
        .order_by(PeriodUnlock.at.desc())
        .limit(1)
    ).first()


def is_locked(session: Session, day: date, today: date | None = None, lock_days: int | None = None) -> bool:
    """Whether records dated `day` are read-only on `today`."""
    today = today or china_today()
    if day > today:
        return False
    period = period_of(day)
    if today < lock_date(period, lock_days):
        return False
    return _active_unlock(session, period) is None


def ensure_editable(
    session: Session,
    day: date,
    today: date | None = None,
    lock_days: int | None = None,
    *,
    field: str | None = None,
    label: str | None = None,
) -> None:
    """Raise PeriodLockedError when `day` falls in a locked month.  `label` prefixes the
    message with the form field's name."""
    days = resolve_lock_days(lock_days)
    if not is_locked(session, day, today, days):
        return
    period = period_of(day)
    locked_on = lock_date(period, days)
    prefix = Msg("%1：", label) if label else ""
    raise PeriodLockedError(
        Msg("%1%2的记录已于%3锁定（每月结束%4天后锁定），不能新增、修改或删除。如确需更正，请由站长解锁并说明原因。", prefix, period_label(period), locked_on.isoformat(), days),
        period,
        locked_on,
        field,
    )


def unlock(
    session: Session,
    period: str,
    manager_staff_id: uuid.UUID,
    reason: str,
    *,
    today: date | None = None,
    lock_days: int | None = None,
) -> UnlockEntry:
    """Open a locked month for corrections.  Only a manager, only with a reason; logged."""
    today = today or china_today()
    reason = checked_text(reason, "reason", "解锁原因", max_len=500, required=True)
    parse_period(period)
    station = require_station(session)
    staff = session.get(StaffMember, manager_staff_id) if isinstance(manager_staff_id, uuid.UUID) else None
    if staff is None or not _is_manager(staff, station.id, today):
        raise ValidationError("解锁人：只有本站在职的站长/负责人可以解锁已锁定的期间，请由站长操作。", "manager_staff_id")
    locked_on = lock_date(period, lock_days)
    if today < locked_on:
        raise UserError(Msg("%1尚未锁定（将于%2锁定），无需解锁。", period_label(period), locked_on.isoformat()), "period")
    current = _active_unlock(session, period)
    if current is not None:
        raise UserError(Msg("%1已于%2解锁，尚未重新锁定，无需再次解锁。", period_label(period), _local(current.at)), "period")
    row = PeriodUnlock(
        station_id=station.id, period=period, unlocked_by=staff.id, reason=reason, at=utcnow(), relock_at=None
    )
    session.add(row)
    session.flush()
    return _entry(session, row)


def relock(session: Session, period: str, staff_id: uuid.UUID) -> UnlockEntry:
    """End the month's unlock (any staff member may: locking only narrows what is editable)."""
    parse_period(period)
    staff = session.get(StaffMember, staff_id) if isinstance(staff_id, uuid.UUID) else None
    if staff is None or staff.deleted:
        raise ValidationError("操作人：找不到这位工作人员，请从人员列表中选择。", "staff_id")
    current = _active_unlock(session, period)
    if current is None:
        raise UserError(Msg("%1当前没有解锁，无需重新锁定。", period_label(period)), "period")
    current.relock_at = utcnow()
    current.relocked_by = staff.id
    session.flush()
    return _entry(session, current)


def unlocks(session: Session, period: str | None = None) -> list[UnlockEntry]:
    """The unlock log, newest first (all months, or one)."""
    query = select(PeriodUnlock).where(PeriodUnlock.deleted.is_(False)).order_by(PeriodUnlock.at.desc())
    if period is not None:
        parse_period(period)
        query = query.where(PeriodUnlock.period == period)
    return [_entry(session, row) for row in session.scalars(query)]


def _entry(session: Session, row: PeriodUnlock) -> UnlockEntry:
    staff = session.get(StaffMember, row.unlocked_by)
    return UnlockEntry(
        row.id,
        row.period,
        row.unlocked_by,
        staff.name if staff is not None else "",
        row.reason,
        row.at,
        row.relock_at,
        row.relocked_by,
    )


def _local(at: datetime) -> str:
    return at.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M")
