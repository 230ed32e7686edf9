"""CPU time of each start-up phase up to the window's first paint, in run_gui's order.

    STATION_DESK_HOME=benchmarks/out/big QT_QPA_PLATFORM=offscreen \\
        .venv/bin/python benchmarks/startup_phases.py

A profile of `station-desk --smoke` by phase (issue 14): CPU time is printed because other
processes on the shared machine stretch the wall clock far more than they stretch it.
Works against older trees too (PYTHONPATH=an exported commit), for before/after: with the
two-stage start (Launcher.start_staged) the phases after the first paint are the database's
opening and the first page (stage 2) until `ready`.
"""

from __future__ import annotations

import os
import sys
import time

CPU0, WALL0 = time.process_time(), time.perf_counter()
marks: list[tuple[str, float, float]] = []


def mark(name: str) -> None:
    marks.append((name, (time.process_time() - CPU0) * 1000, (time.perf_counter() - WALL0) * 1000))


def main() -> None:
    import app.main  # noqa: F401 - what `station-desk` imports first

    mark("import app.main (argparse, command modules; SQLAlchemy and the ORM before the two-stage start)")
    from PySide6.QtWidgets import QApplication

    mark("import PySide6")
    import app.ui.shell.launcher as launcher_module
    from app.settings import Settings
    from app.ui import fonts, i18n
    from app.ui.widgets.error_dialog import install_excepthooks

    mark("import the launcher and the main window's modules")
    qt = QApplication(sys.argv[:1])
    qt.setQuitOnLastWindowClosed(False)
    mark("QApplication")
    fonts.install_cjk_font(qt)
    translators = i18n.install_translators(qt, "zh_CN")  # noqa: F841 - must stay alive
    install_excepthooks()
    mark("CJK font, translators, excepthooks")
    launcher_class = launcher_module.Launcher
    staged = hasattr(launcher_class, "start_staged")
    if staged:
        peek = launcher_class.start_staged

        def timed_staged(self, *args):  # type: ignore[no-untyped-def]
            result = peek(self, *args)
            mark("read the profile with sqlite3, build and show the frame")
            return result

        launcher_class.start_staged = timed_staged  # type: ignore[method-assign]
    else:
        show = launcher_class._show

        def timed_show(self, *args):  # type: ignore[no-untyped-def]
            mark("open the profile, read the station")
            show(self, *args)
            mark("build and show the main window (its first page)")

        launcher_class._show = timed_show  # type: ignore[method-assign]
    launcher = launcher_class(Settings(), smoke=True)
    launcher.first_painted.connect(lambda: mark("first paint (event loop)"))
    if staged:
        launcher.ready.connect(lambda: (mark("stage 2: SQLAlchemy, ORM, open the database, first page"), qt.quit()))
    else:
        launcher.first_painted.connect(qt.quit)
    if (launcher.start_staged if staged else launcher.start)("default"):
        qt.exec()
    previous = 0.0
    for name, cpu, wall in marks:
        print(f"{name:96s} cpu {cpu - previous:5.0f} ms   (cumulative cpu {cpu:5.0f}, wall {wall:5.0f})")
        previous = cpu
    os._exit(0)  # leave without Qt's teardown: only the figures matter


if __name__ == "__main__":
    main()
