"""设置 → 服务类别…: the station's own list of service categories (add, rename, order,
retire), while it is not enrolled with HQ; once enrolled HQ's list is shown read-only.

Keys: Ctrl+N new, F2 rename, Ctrl+↑/↓ move, Delete retire, Enter saves, Esc cancels.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import UserError
from app.domain.periods import china_today
from app.models.database import Database
from app.services import pick_lists
from app.services.actor import Actor
from app.services.pick_lists import SERVICE_CATEGORY, PickItem
from app.ui import theme
from app.ui.db_operations import read_in_background, write_in_background
from app.ui.item_models.pick_list_model import LABEL, PickListModel
from app.ui.records.form_fields import RecordFields
from app.ui.service_messages import shown_message
from app.ui.widgets.dialog_fit import fit_size
from app.ui.widgets.error_dialog import show_error
from app.ui.widgets.form_dialog import error_label
from app.ui.widgets.pick_lists import load_pick_lists


def _read(session: Any) -> tuple[bool, list[PickItem]]:
    return pick_lists.editable(session), pick_lists.items(session, SERVICE_CATEGORY, include_inactive=True)


class CategoryEditor(QDialog):
    loaded = Signal()
    saved = Signal(object)  # list[PickItem], after the save committed

    def __init__(self, db: Database, parent: QWidget | None = None, *, actor: Actor | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._actor = actor or Actor(self.tr("工作台"))
        self.setWindowTitle(self.tr("服务类别"))
        self.intro = QLabel(self.tr("登记服务记录和需求时可选的服务类别。停用的类别不能再选，但旧记录仍按原名称显示。"))
        self.intro.setWordWrap(True)
        self.model = PickListModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.DoubleClicked)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(LABEL, QHeaderView.ResizeMode.Stretch)
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.setColumnWidth(1, 180)
        self.empty_label = QLabel(self.tr("列表是空的：按 Ctrl+N 新增一个类别。"))
        self.empty_label.setStyleSheet(f"color: {theme.TEXT_MUTED};")
        self.empty_label.hide()

        self.add_button = QPushButton(self.tr("新增 (Ctrl+N)"))
        self.rename_button = QPushButton(self.tr("重命名 (F2)"))
        self.up_button = QPushButton(self.tr("上移 (Ctrl+↑)"))
        self.down_button = QPushButton(self.tr("下移 (Ctrl+↓)"))
        self.active_button = QPushButton(self.tr("停用 (Delete)"))
        self.add_button.clicked.connect(self.add_item)
        self.rename_button.clicked.connect(self.rename_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.active_button.clicked.connect(self.toggle_current)
        side = QVBoxLayout()
        for button in (self.add_button, self.rename_button, self.up_button, self.down_button, self.active_button):
            button.setAutoDefault(False)  # Enter belongs to 保存
            side.addWidget(button)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.view, 1)
        body.addLayout(side)

        self.error_label = error_label()
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(body, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        fit_size(self, 560, 460)  # no larger than a 1024×600 screen allows

        for keys, slot, what in ((QKeySequence.StandardKey.New, self.add_item, self.tr("新增类别")),
                                 (Qt.Key.Key_Delete, self.retire_current, self.tr("停用选中的类别")),
                                 (Qt.Modifier.CTRL | Qt.Key.Key_Up, lambda: self.move_current(-1), self.tr("上移")),
                                 (Qt.Modifier.CTRL | Qt.Key.Key_Down, lambda: self.move_current(1), self.tr("下移"))):
            QShortcut(QKeySequence(keys), self, activated=slot).setWhatsThis(what)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self._set_enabled(False)
        read_in_background(self, self._db, _read, on_success=self._loaded)

    # -- loading ----------------------------------------------------------------------
    def _loaded(self, found: tuple[bool, list[PickItem]]) -> None:
        editable, items = found
        self.model.set_items(items, editable=editable)
        if not editable:
            self.intro.setText(self.tr("本站已登记到服务总站同步：服务类别由服务总站统一发布，这里只能查看。"
                                       "如需增加或调整类别，请联系服务总站；服务总站发布后，下次同步即生效。"))
            self.save_button.hide()
            self.cancel_button.setText(self.tr("关闭"))
        self._set_enabled(editable)
        self._select(0)
        self.view.setFocus()
        self.loaded.emit()

    def _set_enabled(self, editable: bool) -> None:
        for button in (self.add_button, self.rename_button, self.up_button, self.down_button, self.active_button,
                       self.save_button):
            button.setEnabled(editable)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.empty_label.setVisible(self.model.rowCount() == 0)
        row = self.current_row()
        if 0 <= row < len(self.model.rows):
            active = self.model.rows[row].active
            self.active_button.setText(self.tr("停用 (Delete)") if active else self.tr("启用"))

    # -- editing ----------------------------------------------------------------------
    def current_row(self) -> int:
        return self.view.currentIndex().row()

    def _select(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.view.selectionModel().setCurrentIndex(
                self.model.index(row, LABEL),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._update_buttons()

    def add_item(self) -> None:
        if not self.model.editable:
            return
        row = self.model.add(self.tr("新类别"))
        self._select(row)
        self.view.edit(self.model.index(row, LABEL))

    def rename_current(self) -> None:
        if self.model.editable and self.current_row() >= 0:
            self.view.edit(self.model.index(self.current_row(), LABEL))

    def move_current(self, delta: int) -> None:
        if self.model.editable and self.current_row() >= 0:
            self._select(self.model.move(self.current_row(), delta))

    def retire_current(self) -> None:
        row = self.current_row()
        if self.model.editable and row >= 0:
            self.model.set_active(row, False)
            self._update_buttons()

    def toggle_current(self) -> None:
        row = self.current_row()
        if self.model.editable and row >= 0:
            self.model.set_active(row, not self.model.rows[row].active)
            self._update_buttons()

    # -- saving -----------------------------------------------------------------------
    def save(self) -> None:
        if not self.model.editable:
            self.reject()
            return
        if self.view.state() == QAbstractItemView.State.EditingState:
            return  # Enter in the name box only finishes that name (the delegate commits it); Enter again saves
        items, actor = self.model.edit_items(), self._actor
        self.save_button.setEnabled(False)
        write_in_background(self, self._db, lambda s: pick_lists.save_local_list(s, SERVICE_CATEGORY, items, actor),
                            title=self.tr("保存服务类别"), on_success=self._saved, on_failure=self._failed)

    def _saved(self, items: list[PickItem]) -> None:
        refresh_open_forms(self._db)
        self.saved.emit(items)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if not isinstance(exc, UserError):
            show_error(self, self.tr("服务类别没有保存，请重试。"), repr(exc))
            return
        self.error_label.setText(shown_message(exc))
        self.error_label.show()
        field = exc.field or ""
        if field.startswith("items[") and field.endswith("]") and field[6:-1].isdigit():
            self._select(int(field[6:-1]))
        self.view.setFocus()


def refresh_open_forms(db: Database) -> None:
    """Open record forms (and the pages listening to them) take the new list now, not
    at the next start.  Found through the widget tree so the forms need no hook."""
    for widget in QApplication.allWidgets():
        if isinstance(widget, RecordFields) and shiboken6.isValid(widget):
            form = widget

            def take(lists: object, form: RecordFields = form) -> None:
                form.set_pick_lists(lists)  # type: ignore[arg-type]
                loaded = getattr(form, "pick_lists_loaded", None)
                if loaded is not None:
                    loaded.emit()

            load_pick_lists(form, db, china_today(), take)


def edit_categories(db: Database, parent: QWidget | None = None) -> None:
    """设置 → 服务类别…: the editor, modal to the main window."""
    dialog = CategoryEditor(db, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
