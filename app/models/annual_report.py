"""Annual work summary and next-year plan (年度服务工作总结 / 下一年度服务工作计划)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Synced


class AnnualReport(Synced, Base):
    __tablename__ = "annual_report"
    __table_args__ = (UniqueConstraint("station_id", "year", "kind"),)

    year: Mapped[int]
    # summary / plan
    kind: Mapped[str] = mapped_column(String(10))
    # draft → submitted → accepted | returned (the server enforces the machine)
    status: Mapped[str] = mapped_column(String(12), default="draft")
    narrative: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    targets: Mapped[dict[str, float]] = mapped_column(JSON, default=dict)
    # the plan's events by month: [{"month": 3, "event_type": "training", "title": "...", "theme": "..."}]
    planned_events: Mapped[list[dict[str, object]]] = mapped_column(JSON, default=list)
    submitted_at: Mapped[datetime | None]
    review_comment: Mapped[str] = mapped_column(Text, default="")
