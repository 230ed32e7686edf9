"""操作日志: every HQ action (who, when, what, before and after), newest first, 200 at a time."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.hqdesk.audit import AuditEntry, audit_entries
from app.hqdesk.client import HqDeskClient
from app.ui.hq.pages import DeskUser
from app.ui.item_models.row_list_model import ListColumn, RowListModel
from app.ui.operations import run_in_background
from app.ui.widgets.list_table import ListTable

PAGE = 200


def _short(value: Any) -> str:
    if value is None:
        return ""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else text[:79] + "…"


class AuditPage(QWidget):
    def __init__(self, client: HqDeskClient, user: DeskUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client, self.user = client, user
        self.entries: list[AuditEntry] = []
        columns = [
            ListColumn(self.tr("时间"), lambda e: e.at_text),
            ListColumn(self.tr("操作人"), lambda e: e.actor),
            ListColumn(self.tr("角色"), lambda e: e.role),
            ListColumn(self.tr("操作"), lambda e: e.action),
            ListColumn(self.tr("对象"), lambda e: e.target),
            ListColumn(self.tr("之前"), lambda e: _short(e.before), tooltip=lambda e: _short(e.before)),
            ListColumn(self.tr("之后"), lambda e: _short(e.after), tooltip=lambda e: _short(e.after)),
        ]
        self.model = RowListModel(columns, self)
        self.table = ListTable(self.model, [140, 110, 70, 150, 140, 160, 160])
        self.table.empty_text = self.tr("还没有操作记录。服务总站的每一项操作（新增用户、审阅报送、发布资源等）都会记在这里。")
        self.table.no_match_text = self.tr("没有符合条件的记录，请改一下筛选条件。")
        self.action_filter = QLineEdit()
        self.action_filter.setPlaceholderText(self.tr("按操作筛选，如 report. 或 station.add"))
        self.action_filter.returnPressed.connect(self.refresh)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("在已列出的记录中查找"))
        self.search.textChanged.connect(lambda text: self.table.set_filter(text))
        self.more = QPushButton(self.tr("更早的记录"))
        self.more.clicked.connect(self.load_more)
        refresh = QPushButton(self.tr("刷新 (F5)"))
        refresh.clicked.connect(self.refresh)
        self.status = QLabel()
        bar = QHBoxLayout()
        for widget in (self.action_filter, self.search, refresh, self.more):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.refresh()

    def refresh(self) -> None:
        self._load(None)

    def load_more(self) -> None:
        if self.entries:
            self._load(self.entries[-1].id)

    def _load(self, before_id: int | None) -> None:
        action = self.action_filter.text().strip()
        run_in_background(self, lambda ctx: audit_entries(self.client, limit=PAGE, action=action, before_id=before_id),
                          on_success=lambda rows: self._show(rows, append=before_id is not None),
                          title=self.tr("读取操作日志"), show_progress=False)

    def _show(self, rows: list[AuditEntry], append: bool) -> None:
        self.entries = [*self.entries, *rows] if append else rows
        self.table.set_rows(self.entries)
        self.more.setEnabled(len(rows) == PAGE)
        self.status.setText(self.tr("已列出 %1 条").replace("%1", str(len(self.entries))))
