"""The event list and the calendar's month view.  Days and months are China time, so an
event at 00:30 Beijing time belongs to the day the station sees on its wall calendar."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.domain.catalogue import EVENT_TYPES
from app.domain.periods import CHINA_TIME
from app.models import Event, EventAttendance
from app.services import pick_lists


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


def _month_span(year: int, month: int) -> tuple[datetime, datetime]:
    start = datetime(year, month, 1, tzinfo=CHINA_TIME)
    end = datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=CHINA_TIME)
    return start, end


def _day_span(day: date) -> tuple[datetime, datetime]:
    start = datetime(day.year, day.month, day.day, tzinfo=CHINA_TIME)
    return start, start + timedelta(days=1)
