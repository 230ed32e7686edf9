"""登记到服务总站: server address + one-time enrolment code → this profile's link to HQ."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.models.database import Database
from app.sync.client import SyncError, plain_http_over_network
from app.sync.enrolment import Enrolment, enroll
from app.ui import theme
from app.ui.operations import OpContext, run_in_background
from app.ui.sync.auto_sync import HttpFactory
from app.ui.widgets.dialog_fit import grow_to_content
from app.ui.widgets.prompts import inform


class EnrollDialog(QDialog):
    enrolled = Signal(object)  # Enrolment

    def __init__(
        self,
        db: Database,
        http_factory: HttpFactory = lambda: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db, self._http_factory = db, http_factory
        self.result_enrolment: Enrolment | None = None
        self.setWindowTitle(self.tr("登记到服务总站"))
        self.setMinimumWidth(460)
        intro = QLabel(
            self.tr(
                "请填写服务总站提供的同步服务器网址和一次性登记码（7 天内有效，只能使用一次）。"
            )
        )
        intro.setWordWrap(True)
        self.server = QLineEdit()
        self.server.setPlaceholderText("https://hq.example.gov.cn")
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("登记码"))
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {theme.ERROR};")
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(self.tr("服务器网址"), self.server)
        form.addRow(self.tr("登记码"), self.code)
        # shown only for plain http:// to another machine: the client refuses it unless ticked
        self.insecure_http = QCheckBox(self.tr("仍然使用不加密的 http:// 连接（令牌和数据以明文传输，仅限受控的测试网络）"))
        self.insecure_http.setStyleSheet(f"color: {theme.ERROR};")
        self.insecure_http.hide()
        self.server.textChanged.connect(self._server_changed)
        form.addRow("", self.insecure_http)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("登记"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("取消")
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def _server_changed(self, text: str) -> None:
        plain = plain_http_over_network(text)
        self.insecure_http.setVisible(plain)
        if not plain:
            self.insecure_http.setChecked(False)
        grow_to_content(self)

    def _fail(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        grow_to_content(self)  # taller, rather than squeezing the two input boxes
        self.ok_button.setEnabled(True)

    def submit(self) -> None:
        server, code = self.server.text().strip(), self.code.text().strip()
        if not server.startswith(("http://", "https://")):
            self._fail(self.tr("请填写以 https:// 或 http:// 开头的服务器网址。"))
            return
        if not code:
            self._fail(self.tr("请填写登记码。"))
            return
        self.ok_button.setEnabled(False)
        self.error_label.hide()
        db, http, insecure = self._db, self._http_factory(), self.insecure_http.isChecked()

        def work(_ctx: OpContext) -> Enrolment:
            return enroll(db, server, code, http=http, insecure_http=insecure)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, SyncError):
                self._fail(exc.message)
            else:
                self._fail(
                    self.tr("登记未能完成：%1").replace(
                        "%1", str(exc) or type(exc).__name__
                    )
                )

        # serial: enrolment rewrites the station id in every table in one transaction
        run_in_background(self, work, on_success=self._done, on_failure=failed, serial=True,
                          cancellable=False, title=self.tr("正在登记到服务总站…"))

    def _done(self, enrolment: Enrolment) -> None:
        self.result_enrolment = enrolment
        if not enrolment.persisted:
            inform(self, self.tr("令牌只保存到程序关闭"),
                   self.tr("本机没有安全的凭据存储（如 Windows 凭据管理器或 GNOME 密钥环），同步令牌只保存到程序关闭为止；"
                           "下次启动后需要向服务总站索取新的登记码重新登记。"))
        self.enrolled.emit(enrolment)
        self.accept()
