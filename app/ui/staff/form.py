"""New or edit a staff member: name, phone, role, full-time, dates and HQ trainings."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from app.domain.catalogue import STAFF_ROLES
from app.models.database import Database
from app.services.staff import roster as staff
from app.services.staff.roster import StaffInput, StaffRow
from app.ui.catalogue_names import shown
from app.ui.widgets.form_dialog import FormDialog, Work


class StaffForm(FormDialog):
    def __init__(self, db: Database, row: StaffRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(db, self.tr("编辑人员") if row else self.tr("新增人员"), parent)
        self.row = row
        self.name, self.phone = QLineEdit(), QLineEdit()
        self.phone.setPlaceholderText(self.tr("手机或座机，如 020-38881380"))
        self.role = QComboBox()
        for code, label in STAFF_ROLES.items():
            self.role.addItem(shown(label), code)
        self.role.setCurrentIndex(self.role.findData("staff"))
        self.full_time = QCheckBox(self.tr("专职（按规范至少 2 名专职人员）"))
        self.full_time.setChecked(True)
        self.start_date, self.end_date = QLineEdit(), QLineEdit()
        self.start_date.setPlaceholderText(self.tr("例如 2026-03-01"))
        self.end_date.setPlaceholderText(self.tr("在岗请留空"))
        self.trainings = self.text_box(4, self.tr("每行一次培训，例如：2026-03-05 政策解读专题培训"))
        for field, label, widget in (("name", self.tr("姓名 *"), self.name), ("phone", self.tr("联系电话"), self.phone),
                                     ("role", self.tr("岗位"), self.role), ("full_time", self.tr("专职/兼职"), self.full_time),
                                     ("start_date", self.tr("到岗日期"), self.start_date),
                                     ("end_date", self.tr("离岗日期"), self.end_date),
                                     ("trainings", self.tr("参加服务总站培训"), self.trainings)):
            self.add_row(field, label, widget)
        if row is not None:
            self.name.setText(row.name)
            self.phone.setText(row.phone)
            self.role.setCurrentIndex(max(0, self.role.findData(row.role)))
            self.full_time.setChecked(row.full_time)
            self.start_date.setText(row.start_date.isoformat() if row.start_date else "")
            self.end_date.setText(row.end_date.isoformat() if row.end_date else "")
            self.trainings.setPlainText(row.trainings)
        self.name.setFocus()

    def work(self) -> Work:
        data = StaffInput(
            self.name.text(),
            self.phone.text(),
            self.role.currentData() or "staff",
            self.full_time.isChecked(),
            self.day(self.start_date.text(), self.tr("到岗日期"), "start_date"),
            self.day(self.end_date.text(), self.tr("离岗日期"), "end_date"),
            self.trainings.toPlainText(),
        )
        row = self.row
        if row is None:
            return lambda session: staff.create(session, data)
        return lambda session: staff.update(session, row.id, data, row.version)
