"""Station staff (人员配备).  The convention requires at least two full-time staff."""

from __future__ import annotations

from datetime import date

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Synced


class StaffMember(Synced, Base):
    __tablename__ = "staff_member"

    name: Mapped[str] = mapped_column(String(100))
    phone: Mapped[str] = mapped_column(String(50), default="")
    # manager / staff
    role: Mapped[str] = mapped_column(String(20), default="staff")
    full_time: Mapped[bool] = mapped_column(default=True)
    start_date: Mapped[date | None]
    end_date: Mapped[date | None]
    trainings: Mapped[str] = mapped_column(Text, default="")
