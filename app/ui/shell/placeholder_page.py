"""A page not built yet: says plainly what will be there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.ui import theme


class PlaceholderPage(QWidget):
    def __init__(self, title: str, coming: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(title)
        heading.setObjectName("pageHeading")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)

        self.message = QLabel(coming)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet(f"color: {theme.TEXT_SECONDARY};")
        self.message.setMaximumWidth(520)
        # A word-wrapped label given an alignment in a layout gets too little height and
        # clips; centring it between stretches instead keeps height-for-width working.
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(self.message, 3)
        centred.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(heading)
        layout.addSpacing(12)
        layout.addLayout(centred)
        layout.addStretch(3)
