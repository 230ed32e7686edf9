"""Period unlocks (期间解锁): a manager reopening a locked month, kept as an audit log."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Synced


class PeriodUnlock(Synced, Base):
    """One unlock of a month (YYYY-MM), open until relocked (relock_at NULL while open)."""

    __tablename__ = "period_unlock"

    period: Mapped[str] = mapped_column(String(7), index=True)
    unlocked_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff_member.id"))
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime]
    relock_at: Mapped[datetime | None]
    relocked_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff_member.id"))
