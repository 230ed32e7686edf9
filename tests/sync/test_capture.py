"""Change capture by triggers: every way of writing is captured, except applying pulled data."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import insert, select, text, update

from app.models import Enterprise, Policy, ServiceRecord
from app.models.types import uuid7
from app.sync import push
from app.sync.capture import ALL_FIELDS, live_columns, merged_fields
from app.sync.codec import uuid_in
from app.sync.protocol import hlc_ms


def _outbox(db) -> list[tuple[int, str, str, int]]:  # type: ignore[no-untyped-def]
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql("SELECT seq, tbl, row_id, hlc FROM sync_outbox ORDER BY seq")]


def _new_enterprise(db, name: str = "广州甲有限公司") -> uuid.UUID:  # type: ignore[no-untyped-def]
    with db.begin() as session:
        row = Enterprise(name=name, station_id=uuid7())
        session.add(row)
        session.flush()
        return row.id


def test_orm_insert_and_update_are_captured(db) -> None:  # type: ignore[no-untyped-def]
    eid = _new_enterprise(db)
    with db.begin() as session:
        session.get(Enterprise, eid).name = "广州乙有限公司"
    entries = _outbox(db)
    assert [(t, r) for _, t, r, _ in entries] == [("enterprise", eid.hex)] * 2
    assert entries[0][3] < entries[1][3], "HLC must grow"


def test_core_bulk_insert_and_update_are_captured(db) -> None:  # type: ignore[no-untyped-def]
    ids = [uuid7() for _ in range(5)]
    with db.engine.begin() as conn:
        conn.execute(insert(Enterprise), [{"id": i, "name": f"企业{n}"} for n, i in enumerate(ids)])
        conn.execute(update(Enterprise).values(address="天河路1号"))
    entries = _outbox(db)
    assert len(entries) == 10
    assert {r for _, _, r, _ in entries} == {i.hex for i in ids}
    with db.engine.connect() as conn:
        assert set(conn.scalars(select(Enterprise.version))) == {2}


def test_raw_sql_update_is_captured_and_bumps_version(db) -> None:  # type: ignore[no-untyped-def]
    eid = _new_enterprise(db)
    with db.engine.begin() as conn:
        # An injected past stamp instead of a sleep: SQLite's clock has millisecond resolution,
        # Python's microseconds, so within one millisecond the trigger's stamp can read .449000
        # after Python wrote .449009.  Written while applying, so the edit itself is not captured.
        conn.exec_driver_sql("UPDATE sync_control SET applying = 1")
        conn.exec_driver_sql("UPDATE enterprise SET updated_at = '2026-01-01 00:00:00.000000'")
        conn.exec_driver_sql("UPDATE sync_control SET applying = 0")
        before = conn.exec_driver_sql("SELECT version, updated_at FROM enterprise").one()
        conn.exec_driver_sql("UPDATE enterprise SET notes = 'raw'")
        after = conn.exec_driver_sql("SELECT version, updated_at FROM enterprise").one()
    assert after[0] == before[0] + 1
    assert after[1] > before[1] and len(after[1]) == 26  # same text shape SQLAlchemy writes
    assert [r for _, _, r, _ in _outbox(db)] == [eid.hex, eid.hex]  # one entry per edit, not two
    with db.begin() as session:
        assert session.get(Enterprise, eid).updated_at.tzinfo is not None  # the ORM still reads it


def test_nothing_is_captured_while_applying(db) -> None:  # type: ignore[no-untyped-def]
    eid = _new_enterprise(db)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM sync_outbox")
        conn.exec_driver_sql("DELETE FROM sync_field_clock")
        conn.exec_driver_sql("UPDATE sync_control SET applying = 1")
        conn.exec_driver_sql("UPDATE enterprise SET name = 'pulled', version = 7")
        conn.execute(insert(Enterprise), [{"name": "pulled too"}])
        conn.execute(update(Enterprise).values(notes="x"))
        version = conn.exec_driver_sql("SELECT version FROM enterprise WHERE id = ?", (eid.hex,)).scalar()
        conn.exec_driver_sql("UPDATE sync_control SET applying = 0")
        assert conn.exec_driver_sql("SELECT count(*) FROM sync_field_clock").scalar() == 0
    assert _outbox(db) == []
    assert version == 8  # the Core onupdate still counts; the trigger added nothing
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE enterprise SET name = 'local again'")
    assert len(_outbox(db)) == 2


def test_field_clock_stamps_only_changed_enterprise_fields(db) -> None:  # type: ignore[no-untyped-def]
    eid = _new_enterprise(db)
    with db.engine.connect() as conn:
        first = dict(conn.exec_driver_sql("SELECT field, hlc FROM sync_field_clock").all())
    assert list(first) == [ALL_FIELDS], "an insert stamps all its fields with one row"
    with db.begin() as session:
        session.get(Enterprise, eid).contact_phone = "020-12345678"
    with db.engine.connect() as conn:
        second = dict(conn.exec_driver_sql("SELECT field, hlc FROM sync_field_clock").all())
    assert second[ALL_FIELDS] == first[ALL_FIELDS] and set(second) == {ALL_FIELDS, "contact_phone"}


def test_pushed_stamps_spell_out_the_insert_and_keep_later_edits(db) -> None:  # type: ignore[no-untyped-def]
    """What HQ receives is what one stamp row per field used to give: every merged field at
    the insert's hlc, an edited field at its edit's."""
    eid = _new_enterprise(db)
    with db.begin() as session:
        session.get(Enterprise, eid).contact_phone = "020-12345678"
    inserted, edited = (hlc for *_, hlc in _outbox(db))
    batch = push.open_batch(db.engine)
    assert batch is not None
    (row,) = [r for r in push.batch_rows(db.engine, batch) if uuid_in(r["id"]) == eid.hex]
    with db.engine.connect() as conn:
        fields = merged_fields("enterprise", live_columns(conn, ["enterprise"])["enterprise"])
    assert "name" in fields and "deleted" in fields and "version" not in fields and "updated_at" not in fields
    assert edited > inserted
    assert row["field_hlc"] == {**dict.fromkeys(fields, inserted), "contact_phone": edited}
    assert list(row["field_hlc"]) == sorted(fields)


def test_station_rows_are_captured_but_local_note_is_not(db) -> None:  # type: ignore[no-untyped-def]
    eid = _new_enterprise(db)
    with db.begin() as session:
        record = ServiceRecord(enterprise_id=eid, service_date=date(2026, 3, 1), category="policy", station_id=uuid7())
        policy = Policy(title="稳岗补贴", category="employment")
        session.add_all([record, policy])
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM sync_outbox")
    with db.begin() as session:
        session.get(Policy, policy.id).local_note = "本站备注"
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version FROM policy").scalar() == 1
    assert _outbox(db) == []
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE policy SET title = '稳岗补贴（2026）'")
        assert conn.exec_driver_sql("SELECT version FROM policy").scalar() == 2
        conn.execute(text("UPDATE service_record SET summary = 'x'"))
    assert [t for _, t, _, _ in _outbox(db)] == ["policy", "service_record"]


def test_hlc_uses_the_offset_to_server_time(db) -> None:  # type: ignore[no-untyped-def]
    import time
    hour = 3600 * 1000
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE sync_clock SET offset_ms = ?", (hour,))
    _new_enterprise(db)
    stamp = _outbox(db)[0][3]
    assert abs(hlc_ms(stamp) - (time.time() * 1000 + hour)) < 5000
    with db.engine.begin() as conn:  # a clock set back never makes the HLC go backwards
        conn.exec_driver_sql("UPDATE sync_clock SET offset_ms = ?", (-hour,))
    _new_enterprise(db, "广州丙有限公司")
    assert _outbox(db)[1][3] == stamp + 1


def test_a_bulk_page_leaves_the_triggers_in_place_even_when_it_fails(db) -> None:  # type: ignore[no-untyped-def]
    """Big pages drop and re-create the triggers inside their transaction (speed)."""
    import pytest

    from app.sync import codec, pull

    def triggers() -> set[str]:
        with db.engine.connect() as conn:
            return set(conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'").scalars())

    before = triggers()
    with db.engine.connect() as conn:
        row = conn.exec_driver_sql(f"SELECT {', '.join(codec.codec('enterprise').columns)} FROM enterprise").first()
    assert row is None
    base = {"tbl": "enterprise", "station_id": None, "version": 1, "deleted": False,
            "data": {"name": "批量企业", "created_at": "2026-01-01T00:00:00+00:00", "updated_at": "2026-01-01T00:00:00+00:00"}}
    rows = [{**base, "id": str(uuid7())} for _ in range(pull.BULK_PAGE + 10)]
    with db.engine.connect() as conn:
        pull.apply_page(conn, pull.MAIN_SCOPE, rows, {"txid": "5"}, True)
        assert triggers() == before and len(before) >= 29
        # A bad row no longer fails the page (it is quarantined: tests/sync/test_quarantine.py);
        # a crash after the rows were written, before the cursor, does.
        broken = [*rows[:pull.BULK_PAGE], {**base, "id": str(uuid7()), "data": {"name": None}}]  # NOT NULL

        def crash() -> None:
            raise RuntimeError("crash between the page and its cursor")

        with pytest.raises(RuntimeError, match="crash"):
            pull.apply_page(conn, pull.MAIN_SCOPE, broken, {"txid": "6"}, True, between=crash)
    assert triggers() == before
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM sync_quarantine").scalar() == 0  # rolled back with the page
    assert _outbox(db) == []
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE enterprise SET notes = 'local' WHERE rowid = 1")
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("SELECT cursor FROM sync_cursor").scalar() == '{"txid": "5"}'
    assert len(_outbox(db)) == 1
