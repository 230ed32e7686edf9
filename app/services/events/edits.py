"""Events (活动): create, edit, soft-delete and list trainings, salons, lectures, policy
briefings …, and the month view the calendar shows.

Times are aware datetimes; days and months are China time (CHINA_TIME), so an event at
00:30 Beijing time belongs to the day the station sees on its wall calendar.
A policy briefing (政策宣贯会) names the policies it explains; their ids are kept, in the
order chosen, as comma-separated hex in `Event.policy_ids`.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.domain.catalogue import EVENT_TYPES
from app.domain.errors import UserError, ValidationError
from app.domain.periods import CHINA_TIME
from app.domain.text_normalise import checked_text
from app.models import Event, EventAttendance, Policy
from app.services import pick_lists
from app.services.row_access import ensure_own, guarded_update, load_live
from app.services.station.identity import require_station

POLICY_BRIEFING = "policy_briefing"
MAX_WALK_INS = 100_000
FIELD_LABELS: dict[str, str] = {
    "title": "活动名称",
    "event_type": "活动类型",
    "theme": "主题月",
    "starts_at": "开始时间",
    "ends_at": "结束时间",
    "venue": "地点",
    "organiser": "主办单位",
    "partners": "合作机构",
    "speakers": "主讲嘉宾",
    "walk_in_count": "现场未报名人数",
    "satisfaction": "满意度",
    "description": "活动简介",
    "summary": "活动总结",
    "policy_ids": "宣贯政策",
}
TEXT_LIMITS: dict[str, tuple[int, bool]] = {  # field → (max length, required)
    "title": (200, True),
    "venue": (200, False),
    "organiser": (200, False),
    "partners": (1000, False),
    "speakers": (1000, False),
    "description": (4000, False),
    "summary": (8000, False),
}


@dataclass(frozen=True)
class EventInput:
    """A new or edited event, as the form collects it."""

    title: str
    event_type: str
    starts_at: datetime | None
    ends_at: datetime | None
    theme: str | None = None
    venue: str = ""
    organiser: str = ""
    partners: str = ""
    speakers: str = ""
    walk_in_count: int = 0
    satisfaction: float | None = None
    description: str = ""
    summary: str = ""
    policy_ids: tuple[uuid.UUID, ...] = ()


@dataclass(frozen=True)
class EventDetail:
    id: uuid.UUID
    title: str
    event_type: str
    theme: str | None
    starts_at: datetime
    ends_at: datetime
    venue: str
    organiser: str
    partners: str
    speakers: str
    walk_in_count: int
    satisfaction: float | None
    description: str
    summary: str
    policy_ids: tuple[uuid.UUID, ...]
    version: int
    own: bool  # the station's own event (HQ's events are read-only)

    @property
    def type_label(self) -> str:
        return EVENT_TYPES.get(self.event_type, self.event_type)

    def as_input(self) -> EventInput:
        return EventInput(
            self.title, self.event_type, self.starts_at, self.ends_at, self.theme, self.venue, self.organiser,
            self.partners, self.speakers, self.walk_in_count, self.satisfaction, self.description, self.summary,
            self.policy_ids,
        )


@dataclass(frozen=True)
class EventRow:
    """One line of the event list."""

    id: uuid.UUID
    title: str
    event_type: str
    type_label: str
    theme: str | None
    theme_label: str
    starts_at: datetime
    ends_at: datetime
    venue: str
    registered: int
    checked_in: int
    walk_in_count: int
    satisfaction: float | None
    version: int

    @property
    def day(self) -> date:
        return self.starts_at.astimezone(CHINA_TIME).date()

    @property
    def attendance(self) -> int:
        """Who came: checked-in registrants plus walk-ins."""
        return self.checked_in + self.walk_in_count


@dataclass(frozen=True)
class EventFilter:
    event_type: str | None = None
    theme: str | None = None
    month: tuple[int, int] | None = None  # (year, month), China time
    day: date | None = None  # China time; narrower than month
    text: str = ""  # in title, venue, speakers or organiser


@dataclass(frozen=True)
class PolicyChoice:
    id: uuid.UUID
    title: str
    issuer: str
    issued_on: date | None

    @property
    def label(self) -> str:
        return f"{self.title}（{self.issuer}）" if self.issuer else self.title


@dataclass(frozen=True)
class ThemeChoices:
    """Theme tags a form may offer: code → label (the active list) and every label known."""

    active: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)


# --- validation -----------------------------------------------------------------


def _err(fld: str, text: str) -> ValidationError:
    return ValidationError(f"{FIELD_LABELS[fld]}：{text}", fld)


def _moment(value: object, fld: str) -> datetime:
    if not isinstance(value, datetime):
        raise _err(fld, "请填写日期和时间，例如“2026-07-01 14:30”。")
    if value.tzinfo is None:
        return value.replace(tzinfo=CHINA_TIME)  # a wall-clock time at the station
    return value


def normalise(session: Session, data: EventInput, *, current_theme: str | None = None) -> dict[str, Any]:
    """Column values for `data`, or ValidationError naming the first bad field.
    `current_theme` (when editing) stays allowed even after HQ retired it."""
    values: dict[str, Any] = {}
    for fld, (limit, required) in TEXT_LIMITS.items():
        values[fld] = checked_text(getattr(data, fld), fld, FIELD_LABELS[fld], max_len=limit, required=required)
    if not isinstance(data.event_type, str) or data.event_type not in EVENT_TYPES:
        raise _err("event_type", f"请从列表中选择（{'、'.join(EVENT_TYPES.values())}）。")
    values["event_type"] = data.event_type
    theme = data.theme or None
    if theme is not None:
        allowed = pick_lists.active_codes(session, pick_lists.EVENT_THEME)
        if not isinstance(theme, str) or (theme not in allowed and theme != current_theme):
            raise _err("theme", f"请从列表中选择（{'、'.join(allowed.values())}），不属于主题月的活动请留空。")
    values["theme"] = theme
    starts_at = _moment(data.starts_at, "starts_at")
    ends_at = _moment(data.ends_at, "ends_at")
    if ends_at < starts_at:
        shown = starts_at.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M")
        raise _err("ends_at", f"不能早于开始时间（{shown}），请改正。")
    if ends_at - starts_at > timedelta(days=31):
        raise _err("ends_at", "活动不能超过31天；主题月请拆成多场活动分别登记。")
    values["starts_at"], values["ends_at"] = starts_at, ends_at
    walk_ins = data.walk_in_count
    if walk_ins is None:
        walk_ins = 0
    if isinstance(walk_ins, bool) or not isinstance(walk_ins, int) or not 0 <= walk_ins <= MAX_WALK_INS:
        raise _err("walk_in_count", f"请填写0到{MAX_WALK_INS}之间的整数（没有就填0）。")
    values["walk_in_count"] = walk_ins
    values["satisfaction"] = _satisfaction(data.satisfaction)
    values["policy_ids"] = _policy_ids(session, data) if data.event_type == POLICY_BRIEFING else ""
    return values


def _satisfaction(value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise _err("satisfaction", "请填写1到5之间的分数（5分最满意），未调查请留空。")
    if not 1 <= value <= 5:
        raise _err("satisfaction", f"应在1到5之间（现为{value:g}），未调查请留空。")
    return round(float(value), 1)


def _policy_ids(session: Session, data: EventInput) -> str:
    chosen = data.policy_ids or ()
    if not isinstance(chosen, tuple | list) or not all(isinstance(i, uuid.UUID) for i in chosen):
        raise _err("policy_ids", "请从政策列表中选择。")
    unique = list(dict.fromkeys(chosen))
    if unique:
        found = set(session.scalars(select(Policy.id).where(Policy.id.in_(unique), Policy.deleted.is_(False))))
        if len(found) != len(unique):
            raise _err("policy_ids", "有政策已不在政策库中（可能已被删除），请重新选择。")
    return ",".join(i.hex for i in unique)


def parse_policy_ids(text: str) -> tuple[uuid.UUID, ...]:
    ids = []
    for part in (text or "").split(","):
        try:
            ids.append(uuid.UUID(hex=part.strip()))
        except ValueError:
            continue
    return tuple(ids)


# --- writes -------------------------------------------------------------------------


def create(session: Session, data: EventInput) -> EventDetail:
    station = require_station(session)
    values = normalise(session, data)
    row = Event(station_id=station.id, **values)
    session.add(row)
    session.flush()
    return _detail(row, station.id)


def update(session: Session, event_id: uuid.UUID, data: EventInput, expected_version: int | None) -> EventDetail:
    """Refused when someone saved the event since `expected_version` (None: no check)."""
    row = _load_own(session, event_id)
    values = normalise(session, data, current_theme=row.theme)
    fresh = guarded_update(session, Event, row, values, expected_version, _STALE)
    return _detail(fresh, row.station_id)


def delete(session: Session, event_id: uuid.UUID, expected_version: int | None = None) -> None:
    """Soft delete; its attendance and materials stay (restore brings them back)."""
    row = _load_own(session, event_id)
    guarded_update(session, Event, row, {"deleted": True}, expected_version, _STALE)


def restore(session: Session, event_id: uuid.UUID) -> EventDetail:
    row = session.get(Event, event_id)
    if row is None or not row.deleted:
        raise UserError("回收站里没有这场活动，无法恢复。")
    ensure_own(session, row, _NOT_OURS)
    return _detail(guarded_update(session, Event, row, {"deleted": False}, None, _STALE), row.station_id)


# --- reads --------------------------------------------------------------------------


def get(session: Session, event_id: uuid.UUID) -> EventDetail:
    row = _load(session, event_id)
    return _detail(row, require_station(session).id)


def list_events(session: Session, filt: EventFilter | None = None) -> list[EventRow]:
    """Matching events, latest first, with their registered and checked-in counts."""
    filt = filt or EventFilter()
    registered = func.count(EventAttendance.id)
    checked_in = func.count(EventAttendance.checked_in_at)
    query = (
        select(Event, registered, checked_in)
        .outerjoin(EventAttendance, (EventAttendance.event_id == Event.id) & EventAttendance.deleted.is_(False))
        .where(Event.deleted.is_(False))
        .group_by(Event.id)
    )
    if filt.event_type:
        query = query.where(Event.event_type == filt.event_type)
    if filt.theme:
        query = query.where(Event.theme == filt.theme)
    span = _day_span(filt.day) if filt.day else _month_span(*filt.month) if filt.month else None
    if span is not None:
        query = query.where(Event.starts_at >= span[0], Event.starts_at < span[1])
    text = filt.text.strip()
    if text:
        columns = (Event.title, Event.venue, Event.speakers, Event.organiser, Event.partners)
        query = query.where(or_(*(c.contains(text, autoescape=True) for c in columns)))
    themes = pick_lists.labels(session, pick_lists.EVENT_THEME)
    rows = session.execute(query.order_by(Event.starts_at.desc(), Event.id)).all()
    return [_list_row(e, int(reg), int(came), themes) for e, reg, came in rows]


def _list_row(e: Event, registered: int, checked_in: int, themes: dict[str, str]) -> EventRow:
    return EventRow(
        e.id, e.title, e.event_type, EVENT_TYPES.get(e.event_type, e.event_type), e.theme,
        themes.get(e.theme, e.theme) if e.theme else "", e.starts_at, e.ends_at, e.venue, registered, checked_in,
        e.walk_in_count, e.satisfaction, e.version,
    )


def month_days(session: Session, year: int, month: int) -> dict[date, int]:
    """China-time day → number of events starting that day, for the calendar."""
    start, end = _month_span(year, month)
    days: dict[date, int] = {}
    for (starts_at,) in session.execute(
        select(Event.starts_at).where(Event.deleted.is_(False), Event.starts_at >= start, Event.starts_at < end)
    ):
        day = starts_at.astimezone(CHINA_TIME).date()
        days[day] = days.get(day, 0) + 1
    return days


def theme_choices(session: Session) -> ThemeChoices:
    return ThemeChoices(
        pick_lists.active_codes(session, pick_lists.EVENT_THEME), pick_lists.labels(session, pick_lists.EVENT_THEME)
    )


def policy_choices(session: Session, *, include: tuple[uuid.UUID, ...] = ()) -> list[PolicyChoice]:
    """Live policies a briefing can explain, newest first (`include`: ids already chosen,
    listed even when they have expired since)."""
    rows = session.execute(
        select(Policy.id, Policy.title, Policy.issuer, Policy.issued_on, Policy.expires_on)
        .where(Policy.deleted.is_(False))
        .order_by(Policy.issued_on.desc(), Policy.title)
    ).all()
    today = datetime.now(CHINA_TIME).date()
    return [
        PolicyChoice(r.id, r.title, r.issuer, r.issued_on)
        for r in rows
        if r.expires_on is None or r.expires_on >= today or r.id in include
    ]


# --- internals ----------------------------------------------------------------------

_STALE = "这场活动刚被其他人修改过。请刷新后查看最新内容，再重新操作。"
_NOT_OURS = "这场活动属于其他服务站或服务总站，只能查看，不能修改。"


def _month_span(year: int, month: int) -> tuple[datetime, datetime]:
    start = datetime(year, month, 1, tzinfo=CHINA_TIME)
    end = datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=CHINA_TIME)
    return start, end


def _day_span(day: date) -> tuple[datetime, datetime]:
    start = datetime(day.year, day.month, day.day, tzinfo=CHINA_TIME)
    return start, start + timedelta(days=1)


def _load(session: Session, event_id: uuid.UUID) -> Event:
    return load_live(session, Event, event_id, "找不到这场活动（可能已被删除），请刷新列表。")


def _load_own(session: Session, event_id: uuid.UUID) -> Event:
    row = _load(session, event_id)
    ensure_own(session, row, _NOT_OURS)
    return row


def load_own(session: Session, event_id: uuid.UUID) -> Event:
    """The station's own live event (for the attendance and materials services)."""
    return _load_own(session, event_id)


def _detail(row: Event, station_id: uuid.UUID | None) -> EventDetail:
    return EventDetail(
        row.id, row.title, row.event_type, row.theme, row.starts_at, row.ends_at, row.venue, row.organiser,
        row.partners, row.speakers, row.walk_in_count, row.satisfaction, row.description, row.summary,
        parse_policy_ids(row.policy_ids), row.version, row.station_id is not None and row.station_id == station_id,
    )
