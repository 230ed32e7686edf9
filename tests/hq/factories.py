"""Wire rows as a station would push them (docs/sync-protocol.md, "Wire rows")."""

from __future__ import annotations

import uuid
from typing import Any

from app.models.types import uuid7
from app.sync.protocol import hlc_from_ms

T0 = 1_800_000_000_000  # a fixed "now" in ms, so HLC stamps are predictable


def hlc(offset_ms: int, counter: int = 0) -> int:
    return hlc_from_ms(T0 + offset_ms, counter)


def service_record(station: uuid.UUID, enterprise_id: uuid.UUID | str, **data: Any) -> dict[str, Any]:
    return {
        "tbl": "service_record", "id": str(uuid7()), "station_id": str(station), "version": 1, "deleted": False,
        "data": {"enterprise_id": str(enterprise_id), "service_date": "2026-03-02", "category": "policy",
                 "summary": "政策咨询", **data},
    }


def enterprise(station: uuid.UUID, stamp: int, row_id: uuid.UUID | None = None, **data: Any) -> dict[str, Any]:
    fields = {"credit_code": None, "name": "广州示例科技有限公司", "district": "天河区", "contact_phone": "020-1234567", **data}
    return {
        "tbl": "enterprise", "id": str(row_id or uuid7()), "station_id": str(station), "version": 1,
        "deleted": False, "data": fields, "field_hlc": dict.fromkeys(fields, stamp),
    }


def edit(row: dict[str, Any], stamp: int, **changes: Any) -> dict[str, Any]:
    """The row after a local edit: only the changed fields are stamped (as the client sends)."""
    return {**row, "data": {**row["data"], **changes}, "field_hlc": dict.fromkeys(changes, stamp)}


def report(station: uuid.UUID, status: str = "draft", row_id: str | None = None, **data: Any) -> dict[str, Any]:
    return {
        "tbl": "annual_report", "id": row_id or str(uuid7()), "station_id": str(station), "version": 1,
        "deleted": False, "data": {"year": 2026, "kind": "summary", "status": status, "narrative": {}, **data},
    }
