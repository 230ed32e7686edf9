"""The staff roster: one row per StaffRow, former staff greyed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor

from app.domain.periods import china_today
from app.services.staff.roster import StaffRow
from app.ui import theme
from app.ui.item_models.row_list_model import ListColumn, RowListModel

translate = QCoreApplication.translate
FORMER = QColor(theme.TEXT_INACTIVE)


def staff_state(row: StaffRow, today: date) -> str:
    if row.end_date is not None and row.end_date < today:
        return translate("StaffModel", "已离岗")
    if row.start_date is not None and row.start_date > today:
        return translate("StaffModel", "未到岗")
    return translate("StaffModel", "在岗")


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def staff_columns(today: Callable[[], date]) -> list[ListColumn]:
    def trainings(row: StaffRow) -> str:
        lines = row.training_lines
        if not lines:
            return ""
        return translate("StaffModel", "%1 次：%2").replace("%1", str(len(lines))).replace("%2", lines[-1])

    return [
        ListColumn(translate("StaffModel", "姓名"), lambda r: r.name),
        ListColumn(translate("StaffModel", "岗位"), lambda r: r.role_label),
        ListColumn(translate("StaffModel", "专职/兼职"),
                   lambda r: translate("StaffModel", "专职") if r.full_time else translate("StaffModel", "兼职")),
        ListColumn(translate("StaffModel", "状态"), lambda r: staff_state(r, today())),
        ListColumn(translate("StaffModel", "联系电话"), lambda r: r.phone),
        ListColumn(translate("StaffModel", "到岗日期"), lambda r: _day(r.start_date), lambda r: _day(r.start_date) or None),
        ListColumn(translate("StaffModel", "离岗日期"), lambda r: _day(r.end_date), lambda r: _day(r.end_date) or None),
        ListColumn(translate("StaffModel", "参加服务总站培训"), trainings, lambda r: len(r.training_lines),
                   tooltip=lambda r: "\n".join(r.training_lines)),
    ]


class StaffModel(RowListModel):
    def __init__(self, parent: QObject | None = None, *, today: Callable[[], date] = china_today) -> None:
        self.today = today
        super().__init__(staff_columns(today), parent)

    def row_style(self, row: StaffRow, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.end_date is not None and row.end_date < self.today():
            return FORMER
        return None
