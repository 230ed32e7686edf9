"""HQ tables, on their own MetaData: HQ's schema is not the station's (app.models.Base).

`replica_row` holds every synced row as JSON; the wire format is the protocol, so
the station schema can change without touching this table.  See docs/sync-protocol.md.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, DateTime, Index, MetaData, Text, text
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import UserDefinedType

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "pk": "pk_%(table_name)s",
}


class Xid8(UserDefinedType[int]):
    cache_ok = True

    def get_col_spec(self, **kw: Any) -> str:
        return "xid8"


class HqBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {  # noqa: RUF012 (SQLAlchemy reads this class attribute)
        uuid.UUID: UUID(as_uuid=True),
        datetime: DateTime(timezone=True),
        dict[str, Any]: JSONB,
        int: BigInteger,
        str: Text,
    }


NOW = text("now()")


class ReplicaRow(HqBase):
    __tablename__ = "replica_row"
    __table_args__ = (
        # the tombstone purge's (HQ migration 0011); pull pages read migration 0009's partial indexes
        Index("ix_replica_row_tombstone_txid", "txid", postgresql_where=text("deleted")),
        Index(
            "ix_replica_row_credit_code",
            text("(data->>'credit_code')"),
            postgresql_where=text("tbl = 'enterprise' AND NOT deleted"),
        ),
        Index(
            "ix_replica_row_enterprise_ref",
            text("(data->>'enterprise_id')"),
            postgresql_where=text("tbl IN ('service_record', 'demand', 'event_attendance')"),
        ),
        Index("ix_replica_row_station", "station_id", "tbl"),
        Index(  # migration 0006: relay coverage per policy (app.hq.libraries.coverage)
            "ix_replica_row_policy_ref",
            text("(data->>'policy_id')"),
            postgresql_where=text("tbl = 'service_record' AND data->>'policy_id' IS NOT NULL"),
        ),
        Index(  # migration 0006: the enterprise library's order and keyset paging
            "ix_replica_row_enterprise_name",
            text("(left(coalesce(data->>'name', ''), 200))"),
            "id",
            postgresql_where=text("tbl = 'enterprise' AND NOT deleted"),
        ),
    )

    tbl: Mapped[str] = mapped_column(primary_key=True)
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    station_id: Mapped[uuid.UUID | None]
    version: Mapped[int]
    deleted: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))
    data: Mapped[dict[str, Any]]
    # enterprise only: {field: hlc} on the wire; field_station {field: station id or ""} breaks ties
    field_hlc: Mapped[dict[str, Any] | None]
    field_station: Mapped[dict[str, Any] | None]
    txid: Mapped[int] = mapped_column(Xid8(), server_default=text("pg_current_xact_id()"))
    updated_at: Mapped[datetime] = mapped_column(server_default=NOW)
    # the station whose push HQ stored exactly as sent, at echo_version: its pull skips it (0007)
    echo_to: Mapped[uuid.UUID | None]
    echo_version: Mapped[int | None]
    # the row as a pull page sends it, set by the row trigger at every write (migration 0010)
    page_json: Mapped[str | None]


class StationAccount(HqBase):
    __tablename__ = "station_account"

    code: Mapped[str] = mapped_column(primary_key=True)
    name: Mapped[str]
    district: Mapped[str] = mapped_column(server_default="")
    station_id: Mapped[uuid.UUID] = mapped_column(unique=True)
    # active / revoked
    status: Mapped[str] = mapped_column(server_default="active")
    token_hash: Mapped[str | None] = mapped_column(unique=True)
    token_expires_at: Mapped[datetime | None]
    enrol_code_hash: Mapped[str | None] = mapped_column(unique=True)
    enrol_expires_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(server_default=NOW)
    enrolled_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]
    # the txid of the last cursor the station sent (everything before it is acknowledged)
    cursor_txid: Mapped[int | None]
    cursor_at: Mapped[datetime | None]
    last_seen_at: Mapped[datetime | None]


class AppliedBatch(HqBase):
    __tablename__ = "applied_batch"

    station_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    batch_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    applied_at: Mapped[datetime] = mapped_column(server_default=NOW)
    result: Mapped[dict[str, Any] | None]


class ConflictLog(HqBase):
    __tablename__ = "conflict_log"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    tbl: Mapped[str]
    row_id: Mapped[uuid.UUID] = mapped_column(index=True)
    field: Mapped[str]
    winning_value: Mapped[dict[str, Any] | None]
    losing_value: Mapped[dict[str, Any] | None]
    winning_hlc: Mapped[int]
    losing_hlc: Mapped[int]
    winning_station_id: Mapped[uuid.UUID | None]
    losing_station_id: Mapped[uuid.UUID | None]
    at: Mapped[datetime] = mapped_column(server_default=NOW)


class MergeRecord(HqBase):
    """One credit-code merge, with what app.hq.unmerge needs to undo it (migration 0002)."""

    __tablename__ = "merge_record"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    survivor_id: Mapped[uuid.UUID] = mapped_column(index=True)
    merged_id: Mapped[uuid.UUID] = mapped_column(index=True)
    credit_code: Mapped[str]
    station_id: Mapped[uuid.UUID | None]
    at: Mapped[datetime] = mapped_column(server_default=NOW)
    survivor_before: Mapped[dict[str, Any] | None]
    merged_before: Mapped[dict[str, Any] | None]
    merged_data: Mapped[dict[str, Any] | None]
    filled: Mapped[dict[str, Any] | None]
    aliases: Mapped[dict[str, Any] | None]
    undone_at: Mapped[datetime | None]
    undone_by: Mapped[str | None]


class EnterpriseRequest(HqBase):
    """A station's deletion or merge of a shared enterprise, waiting for HQ (app.hq.enterprise_requests)."""

    __tablename__ = "enterprise_request"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    kind: Mapped[str]  # delete / merge
    enterprise_id: Mapped[uuid.UUID] = mapped_column(index=True)
    survivor_id: Mapped[uuid.UUID | None]
    station_id: Mapped[uuid.UUID]
    data: Mapped[dict[str, Any]] = mapped_column(server_default=text("'{}'::jsonb"))
    status: Mapped[str] = mapped_column(server_default="pending")  # pending / approved / rejected
    created_at: Mapped[datetime] = mapped_column(server_default=NOW)
    decided_by: Mapped[str | None]
    decided_at: Mapped[datetime | None]
    comment: Mapped[str] = mapped_column(server_default="")


