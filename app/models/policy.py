"""Policies (政策法规库), published by HQ and relayed by stations."""

from __future__ import annotations

from datetime import date

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Synced


class Policy(Synced, Base):
    __tablename__ = "policy"

    title: Mapped[str] = mapped_column(String(300))
    category: Mapped[str] = mapped_column(String(40))
    issuer: Mapped[str] = mapped_column(String(200), default="")
    issued_on: Mapped[date | None]
    expires_on: Mapped[date | None]
    # comma-separated GB/T 4754 sections or codes, size labels, districts; empty = all
    industries: Mapped[str] = mapped_column(Text, default="")
    sizes: Mapped[str] = mapped_column(String(100), default="")
    districts: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    attachment: Mapped[str | None] = mapped_column(String(300))
    local_note: Mapped[str] = mapped_column(Text, default="")  # the station's own note; never synced up
