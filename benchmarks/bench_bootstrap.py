"""Client-side sync figures against the real HQ service (a real `station-desk-hq serve`
on loopback, a fresh PostgreSQL database), each beside its raw baseline measured in the
same run:

    .venv/bin/python benchmarks/bench_bootstrap.py [--rows 1000000] [--page-size 5000]

  bootstrap    a new station pulls N rows (40% enterprises, 60% its own service records),
               count-and-hash check included (figures without it are printed too)
  raw          sqlite3 executemany of the same stored tuples into the same schema
               (indexes, no triggers), one transaction: the ceiling for any bootstrap,
               measured after the bootstrap in the same run
  CPU          seconds spent by the station (this process), the HQ service and PostgreSQL
               (every database on the server: other work there shows up too)
  incremental  1,000 changed rows: push, echo pull, check
  no-op        a sync with nothing to do: round trips and milliseconds
"""

from __future__ import annotations

import argparse
import os
import secrets
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import cpu_usage as cpu  # noqa: E402
import httpx  # noqa: E402
import psycopg  # noqa: E402
from psycopg import sql  # noqa: E402
from sqlalchemy import text  # noqa: E402

from app.hq import accounts  # noqa: E402
from app.hq.db import init_db, make_engine  # noqa: E402
from app.models import Base  # noqa: E402
from app.models.database import open_database  # noqa: E402
from app.sync import pull  # noqa: E402
from app.sync.codec import codec  # noqa: E402
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


