"""Errors the user sees: plain message first, traceback behind a button (after Anki's errors.py).

`show_error` goes through a replaceable presenter so tests never open a modal dialog:
`previous = set_presenter(fake)`.  `install_excepthooks()` routes uncaught exceptions from
any thread to the log file and then to the presenter on the GUI thread.
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    Qt,
    QThread,
    Signal,
    Slot,
    qVersion,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.ui.service_messages import shown_message

log = logging.getLogger(__name__)

Presenter = Callable[[QWidget | None, str, str], None]


def debug_info(message: str, detail: str = "") -> str:
    """What 复制调试信息 puts on the clipboard, for a support ticket."""
    return "\n".join(
        [
            message,
            "",
            detail.rstrip(),
            "",
            f"Station Desk {__version__}",
            f"Python {platform.python_version()}, Qt {qVersion()}",
            platform.platform(),
        ]
    )


class ErrorDialog(QDialog):
    def __init__(self, parent: QWidget | None, message: str, detail: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("出错了"))
        self._message, self._detail = message, detail

        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(48, 48))
        self.message_label = QLabel(message)
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.message_label, 1)

        self.detail_view = QPlainTextEdit(detail)
        self.detail_view.setReadOnly(True)
        self.detail_view.setMinimumHeight(200)
        self.detail_view.hide()

        buttons = QDialogButtonBox()
        self.details_button = QPushButton(self.tr("显示详细信息"), self)  # parented: shown parentless it would be a window
        self.details_button.setVisible(bool(detail))
        self.details_button.clicked.connect(self._toggle_details)
        self.copy_button = QPushButton(self.tr("复制调试信息"))
        self.copy_button.clicked.connect(self.copy_debug_info)
        ok = QPushButton(self.tr("确定"))
        ok.setDefault(True)
        ok.clicked.connect(self.accept)
        buttons.addButton(self.details_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(ok, QDialogButtonBox.ButtonRole.AcceptRole)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.detail_view, 1)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def _toggle_details(self) -> None:
        showing = not self.detail_view.isVisible()
        self.detail_view.setVisible(showing)
        self.details_button.setText(self.tr("隐藏详细信息") if showing else self.tr("显示详细信息"))
        self.adjustSize()

    def copy_debug_info(self) -> None:
        QGuiApplication.clipboard().setText(debug_info(self._message, self._detail))
        self.copy_button.setText(self.tr("已复制"))


def _show_dialog(parent: QWidget | None, message: str, detail: str) -> None:
    dialog = ErrorDialog(parent, message, detail)
    try:
        dialog.exec()
    finally:
        shiboken6.delete(dialog)  # never left for GC to destroy after QApplication (crash at exit)


_presenter: Presenter = _show_dialog
_presenting = False


def set_presenter(fn: Presenter | None) -> Presenter:
    """Replace how errors are displayed (tests); None restores the dialog.  Returns the previous one."""
    global _presenter
    previous = _presenter
    _presenter = fn or _show_dialog
    return previous


class _Bridge(QObject):
    """Lives in the GUI thread; a signal emitted from any thread lands in `present` there."""

    requested = Signal(object, str, str)

    @Slot(object, str, str)
    def present(self, parent: QWidget | None, message: str, detail: str) -> None:
        show_error(parent, message, detail)


_bridge: _Bridge | None = None
_bridge_lock = threading.Lock()


def _gui_bridge(app: QCoreApplication) -> _Bridge:
    global _bridge
    with _bridge_lock:
        if _bridge is None:
            bridge = _Bridge()
            if bridge.thread() is not app.thread():
                bridge.moveToThread(app.thread())
            bridge.requested.connect(bridge.present)
            _bridge = bridge
        return _bridge


def show_error(parent: QWidget | None, message: str, detail: str = "") -> None:
    """Show an error.  Safe from any thread (marshalled to the GUI thread); never raises."""
    global _presenting
    app = QCoreApplication.instance()
    if app is None:
        print(f"{message}\n{detail}", file=sys.stderr)
        return
    if QThread.currentThread() is not app.thread():
        # widgets belong to the GUI thread; a signal carries plain text, so translate the Msg here
        _gui_bridge(app).requested.emit(None, shown_message(message), detail)
        return
    if _presenting:
        # An error while an error dialog is up (or while it is being built): it is in the log;
        # a stack of dialogs, or recursion when the dialog itself fails, helps nobody.
        log.warning("另一个错误对话框正在显示，未再弹出: %s", message)
        return
    _presenting = True
    try:
        _presenter(parent, shown_message(message), detail)
    except Exception:
        log.exception("无法显示错误对话框")
        print(f"{message}\n{detail}", file=sys.stderr)
    finally:
        _presenting = False


def _report(exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None, where: str) -> None:
    try:
        log.error("未处理的异常（%s）", where, exc_info=(exc_type, exc, tb))
        message = getattr(exc, "message", None)
        if not isinstance(message, str) or not message:
            message = QCoreApplication.translate("ErrorDialog", "程序遇到意外错误。您可以继续使用，但建议保存工作后重新启动；"
                          "请点击“复制调试信息”并发给技术支持。")
        show_error(None, message, "".join(traceback.format_exception(exc_type, exc, tb)))
    except Exception:
        # Last resort: the hook itself must never raise (that would recurse into it).
        sys.__excepthook__(exc_type, exc if exc is not None else exc_type(), tb)


def _sys_hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    _report(exc_type, exc, tb, "main")


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if issubclass(args.exc_type, SystemExit):
        return
    name = args.thread.name if args.thread is not None else "?"
    _report(args.exc_type, args.exc_value, args.exc_traceback, f"thread {name}")


def install_excepthooks() -> None:
    """Route uncaught exceptions (main thread, Qt slots, Python threads) to log + dialog."""
    app = QCoreApplication.instance()
    if app is not None:
        _gui_bridge(app)  # create it now, on the GUI thread, before any worker needs it
    sys.excepthook = _sys_hook
    threading.excepthook = _thread_hook
