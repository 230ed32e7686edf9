"""From a profile name to a usable window: database problems, first run, demo mode.

Dialogs are injected (`ask_problem`, `run_wizard`) so tests drive the whole flow
without a modal loop.  Switching profile happens in-process: the old window and
database are closed, then the new profile goes through the same steps.

An HQ profile (made by enrolling an HQ desk user's code, app.hqdesk.profile) opens HQ mode
instead: app/ui/hq/connect.py asks HQ who this is (off the GUI thread), then HqWindow with
HQ's pages and none of the station's.  Its modules are imported only then, so a station's
start never pays for them.

The GUI starts in two stages (`start_staged`, issue 14): when a plain read-only look at the
profile (app/services/station/profile_peek.py) finds the station window to open, its frame is
painted first and the database is opened behind the paint, through the same checks as `start`.
This module therefore imports neither SQLAlchemy nor the services at the top; `start` (tests,
profile switches, and the GUI whenever the plain read cannot decide) imports them as it goes.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from app import paths
from app.services.station.station_info import StationInfo
from app.settings import ACTIVE_PROFILE, BACKUP_KEEP, Settings
from app.ui import operations
from app.ui.shell.database_problem_dialog import (
    NEW_PROFILE,
    OPEN_BACKUP,
    ProblemChoice,
    ask_database_problem,
)
from app.ui.shell.first_paint import FirstPaintProbe
from app.ui.shell.main_window import MainWindow
from app.ui.widgets.error_dialog import show_error

if TYPE_CHECKING:
    from app.models.database import Database, DatabaseOpenError

log = logging.getLogger(__name__)

DEMO_CHOSEN = "demo"
EXIT_DATABASE_PROBLEM = 3  # --smoke: the database could not be opened
EXIT_HQ_UNREACHABLE = 5  # --smoke: an HQ profile whose HQ refused or could not be reached


class OtherProfile(str):
    """The wizard's outcome when an HQ desk user's code made an HQ profile: open that one."""


WizardOutcome = StationInfo | str | None  # a new station, DEMO_CHOSEN, OtherProfile, or None (cancelled)
AskProblem = Callable[["DatabaseOpenError", list[Path], QWidget | None], ProblemChoice]
RunWizard = Callable[["Database"], WizardOutcome]


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


def _hq_or_station(db: Database) -> tuple[bool, StationInfo | None]:
    """Whether `db` is an HQ profile, else its station (None: the first-run wizard's turn)."""
    from app.services.station.enrolment_state import is_hq_profile
    from app.services.station.identity import current_station
    from app.ui.db_operations import read_now

    if read_now(db, is_hq_profile):
        return True, None
    return False, read_now(db, current_station)


class Launcher(QObject):
    window_shown = Signal(object)  # MainWindow, or HqWindow for an HQ profile
    first_painted = Signal()
    ready = Signal()  # after the first paint: the database is open and the page shown is built
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
    def start_staged(self, profile: str) -> bool:
        """The GUI's start: `start`'s outcome, but the station window's frame paints before the
        database is opened when a read-only look at the file says that window is what `start`
        would show; the rest follows the paint (`_fill_frame`).  Otherwise `start` itself."""
        from app.services.station.profile_peek import peek_station

        try:
            station = peek_station(paths.database_file(profile))
        except ValueError:  # not a profile name: `start` reports it as it always has
            station = None
        if station is None:
            return self.start(profile)
        self.profile = profile
        window = self._new_window(None, profile, station, demo_mode=False)
        probe = FirstPaintProbe(window)
        probe.painted.connect(lambda: self._frame_painted(window))
        window.show()
        self.window_shown.emit(window)
        return True

    def _frame_painted(self, frame: MainWindow) -> None:
        self.first_painted.emit()
        # One more turn of the event loop, so the frame is on screen before the imports.
        QTimer.singleShot(0, frame, lambda: self._fill_frame(frame))

    def _fill_frame(self, frame: MainWindow) -> None:
        """Stage 2: open the database as `start` does (checked, migrated if need be) and give the
        frame its pages.  Should what the plain read saw no longer hold (the file changed since,
        or cannot be opened), the frame goes and `start` takes over with its dialogs."""
        if self.window is not frame:
            return  # closed or replaced before its database came
        from app.models.database import DatabaseOpenError
        from app.services.station import profiles

        station = db = None
        try:
            db = profiles.open_profile(self.profile)
            station = _hq_or_station(db)[1]
        except DatabaseOpenError as exc:
            log.warning("profile %s changed under its frame: %s", self.profile, exc)
        if db is None or station is None:
            if db is not None:
                db.dispose()
            self._close_current()
            if not self.start(self.profile):
                self.finished.emit()
                QCoreApplication.quit()
            return
        self.db = db
        frame.attach_database(db)
        frame.set_station(station)
        self._settle()

    def start(self, profile: str) -> bool:
        """Open `profile` and show its main window.  False: nothing to show, the app should exit."""
        opened = self._open(profile)
        if opened is None:
            return False
        db, profile = opened
        hq, station = _hq_or_station(db)
        if hq:
            self._start_hq(db, profile)
            return True
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
        from app.models.database import DatabaseOpenError
        from app.services.station import profiles

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
        window = self._new_window(db, profile, station, demo_mode)
        probe = FirstPaintProbe(window)
        probe.painted.connect(self._after_first_paint)
        window.show()
        self.window_shown.emit(window)

    def _new_window(self, db: Database | None, profile: str, station: StationInfo | None, demo_mode: bool) -> MainWindow:
        self._needs_demo_data = station is None
        window = MainWindow(db, profile, station, self.settings, demo=demo_mode, remember=not self.smoke)
        window.profile_switch_requested.connect(self.switch_profile)
        window.closed.connect(self._window_closed)
        self.window = window
        return window

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
        probe.painted.connect(self.ready)
        self.hq_view = window
        window.show()
        if connecting is not None:
            connecting.closed.disconnect(self._window_closed)
            connecting.close()
            connecting.deleteLater()
        self.window_shown.emit(window)

    # -- after the window is up -----------------------------------------------------------
    def _after_first_paint(self) -> None:
        if self.window is None or self.db is None:
            return
        self.first_painted.emit()
        self._settle()

    def _settle(self) -> None:
        """After the first paint, with the database open: demo data or 首页's figures, the daily backup."""
        from app.services.station import profiles
        from app.ui.station.demo_generation import start_demo_generation

        window, db = self.window, self.db
        assert window is not None and db is not None
        if self.smoke:
            # Started, never awaited: leaving cancels it, and the generator's single
            # transaction then leaves the profile untouched (the wizard still comes next time).
            if self._needs_demo_data:
                start_demo_generation(window, db, lambda: None, window.banner.show_progress, show_progress=False)
            self.ready.emit()
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
        self.ready.emit()

    def _start_demo_data(self, window: MainWindow, db: Database) -> None:
        from app.services.station.identity import current_station
        from app.ui.db_operations import read_now
        from app.ui.station.demo_generation import start_demo_generation

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
