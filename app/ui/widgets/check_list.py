"""A QListWidget of tick boxes, each item carrying its value (an expert's fields of
expertise, the policies an event explains)."""

from __future__ import annotations

from collections.abc import Container, Iterable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

_VALUE = Qt.ItemDataRole.UserRole


def _state(on: bool) -> Qt.CheckState:
    return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked


def add_choices(widget: QListWidget, choices: Iterable[tuple[Any, str]], ticked: Container[Any]) -> None:
    """One tick box per (value, label), ticked where the value is in `ticked`."""
    for value, label in choices:
        item = QListWidgetItem(label)
        item.setData(_VALUE, value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(_state(value in ticked))
        widget.addItem(item)


def set_ticked(widget: QListWidget, ticked: Container[Any]) -> None:
    for n in range(widget.count()):
        item = widget.item(n)
        item.setCheckState(_state(item.data(_VALUE) in ticked))


def ticked_values(widget: QListWidget) -> tuple[Any, ...]:
    """The values ticked, in list order."""
    items = (widget.item(n) for n in range(widget.count()))
    return tuple(i.data(_VALUE) for i in items if i.checkState() == Qt.CheckState.Checked)
