"""Time to first paint of `station-desk --smoke`, next to bare-Qt baselines from the same run.

    .venv/bin/python benchmarks/bench_startup.py [--runs 5] [--out benchmarks/out]

Scenarios (one warm-up, then --runs rounds; scenarios interleave within a round so
machine noise hits them alike):
  import      python -c "import PySide6.QtWidgets"            (wall only)
  bare        a QMainWindow shown offscreen until its first paint
  empty       station-desk --smoke, a set-up profile without data
  big         station-desk --smoke, 100,000 enterprises + 1,000,000 service records
`first_paint_ms` counts from the start of the program's own code (interpreter start-up
excluded); `wall_ms` is the whole process, exit included.  Profiles live under --out and
are created on first use (the big one with generate_data.py: a minute or two).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BARE_WINDOW = """
import time; t0 = time.perf_counter()
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([]); window = QMainWindow(); window.resize(1280, 800)
class Probe(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, lambda: (print(f"first_paint_ms={int((time.perf_counter() - t0) * 1000)}"), app.quit()))
        return False
probe = Probe(); window.installEventFilter(probe); window.show(); app.exec()
"""


def run(cmd: list[str], home: Path | None = None) -> tuple[float, int | None]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    if home is not None:
        env["STATION_DESK_HOME"] = str(home)
    started = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False)
    wall = (time.perf_counter() - started) * 1000
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    paint = next((int(line.split("=")[1]) for line in done.stdout.splitlines() if line.startswith("first_paint_ms=")), None)
    return wall, paint


def ensure_profiles(out: Path, enterprises: int, records: int) -> tuple[Path, Path]:
    empty, big = out / "empty", out / "big"
    if not (empty / "profiles" / "default" / "station.db").exists():
        run([PYTHON, "-m", "app.main", "setup", "--code", "GZ-TH-001", "--name", "天河区中小企业服务站",
             "--district", "天河区", "--host", "天河区工商业联合会", "--manager", "陈晓明"], empty)
    if not (big / "profiles" / "default" / "station.db").exists():
        print(f"generating {enterprises} enterprises + {records} records into {big} …", file=sys.stderr)
        subprocess.run([PYTHON, str(ROOT / "benchmarks" / "generate_data.py"), "--home", str(big),
                        "--enterprises", str(enterprises), "--records", str(records)], check=True)
    return empty, big


def summarise(values: list[float]) -> str:
    return f"median {statistics.median(values):7.0f}  min {min(values):7.0f}  max {max(values):7.0f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out")
    parser.add_argument("--enterprises", type=int, default=100_000)
    parser.add_argument("--records", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    empty, big = ensure_profiles(args.out.resolve(), args.enterprises, args.records)
    scenarios = {
        "import": ([PYTHON, "-c", "import PySide6.QtWidgets"], None),
        "bare": ([PYTHON, "-c", BARE_WINDOW], None),
        "empty": ([PYTHON, "-m", "app.main", "--smoke"], empty),
        "big": ([PYTHON, "-m", "app.main", "--smoke"], big),
    }
    walls: dict[str, list[float]] = {name: [] for name in scenarios}
    paints: dict[str, list[float]] = {name: [] for name in scenarios}
    for round_ in range(args.runs + 1):
        for name, (cmd, home) in scenarios.items():
            wall, paint = run(cmd, home)
            if round_:  # round 0 warms the file cache
                walls[name].append(wall)
                if paint is not None:
                    paints[name].append(paint)
    print(f"runs={args.runs} (after one warm-up), milliseconds")
    for name in scenarios:
        line = f"{name:6s} wall   {summarise(walls[name])}"
        if paints[name]:
            line += f"   | first_paint {summarise(paints[name])}"
        print(line)
    bare = statistics.median(paints["bare"])
    for name in ("empty", "big"):
        print(f"ratio {name}/bare first paint: {statistics.median(paints[name]) / bare:.2f}")
    verdict = "PASS" if statistics.median(paints["big"]) <= 1500 else "FAIL"
    print(f"acceptance: median first paint with the big profile <= 1500 ms: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
