"""服务需求 dialogs: a new demand, and one step along the loop (with its note, the assignee
for 分派, the satisfaction for 回访).  Each saves itself and shows errors inside the dialog."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)  # fmt: skip

from app.domain.catalogue import DEMAND_STATUSES
from app.models.database import Database
from app.services import demands
from app.services.demands import (
    ASSIGNEE_KINDS,
    Assignee,
    DemandInput,
    DemandRow,
    DemandSummary,
)
from app.services.errors import UserError, ValidationError
from app.services.staff_lookup import Actor
from app.ui.enterprise_picker import EnterprisePicker
from app.ui.error_dialog import show_error
from app.ui.operations import run_in_background
from app.ui.pick_lists import PickLists
from app.ui.record_form_fields import parse_day


class _ServiceDialog(QDialog):
    saved = Signal(object)  # DemandSummary

    def __init__(self, db: Database, title: str, ok_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._db = db
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.form = QFormLayout()
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c0392b;")
        self.error_label.hide()
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def note_box(self, placeholder: str) -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setPlaceholderText(placeholder)
        box.setTabChangesFocus(True)
        box.setFixedHeight(box.fontMetrics().lineSpacing() * 3 + 14)
        return box

    def submit(self) -> None:
        try:
            work = self.work()
        except UserError as exc:
            self._failed(exc)
            return
        db = self._db

        def write(_ctx: object) -> DemandSummary:
            with db.begin() as session:
                return work(session)

        self.ok_button.setEnabled(False)
        run_in_background(self, write, serial=True, show_progress=False, title=self.windowTitle(),
                          on_success=self._done, on_failure=self._failed)  # fmt: skip

    def work(self) -> Callable[[Any], DemandSummary]:
        raise NotImplementedError

    def _done(self, summary: DemandSummary) -> None:
        self.accept()
        self.saved.emit(summary)

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if not isinstance(exc, UserError):
            show_error(self, self.tr("保存失败，请重试。"), repr(exc))
            return
        self.error_label.setText(exc.message)
        self.error_label.show()


class NewDemandDialog(_ServiceDialog):
    def __init__(self, db: Database, lists: PickLists, actor: Actor, parent: QWidget | None = None,
                 *, today: date | None = None) -> None:  # fmt: skip
        super().__init__(db, self.tr("新建服务需求"), self.tr("保存"), parent)
        self._actor, self._today = actor, today
        self.picker = EnterprisePicker(db)
        self.title_edit = QLineEdit()
        self.category = QComboBox()
        for code, label in lists.categories.items():
            self.category.addItem(label, code)
        self.description = self.note_box(self.tr("企业的具体诉求"))
        self.due_on = QLineEdit()
        self.due_on.setPlaceholderText(self.tr("留空则为受理后%1天").replace("%1", str(demands.DEFAULT_DUE_DAYS)))
        for label, widget in [(self.tr("企业"), self.picker), (self.tr("需求标题"), self.title_edit),
                              (self.tr("服务类别"), self.category), (self.tr("需求描述"), self.description),
                              (self.tr("办结期限"), self.due_on)]:  # fmt: skip
            self.form.addRow(label, widget)

    def work(self) -> Callable[[Any], DemandSummary]:
        if self.picker.enterprise_id is None:
            raise ValidationError(self.tr("企业：请输入企业名称，并从列表中选择一家企业。"), "enterprise_id")
        due = parse_day(self.due_on.text(), self.tr("办结期限：请按“2026-07-01”的格式填写，或留空。"), "due_on")
        data = DemandInput(self.title_edit.text(), self.category.currentData() or "", self.picker.enterprise_id,
                           self.description.toPlainText(), due_on=due)  # fmt: skip
        actor, today = self._actor, self._today
        return lambda session: demands.create(session, data, actor, today=today)


class TransitionDialog(_ServiceDialog):
    def __init__(self, db: Database, row: DemandRow, to_status: str, lists: PickLists, actor: Actor,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        label = DEMAND_STATUSES[to_status]
        super().__init__(db, self.tr("%1：%2").replace("%1", label).replace("%2", row.title), label, parent)
        self._row, self.to_status, self._actor, self._lists = row, to_status, actor, lists
        self.form.addRow(QLabel(self.tr("“%1”→“%2”").replace("%1", row.status_label).replace("%2", label)))
        self.kind, self.assignee, self.satisfaction = QComboBox(), QComboBox(), QSpinBox()
        if to_status == "dispatched":
            for kind, kind_label in ASSIGNEE_KINDS.items():
                self.kind.addItem(kind_label, kind)
            self.kind.currentIndexChanged.connect(self._kind_changed)
            self._kind_changed()
            self.form.addRow(self.tr("承办方类型"), self.kind)
            self.form.addRow(self.tr("承办方"), self.assignee)
        if to_status == "followed_up":
            self.satisfaction.setRange(1, 5)
            self.satisfaction.setValue(5)
            self.form.addRow(self.tr("满意度（1–5）"), self.satisfaction)
        self.note = self.note_box(self.tr("说明这一步做了什么（可留空）"))
        self.form.addRow(self.tr("备注"), self.note)

    def _kind_changed(self) -> None:
        choices = {"staff": self._lists.staff, "institution": self._lists.institutions, "expert": self._lists.experts}
        self.assignee.clear()
        for choice in choices[self.kind.currentData()]:
            self.assignee.addItem(choice.label, str(choice.id))

    def work(self) -> Callable[[Any], DemandSummary]:
        row, to_status, actor, note = self._row, self.to_status, self._actor, self.note.toPlainText()
        assignee = None
        if to_status == "dispatched" and self.assignee.currentData():
            assignee = Assignee(self.kind.currentData(), uuid.UUID(self.assignee.currentData()))
        satisfaction = self.satisfaction.value() if to_status == "followed_up" else None
        return lambda session: demands.transition(session, row.id, to_status, actor, note, assignee=assignee,
                                                  satisfaction=satisfaction, seen_status=row.status)  # fmt: skip
