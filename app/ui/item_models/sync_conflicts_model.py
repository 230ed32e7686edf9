"""The 同步 page's conflict list: each field HQ merged against another writer while applying
this station's pushes (`sync_conflict`, from the push answer's `conflict_details`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.domain.periods import CHINA_TIME
from app.sync.status import Conflict

Index = QModelIndex | QPersistentModelIndex
COLUMNS = 6
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


def _headers() -> list[str]:
    return [
        QCoreApplication.translate("SyncConflictsModel", "时间"),
        QCoreApplication.translate("SyncConflictsModel", "企业"),
        QCoreApplication.translate("SyncConflictsModel", "字段"),
        QCoreApplication.translate("SyncConflictsModel", "本站的值"),
        QCoreApplication.translate("SyncConflictsModel", "生效的值"),
        QCoreApplication.translate("SyncConflictsModel", "生效的修改来自"),
    ]


def party(code: str) -> str:
    """"station" / "hq" / another station's code, as the list shows it."""
    if code == "station":
        return QCoreApplication.translate("SyncConflictsModel", "本站")
    if code == "hq":
        return QCoreApplication.translate("SyncConflictsModel", "服务总站")
    return QCoreApplication.translate("SyncConflictsModel", "其他服务站 %1").replace("%1", code)


def _empty(text: str) -> str:
    return text if text != "" else QCoreApplication.translate("SyncConflictsModel", "（空）")


class SyncConflictsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Conflict] = []

    def set_rows(self, rows: list[Conflict]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < COLUMNS:
            return _headers()[section]
        return None

    def _text(self, row: Conflict, col: int) -> str:
        if col == 0:
            return row.at.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M") if row.at else ""
        if col == 1:
            return row.enterprise or QCoreApplication.translate("SyncConflictsModel", "（本机没有这家企业）")
        if col == 2:
            return row.field_label
        if col == 3:
            return _empty(row.station_value)
        if col == 4:
            return _empty(row.effective_value)
        return party(row.winner)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)) or not (0 <= index.column() < COLUMNS):
            return None
        row, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, col)
        if role == SORT_ROLE:
            return row.at.isoformat() if col == 0 and row.at else self._text(row, col)
        if role == Qt.ItemDataRole.ToolTipRole and col in (3, 4):
            return self._text(row, col)
        return None