class EnterpriseRefOrigin(HqBase):
    """The enterprise id a station-owned row named before HQ re-pointed it at a survivor."""

    __tablename__ = "enterprise_ref_origin"

    tbl: Mapped[str] = mapped_column(primary_key=True)
    row_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    named_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)


class EnterpriseAlias(HqBase):
    __tablename__ = "enterprise_alias"

    merged_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    survivor_id: Mapped[uuid.UUID] = mapped_column(index=True)


class RejectedWrite(HqBase):
    __tablename__ = "rejected_write"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    station_id: Mapped[uuid.UUID] = mapped_column(index=True)
    batch_id: Mapped[uuid.UUID]
    tbl: Mapped[str]
    row_id: Mapped[uuid.UUID | None]
    reason: Mapped[str]
    message: Mapped[str]
    data: Mapped[dict[str, Any] | None]
    at: Mapped[datetime] = mapped_column(server_default=NOW)


class HqMeta(HqBase):
    """Small key/value facts, e.g. `purged_through_txid` (tombstone purge watermark)."""

    __tablename__ = "hq_meta"

    key: Mapped[str] = mapped_column(primary_key=True)
    value: Mapped[str]


class HqUser(HqBase):
    """An HQ desk account (migration 0003): admin / staff / bureau."""

    __tablename__ = "hq_user"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(unique=True)
    role: Mapped[str]
    status: Mapped[str] = mapped_column(server_default="active")
    token_hash: Mapped[str | None] = mapped_column(unique=True)
    enrol_code_hash: Mapped[str | None] = mapped_column(unique=True)
    enrol_expires_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(server_default=NOW)
    enrolled_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]
    last_seen_at: Mapped[datetime | None]


class AuditLog(HqBase):
    """Every HQ action: who, when, what, before and after (migration 0003)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(server_default=NOW)
    actor: Mapped[str]
    role: Mapped[str]
    action: Mapped[str]
    target: Mapped[str] = mapped_column(server_default="")
    before: Mapped[dict[str, Any] | None]
    after: Mapped[dict[str, Any] | None]
