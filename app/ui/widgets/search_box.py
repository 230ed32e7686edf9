"""The search field of a list page: a clear button, and `settled` once typing pauses, so a
list is filtered once per word rather than once per key."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

DEBOUNCE_MS = 250


def focus_all(box: QLineEdit) -> None:
    """Ctrl+F: the cursor to a search box, its text selected (typing replaces it)."""
    box.setFocus(Qt.FocusReason.ShortcutFocusReason)
    box.selectAll()


class SearchBox(QLineEdit):
    settled = Signal()  # the text changed and then stayed put for `interval` ms

    def __init__(self, placeholder: str, parent: QWidget | None = None, *, interval: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        self._debounce = QTimer(self, singleShot=True, interval=interval)
        self._debounce.timeout.connect(self.settled)
        self.textChanged.connect(lambda _t: self._debounce.start())

    def cancel_pending(self) -> None:
        """The list is being filtered anyway: no second round when the timer runs out."""
        self._debounce.stop()

    def focus_all(self) -> None:
        """Ctrl+F: focus the field with its text selected, ready to be typed over."""
        focus_all(self)
