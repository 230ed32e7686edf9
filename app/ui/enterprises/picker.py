"""Type-to-pick an enterprise: name substring, pinyin initials, credit-code prefix or phone.

Focus never leaves the line edit: the result list is a window that does not take focus,
and ↑ ↓ Enter Esc are handled here.  That keeps typing uninterrupted and lets tests drive
it with keystrokes sent to the line edit.
"""

from __future__ import annotations

import uuid
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QWidget

from app.models.database import Database
from app.services.enterprises import search as enterprise_search
from app.services.enterprises.search import EnterpriseFilter, EnterpriseRow
from app.ui.catalogue_names import shown
from app.ui.db_operations import read_now
from app.ui.operations import run_in_background

MAX_RESULTS = 12
DEBOUNCE_MS = 120


def search(db: Database, text: str) -> list[EnterpriseRow]:
    return read_now(db, lambda session: _search(session, text))


def _search(session: Any, text: str) -> list[EnterpriseRow]:
    ids = enterprise_search.query_ids(session, EnterpriseFilter(text=text))
    return enterprise_search.fetch_rows(session, list(ids[:MAX_RESULTS]))


class EnterprisePicker(QLineEdit):
    enterprise_picked = Signal(object, str)  # id, name
    results_shown = Signal(int)  # how many matches the popup lists

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._generation = 0
        self.enterprise_id: uuid.UUID | None = None
        self.setPlaceholderText(self.tr("输入企业名称、拼音首字母、信用代码或电话"))
        self.popup = QListWidget()
        self.popup.setWindowFlags(
            Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowDoesNotAcceptFocus
        )
        self.popup.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.popup.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.popup.itemClicked.connect(self._pick_item)
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self._search)
        self.textEdited.connect(self._edited)
        self.destroyed.connect(self.popup.deleteLater)

    # -- public ---------------------------------------------------------------------
    def set_enterprise(self, enterprise_id: uuid.UUID | None, name: str = "") -> None:
        self.enterprise_id = enterprise_id
        self.setText(name)
        self.hide_popup()

    def popup_visible(self) -> bool:
        return self.popup.isVisible()

    def hide_popup(self) -> None:
        self._timer.stop()
        self._generation += 1  # a search still running must not re-open it
        self.popup.hide()

    # -- searching ------------------------------------------------------------------
    def _edited(self, text: str) -> None:
        self.enterprise_id = None  # typing over a picked name un-picks it
        if text.strip():
            self._timer.start()
        else:
            self.hide_popup()

    def _search(self) -> None:
        self._generation += 1
        generation, text, db = self._generation, self.text().strip(), self._db
        run_in_background(self, lambda _ctx: search(db, text), show_progress=False,
                          on_success=lambda rows: self._show(generation, rows))

    def _show(self, generation: int, rows: list[EnterpriseRow]) -> None:
        if generation != self._generation or not shiboken6.isValid(self.popup):
            return
        self.popup.clear()
        for row in rows:
            extra = "  ".join(x for x in (row.credit_code or "", row.contact_phone, shown(row.district or "")) if x)
            item = QListWidgetItem(f"{row.name}    {extra}" if extra else row.name)
            item.setData(Qt.ItemDataRole.UserRole, (row.id, row.name))
            self.popup.addItem(item)
        if not rows:
            self.popup.addItem(QListWidgetItem(self.tr("没有找到匹配的企业")))
            self.popup.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        self._place_popup(len(rows) or 1)
        self.results_shown.emit(len(rows))

    def _place_popup(self, count: int) -> None:
        height = self.popup.sizeHintForRow(0) * min(count, 8) + 2 * self.popup.frameWidth() + 2
        self.popup.setFixedSize(max(self.width(), 420), height)
        self.popup.move(self.mapToGlobal(QPoint(0, self.height())))
        self.popup.show()

    def _pick_item(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if data is None:
            return
        enterprise_id, name = data
        self.set_enterprise(enterprise_id, name)
        self.enterprise_picked.emit(enterprise_id, name)

    # -- keys -----------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.popup.isVisible():
            row, count = self.popup.currentRow(), self.popup.count()
            if key == Qt.Key.Key_Down:
                self.popup.setCurrentRow(min(row + 1, count - 1))
                return
            if key == Qt.Key.Key_Up:
                self.popup.setCurrentRow(max(row - 1, 0))
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                item = self.popup.item(max(row, 0))  # Enter without a choice takes the first match
                if item is not None:
                    self._pick_item(item)
                return
            if key == Qt.Key.Key_Escape:
                self.hide_popup()
                return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        # The form's Esc/Enter shortcuts must not fire while the list is open.
        keys = (Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if event.type() == QEvent.Type.ShortcutOverride and self.popup.isVisible() and isinstance(event, QKeyEvent) \
                and event.key() in keys:
            event.accept()
            return True
        return super().event(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        # Qt may take the focus away while the window is torn down, after Python's side of this
        # widget was already cleared: a full test run once raised AttributeError on `_timer`
        # here, then crashed in pytest-qt's teardown (session 9).  Nothing to hide then.
        if "_timer" in self.__dict__:
            self.hide_popup()
        super().focusOutEvent(event)
