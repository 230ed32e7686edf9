"""Wire ⇄ SQLite storage without the ORM must be byte-identical to what the ORM writes."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from app.models import AnnualReport, Enterprise, Event, Policy, ServiceRecord, StaffMember
from app.models.database import open_database
from app.models.types import uuid7
from app.sync import codec as c
from app.sync import protocol, pull
from app.sync.protocol import SYNCED_TABLES


def _fill(db) -> None:  # type: ignore[no-untyped-def]
    station = uuid7()
    with db.begin() as s:
        e = Enterprise(name="广州“测试”有限公司", credit_code="91440101MA59TEXT0X", revenue=Decimal("1234.5"),
                       assets=Decimal("0.01"), employees=12, station_id=station, credit_code_warning=True)
        staff = StaffMember(name="陈晓明", station_id=station, start_date=date(2025, 1, 2))
        s.add_all([e, staff])
        s.flush()
        s.add_all([
            ServiceRecord(enterprise_id=e.id, service_date=date(2026, 2, 3), category="finance", fee=Decimal("99.90"),
                          staff_id=staff.id, station_id=station, reportable=False),
            Event(title="沙龙", event_type="salon", starts_at=datetime(2026, 5, 1, 1, 2, 3, tzinfo=UTC),
                  ends_at=datetime(2026, 5, 1, 3, 0, 0, 5, tzinfo=UTC), satisfaction=4.5, station_id=station),
            AnnualReport(year=2026, kind="plan", narrative={"总结": "完成\n“引号”"},  # what the row rules accept
                         planned_events=[{"n": 1, "x": 2.5, "y": None}], targets={"visits": 120.0}, station_id=station),
            Policy(title="政策", category="tax", issued_on=date(2026, 1, 1), local_note="mine"),
        ])


def _storage(db, tbl: str) -> list[tuple]:  # type: ignore[no-untyped-def,type-arg]
    with db.engine.connect() as conn:
        cols = ", ".join(c.codec(tbl).columns)
        return [tuple(r) for r in conn.exec_driver_sql(f"SELECT {cols} FROM {tbl} ORDER BY id")]


def test_storage_wire_storage_is_identical(db) -> None:  # type: ignore[no-untyped-def]
    _fill(db)
    for tbl in SYNCED_TABLES:
        k = c.codec(tbl)
        for row in _storage(db, tbl):
            wire = protocol.decode(protocol.encode(k.to_wire(row)), "zstd")  # through real JSON
            back = k.to_storage(wire)
            if tbl == "policy":
                assert wire["data"].get("local_note") is None
                back = tuple(v if n != "local_note" else row[i] for i, (n, v) in enumerate(zip(k.columns, back, strict=True)))
            assert back == row, tbl


def test_applied_rows_equal_orm_rows(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _fill(db)
    other = open_database(tmp_path / "other.db")
    try:
        rows = [c.codec(t).to_wire(r) for t in SYNCED_TABLES for r in _storage(db, t)]
        with other.engine.connect() as conn:
            pull.apply_page(conn, pull.MAIN_SCOPE, rows, {"txid": "1"}, True)
        for tbl in SYNCED_TABLES:
            mine, theirs = _storage(db, tbl), _storage(other, tbl)
            if tbl == "policy":  # local-only column: an inserted row gets the default
                assert [r[10] for r in theirs] == [""]
                mine = [r[:10] + r[11:] for r in mine]
                theirs = [r[:10] + r[11:] for r in theirs]
            assert mine == theirs, tbl
        with other.begin() as s:
            e = s.query(Enterprise).one()
            assert e.revenue == Decimal("1234.50") and e.assets == Decimal("0.01") and e.credit_code_warning is True
            ev = s.query(Event).one()
            assert ev.ends_at == datetime(2026, 5, 1, 3, 0, 0, 5, tzinfo=UTC)
        with other.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM sync_outbox").scalar() == 0
    finally:
        other.dispose()


def test_local_note_survives_a_pulled_update(db) -> None:  # type: ignore[no-untyped-def]
    _fill(db)
    row = _storage(db, "policy")[0]
    wire = c.codec("policy").to_wire(row)
    wire["data"]["title"] = "政策（修订）"
    wire["version"] = 5
    with db.engine.connect() as conn:
        pull.apply_page(conn, pull.MAIN_SCOPE, [wire], None, True)  # skipped: our insert is still queued
        conn.exec_driver_sql("DELETE FROM sync_outbox")
        conn.commit()
        pull.apply_page(conn, pull.MAIN_SCOPE, [wire], None, True)
    with db.begin() as s:
        p = s.query(Policy).one()
        assert (p.title, p.version, p.local_note) == ("政策（修订）", 5, "mine")


@pytest.mark.parametrize(
    ("wire", "stored"),
    [
        ("2026-01-02T03:04:05.123456+00:00", "2026-01-02 03:04:05.123456"),
        ("2026-01-02T03:04:05+00:00", "2026-01-02 03:04:05.000000"),
        ("2026-01-02T11:04:05.5+08:00", "2026-01-02 03:04:05.500000"),
        ("2026-01-02T03:04:05Z", "2026-01-02 03:04:05.000000"),
        ("2026-01-02 03:04:05", "2026-01-02 03:04:05.000000"),
    ],
)
def test_any_iso_timestamp_is_stored_as_utc_text(wire: str, stored: str) -> None:
    assert c.dt_in(wire) == stored


def test_uuid_and_decimal_forms() -> None:
    u = uuid7()
    assert c.uuid_in(str(u).upper()) == u.hex
    assert c.uuid_in(u.hex) == u.hex
    assert c.uuid_out(u.hex) == str(u)
    money = c.codec("service_record").to_storage
    base = {"id": str(u), "version": 1, "data": {}}
    idx = c.codec("service_record").columns.index("fee")
    for value, expected in (("12.3", 1230), (12, 1200), (0.1, 10), ("-0.005", -0), (None, None)):
        assert money({**base, "data": {"fee": value}})[idx] == expected
