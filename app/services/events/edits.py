"""Events (活动): create, edit, soft-delete and restore trainings, salons, lectures, policy
briefings …  The list and the calendar are `listing.py`; the form's pick-lists `choices.py`.

Times are aware datetimes; a time typed without a zone is China time (CHINA_TIME).
A policy briefing (政策宣贯会) names the policies it explains; their ids are kept, in the
order chosen, as comma-separated hex in `Event.policy_ids`.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.catalogue import EVENT_TYPES
from app.domain.errors import UserError, ValidationError
from app.domain.messages import Msg
from app.domain.periods import CHINA_TIME
from app.domain.text_normalise import checked_text
from app.models import Event, Policy
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


# --- validation -----------------------------------------------------------------


def _err(fld: str, text: str) -> ValidationError:
    return ValidationError(Msg("%1：%2", FIELD_LABELS[fld], text), fld)


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
        raise _err("event_type", Msg("请从列表中选择（%1）。", '、'.join(EVENT_TYPES.values())))
    values["event_type"] = data.event_type
    theme = data.theme or None
    if theme is not None:
        allowed = pick_lists.active_codes(session, pick_lists.EVENT_THEME)
        if not isinstance(theme, str) or (theme not in allowed and theme != current_theme):
            raise _err("theme", Msg("请从列表中选择（%1），不属于主题月的活动请留空。", '、'.join(allowed.values())))
    values["theme"] = theme
    starts_at = _moment(data.starts_at, "starts_at")
    ends_at = _moment(data.ends_at, "ends_at")
    if ends_at < starts_at:
        shown = starts_at.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M")
        raise _err("ends_at", Msg("不能早于开始时间（%1），请改正。", shown))
    if ends_at - starts_at > timedelta(days=31):
        raise _err("ends_at", "活动不能超过31天；主题月请拆成多场活动分别登记。")
    values["starts_at"], values["ends_at"] = starts_at, ends_at
    walk_ins = data.walk_in_count
    if walk_ins is None:
        walk_ins = 0
    if isinstance(walk_ins, bool) or not isinstance(walk_ins, int) or not 0 <= walk_ins <= MAX_WALK_INS:
        raise _err("walk_in_count", Msg("请填写0到%1之间的整数（没有就填0）。", MAX_WALK_INS))
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
        raise _err("satisfaction", Msg("应在1到5之间（现为%1），未调查请留空。", f'{value:g}'))
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


# --- internals ----------------------------------------------------------------------

_STALE = "这场活动刚被其他人修改过。请刷新后查看最新内容，再重新操作。"
_NOT_OURS = "这场活动属于其他服务站或服务总站，只能查看，不能修改。"


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
