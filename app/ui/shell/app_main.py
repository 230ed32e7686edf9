"""The GUI's start: QApplication, font, translators, excepthooks, then the launcher.

Nothing heavy runs before the main window's first paint (no counts, no backups, and for a
station whose profile needs nothing but opening, not even SQLAlchemy: Launcher.start_staged).
--smoke prints the time to that paint and to `ready` (database open, first page built), then leaves.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from typing import TYPE_CHECKING

import app
from app.settings import LANGUAGE, Settings

if TYPE_CHECKING:
    from app.ui.shell.launcher import Launcher

log = logging.getLogger(__name__)
SMOKE_TIMEOUT_MS = 60_000  # a CI run must end even if the window never paints
EXIT_SMOKE_TIMEOUT = 4


def _elapsed_ms() -> int:
    return int((time.perf_counter() - app.START_TIME) * 1000)


def run_gui(args: argparse.Namespace) -> int:
    """Run the desktop application for `args.profile_name`; returns the process exit code."""
    if args.smoke:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Qt is imported only now: headless commands never pay for it.
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.ui import fonts, i18n, operations
    from app.ui.shell.launcher import Launcher
    from app.ui.widgets.error_dialog import install_excepthooks

    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qt_app, QApplication)
    qt_app.setOrganizationName("Guangzhou SME Service")
    qt_app.setApplicationName(app.APP_NAME)
    qt_app.setApplicationVersion(app.__version__)
    # The launcher quits explicitly; Qt's automatic quit would also end the wizard shown
    # while switching profiles (the old window is already closed then).
    qt_app.setQuitOnLastWindowClosed(False)
    fonts.install_cjk_font(qt_app)
    settings = Settings()
    language = args.lang or settings.get(LANGUAGE)
    translators = i18n.install_translators(qt_app, language)  # noqa: F841 - must stay alive
    install_excepthooks()

    launcher = Launcher(settings, smoke=args.smoke)
    if args.smoke:
        launcher.first_painted.connect(lambda: _print_once("first_paint"))
        launcher.ready.connect(_finish_smoke)
        launcher.smoke_failed.connect(qt_app.exit)  # an HQ profile whose HQ cannot be reached
        QTimer.singleShot(SMOKE_TIMEOUT_MS, lambda: _smoke_timed_out(launcher))
    if not launcher.start_staged(args.profile_name):
        operations.shutdown()
        return launcher.exit_code
    code = qt_app.exec()
    launcher.close()
    return code or launcher.exit_code


_printed: set[str] = set()


def _print_once(what: str) -> None:
    """`what`_ms and `what`_cpu_ms, once (a frame whose profile changed under it paints twice)."""
    if what not in _printed:
        _printed.add(what)
        print(f"{what}_ms={_elapsed_ms()}", flush=True)
        print(f"{what}_cpu_ms={int((time.process_time() - app.START_CPU) * 1000)}", flush=True)


def _finish_smoke() -> None:
    from PySide6.QtCore import QCoreApplication, QTimer

    _print_once("ready")
    # Leave after the launcher's own first-paint work (it starts and cancels demo data).
    QTimer.singleShot(0, QCoreApplication.quit)


def _smoke_timed_out(launcher: Launcher) -> None:
    from PySide6.QtCore import QCoreApplication

    print(f"错误：{SMOKE_TIMEOUT_MS // 1000} 秒内主窗口没有完成首次绘制。", file=sys.stderr)
    launcher.exit_code = EXIT_SMOKE_TIMEOUT
    QCoreApplication.exit(EXIT_SMOKE_TIMEOUT)
