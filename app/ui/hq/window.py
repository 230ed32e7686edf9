"""The HQ-mode main window: a list of HQ's pages on the left, the page on the right, who is
signed in (name, role, server) in the status bar.

Keys: Ctrl+1…9 jump to a page, F5 refreshes the page shown, Ctrl+Q quits.  The layout is
remembered like the station window's (app/ui/shell/window_state.py, its own settings keys)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QStackedWidget, QWidget

from app.hqdesk.client import HqDeskClient
from app.ui.hq.pages import DeskUser, HqPage, page_factory, pages_for, title_of


class HqWindow(QMainWindow):
    def __init__(self, client: HqDeskClient, user: DeskUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client, self.user = client, user
        self.setWindowTitle(self.tr("中小企业服务站工作台 — 服务总站（%1）").replace("%1", user.role_label))
        self.pages: list[HqPage] = pages_for(user.role)
        self.built: dict[str, QWidget] = {}
        self.nav = QListWidget()
        self.nav.setObjectName("hqNavigation")
        self.nav.setMaximumWidth(180)
        self.stack = QStackedWidget()
        for page in self.pages:
            self.nav.addItem(QListWidgetItem(title_of(page)))
            self.stack.addWidget(QWidget())  # a placeholder until the page is first shown
        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)
        who = QLabel(self.tr("%1（%2） · %3").replace("%1", user.name).replace("%2", user.role_label)
                     .replace("%3", user.server))
        who.setObjectName("hqSignedIn")
        self.statusBar().addPermanentWidget(who)
        self.nav.currentRowChanged.connect(self.show_page)
        self._shortcuts()
        if not self.pages:
            self.statusBar().showMessage(self.tr("你的角色没有可用的页面，请联系总站管理员。"))
        else:
            self.nav.setCurrentRow(0)

    def _shortcuts(self) -> None:
        refresh = QAction(self.tr("刷新"), self)
        refresh.setShortcut(QKeySequence(Qt.Key.Key_F5))
        refresh.triggered.connect(self.refresh)
        quit_action = QAction(self.tr("退出"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.addActions([refresh, quit_action])
        for number in range(1, min(9, len(self.pages)) + 1):
            QShortcut(QKeySequence(f"Ctrl+{number}"), self, activated=lambda n=number: self.nav.setCurrentRow(n - 1))

    def page_key(self) -> str | None:
        row = self.nav.currentRow()
        return self.pages[row].key if 0 <= row < len(self.pages) else None

    def page(self, key: str) -> QWidget | None:
        """The page `key`, built (and shown) if it was not yet."""
        for row, page in enumerate(self.pages):
            if page.key == key:
                self.nav.setCurrentRow(row)
                return self.built.get(key)
        return None

    def show_page(self, row: int) -> None:
        if not 0 <= row < len(self.pages):
            return
        page = self.pages[row]
        if page.key not in self.built:
            widget = page_factory(page)(self.client, self.user)
            old = self.stack.widget(row)
            self.stack.insertWidget(row, widget)
            self.stack.removeWidget(old)
            old.deleteLater()
            self.built[page.key] = widget
        self.stack.setCurrentIndex(row)

    def refresh(self) -> None:
        widget: Any = self.built.get(self.page_key() or "")
        if widget is not None and hasattr(widget, "refresh"):
            widget.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.client.close()
        super().closeEvent(event)
