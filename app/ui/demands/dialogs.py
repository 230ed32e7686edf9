"""服务需求 dialogs: a new demand, and one step along the loop (with its note, the assignee
for 分派, the satisfaction for 回访).  Each is a FormDialog: it saves itself (saved(DemandSummary))
and shows errors inside the dialog."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from app.domain.catalogue import DEMAND_STATUSES
from app.domain.errors import ValidationError
from app.models.database import Database
from app.services.actor import Actor
from app.services.demands import edits as demand_edits
from app.services.demands import loop as demand_loop
from app.services.demands.listing import DemandRow
from app.services.demands.shapes import ASSIGNEE_KINDS, DEFAULT_DUE_DAYS, Assignee, DemandInput
from app.ui.catalogue_names import shown
from app.ui.enterprises.picker import EnterprisePicker
from app.ui.records.form_fields import parse_day
from app.ui.widgets.form_dialog import FormDialog, Work
from app.ui.widgets.pick_lists import PickLists


class NewDemandDialog(FormDialog):
    def __init__(self, db: Database, lists: PickLists, actor: Actor, parent: QWidget | None = None,
                 *, today: date | None = None) -> None:
        super().__init__(db, self.tr("新建服务需求"), parent, min_width=460)
        self._actor, self._today = actor, today
        self.picker = EnterprisePicker(db)
        self.title_edit = QLineEdit()
        self.category = QComboBox()
        for code, label in lists.categories.items():
            self.category.addItem(shown(label), code)
        self.description = self.text_box(3, self.tr("企业的具体诉求"))
        self.due_on = QLineEdit()
        self.due_on.setPlaceholderText(self.tr("留空则为受理后%1天").replace("%1", str(DEFAULT_DUE_DAYS)))
        for label, widget in [(self.tr("企业"), self.picker), (self.tr("需求标题"), self.title_edit),
                              (self.tr("服务类别"), self.category), (self.tr("需求描述"), self.description),
                              (self.tr("办结期限"), self.due_on)]:
            self.form.addRow(label, widget)

    def work(self) -> Work:
        if self.picker.enterprise_id is None:
            raise ValidationError(self.tr("企业：请输入企业名称，并从列表中选择一家企业。"), "enterprise_id")
        due = parse_day(self.due_on.text(), self.tr("办结期限：请按“2026-07-01”的格式填写，或留空。"), "due_on")
        data = DemandInput(self.title_edit.text(), self.category.currentData() or "", self.picker.enterprise_id,
                           self.description.toPlainText(), due_on=due)
        actor, today = self._actor, self._today
        return lambda session: demand_edits.create(session, data, actor, today=today)


class TransitionDialog(FormDialog):
    def __init__(self, db: Database, row: DemandRow, to_status: str, lists: PickLists, actor: Actor,
                 parent: QWidget | None = None) -> None:
        label = shown(DEMAND_STATUSES[to_status])
        super().__init__(db, self.tr("%1：%2").replace("%1", label).replace("%2", row.title), parent,
                         ok_text=label, min_width=460)
        self._row, self.to_status, self._actor, self._lists = row, to_status, actor, lists
        self.form.addRow(QLabel(self.tr("“%1”→“%2”").replace("%1", shown(row.status_label)).replace("%2", label)))
        self.kind, self.assignee, self.satisfaction = QComboBox(), QComboBox(), QSpinBox()
        if to_status == "dispatched":
            for kind, kind_label in ASSIGNEE_KINDS.items():
                self.kind.addItem(shown(kind_label), kind)
            self.kind.currentIndexChanged.connect(self._kind_changed)
            self._kind_changed()
            self.form.addRow(self.tr("承办方类型"), self.kind)
            self.form.addRow(self.tr("承办方"), self.assignee)
        if to_status == "followed_up":
            self.satisfaction.setRange(1, 5)
            self.satisfaction.setValue(5)
            self.form.addRow(self.tr("满意度（1–5）"), self.satisfaction)
        self.note = self.text_box(3, self.tr("说明这一步做了什么（可留空）"))
        self.form.addRow(self.tr("备注"), self.note)

    def _kind_changed(self) -> None:
        choices = {"staff": self._lists.staff, "institution": self._lists.institutions, "expert": self._lists.experts}
        self.assignee.clear()
        for choice in choices[self.kind.currentData()]:
            self.assignee.addItem(choice.label, str(choice.id))

    def work(self) -> Work:
        row, to_status, actor, note = self._row, self.to_status, self._actor, self.note.toPlainText()
        assignee = None
        if to_status == "dispatched" and self.assignee.currentData():
            assignee = Assignee(self.kind.currentData(), uuid.UUID(self.assignee.currentData()))
        satisfaction = self.satisfaction.value() if to_status == "followed_up" else None
        return lambda session: demand_loop.transition(session, row.id, to_status, actor, note, assignee=assignee,
                                                  satisfaction=satisfaction, seen_status=row.status)
