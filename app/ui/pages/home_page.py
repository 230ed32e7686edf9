"""首页: this year's figures at a glance, counted off the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.models.database import Database
from app.services.overview import Overview, station_overview
from app.ui.operations import OpContext, run_in_background

log = logging.getLogger(__name__)
WIDE = 820  # px of page width from which the four cards fit in one row


class StatCard(QFrame):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#statCard { background: palette(base); border: 1px solid palette(midlight); border-radius: 8px; }"
        )
        self.title_label = QLabel(title)
        self.title_label.setStyleSheet("color: #555;")
        self.value_label = QLabel()
        font = self.value_label.font()
        font.setPointSizeF(font.pointSizeF() * 2.4)
        font.setBold(True)
        self.value_label.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addWidget(self.title_label)
        layout.addWidget(self.value_label)
        self.setMinimumHeight(100)

    def set_value(self, text: str) -> None:
        self.value_label.setText(text)


class HomePage(QWidget):
    overview_loaded = Signal(object)  # Overview

    def __init__(self, db: Database, parent: QWidget | None = None, today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self._db = db
        self._today = today
        self._generation = 0
        self.overview: Overview | None = None

        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.status_label = QLabel(self.tr("加载中…"))
        self.status_label.setStyleSheet("color: #666;")

        self.enterprises = StatCard(self.tr("企业库（家）"))
        self.service_records = StatCard(self.tr("本年服务记录（条）"))
        self.open_demands = StatCard(self.tr("未办结需求（项）"))
        self.events = StatCard(self.tr("本年活动（场）"))
        # The cards' own minimum would pin the window to the four-column width; the
        # container ignores it and resizeEvent switches to two columns before text clips.
        self.cards = QWidget()
        self.cards.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.grid = QGridLayout(self.cards)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(16)
        self._columns = 0
        self._arrange(4)

        self.empty_state = QLabel(
            self.tr(
                "这里还没有数据。可以先在“企业”页导入企业库，或在“服务记录”页登记第一次服务；"
                "登记后，首页会汇总本年的服务情况。"
            )
        )
        self.empty_state.setWordWrap(True)
        self.empty_state.setStyleSheet("background: #f3f7fb; border: 1px solid #c9d9ea; border-radius: 6px; padding: 12px;")
        self.empty_state.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(self.heading)
        layout.addWidget(self.status_label)
        layout.addSpacing(12)
        layout.addWidget(self.cards)
        layout.addSpacing(16)
        layout.addWidget(self.empty_state)
        layout.addStretch(1)
        self._set_heading()
        self._show_loading()

    def _arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for index, card in enumerate(self._cards()):
            self.grid.addWidget(card, index // columns, index % columns)  # re-adding moves it

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        # Four cards in a row on a wide window, two by two on a narrow one.
        self._arrange(4 if event.size().width() >= WIDE else 2)
        super().resizeEvent(event)

    def _cards(self) -> list[StatCard]:
        return [self.enterprises, self.service_records, self.open_demands, self.events]

    def _set_heading(self) -> None:
        self.heading.setText(self.tr("%1年概况").replace("%1", str(self._today().year)))

    def _show_loading(self) -> None:
        self.status_label.setText(self.tr("加载中…"))
        for card in self._cards():
            card.set_value("…")

    def reload(self) -> None:
        """Count in the background; a newer reload supersedes an older one still running."""
        self._generation += 1
        generation, db, today = self._generation, self._db, self._today()
        self._set_heading()
        if self.overview is None:
            self._show_loading()

        def count(_ctx: OpContext) -> Overview:
            with db.begin() as session:
                return station_overview(session, today)

        run_in_background(
            self,
            count,
            on_success=lambda overview: self._show(generation, overview),
            on_failure=lambda exc: self._failed(generation, exc),
            title=self.tr("统计本年数据"),
            show_progress=False,
        )

    def _show(self, generation: int, overview: Overview) -> None:
        if generation != self._generation:
            return
        self.overview = overview
        values = [overview.enterprises, overview.service_records, overview.open_demands, overview.events]
        for card, value in zip(self._cards(), values, strict=True):
            card.set_value(f"{value:,}")
        self.status_label.setText(self.tr("统计截至今天，已删除的记录不计入。"))
        self.empty_state.setVisible(overview.is_empty)
        self.overview_loaded.emit(overview)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        log.error("overview failed", exc_info=exc)
        for card in self._cards():
            card.set_value("—")
        self.status_label.setText(self.tr("暂时无法读取统计数据，详情已写入日志。"))
