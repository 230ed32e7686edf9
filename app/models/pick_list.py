"""Pick-lists HQ publishes (服务类别, 活动主题 …).  A station without HQ's list uses the
defaults in app.domain.catalogue; an unenrolled station may edit its own copy."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Synced


class PickListItem(Synced, Base):
    __tablename__ = "pick_list_item"

    # which list: "service_category", "event_theme"
    list_name: Mapped[str] = mapped_column(String(40), index=True)
    code: Mapped[str] = mapped_column(String(40))
    label: Mapped[str] = mapped_column(String(100))
    label_en: Mapped[str] = mapped_column(String(100), default="")
    sort_order: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)
