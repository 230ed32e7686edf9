"""The strip at the foot of a list page that says what was just done ("已删除：…") and, after a
delete, offers 撤销."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app.ui import theme


class UndoBar(QFrame):
    undo_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, on_undo: Callable[[], object] | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(f"QFrame {{ background: {theme.UNDO_BACKGROUND};"
                           f" border-top: 1px solid {theme.UNDO_BORDER}; }}")
        self.label = QLabel()
        self.undo_button = QPushButton(self.tr("撤销"))
        self.undo_button.clicked.connect(self.undo_requested)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 4, 12, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.undo_button)
        self.hide()
        if on_undo is not None:
            self.undo_requested.connect(on_undo)

    def say(self, text: str, *, undo: bool = False) -> None:
        """Show `text`; with `undo`, the 撤销 button beside it."""
        self.label.setText(text)
        self.undo_button.setVisible(undo)
        self.show()
