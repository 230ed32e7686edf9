"""The fields of 登记到服务总站 and the enrolment they start: one widget shared by the 同步 page's
dialog and the first-run choice 登记到服务总站 (app/ui/station/enrol_first.py).

Server address, one-time code, an optional CA file, and the --insecure-http checkbox with
its red warning (shown only for plain http:// to another machine).  `submit()` enrols in the
background (app.hqdesk.enrolment: whatever the code is for); the outcome comes back as
`enrolled(Enrolment)` (this profile is the station's), `profile_ready(name)` (an HQ desk
user's code made or renewed the HQ profile `name`, already the active one; or a station's code
entered in an HQ profile went to a profile of its own), or as the SyncError's Chinese message
under the fields, the input kept for a second try.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.hqdesk.enrolment import HqEnrolment, Outcome, StationElsewhere, enroll_any
from app.models.database import Database
from app.sync.client import SyncError, plain_http_over_network
from app.sync.enrolment import Enrolment
from app.ui import theme
from app.ui.operations import OpContext, run_in_background
from app.ui.service_messages import shown_message
from app.ui.sync.auto_sync import HttpFactory
from app.ui.widgets.dialog_fit import grow_to_content
from app.ui.widgets.prompts import inform


class EnrolForm(QWidget):
    enrolled = Signal(object)  # Enrolment
    profile_ready = Signal(str)  # another profile to open: an HQ profile, or a station's own
    busy_changed = Signal(bool)  # True while the enrolment request runs

    def __init__(self, db: Database, http_factory: HttpFactory = lambda: None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._http_factory = db, http_factory
        self.result_enrolment: Enrolment | None = None
        self.result_profile: HqEnrolment | StationElsewhere | None = None
        self.busy = False
        self.server = QLineEdit()
        self.server.setPlaceholderText("https://hq.example.gov.cn")
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("登记码"))
        self.ca_file = QLineEdit()
        self.ca_file.setPlaceholderText(self.tr("可选：服务总站证书不是系统信任的证书时才需要"))
        self.ca_file.setToolTip(self.tr("服务总站发放的证书颁发机构(CA)文件（.pem 或 .crt），登记时复制到本档案的文件夹。"))
        self.ca_button = QPushButton(self.tr("选择…"))
        self.ca_button.clicked.connect(self._choose_ca_file)
        ca_row = QHBoxLayout()
        ca_row.setContentsMargins(0, 0, 0, 0)
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(self.ca_button)
        # shown only for plain http:// to another machine: the client refuses it unless ticked
        self.insecure_http = QCheckBox(
            self.tr("仍然使用不加密的 http:// 连接（令牌和数据以明文传输，仅限受控的测试网络）")
        )
        self.insecure_http.setStyleSheet(f"color: {theme.ERROR};")
        self.insecure_http.hide()
        self.server.textChanged.connect(self._server_changed)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {theme.ERROR};")
        self.error_label.hide()

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("服务器网址"), self.server)
        form.addRow(self.tr("登记码"), self.code)
        form.addRow(self.tr("CA 文件"), ca_row)
        form.addRow("", self.insecure_http)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.error_label)

    def _server_changed(self, text: str) -> None:
        plain = plain_http_over_network(text)
        self.insecure_http.setVisible(plain)
        if not plain:
            self.insecure_http.setChecked(False)

    def _choose_ca_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("选择服务总站的证书颁发机构(CA)文件"), "", self.tr("证书 (*.pem *.crt *.cer);;所有文件 (*)")
        )
        if path:
            self.ca_file.setText(path)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busy_changed.emit(busy)

    def fail(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        grow_to_content(self.window())  # taller, rather than squeezing the input boxes
        self._set_busy(False)

    def submit(self) -> None:
        """Check the input, then enrol in the background (a no-op while one runs)."""
        if self.busy:
            return
        server, code, ca = self.server.text().strip(), self.code.text().strip(), self.ca_file.text().strip()
        if not server.startswith(("http://", "https://")):
            self.fail(self.tr("服务器网址：请填写以 https:// 或 http:// 开头的网址，例如 https://hq.example.gov.cn。"))
            self.server.setFocus()
            return
        if not code:
            self.fail(self.tr("登记码：请填写服务总站发放的一次性登记码。"))
            self.code.setFocus()
            return
        self._set_busy(True)
        self.error_label.hide()
        db, http, insecure = self._db, self._http_factory(), self.insecure_http.isChecked()
        ca_file = Path(ca) if ca else None

        profile = db.path.parent.name  # the profile's folder (app.paths.database_file)

        def work(_ctx: OpContext) -> Outcome:
            return enroll_any(db, profile, server, code, http=http, ca_file=ca_file, insecure_http=insecure)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, SyncError):
                self.fail(shown_message(exc))
            else:
                self.fail(self.tr("登记未能完成：%1").replace("%1", str(exc) or type(exc).__name__))

        # serial: enrolment rewrites the station id in every table in one transaction.  Not
        # cancellable: it is one request (with the client's timeout) and then that transaction.
        run_in_background(
            self,
            work,
            on_success=self._done,
            on_failure=failed,
            serial=True,
            cancellable=False,
            title=self.tr("正在登记到服务总站…"),
        )

    def _done(self, outcome: Outcome) -> None:
        self._set_busy(False)
        if isinstance(outcome, Enrolment):
            self.result_enrolment = outcome
        else:
            self.result_profile = outcome
        persisted = outcome.enrolment.persisted if isinstance(outcome, StationElsewhere) else outcome.persisted
        if not persisted:
            inform(
                self,
                self.tr("令牌只保存到程序关闭"),
                self.tr(
                    "本机没有安全的凭据存储（如 Windows 凭据管理器或 GNOME 密钥环），同步令牌只保存到程序关闭为止；"
                    "下次启动后需要向服务总站索取新的登记码重新登记。"
                ),
            )
        if isinstance(outcome, HqEnrolment):
            inform(self, self.tr("已登记为服务总站用户"),
                   self.tr("已登记为服务总站用户：%1（%2）。本机将以服务总站模式打开，只显示服务总站的页面。"
                           "服务总站档案为“%3”。").replace("%1", outcome.user).replace("%2", outcome.role_label)
                   .replace("%3", outcome.profile))
            self.profile_ready.emit(outcome.profile)
        elif isinstance(outcome, StationElsewhere):
            inform(self, self.tr("已登记服务站"),
                   self.tr("这是服务站的登记码。服务总站档案保持不变，服务站已登记到新档案“%1”，现在打开它。")
                   .replace("%1", outcome.profile))
            self.profile_ready.emit(outcome.profile)
        else:
            self.enrolled.emit(outcome)
