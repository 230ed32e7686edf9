"""The yearly overall report to the bureau (全市汇总) on a generated network, with the quarter's
key-information report and the PDF/Excel rendering beside it.

    .venv/bin/python benchmarks/bench_hq_cityreport.py [--stations 300] [--records 1000000] [--generator network|sql]
                                                         [--pg postgresql://postgres@127.0.0.1:5432/postgres]
    .venv/bin/python benchmarks/bench_hq_cityreport.py --db postgresql://…/sd_bench_net_…   # a kept network

Creates a throw-away database and generates a network into replica_row (the read models'
triggers keep them current, as on a push).  `--generator network` (default) is
bench_hq_network.py's generator (COPY; stations, enterprises, staff, events, demands, reports);
`--generator sql` is this file's INSERT … SELECT one, which adds what the reports print beyond
figures: industry sections and sizes, the summaries' highlights, the plans' targets and events
(enterprises one per 20 records, 20 events a station with 10 attendances, 30 demands, 3 staff).
`--db` measures an existing database instead (e.g. one kept by `bench_hq_network.py --keep`).
Then times, best of 3: app.hq.cityreport.annual.annual_report, key_info_report for a quarter, and the
rendering of each to PDF and .xlsx.  The issue's target: the yearly report in ≤ 15 s at 300
stations and 30,000,000 records (--records 30000000; generating them takes a long while).
Not part of the test run.
"""

from __future__ import annotations

import argparse
import secrets
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psycopg
from psycopg import sql
from sqlalchemy import Engine, text

from app.domain import districts
from app.hq import accounts
from app.hq.cityreport.annual import annual_report
from app.hq.cityreport.key_info import key_info_report
from app.hq.db import init_db, make_engine
from app.hqdesk.cityreports.render import render

YEAR = 2026
CUTOFF = datetime(YEAR + 1, 2, 5, 1, 0, tzinfo=UTC)
CHUNK = 250_000

