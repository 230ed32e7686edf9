"""The one way feature code runs long work off the GUI thread (after Anki's operations/ and taskman).

    run_in_background(self, lambda ctx: service.import_rows(ctx, path),
                      on_success=self.show_imported, title=self.tr("导入企业"), serial=True)

`func` runs on a worker, callbacks on the GUI thread; `serial=True` uses one dedicated thread
so database writes never overlap.  Outcomes (`finished` is emitted once, after the callback):
* success -> on_success(result), even if a cancel was requested but func returned normally.
* failure -> on_failure(exc); without it show_error() with the exception's `.message`
  (UserError) or a generic sentence, and the traceback as detail.
* cancelled (OperationCancelled raised) -> on_failure(OperationCancelled) if given, else silent.
* parent widget deleted meanwhile -> no callbacks (they would touch the dead widget); a real
  failure is still shown, without a parent.
Call run_in_background from the GUI thread.
"""

from __future__ import annotations

import logging
import os
import threading
import time
import traceback
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from app.ui.widgets.error_dialog import show_error

T = TypeVar("T")
log = logging.getLogger(__name__)

_PROGRESS_INTERVAL = 0.05  # seconds: at most ~20 progress updates per second reach the GUI
_DIALOG_DELAY_MS = 400  # quick jobs finish before the dialog would flash

_running: set[Operation] = set()
_executors: dict[bool, ThreadPoolExecutor] = {}
_executors_lock = threading.Lock()


class OperationCancelled(Exception):
    """Raised inside func (usually by ctx.raise_if_cancelled()) to stop after a cancel request."""


class OpContext:
    """Handed to the worker function: progress reporting and cancellation."""

    def __init__(self, op: Operation) -> None:
        self._op = op
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._last_emit = float("-inf")
        self._pending: tuple[int, int, str] | None = None

    def progress(self, done: int, total: int, text: str = "") -> None:
        """Thread-safe.  Updates faster than ~20/s are coalesced; the latest one is kept."""
        with self._lock:
            now = time.monotonic()
            if now - self._last_emit < _PROGRESS_INTERVAL:
                self._pending = (done, total, text)
                return
            self._last_emit = now
            self._pending = None
        self._op._progress_posted.emit(done, total, text)

    def _flush(self) -> None:
        with self._lock:
            pending, self._pending = self._pending, None
        if pending is not None:
            self._op._progress_posted.emit(*pending)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def raise_if_cancelled(self) -> None:
        if self._cancel.is_set():
            raise OperationCancelled()


