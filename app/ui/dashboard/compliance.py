"""合规清单: the station's standing obligations (app.services.station.compliance), one line each.

A line whose page exists elsewhere (人员, 报表) is clickable: `check_activated(key)`."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.services.station.compliance import MISSING, OK, OVERDUE, PENDING, Check, Checklist
from app.ui import theme

PANEL_STYLE = (
    f"#compliancePanel {{ background: palette(base); border: 1px solid {theme.PANEL_BORDER}; border-radius: 8px; }}"
)
MARKS = {
    OK: ("✓", theme.CHECK_OK),
    PENDING: ("!", theme.CHECK_PENDING),
    OVERDUE: ("✗", theme.ERROR),
    MISSING: ("✗", theme.ERROR),
}
CLICKABLE = {"staffing", "annual_summary", "annual_plan", "periodic_report"}


class CheckLine(QFrame):
    activated = Signal(str)

    def __init__(self, check: Check, title: str, detail: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = check
        mark, color = MARKS[check.state]
        self.mark_label = QLabel(mark)
        self.mark_label.setFixedWidth(22)
        self.mark_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.mark_label.setStyleSheet(f"color: {color}; font-weight: bold; font-size: 15px;")
        self.title_label = QLabel(title)
        self.title_label.setStyleSheet(f"color: {theme.TEXT_STRONG};")
        self.detail_label = QLabel(detail)
        self.detail_label.setWordWrap(True)
        self.detail_label.setStyleSheet(f"color: {theme.TEXT_CARD_DETAIL if check.ok else color};")
        text = QVBoxLayout()
        text.setSpacing(0)
        text.addWidget(self.title_label)
        text.addWidget(self.detail_label)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 3, 0, 3)
        row.addWidget(self.mark_label)
        row.addLayout(text, 1)
        if check.key in CLICKABLE:
            self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self.check.key in CLICKABLE and event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit(self.check.key)
        super().mouseReleaseEvent(event)


class CompliancePanel(QFrame):
    check_activated = Signal(object)  # the Check

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compliancePanel")
        self.setStyleSheet(PANEL_STYLE)
        self.heading = QLabel(self.tr("合规清单"))
        self.heading.setStyleSheet(f"font-weight: bold; color: {theme.TEXT_STRONG};")
        self.summary = QLabel()
        self.summary.setStyleSheet(f"color: {theme.TEXT_SUBTITLE};")
        self.lines: list[CheckLine] = []
        self._lines_box = QVBoxLayout()
        self._lines_box.setSpacing(2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addSpacing(4)
        layout.addLayout(self._lines_box)
        layout.addStretch(1)

    def set_checklist(self, checklist: Checklist) -> None:
        for line in self.lines:
            line.deleteLater()
        self.lines = []
        if not checklist.has_station:
            self.summary.setText(self.tr("尚未设置服务站。"))
            return
        problems = checklist.problems
        self.summary.setText(self.tr("全部达标") if problems == 0 else self.tr("%1 项待处理").replace("%1", str(problems)))
        for check in checklist.checks:
            title, detail = self._texts(check)
            line = CheckLine(check, title, detail)
            line.activated.connect(lambda _key, c=check: self.check_activated.emit(c))
            self._lines_box.addWidget(line)
            self.lines.append(line)

    def _texts(self, check: Check) -> tuple[str, str]:
        due = check.due_on.strftime("%Y-%m-%d") if check.due_on else ""
        done_on = check.done_on.isoformat() if check.done_on else ""
        late = {OK: self.tr("已报送"), PENDING: self.tr("%1 前报送").replace("%1", due),
                OVERDUE: self.tr("已逾期（应于 %1 前报送）").replace("%1", due)}
        if check.key == "staffing":
            title = self.tr("专职人员不少于 %1 名").replace("%1", str(check.required))
            detail = self.tr("现有专职人员 %1 名").replace("%1", str(check.count))
        elif check.key == "signage":
            title = self.tr("悬挂服务站统一标识")
            detail = self.tr("%1 已悬挂").replace("%1", done_on) if check.ok else self.tr("尚未登记悬挂日期")
        elif check.key == "work_rules":
            title = self.tr("工作制度报服务总站备案")
            detail = self.tr("%1 已备案").replace("%1", done_on) if check.ok else self.tr("尚未登记备案日期")
        elif check.key == "annual_summary":
            title = self.tr("%1年度服务工作总结").replace("%1", str(check.year))
            detail = late.get(check.state, "")
        elif check.key == "annual_plan":
            title = self.tr("%1年度服务工作计划").replace("%1", str(check.year))
            detail = late.get(check.state, "")
        else:
            period = (check.period or "").replace("-Q", self.tr("年第")) + self.tr("季度")
            title = self.tr("定期信息报送（%1）").replace("%1", period)
            detail = late.get(check.state, "")
        return title, detail
