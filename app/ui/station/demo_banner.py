"""The strip across a demo profile's window: it must never be mistaken for real data."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app.ui import theme


class DemoBanner(QFrame):
    setup_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demoBanner")
        self.setStyleSheet(
            f"#demoBanner {{ background: {theme.DEMO_BACKGROUND}; border-bottom: 1px solid {theme.DEMO_BORDER}; }}"
            f"#demoBanner QLabel {{ color: {theme.DEMO_TEXT}; }}"
        )
        self.message = QLabel(self.tr("这是演示数据，不会同步。"))
        font = self.message.font()
        font.setBold(True)
        self.message.setFont(font)
        self.progress_label = QLabel()
        self.setup_button = QPushButton(self.tr("设置本站正式信息…"))
        self.setup_button.setToolTip(self.tr("切换到正式档案；还没有设置过服务站时会打开首次设置向导。"))
        self.setup_button.clicked.connect(self.setup_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addWidget(self.message)
        layout.addSpacing(12)
        layout.addWidget(self.progress_label)
        layout.addStretch(1)
        layout.addWidget(self.setup_button)

    def show_progress(self, text: str) -> None:
        """Demo data generation progress (empty text hides it)."""
        self.progress_label.setText(text)
