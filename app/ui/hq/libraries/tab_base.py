"""What every 资源库 tab shares: the client, whether the signed-in role may edit (staff),
a button row, a status line, and calls to HQ on a worker (never on the GUI thread) whose
failure is shown on the status line in HQ's own words."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from app.hqdesk.client import HqDeskClient, HqDeskError
from app.ui import theme
from app.ui.hq.pages import DeskUser
from app.ui.operations import run_in_background
from app.ui.service_messages import shown_message

EDITOR_ROLE = "staff"  # app.hq.libraries.routes: writes are StaffRole


def ask_text(parent: QWidget, title: str, label: str) -> tuple[str, bool]:
    """One line of text from the user (a reason, a comment) and whether they chose 确定;
    tests replace this function (a modal dialog would wait for a click)."""
    text, ok = QInputDialog.getText(parent, title, label)
    return text, ok


class LibraryTab(QWidget):
    def __init__(self, client: HqDeskClient, user: DeskUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client, self.user = client, user
        self.can_write = user.role == EDITOR_ROLE
        self.loaded = False
        self._asked: dict[str, int] = {}
        self.bar = QHBoxLayout()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.bar)

    def finish_layout(self, main: QWidget) -> None:
        self.body.addWidget(main, 1)
        self.body.addWidget(self.status)
        self.say("")

    def for_role(self, writer: str, reader: str) -> str:
        """`writer` for the role that has the write buttons, `reader` (naming none of them) for the rest."""
        return writer if self.can_write else reader

    def button(self, text: str, slot: Callable[[], object], *, shortcut: str = "", write: bool = True) -> QPushButton:
        """A button on the row; a write button only for the editing role."""
        button = QPushButton(text)
        button.clicked.connect(lambda: slot())
        if shortcut:
            button.setShortcut(QKeySequence(shortcut))
            button.setToolTip(shortcut)
        if write and not self.can_write:
            button.hide()
        self.bar.addWidget(button)
        return button

    def say(self, text: str, *, error: bool = False) -> None:
        """`text` on the status line; a role that may not edit also reads why it has no write buttons
        (a count shown after loading must not hide that)."""
        if not self.can_write and not error:
            note = self.tr("只读：只有服务总站工作人员（staff）可以修改资源库。")
            text = self.tr("%1。%2").replace("%1", text.rstrip("。.")).replace("%2", note) if text else note
        self.status.setStyleSheet(f"color: {theme.ERROR if error else theme.TEXT_SECONDARY};")
        self.status.setText(text)

    def call(self, work: Callable[[], Any], done: Callable[[Any], None], title: str, *, key: str = "") -> None:
        """`work()` (an app.hqdesk.libraries call) on a worker, then `done(result)` here.  With
        a `key`, only the latest call of that key is shown: a slower earlier read (the list
        before the filter changed) never overwrites a newer one."""
        self._asked[key] = number = self._asked.get(key, 0) + 1

        def deliver(result: Any) -> None:
            if not key or self._asked.get(key) == number:
                done(result)

        run_in_background(self, lambda ctx: work(), on_success=deliver, on_failure=self._failed, title=title,
                          show_progress=False)

    def _failed(self, exc: BaseException) -> None:
        self.say(shown_message(exc) if isinstance(exc, HqDeskError) else self.tr("操作失败，请稍后再试。"), error=True)

    def ensure_loaded(self) -> None:
        if not self.loaded:
            self.loaded = True
            self.refresh()

    def refresh(self) -> None:  # each tab reads its rows
        raise NotImplementedError
