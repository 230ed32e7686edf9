"""首页: this month's and this year's figures, two charts and the compliance checklist.

Everything is counted off the GUI thread (app.services.dashboard.figures); every figure opens the
records behind it through `open_records(section_key, filter)`, which the main window routes
to that page's `show_filtered(filter)`."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, date, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.domain.periods import china_today, month_of
from app.models.database import Database
from app.services.dashboard.figures import Dashboard, PeriodFigures, home_dashboard
from app.services.station.compliance import Check
from app.ui import catalogue_names, theme
from app.ui.dashboard import links
from app.ui.dashboard.cards import StatCard, link
from app.ui.dashboard.charts import BarChartPanel
from app.ui.dashboard.compliance import CompliancePanel
from app.ui.db_operations import read_in_background, with_context

log = logging.getLogger(__name__)
WIDE = 900  # px of page width from which the five cards fit in one row
CHECKLIST_WIDTH = 280  # px, beside the charts on a wide page
QWIDGETSIZE_MAX = 16_777_215
STALE_AFTER = 30.0  # seconds: coming back to the page later counts again
TOGGLE_STYLE = (
    f"QPushButton {{ border: 1px solid {theme.TOGGLE_BORDER}; padding: 4px 16px; background: palette(base); }}"
    f"QPushButton:checked {{ background: {theme.ACCENT}; color: {theme.TEXT_ON_ACCENT};"
    f" border-color: {theme.ACCENT}; }}"
)


class HomePage(QWidget):
    overview_loaded = Signal(object)  # Dashboard
    open_records = Signal(str, object)  # section key, filter dict (see the main window)

    def __init__(self, db: Database, parent: QWidget | None = None, today: Callable[[], date] = china_today,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        super().__init__(parent)
        self._db, self._today, self._now = db, today, now
        self.cutoff: datetime | None = None  # when the figures shown were read: events after it are planned, not held
        self._generation = 0
        self.overview: Dashboard | None = None
        self._loaded_at = 0.0
        self.period_key = "year"

        header = self._build_header()
        self._build_cards()
        self._build_charts()
        self._build_empty_state()
        self._lay_out(header)
        self._set_heading()
        self._show_loading()

    # -- building ----------------------------------------------------------------------
    def _build_header(self) -> QHBoxLayout:
        """The heading and status line on the left, the 本月/本年 toggle on the right."""
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.status_label = QLabel(self.tr("加载中…"))
        self.status_label.setStyleSheet(f"color: {theme.TEXT_MUTED};")
        self.month_button = QPushButton(self.tr("本月"))
        self.year_button = QPushButton(self.tr("本年"))
        self.period_group = QButtonGroup(self)
        for key, button in (("month", self.month_button), ("year", self.year_button)):
            button.setCheckable(True)
            button.setStyleSheet(TOGGLE_STYLE)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _c=False, k=key: self.set_period(k))
            self.period_group.addButton(button)
        self.year_button.setChecked(True)
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.heading)
        titles.addWidget(self.status_label)
        header.addLayout(titles, 1)
        header.addWidget(self.month_button, 0, Qt.AlignmentFlag.AlignBottom)
        header.addWidget(self.year_button, 0, Qt.AlignmentFlag.AlignBottom)
        header.setSpacing(0)
        return header

    def _build_cards(self) -> None:
        """The five figures; each opens the records (or demands, events) behind it."""
        self.enterprises_served = StatCard(self.tr("服务企业（家）"))
        self.service_records = StatCard(self.tr("服务记录（条）"))
        self.events = StatCard(self.tr("举办活动（场）"), theme.CARD_EVENTS)
        self.events.setToolTip(self.tr("参与人次 = 签到人数 + 现场登记人数"))
        self.open_demands = StatCard(self.tr("未办结需求（项）"), theme.CARD_DEMANDS)
        self.satisfaction = StatCard(self.tr("服务满意度"), theme.CARD_SATISFACTION)
        self.satisfaction.setToolTip(
            self.tr("已评价服务记录的平均分（1–5分）；满意率 = 评4分或5分的记录占已评价记录的比例，未评价的不计入。")
        )
        self.enterprises_served.activated.connect(lambda: self._open_records())
        self.service_records.activated.connect(lambda: self._open_records())
        self.satisfaction.activated.connect(lambda: self._open_records(sort="satisfaction"))
        self.events.activated.connect(self._open_events)
        self.open_demands.activated.connect(lambda: self._detail_link("open"))
        self.open_demands.link_activated.connect(self._detail_link)
        self.enterprises_served.link_activated.connect(self._detail_link)
        self.cards = QWidget()
        self.cards.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.grid = QGridLayout(self.cards)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(theme.SPACING)
        self._columns = 0

    def _build_charts(self) -> None:
        """The two charts and the compliance checklist, arranged by _arrange()."""
        self.category_chart = BarChartPanel(self.tr("服务记录按类别"), horizontal=True)
        self.category_chart.bar_clicked.connect(self._category_clicked)
        self.monthly_chart = BarChartPanel(self.tr("本年各月服务记录"), horizontal=False, value_labels=False)
        self.monthly_chart.bar_clicked.connect(self._month_clicked)
        self.monthly_chart.set_hint(self.tr("橙色为本月；点击柱形查看该月的服务记录"))
        self.compliance = CompliancePanel()
        self.compliance.check_activated.connect(self._check_clicked)
        for chart in (self.category_chart, self.monthly_chart):
            chart.setMinimumHeight(340)  # room for the ten category names
        self.body = QGridLayout()
        self.body.setSpacing(theme.SPACING)
        self.body.setColumnStretch(0, 5)
        self.body.setColumnStretch(1, 6)
        self._arrange(5)

    def _build_empty_state(self) -> None:
        self.empty_state = QLabel(
            self.tr(
                "这里还没有数据。可以先在“企业”页导入企业库，或在“服务记录”页登记第一次服务；"
                "登记后，首页会汇总本月和本年的服务情况。"
            )
        )
        self.empty_state.setWordWrap(True)
        self.empty_state.setStyleSheet(f"background: {theme.EMPTY_BACKGROUND}; border: 1px solid {theme.EMPTY_BORDER};"
                                       " border-radius: 6px; padding: 12px;")
        self.empty_state.hide()

    def _lay_out(self, header: QHBoxLayout) -> None:
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(theme.PAGE_MARGIN_X, theme.PAGE_MARGIN_Y, theme.PAGE_MARGIN_X, theme.PAGE_MARGIN_Y)
        column.setSpacing(theme.SPACING)
        column.addLayout(header)
        column.addWidget(self.empty_state)
        column.addWidget(self.cards)
        column.addLayout(self.body, 1)
        # A low window scrolls; a narrow one rearranges (resizeEvent), and what is still wider than
        # the window (longer English labels) scrolls sideways rather than being cut off.
        scroll = self.scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    # -- layout ------------------------------------------------------------------------
    def _arrange(self, columns: int) -> None:
        """Wide: five cards in a row, the charts and the checklist side by side.  Narrow: cards
        in rows of three, the checklist under the charts."""
        if columns == self._columns:
            return
        self._columns = columns
        for index, card in enumerate(self._cards()):
            self.grid.addWidget(card, index // columns, index % columns)  # re-adding moves it
        wide = columns == 5
        self.body.addWidget(self.category_chart, 0, 0)
        self.body.addWidget(self.monthly_chart, 0, 1)
        if wide:
            self.body.addWidget(self.compliance, 0, 2)
            self.compliance.setFixedWidth(CHECKLIST_WIDTH)
        else:
            self.body.addWidget(self.compliance, 1, 0, 1, 2)
            self.compliance.setMinimumWidth(0)
            self.compliance.setMaximumWidth(QWIDGETSIZE_MAX)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        self._arrange(5 if event.size().width() >= WIDE else 3)
        super().resizeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        # The first count is started by the launcher; later visits refresh stale figures.
        if self.overview is not None and time.monotonic() - self._loaded_at > STALE_AFTER:
            self.reload()

    def _cards(self) -> list[StatCard]:
        return [self.enterprises_served, self.service_records, self.events, self.open_demands, self.satisfaction]

    # -- loading -----------------------------------------------------------------------
    def _set_heading(self) -> None:
        today = self._today()
        if self.period_key == "month":
            self.heading.setText(self.tr("%1年%2月概况").replace("%1", str(today.year)).replace("%2", str(today.month)))
        else:
            self.heading.setText(self.tr("%1年概况").replace("%1", str(today.year)))

    def _show_loading(self) -> None:
        self.status_label.setText(self.tr("加载中…"))
        for card in self._cards():
            card.set_value("…")

    def reload(self) -> None:
        """Count in the background; a newer reload supersedes an older one still running."""
        self._generation += 1
        generation, db, today, cutoff = self._generation, self._db, self._today(), self._now()
        self._set_heading()
        if self.overview is None:
            self._show_loading()

        read_in_background(
            self,
            db,
            with_context(lambda session, ctx: home_dashboard(session, today, scan_session=ctx.second_session(),
                                                             now=cutoff)),
            on_success=lambda dashboard: self._show(generation, dashboard, cutoff),
            on_failure=lambda exc: self._failed(generation, exc),
            title=self.tr("统计首页数据"),
        )

    def _show(self, generation: int, dashboard: Dashboard, cutoff: datetime) -> None:
        if generation != self._generation:
            return
        self.overview, self._loaded_at, self.cutoff = dashboard, time.monotonic(), cutoff
        self._fill()
        self.status_label.setText(self.tr("统计截至今天，已删除的记录不计入；点击任一数字可查看对应记录。"))
        self.empty_state.setVisible(dashboard.is_empty)
        self.compliance.set_checklist(dashboard.compliance)
        months = [self.tr("%1月").replace("%1", str(m)) for m in range(1, 13)]
        self.monthly_chart.set_data([str(m) for m in range(1, 13)], dashboard.monthly_records,
                                    highlight=dashboard.today.month - 1, names=months)
        self.overview_loaded.emit(dashboard)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        log.error("dashboard failed", exc_info=exc)
        for card in self._cards():
            card.set_value("—")
        self.status_label.setText(self.tr("暂时无法读取统计数据，详情已写入日志。"))

    # -- showing a period ----------------------------------------------------------------
    def set_period(self, key: str) -> None:
        """Show this month's ("month") or this year's ("year") figures."""
        self.period_key = key
        (self.month_button if key == "month" else self.year_button).setChecked(True)
        self._set_heading()
        if self.overview is not None:
            self._fill()

    def figures(self) -> PeriodFigures:
        assert self.overview is not None
        return self.overview.month if self.period_key == "month" else self.overview.year

    def period_label(self) -> str:
        start = self.figures().period.start
        if self.period_key == "month":
            return self.tr("%1年%2月").replace("%1", str(start.year)).replace("%2", str(start.month))
        return self.tr("%1年").replace("%1", str(start.year))

    def _fill(self) -> None:
        d, f = self.overview, self.figures()
        assert d is not None
        name = self.tr("本月") if self.period_key == "month" else self.tr("本年")
        library = link("enterprises", self.tr("企业库共 %1 家").replace("%1", f"{d.enterprises:,}"))
        self.enterprises_served.set_value(f"{f.enterprises_served:,}", library)
        per_day = f.service_records / max(1, (min(d.today, f.period.last_day) - f.period.start).days + 1)
        self.service_records.set_value(f"{f.service_records:,}", self.tr("日均 %1 条").replace("%1", f"{per_day:,.1f}"))
        self.events.set_value(f"{f.events:,}", self.tr("参与 %1 人次").replace("%1", f"{f.attendees:,}"))
        overdue = link("overdue", self.tr("超期 %1 项").replace("%1", f"{d.overdue_demands:,}"))
        closed = link("closed", self.tr("%1办结 %2 项").replace("%1", name).replace("%2", f"{f.demands_closed:,}"))
        self.open_demands.set_value(f"{d.open_demands:,}", f"{overdue}<br>{closed}")
        if f.average_satisfaction is None:
            self.satisfaction.set_value("—", self.tr("%1还没有评价").replace("%1", name))
        else:
            share = self.tr("满意率 %1%").replace("%1", f"{(f.satisfied_share or 0) * 100:.0f}")
            rated = self.tr("已评价 %1 条").replace("%1", f"{f.rated:,}")
            score = self.tr("%1 分").replace("%1", f"{f.average_satisfaction:.2f}")
            self.satisfaction.set_value(score, f"{share}<br>{rated}")
        self.category_chart.title_label.setText(self.tr("%1服务记录按类别").replace("%1", name))
        self.category_chart.set_data([catalogue_names.shown(c.label) for c in f.by_category], [c.count for c in f.by_category])

    # -- click-through (app.ui.dashboard.links says where each figure leads) -------------
    def _emit(self, target: links.Target | None) -> None:
        if target is not None and self.overview is not None:
            self.open_records.emit(*target)

    def _open_records(self, **extra: object) -> None:
        if self.overview is not None:
            self._emit(links.records(self.figures().period, self.period_label(), **extra))

    def _category_clicked(self, index: int) -> None:
        if self.overview is not None and 0 <= index < len(self.figures().by_category):
            category = self.figures().by_category[index]
            self._open_records(category=category.code, category_label=category.label)

    def _month_clicked(self, index: int) -> None:
        if self.overview is not None:
            month = month_of(date(self.overview.year.period.start.year, index + 1, 1))
            label = self.tr("%1年%2月").replace("%1", str(month.start.year)).replace("%2", str(index + 1))
            self._emit(links.records(month, label))

    def _open_events(self) -> None:
        if self.overview is not None:
            self._emit(links.events(self.figures().period, self.period_label(), held_by=self.cutoff))

    def _detail_link(self, which: str) -> None:
        """A figure in a card's detail line: 企业库 → the 企业 page; the rest → the demand pool."""
        if which == "enterprises":
            self._emit(("enterprises", {}))
        elif self.overview is not None:
            self._emit(links.demands(which, self.figures().period, self.period_label()))

    def _check_clicked(self, check: Check) -> None:
        self._emit(links.for_check(check))
