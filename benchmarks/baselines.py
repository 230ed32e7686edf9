"""Raw baselines the sync benchmarks print beside their figures, measured in the same run:

- raw SQLite: sqlite3 `executemany` of the same storage tuples into a fresh file with the
  station's schema (indexes, no capture triggers), one transaction, WAL + synchronous=NORMAL;
- PostgreSQL COPY: psycopg 3 `cursor.copy` of the same rows into a fresh table shaped like HQ's
  replica_row (`LIKE replica_row INCLUDING DEFAULTS INCLUDING INDEXES`: the same columns,
  defaults and indexes; no txid trigger), one transaction.

Ratios are printed as throughput shares: sync rows/s ÷ baseline rows/s, which equals
baseline seconds ÷ sync seconds (100 % = as fast as the baseline).
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import create_engine

from app.models import Base
from app.sync.codec import codec

CopyRow = tuple[str, str, str | None, int, bool, str, str | None]
REPLICA_COLUMNS = "tbl, id, station_id, version, deleted, data, field_hlc"


def sqlite_executemany(rows: dict[str, list[tuple[Any, ...]]], path: Path | None = None) -> float:
    """Seconds to insert `rows` (table → storage tuples in `codec(table).columns` order)."""
    own = path is None
    folder = Path(tempfile.mkdtemp(prefix="sd-raw-")) if own else None
    target = (folder / "raw.db") if folder else path
    assert target is not None
    engine = create_engine(f"sqlite:///{target}")
    Base.metadata.create_all(engine)
    engine.dispose()
    conn = sqlite3.connect(target)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    started = time.perf_counter()
    for tbl, values in rows.items():
        cols = codec(tbl).columns
        conn.executemany(f"INSERT INTO {tbl} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", values)
    conn.commit()
    elapsed = time.perf_counter() - started
    conn.close()
    for f in sorted(target.parent.glob(target.name + "*"), reverse=True):
        f.unlink()
    if folder:
        folder.rmdir()
    return elapsed


def storage_tuples(wire_rows: Iterable[dict[str, Any]]) -> dict[str, list[tuple[Any, ...]]]:
    """Wire rows → the station's storage tuples, per table (what a pull would write; a
    pushed row has no version yet: HQ numbers it 1)."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    for r in wire_rows:
        out.setdefault(r["tbl"], []).append(codec(r["tbl"]).to_storage({"version": 1, **r}))
    return out


def copy_tuples(wire_rows: Iterable[dict[str, Any]]) -> list[CopyRow]:
    """Wire rows → replica_row COPY tuples (data and field_hlc as JSON text)."""
    return [
        (r["tbl"], r["id"], r.get("station_id"), r.get("version") or 1, bool(r.get("deleted")),
         json.dumps(r["data"], ensure_ascii=False), json.dumps(r["field_hlc"]) if r.get("field_hlc") else None)
        for r in wire_rows
    ]


def replica_rows(conninfo: str, ids: Sequence[str] | None = None) -> list[CopyRow]:
    """HQ's stored rows (all, or those ids) as COPY tuples: the same rows a sync moved."""
    query = "SELECT tbl, id::text, station_id::text, version, deleted, data::text, field_hlc::text FROM replica_row"
    with psycopg.connect(conninfo) as conn:
        if ids is None:
            return conn.execute(query).fetchall()
        return conn.execute(query + " WHERE id = ANY(%s::uuid[])", (list(ids),)).fetchall()


def pg_copy(conninfo: str, rows: Sequence[CopyRow]) -> float:
    """Seconds to COPY `rows` into a fresh replica_row-shaped table and commit (the table
    is created before the clock starts and dropped after)."""
    with psycopg.connect(conninfo) as conn:
        conn.execute("DROP TABLE IF EXISTS bench_copy_target")
        conn.execute("CREATE TABLE bench_copy_target (LIKE replica_row INCLUDING DEFAULTS INCLUDING INDEXES)")
        conn.commit()
        try:
            started = time.perf_counter()
            with conn.cursor() as cur, cur.copy(f"COPY bench_copy_target ({REPLICA_COLUMNS}) FROM STDIN") as cp:
                for row in rows:
                    cp.write_row(row)
            conn.commit()
            return time.perf_counter() - started
        finally:
            conn.execute("DROP TABLE bench_copy_target")
            conn.commit()


def median(runs: int, measure: Callable[[], float]) -> tuple[float, list[float]]:
    """Median of `runs` measurements, and the measurements."""
    values = [measure() for _ in range(max(1, runs))]
    return statistics.median(values), values


def share(sync_s: float, baseline_s: float) -> str:
    """Sync throughput as a share of the baseline's (= baseline time ÷ sync time)."""
    return f"{baseline_s / sync_s:.1%} ({sync_s / baseline_s:.1f}x the time)"


def baseline_line(label: str, rows: int, sync_s: float, raw_s: float, copy_s: float) -> str:
    return (f"{label}: {rows:,} rows in {sync_s * 1000:,.0f} ms = {rows / sync_s:,.0f} rows/s | "
            f"raw SQLite {raw_s * 1000:,.0f} ms ({rows / raw_s:,.0f} rows/s) | COPY {copy_s * 1000:,.0f} ms "
            f"({rows / copy_s:,.0f} rows/s) | sync/raw-SQLite {share(sync_s, raw_s)} | sync/COPY {share(sync_s, copy_s)} "
            "[throughput shares]")