class Operation(QObject):
    """Handle of one background job.  Deliberately has no Qt parent: closing the parent
    widget must not delete the object that will receive the worker's result."""

    progressed = Signal(int, int, str)
    finished = Signal()
    # Emitted from the worker; queued onto this object's (GUI) thread.
    _progress_posted = Signal(int, int, str)
    _done_posted = Signal(object, object, str)

    def __init__(self, parent: QWidget | None, title: str, cancellable: bool,
                 on_success: Callable[[Any], None] | None, on_failure: Callable[[BaseException], None] | None) -> None:
        super().__init__()
        self._parent, self._title, self._cancellable = parent, title, cancellable
        self._on_success, self._on_failure = on_success, on_failure
        self._ctx = OpContext(self)
        self._worker_done = threading.Event()
        self._running = True
        self._state: tuple[int, int, str] = (0, 0, "")
        self._dialog: QProgressDialog | None = None
        self._cancel_button: QPushButton | None = None
        self._in_update = False
        self._progress_posted.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._done_posted.connect(self._on_done, Qt.ConnectionType.QueuedConnection)

    def cancel(self) -> None:
        """Ask the worker to stop; it notices at its next ctx.cancelled / raise_if_cancelled."""
        self._ctx._cancel.set()
        if self._dialog is not None and shiboken6.isValid(self._dialog):
            self._dialog.setLabelText(QCoreApplication.translate("Operations", "正在取消…"))
            if self._cancel_button is not None:
                self._cancel_button.setEnabled(False)

    def is_running(self) -> bool:
        """True until the outcome has been delivered on the GUI thread."""
        return self._running

    def _work(self, func: Callable[[OpContext], Any]) -> None:  # on the worker thread
        try:
            self._ctx.raise_if_cancelled()
            outcome: tuple[Any, BaseException | None, str] = (func(self._ctx), None, "")
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the GUI
            outcome = (None, exc, "".join(traceback.format_exception(exc)))
        self._ctx._flush()
        self._done_posted.emit(*outcome)
        self._worker_done.set()

    def _parent_alive(self) -> bool:
        return self._parent is None or shiboken6.isValid(self._parent)

    @Slot()
    def _show_dialog(self) -> None:
        if not self._running or not self._parent_alive():
            return
        dialog = QProgressDialog(self._parent)
        dialog.setWindowTitle(self._title or QCoreApplication.translate("Operations", "请稍候"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoReset(False)
        dialog.setAutoClose(False)
        dialog.setMinimumWidth(360)
        if self._cancellable:
            self._cancel_button = QPushButton(QCoreApplication.translate("Operations", "取消"))
            dialog.setCancelButton(self._cancel_button)
            # By default canceled() also hides the dialog; keep it up saying "正在取消…"
            # until the worker has actually stopped.
            dialog.canceled.disconnect(dialog.cancel)
            dialog.canceled.connect(self.cancel)
        else:
            dialog.setCancelButton(None)  # type: ignore[arg-type]
        self._dialog = dialog
        self._update_dialog()
        dialog.show()

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, text: str) -> None:
        self._state = (done, total, text)
        self.progressed.emit(done, total, text)
        self._update_dialog()

    def _update_dialog(self) -> None:
        # setValue() on a visible modal QProgressDialog calls processEvents(), which can
        # deliver the next progress (or the outcome) re-entrantly; never nest updates.
        dialog = self._dialog
        if self._in_update or dialog is None or not shiboken6.isValid(dialog):
            return
        self._in_update = True
        try:
            done, total, text = self._state
            if not self._ctx.cancelled:
                dialog.setLabelText(text or self._title or QCoreApplication.translate("Operations", "正在处理，请稍候…"))
            if total > 0:
                dialog.setRange(0, total)
                dialog.setValue(max(0, min(done, total)))
            else:
                dialog.setRange(0, 0)  # busy indicator
        finally:
            self._in_update = False

    @Slot(object, object, str)
    def _on_done(self, result: Any, exc: BaseException | None, detail: str) -> None:
        self._running = False
        _running.discard(self)
        if self._dialog is not None and shiboken6.isValid(self._dialog):
            self._dialog.hide()
            self._dialog.deleteLater()
        self._dialog = None
        try:
            self._deliver(result, exc, detail)
        finally:
            self.finished.emit()

    def _deliver(self, result: Any, exc: BaseException | None, detail: str) -> None:
        alive = self._parent_alive()
        if exc is None:
            if self._on_success is not None and alive:
                self._on_success(result)
        elif self._on_failure is not None and alive:
            self._on_failure(exc)
        elif not isinstance(exc, OperationCancelled):
            report_failure(self._parent if alive else None, exc, detail, self._title)


def report_failure(parent: QWidget | None, exc: BaseException, detail: str = "", title: str = "") -> None:
    """What a failed operation shows when it has no on_failure: a UserError's own message,
    anything else a generic message with the traceback behind "复制调试信息"."""
    message = getattr(exc, "message", None)
    if not isinstance(message, str) or not message:
        log.error("操作失败: %s", title or "(untitled)", exc_info=exc)
        message = QCoreApplication.translate("Operations", "操作未能完成。请重试；如果问题仍然存在，请点击“复制调试信息”并发给技术支持。")
    show_error(parent, message, detail or "".join(traceback.format_exception(exc)))


def _executor(serial: bool) -> ThreadPoolExecutor:
    with _executors_lock:
        if serial not in _executors:
            _executors[serial] = ThreadPoolExecutor(
                max_workers=1 if serial else min(8, os.cpu_count() or 2),
                thread_name_prefix="op-serial" if serial else "op-worker",
            )
        return _executors[serial]


def run_in_background(
    parent: QWidget | None,
    func: Callable[[OpContext], T],
    *,
    on_success: Callable[[T], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    title: str = "",
    show_progress: bool = True,
    cancellable: bool = True,
    serial: bool = False,
) -> Operation:
    """Run func(ctx) on a worker (the single serial thread if serial=True); see module docstring."""
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() != app.thread():
        raise RuntimeError("run_in_background() must be called on the GUI thread")
    op = Operation(parent, title, cancellable, on_success, on_failure)
    _running.add(op)
    if show_progress:
        QTimer.singleShot(_DIALOG_DELAY_MS, op, op._show_dialog)
    _executor(serial).submit(op._work, func)
    return op


def wait_for_all(timeout_ms: int = 5000) -> bool:
    """Block (GUI thread) until every operation's worker has returned and its outcome has been
    delivered, including operations started by those callbacks.  False on timeout."""
    deadline = time.monotonic() + timeout_ms / 1000
    app = QCoreApplication.instance()
    while _running:
        for op in list(_running):
            if not op._worker_done.wait(max(0.0, deadline - time.monotonic())):
                return False
        if app is not None:
            app.processEvents()  # delivers the queued outcomes
        if time.monotonic() > deadline and _running:
            return False
    return True


def shutdown(timeout_ms: int = 5000) -> bool:
    """For application exit (and tests): cancel everything, wait, then stop the worker threads."""
    for op in list(_running):
        op.cancel()
    ok = wait_for_all(timeout_ms)
    with _executors_lock:
        executors = list(_executors.values())
        _executors.clear()
    for executor in executors:
        executor.shutdown(wait=ok, cancel_futures=not ok)
    return ok
