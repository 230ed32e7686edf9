"""An Excel import captured set-based (app/sync/bulk_capture.py) syncs to the real HQ on the
real PostgreSQL: every imported row is pushed once, with every merged field stamped at
the row's own HLC, and the station then equals HQ."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from app.services.excel.import_enterprises import import_enterprises
from app.sync import bulk_capture
from app.sync.capture import live_columns, merged_fields
from app.sync.engine import sync

from .helpers import assert_station_equals_hq

ROWS = 2500  # past MAX_PUSH_ROWS (2,000): two batches


def test_a_bulk_import_is_pushed_once_with_its_fields_stamped(make_station, hq_engine: Engine, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from bench_import import build

    a = make_station("GZ-BULK-A")
    assert sync(a.db, a.client()).completed  # what enrolment and setup queued goes first
    book = tmp_path / "企业.xlsx"
    build(book, ROWS, excel_like=True, shared_strings=True)
    taken: list[int] = []
    real = bulk_capture.capture_new_rows
    monkeypatch.setattr(bulk_capture, "capture_new_rows", lambda *args: (taken.append(args[3]), real(*args))[1])
    report = import_enterprises(a.db, book, confirm_warnings=True)
    assert report.imported == ROWS and taken == [ROWS]  # the set-based path, not the triggers
    with a.db.engine.connect() as conn:
        queued = dict(conn.exec_driver_sql("SELECT row_id, hlc FROM sync_outbox WHERE tbl = 'enterprise'").all())
        fields = merged_fields("enterprise", live_columns(conn, ["enterprise"])["enterprise"])
    assert len(queued) == ROWS

    result = sync(a.db, a.client())
    assert result.completed, result.message
    assert (result.pushed, result.rejected) == (ROWS, 0)
    with hq_engine.connect() as conn:
        stored = conn.execute(text("SELECT id, version, field_hlc FROM replica_row WHERE tbl = 'enterprise' "
                                   "AND station_id = :s"), {"s": a.station_id}).all()
    assert len(stored) == ROWS
    for row_id, version, field_hlc in stored:
        assert version == 1
        # every merged field at the row's own HLC (HQ adds created_at/updated_at at 0 itself)
        assert {f: field_hlc.get(f) for f in fields} == dict.fromkeys(fields, queued[row_id.hex])
    assert_station_equals_hq(a.db, hq_engine, a.station_id)
    again = sync(a.db, a.client())
    assert again.completed and again.pushed == 0 and again.pulled == 0
