"""What every demo-data builder shares: the connection, the station, bound constants, pools."""

from __future__ import annotations

import os
import random
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import Connection

from app.demo.writer import TableWriter, processor_for
from app.models import Base, Enterprise, StaffMember
from app.models.types import uuid7

CST = timezone(timedelta(hours=8), "CST")  # China has no DST; a fixed offset is exact


@dataclass
class Staff:
    id: str  # bound (hex) id
    name: str
    weight: float


@dataclass
class Ctx:
    conn: Connection
    seed: int
    station_id: uuid.UUID
    station_name: str
    station_district: str
    today: date
    now: datetime
    staff: list[Staff] = field(default_factory=list)
    # category -> bound ids of active resident institutions / experts in that field
    institutions: dict[str, list[str]] = field(default_factory=dict)
    institution_names: list[str] = field(default_factory=list)
    institution_names_by_category: dict[str, list[str]] = field(default_factory=dict)
    experts: dict[str, list[str]] = field(default_factory=dict)
    expert_names: list[str] = field(default_factory=list)
    policies: dict[str, list[str]] = field(default_factory=dict)
    enterprise_ids: list[str] = field(default_factory=list)
    _days: dict[int, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        dialect = self.conn.dialect
        self._bind_uuid = processor_for(dialect, Enterprise.__table__.c.id)
        self._bind_date = processor_for(dialect, StaffMember.__table__.c.start_date)
        self._bind_time = processor_for(dialect, Enterprise.__table__.c.created_at)
        self._ids: Iterator[str] = iter(())
        self._minutes: dict[int, str] = {}
        self.now_minute = int((self.now - self.local(0, 0)).total_seconds() // 60)
        sample = uuid7()
        if self._bind_uuid(sample) != sample.hex:
            raise RuntimeError("ids are no longer stored as 32 hex digits; update new_id()")

    def rng(self, stream: str) -> random.Random:
        """An independent stream per table: changing one count leaves the other tables' data alone."""
        return random.Random(f"{self.seed}:{stream}")

    def _synced(self) -> dict[str, Any]:
        return {"station_id": self.station_id, "created_at": self.now, "updated_at": self.now,
                "version": 1, "deleted": False}

    def writer(self, table_name: str, columns: Sequence[str]) -> TableWriter:
        return TableWriter(self.conn, Base.metadata.tables[table_name], columns, self._synced())

    def new_id(self) -> str:
        """A fresh UUIDv7, bound (as `uuid7().hex`; checked against the Uuid type above).

        Decision: uuid7() + UUID object + bind cost ~4 µs a row, a fifth of the whole
        budget; ids here come 4096 at a time from one urandom call, same bit layout
        as app.models.types.uuid7, sorted so a batch appends to the primary-key index.
        """
        try:
            return next(self._ids)
        except StopIteration:
            self._ids = iter(uuid7_hexes(4096))
            return next(self._ids)

    def bind_uuid(self, value: uuid.UUID) -> str:
        return self._bind_uuid(value)  # type: ignore[no-any-return]

    def day(self, offset: int) -> str:
        """Bound ISO date `offset` days from today (memoised: a year has 365 of them)."""
        bound = self._days.get(offset)
        if bound is None:
            bound = self._days[offset] = self._bind_date(self.today + timedelta(days=offset))
        return bound

    def time(self, value: datetime | None) -> str | None:
        return None if value is None else self._bind_time(value)  # type: ignore[no-any-return]

    def minute(self, minutes: int) -> str:
        """Bound timestamp `minutes` after local midnight today (negative: the past); memoised."""
        bound = self._minutes.get(minutes)
        if bound is None:
            bound = self._minutes[minutes] = self._bind_time(self.local(0, minutes))
        return bound

    def local(self, offset_days: int, minutes: int) -> datetime:
        """An aware datetime: local (CST) midnight of today+offset, plus minutes."""
        midnight = datetime.combine(self.today + timedelta(days=offset_days), datetime.min.time(), CST)
        return midnight + timedelta(minutes=minutes)


def uuid7_hexes(count: int) -> list[str]:
    """`count` UUIDv7s as 32 hex digits, ascending."""
    ms = time.time_ns() // 1_000_000
    head = f"{ms & ((1 << 48) - 1):012x}7"  # 48-bit ms timestamp, version 7
    rand = os.urandom(10 * count).hex()
    variant = "89ab89ab89ab89ab"  # RFC 9562 variant: the next hex digit is 10xx
    return sorted(
        head + rand[k : k + 3] + variant[int(rand[k + 3], 16)] + rand[k + 4 : k + 19] for k in range(0, 20 * count, 20)
    )
