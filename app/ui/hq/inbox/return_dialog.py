"""退回报告: the comment HQ sends back with a returned report (required: it tells the station
what to change)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from app.ui import theme

MAX_COMMENT = 2000


class ReturnDialog(QDialog):
    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("退回报告"))
        intro = QLabel(self.tr("退回“%1”。请写明需要服务站修改或补充什么，服务站下次同步后会看到这段意见。").replace("%1", what))
        intro.setWordWrap(True)
        self.comment = QPlainTextEdit()
        self.comment.setPlaceholderText(self.tr("例如：请补充本期重点企业名单和诉求办理情况。"))
        self.comment.setTabChangesFocus(True)
        self.problem = QLabel()
        self.problem.setStyleSheet(f"color: {theme.ERROR};")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("退回"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.comment.textChanged.connect(self._check)
        layout = QVBoxLayout(self)
        for widget in (intro, self.comment, self.problem, self.buttons):
            layout.addWidget(widget)
        self.resize(520, 300)
        self._check()
        self.comment.setFocus()

    def text(self) -> str:
        return self.comment.toPlainText().strip()

    def _check(self) -> None:
        text = self.text()
        problem = ""
        if not text:
            problem = self.tr("退回意见不能为空。")
        elif len(text) > MAX_COMMENT:
            problem = self.tr("退回意见最多 %1 个字，现在 %2 个字。").replace("%1", str(MAX_COMMENT)).replace("%2", str(len(text)))
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)