_IDS = "WITH s AS (SELECT array_agg(id ORDER BY id) AS a, count(*) AS n FROM replica_row WHERE tbl = 'station')"
ENTERPRISES = _IDS + """
INSERT INTO replica_row (tbl, id, station_id, version, deleted, data, field_hlc)
SELECT 'enterprise', gen_random_uuid(), s.a[1 + g % s.n], 1, false,
       jsonb_build_object('name', '企业' || g, 'credit_code', NULL,
                          'industry_section', (ARRAY['C','I','F','M','L','E'])[1 + g % 6],
                          'district', (CAST(:districts AS text[]))[1 + g % 11],
                          'size', (ARRAY['micro','small','medium','large'])[1 + g % 4]),
       '{}'::jsonb
FROM s, generate_series(1, :n) g"""
RECORDS = _IDS + """, e AS (SELECT array_agg(id) AS a, count(*) AS n FROM replica_row WHERE tbl = 'enterprise')
INSERT INTO replica_row (tbl, id, station_id, version, deleted, data)
SELECT 'service_record', gen_random_uuid(), s.a[1 + g % s.n], 1, random() < 0.01,
       jsonb_build_object('enterprise_id', e.a[1 + (random() * (e.n - 1))::int]::text,
                          'service_date', to_char(CAST(:first AS date) + (random() * 729)::int, 'YYYY-MM-DD'),
                          'category', (ARRAY['policy','financing','legal','digital'])[1 + g % 4],
                          'satisfaction', CASE WHEN g % 3 = 0 THEN NULL ELSE 1 + g % 5 END)
FROM s, e, generate_series(:lo, :hi) g"""
EVENTS = _IDS + """
INSERT INTO replica_row (tbl, id, station_id, version, deleted, data)
SELECT 'event', gen_random_uuid(), s.a[1 + g % s.n], 1, g % 50 = 0,
       jsonb_build_object('title', '活动' || g, 'event_type', 'training', 'walk_in_count', g % 7,
                          'starts_at', to_char(CAST(:first AS timestamp) + (g % 700) * interval '1 day' + interval '1 hour',
                                               'YYYY-MM-DD"T"HH24:MI:SS+00:00'),
                          'ends_at', to_char(CAST(:first AS timestamp), 'YYYY-MM-DD"T"HH24:MI:SS+00:00'))
FROM s, generate_series(1, s.n * 20) g"""
ATTENDANCES = """
WITH e AS (SELECT array_agg(id) AS a, count(*) AS n FROM replica_row WHERE tbl = 'enterprise')
INSERT INTO replica_row (tbl, id, station_id, version, deleted, data)
SELECT 'event_attendance', gen_random_uuid(), v.station_id, 1, false,
       jsonb_build_object('event_id', v.id::text, 'enterprise_id', e.a[1 + (random() * (e.n - 1))::int]::text,
                          'checked_in_at', CASE WHEN k % 4 = 0 THEN NULL ELSE '2026-05-01T02:00:00+00:00' END)
FROM replica_row v, e, generate_series(1, 10) k WHERE v.tbl = 'event'"""
DEMANDS = _IDS + """, e AS (SELECT array_agg(id) AS a, count(*) AS n FROM replica_row WHERE tbl = 'enterprise')
INSERT INTO replica_row (tbl, id, station_id, version, deleted, data)
SELECT 'demand', gen_random_uuid(), s.a[1 + g % s.n], 1, g % 40 = 0,
       jsonb_build_object('enterprise_id', e.a[1 + (random() * (e.n - 1))::int]::text, 'title', '需求' || g,
                          'category', (ARRAY['financing','legal','digital'])[1 + g % 3],
                          'status', (ARRAY['accepted','handling','replied','closed','followed_up'])[1 + g % 5],
                          'received_on', to_char(CAST(:first AS date) + (g % 700)::int, 'YYYY-MM-DD'),
                          'due_on', to_char(CAST(:first AS date) + (g % 700)::int + 30, 'YYYY-MM-DD'),
                          'closed_at', to_char(CAST(:first AS timestamp) + (g % 700 + 5) * interval '1 day',
                                               'YYYY-MM-DD"T"HH24:MI:SS+00:00'))
FROM s, e, generate_series(1, s.n * 30) g"""
STAFF = """
INSERT INTO replica_row (tbl, id, station_id, version, deleted, data)
SELECT 'staff_member', gen_random_uuid(), s.id, 1, false,
       jsonb_build_object('name', '员工' || k, 'role', 'staff', 'full_time', k < 3, 'start_date', '2025-01-01')
FROM replica_row s, generate_series(1, 3) k WHERE s.tbl = 'station'"""
REPORTS = """
INSERT INTO replica_row (tbl, id, station_id, version, deleted, data)
SELECT 'annual_report', gen_random_uuid(), s.id, 1, false,
       jsonb_build_object('year', CASE WHEN k = 1 THEN :year ELSE :year + 1 END,
                          'kind', CASE WHEN k = 1 THEN 'summary' ELSE 'plan' END, 'status', 'submitted',
                          'submitted_at', '2027-01-20T02:00:00+00:00',
                          'narrative', jsonb_build_object('highlights', repeat('开展政策宣讲，服务企业成效明显。', 10),
                                                          'goals', '全年服务企业不少于200家。'),
                          'targets', jsonb_build_object('enterprises_served', 200, 'events', 12),
                          'planned_events', jsonb_build_array(jsonb_build_object('month', 3, 'event_type', 'training',
                                                              'title', '春季培训', 'theme', '')))
FROM replica_row s, generate_series(1, 2) k WHERE s.tbl = 'station'
UNION ALL
SELECT 'info_report', gen_random_uuid(), s.id, 1, false,
       jsonb_build_object('period', :year || '-Q' || q, 'status', 'submitted',
                          'submitted_at', to_char(make_date(:year, q * 3, 28), 'YYYY-MM-DD') || 'T02:00:00+00:00',
                          'narrative', jsonb_build_object('key_industries', '制造业稳中有进。'))
FROM replica_row s, generate_series(1, 3) q WHERE s.tbl = 'station'"""


def step(label: str, work) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    work()
    seconds = time.perf_counter() - start
    print(f"  {label:<48} {seconds:8.2f} s", flush=True)
    return seconds


def best_of(label: str, work, runs: int = 3):  # type: ignore[no-untyped-def]
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    print(f"  {label:<48} {min(times):8.2f} s  (runs: {', '.join(f'{t:.2f}' for t in times)})", flush=True)
    return result, min(times)


