"""The event list: a small in-memory table of EventRow (a year holds a few dozen events),
sorted by a QSortFilterProxyModel on SORT_ROLE values."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from app.domain.periods import CHINA_TIME
from app.services.events.listing import EventRow
from app.ui import theme
from app.ui.catalogue_names import shown

translate = QCoreApplication.translate
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
UPCOMING = QColor(theme.TEXT_UPCOMING)

Index = QModelIndex | QPersistentModelIndex


def _local(moment: datetime) -> datetime:
    return moment.astimezone(CHINA_TIME)


def _satisfaction(row: EventRow) -> str:
    return f"{row.satisfaction:.1f}" if row.satisfaction is not None else ""


Column = tuple[str, Callable[[EventRow], str], Callable[[EventRow], Any], bool]


def event_columns() -> list[Column]:
    """(header, display text, sort value, right-aligned); built per model, once a translator is installed."""
    return [
        (translate("EventsModel", "日期"), lambda r: _local(r.starts_at).strftime("%Y-%m-%d"), lambda r: r.starts_at.timestamp(), False),
        (translate("EventsModel", "时间"),
         lambda r: f"{_local(r.starts_at):%H:%M}–{_local(r.ends_at):%H:%M}", lambda r: f"{_local(r.starts_at):%H:%M}", False),
        (translate("EventsModel", "活动名称"), lambda r: r.title, lambda r: r.title, False),
        (translate("EventsModel", "类型"), lambda r: r.type_label, lambda r: r.type_label, False),
        (translate("EventsModel", "主题月"), lambda r: r.theme_label, lambda r: r.theme_label, False),
        (translate("EventsModel", "地点"), lambda r: r.venue, lambda r: r.venue, False),
        (translate("EventsModel", "报名"), lambda r: str(r.registered), lambda r: r.registered, True),
        (translate("EventsModel", "到场"), lambda r: str(r.attendance), lambda r: r.attendance, True),
        (translate("EventsModel", "满意度"), _satisfaction, lambda r: -1.0 if r.satisfaction is None else r.satisfaction, True),
    ]


class EventsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None, *, now: Callable[[], datetime] | None = None) -> None:
        super().__init__(parent)
        self.rows: list[EventRow] = []
        self.columns = event_columns()
        self._now = now or (lambda: datetime.now(CHINA_TIME))

    def set_rows(self, rows: list[EventRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> EventRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, event_id: object) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == event_id), -1)

    # -- QAbstractTableModel ---------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.columns):
            return self.columns[section][0]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows) or index.column() >= len(self.columns):
            return None
        row = self.rows[index.row()]
        _header, text, sort_value, right = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return shown(text(row))  # the event type and theme month in the user's language
        if role == SORT_ROLE:
            return sort_value(row)
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and row.starts_at > self._now():
            return UPCOMING  # still to come
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return row.title
        return None
