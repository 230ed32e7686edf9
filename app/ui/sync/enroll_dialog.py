"""登记到服务总站: server address + one-time enrolment code → this profile's link to HQ.

The fields and the enrolment itself are app/ui/sync/enrol_form.py's, shared with the
first-run choice 登记到服务总站."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app.models.database import Database
from app.sync.enrolment import Enrolment
from app.ui.sync.auto_sync import HttpFactory
from app.ui.sync.enrol_form import EnrolForm


class EnrollDialog(QDialog):
    enrolled = Signal(object)  # Enrolment
    profile_ready = Signal(str)  # an HQ desk user's code made the HQ profile to open instead

    def __init__(
        self,
        db: Database,
        http_factory: HttpFactory = lambda: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("登记到服务总站"))
        self.setMinimumWidth(460)
        intro = QLabel(
            self.tr(
                "请填写服务总站提供的同步服务器网址和一次性登记码（7 天内有效，只能使用一次）。"
            )
        )
        intro.setWordWrap(True)
        self.form = EnrolForm(db, http_factory, self)
        # the form's widgets under the names the 同步 page's tests use
        self.server, self.code, self.error_label = self.form.server, self.form.code, self.form.error_label
        self.insecure_http = self.form.insecure_http
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("登记"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("取消")
        )
        self.buttons.accepted.connect(self.form.submit)
        self.buttons.rejected.connect(self.reject)
        self.form.busy_changed.connect(self.ok_button.setDisabled)
        self.form.enrolled.connect(self._done)
        self.form.profile_ready.connect(lambda name: (self.accept(), self.profile_ready.emit(name)))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)

    @property
    def result_enrolment(self) -> Enrolment | None:
        return self.form.result_enrolment

    def _done(self, enrolment: Enrolment) -> None:
        self.enrolled.emit(enrolment)
        self.accept()
