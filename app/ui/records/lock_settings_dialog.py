"""设置 → 锁定期限…: how many days after a month ends its records become read-only.

Only a manager may change it (period_locks.set_lock_days checks the one chosen here);
the desk's own staff member (current_staff_id) is preselected when a manager.
Enter saves, Esc cancels.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QSpinBox, QWidget

from app.models.database import Database
from app.services.records import period_locks
from app.services.references import Choice
from app.ui.db_operations import read_in_background
from app.ui.widgets.form_dialog import FormDialog, Work
from app.ui.widgets.pick_lists import current_staff_id, select_data


class LockSettingsDialog(FormDialog):
    def __init__(self, db: Database, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(db, self.tr("锁定期限"), parent, min_width=460)
        self._today = today
        self.days = QSpinBox()
        self.days.setRange(period_locks.MIN_LOCK_DAYS, period_locks.MAX_LOCK_DAYS)
        self.days.setSuffix(self.tr(" 天"))
        self.days.setValue(self._configured())
        self.manager = QComboBox()
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.add_row("lock_days_after_month_end", self.tr("月末后锁定天数"), self.days)
        self.add_row("manager_staff_id", self.tr("站长/负责人"), self.manager)
        self.body.insertWidget(1, self.explanation)
        self.days.valueChanged.connect(self._explain)
        self._explain(self.days.value())
        self.ok_button.setEnabled(False)  # until the managers are loaded
        self.days.setFocus()
        self.days.selectAll()
        today = self._today
        read_in_background(self, db, lambda s: period_locks.manager_choices(s, today), title=self.windowTitle(),
                           on_success=self._fill_managers, on_failure=self._failed)

    @staticmethod
    def _configured() -> int:
        days = period_locks.configured_lock_days()
        return days if period_locks.MIN_LOCK_DAYS <= days <= period_locks.MAX_LOCK_DAYS else 10

    def _fill_managers(self, managers: list[Choice]) -> None:
        for choice in managers:
            self.manager.addItem(choice.label, str(choice.id))
        mine = current_staff_id()
        if mine is not None:
            select_data(self.manager, str(mine))
        if self.manager.currentIndex() < 0 and self.manager.count():
            self.manager.setCurrentIndex(0)
        self.ok_button.setEnabled(True)
        if not managers:
            self.error_label.setText(self.tr("本站还没有在职的站长/负责人，请先在“人员”中把站长的角色设为站长。"))
            self.error_label.show()

    def _explain(self, days: int) -> None:
        self.explanation.setText(
            self.tr("每月结束后第 %1 天起，上月的服务记录和需求只读；如需更正，由站长解锁。").replace("%1", str(days))
        )

    def work(self) -> Work:
        days, data, today = self.days.value(), self.manager.currentData(), self._today
        manager = uuid.UUID(data) if data else None

        def write(session: Any) -> int:
            return period_locks.set_lock_days(session, days, manager, today=today)  # type: ignore[arg-type]

        return write


def edit_lock_days(db: Database, parent: QWidget | None = None) -> LockSettingsDialog:
    """设置 → 锁定期限…: the dialog, modal to the main window."""
    dialog = LockSettingsDialog(db, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
