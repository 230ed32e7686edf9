"""New or edit an expert of the 服务专家库: name, organisation, title, phone and fields of expertise."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QLineEdit, QListWidget, QWidget

from app.models.database import Database
from app.services.institutions import experts
from app.services.institutions.experts import ExpertInput, ExpertRow
from app.ui.widgets.check_list import add_choices, set_ticked, ticked_values
from app.ui.widgets.form_dialog import FormDialog, Work


class ExpertForm(FormDialog):
    def __init__(self, db: Database, categories: dict[str, str], row: ExpertRow | None = None,
                 parent: QWidget | None = None, *, editor_id: uuid.UUID | None = None) -> None:
        super().__init__(db, self.tr("编辑专家") if row else self.tr("新增专家"), parent)
        self.row, self._editor = row, editor_id
        self.name, self.organisation, self.title, self.phone = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit()
        self.fields_list = QListWidget()
        chosen = set(row.fields) if row else set()
        offered = dict(categories)
        for code in chosen - offered.keys():  # a retired category the expert still has
            offered[code] = code
        add_choices(self.fields_list, offered.items(), chosen)
        self.fields_list.setFixedHeight(self.fields_list.sizeHintForRow(0) * 5 + 6)
        for field, label, widget in (("name", self.tr("专家姓名 *"), self.name),
                                     ("organisation", self.tr("所在单位"), self.organisation),
                                     ("title", self.tr("职称/职务"), self.title), ("phone", self.tr("联系电话"), self.phone),
                                     ("fields", self.tr("擅长领域 *"), self.fields_list)):
            self.add_row(field, label, widget)
        if row is not None:
            self.name.setText(row.name)
            self.organisation.setText(row.organisation)
            self.title.setText(row.title)
            self.phone.setText(row.phone)

    def set_fields(self, codes: set[str]) -> None:
        set_ticked(self.fields_list, codes)

    def chosen_fields(self) -> tuple[str, ...]:
        return ticked_values(self.fields_list)

    def work(self) -> Work:
        data = ExpertInput(self.name.text(), self.chosen_fields(), self.organisation.text(), self.title.text(),
                           self.phone.text())
        row, editor = self.row, self._editor
        if row is None:
            return lambda session: experts.create(session, data, editor)
        return lambda session: experts.update(session, row.id, data, row.version, editor)
