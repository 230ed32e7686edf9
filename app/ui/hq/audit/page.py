"""操作日志: every HQ action (who, when, what, before and after), newest first, 200 at a time.

What HQ stores stays as stored (the role code, "命令行:<login>" for the command line, the official
Chinese district in a before/after value); the page shows it in the user's language.  Seven columns
fit a 1024×600 window; a long before/after value is elided with the whole of it as the tooltip."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.hqdesk.audit import AuditEntry, audit_entries
from app.hqdesk.client import HqDeskClient
from app.ui.hq.pages import DeskUser
from app.ui.item_models.row_list_model import ListColumn, RowListModel
from app.ui.operations import run_in_background
from app.ui.service_messages import shown_name
from app.ui.widgets.elided_tips import fit_to_names
from app.ui.widgets.list_table import ListTable
from app.ui.widgets.list_views import bind_find

PAGE = 200


CLI_PREFIX = "命令行:"  # app.hq.admin.audit.cli_actor


def _shown_values(value: Any) -> Any:
    """`value` with each text in it as the user's language shows it (天河区 → Tianhe District)."""
    if isinstance(value, str):
        return shown_name(value)
    if isinstance(value, dict):
        return {key: _shown_values(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_shown_values(item) for item in value]
    return value


def _short(value: Any) -> str:
    if value is None:
        return ""
    value = _shown_values(value)
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else text[:79] + "…"


class AuditPage(QWidget):
    def __init__(self, client: HqDeskClient, user: DeskUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client, self.user = client, user
        self.entries: list[AuditEntry] = []
        self._roles = {"cli": self.tr("命令行"), "admin": self.tr("管理员"), "staff": self.tr("服务总站工作人员"),
                       "bureau": self.tr("市工信局")}
        columns = [
            ListColumn(self.tr("时间"), lambda e: e.at_text),
            ListColumn(self.tr("操作人"), self._actor),
            ListColumn(self.tr("角色"), lambda e: self._roles.get(e.role, e.role)),
            ListColumn(self.tr("操作"), lambda e: e.action),
            ListColumn(self.tr("对象"), lambda e: e.target),
            ListColumn(self.tr("之前"), lambda e: _short(e.before), tooltip=lambda e: _short(e.before)),
            ListColumn(self.tr("之后"), lambda e: _short(e.after), tooltip=lambda e: _short(e.after)),
        ]
        self.model = RowListModel(columns, self)
        self.table = ListTable(self.model, [136, 130, 100, 110, 110, 100, 100])
        fit_to_names(self.table.table, {2: self._roles.values()}, most=140)  # 服务总站工作人员 whole
        self.table.empty_text = self.tr("还没有操作记录。服务总站的每一项操作（新增用户、审阅报送、发布资源等）都会记在这里。")
        self.table.no_match_text = self.tr("没有符合条件的记录，请改一下筛选条件。")
        self.action_filter = QLineEdit()
        self.action_filter.setPlaceholderText(self.tr("按操作筛选，如 report. 或 station.add"))
        self.action_filter.returnPressed.connect(self.refresh)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("在已列出的记录中查找（Ctrl+F）"))
        bind_find(self, self.search)
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

    def _actor(self, entry: AuditEntry) -> str:
        if entry.actor.startswith(CLI_PREFIX):
            return self.tr("命令行:%1").replace("%1", entry.actor.removeprefix(CLI_PREFIX))
        return entry.actor

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
