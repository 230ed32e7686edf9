"""Where an enterprise import's time goes, phase by phase (CPU seconds of this process).

    .venv/bin/python benchmarks/import_phases.py [--rows 10000] [--repeat 3] [--excel-like [--shared-strings]] [--profile FILE]

The same functions as `import_enterprises`, called one phase at a time on the
workbook `bench_import.py` builds, each into a fresh profile with a warmed search index:
  read     openpyxl read-only, every cell (the baseline of issue 14's target)
  sheet    excel.reader.read_sheet
  plan     import_enterprises.plan (every row's checks, the duplicate lookups)
  insert   the batched INSERT (sync capture trigger included)
  commit   COMMIT with the search-index upkeep that runs in and after it
  catch-up waiting for the search index's background catch-up (0 where the commit does it)
`--profile FILE` writes a cProfile of plan + insert + commit (the part after the read).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--excel-like", action="store_true")
    parser.add_argument("--shared-strings", action="store_true")
    parser.add_argument("--profile", help="write a cProfile of plan + insert + commit here")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="import-phases-"))
    os.environ["STATION_DESK_HOME"] = str(work / "home")
    from bench_import import build
    from openpyxl import load_workbook

    from app.models import Enterprise
    from app.models.types import uuid7
    from app.services.enterprises import search as enterprise_search
    from app.services.excel import import_enterprises as imp
    from app.services.excel.columns import suggest_mapping
    from app.services.excel.reader import read_sheet
    from app.services.station.identity import NewStation, create_station, require_station
    from app.services.station.profiles import open_profile

    path = work / "enterprises.xlsx"
    build(path, args.rows, args.excel_like, args.shared_strings)
    phases: dict[str, list[float]] = {}
    profiler = cProfile.Profile() if args.profile else None

    def clock(name: str, start: float) -> float:
        now = time.process_time()
        phases.setdefault(name, []).append(now - start)
        return now

    def _insert(session, rows, station_id):  # type: ignore[no-untyped-def]  # the import's own steps, before insert_rows existed
        for values in rows:
            values.update(id=uuid7(), station_id=station_id)
        imp.bulk_insert(session, Enterprise, rows, None, None)
        enterprise_search.note_changed(session, [v["id"] for v in rows])

    for run in range(args.repeat):
        start = time.process_time()
        book = load_workbook(path, read_only=True, data_only=True)
        for _ in book.active.iter_rows(values_only=True):
            pass
        book.close()
        start = clock("read", start)
        sheet = read_sheet(path, "enterprises")
        clock("sheet", start)
        db = open_profile(f"run{run}")
        with db.begin() as s:
            create_station(s, NewStation(code="GZ-TH-001", name="天河区服务站", district="天河区", manager_name="王站长"))
        with db.begin() as s:
            enterprise_search.warm_up(s)
        mapping = suggest_mapping("enterprises", sheet.headers)
        if profiler is not None and run == args.repeat - 1:
            profiler.enable()
        start = time.process_time()
        session = db.sessions()
        session.begin()
        station = require_station(session)
        _report, rows = imp.plan(session, sheet, mapping, confirm_warnings=True)
        start = clock("plan", start)
        imp.insert_rows(session, rows, station.id) if hasattr(imp, "insert_rows") else _insert(session, rows, station.id)
        start = clock("insert", start)
        session.commit()
        session.close()
        start = clock("commit", start)
        if hasattr(enterprise_search, "wait_caught_up"):  # the index's background catch-up, after the import returned
            with db.begin() as s:
                enterprise_search.wait_caught_up(s)
        clock("catch-up", start)
        if profiler is not None:
            profiler.disable()
        db.dispose()


    after = [sum(v) for v in zip(phases["plan"], phases["insert"], phases["commit"], strict=True)]
    for name, values in phases.items():
        print(f"{name:>7}: CPU median {statistics.median(values):.3f} s  (runs: {', '.join(f'{v:.3f}' for v in values)})")
    read = statistics.median(phases["read"])
    sheet_cpu = statistics.median(phases["sheet"])
    print(f"after the read: {statistics.median(after):.3f} s; (sheet + after) / read = {(sheet_cpu + statistics.median(after)) / read:.2f}x"
          f"; load average {os.getloadavg()[0]:.2f}")
    if profiler is not None:
        profiler.dump_stats(args.profile)


if __name__ == "__main__":
    main()
