"""Driving widgets as a user at the keyboard does, for the widget tests."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget


def activate(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Wait until the shown `widget` is on screen and the active window (keys go to it)."""
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    """One key (with `modifier`) to whichever widget has the focus."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def commit_text(text: str, widget: QWidget | None = None) -> None:
    """Text as an input method delivers it (QTest cannot press 云), to `widget` or the focus."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget or QApplication.focusWidget(), event)


def type_text(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Into the focused widget: ASCII key by key, Chinese committed by the input method."""
    if text.isascii():
        qtbot.keyClicks(QApplication.focusWidget(), text)
    else:
        commit_text(text)
