"""The service station (服务站) and the profile's own identity."""

from __future__ import annotations

from datetime import date

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Synced


class Station(Synced, Base):
    """A station of the network.  Owned by HQ (status, approval); a station edits its own profile."""

    __tablename__ = "station"

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    district: Mapped[str] = mapped_column(String(20))
    host_organisation: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    # approved / suspended / revoked — set by HQ
    status: Mapped[str] = mapped_column(String(20), default="approved")
    signage_hung_on: Mapped[date | None]
    signage_photo: Mapped[str | None] = mapped_column(String(300))
    work_rules_filed_on: Mapped[date | None]
    work_rules_document: Mapped[str | None] = mapped_column(String(300))
    premises: Mapped[str] = mapped_column(Text, default="")
    equipment: Mapped[str] = mapped_column(Text, default="")
    contact_person: Mapped[str] = mapped_column(String(100), default="")


class ProfileMeta(Base):
    """Key/value facts about this local database (which station it is, demo or not).  Never synced."""

    __tablename__ = "profile_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
