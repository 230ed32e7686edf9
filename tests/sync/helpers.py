"""Data makers and invariant checks shared by the end-to-end sync tests."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Engine, text

from app.models import Demand, Enterprise, Event, EventAttendance, ServiceRecord, StaffMember
from app.models.database import Database
from app.models.types import uuid7
from app.sync.codec import codec
from app.sync.protocol import HQ_REFERENCE, SHARED, STATION_OWNED, SYNCED_TABLES


def add_work(db: Database, station_id: uuid.UUID, n: int, seed: int = 0) -> list[uuid.UUID]:
    """n enterprises, each with a service record; some with a demand, an event attendance."""
    rng = random.Random(seed)
    ids = []
    with db.begin() as s:
        staff = StaffMember(name=f"员工{seed}", station_id=station_id)
        event = Event(title=f"活动{seed}", event_type="salon", starts_at=datetime(2026, 4, 1, 2, tzinfo=UTC),
                      ends_at=datetime(2026, 4, 1, 4, tzinfo=UTC), station_id=station_id)
        s.add_all([staff, event])
        s.flush()
        for i in range(n):
            e = Enterprise(name=f"企业{seed}-{i}", station_id=station_id, revenue=Decimal(rng.randint(0, 10**6)) / 100,
                           employees=rng.randint(1, 300), district="天河区")
            s.add(e)
            s.flush()
            ids.append(e.id)
            s.add(ServiceRecord(enterprise_id=e.id, service_date=date(2026, 1, 1) + timedelta(days=i % 300),
                                category="finance", station_id=station_id, staff_id=staff.id,
                                fee=Decimal("12.50") if i % 3 == 0 else None, summary=f"服务{i}"))
            if i % 4 == 0:
                s.add(Demand(enterprise_id=e.id, title=f"需求{i}", category="finance", received_on=date(2026, 2, 1),
                             station_id=station_id))
            if i % 5 == 0:
                s.add(EventAttendance(event_id=event.id, enterprise_id=e.id, attendee_name=f"参会人{i}", station_id=station_id))
    return ids


def local_rows(db: Database, tables: tuple[str, ...] = SYNCED_TABLES, live_only: bool = False) -> dict[tuple[str, str], tuple[Any, ...]]:
    """(tbl, id hex) → storage tuple without local-only columns."""
    out = {}
    with db.engine.connect() as conn:
        for tbl in tables:
            k = codec(tbl)
            keep = [i for i, n in enumerate(k.columns) if n not in k.local_columns]
            where = " WHERE deleted = 0" if live_only else ""
            for r in conn.exec_driver_sql(f"SELECT {', '.join(k.columns)} FROM {tbl}{where}"):
                out[(tbl, r[k.columns.index("id")])] = tuple(r[i] for i in keep)
    return out


def hq_visible_rows(hq: Engine, station_id: uuid.UUID, live_only: bool = True) -> dict[tuple[str, str], tuple[Any, ...]]:
    """What HQ holds that this station may see, converted exactly as the station stores it."""
    out = {}
    with hq.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT tbl, id::text, station_id::text, version, deleted, data, field_hlc FROM replica_row "
                "WHERE (tbl = ANY(:public) OR (tbl = ANY(:owned) AND station_id = :me))"
                + (" AND NOT deleted" if live_only else "")
            ),
            {"public": list(HQ_REFERENCE + SHARED), "owned": list(STATION_OWNED), "me": station_id},
        )
        for tbl, rid, sid, version, deleted, data, _ in rows:
            k = codec(tbl)
            wire = {"tbl": tbl, "id": rid, "station_id": sid, "version": version, "deleted": deleted, "data": data}
            stored = k.to_storage(wire)
            out[(tbl, uuid.UUID(rid).hex)] = tuple(v for n, v in zip(k.columns, stored, strict=True) if n not in k.local_columns)
    return out


def outbox_size(db: Database) -> int:
    with db.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT count(*) FROM sync_outbox").scalar_one()


def assert_station_equals_hq(db: Database, hq: Engine, station_id: uuid.UUID) -> None:
    mine, theirs = local_rows(db, live_only=True), hq_visible_rows(hq, station_id)
    missing, extra = set(theirs) - set(mine), set(mine) - set(theirs)
    assert not missing and not extra, f"missing locally {sorted(missing)[:5]}, extra locally {sorted(extra)[:5]}"
    differ = [k for k in theirs if theirs[k] != mine[k]]
    assert not differ, f"{len(differ)} rows differ, e.g. {differ[0]}: HQ {theirs[differ[0]]} vs local {mine[differ[0]]}"
    assert outbox_size(db) == 0


def hq_count(hq: Engine, where: str = "true", **params: Any) -> int:
    with hq.connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM replica_row WHERE {where}"), params).scalar_one()


def new_uuid() -> uuid.UUID:
    return uuid7()


def advance_clock(db: Database, ms: int) -> None:
    """The injected clock of change capture: the station's next HLC stamp is at least `ms`
    past its wall clock (the trigger ticks max(hlc + 1, now << 16)), with no sleep."""
    with db.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE sync_clock SET hlc = max(hlc, (CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER)"
            " + offset_ms + ?) << 16) WHERE id = 1",
            (ms,),
        )
