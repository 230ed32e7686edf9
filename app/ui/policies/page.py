"""政策法规库: the policy list (category, 现行/已失效 and text filters, sortable), the selected
policy's detail with its attachment and the station's own note, and 匹配企业.

Policies come from HQ: once enrolled the station only reads them and keeps notes; before
that its manager may add and edit its own (policies.permissions says which)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.catalogue import SERVICE_CATEGORIES
from app.domain.errors import UserError
from app.domain.periods import china_today
from app.models.database import Database
from app.services.actor import Actor
from app.services.policies import library as policies
from app.services.policies.library import Permissions, PolicyFilter, PolicyRow
from app.services.station import profile_files
from app.ui import theme
from app.ui.catalogue_names import shown
from app.ui.db_operations import delete_confirmed, read_in_background, write_in_background
from app.ui.item_models.policies_model import SORT_ROLE, PoliciesModel
from app.ui.policies.form import PolicyForm
from app.ui.policies.match_dialog import PolicyMatchDialog
from app.ui.service_messages import shown_message
from app.ui.widgets.elided_tips import fit_to_names
from app.ui.widgets.error_dialog import show_error
from app.ui.widgets.fit_columns import DATE_SAMPLE, fit_columns
from app.ui.widgets.list_views import bind_keys, empty_state_label, list_box, list_view
from app.ui.widgets.pick_lists import PickLists, current_staff_id, fill_combo, load_pick_lists
from app.ui.widgets.search_box import SearchBox


class PoliciesPage(QWidget):
    loaded = Signal(int)  # the row count, after each reload

    def __init__(self, db: Database, parent: QWidget | None = None, *, today: Callable[[], date] = china_today) -> None:
        super().__init__(parent)
        self._db, self._today = db, today
        self.pick_lists = PickLists()
        self.permissions = Permissions(False, "")
        self.dialog: PolicyForm | PolicyMatchDialog | None = None
        self._loaded = False
        self._shown_id: uuid.UUID | None = None

        self.category, self.validity = QComboBox(), QComboBox()
        fill_combo(self.category, [(self.tr("全部类别"), "")])
        self.category.setCurrentIndex(0)
        for label, key in [(self.tr("全部"), ""), (self.tr("现行"), "current"), (self.tr("已失效"), "expired")]:
            self.validity.addItem(shown(label), key)
        self.validity.setCurrentIndex(1)
        self.search = SearchBox(self.tr("搜索政策标题、发布机关或摘要（Ctrl+F）"))
        self.count_label = QLabel()
        self.search.settled.connect(lambda: self.reload())
        self.category.currentIndexChanged.connect(lambda _i: self.reload())
        self.validity.currentIndexChanged.connect(lambda _i: self.reload())
        filters = QHBoxLayout()
        for widget in (QLabel(self.tr("筛选")), self.category, self.validity):
            filters.addWidget(widget)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.count_label)

        self.new_button, self.edit_button = QPushButton(self.tr("新增政策…")), QPushButton(self.tr("修改…"))
        self.delete_button, self.match_button = QPushButton(self.tr("删除")), QPushButton(self.tr("匹配企业…"))
        self.new_button.clicked.connect(self.new_policy)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.match_button.clicked.connect(self.match_selected)
        self.notice = QLabel()
        self.notice.setStyleSheet(f"color: {theme.TEXT_MUTED};")
        actions = QHBoxLayout()
        for button in (self.match_button, self.new_button, self.edit_button, self.delete_button):
            actions.addWidget(button)
        actions.addWidget(self.notice, 1)

        self.model = PoliciesModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        # The title takes what is left (whole titles are one hover away), so the list does not scroll sideways.
        self.table = list_view(self.proxy, [240, 84, 140, 86, 86, 60], sort_column=3,
                               order=Qt.SortOrder.DescendingOrder, alternating=False, stretch_column=0)
        fit_to_names(self.table, {1: SERVICE_CATEGORIES.values()}, most=170)
        # at 1024×600 发布机关 then 失效日期 step aside (the detail pane shows them)
        fit_columns(self.table, stretch=0, floor=150, keep=[1], samples={3: DATE_SAMPLE, 4: DATE_SAMPLE}, drop=[2, 4])
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        bind_keys(self, self.table, edit=self.edit_selected, delete=self.delete_selected, new=self.new_policy,
                  search=self.search.focus_all)
        self.empty_label = empty_state_label()
        self.empty_label.hide()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(list_box(self.table, self.empty_label))
        splitter.addWidget(self._detail_pane())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(splitter, 1)
        self._show_detail()

    def _detail_pane(self) -> QWidget:
        pane = QWidget()
        self.detail_title = QLabel()
        self.detail_title.setWordWrap(True)
        self.detail_title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.detail_meta, self.detail_scope = QLabel(), QLabel()
        for label in (self.detail_meta, self.detail_scope):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_summary = QPlainTextEdit()
        self.detail_summary.setReadOnly(True)
        self.attachment_label = QLabel()
        self.attachment_label.setWordWrap(True)
        self.open_button = QPushButton(self.tr("打开附件"))
        self.open_button.clicked.connect(self.open_attachment)
        attachment = QHBoxLayout()
        attachment.addWidget(self.attachment_label, 1)
        attachment.addWidget(self.open_button)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("本站备注（只保存在本机，不上报服务总站）"))
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 4 + 14)
        self.note_button = QPushButton(self.tr("保存备注"))
        self.note_button.clicked.connect(self.save_note)
        self.note_status = QLabel()
        self.note_status.setStyleSheet(f"color: {theme.TEXT_MUTED};")
        note_row = QHBoxLayout()
        note_row.addWidget(self.note_status, 1)
        note_row.addWidget(self.note_button)
        form = QFormLayout()
        form.addRow(self.tr("适用范围"), self.detail_scope)
        form.addRow(self.tr("附件"), attachment)
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(12, 0, 0, 0)
        layout.addWidget(self.detail_title)
        layout.addWidget(self.detail_meta)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("政策摘要")))
        layout.addWidget(self.detail_summary, 1)
        layout.addWidget(QLabel(self.tr("本站备注")))
        layout.addWidget(self.note)
        layout.addLayout(note_row)
        return pane

    # -- loading -----------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            load_pick_lists(self, self._db, self._today(), self._pick_lists_arrived)
        elif self.pick_lists.staff:  # back on the page: a sync may have brought policies or enrolment
            self.reload()

    def _pick_lists_arrived(self, lists: PickLists) -> None:
        self.pick_lists = lists
        fill_combo(self.category, [(self.tr("全部类别"), "")] + [(v, k) for k, v in lists.categories.items()])
        self.reload()

    def actor(self) -> Actor:
        """Who is acting: the desk's configured staff member, else the first on the list."""
        mine = current_staff_id()
        staff = next((c for c in self.pick_lists.staff if c.id == mine), None) or next(iter(self.pick_lists.staff), None)
        return Actor(staff.label, staff.id) if staff else Actor(self.tr("工作台"))

    def reload(self, select: uuid.UUID | None = None) -> None:
        keep = select or (row.id if (row := self.selected()) else None)
        filt = PolicyFilter(self.category.currentData() or None, self.validity.currentData() or None,
                            self.search.text(), self._today())
        actor = self.actor()
        read_in_background(self, self._db, lambda s: (policies.list_policies(s, filt), policies.permissions(s, actor)),
                           on_success=lambda got: self._arrived(*got, keep))

    def _arrived(self, rows: list[PolicyRow], allowed: Permissions, keep: uuid.UUID | None) -> None:
        self.permissions = allowed
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("共 %1 条").replace("%1", str(len(rows))))
        filtered = bool(self.category.currentData() or self.search.text().strip())
        if filtered or self.validity.currentData():
            text = self.tr("没有符合筛选条件的政策。")
        elif allowed.can_edit:
            text = self.tr("政策法规库还是空的。点击“新增政策…”（Ctrl+N）录入第一条。")
        else:
            text = self.tr("政策法规库还是空的。政策由服务总站发布，同步后会出现在这里。")
        self.empty_label.setText(text)
        self.empty_label.setVisible(not rows)
        self.table.setVisible(bool(rows))
        source = self.model.row_of(keep) if keep else -1
        if source < 0 and rows:
            source = 0
        if source >= 0:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(source, 0)).row())
        self._show_detail()
        self.loaded.emit(len(rows))

    # -- detail ------------------------------------------------------------------------
    def selected(self) -> PolicyRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(self.proxy.mapToSource(index).row()) if index.isValid() else None

    def _show_detail(self) -> None:
        row = self.selected()
        can_edit = self.permissions.can_edit
        self.new_button.setEnabled(can_edit)
        self.edit_button.setEnabled(can_edit and row is not None)
        self.delete_button.setEnabled(can_edit and row is not None)
        self.match_button.setEnabled(row is not None and row.current)
        self.notice.setText(shown_message(self.permissions.reason))
        self.note.setEnabled(row is not None)
        self.note_button.setEnabled(row is not None)
        if row is None or row.id != self._shown_id:  # "备注已保存" stays while the same policy is shown
            self.note_status.clear()
        self._shown_id = row.id if row else None
        if row is None:
            self.detail_title.setText(self.tr("请在左侧选择一条政策"))
            for label in (self.detail_meta, self.detail_scope, self.attachment_label):
                label.clear()
            self.detail_summary.clear()
            self.note.clear()
            self.open_button.setEnabled(False)
            return
        status = self.tr("现行") if row.current else self.tr("已失效")
        dates = [self.tr("发布 %1").replace("%1", row.issued_on.isoformat()) if row.issued_on else "",
                 self.tr("失效 %1").replace("%1", row.expires_on.isoformat()) if row.expires_on else self.tr("长期有效")]
        self.detail_title.setText(row.title)
        self.detail_meta.setText(" · ".join(p for p in (shown(row.category_label), row.issuer, *dates, status) if p))
        self.detail_scope.setText(shown_message(row.scope_text))
        self.detail_summary.setPlainText(row.summary)
        self.attachment_label.setText(Path(row.attachment).name if row.attachment else self.tr("（无）"))
        self.attachment_label.setToolTip(row.attachment)
        self.open_button.setEnabled(bool(row.attachment))
        self.note.setPlainText(row.local_note)

    def open_attachment(self) -> None:
        """A web address in the browser; a file (stored relative to the profile folder) with
        the program this machine opens it with."""
        row = self.selected()
        if row is None or not row.attachment:
            return
        try:
            where = policies.attachment_location(profile_files.profile_dir_for(self._db.path), row.attachment)
        except UserError as exc:
            show_error(self, exc.message, "")
            return
        url = QUrl.fromLocalFile(str(where)) if isinstance(where, Path) else QUrl.fromUserInput(where)
        if not QDesktopServices.openUrl(url):
            show_error(self, self.tr("无法打开附件“%1”，请检查本机是否有能打开它的程序。").replace("%1", row.attachment))

    def save_note(self) -> None:
        row = self.selected()
        if row is None:
            return
        text, today = self.note.toPlainText(), self._today()

        def saved(fresh: PolicyRow) -> None:
            self.reload(select=fresh.id)
            self.note_status.setText(self.tr("备注已保存"))

        self.note_button.setEnabled(False)
        write_in_background(self, self._db, lambda s: policies.set_note(s, row.id, text, today=today),
                            on_success=saved, on_failure=self._write_failed, title=self.tr("保存备注"))

    def _write_failed(self, exc: BaseException) -> None:
        self._show_detail()
        show_error(self, getattr(exc, "message", "") or self.tr("保存失败，请重试。"), repr(exc))

    # -- actions -----------------------------------------------------------------------
    def new_policy(self) -> None:
        if not self.permissions.can_edit:
            return
        self._open_form(None)

    def edit_selected(self) -> None:
        row = self.selected()
        if row is not None and self.permissions.can_edit:
            self._open_form(row)

    def _open_form(self, row: PolicyRow | None) -> None:
        form = PolicyForm(self._db, self.pick_lists.categories, self.actor(), self, row=row, today=self._today())
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.saved.connect(lambda saved: self.reload(select=saved.id))
        self.dialog = form
        form.open()

    def delete_selected(self) -> None:
        row = self.selected()
        if row is None or not self.permissions.can_edit:
            return
        text = self.tr("删除政策《%1》？已登记的宣传服务记录会保留。").replace("%1", row.title)
        actor = self.actor()
        delete_confirmed(self, self._db, self.tr("删除政策"), text, lambda s: policies.delete(s, row.id, actor, row.version),
                         on_success=lambda _r: self.reload(), on_failure=self._write_failed,
                         progress_title=self.tr("删除政策"))

    def match_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = PolicyMatchDialog(self._db, row, self.actor(), self, today=self._today())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
