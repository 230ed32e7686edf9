"""The one place a sync with HQ starts from: the 立即同步 button and the periodic timer.

Only one sync runs at a time; automatic ones are silent (no dialog), offline is not an
error worth a word beyond the status bar, and a refused token or a too-old client is
announced once, not every 15 minutes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

    from app.sync.engine import SyncResult

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from app.domain.periods import CHINA_TIME
from app.models.database import Database
from app.settings import Settings, setting
from app.sync.client import AuthError, OfflineError, SyncError, UpgradeRequired
from app.sync.status import last_completed, sync_status
from app.ui.operations import OpContext, Operation, run_in_background
from app.ui.service_messages import shown_message
from app.ui.shell.first_paint import FirstPaintProbe
from app.ui.widgets.error_dialog import show_error

log = logging.getLogger(__name__)

AUTO_SYNC_MINUTES = setting("auto_sync_minutes", 15)  # 0 turns automatic sync off
STARTUP_DELAY_MS = 30_000

# Tests inject starlette's TestClient (or a client aimed at a closed port); None = the
# SyncClient opens its own.  The controller never closes what the factory returns.
HttpFactory = Callable[[], "httpx.Client | None"]


class _Watched:
    """Passes calls through to the SyncClient and remembers the last SyncError raised:
    sync() folds errors into a message, but offline and auth must be told apart here."""

    def __init__(self, client: Any) -> None:
        self._client, self.error = client, None

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._client, name)
        if not callable(value):
            return value

        def call(*args: Any, **kwargs: Any) -> Any:
            try:
                return value(*args, **kwargs)
            except SyncError as exc:
                self.error = exc
                raise

        return call


class AutoSyncController(QObject):
    sync_started = Signal()
    sync_finished = Signal(
        object
    )  # SyncResult, or None when the profile is not enrolled
    progressed = Signal(
        str, int, int
    )  # phase (hello/push/pull/check/repair), done, total (0 = unknown)
    problem = Signal(
        str
    )  # a refused token or an outdated client: said once until it changes

    def __init__(self, db: Database, settings: Settings | None = None, *, enabled: bool = True,
                 interval_ms: int | None = None, http_factory: HttpFactory = lambda: None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db, self.enabled, self.http_factory = db, enabled, http_factory
        self.page_size: int | None = None  # tests: many small pull pages
        minutes = (
            settings.get(AUTO_SYNC_MINUTES)
            if settings is not None
            else AUTO_SYNC_MINUTES.default
        )
        self.interval_ms = (
            interval_ms if interval_ms is not None else max(0, minutes) * 60_000
        )
        self.offline = False
        self.last_problem = ""
        self.last_result: SyncResult | None = None
        self.last_finished: datetime | None = None
        # the status bar's 上次同步 survives a restart: the last complete sync in the local log
        self.logged_success: datetime | None = last_completed(db)
        self._op: Operation | None = None
        self._timer = QTimer(self)
        self._timer.timeout.connect(lambda: self.sync_now(automatic=True))
        self._startup = QTimer(self, singleShot=True)
        self._startup.timeout.connect(lambda: self.sync_now(automatic=True))

    # -- scheduling ---------------------------------------------------------------
    def start(
        self, window: QWidget | None = None, delay_ms: int = STARTUP_DELAY_MS
    ) -> None:
        """Start the periodic timer; the first sync comes `delay_ms` after `window` first paints."""
        if not self.enabled or self.interval_ms <= 0:
            return
        self._timer.start(self.interval_ms)
        if window is None:
            self._startup.start(delay_ms)
        else:
            probe = FirstPaintProbe(window)
            probe.painted.connect(lambda: self._startup.start(delay_ms))

    def stop(self) -> None:
        """For window close: no new syncs; a running one stops at its next page."""
        self.enabled = False
        self._timer.stop()
        self._startup.stop()
        self.cancel()

    def is_running(self) -> bool:
        return self._op is not None and self._op.is_running()

    def cancel(self) -> None:
        if self._op is not None:
            self._op.cancel()

    # -- one sync -----------------------------------------------------------------
    def sync_now(
        self, *, automatic: bool = False, parent: QWidget | None = None
    ) -> bool:
        """Start a sync in the background; False if one is already running (or stopped)."""
        if self.is_running() or not self.enabled:
            return False
        db, http, page_size = self.db, self.http_factory(), self.page_size

        def work(ctx: OpContext) -> tuple[SyncResult | None, SyncError | None]:
            # Imported here, on the worker: the engine and keyring cost the window's
            # first paint ~0.2 s (issue 14), and the first sync comes 30 s after it.
            from app.sync.engine import SyncResult, sync
            from app.sync.enrolment import open_client

            if automatic and not sync_status(db, rejections=0).enrolled:
                return None, None
            try:
                client = _Watched(open_client(db, http=http))
            except SyncError as exc:
                return SyncResult(message=exc.message), exc
            try:
                result = sync(db, client, page_size=page_size, cancelled=lambda: ctx.cancelled,  # type: ignore[arg-type]
                              progress=lambda phase, done, total: ctx.progress(done, total or 0, phase))
            finally:
                client.close()
            return result, None if result.completed else client.error

        def failed(
            exc: BaseException,
        ) -> None:  # a bug or a full disk, not a network problem
            message = self.tr(
                "同步时发生意外错误，数据已保存在本机。请把调试信息发给技术支持。"
            )
            log.error("sync failed", exc_info=exc)
            from app.sync.engine import SyncResult

            if not automatic:
                show_error(parent, message, repr(exc))
            self._finished((SyncResult(message=message), None))

        self._op = run_in_background(parent, work, on_success=self._finished, on_failure=failed,
                                     title=self.tr("与服务总站同步"), show_progress=False)
        # Not serial: a bootstrap can take minutes and would queue every save behind it;
        # the engine commits page by page and WAL + busy_timeout orders the writers.
        self._op.progressed.connect(
            lambda done, total, phase: self.progressed.emit(phase, done, total)
        )
        self.sync_started.emit()
        return True

    def _finished(self, outcome: tuple[SyncResult | None, SyncError | None]) -> None:
        if not shiboken6.isValid(
            self
        ):  # the window closed while the sync finished its page
            return
        result, error = outcome
        if result is not None:
            self.last_result, self.last_finished = result, datetime.now(CHINA_TIME)
            self.offline = isinstance(error, OfflineError)
            if isinstance(error, AuthError | UpgradeRequired) or (
                error is not None and "登记" in error.message
            ):
                if error.message != self.last_problem:
                    self.last_problem = error.message
                    self.problem.emit(shown_message(error.message))  # in the user's language for every listener
            elif result.completed:
                self.last_problem = ""
        self.sync_finished.emit(result)

    def status_text(self) -> str:
        """For the status bar: 上次同步：HH:MM 成功/失败."""
        if self.last_result is None or self.last_finished is None:
            if self.logged_success is None:
                return self.tr("上次同步：尚未同步")
            logged = self.logged_success.astimezone(CHINA_TIME)
            fmt = "%H:%M" if logged.date() == datetime.now(CHINA_TIME).date() else "%m-%d %H:%M"
            return self.tr("上次同步：%1 成功").replace("%1", logged.strftime(fmt))
        when = self.last_finished.strftime("%H:%M")
        if self.last_result.completed:
            return self.tr("上次同步：%1 成功").replace("%1", when)
        if self.offline:
            return self.tr("上次同步：%1 失败（离线，稍后重试）").replace("%1", when)
        return self.tr("上次同步：%1 失败").replace("%1", when)
