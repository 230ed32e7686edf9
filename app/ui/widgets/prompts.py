"""Confirmation and information prompts, through one replaceable handler (after Picard).

Tests never click through modal boxes:

    with answer_prompts(True) as asked:
        page.delete_selected()
    assert asked[0].kind == "confirm"
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.ui.service_messages import shown_message


@dataclass(frozen=True)
class Prompt:
    kind: str  # "confirm" or "inform"
    parent: QWidget | None
    title: str
    text: str
    destructive: bool = False


PromptHandler = Callable[[Prompt], bool]


def _show_box(prompt: Prompt) -> bool:
    box = QMessageBox(prompt.parent)
    try:
        return _run_box(box, prompt)
    finally:
        shiboken6.delete(box)  # never left for GC to destroy after QApplication (crash at exit)


def _run_box(box: QMessageBox, prompt: Prompt) -> bool:
    box.setWindowTitle(prompt.title)
    box.setText(prompt.text)
    if prompt.kind == "inform":
        box.setIcon(QMessageBox.Icon.Information)
        box.addButton(QCoreApplication.translate("Prompts", "确定"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        return True
    box.setIcon(QMessageBox.Icon.Warning if prompt.destructive else QMessageBox.Icon.Question)
    ok = box.addButton(QCoreApplication.translate("Prompts", "确定"), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QCoreApplication.translate("Prompts", "取消"), QMessageBox.ButtonRole.RejectRole)
    # A destructive action must not happen because the user pressed Enter out of habit.
    box.setDefaultButton(cancel if prompt.destructive else ok)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is ok


_handler: PromptHandler = _show_box


def set_prompt_handler(fn: PromptHandler | None) -> PromptHandler:
    """Replace how prompts are asked; None restores the message boxes.  Returns the previous handler."""
    global _handler
    previous = _handler
    _handler = fn or _show_box
    return previous


@contextmanager
def answer_prompts(value: bool) -> Iterator[list[Prompt]]:
    """Tests: every prompt inside the block is answered with `value` and recorded in the yielded list."""
    asked: list[Prompt] = []

    def handler(prompt: Prompt) -> bool:
        asked.append(prompt)
        return value

    previous = set_prompt_handler(handler)
    try:
        yield asked
    finally:
        set_prompt_handler(previous)


def confirm(parent: QWidget | None, title: str, text: str, *, destructive: bool = False) -> bool:
    """确定/取消 question; True only if the user chose 确定.  Destructive prompts default to 取消."""
    return bool(_handler(Prompt("confirm", parent, title, shown_message(text), destructive)))


def inform(parent: QWidget | None, title: str, text: str) -> None:
    _handler(Prompt("inform", parent, title, shown_message(text)))
