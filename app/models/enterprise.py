"""Enterprises served (企业库).  Shared between stations and HQ; merged field by field."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Synced


class Enterprise(Synced, Base):
    __tablename__ = "enterprise"
    __table_args__ = (
        Index("ix_enterprise_name", "name"),
        Index("ix_enterprise_district_size", "district", "size"),
    )

    # 统一社会信用代码; NULL when not known yet (data-quality list)
    credit_code: Mapped[str | None] = mapped_column(String(18), index=True)
    credit_code_warning: Mapped[bool] = mapped_column(default=False)
    name: Mapped[str] = mapped_column(String(200))
    name_initials: Mapped[str] = mapped_column(String(200), default="", index=True)
    # GB/T 4754-2017: section letter A–T and the finest code known (e.g. "6510")
    industry_section: Mapped[str | None] = mapped_column(String(1))
    industry_code: Mapped[str | None] = mapped_column(String(5))
    district: Mapped[str | None] = mapped_column(String(20))
    address: Mapped[str] = mapped_column(String(300), default="")
    legal_representative: Mapped[str] = mapped_column(String(100), default="")
    contact_name: Mapped[str] = mapped_column(String(100), default="")
    contact_phone: Mapped[str] = mapped_column(String(50), default="", index=True)
    # Size inputs (raw, as the standard wants): persons, 万元, 万元, and their year
    employees: Mapped[int | None]
    revenue: Mapped[Decimal | None]
    assets: Mapped[Decimal | None]
    size_year: Mapped[int | None]
    # Derived from the inputs by app.domain.enterprise_size; kept for filtering only
    size: Mapped[str | None] = mapped_column(String(10))
    # active / closed / moved
    status: Mapped[str] = mapped_column(String(20), default="active")
    notes: Mapped[str] = mapped_column(Text, default="")
