"""Client-side sync figures against the real HQ service (a real `station-desk-hq serve`
on loopback, a fresh PostgreSQL database), each beside two raw baselines measured in the
same run (benchmarks/baselines.py; ratios are throughput shares = baseline s / sync s):

    .venv/bin/python benchmarks/bench_bootstrap.py [--rows 1000000] [--page-size 5000]
                                                  [--repeat 5] [--bootstrap-runs 1] [--changed 1000]

  bootstrap    a new station pulls N rows (40% enterprises, 60% its own service records),
               count-and-hash check included (figures without it are printed too); median
               of --bootstrap-runs (default 1: one bootstrap with its baselines takes ~90 s;
               each further run re-issues the enrolment code and bootstraps a new file)
  raw SQLite   sqlite3 executemany of the same stored tuples into the same schema
               (indexes, no triggers), one transaction: the ceiling for any bootstrap,
               measured after each bootstrap in the same run
  COPY         psycopg `cursor.copy` of HQ's same rows into a replica_row-shaped table
  CPU          seconds spent by the station (this process), the HQ service and PostgreSQL
               (every database on the server: other work there shows up too)
  incremental  --changed (1,000) changed rows: push, echo pull, check; median of --repeat,
               each beside raw SQLite / COPY of those rows (medians of --repeat too)
  no-op        a sync with nothing to do: round trips and milliseconds, median of --repeat
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import cpu_usage as cpu  # noqa: E402
import httpx  # noqa: E402
import psycopg  # noqa: E402
from baselines import baseline_line, pg_copy, replica_rows, sqlite_executemany  # noqa: E402
from psycopg import sql  # noqa: E402
from sqlalchemy import text  # noqa: E402

from app.hq import accounts  # noqa: E402
from app.hq.db import init_db, make_engine  # noqa: E402
from app.models.database import open_database  # noqa: E402
from app.sync import pull  # noqa: E402
from app.sync.codec import codec, uuid_out  # noqa: E402
from app.sync.engine import sync  # noqa: E402
from app.sync.enrolment import enroll, open_client  # noqa: E402
from app.sync.protocol import PROTOCOL_HEADER  # noqa: E402
from tests.pg import admin_conninfo  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
ENTERPRISE_SQL = """
INSERT INTO replica_row (tbl, id, station_id, version, deleted, data, field_hlc)
SELECT 'enterprise', CAST('01900000-0000-7000-8000-' || lpad(to_hex(i), 12, '0') AS uuid), :st, 1, false,
  jsonb_build_object('name', '广州市第' || i || '号科技有限公司', 'credit_code', '91440101MA' || lpad(i::text, 8, '0'),
    'credit_code_warning', false, 'name_initials', 'gzsdhkjyxgs', 'industry_section', 'I', 'industry_code', '6510',
    'district', '天河区', 'address', '天河路' || i || '号', 'legal_representative', '张三', 'contact_name', '李四',
    'contact_phone', '020-' || lpad(i::text, 8, '0'), 'employees', i % 300, 'revenue', (i % 100000)::text || '.50',
    'assets', NULL, 'size_year', 2025, 'size', 'small', 'status', 'active', 'notes', '',
    'created_at', '2026-01-02T03:04:05.123456+00:00', 'updated_at', '2026-01-02T03:04:05.123456+00:00'),
  jsonb_build_object('name', 117689670230867968 + i, 'address', 117689670230867968 + i)
FROM generate_series(1, :n) AS i
"""
RECORD_SQL = """
INSERT INTO replica_row (tbl, id, station_id, version, deleted, data)
SELECT 'service_record', CAST('01900000-0000-7000-9000-' || lpad(to_hex(i), 12, '0') AS uuid), :st, 1, false,
  jsonb_build_object('enterprise_id', '01900000-0000-7000-8000-' || lpad(to_hex(1 + i % :ne), 12, '0'),
    'service_date', to_char(date '2025-01-01' + (i % 365), 'YYYY-MM-DD'), 'category', 'finance', 'channel', 'walk_in',
    'prep_minutes', 10, 'contact_minutes', 30, 'fee_type', 'free', 'fee', NULL, 'staff_id', NULL, 'institution_id', NULL,
    'expert_id', NULL, 'policy_id', NULL, 'summary', '企业咨询融资政策，已介绍贷款贴息办理流程。', 'outcome', '已解决',
    'satisfaction', 5, 'follow_up_on', NULL, 'reportable', true,
    'created_at', '2026-01-02T03:04:05.123456+00:00', 'updated_at', '2026-01-02T03:04:05.123456+00:00')
