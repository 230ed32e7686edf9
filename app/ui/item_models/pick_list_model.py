"""The editable list behind the 服务类别 editor: names in display order, each active or
retired.  Order is the point of the list, so the view never sorts it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.services.pick_lists import EditItem, PickItem
from app.ui import theme

Index = QModelIndex | QPersistentModelIndex
LABEL, STATE = 0, 1
RETIRED_COLOUR = QColor(theme.TEXT_INACTIVE)


@dataclass
class EditRow:
    code: str | None  # None: added in this editor, the service gives it a code
    label: str
    active: bool = True


class PickListModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[EditRow] = []
        self.editable = True
        self.changed = False

    def set_items(self, items: list[PickItem], *, editable: bool) -> None:
        self.beginResetModel()
        self.rows = [EditRow(i.code, i.label, i.active) for i in items]
        self.editable, self.changed = editable, False
        self.endResetModel()

    def edit_items(self) -> list[EditItem]:
        return [EditItem(r.code, r.label, r.active) for r in self.rows]

    def add(self, label: str) -> int:
        """Append a new active item; its row number."""
        row = len(self.rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.append(EditRow(None, label))
        self.endInsertRows()
        self.changed = True
        return row

    def move(self, row: int, delta: int) -> int:
        """Move one row up (-1) or down (+1); its new row number (unchanged at an end)."""
        target = row + delta
        if not (0 <= row < len(self.rows) and 0 <= target < len(self.rows)) or delta not in (-1, 1):
            return row
        # beginMoveRows wants the destination as "before which row", in the old numbering
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), target + 1 if delta > 0 else target)
        self.rows.insert(target, self.rows.pop(row))
        self.endMoveRows()
        self.changed = True
        return target

    def set_active(self, row: int, active: bool) -> None:
        if 0 <= row < len(self.rows) and self.rows[row].active != active:
            self.rows[row].active = active
            self.changed = True
            self.dataChanged.emit(self.index(row, LABEL), self.index(row, STATE))

    # -- Qt ------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == LABEL:
            return QCoreApplication.translate("PickListModel", "名称")
        if section == STATE:
            return QCoreApplication.translate("PickListModel", "状态")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable and index.column() == LABEL:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)) or not (0 <= index.column() < 2):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if index.column() == LABEL:
                return row.label
            if row.active:
                return QCoreApplication.translate("PickListModel", "启用")
            return QCoreApplication.translate("PickListModel", "已停用（旧记录仍显示）")
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return RETIRED_COLOUR
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != LABEL or not self.editable:
            return False
        text = str(value or "").strip()
        if not text or not (0 <= index.row() < len(self.rows)):
            return False  # an empty name keeps the old one; the service checks the rest on save
        if self.rows[index.row()].label != text:
            self.rows[index.row()].label = text
            self.changed = True
            self.dataChanged.emit(index, index)
        return True
