"""The station's outbox of files for HQ (station migration 0009; docs/sync-protocol.md,
"Files").  Local only, never synced as a row: the sync uploads each pending file after
its push (app/sync/files.py) and marks it sent.

The bytes themselves live in the profile folder under their sha256
(`<profile>/files/<sha256>`, app/services/station/file_store.py): exactly what the
station submitted, so what HQ opens is byte-identical."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base
from app.models.types import utcnow


class OutboundFile(Base):
    __tablename__ = "outbound_file"
    __table_args__ = (Index("ix_outbound_file_state", "state", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    media_type: Mapped[str] = mapped_column(String(100))
    # report_pdf / signage_photo / work_rules_document (app.sync.file_types.PURPOSES)
    purpose: Mapped[str] = mapped_column(String(30))
    name: Mapped[str] = mapped_column(String(200), default="")
    report_tbl: Mapped[str | None] = mapped_column(String(20))
    report_id: Mapped[uuid.UUID | None]
    submitted_at: Mapped[datetime | None]
    # pending → sent; refused (HQ said no, with `message`; not retried)
    state: Mapped[str] = mapped_column(String(12), default="pending")
    sent_bytes: Mapped[int] = mapped_column(BigInteger, default=0)  # what HQ held at the last answer
    version: Mapped[int | None] = mapped_column(Integer)  # HQ's version of the file, once sent
    message: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]
