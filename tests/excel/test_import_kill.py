"""An import killed half-way through its INSERTs (SIGKILL: no rollback, no cleanup) leaves
the database as it was, and running it again imports every row once.  The kill falls
while the bulk capture has the insert triggers dropped (app/sync/bulk_capture.py): they
are back, as they were, and every imported row is captured once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.services.excel.import_enterprises import import_enterprises

REPO = Path(__file__).resolve().parents[2]
ROWS = 2400
# The child imports with 500-row chunks and kills itself as the third chunk is about to go in.
CHILD = """
import os, signal, sys
from app.services.excel import rows
from app.services.excel.import_enterprises import import_enterprises
from app.services.station.profiles import open_profile

rows.CHUNK = 500
real, done = rows.insert_chunk, []
def insert_chunk(session, model, chunk):
    if len(done) == 2:
        sys.stdout.write("killing\\n"); sys.stdout.flush()
        os.kill(os.getpid(), signal.SIGKILL)
    done.append(len(chunk))
    real(session, model, chunk)
rows.insert_chunk = insert_chunk
import_enterprises(open_profile("default"), sys.argv[1], confirm_warnings=True)
"""


def _state(path: Path) -> tuple[str, int, int, int, int, object, object]:
    with sqlite3.connect(path) as conn:
        return (
            conn.execute("PRAGMA integrity_check").fetchone()[0],
            conn.execute("SELECT count(*) FROM enterprise").fetchone()[0],
            conn.execute("SELECT count(*) FROM sync_outbox WHERE tbl = 'enterprise'").fetchone()[0],
            conn.execute("SELECT count(*) FROM sync_outbox o WHERE tbl = 'enterprise' AND NOT EXISTS "
                         "(SELECT 1 FROM enterprise e WHERE e.id = o.row_id)").fetchone()[0],
            conn.execute("SELECT count(*) FROM sync_field_clock WHERE tbl = 'enterprise' AND field = '+'").fetchone()[0],
            conn.execute("SELECT hlc FROM sync_clock").fetchall(),
            sorted(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()),
        )


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_killed_import_leaves_nothing_and_a_rerun_imports_each_row_once(db, world, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(REPO / "benchmarks"))
    from bench_import import build

    book = tmp_path / "big.xlsx"
    build(book, ROWS)
    before = _state(db.path)
    assert before[0] == "ok" and before[3] == 0
    child = subprocess.run([sys.executable, "-c", CHILD, str(book)], cwd=REPO, capture_output=True, text=True,
                           env=os.environ.copy(), timeout=300)
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert child.stdout.strip() == "killing"  # it died inside the transaction, 1,000 rows written to it
    assert _state(db.path) == before
    report = import_enterprises(db, book, confirm_warnings=True)
    assert report.imported == ROWS and report.rejected == 0
    after = _state(db.path)
    assert after[:3] == ("ok", before[1] + ROWS, before[2] + ROWS) and after[3] == 0
    assert after[4] == before[4] + ROWS and after[6] == before[6]  # one stamp a row; the triggers as they were
    with sqlite3.connect(db.path) as conn:
        assert conn.execute("SELECT count(*) - count(DISTINCT credit_code) FROM enterprise "
                            "WHERE credit_code IS NOT NULL").fetchone()[0] == 0
    again = import_enterprises(db, book, confirm_warnings=True)
    assert (again.imported, again.unchanged, again.rejected) == (0, ROWS, 0)
