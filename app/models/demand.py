"""Service demands (服务需求) as a closed loop: 受理 → 分派 → 处理 → 反馈 → 办结 → 回访."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Synced


class Demand(Synced, Base):
    __tablename__ = "demand"
    __table_args__ = (Index("ix_demand_status_due", "status", "due_on"),)

    enterprise_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("enterprise.id"), index=True)
    service_record_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("service_record.id"))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(String(40))
    # accepted / dispatched / handling / replied / closed / followed_up
    status: Mapped[str] = mapped_column(String(20), default="accepted")
    received_on: Mapped[date]
    due_on: Mapped[date | None]
    assignee_staff_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff_member.id"))
    assignee_institution_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("service_institution.id"))
    assignee_expert_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("expert.id"))
    closed_at: Mapped[datetime | None]
    satisfaction: Mapped[int | None]


class DemandTransition(Synced, Base):
    """One step of a demand's loop: who moved it, when, from what to what, and why."""

    __tablename__ = "demand_transition"

    demand_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("demand.id"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    actor: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime]
    note: Mapped[str] = mapped_column(Text, default="")
