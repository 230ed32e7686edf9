"""同步: link to HQ, last result, pending changes, 立即同步 (F5) with progress and 取消, rejected
writes, the conflicts HQ decided while merging this station's pushed edits, and the rows
downloaded from HQ that could not be saved here (quarantine, with 重试).

Conflicts are listed field by field (time, 企业, 字段, 本站的值, 生效的值) from the push
answer's `conflict_details`, kept locally in `sync_conflict`; while none are kept, the count
per sync is listed instead (an HQ older than `conflict_details` sends only that)."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.periods import CHINA_TIME
from app.models.database import Database
from app.sync.engine import SyncResult
from app.sync.status import SyncStatus, sync_status
from app.ui import theme
from app.ui.item_models.conflicted_syncs_model import ConflictedSyncsModel
from app.ui.item_models.sync_conflicts_model import SORT_ROLE, SyncConflictsModel
from app.ui.operations import run_in_background
from app.ui.service_messages import shown_message
from app.ui.sync.auto_sync import AutoSyncController
from app.ui.sync.enroll_dialog import EnrollDialog
from app.ui.sync.quarantine_list import QuarantineList


def _label(text: str = "", style: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if style:
        label.setStyleSheet(style)
    return label


class SyncPage(QWidget):
    refreshed = Signal(object)  # SyncStatus, after each reload
    profile_ready = Signal(str)  # enrolment made another profile (an HQ desk user's code): open it

    def __init__(self, db: Database, controller: AutoSyncController, *, demo: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self.controller, self.demo = db, controller, demo
        self.status: SyncStatus | None = None
        self._loaded = False
        self.views = QStackedWidget()
        self.views.addWidget(self._build_not_enrolled())
        self.views.addWidget(self._build_enrolled())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self._build_heading())
        layout.addWidget(self.views, 1)
        self._add_shortcuts()
        self._follow(controller)
        if demo:
            self._show_demo()

    # -- building -------------------------------------------------------------------
    def _build_heading(self) -> QLabel:
        heading = QLabel(self.tr("与服务总站同步"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        return heading

    def _build_not_enrolled(self) -> QWidget:
        """Not enrolled (or demo): an explanation and the way forward."""
        self.empty_text = _label(style=f"color: {theme.TEXT_BODY};")
        self.enroll_button = QPushButton(self.tr("登记到服务总站…"))
        self.enroll_button.clicked.connect(self.open_enroll_dialog)
        empty = QWidget()
        column = QVBoxLayout(empty)
        column.addWidget(self.empty_text)
        column.addWidget(self.enroll_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        return empty

    def _build_enrolled(self) -> QWidget:
        enrolled = QWidget()
        column = QVBoxLayout(enrolled)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self._build_facts())
        # plain http:// outside this machine (enrolled with --insecure-http): said in red, always
        self.insecure_label = _label(style=f"color: {theme.ERROR}; font-weight: bold;")
        self.insecure_label.hide()
        column.addWidget(self.insecure_label)
        self.problem_label = _label(style=f"color: {theme.ERROR}; font-weight: bold;")
        self.problem_label.hide()
        column.addWidget(self.problem_label)
        column.addLayout(self._build_actions())
        # the lists share one tab area, so the page fits a small screen
        self.lists = QTabWidget()
        self.lists.addTab(self._build_rejections_tab(), self.tr("被服务总站拒绝的更改"))
        self.lists.addTab(self._build_conflicts_tab(), self.tr("同步冲突"))
        self.quarantine = QuarantineList(self._db)
        self.quarantine.retried.connect(lambda _outcome: self.refresh())
        self.lists.addTab(self.quarantine, self.tr("无法保存的下载"))
        column.addSpacing(8)
        column.addWidget(self.lists, 1)
        return enrolled

    def _build_facts(self) -> QFormLayout:
        self.server_label, self.code_label, self.last_label = _label(), _label(), _label()
        self.counts_label, self.message_label, self.pending_label = _label(), _label(), _label()
        form = QFormLayout()
        for caption, widget in ((self.tr("服务总站服务器"), self.server_label), (self.tr("站点编码"), self.code_label),
                                (self.tr("上次同步"), self.last_label), (self.tr("结果"), self.counts_label),
                                (self.tr("说明"), self.message_label), (self.tr("待上传的更改"), self.pending_label)):
            form.addRow(caption, widget)
        return form

    def _build_actions(self) -> QHBoxLayout:
        self.sync_button = QPushButton(self.tr("立即同步 (F5)"))
        self.sync_button.clicked.connect(self.sync_now)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar()
        self.phase_label = QLabel()
        actions = QHBoxLayout()
        actions.addWidget(self.sync_button)
        actions.addWidget(self.progress, 1)
        actions.addWidget(self.phase_label)
        actions.addWidget(self.cancel_button)
        actions.addStretch(0)  # idle: the progress bar is hidden, the button keeps its size
        return actions

    def _build_rejections_tab(self) -> QWidget:
        self.rejections = QTableWidget(0, 4)
        self.rejections.setHorizontalHeaderLabels([self.tr("数据表"), self.tr("记录"), self.tr("原因"), self.tr("时间")])
        self.rejections.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rejections.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rejections.verticalHeader().hide()
        self.rejections.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate([100, 270, 360]):
            self.rejections.setColumnWidth(col, width)
        self.no_rejections = _label(self.tr("没有被拒绝的更改。"), f"color: {theme.TEXT_MUTED};")
        tab = QWidget()
        column = QVBoxLayout(tab)
        column.addWidget(_label(self.tr("这些更改被服务总站拒绝，已保存在本机，不会阻塞其他数据上传。"), f"color: {theme.TEXT_SECONDARY};"))
        column.addWidget(self.rejections, 1)
        column.addWidget(self.no_rejections)
        column.addStretch(0)
        return tab

    def _build_conflict_list(self) -> None:
        """The field-by-field conflicts, sortable and filtered (Ctrl+F)."""
        self.conflict_list_model = SyncConflictsModel(self)
        self.conflict_proxy = QSortFilterProxyModel(self)
        self.conflict_proxy.setSourceModel(self.conflict_list_model)
        self.conflict_proxy.setSortRole(SORT_ROLE)
        self.conflict_proxy.setFilterKeyColumn(-1)
        self.conflict_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.conflict_filter = QLineEdit()
        self.conflict_filter.setPlaceholderText(self.tr("筛选：企业、字段或值 (Ctrl+F)"))
        self.conflict_filter.setClearButtonEnabled(True)
        self.conflict_filter.textChanged.connect(self.conflict_proxy.setFilterFixedString)
        self.conflict_list = QTableView()
        self.conflict_list.setModel(self.conflict_proxy)
        self.conflict_list.setSortingEnabled(True)
        self.conflict_list.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.conflict_list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.conflict_list.verticalHeader().hide()
        self.conflict_list.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate([130, 200, 110, 150, 150]):
            self.conflict_list.setColumnWidth(col, width)
        self.no_conflict_match = _label(self.tr("没有符合筛选条件的冲突。"), f"color: {theme.TEXT_MUTED};")
        for widget in (self.conflict_filter, self.conflict_list, self.no_conflict_match):
            widget.hide()  # until show_status: an empty list must not make the page taller
        for changed in (self.conflict_proxy.modelReset, self.conflict_proxy.rowsInserted,
                        self.conflict_proxy.rowsRemoved, self.conflict_proxy.layoutChanged):
            changed.connect(self._conflict_matches)

    def _build_conflicted_syncs(self) -> None:
        """Conflict counts per sync: shown only when HQ sent no details."""
        self.conflicts_model = ConflictedSyncsModel(self)
        self.conflicts = QTableView()
        self.conflicts.setModel(self.conflicts_model)
        self.conflicts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.conflicts.verticalHeader().hide()
        self.conflicts.horizontalHeader().setStretchLastSection(True)
        self.conflicts.setColumnWidth(0, 180)
        self.conflicts.setColumnWidth(1, 120)

    def _build_conflicts_tab(self) -> QWidget:
        self._build_conflict_list()
        self._build_conflicted_syncs()
        self.conflicts_note = _label(style=f"color: {theme.TEXT_SECONDARY};")
        self.no_conflicts = _label(self.tr("本站上传的更改还没有与其他站点的修改冲突过。"), f"color: {theme.TEXT_MUTED};")
        self.conflicts_detail = _label(self.tr(
            "冲突按修改时间先后合并，较晚的修改生效；每个被覆盖的值也保存在服务总站的冲突记录中。"
            "以后其他站点再修改同一字段时，本站通过下载看到新值，不再列在这里。"), f"color: {theme.TEXT_SECONDARY};")
        tab = QWidget()
        column = QVBoxLayout(tab)
        column.addWidget(self.conflict_filter)
        column.addWidget(self.conflict_list, 3)
        column.addWidget(self.no_conflict_match)
        column.addWidget(self.conflicts, 1)
        column.addWidget(self.no_conflicts)
        column.addWidget(self.conflicts_detail)
        column.addStretch(0)
        column.addWidget(self.conflicts_note)
        return tab

    def _add_shortcuts(self) -> None:
        shortcut = QShortcut(QKeySequence(Qt.Key.Key_F5), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # only while this page is shown
        shortcut.activated.connect(self.sync_now)
        shortcut.setWhatsThis(self.tr("立即同步"))
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self._find_conflict)
        find.setWhatsThis(self.tr("查找冲突记录"))

    def _follow(self, controller: AutoSyncController) -> None:
        controller.sync_started.connect(self._started)
        controller.progressed.connect(self._progressed)
        controller.sync_finished.connect(self._finished)
        controller.problem.connect(self._problem)
        self._set_running(controller.is_running())

    def _show_demo(self) -> None:
        self.empty_text.setText(self.tr("这是演示档案：演示数据只在本机使用，永远不会与服务总站同步。"
                                        "要与服务总站同步，请切换到正式档案后再登记。"))
        self.enroll_button.setEnabled(False)
        self.sync_button.setEnabled(False)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.refresh()

    def refresh(self) -> None:
        if self.demo:
            self.views.setCurrentIndex(0)
            return
        db = self._db
        run_in_background(
            self,
            lambda _ctx: sync_status(db),
            on_success=self.show_status,
            show_progress=False,
        )

    def show_status(self, status: SyncStatus) -> None:
        self.status = status
        if not status.enrolled:
            self.empty_text.setText(self.tr(
                "本档案还没有登记到服务总站。登记后，本站的企业、服务记录和需求会自动上传到服务总站，"
                "服务总站发布的政策、机构和专家也会下载到本机；断网时照常工作，联网后自动补传。\n\n"
                "请向服务总站索取同步服务器网址和一次性登记码，然后点击“登记到服务总站…”。"))
            self.views.setCurrentIndex(0)
            self.refreshed.emit(status)
            return
        self.views.setCurrentIndex(1)
        self.server_label.setText(status.server or "")
        self.code_label.setText(status.station_code or "")
        self.pending_label.setText(self.tr("%1 条").replace("%1", f"{status.pending:,}"))
        self._show_transport(status)
        self._show_last(status)
        self._show_conflicts(status)
        self._show_rejections(status)
        self.quarantine.set_rows(status.quarantined)
        self.lists.setTabText(2, self.tr("无法保存的下载 (%1)").replace("%1", str(len(status.quarantined)))
                              if status.quarantined else self.tr("无法保存的下载"))
        self.refreshed.emit(status)

    def _show_transport(self, status: SyncStatus) -> None:
        self.insecure_label.setText(self.tr(
            "警告：与服务总站的连接没有加密（http://），同步令牌和本站数据以明文在网络上传输。"
            "请向服务总站索取 https:// 网址后重新登记。") if status.insecure else "")
        self.insecure_label.setVisible(status.insecure)

    def _show_last(self, status: SyncStatus) -> None:
        last = status.last
        if last is None:
            self.last_label.setText(self.tr("尚未同步"))
            self.counts_label.setText("—")
            self.message_label.setText("")
            return
        when = last.finished_at.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M:%S") if last.finished_at else ""
        self.last_label.setText(f"{when}  " + (self.tr("成功") if last.completed else self.tr("未完成")))
        self.counts_label.setText(self.tr("上传 %1 · 下载 %2 · 被拒绝 %3 · 冲突 %4")
                                  .replace("%1", str(last.pushed)).replace("%2", str(last.pulled))
                                  .replace("%3", str(last.rejected)).replace("%4", str(last.conflicts)))
        self.message_label.setText(shown_message(last.message))
        self.conflicts_note.setText(
            self.tr("本次有 %1 个字段与其他站点的修改冲突，按时间先后合并；被覆盖的值由服务总站保存在冲突记录中。")
            .replace("%1", str(last.conflicts)) if last.conflicts else "")

    def _show_conflicts(self, status: SyncStatus) -> None:
        self.conflict_list_model.set_rows(status.conflicts)
        for widget in (self.conflict_filter, self.conflict_list):
            widget.setVisible(bool(status.conflicts))
        self._conflict_matches()
        self.conflicts_model.set_rows(status.conflicted)
        # per-sync counts only when no details exist (an HQ older than conflict_details): one list
        # at a time keeps the page small enough for an 800x600 screen
        self.conflicts.setVisible(bool(status.conflicted) and not status.conflicts)
        self.no_conflicts.setVisible(not status.conflicted and not status.conflicts)
        self.conflicts_detail.setVisible(bool(status.conflicted or status.conflicts))

    def _show_rejections(self, status: SyncStatus) -> None:
        self.rejections.setVisible(bool(status.rejections))
        self.no_rejections.setVisible(not status.rejections)
        self.rejections.setRowCount(len(status.rejections))
        for row, r in enumerate(status.rejections):
            cells = [r.tbl, r.row_id, shown_message(r.reason), r.at.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M")]
            for col, text in enumerate(cells):
                self.rejections.setItem(row, col, QTableWidgetItem(text))

    def _conflict_matches(self) -> None:
        listed = bool(self.conflict_list_model.rows)
        self.no_conflict_match.setVisible(listed and self.conflict_proxy.rowCount() == 0)

    def _find_conflict(self) -> None:
        if self.conflict_filter.isVisible():
            self.lists.setCurrentIndex(1)
            self.conflict_filter.setFocus()
            self.conflict_filter.selectAll()

    def open_enroll_dialog(self) -> None:
        dialog = EnrollDialog(self._db, self.controller.http_factory, self)
        dialog.enrolled.connect(lambda _e: self.refresh())
        dialog.profile_ready.connect(self.profile_ready)
        dialog.open()
        self.enroll_dialog = dialog  # tests drive it

    # -- syncing ------------------------------------------------------------------
    def sync_now(self) -> None:
        if not self.demo and self.views.currentIndex() == 1:
            self.controller.sync_now(parent=self)

    def cancel(self) -> None:
        self.controller.cancel()
        self.cancel_button.setEnabled(False)
        self.phase_label.setText(self.tr("正在取消…"))

    def _set_running(self, running: bool) -> None:
        self.sync_button.setEnabled(not running and not self.demo)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.progress.setVisible(running)
        self.phase_label.setVisible(running)

    def _started(self) -> None:
        self._set_running(True)
        self.progress.setRange(0, 0)
        self.phase_label.setText(self.tr("正在连接服务总站…"))

    def _progressed(self, phase: str, done: int, total: int) -> None:
        names = {"hello": self.tr("正在连接服务总站…"), "push": self.tr("正在上传 %1"), "pull": self.tr("正在下载 %1"),
                 "files": self.tr("正在上传文件 %1"), "check": self.tr("正在核对数据…"), "repair": self.tr("正在修复 %1")}
        if self.cancel_button.isEnabled():
            self.phase_label.setText(names.get(phase, phase).replace("%1", f"{done:,}"))
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        else:
            self.progress.setRange(0, 0)

    def _finished(self, result: SyncResult | None) -> None:
        self._set_running(False)
        if result is not None and result.completed:
            self.problem_label.hide()
        self.refresh()

    def _problem(self, message: str) -> None:
        self.problem_label.setText(message)
        self.problem_label.show()