def _raw_insert(rows: dict[str, list[tuple]], path: Path) -> float:  # type: ignore[type-arg]
    engine = __import__("sqlalchemy").create_engine(f"sqlite:///{path}")
    Base.metadata.create_all(engine)
    engine.dispose()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    started = time.perf_counter()
    for tbl, values in rows.items():
        cols = codec(tbl).columns
        conn.executemany(f"INSERT INTO {tbl} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", values)
    conn.commit()
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--page-size", type=int, help="default: the engine's (20,000 for a bootstrap)")
    args = parser.parse_args(argv)
    n_ent, n_rec = int(args.rows * 0.4), args.rows - int(args.rows * 0.4)
    name = f"sd_bench_{secrets.token_hex(4)}"
    admin = admin_conninfo()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = make_conninfo_url(admin, name)
    work = Path(tempfile.mkdtemp(prefix="sd-bench-"))
    server = None
    try:
        init_db(url)
        hq = make_engine(url)
        with hq.begin() as conn:
            info, code = accounts.add_station(conn, "BENCH-A", "基准站", "天河区")
            conn.execute(text(ENTERPRISE_SQL), {"st": info.station_id, "n": n_ent})
            conn.execute(text(RECORD_SQL), {"st": info.station_id, "n": n_rec, "ne": n_ent})
        port = _free_port()
        server = subprocess.Popen([sys.executable, "-m", "app.hq.cli", "serve", "--db", url, "--port", str(port)],
                                  cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        base = f"http://127.0.0.1:{port}"
        _wait(base)
        db = open_database(work / "station.db")
        enroll(db, base, code)
        spent = {"apply": 0.0}
        real_apply = pull.apply_page

        def timed_apply(*a, **k):  # type: ignore[no-untyped-def]
            t = time.perf_counter()
            try:
                return real_apply(*a, **k)
            finally:
                spent["apply"] += time.perf_counter() - t

        pull.apply_page = timed_apply  # type: ignore[assignment]
        from app.sync import engine as sync_engine

        real_verify = sync_engine._verify

        def timed_verify(run):  # type: ignore[no-untyped-def]
            t = time.perf_counter()
            try:
                return real_verify(run)
            finally:
                spent["check"] = time.perf_counter() - t

        sync_engine._verify = timed_verify  # type: ignore[assignment]
        from app.sync import check as sync_check
        from app.sync.client import SyncClient

        real_pull, real_prepare, real_summary = SyncClient.pull_page, pull.prepare, sync_check.local_summary

        def timed(name, fn):  # type: ignore[no-untyped-def]
            def wrapper(*a, **k):  # type: ignore[no-untyped-def]
                t = time.perf_counter()
                try:
                    return fn(*a, **k)
                finally:
                    spent[name] = spent.get(name, 0.0) + time.perf_counter() - t
            return wrapper

        SyncClient.pull_page = timed("fetch", real_pull)  # type: ignore[method-assign]
        pull.prepare = timed("prepare", real_prepare)  # type: ignore[assignment]
        sync_check.local_summary = timed("local hash", real_summary)  # type: ignore[assignment]
        cpu0 = (time.process_time(), cpu.tree(server.pid), cpu.postgres(), os.getloadavg()[0])
        started = time.perf_counter()
        with open_client(db) as client:
            result = sync(db, client, page_size=args.page_size)
        boot = time.perf_counter() - started
        cpu1 = (time.process_time(), cpu.tree(server.pid), cpu.postgres(), os.getloadavg()[0])
        pull.apply_page = real_apply  # type: ignore[assignment]
        sync_engine._verify = real_verify  # type: ignore[assignment]
        SyncClient.pull_page, pull.prepare = real_pull, real_prepare  # type: ignore[method-assign]
        sync_check.local_summary = real_summary  # type: ignore[assignment]
        assert result.completed, result.message
        with db.engine.connect() as conn:
            stored = {t: [tuple(r) for r in conn.exec_driver_sql(f"SELECT {', '.join(codec(t).columns)} FROM {t}")]
                      for t in ("station", "enterprise", "service_record")}  # fmt: skip
        raw = _raw_insert(stored, work / "raw.db")
        total = sum(len(v) for v in stored.values())
        print(f"bootstrap: {result.pulled} rows in {boot:.1f} s = {result.pulled / boot:,.0f} rows/s "
              f"(page {args.page_size or 'auto'}; check included, repaired={result.repaired})")  # fmt: skip
        pulled_s = boot - spent.get("check", 0.0)
        print(f"  without the count-and-hash check ({spent.get('check', 0.0):.1f} s): {result.pulled / pulled_s:,.0f} rows/s")
        print(f"  on the syncing thread: decode + convert {spent.get('prepare', 0):.1f} s, write (upsert + cursor, "
              f"one transaction per page) {spent['apply']:.1f} s = {result.pulled / spent['apply']:,.0f} rows/s")  # fmt: skip
        print(f"  fetch thread (pages ahead, overlapped): HTTP {spent.get('fetch', 0):.1f} s; "
              f"check: local hashing {spent.get('local hash', 0):.1f} s")  # fmt: skip
        print(f"  CPU s during the bootstrap: station {cpu1[0] - cpu0[0]:.1f}, HQ service {cpu1[1] - cpu0[1]:.1f}, "
              f"PostgreSQL (all databases) {cpu1[2] - cpu0[2]:.1f}; load average {cpu0[3]:.1f} → {cpu1[3]:.1f}")  # fmt: skip
        print(f"raw sqlite3 executemany: {total} rows in {raw:.1f} s = {total / raw:,.0f} rows/s")
        print(f"ratio bootstrap/raw: {(result.pulled / boot) / (total / raw):.0%} "
              f"(without the check {(result.pulled / pulled_s) / (total / raw):.0%})")  # fmt: skip
        with db.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE service_record SET summary = summary || '（已回访）' WHERE rowid IN "
                                 "(SELECT rowid FROM service_record ORDER BY random() LIMIT 1000)")  # fmt: skip
        with open_client(db) as client:
            started = time.perf_counter()
            inc = sync(db, client)
            inc_s = time.perf_counter() - started
            print(f"incremental 1,000 rows: {inc_s * 1000:.0f} ms, pushed={inc.pushed} pulled={inc.pulled} "
                  f"round trips={inc.round_trips} repaired={inc.repaired}")  # fmt: skip
            times = []
            for _ in range(5):
                started = time.perf_counter()
                noop = sync(db, client)
                times.append((time.perf_counter() - started) * 1000)
            print(f"no-op sync: {noop.round_trips} round trips, {min(times):.0f}–{max(times):.0f} ms")
        db.dispose()
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
