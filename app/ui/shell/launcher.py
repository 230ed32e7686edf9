"""From a profile name to a usable window: database problems, first run, demo mode.

Dialogs are injected (`ask_problem`, `run_wizard`) so tests drive the whole flow
without a modal loop.  Switching profile happens in-process: the old window and
database are closed, then the new profile goes through the same steps.

An HQ profile (made by enrolling an HQ desk user's code, app.hqdesk.profile) opens HQ mode
instead: app/ui/hq/connect.py asks HQ who this is (off the GUI thread), then HqWindow with
HQ's pages and none of the station's.  Its modules are imported only then, so a station's
start never pays for them.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from app import paths
from app.models.database import Database, DatabaseOpenError
from app.services.station import profiles
from app.services.station.enrolment_state import is_hq_profile
from app.services.station.identity import StationInfo, current_station
from app.settings import ACTIVE_PROFILE, BACKUP_KEEP, Settings
from app.ui import operations
from app.ui.db_operations import read_now
from app.ui.shell.database_problem_dialog import (
    NEW_PROFILE,
    OPEN_BACKUP,
    ProblemChoice,
    ask_database_problem,
)
from app.ui.shell.first_paint import FirstPaintProbe
from app.ui.shell.main_window import MainWindow
from app.ui.station.demo_generation import start_demo_generation
from app.ui.widgets.error_dialog import show_error

log = logging.getLogger(__name__)

DEMO_CHOSEN = "demo"
EXIT_DATABASE_PROBLEM = 3  # --smoke: the database could not be opened
EXIT_HQ_UNREACHABLE = 5  # --smoke: an HQ profile whose HQ refused or could not be reached


class OtherProfile(str):
    """The wizard's outcome when an HQ desk user's code made an HQ profile: open that one."""


WizardOutcome = StationInfo | str | None  # a new station, DEMO_CHOSEN, OtherProfile, or None (cancelled)
AskProblem = Callable[[DatabaseOpenError, list[Path], QWidget | None], ProblemChoice]
RunWizard = Callable[[Database], WizardOutcome]


def run_first_run_wizard(db: Database) -> WizardOutcome:
    # Imported only for a profile without a station: it brings the sync engine (issue 14).
    from app.ui.station.first_run_wizard import FirstRunWizard

    wizard = FirstRunWizard(db)
    try:
        code = wizard.exec()
        if code == FirstRunWizard.DEMO_CHOSEN:
            return DEMO_CHOSEN
        if code == FirstRunWizard.PROFILE_CHOSEN:
            return OtherProfile(wizard.other_profile)
        return wizard.station if code == FirstRunWizard.DialogCode.Accepted else None
    finally:
        shiboken6.delete(wizard)  # never left for GC to destroy after QApplication (crash at exit)


class Launcher(QObject):
    window_shown = Signal(object)  # MainWindow, or HqWindow for an HQ profile
    first_painted = Signal()
    finished = Signal()  # the last window closed (not a profile switch)
    smoke_failed = Signal(int)  # --smoke: the exit code (HQ refused or unreachable); run_gui leaves with it

    def __init__(
        self,
        settings: Settings,
        *,
        smoke: bool = False,
        ask_problem: AskProblem = ask_database_problem,
        run_wizard: RunWizard = run_first_run_wizard,
        hq_http: Callable[[], Any] = lambda: None,
    ) -> None:
        """`hq_http`: a transport for HQ mode's client (tests pass starlette's TestClient)."""
        super().__init__()
        self.settings = settings
        self.smoke = smoke
        self.ask_problem = ask_problem
        self.run_wizard = run_wizard
        self.exit_code = 0
        self.profile = ""
        self.db: Database | None = None
        self.window: MainWindow | None = None
        self.hq_view: Any = None  # HQ mode: the connecting screen, then HqWindow
        self.hq_http = hq_http
        self._needs_demo_data = False

    # -- opening --------------------------------------------------------------------------
    def start(self, profile: str) -> bool:
        """Open `profile` and show its main window.  False: nothing to show, the app should exit."""
        opened = self._open(profile)
        if opened is None:
            return False
        db, profile = opened
        if read_now(db, is_hq_profile):
            self._start_hq(db, profile)
            return True
        station = read_now(db, current_station)
        demo_mode = station is None and (profile == paths.DEMO_PROFILE or self.smoke)
        if station is None and not demo_mode:
            outcome = self.run_wizard(db)
            if outcome == DEMO_CHOSEN:
                db.dispose()
                self.settings.set(ACTIVE_PROFILE, paths.DEMO_PROFILE)
                return self.start(paths.DEMO_PROFILE)
            if isinstance(outcome, OtherProfile):
                db.dispose()
                self.settings.set(ACTIVE_PROFILE, str(outcome))
                return self.start(str(outcome))
            if not isinstance(outcome, StationInfo):
                db.dispose()
                return False
            station = outcome
        self._show(db, profile, station, demo_mode)
        return True

    def _open(self, profile: str) -> tuple[Database, str] | None:
        while True:
            try:
                return profiles.open_profile(profile), profile
            except DatabaseOpenError as exc:
                log.warning("cannot open profile %s: %s", profile, exc)
                if self.smoke:  # never block on a dialog nobody can see
                    print(f"{exc.user_message}（{exc.path}）", file=sys.stderr)
                    self.exit_code = EXIT_DATABASE_PROBLEM
                    return None
                choice = self.ask_problem(exc, profiles.list_backups(profile), None)
                try:
                    if choice.action == OPEN_BACKUP and choice.backup is not None:
                        profile = profiles.restore_backup_as_profile(choice.backup)
                    elif choice.action == NEW_PROFILE:
                        profile = profiles.new_profile()
                    else:
                        return None
                except OSError as copy_error:
                    show_error(None, self.tr("无法复制备份：%1").replace("%1", str(copy_error)))
                    continue
                self.settings.set(ACTIVE_PROFILE, profile)

    def _show(self, db: Database, profile: str, station: StationInfo | None, demo_mode: bool) -> None:
        self.db, self.profile = db, profile
        self._needs_demo_data = station is None
        window = MainWindow(db, profile, station, self.settings, demo=demo_mode, remember=not self.smoke)
        window.profile_switch_requested.connect(self.switch_profile)
        window.closed.connect(self._window_closed)
        probe = FirstPaintProbe(window)
        probe.painted.connect(self._after_first_paint)
        self.window = window
        window.show()
        self.window_shown.emit(window)

    # -- HQ mode ----------------------------------------------------------------------------
    def _start_hq(self, db: Database, profile: str) -> None:
        from app.hqdesk.profile import read_hq_profile
        from app.ui.hq.connect import HqConnectView

        found = read_hq_profile(db, profile)
        assert found is not None
        self.db, self.profile = db, profile
        view = HqConnectView(db, found, self.hq_http)
        view.connected.connect(self._show_hq)
        view.switch_requested.connect(self.switch_profile)
        view.closed.connect(self._window_closed)
        if self.smoke:
            view.failed.connect(self._hq_failed_in_smoke)
        self.hq_view = view
        view.show()
        view.start()

    def _hq_failed_in_smoke(self, _kind: str, message: str) -> None:
        print(message, file=sys.stderr)
        self.exit_code = EXIT_HQ_UNREACHABLE
        self.smoke_failed.emit(EXIT_HQ_UNREACHABLE)

    def _show_hq(self, client: Any, user: Any) -> None:
        from app.ui.hq.window import HqWindow

        connecting = self.hq_view
        window = HqWindow(client, user, settings=self.settings, profile=self.profile, remember=not self.smoke)
        window.profile_switch_requested.connect(self.switch_profile)
        window.closed.connect(self._window_closed)
        probe = FirstPaintProbe(window)
        probe.painted.connect(self.first_painted)
        self.hq_view = window
        window.show()
        if connecting is not None:
            connecting.closed.disconnect(self._window_closed)
            connecting.close()
            connecting.deleteLater()
        self.window_shown.emit(window)

    # -- after the window is up -----------------------------------------------------------
    def _after_first_paint(self) -> None:
        window, db = self.window, self.db
        if window is None or db is None:
            return
        self.first_painted.emit()
        if self.smoke:
            # Started, never awaited: leaving cancels it, and the generator's single
            # transaction then leaves the profile untouched (the wizard still comes next time).
            if self._needs_demo_data:
                start_demo_generation(window, db, lambda: None, window.banner.show_progress, show_progress=False)
            return
        if self._needs_demo_data:
            self._start_demo_data(window, db)
        else:
            window.reload_home()
        if self.profile != paths.DEMO_PROFILE:  # demo data can be regenerated; no backups
            profile, keep = self.profile, self.settings.get(BACKUP_KEEP)
            operations.run_in_background(
                window,
                lambda _ctx: profiles.daily_backup(db, profile, keep),
                title=self.tr("每日备份"),
                show_progress=False,
            )

    def _start_demo_data(self, window: MainWindow, db: Database) -> None:
        def done() -> None:
            window.set_station(read_now(db, current_station))
            window.reload_home()

        start_demo_generation(window, db, done, window.banner.show_progress)

    # -- closing and switching ------------------------------------------------------------
    def _close_current(self) -> None:
        window, self.window = self.window, None
        hq, self.hq_view = self.hq_view, None
        shown: Any
        for shown in (window, hq):
            if shown is not None:
                shown.closed.disconnect(self._window_closed)
                shown.close()
                shown.deleteLater()
        operations.shutdown()  # cancel and wait: no worker may outlive its database
        if self.db is not None:
            self.db.dispose()
            self.db = None

    def switch_profile(self, profile: str) -> None:
        log.info("switching profile %s -> %s", self.profile, profile)
        self._close_current()
        self.settings.set(ACTIVE_PROFILE, profile)
        if not self.start(profile):
            self.finished.emit()
            QCoreApplication.quit()

    def _window_closed(self) -> None:
        self.window = self.hq_view = None
        self.close()
        self.finished.emit()
        QCoreApplication.quit()

    def close(self) -> None:
        """Stop background work and release the database (app exit, tests)."""
        self._close_current()
