"""What a dialog's user has typed, so closing it can ask first, and where its cursor starts.

Typed input means text: line edits and text boxes.  The line edit inside a spin box or an
editable combo box is left out (a changed number or choice is quick to redo), so Esc on a
dialog where only a choice changed still closes at once.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from app.ui.widgets.prompts import confirm

Snapshot = tuple[str, ...]


def typed_text(dialog: QWidget) -> Snapshot:
    """The text of every text field of `dialog`, in a fixed order (compare two snapshots)."""
    texts: list[str] = []
    for edit in dialog.findChildren(QLineEdit):
        if not isinstance(edit.parent(), (QAbstractSpinBox, QComboBox)):
            texts.append(edit.text())
    texts.extend(box.toPlainText() for box in dialog.findChildren(QPlainTextEdit))
    texts.extend(box.toPlainText() for box in dialog.findChildren(QTextEdit))
    return tuple(texts)


def may_discard(dialog: QWidget, pristine: Snapshot | None) -> bool:
    """True when nothing was typed since `pristine`, or the user agrees to lose it."""
    if pristine is None or typed_text(dialog) == pristine:
        return True
    translate = QCoreApplication.translate
    return confirm(dialog, translate("UnsavedInput", "放弃已填写的内容？"),
                   translate("UnsavedInput", "“%1”里填写的内容还没有保存，关闭后将丢失。\n\n确定关闭吗？")
                   .replace("%1", dialog.windowTitle()), destructive=True)


def first_field(form: QFormLayout) -> QWidget | None:
    """The first field of `form` that takes the keyboard (a form opens with the cursor there)."""
    for row in range(form.rowCount()):
        for role in (QFormLayout.ItemRole.FieldRole, QFormLayout.ItemRole.SpanningRole):
            item = form.itemAt(row, role)
            widget = item.widget() if item is not None else None
            if (widget is not None and not widget.isHidden() and widget.isEnabled()
                    and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
                return widget
    return None
