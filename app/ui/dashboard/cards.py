"""A figure card of the home dashboard: title, one big number, a line of smaller figures.

The whole card is a button (click, Enter or Space) that opens the records behind its number;
figures in the detail line are links (`href` = a key the page understands)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.ui import theme

CARD_STYLE = (
    f"#statCard {{ background: palette(base); border: 1px solid {theme.PANEL_BORDER}; border-radius: 8px; }}"
    f"#statCard:hover, #statCard:focus {{ border: 1px solid {theme.ACCENT}; }}"
)


def link(key: str, text: str) -> str:
    """Rich text for a clickable figure in a card's detail line."""
    return f'<a href="{key}" style="color:{theme.ACCENT}; text-decoration:none;">{text}</a>'


class StatCard(QFrame):
    activated = Signal()  # the big number was clicked
    link_activated = Signal(str)  # a figure in the detail line: its key

    def __init__(self, title: str, accent: str = theme.ACCENT, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statCard")
        self.setStyleSheet(CARD_STYLE)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.title_label = QLabel(title)
        self.title_label.setStyleSheet(f"color: {accent}; font-weight: bold;")
        self.value_label = QLabel()
        font = self.value_label.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.value_label.setFont(font)
        self.value_label.setStyleSheet(f"color: {theme.TEXT_STRONG};")
        self.detail_label = QLabel()
        self.detail_label.setStyleSheet(f"color: {theme.TEXT_CARD_DETAIL};")
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextFormat(Qt.TextFormat.RichText)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.detail_label.linkActivated.connect(self.link_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(2)
        layout.addWidget(self.title_label)
        layout.addWidget(self.value_label)
        layout.addWidget(self.detail_label)
        layout.addStretch(1)
        self.setMinimumHeight(112)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_value(self, text: str, detail: str = "") -> None:
        self.value_label.setText(text)
        self.detail_label.setText(detail)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.activated.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit()
            return
        super().keyPressEvent(event)
