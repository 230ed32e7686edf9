"""The HQ-mode main window: a list of HQ's pages on the left, the page on the right, who is
signed in (name, role, server) in the status bar.

Keys: Ctrl+1…9 jump to a page, F5 refreshes the page shown, Ctrl+Q quits.  The layout and the
last page are remembered like the station window's (app/ui/shell/window_state.py, its own
settings keys) when the launcher passes `settings`; 文件 → 切换档案 asks the launcher to open
another profile (station or HQ)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QStackedWidget, QWidget

from app.hqdesk.client import HqDeskClient
from app.settings import HQ_LAST_PAGE, HQ_WINDOW_GEOMETRY, HQ_WINDOW_STATE, Settings
from app.ui import operations, theme
from app.ui.hq.pages import DeskUser, HqPage, page_factory, pages_for, title_of
from app.ui.shell import page_memory, window_state
from app.ui.shell.profile_menu import add_profile_menu

WINDOW_KEYS = (HQ_WINDOW_GEOMETRY, HQ_WINDOW_STATE)
MEMORY_PREFIX = "hq:"  # its pages' memory beside the station window's in PAGE_MEMORY


class HqWindow(QMainWindow):
    profile_switch_requested = Signal(str)
    closed = Signal()

    def __init__(self, client: HqDeskClient, user: DeskUser, parent: QWidget | None = None, *,
                 settings: Settings | None = None, profile: str = "", remember: bool = False) -> None:
        super().__init__(parent)
        self.client, self.user = client, user
        self.settings, self.profile, self.remember = settings, profile, remember and settings is not None
        role_label = {"admin": self.tr("管理员"), "staff": self.tr("服务总站工作人员"),
                      "bureau": self.tr("市工业和信息化局")}.get(user.role, user.role_label)  # in the UI's language
        self.setWindowTitle(self.tr("中小企业服务站工作台 — 服务总站（%1）").replace("%1", role_label))
        self.pages: list[HqPage] = pages_for(user.role)
        self.built: dict[str, QWidget] = {}
        self.nav = QListWidget()
        self.nav.setObjectName("hqNavigation")
        self.nav.setStyleSheet(
            "#hqNavigation { border: none; border-right: 1px solid palette(mid); padding-top: 8px; outline: 0; }"
            "#hqNavigation::item { padding: 9px 18px; }"
            f"#hqNavigation::item:selected {{ background: {theme.ACCENT}; color: {theme.TEXT_ON_ACCENT}; }}"
        )
        self.stack = QStackedWidget()
        for page in self.pages:
            self.nav.addItem(QListWidgetItem(title_of(page)))
            self.stack.addWidget(QWidget())  # a placeholder until the page is first shown
        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)
        who = QLabel(self.tr("%1（%2） · %3").replace("%1", user.name).replace("%2", role_label)
                     .replace("%3", user.server))
        who.setObjectName("hqSignedIn")
        self.statusBar().addPermanentWidget(who)
        if self.pages:  # wide enough for the longest title in the current language (English runs longer)
            longest = max(self.nav.fontMetrics().horizontalAdvance(title_of(p)) for p in self.pages)
            self.nav.setFixedWidth(max(150, longest + 48))
        if profile:
            who.setText(who.text() + " · " + self.tr("档案：%1").replace("%1", profile))
        self.nav.currentRowChanged.connect(self.show_page)
        self._shortcuts()
        self._menus()
        if settings is None or not window_state.restore_main_window(self, settings, WINDOW_KEYS):
            self.resize(1200, 760)
        if not self.pages:
            self.statusBar().showMessage(self.tr("你的角色没有可用的页面，请联系服务总站管理员。"))
        else:
            last = settings.get(HQ_LAST_PAGE) if settings is not None else ""
            keys = [p.key for p in self.pages]
            self.nav.setCurrentRow(keys.index(last) if last in keys else 0)

    def _shortcuts(self) -> None:
        refresh = QAction(self.tr("刷新"), self)
        refresh.setShortcut(QKeySequence(Qt.Key.Key_F5))
        refresh.triggered.connect(self.refresh)
        quit_action = QAction(self.tr("退出"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.addActions([refresh, quit_action])
        for number, page in enumerate(self.pages[:9], start=1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self,
                                 activated=lambda n=number: self.nav.setCurrentRow(n - 1))
            shortcut.setWhatsThis(self.tr("转到“%1”").replace("%1", title_of(page)))

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        if self.profile:
            add_profile_menu(file_menu, self.profile, self.profile_switch_requested.emit)
            file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("退出(&X)"))
        quit_action.triggered.connect(self.close)
        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        keys = help_menu.addAction(self.tr("键盘快捷键…"))
        keys.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))  # F1
        keys.triggered.connect(self.show_shortcuts)

    def show_shortcuts(self) -> QWidget:
        """帮助 → 键盘快捷键 (F1): the keys of the page on screen and of the window."""
        from app.ui.widgets.shortcut_sheet import show_sheet

        row = self.nav.currentRow()
        page = self.pages[row] if 0 <= row < len(self.pages) else None
        return show_sheet(self, self.built.get(page.key) if page else None, title_of(page) if page else "")

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
            if self.remember and self.settings is not None:
                page_memory.restore(self.settings, MEMORY_PREFIX + page.key, widget)
        self.stack.setCurrentIndex(row)

    def refresh(self) -> None:
        widget: Any = self.built.get(self.page_key() or "")
        if widget is not None and hasattr(widget, "refresh"):
            widget.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.remember and self.settings is not None:
            window_state.save_main_window(self, self.settings, WINDOW_KEYS)
            self.settings.set(HQ_LAST_PAGE, self.page_key() or "")
            page_memory.save(self.settings, {MEMORY_PREFIX + key: page for key, page in self.built.items()})
        super().closeEvent(event)
        if event.isAccepted():
            # the pages' requests finish first: a client closed under one would report an error
            operations.shutdown()
            self.client.close()
            self.closed.emit()
