"""企业: search as you type, filters, the lazy list, and the actions on it (form, detail, delete
with 撤销, Excel in and out, data quality).  Nothing is read until the page is first shown."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.domain import districts
from app.domain.catalogue import ENTERPRISE_STATUSES
from app.domain.enterprise_size import SIZE_LABELS
from app.domain.industry_data import SECTIONS
from app.models.database import Database
from app.services.enterprises import registry as enterprise_service
from app.services.enterprises import search as enterprise_search
from app.services.enterprises.quality import QualityIssue
from app.services.enterprises.search import EnterpriseFilter, EnterpriseRow
from app.ui.catalogue_names import shown
from app.ui.db_operations import delete_confirmed, read_in_background, write_in_background
from app.ui.enterprises import excel_actions as enterprise_excel
from app.ui.enterprises.detail import EnterpriseDetailDialog
from app.ui.enterprises.form import EnterpriseForm
from app.ui.enterprises.quality_dialog import QualityDialog, issue_target
from app.ui.item_models.enterprises_model import EnterprisesModel
from app.ui.widgets.elided_tips import fit_to_names
from app.ui.widgets.fit_columns import fit_columns
from app.ui.widgets.list_views import bind_keys, empty_state_label, list_view
from app.ui.widgets.pick_lists import fill_combo
from app.ui.widgets.search_box import SearchBox
from app.ui.widgets.undo_bar import UndoBar

SEARCH_DEBOUNCE_MS = 150


class EnterprisesPage(QWidget):
    list_changed = Signal()  # after a save, a delete or an undo has been applied
    open_records = Signal(str, object)  # section key, filter: 数据质量 opens a record on its own page
    index_ready = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._loaded = False
        self.deleted: EnterpriseRow | None = None  # what 撤销 would bring back
        self.dialog: QWidget | None = None  # the form or dialog last opened (tests reach it here)
        self.search = SearchBox(self.tr("搜索企业名称、拼音首字母、信用代码或电话（Ctrl+F）"), interval=SEARCH_DEBOUNCE_MS)
        self.search.settled.connect(self.apply_filter)
        self.district, self.section, self.size, self.status = QComboBox(), QComboBox(), QComboBox(), QComboBox()
        fill_combo(self.district, [(self.tr("全部区"), "")] + [(n, n) for n in districts.NAMES], keep=False)
        fill_combo(self.section, [(self.tr("全部行业"), "")] + [(f"{k} {shown(v)}", k) for k, v in SECTIONS.items()], keep=False)
        fill_combo(self.size, [(self.tr("全部规模"), "")] + [(v, k.value) for k, v in SIZE_LABELS.items()], keep=False)
        fill_combo(self.status, [(self.tr("全部状态"), "")] + [(v, k) for k, v in ENTERPRISE_STATUSES.items()], keep=False)
        self.warning_only = QCheckBox(self.tr("仅看校验位警告"))
        for combo in (self.district, self.section, self.size, self.status):
            combo.setCurrentIndex(0)
            combo.currentIndexChanged.connect(self.apply_filter)
        self.warning_only.toggled.connect(self.apply_filter)
        self.count_label = QLabel()
        self.count_label.setContentsMargins(8, 0, 0, 0)
        self.search.setMinimumWidth(120)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        for widget in (self.district, self.section, self.size, self.status):
            filters.addWidget(widget)

        # A tool bar, not a row of buttons: on a narrow window the rest folds into its » menu.
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.actions_by_name: dict[str, QAction] = {}
        for name, text, slot in (("new", self.tr("新建（Ctrl+N）"), self.new_enterprise),
                                 ("edit", self.tr("编辑（Enter）"), self.edit_selected),
                                 ("detail", self.tr("详情与历史"), self.show_selected),
                                 ("delete", self.tr("删除"), self.delete_selected), ("", "", None),
                                 ("import", self.tr("导入…"), self.import_enterprises),
                                 ("export", self.tr("导出…"), self.export_enterprises),
                                 ("quality", self.tr("数据质量"), self.show_quality)):
            if slot is None:
                self.toolbar.addSeparator()
                continue
            self.actions_by_name[name] = self.toolbar.addAction(text, slot)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        for widget in (spacer, self.warning_only, self.count_label):
            self.toolbar.addWidget(widget)

        self.model = EnterprisesModel(db, self)
        self.table = list_view(self.model, [250, 170, 70, 170, 50, 70, 120, 120], sort_column=0, compact=True)
        fit_to_names(self.table, {2: districts.NAMES, 4: SIZE_LABELS.values()})
        # the name takes what is left; at 1024×600 更新时间 then 联系人 step aside (the form shows them)
        fit_columns(self.table, stretch=0, floor=180, keep=[2, 4], samples={1: "91440106MA5C123456", 6: "13800138000", 7: "2026-12-31 23:59"},
                    least={3: 110}, drop=[7, 5])
        bind_keys(self, self.table, edit=self.edit_selected, delete=self.delete_selected,
                  new=self.new_enterprise, search=self.focus_search)
        self.empty_label = empty_state_label()
        self.empty_label.hide()
        self.model.ids_loaded.connect(self._counted)

        self.info_bar = UndoBar(on_undo=self.undo_delete)
        self.info_label, self.undo_button = self.info_bar.label, self.info_bar.undo_button  # tests reach them here

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        body = QVBoxLayout()
        body.setContentsMargins(16, 12, 16, 8)
        body.addLayout(filters)
        body.addWidget(self.toolbar)
        body.addWidget(self.table, 1)
        body.addWidget(self.empty_label, 1)
        layout.addLayout(body, 1)
        layout.addWidget(self.info_bar)

    # -- loading and filtering ----------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.apply_filter()  # from SQL at once; from the index once it is built
            read_in_background(self, self._db, enterprise_search.warm_up, on_success=lambda _r: self._index_built())
        self.search.setFocus()

    def _index_built(self) -> None:
        self.model.reload()
        self.index_ready.emit()

    def focus_search(self) -> None:
        self.search.focus_all()

    def current_filter(self) -> EnterpriseFilter:
        return EnterpriseFilter(self.search.text(), self.district.currentData() or None,
                                self.section.currentData() or None, self.size.currentData() or None,
                                self.status.currentData() or None, self.warning_only.isChecked())

    def apply_filter(self) -> None:
        self.search.cancel_pending()
        self.model.set_filter(self.current_filter())

    def _counted(self, count: int) -> None:
        self.count_label.setText(self.tr("共 %1 家企业").replace("%1", f"{count:,}"))
        if self.current_filter() != EnterpriseFilter():
            text = self.tr("没有符合条件的企业。请换个关键词（名称中的几个字、拼音首字母、信用代码开头或电话），或把筛选改回“全部”。")
        else:
            text = self.tr("企业库里还没有企业。\n点击“新建”（Ctrl+N）登记第一家，或点击“导入…”从 Excel 表格批量导入。")
        self.empty_label.setText(text)
        self.empty_label.setVisible(count == 0)
        self.table.setVisible(count > 0)

    def selected_row(self) -> EnterpriseRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    # -- dialogs ---------------------------------------------------------------------------
    def _open_dialog(self, dialog: QWidget) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # type: ignore[attr-defined]

    def new_enterprise(self) -> None:
        self.open_form(None)

    def edit_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.open_form(row.id)

    def open_form(self, enterprise_id: uuid.UUID | None) -> EnterpriseForm:
        form = EnterpriseForm(self._db, enterprise_id, self)
        form.enterprise_saved.connect(self._saved)
        form.open_existing.connect(lambda existing: QTimer.singleShot(0, lambda: self.open_form(existing)))
        self._open_dialog(form)
        return form

    def _saved(self, detail: enterprise_service.EnterpriseDetail) -> None:
        self.info_bar.say(self.tr("已保存：%1").replace("%1", detail.name))
        self.model.reload()
        self.list_changed.emit()

    def show_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.show_detail(row.id)

    def show_detail(self, enterprise_id: uuid.UUID, focus_id: uuid.UUID | None = None) -> EnterpriseDetailDialog:
        dialog = EnterpriseDetailDialog(self._db, enterprise_id, self, focus_id=focus_id)
        dialog.edit_requested.connect(lambda eid: QTimer.singleShot(0, lambda: self.open_form(eid)))
        self._open_dialog(dialog)
        return dialog

    def show_quality(self) -> QualityDialog:
        """Not modal: the list stays open beside the pages its rows lead to."""
        dialog = QualityDialog(self._db, self)
        dialog.open_requested.connect(self._open_issue)
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _open_issue(self, issue: QualityIssue) -> None:
        """An enterprise opens in its form; a service record or a demand on its own page."""
        target = issue_target(issue)
        if target is not None:
            self.open_records.emit(*target)
        else:
            self.open_form(issue.record_id)

    # -- delete and undo --------------------------------------------------------------------
    def delete_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        text = self.tr("删除“%1”？它的服务记录和需求会保留。删除后可以立即撤销。").replace("%1", row.name)
        delete_confirmed(self, self._db, self.tr("删除企业"), text, lambda s: enterprise_service.delete(s, row.id, row.version),
                         on_success=lambda _r: self._deleted(row), progress_title=self.tr("删除企业"))

    def _deleted(self, row: EnterpriseRow) -> None:
        self.deleted = row
        self.info_bar.say(self.tr("已删除：%1").replace("%1", row.name), undo=True)
        self.model.reload()
        self.list_changed.emit()

    def undo_delete(self) -> None:
        row = self.deleted
        if row is None:
            return

        def restored(_detail: object) -> None:
            self.deleted = None
            self.info_bar.say(self.tr("已恢复：%1").replace("%1", row.name))
            self.model.reload()
            self.list_changed.emit()

        write_in_background(self, self._db, lambda s: enterprise_service.restore(s, row.id), on_success=restored,
                            title=self.tr("撤销删除"))

    # -- Excel ---------------------------------------------------------------------------------
    def import_enterprises(self) -> None:
        dialog = enterprise_excel.open_import(self, self._db, self.model.reload)
        if dialog is not None:
            self.dialog = dialog

    def export_enterprises(self) -> None:
        path = enterprise_excel.ask_export_path(self)
        if path is not None:
            enterprise_excel.export(self, self._db, self.current_filter(), path)
