"""Local-only bookkeeping of sync with HQ (docs/sync-protocol.md).  Never synced.

Row ids here are the 32-hex text SQLAlchemy's `Uuid` stores on SQLite, because the
capture triggers write `NEW.id` as it is stored; compare with `uuid.hex`.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base
from app.models.types import utcnow


class SyncOutbox(Base):
    """One captured change; `seq` only grows (AUTOINCREMENT), so "everything up to the
    highest seq sent" is exact even while new edits arrive during a push."""

    __tablename__ = "sync_outbox"
    __table_args__ = (Index("ix_sync_outbox_tbl_row_id", "tbl", "row_id"), {"sqlite_autoincrement": True})

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tbl: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(32))
    hlc: Mapped[int] = mapped_column(BigInteger)


class SyncControl(Base):
    """One row: `applying = 1` while pulled data is written, so triggers stay silent."""

    __tablename__ = "sync_control"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    applying: Mapped[int] = mapped_column(Integer, default=0)


class SyncClock(Base):
    """One row: the hybrid logical clock and the offset to HQ time measured at the last sync."""

    __tablename__ = "sync_clock"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    hlc: Mapped[int] = mapped_column(BigInteger, default=0)
    offset_ms: Mapped[int] = mapped_column(BigInteger, default=0)


class SyncFieldClock(Base):
    """Per-field stamps of local enterprise edits not yet delivered to HQ."""

    __tablename__ = "sync_field_clock"
    # one B-tree instead of a rowid table plus its key index: a bootstrap writes one row per enterprise
    __table_args__ = ({"sqlite_with_rowid": False},)

    tbl: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    field: Mapped[str] = mapped_column(String(64), primary_key=True)
    hlc: Mapped[int] = mapped_column(BigInteger)


class SyncPushBatch(Base):
    """The batch being pushed: saved before sending, resent under the same id until answered."""

    __tablename__ = "sync_push_batch"

    batch_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    max_seq: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SyncCursor(Base):
    """Pull position per scope ("" = everything, "table:<name>" = a repair re-pull).

    `cursor` is the server's opaque cursor as JSON; NULL means start from scratch
    (bootstrap).  `done` = the last page said so.
    """

    __tablename__ = "sync_cursor"

    scope: Mapped[str] = mapped_column(String(64), primary_key=True)
    cursor: Mapped[str | None] = mapped_column(Text)
    done: Mapped[int] = mapped_column(Integer, default=0)


class SyncRejection(Base):
    """A write HQ refused: kept with the row as sent, shown on the 同步 page."""

    __tablename__ = "sync_rejection"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    batch_id: Mapped[str] = mapped_column(String(36))
    tbl: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(Text)
    data: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(default=utcnow)


class SyncLog(Base):
    """One line per sync attempt: the 同步 page's "last result"."""

    __tablename__ = "sync_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]
    completed: Mapped[bool] = mapped_column(default=False)
    pushed: Mapped[int] = mapped_column(Integer, default=0)
    pulled: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    conflicts: Mapped[int] = mapped_column(Integer, default=0)
    message: Mapped[str] = mapped_column(Text, default="")


class SyncConflict(Base):
    """One conflict HQ decided while applying this station's push (the answer's
    `conflict_details`), shown on the 同步 page.  Values are JSON text as they travelled;
    `winner`/`loser` = "station" (this station), "hq", or another station's code."""

    __tablename__ = "sync_conflict"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    batch_id: Mapped[str] = mapped_column(String(36))
    tbl: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(32), index=True)
    field: Mapped[str] = mapped_column(String(64))
    losing_value: Mapped[str] = mapped_column(Text, default="null")
    winning_value: Mapped[str] = mapped_column(Text, default="null")
    winner: Mapped[str] = mapped_column(String(64), default="")
    loser: Mapped[str] = mapped_column(String(64), default="")
    at: Mapped[datetime] = mapped_column(default=utcnow)


class SyncTableHash(Base):
    """Per synced table: live-row `count` and the sanity-check `hash` (app/sync/check.py),
    kept current so the check after every sync costs O(changes), not O(rows).

    `hash` is the unsigned 64-bit sum stored as its signed two's-complement value
    (SQLite integers are signed 64-bit): `h if h < 2**63 else h - 2**64`.
    No row for a table = unknown (new profile, bootstrap under way): the check then
    computes the table in full once and stores it.  While a row exists, triggers
    (app/sync/capture.py) log each live-row change in `sync_hash_delta`."""

    __tablename__ = "sync_table_hash"

    tbl: Mapped[str] = mapped_column(String(40), primary_key=True)
    count: Mapped[int] = mapped_column(BigInteger)
    hash: Mapped[int] = mapped_column(BigInteger)


class SyncHashDelta(Base):
    """A live row appeared (`sign` = 1) or went away (-1) as (row_id, version), written by
    the hash triggers and folded into `sync_table_hash` by the check (plain SQL in the
    triggers: no md5 function needs registering on every connection that writes)."""

    __tablename__ = "sync_hash_delta"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tbl: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(32))
    version: Mapped[int] = mapped_column(BigInteger)
    sign: Mapped[int] = mapped_column(Integer)


class SyncQuarantine(Base):
    """A pulled row this station could not store (bad type, missing required value, too
    long, a constraint): kept with its error instead of stopping the pull, shown on the
    同步 page, retried after an upgrade (`app_version` differs) or when the user asks.

    `raw` is the row as an object wire row (JSON), whatever shape it arrived in, so a
    later version of the app can read it.  One entry per (tbl, row_id): HQ's newest
    version that failed.  The entry goes once a version of the row applies."""

    __tablename__ = "sync_quarantine"
    __table_args__ = (Index("ux_sync_quarantine_tbl_row_id", "tbl", "row_id", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tbl: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(32))
    error: Mapped[str] = mapped_column(Text)
    raw: Mapped[str] = mapped_column(Text)
    first_seen: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen: Mapped[datetime] = mapped_column(default=utcnow)
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    app_version: Mapped[str] = mapped_column(String(40))
