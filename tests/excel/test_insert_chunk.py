"""The import's batched INSERT stores exactly what SQLAlchemy Core's executemany stores."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import insert, text

from app.models import Enterprise, ServiceRecord
from app.models.types import uuid7
from app.services.excel import rows as excel_rows

_STAMPS = ("created_at", "updated_at")


def _stored(session: Any, table: str, ids: list[uuid.UUID]) -> list[dict[str, Any]]:
    """Rows as SQLite holds them (no bind or result processing), in the given id order."""
    found = {}
    for row in session.execute(text(f"SELECT * FROM {table}")).mappings():  # noqa: S608 - a fixed table name
        found[row["id"]] = dict(row)
    return [found[i.hex] for i in ids]


def _enterprises(station_id: uuid.UUID, n: int) -> list[dict[str, Any]]:
    return [
        {"id": uuid7(), "station_id": station_id, "name": f"广州测试{i}有限公司", "name_initials": f"gzcs{i}yxgs",
         "credit_code": None if i % 2 else "91440101MA5XXXXXX0", "credit_code_warning": bool(i % 3),
         "industry_section": "C", "industry_code": None, "district": "天河区", "address": "", "legal_representative": "李四",
         "contact_name": "", "contact_phone": "13800138000", "employees": None if i % 2 else 12,
         "revenue": Decimal("1234.56") if i % 2 else None, "assets": Decimal(7) if i % 3 else Decimal("0.01"),
         "size_year": 2024, "size": "micro", "status": "active", "notes": "备注"}
        for i in range(n)
    ]


def _records(station_id: uuid.UUID, enterprise_id: uuid.UUID, staff_id: uuid.UUID, n: int) -> list[dict[str, Any]]:
    return [
        {"id": uuid7(), "station_id": station_id, "enterprise_id": enterprise_id, "service_date": date(2024, 3, 1 + i),
         "follow_up_on": None if i % 2 else date(2024, 4, 1), "category": "policy", "channel": "visit",
         "prep_minutes": 0, "contact_minutes": 30 + i, "fee_type": "free", "fee": Decimal("12.5") if i % 2 else None,
         "staff_id": staff_id, "summary": f"第{i}次", "outcome": "", "satisfaction": None, "reportable": bool(i % 2)}
        for i in range(n)
    ]


@pytest.mark.parametrize("model", [Enterprise, ServiceRecord])
def test_insert_chunk_stores_what_core_stores(db, world, model: type) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        if model is Enterprise:
            ours, core = _enterprises(world.station_id, 6), _enterprises(world.station_id, 6)
        else:
            ours = _records(world.station_id, world.enterprise_id, world.manager.staff_id, 6)
            core = _records(world.station_id, world.enterprise_id, world.manager.staff_id, 6)
        for mine, theirs in zip(ours, core, strict=True):
            theirs.update({k: v for k, v in mine.items() if k != "id"})
        excel_rows.insert_chunk(s, model, [dict(r) for r in ours])
        s.execute(insert(model.__table__), [dict(r) for r in core])  # type: ignore[attr-defined]
        table = model.__table__.name  # type: ignore[attr-defined]
        mine_stored = _stored(s, table, [r["id"] for r in ours])
        core_stored = _stored(s, table, [r["id"] for r in core])
    assert len(mine_stored) == 6
    for mine, theirs in zip(mine_stored, core_stored, strict=True):
        assert set(mine) == set(theirs)
        for stamp in _STAMPS:  # the same format (Python default at insert time), not the same instant
            assert type(mine[stamp]) is type(theirs[stamp]) and len(mine[stamp]) == len(theirs[stamp])
        differing = {k for k in mine if mine[k] != theirs[k]} - {"id", *_STAMPS}
        assert not differing, {k: (mine[k], theirs[k]) for k in differing}


def test_insert_chunk_refuses_rows_with_other_keys(db, world) -> None:  # type: ignore[no-untyped-def]
    rows = _enterprises(world.station_id, 2)
    del rows[1]["notes"]
    with db.begin() as s, pytest.raises((ValueError, KeyError)):
        excel_rows.insert_chunk(s, Enterprise, rows)
