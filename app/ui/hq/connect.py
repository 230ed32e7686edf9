"""HQ mode's first screen: who this profile signs in as, GET /v1/admin/me off the GUI thread,
then `connected(client, DeskUser)`; the launcher opens HqWindow.  When HQ refuses the token
or cannot be reached it says so in Chinese with what to do (ask for a new code and
re-enrol; check the network) and offers 重试 (F5), 重新登记…, 切换档案 and 退出.  It never
falls back to a station's pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QVBoxLayout, QWidget

from app.hqdesk.client import HqDeskClient, HqDeskError
from app.hqdesk.profile import HqProfile, open_desk_client, reenrol_hint
from app.models.database import Database
from app.ui import theme
from app.ui.hq.pages import DeskUser
from app.ui.operations import run_in_background
from app.ui.service_messages import shown_message
from app.ui.shell.profile_menu import add_profile_menu

REFUSED, UNREACHABLE, LOCAL, OTHER = "refused", "unreachable", "local", "other"


class _LocalProblem(HqDeskError):
    """Nothing was sent: the token or the CA file is missing on this machine."""


def _connect(profile: HqProfile, http: Any) -> tuple[HqDeskClient, DeskUser]:
    try:
        client = open_desk_client(profile, http=http)
    except HqDeskError as exc:
        raise _LocalProblem(exc.message, detail=exc.detail) from exc
    try:
        me = client.get_json("/me")
        return client, DeskUser(str(me["name"]), str(me["role"]), str(me.get("role_label") or me["role"]), profile.server)
    except (KeyError, TypeError) as exc:
        client.close()
        raise HqDeskError("服务总站的回复无法识别，请稍后再试或联系服务总站。", detail=repr(exc)) from exc
    except BaseException:
        client.close()
        raise


def problem_kind(exc: BaseException) -> str:
    if isinstance(exc, _LocalProblem):
        return LOCAL
    if isinstance(exc, HqDeskError) and exc.status == 401:
        return REFUSED
    if isinstance(exc, HqDeskError) and exc.status is None:
        return UNREACHABLE
    return OTHER


class HqConnectView(QWidget):
    connected = Signal(object, object)  # HqDeskClient, DeskUser
    failed = Signal(str, str)  # kind, the message shown
    switch_requested = Signal(str)  # a profile to open instead (re-enrolled, or picked)
    closed = Signal()

    def __init__(self, db: Database, profile: HqProfile, http_factory: Callable[[], Any] = lambda: None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.profile, self.http_factory = db, profile, http_factory
        self.problem = ""
        self.setWindowTitle(self.tr("中小企业服务站工作台 — 服务总站"))
        heading = QLabel(self.tr("服务总站模式"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        who = QLabel(self.tr("用户：%1（%2） · 服务器：%3 · 档案：%4").replace("%1", profile.user)
                     .replace("%2", profile.role_label).replace("%3", profile.server).replace("%4", profile.name))
        who.setWordWrap(True)
        who.setStyleSheet(f"color: {theme.TEXT_MUTED};")
        self.message = QLabel()
        self.message.setObjectName("hqConnectMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry_button = QPushButton(self.tr("重试 (F5)"))
        self.retry_button.clicked.connect(self.start)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, activated=self.start).setWhatsThis(self.tr("重试连接"))
        self.enrol_button = QPushButton(self.tr("重新登记…"))
        self.enrol_button.clicked.connect(self.reenrol)
        self.switch_button = QPushButton(self.tr("切换档案"))
        self.switch_button.setMenu(QMenu(self.switch_button))
        add_profile_menu(self.switch_button.menu(), profile.name, self.switch_requested.emit)
        quit_button = QPushButton(self.tr("退出"))
        quit_button.clicked.connect(self.close)
        QShortcut(QKeySequence.StandardKey.Quit, self, activated=self.close).setWhatsThis(self.tr("退出"))
        buttons = QHBoxLayout()
        for button in (self.retry_button, self.enrol_button, self.switch_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(quit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.addWidget(heading)
        layout.addWidget(who)
        layout.addSpacing(12)
        layout.addWidget(self.message, 1, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(buttons)
        self.resize(640, 320)

    def start(self) -> None:
        """GET /me in the background; connected(…) or the problem and what to do."""
        if not self.retry_button.isEnabled():
            return
        self.problem = ""
        self._busy(True)
        self.message.setStyleSheet("")
        self.message.setText(self.tr("正在连接服务总站（%1）…").replace("%1", self.profile.server))
        profile, http = self.profile, self.http_factory()
        run_in_background(self, lambda _ctx: _connect(profile, http), on_success=self._connected,
                          on_failure=self._failed, title=self.tr("正在连接服务总站"), show_progress=False,
                          cancellable=False)

    def _busy(self, busy: bool) -> None:
        for button in (self.retry_button, self.enrol_button):
            button.setEnabled(not busy)

    def _connected(self, result: tuple[HqDeskClient, DeskUser]) -> None:
        self._busy(False)
        self.connected.emit(*result)

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        kind = problem_kind(exc)
        reason = shown_message(exc) if isinstance(exc, HqDeskError) else (str(exc) or type(exc).__name__)
        if kind == REFUSED:
            text = self.tr("服务总站不认可本机的令牌：它可能已被撤销，或管理员重新发放了登记码。"
                           "请向服务总站管理员索取新的登记码，然后点“重新登记…”（也可以运行：%1）。").replace(
                "%1", reenrol_hint(self.profile))
        elif kind == UNREACHABLE:
            text = self.tr("连接不上服务总站：%1\n请检查本机的网络连接，确认服务器网址（%2）正确、服务总站的服务已启动，"
                           "然后点“重试”。").replace("%1", reason).replace("%2", self.profile.server)
        else:
            text = reason
        self.problem = kind
        self.message.setStyleSheet(f"color: {theme.ERROR};")
        self.message.setText(text)
        self.failed.emit(kind, text)

    def reenrol(self) -> None:
        """登记到服务总站 with a new code: an HQ code renews this profile (then reconnect);
        a station's code gets a profile of its own (then open it)."""
        from app.ui.sync.enroll_dialog import EnrollDialog

        dialog = EnrollDialog(self.db, self.http_factory, self)
        dialog.form.server.setText(self.profile.server)
        dialog.form.profile_ready.connect(lambda name: (dialog.accept(), self.switch_requested.emit(name)))
        dialog.open()
        self.enrol_dialog = dialog

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        super().closeEvent(event)
        if event.isAccepted():
            self.closed.emit()
