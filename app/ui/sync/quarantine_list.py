"""The 同步 page's list of rows downloaded from HQ that could not be saved here
(app/sync/quarantine.py): table, record, error, attempts, and 重试 to try them again."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.models.database import Database
from app.sync.pull import retry_quarantined
from app.sync.quarantine import QuarantinedRow
from app.ui import theme
from app.ui.operations import OpContext, run_in_background
from app.ui.service_messages import shown_message


def _note(text: str, colour: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet(f"color: {colour};")
    return label


class QuarantineList(QWidget):
    retried = Signal(object)  # (applied, still kept), after 重试

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.explanation = _note(self.tr(
            "这些记录从服务总站下载后无法保存到本机（例如数值不是数字、缺少必填项或内容过长）。"
            "它们不会阻塞其他数据的同步；服务总站更正后会自动下载，升级本软件后也会自动重试。"), theme.TEXT_SECONDARY)
        self.table = self._build_table()
        self.empty = _note(self.tr("没有无法保存的数据：从服务总站下载的每一条记录都已保存到本机。"), theme.TEXT_MUTED)
        self.retry_button = QPushButton(self.tr("重试"))
        self.retry_button.setToolTip(self.tr("再次尝试把这些记录保存到本机"))
        self.retry_button.clicked.connect(self.retry)
        self.outcome = _note("", theme.TEXT_SECONDARY)
        row = QHBoxLayout()
        row.addWidget(self.retry_button)
        row.addWidget(self.outcome, 1)
        column = QVBoxLayout(self)
        column.addWidget(self.explanation)
        column.addWidget(self.table, 1)
        column.addWidget(self.empty)
        column.addLayout(row)
        column.addStretch(0)

    def _build_table(self) -> QTableWidget:
        table = QTableWidget(0, 4)
        table.setHorizontalHeaderLabels([self.tr("数据表"), self.tr("记录"), self.tr("错误"), self.tr("尝试次数")])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(True)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(False)
        for col, width in enumerate([100, 270, 420, 70]):
            table.setColumnWidth(col, width)
        return table

    def set_rows(self, rows: list[QuarantinedRow]) -> None:
        self.table.setRowCount(len(rows))
        for row, q in enumerate(rows):
            for col, text in enumerate([q.tbl, q.row_id, shown_message(q.error), str(q.attempts)]):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if col == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        self.table.setVisible(bool(rows))
        self.explanation.setVisible(bool(rows))
        self.retry_button.setVisible(bool(rows))
        self.empty.setVisible(not rows)

    def retry(self) -> None:
        """Every quarantined row, now; serialized with syncs and the other writes."""
        db = self._db
        self.retry_button.setEnabled(False)
        self.outcome.setText(self.tr("正在重试…"))

        def work(_ctx: OpContext) -> tuple[int, int]:
            with db.engine.connect() as conn:
                return retry_quarantined(conn, stale_only=False)

        def done(outcome: tuple[int, int]) -> None:
            self.retry_button.setEnabled(True)
            applied, still = outcome
            self.outcome.setText(self.tr("已保存 %1 条，仍有 %2 条无法保存。").replace("%1", str(applied)).replace("%2", str(still)))
            self.retried.emit(outcome)

        def failed(exc: BaseException) -> None:
            self.retry_button.setEnabled(True)
            self.outcome.setText(self.tr("重试未能完成：%1").replace("%1", shown_message(exc)))

        run_in_background(self, work, on_success=done, on_failure=failed, serial=True, cancellable=False,
                          title=self.tr("正在重试无法保存的下载…"))
