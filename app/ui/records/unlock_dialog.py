"""站长解锁: open a locked month for corrections — a manager and a reason, both logged."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import UserError
from app.models.database import Database
from app.services.records import period_locks
from app.services.records.period_locks import UnlockEntry
from app.services.references import Choice
from app.ui.db_operations import write_in_background
from app.ui.service_messages import shown_message
from app.ui.widgets.error_dialog import show_error
from app.ui.widgets.form_dialog import error_label


class UnlockDialog(QDialog):
    unlocked = Signal()

    def __init__(self, db: Database, period: str, staff: list[Choice], parent: QWidget | None = None,
                 *, today: date | None = None) -> None:
        super().__init__(parent)
        self._db, self.period, self._today = db, period, today
        self.setWindowTitle(self.tr("解锁期间"))
        label = period_locks.period_label(period)
        intro = QLabel(
            self.tr("%1已锁定。解锁后，这个月的服务记录和需求可以修改，直到重新锁定；解锁人和原因会记入日志。")
            .replace("%1", label)
        )
        intro.setWordWrap(True)
        self.manager = QComboBox()
        for choice in staff:
            self.manager.addItem(choice.label, str(choice.id))
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("例如：企业提供了新的材料，更正服务时长"))
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(self.reason.fontMetrics().lineSpacing() * 3 + 14)
        self.error_label = error_label()
        form = QFormLayout()
        form.addRow(self.tr("站长/负责人"), self.manager)
        form.addRow(self.tr("解锁原因"), self.reason)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(self.tr("解锁"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)
        self.reason.setFocus()

    def submit(self) -> None:
        data = self.manager.currentData()
        manager_id = uuid.UUID(data) if data else None
        reason, period, today = self.reason.toPlainText(), self.period, self._today

        def write(session: Any) -> UnlockEntry:
            return period_locks.unlock(session, period, manager_id, reason, today=today)  # type: ignore[arg-type]

        self.ok_button.setEnabled(False)
        write_in_background(self, self._db, write, title=self.tr("解锁期间"), on_success=self._done,
                            on_failure=self._failed)

    def _done(self, _entry: UnlockEntry) -> None:
        self.accept()
        self.unlocked.emit()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if not isinstance(exc, UserError):
            show_error(self, self.tr("解锁失败，请重试。"), repr(exc))
            return
        self.error_label.setText(shown_message(exc))
        self.error_label.show()
        (self.manager if exc.field == "manager_staff_id" else self.reason).setFocus()
