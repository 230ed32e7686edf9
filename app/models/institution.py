"""Resident service institutions (入驻服务机构), their catalogue (服务清单), and experts (服务专家库)."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Synced


class ServiceInstitution(Synced, Base):
    __tablename__ = "service_institution"

    name: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(40), default="")
    contact_name: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    entered_on: Mapped[date | None]
    exited_on: Mapped[date | None]
    # active / suspended / exited
    status: Mapped[str] = mapped_column(String(20), default="active")
    exit_reason: Mapped[str] = mapped_column(Text, default="")


class CatalogueEntry(Synced, Base):
    __tablename__ = "catalogue_entry"

    institution_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("service_institution.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    # startup / growth / mature
    stage: Mapped[str] = mapped_column(String(20))
    category: Mapped[str] = mapped_column(String(40))
    # free / low_fee / paid
    fee_type: Mapped[str] = mapped_column(String(10), default="free")
    description: Mapped[str] = mapped_column(Text, default="")


class Expert(Synced, Base):
    __tablename__ = "expert"

    name: Mapped[str] = mapped_column(String(100))
    organisation: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(String(100), default="")
    fields: Mapped[str] = mapped_column(Text, default="")  # comma-separated service categories
    phone: Mapped[str] = mapped_column(String(50), default="")
