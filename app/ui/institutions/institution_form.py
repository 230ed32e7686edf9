"""New or edit a resident institution, and one line of its 服务清单."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from app.domain.catalogue import ENTERPRISE_STAGES, FEE_TYPES, INSTITUTION_STATUSES
from app.models.database import Database
from app.services.institutions import resident as institutions
from app.services.institutions.resident import CatalogueInput, CatalogueRow, InstitutionInput, InstitutionRow
from app.ui.catalogue_names import shown
from app.ui.widgets.form_dialog import FormDialog, Work
from app.ui.widgets.pick_lists import fill_combo, select_data


def category_combo(categories: dict[str, str], current: str | None, current_label: str = "") -> QComboBox:
    """The service categories on offer, plus the row's own (perhaps retired) category."""
    combo = QComboBox()
    items = [(label, code) for code, label in categories.items()]
    if current and current not in categories:
        items.append((current_label or current, current))
    fill_combo(combo, items, keep=False)
    combo.setPlaceholderText(QCoreApplication.translate("InstitutionForm", "请选择"))
    select_data(combo, current)
    return combo


class InstitutionForm(FormDialog):
    def __init__(self, db: Database, categories: dict[str, str], row: InstitutionRow | None = None,
                 parent: QWidget | None = None, *, editor_id: uuid.UUID | None = None) -> None:
        super().__init__(db, self.tr("编辑入驻机构") if row else self.tr("新增入驻机构"), parent)
        self.row, self._editor = row, editor_id
        self.name, self.contact, self.phone = QLineEdit(), QLineEdit(), QLineEdit()
        self.category = category_combo(categories, row.category if row else None, row.category_label if row else "")
        self.status = QComboBox()
        for code, label in INSTITUTION_STATUSES.items():
            self.status.addItem(shown(label), code)
        self.entered_on, self.exited_on = QLineEdit(), QLineEdit()
        self.entered_on.setPlaceholderText(self.tr("例如 2025-03-01"))
        self.exited_on.setPlaceholderText(self.tr("仅“已退出”时填写"))
        self.exit_reason = self.text_box(2, self.tr("已退出时必填，例如：满意度连续两个季度低于80%"))
        for field, label, widget in (("name", self.tr("机构名称 *"), self.name), ("category", self.tr("服务类别 *"), self.category),
                                     ("contact_name", self.tr("联系人"), self.contact), ("phone", self.tr("联系电话"), self.phone),
                                     ("entered_on", self.tr("入驻日期"), self.entered_on), ("status", self.tr("状态"), self.status),
                                     ("exited_on", self.tr("退出日期"), self.exited_on),
                                     ("exit_reason", self.tr("退出原因"), self.exit_reason)):
            self.add_row(field, label, widget)
        self.status.currentIndexChanged.connect(self._status_changed)
        if row is not None:
            self.name.setText(row.name)
            self.contact.setText(row.contact_name)
            self.phone.setText(row.phone)
            self.entered_on.setText(row.entered_on.isoformat() if row.entered_on else "")
            self.exited_on.setText(row.exited_on.isoformat() if row.exited_on else "")
            self.exit_reason.setPlainText(row.exit_reason)
            select_data(self.status, row.status)
        self._status_changed()

    def _status_changed(self) -> None:
        exited = self.status.currentData() == "exited"
        self.exited_on.setEnabled(exited)
        self.exit_reason.setEnabled(exited)

    def work(self) -> Work:
        exited = self.status.currentData() == "exited"
        data = InstitutionInput(
            self.name.text(), self.category.currentData() or "", self.contact.text(), self.phone.text(),
            self.day(self.entered_on.text(), self.tr("入驻日期"), "entered_on"),
            self.day(self.exited_on.text(), self.tr("退出日期"), "exited_on") if exited else None,
            self.status.currentData() or "active", self.exit_reason.toPlainText() if exited else "",
        )
        row, editor = self.row, self._editor
        if row is None:
            return lambda session: institutions.create_institution(session, data, editor)
        return lambda session: institutions.update_institution(session, row.id, data, row.version, editor)


class CatalogueForm(FormDialog):
    def __init__(self, db: Database, categories: dict[str, str], institution: InstitutionRow,
                 row: CatalogueRow | None = None, parent: QWidget | None = None,
                 *, editor_id: uuid.UUID | None = None) -> None:
        title = self.tr("编辑服务项目：%1") if row else self.tr("新增服务项目：%1")
        super().__init__(db, title.replace("%1", institution.name), parent)
        self.institution, self.row, self._editor = institution, row, editor_id
        self.title = QLineEdit()
        self.stage, self.fee_type = QComboBox(), QComboBox()
        for code, label in ENTERPRISE_STAGES.items():
            self.stage.addItem(shown(label), code)
        for code, label in FEE_TYPES.items():
            self.fee_type.addItem(shown(label), code)
        self.category = category_combo(categories, row.category if row else institution.category,
                                       row.category_label if row else institution.category_label)
        self.description = self.text_box(3, self.tr("服务内容、办理方式、收费标准"))
        for field, label, widget in (("title", self.tr("服务项目 *"), self.title), ("stage", self.tr("企业发展阶段"), self.stage),
                                     ("category", self.tr("服务类别"), self.category), ("fee_type", self.tr("收费方式"), self.fee_type),
                                     ("description", self.tr("服务内容"), self.description)):
            self.add_row(field, label, widget)
        if row is not None:
            self.title.setText(row.title)
            select_data(self.stage, row.stage)
            select_data(self.fee_type, row.fee_type)
            self.description.setPlainText(row.description)

    def work(self) -> Work:
        data = CatalogueInput(self.institution.id, self.title.text(), self.stage.currentData() or "",
                              self.category.currentData() or "", self.fee_type.currentData() or "",
                              self.description.toPlainText())
        row, editor = self.row, self._editor
        if row is None:
            return lambda session: institutions.add_entry(session, data, editor)
        return lambda session: institutions.update_entry(session, row.id, data, row.version, editor)
