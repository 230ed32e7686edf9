"""The home dashboard's figures (app.services.dashboard.figures) on a big profile, next to plain SQL
baselines measured in the same run.

    .venv/bin/python benchmarks/bench_dashboard.py [--home benchmarks/out/big] [--runs 7] [--no-page]

The profile's database is copied to a temporary folder first (other benchmarks may use the
same profile) and opened with the app's Database, which migrates the copy to the current
schema.  Build the profile with generate_data.py (see README.md).  Target: all figures in
≤ 300 ms (median) with 100,000 enterprises and 1,000,000 service records.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def interleaved(runs: int, cases: dict[str, Callable[[], object]]) -> dict[str, tuple[list[float], list[float]]]:
    """Each run calls every case once, in turn, so a busy minute hits all of them alike.
    Returns wall and process-CPU milliseconds per case."""
    for func in cases.values():
        func()  # warm-up: the page cache, SQLAlchemy's statement cache
    times: dict[str, tuple[list[float], list[float]]] = {label: ([], []) for label in cases}
    for _ in range(runs):
        for label, func in cases.items():
            wall, cpu = time.perf_counter(), time.process_time()
            func()
            times[label][0].append((time.perf_counter() - wall) * 1000)
            times[label][1].append((time.process_time() - cpu) * 1000)
    return times


def line(label: str, wall: list[float], cpu: list[float] | None = None) -> str:
    text = f"{label:<60} median {statistics.median(wall):7.1f} ms (min {min(wall):.1f}, max {max(wall):.1f})"
    return text + (f"  CPU {statistics.median(cpu):.1f} ms" if cpu else "")


def page_times(db: object, runs: int) -> list[float]:
    """HomePage.reload() until overview_loaded: worker, signal hop and filling cards and charts."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from app.ui import operations
    from app.ui.dashboard.page import HomePage

    page = HomePage(db)  # type: ignore[arg-type]
    page.resize(1100, 680)
    page.show()
    times: list[float] = []
    for run in range(runs + 1):
        done: list[object] = []
        page.overview_loaded.connect(done.append)
        started = time.perf_counter()
        page.reload()
        while not done:
            app.processEvents()
            time.sleep(0.0005)
        page.overview_loaded.disconnect(done.append)
        if run:  # the first one warms up
            times.append((time.perf_counter() - started) * 1000)
    operations.shutdown(5000)
    page.deleteLater()
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, default=ROOT / "benchmarks" / "out" / "big")
    parser.add_argument("--profile", default="default")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-page", action="store_true", help="skip the Qt page measurement")
    args = parser.parse_args(argv)
    source = args.home / "profiles" / args.profile / "station.db"
    if not source.exists():
        print(f"no profile at {source}; build one with generate_data.py --home {args.home}", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    from sqlalchemy import text

    from app.domain.periods import china_today
    from app.models.database import open_database
    from app.services.dashboard.figures import home_dashboard

    with tempfile.TemporaryDirectory(prefix="bench_dashboard_") as folder:
        copy = Path(folder) / "station.db"
        reader = sqlite3.connect(f"file:{source}?mode=ro", uri=True)  # a consistent copy, WAL included
        writer = sqlite3.connect(copy)
        reader.backup(writer)
        reader.close()
        writer.close()
        db = open_database(copy)  # migrates the copy to the current schema
        today = china_today()
        year = (f"{today.year}-01-01", f"{today.year + 1}-01-01")
        with db.sessions() as s:
            revision = s.execute(text("SELECT version_num FROM alembic_version")).scalar()
            records = s.execute(text("SELECT count(*) FROM service_record")).scalar()
            enterprises = s.execute(text("SELECT count(*) FROM enterprise")).scalar()
        print(f"profile {source} (copied), schema {revision}, {enterprises:,} enterprises, {records:,} records")
        print(f"today {today}, runs {args.runs}, cpus {os.cpu_count()}, load average {os.getloadavg()[0]:.2f}")

        def sql(statement: str, *params: str) -> Callable[[], object]:
            def run() -> object:
                with db.sessions() as s:
                    return s.connection().exec_driver_sql(statement, params).all()

            return run

        def one_session() -> object:
            with db.sessions() as s:
                return home_dashboard(s, today)

        def two_sessions() -> object:
            with db.sessions() as s, db.sessions() as scan:
                return home_dashboard(s, today, scan_session=scan)

        cases = {
            "baseline: SELECT count(*) FROM service_record": sql("SELECT count(*) FROM service_record"),
            "baseline: count(*) this year's records (date index)": sql(
                "SELECT count(*) FROM service_record WHERE service_date >= ? AND service_date < ?", *year),
            "baseline: count(*) this year's live records (stats index)": sql(
                "SELECT count(*) FROM service_record WHERE service_date >= ? AND service_date < ? AND deleted = 0",
                *year),
            "dashboard, one session": one_session,
            "dashboard, two sessions (what the page runs)": two_sessions,
        }
        for label, (wall, cpu) in interleaved(args.runs, cases).items():
            print(line(label, wall, cpu))
        naive = interleaved(1, {"naive": sql(
            "SELECT count(DISTINCT enterprise_id) FROM service_record WHERE service_date >= ? "
            "AND service_date < ? AND deleted = 0", *year)})["naive"]
        print(line("for scale: count(DISTINCT enterprise_id) this year, naive", *naive))
        if not args.no_page:
            print(line("page: reload() until overview_loaded", page_times(db, args.runs)))
        print(f"load average at the end {os.getloadavg()[0]:.2f}")
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