def generate(engine: Engine, stations: int, records: int) -> None:
    first = f"{YEAR - 1}-01-01"
    with engine.begin() as conn:
        for i in range(stations):
            accounts.add_station(conn, f"BS-{i:04d}", f"基准服务站{i:04d}", districts.NAMES[i % len(districts.NAMES)])
    with engine.begin() as conn:
        step(f"enterprises ({max(1, records // 20):,})", lambda: conn.execute(
            text(ENTERPRISES), {"n": max(1, records // 20), "districts": list(districts.NAMES)}))
    for lo in range(1, records + 1, CHUNK):
        hi = min(records, lo + CHUNK - 1)
        with engine.begin() as conn:
            params = {"lo": lo, "hi": hi, "first": first}
            step(f"service records {lo:,}–{hi:,}", lambda c=conn, p=params: c.execute(text(RECORDS), p))
    with engine.begin() as conn:
        step("events", lambda: conn.execute(text(EVENTS), {"first": first}))
    with engine.begin() as conn:
        step("attendances", lambda: conn.execute(text(ATTENDANCES)))
    with engine.begin() as conn:
        step("demands", lambda: conn.execute(text(DEMANDS), {"first": first}))
        step("staff and reports", lambda: (conn.execute(text(STAFF)), conn.execute(text(REPORTS), {"year": YEAR})))
    with engine.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT")
        step("VACUUM ANALYZE", lambda: conn.execute(text("VACUUM ANALYZE")))


def generate_network(url: str, engine: Engine, stations: int, records: int) -> None:
    """bench_hq_network.py's generator (the read-models helper's), 300 enterprises a station."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import bench_hq_network

    bench_hq_network.generate(url, engine, argparse.Namespace(stations=stations, records=records,
                                                              enterprises=300, chunk=50_000))


def measure(engine: Engine) -> None:
    def annual():  # type: ignore[no-untyped-def]
        with engine.begin() as conn:
            return annual_report(conn, YEAR, now=CUTOFF)

    def key_info():  # type: ignore[no-untyped-def]
        with engine.begin() as conn:
            return key_info_report(conn, f"{YEAR}-Q4", now=CUTOFF)

    report, _ = best_of(f"yearly overall report {YEAR} (data)", annual)
    quarter, _ = best_of(f"key-information report {YEAR}-Q4 (data)", key_info)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        done, _ = best_of("yearly report → PDF", lambda: render(report, out / "annual.pdf"), runs=1)
        print(f"    {done.pages} pages, {(out / 'annual.pdf').stat().st_size / 1e6:.1f} MB")
        best_of("yearly report → .xlsx", lambda: render(report, out / "annual.xlsx"), runs=1)
        best_of("key-information report → PDF", lambda: render(quarter, out / "q4.pdf"), runs=1)
    t = report.total
    print(f"  figures: {len(report.stations)} stations, {t.service_records:,} records, {t.enterprises_served:,} "
          f"enterprises served, {t.events_held:,} events, {t.demands_received:,} demands")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stations", type=int, default=300)
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--generator", choices=["network", "sql"], default="network")
    parser.add_argument("--db", help="measure this existing HQ database (nothing generated, nothing dropped)")
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args()
    if args.db:
        engine = make_engine(args.db)
        try:
            measure(engine)
        finally:
            engine.dispose()
        return
    name = f"sd_bench_{secrets.token_hex(4)}"
    with psycopg.connect(args.pg, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = args.pg.rsplit("/", 1)[0] + "/" + name
    engine = make_engine(url)
    try:
        init_db(engine)
        print(f"generating {args.stations} stations, {args.records:,} service records ({args.generator}) …", flush=True)
        if args.generator == "sql":
            total = step("generation", lambda: generate(engine, args.stations, args.records))
        else:
            total = step("generation", lambda: generate_network(url, engine, args.stations, args.records))
        print(f"  ({args.records / total:,.0f} records/s through the read-model triggers)")
        measure(engine)
    finally:
        engine.dispose()
        with psycopg.connect(args.pg, autocommit=True) as admin:
            admin.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))


if __name__ == "__main__":
    main()
