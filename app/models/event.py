"""Events (活动): trainings, salons, dialogues, lectures, seminars, forums, theme months."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Synced


class Event(Synced, Base):
    __tablename__ = "event"

    title: Mapped[str] = mapped_column(String(200))
    # training / salon / dialogue / lecture / seminar / forum / policy_briefing / matchmaking
    event_type: Mapped[str] = mapped_column(String(20))
    # policy / finance_tax / ip / a theme HQ publishes; NULL when not part of a theme month
    theme: Mapped[str | None] = mapped_column(String(40))
    starts_at: Mapped[datetime] = mapped_column(index=True)
    ends_at: Mapped[datetime]
    venue: Mapped[str] = mapped_column(String(200), default="")
    organiser: Mapped[str] = mapped_column(String(200), default="")
    partners: Mapped[str] = mapped_column(Text, default="")
    speakers: Mapped[str] = mapped_column(Text, default="")
    walk_in_count: Mapped[int] = mapped_column(default=0)
    satisfaction: Mapped[float | None]
    description: Mapped[str] = mapped_column(Text, default="")
    # the written summary after the event (printed on the event summary)
    summary: Mapped[str] = mapped_column(Text, default="")
    # a policy briefing's policies: comma-separated policy ids (hex), in display order
    policy_ids: Mapped[str] = mapped_column(Text, default="")


class EventAttendance(Synced, Base):
    __tablename__ = "event_attendance"

    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("event.id"), index=True)
    enterprise_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("enterprise.id"), index=True)
    attendee_name: Mapped[str] = mapped_column(String(100), default="")
    registered_at: Mapped[datetime | None]
    checked_in_at: Mapped[datetime | None]


class EventMaterial(Synced, Base):
    """A file attached to an event.  The row syncs; the file itself stays in the profile's
    `materials/` folder under `stored_name` (app.paths), checked by `sha256`."""

    __tablename__ = "event_material"

    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("event.id"), index=True)
    file_name: Mapped[str] = mapped_column(String(255))
    stored_name: Mapped[str] = mapped_column(String(100))
    size_bytes: Mapped[int] = mapped_column(default=0)
    sha256: Mapped[str] = mapped_column(String(64), default="")
