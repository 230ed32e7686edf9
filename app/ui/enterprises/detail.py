"""An enterprise's whole history in one timeline, newest first: service records, demands, events."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models.database import Database
from app.services.enterprises import registry as enterprise_service
from app.services.enterprises.registry import EnterpriseDetail, EnterpriseHistory
from app.ui import theme
from app.ui.catalogue_names import shown
from app.ui.db_operations import read_in_background
from app.ui.widgets.dialog_fit import fit_size

OVERDUE = QColor(theme.ERROR)


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


class EnterpriseDetailDialog(QDialog):
    loaded = Signal()
    edit_requested = Signal(object)  # enterprise id

    def __init__(self, db: Database, enterprise_id: uuid.UUID, parent: QWidget | None = None,
                 *, focus_id: uuid.UUID | None = None) -> None:
        super().__init__(parent)
        self._db, self.enterprise_id, self._focus_id = db, enterprise_id, focus_id
        self.setWindowTitle(self.tr("企业详情"))
        fit_size(self, 860, 560)  # no larger than a 1024×600 screen allows
        self.heading = QLabel(self.tr("正在读取…"))
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.counts = QLabel()
        self.timeline = QTreeWidget()
        self.timeline.setRootIsDecorated(False)
        self.timeline.setAlternatingRowColors(True)
        self.timeline.setHeaderLabels([self.tr("日期"), self.tr("类型"), self.tr("内容"), self.tr("人员/状态")])
        header = self.timeline.header()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.timeline.setColumnWidth(0, 100)
        self.timeline.setColumnWidth(1, 90)
        self.timeline.setColumnWidth(3, 130)
        self.empty = QLabel(self.tr("这家企业还没有服务记录、需求或活动记录。"))
        self.empty.setStyleSheet(f"color: {theme.TEXT_MUTED}; padding: 16px;")
        self.empty.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        self.edit_button = QPushButton(self.tr("编辑企业资料"))
        buttons.addButton(self.edit_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.edit_button.clicked.connect(lambda: (self.edit_requested.emit(self.enterprise_id), self.accept()))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.facts, self.counts):
            layout.addWidget(widget)
        layout.addWidget(self.timeline, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self._read()

    def _read(self) -> None:
        enterprise_id = self.enterprise_id
        read_in_background(self, self._db, lambda s: (enterprise_service.get(s, enterprise_id),
                                                      enterprise_service.history(s, enterprise_id)),
                           on_success=lambda r: self._show(*r))

    def _show(self, detail: EnterpriseDetail, history: EnterpriseHistory) -> None:
        self.heading.setText(detail.name)
        facts = [detail.credit_code or self.tr("未填信用代码"), shown(detail.district or ""), detail.industry_label,
                 detail.size_label or self.tr("规模待定"), detail.status_label,
                 " ".join(x for x in (detail.contact_name, detail.contact_phone) if x)]
        self.facts.setText(" · ".join(f for f in facts if f))
        self.edit_button.setEnabled(detail.editable)
        self.counts.setText(self.tr("服务记录 %1 条 · 需求 %2 项 · 参加活动 %3 次")
                            .replace("%1", str(len(history.service_records))).replace("%2", str(len(history.demands)))
                            .replace("%3", str(len(history.events))))
        entries: list[tuple[date, list[str], uuid.UUID, bool]] = []
        for r in history.service_records:
            text = f"{r.category_label}（{r.channel_label}，{r.minutes} 分钟）{r.summary}".replace("\n", " ")
            entries.append((r.service_date, [self.tr("服务记录"), text, r.staff_name], r.id, False))
        for d in history.demands:
            text = f"{d.title}（{d.category_label}）" + (self.tr("，期限 %1").replace("%1", str(d.due_on)) if d.due_on else "")
            entries.append((d.received_on, [self.tr("服务需求"), text, d.status_label], d.id, d.overdue))
        for e in history.events:
            text = f"{e.title}（{e.event_type_label}，{e.venue}）{e.attendee_name}"
            state = self.tr("已签到") if e.checked_in else self.tr("已报名")
            entries.append((_day(e.starts_at), [self.tr("活动"), text, state], e.event_id, False))
        entries.sort(key=lambda entry: entry[0], reverse=True)  # stable: each kind is already newest first
        self.timeline.clear()
        for day, columns, item_id, overdue in entries:
            item = QTreeWidgetItem([day.isoformat(), *columns])
            item.setData(0, Qt.ItemDataRole.UserRole, item_id)
            item.setToolTip(2, columns[1])
            if overdue:
                item.setForeground(3, QBrush(OVERDUE))
            self.timeline.addTopLevelItem(item)
            if item_id == self._focus_id:
                self.timeline.setCurrentItem(item)
        self.empty.setVisible(not entries)
        self.timeline.setVisible(bool(entries))
        self.loaded.emit()

    def entry_texts(self) -> list[str]:
        """The timeline as text, top to bottom (tests)."""
        count = self.timeline.topLevelItemCount()
        return [" ".join(self.timeline.topLevelItem(i).text(c) for c in range(4)) for i in range(count)]
