"""The main window: navigation on the left, one page per section, station in the status bar.

Only the page shown is built (app/ui/shell/lazy_pages.py); another is built when it is first
shown, by the navigation, Ctrl+digit, or a click-through from 首页 (`open_filtered`).

Built without a database (`db=None`), the window is its own frame: navigation, menus, title,
station and a 加载中… page, painted before SQLAlchemy is imported (issue 14; the launcher's
start_staged).  `attach_database` then adds what needs the database: the sync controller, the
status bar's last sync, and the page shown.  Nothing in this module's imports may load the ORM
(tests/test_startup_imports.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDesktopServices,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import __version__, paths
from app.services.station.station_info import StationInfo
from app.settings import LANGUAGE, LAST_PAGE, Settings
from app.ui import i18n, theme
from app.ui.shell import page_memory, window_state
from app.ui.shell.lazy_pages import LazyPages
from app.ui.shell.navigation import sections
from app.ui.shell.page_registry import page_factory
from app.ui.shell.placeholder_page import PlaceholderPage
from app.ui.shell.profile_menu import add_profile_menu
from app.ui.station.demo_banner import DemoBanner
from app.ui.widgets.prompts import inform

if TYPE_CHECKING:
    from app.models.database import Database
    from app.ui.dashboard.page import HomePage
    from app.ui.sync.auto_sync import AutoSyncController


class MainWindow(QMainWindow):
    profile_switch_requested = Signal(str)  # the profile to open instead of this one
    closed = Signal()

    def __init__(
        self,
        db: Database | None,
        profile: str,
        station: StationInfo | None,
        settings: Settings,
        *,
        demo: bool = False,
        remember: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.remember = remember  # False for --smoke: an offscreen geometry must not be restored later
        self.db = db
        self.profile = profile
        self.settings = settings
        self.demo = demo or profile == paths.DEMO_PROFILE or (station is not None and station.is_demo)
        self._sections = sections()

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(0, 0))
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setStyleSheet(
            "#navigation { border: none; border-right: 1px solid palette(mid); padding-top: 8px; outline: 0; }"
            "#navigation::item { padding: 9px 18px; }"
            f"#navigation::item:selected {{ background: {theme.ACCENT}; color: {theme.TEXT_ON_ACCENT}; }}"
        )
        self.stack = QStackedWidget()
        self._home_due = False  # the launcher asked for 首页's figures (after the first paint)
        self.auto_sync: AutoSyncController | None = None  # made by attach_database
        for section in self._sections:
            QListWidgetItem(section.title, self.nav)
        # Waiting until attach_database (below, or the launcher's after the frame's first paint).
        self.pages = LazyPages(self.stack, [s.key for s in self._sections], self._build_page, waiting=True)
        self.nav.currentRowChanged.connect(self.pages.show)
        # Wide enough for the longest title in the current language (English runs longer).
        longest = max(self.nav.fontMetrics().horizontalAdvance(s.title) for s in self._sections)
        self.nav.setFixedWidth(max(150, longest + 48))

        self.banner = DemoBanner()
        self.banner.setup_requested.connect(lambda: self.profile_switch_requested.emit(paths.DEFAULT_PROFILE))

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        self.banner.setVisible(self.demo)  # once parented: a parentless widget shown is a window of its own
        column.addLayout(body, 1)
        self.setCentralWidget(central)

        self._build_status_bar()
        self._build_menus()
        self._build_page_shortcuts()
        self.set_station(station)
        if not window_state.restore_main_window(self, settings):
            self.resize(1100, 720)
        self.show_page(settings.get(LAST_PAGE))
        if db is not None:
            self.attach_database(db)

    def attach_database(self, db: Database) -> None:
        """Give the frame its database: the sync controller, the status bar's last sync, then
        the page shown is built (the launcher calls this after the frame's first paint)."""
        # Imported here: it brings SQLAlchemy and the sync client, which the frame's paint must not wait for.
        from app.ui.sync.auto_sync import AutoSyncController

        self.db = db
        self.auto_sync = auto_sync = AutoSyncController(db, self.settings, enabled=not self.demo, parent=self)
        # A frame already painted starts the first sync's delay now; a window not yet shown, at its paint.
        auto_sync.start(None if self.isVisible() else self)
        self.sync_label.setText(auto_sync.status_text())  # the last sync in the log survives a restart
        auto_sync.sync_started.connect(lambda: self.sync_label.setText(self.tr("正在同步…")))
        auto_sync.sync_finished.connect(lambda _r: self.sync_label.setText(auto_sync.status_text()))
        auto_sync.problem.connect(lambda message: self.statusBar().showMessage(message))
        self.pages.release()

    # -- building -------------------------------------------------------------------
    def _build_page(self, key: str) -> QWidget:
        """The page for section `key`, built when it is first shown or asked for."""
        page: QWidget
        assert self.db is not None and self.auto_sync is not None, "pages wait for attach_database"
        if key == "sync":
            from app.ui.sync.page import SyncPage

            page = SyncPage(self.db, self.auto_sync, demo=self.demo)
            page.profile_ready.connect(self.profile_switch_requested)
        elif (factory := page_factory(key)) is not None:
            page = factory(self.db)
        else:
            section = next(s for s in self._sections if s.key == key)
            page = PlaceholderPage(section.title, section.coming)
        if hasattr(page, "open_records"):  # 首页's figures, 数据质量's rows: open what lies behind them
            page.open_records.connect(self.open_filtered)
        if key == "home" and self._home_due:
            page.reload()  # type: ignore[attr-defined]
        if self.remember:
            page_memory.restore(self.settings, key, page)  # its splitters and list order, as left last time
        return page

    def _build_status_bar(self) -> None:
        self.station_label = QLabel()
        self.profile_label = QLabel()
        self.sync_label = QLabel()  # the last sync, once attach_database has the database
        bar = self.statusBar()
        for label in (self.station_label, self.profile_label, self.sync_label):
            label.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(label)
        marker = self.tr("（演示）") if self.demo else ""
        self.profile_label.setText(self.tr("档案：%1").replace("%1", self.profile) + marker)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        add_profile_menu(file_menu, self.profile, self.profile_switch_requested.emit)
        open_logs = file_menu.addAction(self.tr("打开日志文件夹"))
        open_logs.triggered.connect(self.open_log_folder)
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("退出(&X)"))
        quit_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Q))
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.close)

        settings_menu = self.menuBar().addMenu(self.tr("设置(&S)"))
        language_menu = settings_menu.addMenu(self.tr("界面语言"))
        group = QActionGroup(self)
        current = self.settings.get(LANGUAGE)
        self.language_actions: dict[str, QAction] = {}
        for code, name in i18n.LANGUAGES.items():  # each language named in itself, never translated
            action = language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.setActionGroup(group)
            action.triggered.connect(lambda _checked=False, c=code: self.choose_language(c))
            self.language_actions[code] = action
        categories = settings_menu.addAction(self.tr("服务类别…"))
        categories.triggered.connect(self.edit_categories)
        lock_days = settings_menu.addAction(self.tr("锁定期限…"))
        lock_days.triggered.connect(self.edit_lock_days)

        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        keys = help_menu.addAction(self.tr("键盘快捷键…"))
        keys.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))  # F1
        keys.triggered.connect(self.show_shortcuts)
        about = help_menu.addAction(self.tr("关于服务站工作台"))
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self.show_about)

    def _build_page_shortcuts(self) -> None:
        digits = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5,
                  Qt.Key.Key_6, Qt.Key.Key_7, Qt.Key.Key_8, Qt.Key.Key_9, Qt.Key.Key_0]
        for index, (section, key) in enumerate(zip(self._sections, digits, strict=True)):
            action = QAction(section.title, self)
            action.setWhatsThis(self.tr("转到“%1”").replace("%1", section.title))  # 帮助 → 键盘快捷键
            action.setShortcut(QKeySequence(Qt.Modifier.CTRL | key))
            action.triggered.connect(lambda _checked=False, i=index: self.nav.setCurrentRow(i))
            self.addAction(action)

    # -- behaviour --------------------------------------------------------------------
    @property
    def home_page(self) -> HomePage:
        """首页, built if it was not yet."""
        return self.pages["home"]  # type: ignore[return-value]

    def reload_home(self) -> None:
        """Count 首页's figures now if it is built, else as soon as it is (the launcher calls
        this after the first paint and after demo data, so nothing is counted before)."""
        self._home_due = True
        home = self.pages.built().get("home")
        if home is not None:
            home.reload()  # type: ignore[attr-defined]

    def edit_categories(self) -> None:
        if self.db is None:  # the frame, before its database: a few hundred milliseconds at most
            return
        from app.ui.records import category_editor

        category_editor.edit_categories(self.db, self)

    def edit_lock_days(self) -> None:
        if self.db is None:
            return
        from app.ui.records import lock_settings_dialog

        lock_settings_dialog.edit_lock_days(self.db, self)

    def set_station(self, station: StationInfo | None) -> None:
        if station is None:
            text = self.tr("服务站：演示数据生成中…") if self.demo else self.tr("服务站：尚未设置")
            title = self.tr("中小企业服务站工作台")
        else:
            text = f"{station.name}（{station.code}）"
            title = self.tr("中小企业服务站工作台") + f" — {station.name}"
        self.station_label.setText(text)
        self.setWindowTitle(title)

    def show_page(self, key: str) -> None:
        keys = [s.key for s in self._sections]
        self.nav.setCurrentRow(keys.index(key) if key in keys else 0)

    def open_filtered(self, key: str, filt: dict[str, object]) -> None:
        """Show section `key` filtered as the home page asks (pages without show_filtered just open)."""
        page = self.pages.get(key)  # built now if it was not yet
        if page is not None and hasattr(page, "show_filtered"):
            page.show_filtered(filt)
        self.show_page(key)

    def current_page_key(self) -> str:
        return self._sections[max(0, self.nav.currentRow())].key

    def show_shortcuts(self) -> QWidget:
        """帮助 → 键盘快捷键 (F1): the keys of the page on screen and of the window."""
        from app.ui.widgets.shortcut_sheet import show_sheet

        section = self._sections[max(0, self.nav.currentRow())]
        return show_sheet(self, self.pages.built().get(section.key), section.title)

    def choose_language(self, code: str) -> None:
        if code == self.settings.get(LANGUAGE):
            return
        self.settings.set(LANGUAGE, code)
        inform(
            self,
            self.tr("界面语言"),
            self.tr("界面语言已改为“%1”，重新启动程序后生效。").replace("%1", i18n.LANGUAGES[code]),
        )

    def open_log_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.log_dir())))

    def show_about(self) -> None:
        inform(
            self,
            self.tr("关于服务站工作台"),
            self.tr("中小企业服务站工作台\n版本 %1\n\n为广州市中小企业服务站的日常服务登记、需求跟踪和报表而设计。").replace(
                "%1", __version__
            ),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.remember:
            window_state.save_main_window(self, self.settings)
            self.settings.set(LAST_PAGE, self.current_page_key())
            page_memory.save(self.settings, self.pages.built())
        super().closeEvent(event)
        if event.isAccepted():
            if self.auto_sync is not None:
                self.auto_sync.stop()
            self.closed.emit()
