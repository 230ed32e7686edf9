"""Issue 14's cost table: what the station's everyday work costs at 10k, 100k and 1M rows.

    .venv/bin/python benchmarks/bench_costs.py [--sizes 10000 100000 1000000] [--runs 5] [--out benchmarks/out]

For each size N: a profile with N service records and N/10 enterprises (benchmarks/generate_data.py,
cached under --out as cost-N), copied to a temporary folder (opening migrates it).  Then, medians
of --runs rounds, every case once per round in turn so a busy minute hits them alike:

  start-up      `station-desk --smoke`: first paint (ms from the program's own start)
                baseline: a bare QMainWindow's first paint, same round
  search        a keystroke in the 企业 list: app.services.enterprises query_ids + fetch_rows of the
                first 50, p50 and p95 over bench_search.QUERIES (the index built once before)
                baseline: a plain SQLite `SELECT ... LIMIT 50` from the enterprise table
  dashboard     app.services.dashboard.figures.home_dashboard (the home page's figures)
                baseline: SELECT count(*) FROM service_record
  annual        the annual report, data and PDF (app.reports.api.build_report "annual")
                baseline: a one-page ReportLab PDF in the same font

The sync rows of the table (no-op and 1,000-row) come from bench_sync_flat.py, which needs an HQ.
Prints one line per size and case, then the growth from the smallest size to the largest.
Not part of the test run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_search import QUERIES  # noqa: E402
from bench_startup import BARE_WINDOW, PYTHON  # noqa: E402
from bench_startup import run as run_process  # noqa: E402


def profile(out: Path, records: int) -> Path:
    home = out / f"cost-{records}"
    if not (home / "profiles" / "default" / "station.db").exists():
        print(f"generating {records // 10:,} enterprises + {records:,} records into {home} …", file=sys.stderr, flush=True)
        subprocess.run([PYTHON, str(ROOT / "benchmarks" / "generate_data.py"), "--home", str(home),
                        "--enterprises", str(records // 10), "--records", str(records)], check=True)
    return home


def ms(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def measure(home: Path, runs: int) -> dict[str, tuple[float, float, str]]:
    """case → (median ms, same-run baseline ms, note)."""
    from reportlab.pdfgen.canvas import Canvas
    from sqlalchemy import func, select

    from app.domain.periods import china_today
    from app.models import Enterprise, ServiceRecord
    from app.models.database import open_database
    from app.reports.api import build_report
    from app.reports.fonts import register_cjk_font
    from app.services.dashboard.figures import home_dashboard
    from app.services.enterprises import search as es

    work = Path(tempfile.mkdtemp(prefix="bench-costs-"))
    try:
        source = home / "profiles" / "default" / "station.db"
        reader, writer = sqlite3.connect(f"file:{source}?mode=ro", uri=True), sqlite3.connect(work / "station.db")
        reader.backup(writer)
        reader.close()
        writer.close()
        db = open_database(work / "station.db")
        today = china_today()
        with db.sessions() as s:
            counts = (s.scalar(select(func.count()).select_from(Enterprise)),
                      s.scalar(select(func.count()).select_from(ServiceRecord)))
        print(f"  profile {counts[0]:,} enterprises, {counts[1]:,} records; load {os.getloadavg()[0]:.2f}", flush=True)
        with db.sessions() as s:  # the index is built once, as the 企业 list builds it when first shown
            build = ms(lambda: es.warm_up(s))

        def keystroke(q: str) -> Callable[[], object]:
            def run() -> object:
                with db.sessions() as s:
                    ids = es.query_ids(s, es.EnterpriseFilter(text=q), es.SortKey.NAME, False)
                    return es.fetch_rows(s, ids[:50])
            return run

        def plain_page() -> object:
            with db.sessions() as s:
                return s.connection().exec_driver_sql("SELECT id, name FROM enterprise LIMIT 50").all()

        def dashboard() -> object:
            with db.sessions() as s:
                return home_dashboard(s, today)

        def count_records() -> object:
            with db.sessions() as s:
                return s.connection().exec_driver_sql("SELECT count(*) FROM service_record").scalar()

        def hello() -> None:
            font = register_cjk_font()
            canvas = Canvas(str(work / "hello.pdf"), initialFontName=font)
            canvas.setFont(font, 24)
            canvas.drawString(72, 720, "你好，服务站")
            canvas.save()

        times: dict[str, list[float]] = {k: [] for k in (
            "startup", "bare", "search", "plain", "dashboard", "count", "annual", "hello")}
        for round_ in range(runs + 1):
            results = {
                "bare": run_process([PYTHON, "-c", BARE_WINDOW])[1],
                "startup": run_process([PYTHON, "-m", "app.main", "--smoke"], home)[1],
            }
            searches = [ms(keystroke(q)) for q in QUERIES]
            plain = [ms(plain_page) for _ in QUERIES]
            timed = {"dashboard": ms(dashboard), "count": ms(count_records),
                     "annual": ms(lambda: build_report(db, "annual", work / "annual.pdf", year=today.year)),
                     "hello": ms(hello)}
            if round_ == 0:
                continue  # warm-up: file cache, fonts, imports
            for key in ("bare", "startup"):
                if results[key] is not None:
                    times[key].append(float(results[key]))
            times["search"].extend(searches)
            times["plain"].extend(plain)
            for key, value in timed.items():
                times[key].append(value)
        med = {k: statistics.median(v) for k, v in times.items() if v}
        return {
            "start-up (first paint)": (med["startup"], med["bare"], "bare window"),
            "search keystroke p50": (med["search"], med["plain"], "plain 50-row SELECT"),
            "search keystroke p95": (pct(times["search"], 95), pct(times["plain"], 95), "plain 50-row SELECT"),
            "search index build (once)": (build, med["plain"], "plain 50-row SELECT"),
            "dashboard figures": (med["dashboard"], med["count"], "count(*) of records"),
            "annual report PDF": (med["annual"], med["hello"], "one-page PDF"),
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out")
    args = parser.parse_args(argv)
    table: dict[int, dict[str, tuple[float, float, str]]] = {}
    for size in args.sizes:
        home = profile(args.out.resolve(), size)
        print(f"{size:,} records:", flush=True)
        table[size] = measure(home, args.runs)
        for case, (value, base, what) in table[size].items():
            print(f"  {case:<28} {value:9.1f} ms   baseline ({what}) {base:8.1f} ms   ratio {value / base:7.2f}",
                  flush=True)
    small, large = min(args.sizes), max(args.sizes)
    print(f"growth from {small:,} to {large:,} records (median ms, largest ÷ smallest):")
    for case in table[small]:
        a, b = table[small][case][0], table[large][case][0]
        print(f"  {case:<28} {a:9.1f} → {b:9.1f} ms   ×{b / a:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
