"""The two small tables of a plan: its targets (one row per indicator) and its events by month.

Both keep what the user typed as typed; the service validates on save and names the cell
(targets.events, planned_events.2.month …), so a wrong value is explained, not swallowed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from app.domain.catalogue import EVENT_TYPES
from app.domain.report_sections import PLAN_INDICATORS
from app.services.reporting.drafts import PlannedEvent, theme_label

Index = QModelIndex | QPersistentModelIndex
_EDITABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable


def _number_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


class _EditableTable(QAbstractTableModel):
    edited = Signal()
    headers: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.read_only = False

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.headers):
            return self.headers[section]
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return section + 1
        return None


class TargetsModel(_EditableTable):
    """指标 | 目标值; the value column is editable text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = (self.tr("指标"), self.tr("目标值"))
        self._keys = list(PLAN_INDICATORS)
        self._values: dict[str, str] = {}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self._keys)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.column() == 1 and not self.read_only:
            return _EDITABLE
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._keys):
            return None
        key = self._keys[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return PLAN_INDICATORS[key] if index.column() == 0 else self._values.get(key, "")
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != 1 or self.read_only:
            return False
        self._values[self._keys[index.row()]] = str(value).strip()
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True

    def set_targets(self, targets: dict[str, float]) -> None:
        self.beginResetModel()
        self._values = {key: _number_text(value) for key, value in targets.items()}
        self.endResetModel()

    def targets(self) -> dict[str, str]:
        """As typed; blank cells left out."""
        return {key: text for key, text in self._values.items() if text}


class PlannedEventsModel(_EditableTable):
    """月份 | 活动形式 | 活动名称 | 主题.  EditRole gives the stored value (month int, type code)."""

    _FIELDS = ("month", "event_type", "title", "theme")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = (self.tr("月份"), self.tr("活动形式"), self.tr("活动名称"), self.tr("主题"))
        self._rows: list[dict[str, Any]] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable if self.read_only else _EDITABLE

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        value = self._rows[index.row()][self._FIELDS[index.column()]]
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return self.tr("%1月").replace("%1", str(value))
            if index.column() == 1:
                return EVENT_TYPES.get(value, value)
            return theme_label(value) if index.column() == 3 else value
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.read_only:
            return False
        self._rows[index.row()][self._FIELDS[index.column()]] = value.strip() if isinstance(value, str) else value
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True

    def insertRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt override
        if parent.isValid() or count < 1 or not 0 <= row <= len(self._rows) or self.read_only:
            return False
        month = self._rows[row - 1]["month"] if row > 0 else 1
        self.beginInsertRows(QModelIndex(), row, row + count - 1)
        for offset in range(count):
            self._rows.insert(row + offset, {"month": month, "event_type": "training", "title": "", "theme": ""})
        self.endInsertRows()
        self.edited.emit()
        return True

    def removeRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt override
        if parent.isValid() or count < 1 or row < 0 or row + count > len(self._rows) or self.read_only:
            return False
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        del self._rows[row : row + count]
        self.endRemoveRows()
        self.edited.emit()
        return True

    def set_events(self, events: tuple[PlannedEvent, ...]) -> None:
        self.beginResetModel()
        self._rows = [e.as_json() for e in events]
        self.endResetModel()

    def events(self) -> tuple[dict[str, Any], ...]:
        return tuple(dict(row) for row in self._rows)
