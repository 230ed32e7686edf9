"""Service records (服务记录): every consultation, referral or service a station gives."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Synced


class ServiceRecord(Synced, Base):
    __tablename__ = "service_record"
    __table_args__ = (
        Index("ix_service_record_date", "service_date"),
        Index("ix_service_record_enterprise_date", "enterprise_id", "service_date"),
        # covering index for year/month figures (dashboard, reports): no table lookups
        Index(
            "ix_service_record_stats",
            "service_date",
            "category",
            "channel",
            "fee_type",
            "enterprise_id",
            "satisfaction",
            "deleted",
        ),
    )

    enterprise_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("enterprise.id"))
    service_date: Mapped[date]
    # codes from app.domain.catalogue.SERVICE_CATEGORIES (configurable list)
    category: Mapped[str] = mapped_column(String(40))
    # walk_in / phone / online / on_site
    channel: Mapped[str] = mapped_column(String(20), default="walk_in")
    prep_minutes: Mapped[int] = mapped_column(default=0)
    contact_minutes: Mapped[int] = mapped_column(default=0)
    # free / low_fee / paid
    fee_type: Mapped[str] = mapped_column(String(10), default="free")
    fee: Mapped[Decimal | None]
    staff_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff_member.id"))
    institution_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("service_institution.id"))
    expert_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("expert.id"))
    policy_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("policy.id"))
    summary: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    satisfaction: Mapped[int | None]
    follow_up_on: Mapped[date | None]
    reportable: Mapped[bool] = mapped_column(default=True)
