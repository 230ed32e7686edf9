"""A small form for one library row, saved through the HQ desk client on a worker.

The fields are declared (name, label, kind); 保存 sends only what the form holds, and HQ's
answer decides: a refusal is shown under the form, in HQ's own words (they name the field),
with the cursor put in that field.  Esc or 取消 asks before throwing away what was typed."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.hqdesk.client import HqDeskError
from app.ui import theme
from app.ui.operations import run_in_background
from app.ui.service_messages import shown_message
from app.ui.widgets.prompts import confirm

_NAMED = re.compile(r"（([a-z_]+)）|“([a-z_]+)”")


@dataclass(frozen=True)
class Spec:
    name: str  # the field as HQ names it
    label: str  # already translated
    kind: str = "line"  # line / text / choice / check / number
    choices: dict[str, str] = field(default_factory=dict)  # choice: code -> label
    hint: str = ""


class FieldsDialog(QDialog):
    saved = Signal(object)

    def __init__(self, title: str, specs: list[Spec], values: dict[str, Any], save: Callable[[dict[str, Any]], Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.save_func = save
        self.widgets: dict[str, QWidget] = {}
        form = QFormLayout()
        for spec in specs:
            widget = self._widget(spec, values.get(spec.name))
            self.widgets[spec.name] = widget
            form.addRow(spec.label, widget)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {theme.ERROR};")
        self.error.hide()
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._pristine = self.values()
        if specs:
            self.widgets[specs[0].name].setFocus()

    def _widget(self, spec: Spec, value: Any) -> QWidget:
        if spec.kind == "text":
            text = QPlainTextEdit(str(value or ""))
            text.setTabChangesFocus(True)
            text.setMinimumHeight(90)
            return text
        if spec.kind == "choice":
            combo = QComboBox()
            for code, label in spec.choices.items():
                combo.addItem(label, code)
            index = combo.findData(value)
            combo.setCurrentIndex(max(index, 0))
            return combo
        if spec.kind == "check":
            box = QCheckBox()
            box.setChecked(bool(value) if value is not None else True)
            return box
        if spec.kind == "number":
            spin = QSpinBox()
            spin.setRange(-(2**31), 2**31 - 1)
            spin.setValue(int(value or 0))
            return spin
        line = QLineEdit("" if value is None else str(value))
        line.setPlaceholderText(spec.hint)
        return line

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, widget in self.widgets.items():
            if isinstance(widget, QPlainTextEdit):
                out[name] = widget.toPlainText()
            elif isinstance(widget, QComboBox):
                out[name] = widget.currentData()
            elif isinstance(widget, QCheckBox):
                out[name] = widget.isChecked()
            elif isinstance(widget, QSpinBox):
                out[name] = widget.value()
            elif isinstance(widget, QLineEdit):
                text = widget.text().strip()
                out[name] = None if text == "" and name.endswith("_on") else text
        return out

    def submit(self) -> None:
        body = self.values()
        self.ok_button.setEnabled(False)
        run_in_background(self, lambda ctx: self.save_func(body), on_success=self._done, on_failure=self._refused,
                          title=self.windowTitle(), show_progress=False)

    def _done(self, result: Any) -> None:
        self.saved.emit(result)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        message = shown_message(exc) if isinstance(exc, HqDeskError) else self.tr("保存失败，请稍后再试。")
        self.error.setText(message)
        self.error.show()
        for match in _NAMED.finditer(message):
            name = match.group(1) or match.group(2)
            if name in self.widgets:
                self.widgets[name].setFocus()
                break

    def reject(self) -> None:
        if self.values() != self._pristine and not confirm(
                self, self.tr("放弃修改"), self.tr("已填写的内容还没有保存，确定要放弃吗？"), destructive=True):
            return
        super().reject()
