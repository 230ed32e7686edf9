"""Periodic information report (定期信息报送): a month ("2026-09") or a quarter ("2026-Q3")."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Synced


class InfoReport(Synced, Base):
    __tablename__ = "info_report"
    __table_args__ = (UniqueConstraint("station_id", "period"),)

    # "YYYY-MM" for a monthly report, "YYYY-Qn" for a quarterly one
    period: Mapped[str] = mapped_column(String(10))
    # draft → submitted → accepted | returned, as annual reports (the server enforces the machine)
    status: Mapped[str] = mapped_column(String(12), default="draft")
    # manager's text by section: key_industries, key_enterprises, demands, problems, highlights
    narrative: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    submitted_at: Mapped[datetime | None]
    review_comment: Mapped[str] = mapped_column(Text, default="")  # HQ's, when it returns the report
