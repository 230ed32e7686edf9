"""Resident memory of the app with the 企业 list open over 100,000 enterprises (target ≤ 200 MB, issue 14).

    .venv/bin/python benchmarks/bench_memory.py [--home benchmarks/out/big] [--tracemalloc 15]

Each figure comes from its own fresh process (offscreen Qt), so nothing is shared:
  * baseline — a bare QApplication + an empty QMainWindow, shown;
  * app      — started as `station-desk` starts (modules in app.main's order, CJK font,
               translators), the MainWindow for the profile under --home (default benchmarks/out/big:
               100k enterprises + 1M service records, see README), switched to 企业,
               after the search index is built, the table shows its first page and every
               background operation (other pages' loaders included) has finished.
RSS is VmRSS from /proc/self/status; VmHWM is the peak.  --tracemalloc N prints the N
largest allocation sites (Python objects only; Qt's and SQLite's own memory is not seen).
If --home has no profile, one is generated (demo_data, --enterprises, --records).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def status() -> dict[str, float]:
    """VmRSS and VmHWM in MB."""
    out = {}
    with open("/proc/self/status", encoding="ascii") as lines:
        for line in lines:
            if line.startswith(("VmRSS", "VmHWM")):
                out[line.split(":")[0]] = int(line.split()[1]) / 1024
    return out


def _wait(app, predicate, timeout: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            return False
        app.processEvents()
        time.sleep(0.01)
    return True


def child_baseline() -> dict[str, object]:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([])
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()
    _wait(app, lambda: False, 1.0)
    return {"final": status()}


def child_app(home: str, top: int) -> dict[str, object]:
    os.environ["STATION_DESK_HOME"] = home
    if top:
        import tracemalloc

        tracemalloc.start(8)
    steps: dict[str, object] = {"start": status()}
    # In the app's own order (app.main, then run_gui): the command modules and SQLAlchemy come
    # before Qt, and the window is shown with the CJK font and the translators installed.
    importlib.import_module("app.main")
    from PySide6.QtWidgets import QApplication

    from app.services.station.identity import current_station
    from app.services.station.profiles import open_profile
    from app.settings import Settings
    from app.ui import fonts, i18n, operations
    from app.ui.shell.main_window import MainWindow

    app = QApplication([])
    fonts.install_cjk_font(app)
    translators = i18n.install_translators(app, "zh_CN")  # noqa: F841 - must stay alive
    steps["imports"] = status()
    db = open_profile("default")
    with db.sessions() as session:
        station = current_station(session)
    window = MainWindow(db, "default", station, Settings(), remember=False)
    window.resize(1280, 800)
    window.show()
    steps["window"] = status()
    page = window.pages["enterprises"]
    ready: list[bool] = []
    page.index_ready.connect(lambda: ready.append(True))  # type: ignore[attr-defined]
    started = time.perf_counter()
    window.nav.setCurrentRow(list(window.pages).index("enterprises"))
    model = page.model  # type: ignore[attr-defined]
    ok = _wait(app, lambda: bool(ready) and model.rowCount() > 0 and model.row_at(0) is not None, 300)
    steps["list_open_s"] = round(time.perf_counter() - started, 1)
    steps["rows"] = model.rowCount()
    steps["list"] = status()
    ok = operations.wait_for_all(300_000) and ok
    _wait(app, lambda: False, 2.0)
    steps["final"] = status()
    steps["ok"] = ok
    if top:
        import tracemalloc

        snapshot = tracemalloc.take_snapshot()
        steps["tracemalloc_total_mb"] = round(sum(s.size for s in snapshot.statistics("filename")) / 2**20, 1)
        steps["tracemalloc"] = [
            f"{s.size / 2**20:7.1f} MB {s.count:9d} blocks  {s.traceback.format()[-1].strip()}"
            for s in snapshot.statistics("lineno")[:top]
        ]
    operations.shutdown(5000)
    window.close()
    db.dispose()
    return steps


def run_child(*args: str) -> dict[str, object]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0 and not done.stdout.strip().endswith("}"):
        sys.exit(f"child {args} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def ensure_profile(home: Path, enterprises: int, records: int) -> None:
    if (home / "profiles" / "default" / "station.db").exists():
        return
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate_data.py"), "--home", str(home),
                    "--enterprises", str(enterprises), "--records", str(records)], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--home", type=Path, default=ROOT / "benchmarks" / "out" / "big")
    parser.add_argument("--enterprises", type=int, default=100_000)
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--tracemalloc", type=int, default=0, metavar="N", help="print the N largest allocation sites")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind = args.child[0]
        result = child_baseline() if kind == "baseline" else child_app(args.child[1], int(args.child[2]))
        print(json.dumps(result, ensure_ascii=False), flush=True)
        os._exit(0)  # Qt/shiboken teardown at interpreter exit crashed once (none_dealloc) after the result
    ensure_profile(args.home, args.enterprises, args.records)
    load = os.getloadavg()
    base = run_child("baseline")
    app = run_child("app", str(args.home.resolve()), str(args.tracemalloc))
    b, a = base["final"], app["final"]  # type: ignore[index]
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; profile {args.home}")
    print(f"baseline  QApplication + empty QMainWindow : RSS {b['VmRSS']:6.0f} MB  (peak {b['VmHWM']:.0f})")  # type: ignore[index]
    for step in ("start", "imports", "window", "list", "final"):
        s = app[step]  # type: ignore[index]
        print(f"app       {step:<38}: RSS {s['VmRSS']:6.0f} MB  (peak {s['VmHWM']:.0f})")
    print(f"list open in {app['list_open_s']} s, {app['rows']:,} rows, all operations finished: {app['ok']}")
    print(f"app − baseline: {a['VmRSS'] - b['VmRSS']:.0f} MB; target: app ≤ 200 MB → "  # type: ignore[index]
          f"{'met' if a['VmRSS'] <= 200 else 'NOT met'}")  # type: ignore[index]
    if args.tracemalloc:
        print(f"tracemalloc: {app['tracemalloc_total_mb']} MB traced Python memory; top sites:")
        print("\n".join(app["tracemalloc"]))  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
