"""A form dialog that saves itself: fields in a QFormLayout, 保存/取消, the write on the serial
worker (one transaction), and a UserError shown inside the dialog under the form, its field
focused (and outlined, where the form sets `error_outline`).  It opens with the cursor in its first
field, and asks before Esc, 取消 or the close box throws away what was typed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import UserError
from app.models.database import Database
from app.ui import theme
from app.ui.db_operations import write_in_background
from app.ui.records.form_fields import parse_day
from app.ui.service_messages import shown_message
from app.ui.widgets.dialog_fit import fit_size, grow_to_content
from app.ui.widgets.error_dialog import show_error
from app.ui.widgets.unsaved_input import Snapshot, first_field, may_discard, typed_text

Work = Callable[[Any], Any]  # a function of the session -> the saved row


def error_label() -> QLabel:
    """The red message line under a dialog's form, hidden until there is something to say."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {theme.ERROR};")
    label.hide()
    return label


class FormDialog(QDialog):
    saved = Signal(object)  # whatever work() returned
    error_outline = ""  # style sheet that marks the refused field (e.g. a red border); "" only focuses it

    def __init__(self, db: Database, title: str, parent: QWidget | None = None, *,
                 ok_text: str | None = None, min_width: int = 480) -> None:
        super().__init__(parent)
        self._db = db
        self.setWindowTitle(title)
        self.setMinimumWidth(min_width)
        self.form = QFormLayout()
        self.fields: dict[str, QWidget] = {}  # service field name -> widget (focused on error)
        self._outlined: QWidget | None = None
        self.error_label = error_label()
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(ok_text or self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        # The fields scroll when the screen is low (1024×600); the message and the buttons stay in view.
        fields = QWidget()
        fields.setLayout(self.form)
        self.scroll = QScrollArea()
        self.scroll.setWidget(fields)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body = QVBoxLayout(self)
        self.body.addWidget(self.scroll, 1)
        self.body.addWidget(self.error_label)
        self.body.addWidget(self.buttons)
        self._pristine: Snapshot | None = None  # the text fields as the dialog opened

    def add_row(self, field: str, label: str, widget: QWidget) -> None:
        self.fields[field] = widget
        self.form.addRow(label, widget)

    @staticmethod
    def text_box(lines: int, placeholder: str = "") -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setPlaceholderText(placeholder)
        box.setTabChangesFocus(True)
        box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
        return box

    @staticmethod
    def day(text: str, label: str, field: str) -> Any:
        message = QCoreApplication.translate("FormDialog", "%1：请按“2026-07-01”的格式填写，或留空。").replace("%1", label)
        return parse_day(text, message, field)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pristine is None:  # the first showing: the fields hold what the dialog was opened with
            self._fit()
            self._pristine = typed_text(self)
            first = first_field(self.form)
            if first is not None:
                first.setFocus()

    def _fit(self) -> None:
        """As tall as the fields want, as the screen allows; a scroll bar for the rest."""
        fields = self.scroll.widget()
        bar = self.scroll.verticalScrollBar().sizeHint().width()
        width = max(self.width(), fields.sizeHint().width() + bar + 2 * self.body.contentsMargins().left())
        chrome = self.body.totalSizeHint().height() - self.scroll.sizeHint().height()
        fit_size(self, width, fields.sizeHint().height() + chrome)

    def reject(self) -> None:
        if may_discard(self, self._pristine):
            super().reject()

    def work(self) -> Work:
        """Read the fields (raising UserError for what the widgets can tell) and return the write."""
        raise NotImplementedError

    def submit(self) -> None:
        self.clear_errors()
        try:
            work = self.work()
        except UserError as exc:
            self._failed(exc)
            return
        self.ok_button.setEnabled(False)
        write_in_background(self, self._db, work, title=self.windowTitle(), on_success=self._done,
                            on_failure=self._failed)

    def _done(self, result: Any) -> None:
        self.accept()
        self.saved.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if not isinstance(exc, UserError):
            show_error(self, self.tr("保存失败，请重试。"), repr(exc))
            return
        self.show_field_error(exc)

    def clear_errors(self) -> None:
        """Before another try: the last message and outline go."""
        self.error_label.hide()
        if self._outlined is not None:
            self._outlined.setStyleSheet("")
            self._outlined = None

    def show_field_error(self, exc: UserError) -> None:
        """The message under the form; the field it names (when the form has it) focused."""
        self.clear_errors()
        self.error_label.setText(shown_message(exc))
        self.error_label.show()
        grow_to_content(self)
        widget = self.fields.get(exc.field or "")
        if widget is not None:
            if self.error_outline:
                widget.setStyleSheet(self.error_outline)
                self._outlined = widget
            widget.setFocus()
