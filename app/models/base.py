"""Declarative base, the type map shared by SQLite and PostgreSQL, and the sync mixin."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Boolean, Integer, MetaData, Uuid, literal_column
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.models.types import ISODate, ScaledDecimal, UTCDateTime, utcnow, uuid7

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {
        uuid.UUID: Uuid(as_uuid=True),
        datetime: UTCDateTime(),
        date: ISODate(),
        Decimal: ScaledDecimal(2),
    }


class Synced:
    """Columns every table that syncs with HQ carries from day one.

    `station_id` is the owning station (NULL: owned by HQ, read-only at stations).
    `version` increases with every local change; `deleted` is a tombstone, rows are
    never physically deleted while a replica may still need to hear about it.
    """

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid7)
    station_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1, onupdate=literal_column("version + 1"))
    # No index: a two-valued column sends SQLite's planner down a full index walk
    # (measured 7 ms instead of 0.3 ms for a page of 50 enterprises).
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
