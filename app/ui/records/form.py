"""服务记录 quick entry, built for the front desk's keyboard: Enter saves (Ctrl+Enter inside
the two text boxes), Esc clears, and after a save the cursor is back in the enterprise field."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from app.domain.errors import UserError, ValidationError
from app.domain.periods import china_today
from app.models.database import Database
from app.services.actor import Actor
from app.services.records import entry as record_entry
from app.services.records.period_locks import PeriodLockedError, resolve_lock_days
from app.services.records.stored import RecordSummary
from app.services.records.validation import RecordInput, validate_record
from app.ui.db_operations import read_in_background, write_in_background
from app.ui.records.form_fields import RecordFields
from app.ui.records.unlock_dialog import UnlockDialog
from app.ui.widgets.error_dialog import show_error
from app.ui.widgets.pick_lists import PickLists, load_pick_lists
from app.ui.widgets.prompts import confirm

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class RecordForm(RecordFields):
    record_saved = Signal(object)  # RecordSummary
    prefilled = Signal(bool)  # after a pick: whether a previous record filled the form
    pick_lists_loaded = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None, *,
                 today: Callable[[], date] = china_today, lock_days: int | None = None) -> None:
        super().__init__(db, parent)
        self._db, self._today, self._lock_days = db, today, lock_days
        self.editing: RecordSummary | None = None
        self._busy = False
        self.unlock_dialog: UnlockDialog | None = None
        for widget in self.inputs():
            widget.installEventFilter(self)
        self.save_button.clicked.connect(self.save)
        self.clear_button.clicked.connect(self.cancel)
        self.picker.enterprise_picked.connect(self._picked)
        self.clear()
        load_pick_lists(self, db, today(), self._pick_lists_arrived)

    def _pick_lists_arrived(self, lists: PickLists) -> None:
        self.set_pick_lists(lists)
        self.pick_lists_loaded.emit()

    # -- keys -----------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if watched is self.picker and self.picker.popup_visible():
            return False  # the list is open: ↑↓ Enter Esc belong to it
        if event.key() in _ENTER:
            ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            if isinstance(watched, QPlainTextEdit) and not ctrl:
                return False  # a new line
            self.save()
            return True
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            return True
        return False

    # -- filling --------------------------------------------------------------------
    def clear(self) -> None:
        self.editing = None
        self.heading.setText(self.tr("登记服务记录"))
        self.clear_errors()
        self.reset_fields(self._today())

    def cancel(self) -> None:
        """Esc: drop what was typed (or the edit) and wait for the next visitor."""
        had_edit = self.editing is not None
        self.clear()
        self.status_label.setText(self.tr("已取消修改。") if had_edit else "")
        self.picker.setFocus()

    def load_record(self, record_id: uuid.UUID, enterprise_name: str) -> None:
        """Open a saved record for editing in this form."""
        read_in_background(self, self._db, lambda s: record_entry.get(s, record_id),
                           on_success=lambda s: self._edit(s, enterprise_name))

    def _edit(self, summary: RecordSummary, enterprise_name: str) -> None:
        self.clear()
        self.editing = summary
        self.heading.setText(self.tr("修改服务记录：%1").replace("%1", enterprise_name))
        self.picker.set_enterprise(summary.enterprise_id, enterprise_name)
        self.fill(summary.to_input(), full=True)
        self.status_label.setText(self.tr("修改后按 Enter 保存，按 Esc 放弃修改。"))
        self.category.setFocus()

    def _picked(self, enterprise_id: uuid.UUID, _name: str) -> None:
        self.category.setFocus()
        if self.editing is not None:
            return
        today = self._today()
        read_in_background(self, self._db, lambda s: record_entry.last_record_for(s, enterprise_id, today=today),
                           on_success=lambda data: self._prefill(enterprise_id, data))

    def _prefill(self, enterprise_id: uuid.UUID, data: RecordInput | None) -> None:
        if data is not None and self.picker.enterprise_id == enterprise_id and self.editing is None:
            self.fill(data, full=False)
            self.status_label.setText(self.tr("已按这家企业上次的服务预先填写，请核对。"))
            if self.category.hasFocus():
                self.summary.setFocus()  # a returning visitor: usually only the content differs
        self.prefilled.emit(data is not None)

    # -- saving ---------------------------------------------------------------------
    def save(self) -> None:
        if self._busy:
            return
        self.clear_errors()
        try:
            data = self.collect()
        except UserError as exc:
            self.show_field_error(exc)
            return
        staff_id = data.staff_id
        actor = Actor(self.pick_lists.staff_name(staff_id) or self.tr("工作台"), staff_id)
        editing, today, lock_days = self.editing, self._today(), self._lock_days
        name, category = self.picker.text(), self.category.currentText()
        empty_summary = self.tr("服务内容：请写明咨询了什么、提供了哪些服务，再保存。")

        def write(session: Any) -> RecordSummary:
            if not data.summary.strip() and (editing is None or editing.summary.strip()):
                # The service's own refusals come first (they name the field to fix); then an
                # empty 服务内容, which Ctrl+Enter from the text box would otherwise file silently.
                # (An imported record that never had one can still be corrected.)
                validate_record(session, data, actor, today, resolve_lock_days(lock_days))
                raise ValidationError(empty_summary, "summary")
            if editing is None:
                return record_entry.create(session, data, actor, today=today, lock_days=lock_days)
            return record_entry.update(session, editing.id, data, actor, editing.version,
                                          today=today, lock_days=lock_days)

        self._busy = True
        write_in_background(self, self._db, write, title=self.tr("保存服务记录"),
                            on_success=lambda s: self._saved(s, name, category, editing is not None),
                            on_failure=self._failed)

    def _saved(self, summary: RecordSummary, name: str, category: str, edited: bool) -> None:
        self._busy = False
        self.clear()
        text = self.tr("已修改：%1 · %2") if edited else self.tr("已保存：%1 · %2")
        self.status_label.setText(text.replace("%1", name).replace("%2", category))
        self.picker.setFocus()
        self.record_saved.emit(summary)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        if not isinstance(exc, UserError):
            show_error(self, self.tr("保存失败，请重试。"), repr(exc))
            return
        self.show_field_error(exc)
        if isinstance(exc, PeriodLockedError) and confirm(
            self, self.tr("期间已锁定"), exc.message + "\n\n" + self.tr("现在请站长解锁这个月吗？")
        ):
            self.open_unlock(exc.period)

    def open_unlock(self, period: str) -> None:
        dialog = self.unlock_dialog = UnlockDialog(self._db, period, self.pick_lists.staff, self, today=self._today())
        dialog.unlocked.connect(self.save)  # then save what the user typed, as asked
        dialog.open()

