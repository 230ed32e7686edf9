"""First run's third choice, 登记到服务总站: enrol with HQ's one-time code, take the station's
identity from HQ, sync once, then ask only for what HQ did not know (issue 10).  An HQ desk
user's code makes this profile an HQ profile instead (issue 12): `profile_ready(name)`, and
the launcher opens it in HQ mode.

Three steps in one dialog: the enrolment fields (app/ui/sync/enrol_form.py, shared with the
同步 page), the first sync with its progress (app/ui/sync/auto_sync.py's controller), and,
only when the roster is still empty, the station manager (manual setup's rule:
identity.validate_manager_name).  A first sync that fails (offline) keeps the enrolment and
still asks for the manager, so the desk works offline; the next sync brings the rest.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import ValidationError
from app.models.database import Database
from app.services.station.identity import StationInfo, add_first_manager, needs_first_manager, require_station
from app.sync.client import SyncError
from app.sync.engine import SyncResult
from app.sync.enrolment import Enrolment, refuse_demo
from app.ui import theme
from app.ui.db_operations import read_in_background, write_in_background
from app.ui.service_messages import shown_message
from app.ui.sync.auto_sync import AutoSyncController, HttpFactory
from app.ui.sync.enrol_form import EnrolForm

ENROL, SYNC, MANAGER = range(3)


def enrol_refusal(db: Database) -> str | None:
    """Why this profile may not enrol (a demo profile: app.sync.enrolment's one check), or None."""
    try:
        refuse_demo(db)
    except SyncError as exc:
        return shown_message(exc)
    return None


def _row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    for widget in widgets:
        row.addWidget(widget)
    return row


def _label(text: str = "", style: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    return label


class EnrolFirstDialog(QDialog):
    station_ready = Signal(object)  # StationInfo: enrolled, synced (or not), manager known
    profile_ready = Signal(str)  # an HQ desk user's code: the HQ profile to open (HQ mode)

    def __init__(self, db: Database, http_factory: HttpFactory = lambda: None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.enrolment: Enrolment | None = None
        self.sync_result: SyncResult | None = None
        self.station: StationInfo | None = None
        self.setWindowTitle(self.tr("登记到服务总站"))
        self.setMinimumWidth(560)
        self.controller = AutoSyncController(db, enabled=True, interval_ms=0, http_factory=http_factory, parent=self)
        self.controller.progressed.connect(self._progressed)
        self.controller.sync_finished.connect(self._synced)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._enrol_page(db, http_factory))
        self.pages.addWidget(self._sync_page())
        self.pages.addWidget(self._manager_page())
        heading = QLabel(self.tr("登记到服务总站"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        heading.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(heading)
        layout.addWidget(self.pages)

    # -- the three pages --------------------------------------------------------------------
    def _enrol_page(self, db: Database, http_factory: HttpFactory) -> QWidget:
        intro = _label(
            self.tr(
                "请填写服务总站提供的同步服务器网址和一次性登记码（7 天内有效，只能使用一次）。"
                "服务站代码、名称和所在区以服务总站登记的为准，本站信息和人员在登记后的首次同步中取回，无需再填。"
            )
        )
        self.form = EnrolForm(db, http_factory)
        self.back_button = QPushButton(self.tr("返回"))
        self.back_button.clicked.connect(self.reject)
        self.enrol_button = QPushButton(self.tr("登记"))
        self.enrol_button.setDefault(True)
        self.enrol_button.clicked.connect(self.form.submit)
        self.form.busy_changed.connect(self.enrol_button.setDisabled)
        self.form.busy_changed.connect(self.back_button.setDisabled)
        self.form.enrolled.connect(self._enrolled)
        self.form.profile_ready.connect(self._other_profile)
        return self._page(intro, self.form, _row(self.back_button, self.enrol_button))

    def _sync_page(self) -> QWidget:
        self.sync_heading = _label(style=f"color: {theme.OK}; font-weight: bold;")
        self.sync_status = _label(self.tr("正在连接服务总站…"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.cancel_sync_button = QPushButton(self.tr("取消同步"))
        self.cancel_sync_button.setToolTip(self.tr("登记已经保存；同步可以以后再做。"))
        self.cancel_sync_button.clicked.connect(self._cancel_sync)
        return self._page(self.sync_heading, self.sync_status, self.progress, _row(self.cancel_sync_button))

    def _manager_page(self) -> QWidget:
        self.manager_note = _label()
        self.manager_name = QLineEdit()
        self.manager_phone = QLineEdit()
        self.manager_phone.setPlaceholderText(self.tr("手机或座机"))
        self.manager_error = _label(style=f"color: {theme.ERROR};")
        self.manager_error.hide()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("站长/负责人姓名 *"), self.manager_name)
        form.addRow("", self.manager_error)
        form.addRow(self.tr("负责人电话"), self.manager_phone)
        self.finish_button = QPushButton(self.tr("完成设置"))
        self.finish_button.setDefault(True)
        self.finish_button.clicked.connect(self._save_manager)
        return self._page(self.manager_note, form, _row(self.finish_button))

    def _page(self, *parts: QWidget | QHBoxLayout | QFormLayout) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        for part in parts:
            if isinstance(part, QWidget):
                column.addWidget(part)
            else:
                if isinstance(part, QHBoxLayout):
                    column.addStretch(1)
                column.addLayout(part)
        return page

    # -- enrolled, then the first sync --------------------------------------------------------
    def _enrolled(self, enrolment: Enrolment) -> None:
        self.enrolment = enrolment
        self.sync_heading.setText(
            self.tr("已登记到服务总站：%1（%2）")
            .replace("%1", enrolment.station_name)
            .replace("%2", enrolment.station_code)
        )
        self.pages.setCurrentIndex(SYNC)
        self.controller.sync_now(parent=self)

    def _other_profile(self, name: str) -> None:
        self.profile_ready.emit(name)
        self.accept()

    def _progressed(self, phase: str, done: int, total: int) -> None:
        texts = {
            "hello": self.tr("正在连接服务总站…"),
            "push": self.tr("正在上传本机已有的数据…"),
            "pull": self.tr("正在取回服务总站保存的本站信息和人员…"),
        }
        self.sync_status.setText(texts.get(phase, self.tr("正在核对数据…")))
        self.progress.setRange(0, max(total, 0))
        if total > 0:
            self.progress.setValue(min(done, total))

    def _cancel_sync(self) -> None:
        self.cancel_sync_button.setEnabled(False)
        self.sync_status.setText(self.tr("正在取消…"))
        self.controller.cancel()

    def _synced(self, result: SyncResult | None) -> None:
        self.sync_result = result
        read_in_background(self, self._db, needs_first_manager, on_success=self._ask_or_finish)

    def _ask_or_finish(self, needed: bool) -> None:
        result = self.sync_result
        synced = result is not None and result.completed
        if not needed:
            self._finish()
            return
        if synced:
            note = self.tr("服务总站还没有本站的人员信息。请填写站长（负责人），完成后即可开始登记服务。")
        else:
            reason = shown_message(result.message) if result is not None and result.message else self.tr("未知原因")
            note = self.tr(
                "首次同步未能完成：%1\n登记已经保存。以后联网时本站会自动与服务总站同步，取回服务总站保存的本站信息。"
                "请先填写站长（负责人），离线也可以开始登记服务。"
            ).replace("%1", reason)
        self.manager_note.setText(note)
        self.pages.setCurrentIndex(MANAGER)
        self.manager_name.setFocus()

    # -- the manager, only when HQ knew nobody -----------------------------------------------
    def _save_manager(self) -> None:
        name, phone = self.manager_name.text(), self.manager_phone.text()
        self.manager_error.hide()
        self.finish_button.setEnabled(False)

        def failed(exc: BaseException) -> None:
            self.finish_button.setEnabled(True)
            message = (
                shown_message(exc) if isinstance(exc, ValidationError) else self.tr("保存未能完成：%1").replace("%1", str(exc))
            )
            self.manager_error.setText(message)
            self.manager_error.show()
            self.manager_name.setFocus()

        write_in_background(
            self,
            self._db,
            lambda s: add_first_manager(s, name, phone),
            on_success=lambda _none: self._finish(),
            on_failure=failed,
        )

    def _finish(self) -> None:
        read_in_background(self, self._db, require_station, on_success=self._ready)

    def _ready(self, station: StationInfo) -> None:
        self.station = station
        self.station_ready.emit(station)
        self.accept()

    def reject(self) -> None:
        """Before enrolment: back to the wizard.  After it the profile has HQ's station, so
        there is no way back: Esc or close stops a running sync (the manager is still asked)."""
        if self.enrolment is None:
            super().reject()
        elif self.controller.is_running():
            self._cancel_sync()


class EnrolChoiceButton(QPushButton):
    """The wizard's 登记到服务总站 button: opens EnrolFirstDialog; disabled for a demo profile."""

    station_ready = Signal(object)  # StationInfo
    profile_ready = Signal(str)  # an HQ profile to open instead

    def __init__(self, db: Database, parent: QWidget | None = None, http_factory: HttpFactory = lambda: None) -> None:
        super().__init__(parent)
        self._db, self._http_factory = db, http_factory
        self.dialog: EnrolFirstDialog | None = None
        self.setText(self.tr("登记到服务总站"))
        refusal = enrol_refusal(db)
        self.setEnabled(refusal is None)
        self.setToolTip(refusal or self.tr("已有服务总站发放的登记码：站点信息以服务总站为准，只需补充服务总站没有的信息。"))
        self.clicked.connect(self.open_dialog)

    def open_dialog(self) -> None:
        self.dialog = EnrolFirstDialog(self._db, self._http_factory, self.window())
        self.dialog.station_ready.connect(self.station_ready)
        self.dialog.profile_ready.connect(self.profile_ready)
        self.dialog.open()