FROM generate_series(1, :n) AS i
"""


def _instrument(spent: dict[str, float]) -> Callable[[], None]:
    """Time the bootstrap's parts into `spent`; returns the function that undoes it."""
    from app.sync import check as sync_check
    from app.sync import engine as sync_engine
    from app.sync.client import SyncClient

    saved = (pull.apply_page, sync_engine._verify, SyncClient.pull_page, pull.prepare, sync_check.local_summary)

    def timed(name, fn, add=True):  # type: ignore[no-untyped-def]
        def wrapper(*a, **k):  # type: ignore[no-untyped-def]
            t = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                spent[name] = (spent.get(name, 0.0) if add else 0.0) + time.perf_counter() - t
        return wrapper

    pull.apply_page = timed("apply", saved[0])  # type: ignore[assignment]
    sync_engine._verify = timed("check", saved[1], add=False)  # type: ignore[assignment]
    SyncClient.pull_page = timed("fetch", saved[2])  # type: ignore[method-assign]
    pull.prepare = timed("prepare", saved[3])  # type: ignore[assignment]
    sync_check.local_summary = timed("local hash", saved[4])  # type: ignore[assignment]

    def undo() -> None:
        (pull.apply_page, sync_engine._verify, SyncClient.pull_page, pull.prepare,  # type: ignore[method-assign]
         sync_check.local_summary) = saved

    return undo


def _bootstrap_once(db: Any, page_size: int | None, server_pid: int) -> float:
    spent: dict[str, float] = {"apply": 0.0}
    undo = _instrument(spent)
    cpu0 = (time.process_time(), cpu.tree(server_pid), cpu.postgres(), os.getloadavg()[0])
    started = time.perf_counter()
    try:
        with open_client(db) as client:
            result = sync(db, client, page_size=page_size)
        boot = time.perf_counter() - started
    finally:
        undo()
    cpu1 = (time.process_time(), cpu.tree(server_pid), cpu.postgres(), os.getloadavg()[0])
    assert result.completed, result.message
    print(f"bootstrap: {result.pulled:,} rows in {boot:.1f} s = {result.pulled / boot:,.0f} rows/s "
          f"(page {page_size or 'auto'}; check included, repaired={result.repaired})")
    pulled_s = boot - spent.get("check", 0.0)
    print(f"  without the count-and-hash check ({spent.get('check', 0.0):.1f} s): {result.pulled / pulled_s:,.0f} rows/s")
    print(f"  on the syncing thread: decode + convert {spent.get('prepare', 0):.1f} s, write (upsert + cursor, "
          f"one transaction per page) {spent['apply']:.1f} s = {result.pulled / spent['apply']:,.0f} rows/s")
    print(f"  fetch thread (pages ahead, overlapped): HTTP {spent.get('fetch', 0):.1f} s; "
          f"check: local hashing {spent.get('local hash', 0):.1f} s")
    print(f"  CPU s during the bootstrap: station {cpu1[0] - cpu0[0]:.1f}, HQ service {cpu1[1] - cpu0[1]:.1f}, "
          f"PostgreSQL (all databases) {cpu1[2] - cpu0[2]:.1f}; load average {cpu0[3]:.1f} → {cpu1[3]:.1f}", flush=True)
    return boot


@dataclass
class ServedHq:
    """A fresh HQ database holding station BENCH-A with generated rows, served on loopback."""

    url: str
    hq: Any  # the SQLAlchemy engine on it
    base: str  # http://127.0.0.1:port
    code: str  # BENCH-A's enrolment code
    work: Path  # a temporary folder for station files, emptied afterwards
    server_pid: int


