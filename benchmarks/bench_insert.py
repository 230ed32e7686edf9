"""The demo-data generator's insert rate next to raw SQLite baselines, measured in one run.

    .venv/bin/python benchmarks/bench_insert.py [--enterprises 100000] [--records 1000000] [--rounds 1]

  narrow     sqlite3 executemany of 1M pre-built (int, int, text) rows, one transaction
  records    sqlite3 executemany of 1M pre-built service_record rows (all 23 columns, the
             real schema: 6 indexes, foreign keys on, sync capture triggers dropped as the
             generator drops them) after 100k enterprises: the ceiling for this schema
  generator  app.demo.data.generate() into a fresh profile, all tables

Same pragmas as the application (WAL, synchronous=NORMAL, 256 MiB cache for the bulk
runs).  Rounds alternate the three so a noisy machine hits them alike; quote ratios.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.demo.context import uuid7_hexes
from app.demo.data import CACHE_KIB, generate
from app.models.database import open_database

RECORD_COLUMNS = ("id,enterprise_id,service_date,follow_up_on,category,channel,prep_minutes,contact_minutes,fee_type,"
                  "fee,staff_id,institution_id,expert_id,policy_id,summary,outcome,satisfaction,reportable,station_id,"
                  "created_at,updated_at,version,deleted")


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON", f"cache_size=-{CACHE_KIB}"):
        conn.execute(f"PRAGMA {pragma}")
    return conn


def narrow(folder: Path, rows: int) -> float:
    conn = connect(folder / "narrow.db")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER NOT NULL, s TEXT NOT NULL)")
    data = [(i, i * 7 % 1000, f"row {i}") for i in range(rows)]
    started = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO t VALUES (?, ?, ?)", data)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    conn.close()
    return rows / elapsed


def records_ceiling(folder: Path, enterprises: int, rows: int) -> float:
    db = open_database(folder / "ceiling.db")
    generate(db, enterprises=enterprises, records=0)
    db.dispose()
    conn = connect(folder / "ceiling.db")
    firms = [r[0] for r in conn.execute("SELECT id FROM enterprise")]
    staff, station = conn.execute("SELECT id, station_id FROM staff_member").fetchone()
    rng = random.Random(1)
    ids: list[str] = []
    while len(ids) < rows:
        ids += uuid7_hexes(4096)
    days = sorted(rng.randrange(365) for _ in range(rows))
    stamp = "2026-01-05 01:00:00.000000"
    data = [(ids[i], firms[int(len(firms) * rng.random() ** 1.8)], f"2026-{1 + d // 31:02d}-{1 + d % 28:02d}", None,
             "policy", "phone", 0, 20, "free", None, staff, None, None, None, "咨询高新技术企业认定申报条件",
             "已当场解答", 5, 1, station, stamp, stamp, 1, 0) for i, d in enumerate(days)]
    sql = f"INSERT INTO service_record ({RECORD_COLUMNS}) VALUES ({', '.join('?' * 23)})"
    started = time.perf_counter()
    conn.execute("BEGIN")
    triggers = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")]
    for name in triggers:  # sync capture off, as the generator has it
        conn.execute(f"DROP TRIGGER {name}")
    for start in range(0, rows, 5000):
        conn.executemany(sql, data[start : start + 5000])
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    conn.close()
    return rows / elapsed


def generator(folder: Path, enterprises: int, records: int) -> float:
    db = open_database(folder / "generated.db")
    totals = [0]
    started = time.perf_counter()
    generate(db, enterprises=enterprises, records=records, progress=lambda _done, total: totals.__setitem__(0, total))
    elapsed = time.perf_counter() - started
    db.dispose()
    return totals[0] / elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--enterprises", type=int, default=100_000)
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--narrow", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args(argv)
    results: dict[str, list[float]] = {"narrow": [], "records": [], "generator": []}
    for _ in range(args.rounds):
        for name, rates in results.items():
            with tempfile.TemporaryDirectory(prefix="bench-insert-") as tmp:
                folder = Path(tmp)
                if name == "narrow":
                    rate = narrow(folder, args.narrow)
                elif name == "records":
                    rate = records_ceiling(folder, args.enterprises, args.records)
                else:
                    rate = generator(folder, args.enterprises, args.records)
            rates.append(rate)
            print(f"  {name:9s} {rate:9.0f} rows/s", file=sys.stderr, flush=True)
    medians = {name: statistics.median(rates) for name, rates in results.items()}
    for name, rate in medians.items():
        print(f"{name:9s} median {rate:9.0f} rows/s   ({rate / medians['narrow']:.2f} x narrow)")
    print(f"generator / records ceiling: {medians['generator'] / medians['records']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
