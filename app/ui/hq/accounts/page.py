"""用户与服务站: HQ desk users and the stations enrolled with HQ, one tab each.

Everyone signed in reads both lists; only an admin adds, revokes and reissues codes (the
buttons are not shown to other roles, and HQ refuses them anyway).  A new or reissued code is
shown once in a dialog with 复制.  Keys: Ctrl+N 新增, Delete 撤销, Ctrl+R 重新发放登记码,
Ctrl+F 查找, F5 刷新 (the window's), Ctrl+Tab the other tab.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QTabWidget, QVBoxLayout, QWidget

from app.hqdesk import accounts
from app.hqdesk.accounts import DeskAccount, IssuedCode, StationAccount, when_text
from app.hqdesk.client import HqDeskClient
from app.ui import theme
from app.ui.hq.accounts.dialogs import AddStationDialog, AddUserDialog, CodeDialog
from app.ui.hq.pages import DeskUser
from app.ui.item_models.row_list_model import ListColumn, RowListModel
from app.ui.operations import run_in_background
from app.ui.widgets.list_table import ListTable
from app.ui.widgets.list_views import bind_find
from app.ui.widgets.prompts import confirm


class _AccountModel(RowListModel):
    """A revoked user or station is shown muted."""

    def row_style(self, row: Any, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.status == "revoked":
            return QColor(theme.TEXT_MUTED)
        return None


class _AccountTab(QWidget):
    """A filterable, sortable list with 新增 / 撤销 / 重新发放登记码 for the admin."""

    def __init__(self, client: HqDeskClient, user: DeskUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client, self.user = client, user
        self.admin = user.role == "admin"
        self.dialog: Any = None  # the add or code dialog shown (tests drive it)

    def role_text(self, role: str, label: str) -> str:
        return {"admin": self.tr("管理员"), "staff": self.tr("服务总站工作人员"), "bureau": self.tr("市工业和信息化局")}.get(role, label)

    def status_text(self, status: str) -> str:
        return {"active": self.tr("正常"), "revoked": self.tr("已撤销")}.get(status, status)

    def build(self, columns: Sequence[ListColumn], widths: Sequence[int], add_text: str) -> None:
        """The list and its bar (called by each tab once its columns are known)."""
        self.model = _AccountModel(columns, self)
        self.table = ListTable(self.model, widths)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("查找（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda text: self.table.set_filter(text))
        self.status_filter = QComboBox()
        for label, value in ((self.tr("全部状态"), ""), (self.tr("正常"), "active"), (self.tr("已撤销"), "revoked")):
            self.status_filter.addItem(label, value)
        self.status_filter.currentIndexChanged.connect(self._filter_status)
        self.add_button = QPushButton(add_text + " (Ctrl+N)")
        self.add_button.clicked.connect(self.add)
        self.revoke_button = QPushButton(self.tr("撤销 (Del)"))
        self.revoke_button.clicked.connect(self.revoke)
        self.reissue_button = QPushButton(self.tr("重新发放登记码 (Ctrl+R)"))
        self.reissue_button.clicked.connect(self.reissue)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.status_filter)
        for button in (self.add_button, self.revoke_button, self.reissue_button):
            bar.addWidget(button)
            button.setVisible(self.admin)
        self.status = QLabel()
        self.status.setStyleSheet(f"color: {theme.TEXT_MUTED};")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        if self.admin:
            for keys, slot, what in ((QKeySequence.StandardKey.New, self.add, self.tr("新增")),
                                     (QKeySequence.StandardKey.Delete, self.revoke, self.tr("停用选中的一行")),
                                     (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_R), self.reissue, self.tr("重发登记码"))):
                QShortcut(keys, self, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut).setWhatsThis(what)
        bind_find(self, self.search)
        self.table.current_changed.connect(self._selection)
        self._selection(None)

    # -- what a tab fills in ------------------------------------------------------------------
    def load(self) -> list[Any]:
        raise NotImplementedError

    def add(self) -> None:
        raise NotImplementedError

    def revoke_question(self, row: Any) -> str:
        raise NotImplementedError

    def do_revoke(self, row: Any) -> Any:
        raise NotImplementedError

    def do_reissue(self, row: Any) -> IssuedCode:
        raise NotImplementedError

    def how_to_use(self, issued: IssuedCode) -> str:
        raise NotImplementedError

    # -- shared ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        run_in_background(self, lambda _ctx: self.load(), on_success=self._show, title=self.tr("读取列表"),
                          show_progress=False)

    def _show(self, rows: list[Any]) -> None:
        self.table.set_rows(rows)
        revoked = sum(1 for r in rows if r.status == "revoked")
        self.status.setText(self.tr("共 %1 个，其中已撤销 %2 个").replace("%1", str(len(rows))).replace("%2", str(revoked)))

    def _filter_status(self) -> None:
        wanted = self.status_filter.currentData()
        self.table.set_filter(accept=lambda row: not wanted or row.status == wanted)

    def _selection(self, row: Any) -> None:
        self.revoke_button.setEnabled(row is not None and row.status != "revoked")
        self.reissue_button.setEnabled(row is not None)

    def revoke(self) -> None:
        row = self.table.selected()
        if row is None or row.status == "revoked" or not self.admin:
            return
        if not confirm(self, self.tr("撤销"), self.revoke_question(row), destructive=True):
            return
        run_in_background(self, lambda _ctx: self.do_revoke(row), on_success=lambda _r: self.refresh(),
                          title=self.tr("撤销"), show_progress=False, cancellable=False)

    def reissue(self) -> None:
        row = self.table.selected()
        if row is None or not self.admin:
            return
        question = self.tr("为“%1”重新发放登记码？原来的令牌立即失效，需要用新登记码重新登记（已撤销的也随之恢复）。").replace(
            "%1", row.id)
        if not confirm(self, self.tr("重新发放登记码"), question):
            return
        run_in_background(self, lambda _ctx: self.do_reissue(row), on_success=self.show_code,
                          title=self.tr("重新发放登记码"), show_progress=False, cancellable=False)

    def show_code(self, issued: IssuedCode) -> None:
        self.refresh()
        self.dialog = CodeDialog(issued, self.how_to_use(issued), self)
        self.dialog.open()


class UsersTab(_AccountTab):
    def __init__(self, client: HqDeskClient, user: DeskUser, parent: QWidget | None = None) -> None:
        super().__init__(client, user, parent)
        columns = [
            ListColumn(self.tr("用户名"), lambda u: u.name),
            ListColumn(self.tr("角色"), lambda u: self.role_text(u.role, u.role_label)),
            ListColumn(self.tr("状态"), lambda u: self.status_text(u.status)),
            ListColumn(self.tr("已登记"), lambda u: when_text(u.enrolled_at) or self.tr("未登记"),
                       sort=lambda u: u.enrolled_at.timestamp() if u.enrolled_at else None),
            ListColumn(self.tr("最近使用"), lambda u: when_text(u.last_seen_at),
                       sort=lambda u: u.last_seen_at.timestamp() if u.last_seen_at else None),
        ]
        self.build(columns, [160, 240, 80, 140, 140], self.tr("新增用户"))
        self.table.empty_text = (self.tr("还没有服务总站用户。点“新增用户”（Ctrl+N）为同事生成一次性登记码。") if self.admin
                                 else self.tr("还没有服务总站用户。"))
        self.table.no_match_text = self.tr("没有符合条件的用户，请改一下查找内容或状态。")

    def load(self) -> list[DeskAccount]:
        return accounts.users(self.client)

    def add(self) -> None:
        if self.admin:
            self.dialog = AddUserDialog(lambda name, role: accounts.add_user(self.client, name, role), self.show_code, self)
            self.dialog.open()

    def revoke_question(self, row: DeskAccount) -> str:
        return self.tr("撤销用户“%1”（%2）？其令牌立即失效，不能再打开服务总站模式。以后可以“重新发放登记码”恢复。").replace(
            "%1", row.name).replace("%2", self.role_text(row.role, row.role_label))

    def do_revoke(self, row: DeskAccount) -> Any:
        return accounts.revoke_user(self.client, row.name)

    def do_reissue(self, row: DeskAccount) -> IssuedCode:
        return accounts.reissue_user(self.client, row.name)

    def how_to_use(self, issued: IssuedCode) -> str:
        return self.tr("请把登记码交给 %1 本人。在其电脑上安装中小企业服务站工作台，首次打开时选择“登记到服务总站”，"
                       "填写服务器网址 %2 和登记码；或运行：station-desk enroll --server %2 --code 登记码。"
                       "程序随后以服务总站模式打开。").replace("%1", issued.who).replace("%2", self.user.server)


class StationsTab(_AccountTab):
    def __init__(self, client: HqDeskClient, user: DeskUser, parent: QWidget | None = None) -> None:
        super().__init__(client, user, parent)
        columns = [
            ListColumn(self.tr("代码"), lambda s: s.code),
            ListColumn(self.tr("名称"), lambda s: s.name),
            ListColumn(self.tr("所在区"), lambda s: s.district),
            ListColumn(self.tr("状态"), lambda s: self.status_text(s.status)),
            ListColumn(self.tr("已登记"), lambda s: when_text(s.enrolled_at) or self.tr("未登记"),
                       sort=lambda s: s.enrolled_at.timestamp() if s.enrolled_at else None),
            ListColumn(self.tr("最近同步"), lambda s: when_text(s.last_seen_at) or self.tr("从未同步"),
                       sort=lambda s: s.last_seen_at.timestamp() if s.last_seen_at else None),
        ]
        self.build(columns, [110, 220, 80, 70, 130, 130], self.tr("新增服务站"))
        self.table.empty_text = (self.tr("还没有服务站。点“新增服务站”（Ctrl+N）登记一个服务站并生成一次性登记码。")
                                 if self.admin else self.tr("还没有服务站。"))
        self.table.no_match_text = self.tr("没有符合条件的服务站，请改一下查找内容或状态。")

    def load(self) -> list[StationAccount]:
        return accounts.stations(self.client)

    def add(self) -> None:
        if self.admin:
            self.dialog = AddStationDialog(lambda code, name, district: accounts.add_station(self.client, code, name, district),
                                           self.show_code, self)
            self.dialog.open()

    def revoke_question(self, row: StationAccount) -> str:
        return self.tr("撤销服务站“%1（%2）”？该站的同步令牌立即失效，不能再同步；已同步的数据保留。"
                       "以后可以“重新发放登记码”恢复。").replace("%1", row.name).replace("%2", row.code)

    def do_revoke(self, row: StationAccount) -> Any:
        return accounts.revoke_station(self.client, row.code)

    def do_reissue(self, row: StationAccount) -> IssuedCode:
        return accounts.reissue_station(self.client, row.code)

    def how_to_use(self, issued: IssuedCode) -> str:
        return self.tr("请把登记码交给服务站 %1。服务站首次设置时选择“登记到服务总站”，或在“同步”页点“登记到服务总站”，"
                       "填写服务器网址 %2 和登记码；也可以运行：station-desk enroll --server %2 --code 登记码。").replace(
            "%1", issued.who).replace("%2", self.user.server)


class AccountsPage(QWidget):
    def __init__(self, client: HqDeskClient, user: DeskUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client, self.user = client, user
        self.users = UsersTab(client, user)
        self.stations = StationsTab(client, user)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.users, self.tr("用户"))
        self.tabs.addTab(self.stations, self.tr("服务站"))
        layout = QVBoxLayout(self)
        if user.role != "admin":
            note = QLabel(self.tr("只读：只有管理员可以新增或撤销用户和服务站、重新发放登记码。"))
            note.setWordWrap(True)
            note.setStyleSheet(f"background: {theme.INFO_BACKGROUND}; border: 1px solid {theme.INFO_BORDER};"
                               f" border-radius: 4px; padding: 6px 10px; color: {theme.INFO_TEXT};")
            layout.addWidget(note)
        layout.addWidget(self.tabs, 1)
        self.refresh()

    def refresh(self) -> None:
        for tab in (self.users, self.stations):
            tab.refresh()

    def tab(self, key: str) -> _AccountTab:
        found: dict[str, Callable[[], _AccountTab]] = {"users": lambda: self.users, "stations": lambda: self.stations}
        self.tabs.setCurrentWidget(found[key]())
        return found[key]()
