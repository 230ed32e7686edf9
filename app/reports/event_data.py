"""One event as printed before (签到表) and after it (活动总结): plain copies of its rows."""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import ValidationError
from app.domain.periods import CHINA_TIME
from app.models import Enterprise, Event, EventAttendance, EventMaterial, Policy
from app.reports.record_stats import UNKNOWN
from app.services import pick_lists


@dataclass(frozen=True)
class Attendee:
    enterprise: str
    person: str
    size: str
    section: str
    checked_in: bool


@dataclass(frozen=True)
class EventSheet:
    title: str
    event_type: str
    theme: str  # label, "" when not part of a theme month
    starts_at: datetime  # China time
    ends_at: datetime
    venue: str
    organiser: str
    partners: str
    speakers: str
    walk_in: int
    satisfaction: float | None
    description: str
    summary: str
    attendees: list[Attendee] = field(default_factory=list)
    policies: list[str] = field(default_factory=list)
    materials: list[str] = field(default_factory=list)

    @property
    def checked_in(self) -> int:
        return sum(a.checked_in for a in self.attendees)

    def by_size(self) -> Counter[str]:
        return Counter(a.size for a in self.attendees if a.checked_in)

    def by_section(self) -> Counter[str]:
        return Counter(a.section for a in self.attendees if a.checked_in)


def event_sheet(session: Session, event_id: uuid.UUID) -> EventSheet:
    """The event and its registrations; ValidationError when it does not exist (or was deleted)."""
    event = session.get(Event, event_id)
    if event is None or event.deleted:
        raise ValidationError(f"活动：找不到编号为 {event_id} 的活动（可能已被删除），请重新选择。", "event_id")
    e, a = Enterprise, EventAttendance
    rows = session.execute(
        select(e.name, a.attendee_name, e.size, e.industry_section, a.checked_in_at)
        .select_from(a)
        .outerjoin(e, e.id == a.enterprise_id)
        .where(a.event_id == event_id, a.deleted.is_(False))
        .order_by(e.name_initials, e.name, a.attendee_name)  # pinyin order, as a reader looks names up
    ).all()
    attendees = [Attendee(n or "", p or "", s or UNKNOWN, sec or UNKNOWN, c is not None) for n, p, s, sec, c in rows]
    materials = list(session.scalars(
        select(EventMaterial.file_name).where(EventMaterial.event_id == event_id, EventMaterial.deleted.is_(False))
        .order_by(EventMaterial.file_name)
    ))
    themes = pick_lists.labels(session, pick_lists.EVENT_THEME)
    return EventSheet(
        event.title, event.event_type, themes.get(event.theme, event.theme) if event.theme else "",
        event.starts_at.astimezone(CHINA_TIME), event.ends_at.astimezone(CHINA_TIME), event.venue, event.organiser,
        event.partners, event.speakers, event.walk_in_count or 0, event.satisfaction, event.description,
        event.summary or "", attendees, _policies(session, event.policy_ids or ""), materials,
    )


def _policies(session: Session, ids: str) -> list[str]:
    wanted: list[uuid.UUID] = []
    for part in ids.split(","):
        try:
            wanted.append(uuid.UUID(hex=part.strip()))
        except ValueError:
            continue
    if not wanted:
        return []
    titles = dict(session.execute(select(Policy.id, Policy.title).where(Policy.id.in_(wanted))).all())
    return [titles[i] for i in wanted if i in titles]
