"""数据质量: what a person should look at, grouped by kind with counts; a row opens its record:
an enterprise in its form, a service record in the 服务记录 form, a demand in the 服务需求 pool."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
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

from app.domain.periods import china_today
from app.models.database import Database
from app.services.enterprises.quality import KINDS, QualityIssue, quality_issues
from app.ui.db_operations import read_in_background
from app.ui.service_messages import shown_message
from app.ui.widgets.dialog_fit import fit_size


def issue_target(issue: QualityIssue) -> tuple[str, dict[str, object]] | None:
    """The page and `show_filtered` filter that open a service record or a demand itself
    (see the main window's `open_filtered`); None for an enterprise (its form opens)."""
    if issue.record_type == "service_record":
        return "service_records", {"record_id": issue.record_id, "enterprise_name": issue.enterprise_name}
    if issue.record_type == "demand":
        return "demands", {"demand_id": issue.record_id}
    return None


class QualityDialog(QDialog):
    loaded = Signal()
    open_requested = Signal(object)  # the QualityIssue whose record should open

    def __init__(self, db: Database, parent: QWidget | None = None,
                 *, today: Callable[[], date] = china_today) -> None:
        super().__init__(parent)
        self._db, self._today = db, today
        self.issues: list[QualityIssue] = []
        self.setWindowTitle(self.tr("数据质量"))
        fit_size(self, 1040, 600)  # no larger than a 1024×600 screen allows
        self.summary = QLabel(self.tr("正在检查…"))
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("记录"), self.tr("问题和处理办法")])
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.tree.setColumnWidth(0, 360)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tree.itemActivated.connect(self._activated)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        self.refresh_button = QPushButton(self.tr("重新检查"))
        buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.refresh_button.clicked.connect(self.refresh)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(QLabel(self.tr("双击或按 Enter 打开记录；改正后点“重新检查”。")))
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        today = self._today()
        self.refresh_button.setEnabled(False)
        read_in_background(self, self._db, lambda s: quality_issues(s, today=today), on_success=self._show,
                           title=self.tr("检查数据质量"), show_progress=True)

    def _show(self, issues: list[QualityIssue]) -> None:
        self.issues = issues
        self.refresh_button.setEnabled(True)
        groups: dict[str, list[QualityIssue]] = defaultdict(list)
        for issue in issues:
            groups[issue.kind].append(issue)
        self.tree.clear()
        for kind, label in KINDS.items():
            members = groups.get(kind, [])
            if not members:
                continue
            group = QTreeWidgetItem([self.tr("%1（%2）").replace("%1", shown_message(label)).replace("%2", str(len(members)))])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFirstColumnSpanned(True)
            self.tree.addTopLevelItem(group)
            for issue in members:
                child = QTreeWidgetItem(group, [shown_message(issue.title), shown_message(issue.reason)])
                child.setData(0, Qt.ItemDataRole.UserRole, issue)
                child.setToolTip(1, shown_message(issue.reason))
            group.setExpanded(len(members) <= 50)
        if issues:
            self.summary.setText(self.tr("共 %1 个问题，分 %2 类。").replace("%1", str(len(issues))).replace("%2", str(len(groups))))
        else:
            self.summary.setText(self.tr("没有发现数据质量问题。"))
        self.loaded.emit()

    def group_counts(self) -> dict[str, int]:
        """kind label → number of rows under it (tests)."""
        return {self.tree.topLevelItem(i).text(0): self.tree.topLevelItem(i).childCount()
                for i in range(self.tree.topLevelItemCount())}

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        issue = item.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(issue, QualityIssue):
            self.open_issue(issue)

    def open_issue(self, issue: QualityIssue) -> None:
        self.open_requested.emit(issue)
