"""Time the PDF reports on a big profile, next to a baseline measured in the same run.

    .venv/bin/python benchmarks/bench_reports.py [--home benchmarks/out/big] [--runs 5]

The profile's database is copied to a temporary folder first (opening migrates it to
the current schema; the cached profile stays as it was).  Prints medians (min–max) of:
a ReportLab one-page "hello" PDF in the same font (baseline), the signage, the annual
report's data layer alone and the whole annual report (data + layout + write), the last
two also against a raw sqlite3 pass over the year's index entries (the floor for the data).
Targets: annual ≤ 3 s, signage ≤ 0.5 s on 100k enterprises / 1M service records.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _timed(fn: Callable[[], object], runs: int) -> list[float]:
    fn()  # warm-up: imports, font registration, SQLite page cache
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return times


def _line(name: str, times: list[float], baseline: float | None = None) -> str:
    median = statistics.median(times)
    ratio = f"  x{median / baseline:,.1f} baseline" if baseline else ""
    return f"{name:<38} median {median * 1000:8.0f} ms  ({min(times) * 1000:.0f}–{max(times) * 1000:.0f}){ratio}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, default=ROOT / "benchmarks" / "out" / "big")
    parser.add_argument("--profile", default="default")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--year", type=int, default=date.today().year)
    args = parser.parse_args(argv)
    source = args.home / "profiles" / args.profile / "station.db"
    if not source.exists():
        print(f"no profile at {source}; build one with benchmarks/generate_data.py", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="bench-reports-"))
    shutil.copy2(source, work / "station.db")
    sys.path.insert(0, str(ROOT))
    from reportlab.pdfgen.canvas import Canvas
    from sqlalchemy import func, select

    from app.models import Enterprise, ServiceRecord
    from app.models.database import open_database
    from app.reports.annual_data import annual_figures
    from app.reports.api import build_report
    from app.reports.context import report_context
    from app.reports.fonts import register_cjk_font

    db = open_database(work / "station.db")
    try:
        with db.begin() as session:
            counts = (session.scalar(select(func.count()).select_from(Enterprise)),
                      session.scalar(select(func.count()).select_from(ServiceRecord)))
        print(f"profile: {counts[0]:,} enterprises, {counts[1]:,} service records; year {args.year}; "
              f"load average {os.getloadavg()[0]:.2f}; {args.runs} runs after one warm-up")

        def hello() -> None:
            font = register_cjk_font()
            canvas = Canvas(str(work / "hello.pdf"), initialFontName=font)
            canvas.setFont(font, 24)
            canvas.drawString(72, 720, "你好，服务站")
            canvas.save()

        def raw_scan() -> None:
            # the floor for the data layer: one raw pass over the year's index entries
            conn = sqlite3.connect(work / "station.db")
            conn.execute("SELECT count(*), count(satisfaction) FROM service_record INDEXED BY ix_service_record_stats "
                         "WHERE service_date >= ? AND service_date < ?",
                         (f"{args.year}-01-01", f"{args.year + 1}-01-01")).fetchone()
            conn.close()

        def data_only() -> None:
            with db.begin() as session:
                annual_figures(session, report_context(session), args.year)

        pages = [0]

        def annual() -> None:
            pages[0] = build_report(db, "annual", work / "annual.pdf", year=args.year).pages

        base = _timed(hello, args.runs)
        baseline = statistics.median(base)
        print(_line("baseline: one-page hello PDF", base))
        scan = _timed(raw_scan, args.runs)
        print(_line("baseline: raw sqlite3 pass over year", scan))
        print(_line("signage A4 with QR", _timed(lambda: build_report(db, "signage", work / "s.pdf"), args.runs), baseline))
        floor = statistics.median(scan)
        print(_line("annual: data layer only", _timed(data_only, args.runs), floor).replace("baseline", "raw pass"))
        whole = _line("annual: whole report", _timed(annual, args.runs), floor).replace("baseline", "raw pass")
        print(f"{whole}  [{pages[0]} pages]")
        print(f"load average after: {os.getloadavg()[0]:.2f}")
    finally:
        db.dispose()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
