"""A cell whose text does not fit (English names are longer than the Chinese) shows the whole text
as a tooltip, and a column that holds names from a fixed list is made as wide as the widest name.

Tables keep their widths (at 1024×600 there is no room to widen every column), so what still does
not fit is one hover away instead of lost behind "…".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QAbstractItemView, QStyle, QToolTip

from app.ui.catalogue_names import shown

CELL_PADDING = 14  # room a fitted column leaves beside its widest name


def text_room(view: QAbstractItemView, width: int) -> int:
    """How much of a `width`-pixel cell the text may use before the delegate elides it."""
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    return width - 2 * margin


class ElidedTips(QObject):
    """Event filter on a view's viewport: the full text of an elided cell as its tooltip."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() != QEvent.Type.ToolTip or not isinstance(event, QHelpEvent):
            return False
        index = self.view.indexAt(event.pos())
        if not index.isValid() or index.data(Qt.ItemDataRole.ToolTipRole):
            return False  # the model's own tooltip wins
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        rect = self.view.visualRect(index)
        if text and self.view.fontMetrics().horizontalAdvance(text) > text_room(self.view, rect.width()):
            QToolTip.showText(event.globalPos(), text, self.view, rect)
            return True
        return False


def install_elided_tips(view: QAbstractItemView) -> ElidedTips:
    tips = ElidedTips(view)
    view.viewport().installEventFilter(tips)
    return tips


def fit_to_names(view: QAbstractItemView, columns: Mapping[int, Iterable[str]], *, most: int = 220) -> None:
    """Widen each column to its widest name as shown (at most `most` pixels).

    `columns`: column -> the names it can hold (Chinese catalogue labels, translated here)."""
    metrics = view.fontMetrics()
    for column, names in columns.items():
        widest = max((metrics.horizontalAdvance(shown(name)) for name in names), default=0) + CELL_PADDING
        view.setColumnWidth(column, max(view.columnWidth(column), min(widest, most)))  # type: ignore[attr-defined]