@contextmanager
def served_hq(rows: int, prefix: str = "sd_bench", settings: dict[str, str] | None = None) -> Iterator[ServedHq]:
    """`rows` rows (40% enterprises, 60% service records) for one station, a real
    `station-desk-hq serve`; the database, the server and the folder go away afterwards.
    `settings`: PostgreSQL settings for every session of the database (ALTER DATABASE … SET),
    made before the server starts."""
    n_ent, n_rec = int(rows * 0.4), rows - int(rows * 0.4)
    name = f"{prefix}_{secrets.token_hex(4)}"
    admin = admin_conninfo()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = make_conninfo_url(admin, name)
    work = Path(tempfile.mkdtemp(prefix=f"{prefix}-"))
    server = None
    try:
        init_db(url)
        hq = make_engine(url)
        with hq.begin() as conn:
            info, code = accounts.add_station(conn, "BENCH-A", "基准站", "天河区")
            conn.execute(text(ENTERPRISE_SQL), {"st": info.station_id, "n": n_ent})
            conn.execute(text(RECORD_SQL), {"st": info.station_id, "n": n_rec, "ne": n_ent})
        with psycopg.connect(url, autocommit=True) as conn:
            for key, value in (settings or {}).items():
                conn.execute(sql.SQL("ALTER DATABASE {} SET {} = {}").format(
                    sql.Identifier(name), sql.Identifier(key), sql.Literal(value)))
        port = _free_port()
        server = subprocess.Popen([sys.executable, "-m", "app.hq.cli", "serve", "--db", url, "--port", str(port)],
                                  cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        _wait(base)
        try:
            yield ServedHq(url, hq, base, code, work, server.pid)
        finally:
            hq.dispose()
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        for f in sorted(work.glob("*"), reverse=True):
            f.unlink()
        work.rmdir()


def _load() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--page-size", type=int, help="default: the engine's (20,000 for a bootstrap)")
    parser.add_argument("--changed", type=int, default=1000, help="rows changed per incremental sync")
    parser.add_argument("--repeat", type=int, default=5, help="incremental and no-op syncs (and their baselines): median of N")
    parser.add_argument("--bootstrap-runs", type=int, default=1,
                        help="bootstraps (each into a new station file) and their baselines: median of N; "
                             "default 1 because one takes ~90 s with its baselines")
    args = parser.parse_args(argv)
    with served_hq(args.rows) as served:
        url, hq, base, code, work = served.url, served.hq, served.base, served.code, served.work
        boots, raws, copies = [], [], []
        copy_rows = replica_rows(url)
        for run in range(args.bootstrap_runs):
            if run:
                with hq.begin() as conn:
                    code = accounts.reissue_code(conn, "BENCH-A")
            db = open_database(work / f"station{run}.db")
            enroll(db, base, code)
            boots.append(_bootstrap_once(db, args.page_size, served.server_pid))
            with db.engine.connect() as conn:
                stored = {t: [tuple(r) for r in conn.exec_driver_sql(f"SELECT {', '.join(codec(t).columns)} FROM {t}")]
                          for t in ("station", "enterprise", "service_record")}
            total = sum(len(v) for v in stored.values())
            raws.append(sqlite_executemany(stored, work / "raw.db"))
            del stored
            copies.append(pg_copy(url, copy_rows))
            print(f"  baselines after it: raw SQLite {total:,} rows in {raws[-1]:.1f} s, COPY {len(copy_rows):,} rows "
                  f"in {copies[-1]:.1f} s; {_load()}", flush=True)
            if run < args.bootstrap_runs - 1:
                db.dispose()
        del copy_rows
        boot, raw, copy_s = (statistics.median(v) for v in (boots, raws, copies))
        print(baseline_line(f"BOOTSTRAP median of {len(boots)}", total, boot, raw, copy_s) + f"; {_load()}")
        inc, inc_raw, inc_copy, trips = [], [], [], set()
        with open_client(db) as client:
            for _ in range(args.repeat):
                with db.engine.begin() as conn:
                    ids = [r[0] for r in conn.exec_driver_sql(
                        f"SELECT id FROM service_record ORDER BY random() LIMIT {args.changed}")]
                    conn.exec_driver_sql("UPDATE service_record SET summary = summary || '（已回访）' WHERE id IN "
                                         "(SELECT value FROM json_each(?))", (json.dumps(ids),))
                started = time.perf_counter()
                result = sync(db, client)
                inc.append(time.perf_counter() - started)
                assert result.completed and result.pushed == args.changed, (result.pushed, result.message)
                trips.add(result.round_trips)
                print(f"  incremental: {inc[-1] * 1000:.0f} ms, pushed={result.pushed} pulled={result.pulled} "
                      f"round trips={result.round_trips} repaired={result.repaired}; {_load()}", flush=True)
                with db.engine.connect() as conn:
                    cols = codec("service_record").columns
                    rows = [tuple(r) for r in conn.exec_driver_sql(
                        f"SELECT {', '.join(cols)} FROM service_record WHERE id IN (SELECT value FROM json_each(?))",
                        (json.dumps(ids),))]
                inc_raw.append(sqlite_executemany({"service_record": rows}, work / "raw.db"))
                inc_copy.append(pg_copy(url, replica_rows(url, [uuid_out(i) for i in ids])))
            print(baseline_line(f"INCREMENTAL {args.changed} changed rows (push, pull of what others changed, check), median of {len(inc)}",
                                args.changed, statistics.median(inc), statistics.median(inc_raw),
                                statistics.median(inc_copy)) + f"; round trips {sorted(trips)}; {_load()}")
            times, noop_trips = [], set()
            for _ in range(args.repeat):
                started = time.perf_counter()
                noop = sync(db, client)
                times.append((time.perf_counter() - started) * 1000)
                noop_trips.add(noop.round_trips)
            print(f"NO-OP sync median of {len(times)}: {statistics.median(times):.0f} ms "
                  f"({min(times):.0f}–{max(times):.0f}), round trips {sorted(noop_trips)}; {_load()}")
        db.dispose()
    return 0


def make_conninfo_url(admin: str, dbname: str) -> str:
    from psycopg.conninfo import conninfo_to_dict

    parts = conninfo_to_dict(admin)
    auth = parts.get("user", "postgres") + (f":{parts['password']}" if parts.get("password") else "")
    return f"postgresql://{auth}@{parts.get('host', '127.0.0.1')}:{parts.get('port', 5432)}/{dbname}"


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(base: str) -> None:
    for _ in range(300):
        try:
            if httpx.get(f"{base}/v1/hello", headers={PROTOCOL_HEADER: "1"}, timeout=1).status_code == 401:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError("server did not start")


if __name__ == "__main__":
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")  # token in memory for this run
    sys.exit(main())
