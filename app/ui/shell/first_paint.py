"""Detects a window's first paint, for --smoke and for deferring work until the user sees something."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget


class FirstPaintProbe(QObject):
    """Emits `painted` once, after the first paint pass of `widget` has completed."""

    painted = Signal()

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        self._seen = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if not self._seen and watched is self._widget and event.type() == QEvent.Type.Paint:
            self._seen = True
            self._widget.removeEventFilter(self)
            # The filter runs before the widget paints; report once the whole pass is done.
            QTimer.singleShot(0, self, self.painted.emit)
        return False
