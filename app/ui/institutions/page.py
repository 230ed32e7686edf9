"""机构与专家: resident institutions with their 服务清单, and the expert pool, each with usage
and satisfaction.  HQ reference data: read-only with a note once the station is enrolled,
editable here (by a manager) before that."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.domain.catalogue import INSTITUTION_STATUSES, SERVICE_CATEGORIES
from app.models.database import Database
from app.services import pick_lists
from app.services.institutions import experts, usage
from app.services.institutions import resident as institutions
from app.services.institutions.resident import CatalogueRow, ReferenceAccess
from app.services.institutions.usage import Usage
from app.ui import theme
from app.ui.catalogue_names import shown
from app.ui.db_operations import delete_confirmed, read_in_background, read_now
from app.ui.institutions.expert_form import ExpertForm
from app.ui.institutions.institution_form import CatalogueForm, InstitutionForm
from app.ui.item_models.experts_model import ExpertsModel
from app.ui.item_models.institutions_model import CatalogueModel, InstitutionsModel, Used
from app.ui.service_messages import shown_message
from app.ui.widgets.elided_tips import fit_to_names
from app.ui.widgets.fit_columns import DATE_SAMPLE, fit_columns
from app.ui.widgets.form_dialog import FormDialog
from app.ui.widgets.list_table import ListTable
from app.ui.widgets.list_views import bind_find
from app.ui.widgets.pick_lists import current_staff_id


@dataclass(frozen=True)
class Loaded:
    access: ReferenceAccess
    categories: dict[str, str]
    institutions: list[Used]
    catalogue: list[CatalogueRow]
    experts: list[Used]


def read_all(db: Database, editor: Any) -> Loaded:
    return read_now(db, lambda session: _read_all(session, editor))


def _read_all(session: Any, editor: Any) -> Loaded:
    by_institution, by_expert = usage.institution_usage(session), usage.expert_usage(session)
    return Loaded(
        institutions.reference_access(session, editor),
        pick_lists.active_codes(session, pick_lists.SERVICE_CATEGORY),
        [Used(r, by_institution.get(r.id, Usage())) for r in institutions.list_institutions(session)],
        institutions.catalogue(session),
        [Used(r, by_expert.get(r.id, Usage())) for r in experts.list_experts(session)],
    )


class InstitutionsPage(QWidget):
    loaded = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.data: Loaded | None = None
        self.dialog: FormDialog | None = None
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet(f"background: {theme.INFO_BACKGROUND}; border: 1px solid {theme.INFO_BORDER};"
                                " border-radius: 4px; padding: 8px 12px;"
                                f" color: {theme.INFO_TEXT};")
        self.note.hide()

        self.institutions = ListTable(InstitutionsModel(self), [200, 96, 56, 64, 104, 86, 86, 60, 60, 60, 60])
        fit_to_names(self.institutions.table, {1: SERVICE_CATEGORIES.values(), 2: INSTITUTION_STATUSES.values()})
        # the name takes what is left; at 1024×600 退出日期, 入驻日期 and 联系电话 step aside (the form shows them)
        fit_columns(self.institutions.table, stretch=0, floor=160, keep=[1, 2], samples={5: DATE_SAMPLE, 6: DATE_SAMPLE},
                    drop=[6, 5, 4])
        self.institutions.no_match_text = self.tr("没有符合条件的机构，请更改状态或搜索条件。")
        self.institutions.on_keys(self.edit_institution, self.delete_institution)
        self.institutions.current_changed.connect(lambda _row: self._show_catalogue())
        self.catalogue = ListTable(CatalogueModel(self), [96, 110, 220, 70])
        self.catalogue.no_match_text = self.tr("这家机构还没有服务清单。")
        self.catalogue.on_keys(self.edit_entry, self.delete_entry)
        self.catalogue_heading = QLabel()
        self.status = QComboBox()
        self.status.addItem(self.tr("全部状态"), "")
        for code, label in INSTITUTION_STATUSES.items():
            self.status.addItem(shown(label), code)
        self.status.currentIndexChanged.connect(self._filter_institutions)
        self.institution_search = self._search(self.tr("搜索机构名称、类别或联系人（Ctrl+F）"), self._filter_institutions)
        self.institution_actions = self._toolbar([("new_institution", self.tr("新增机构（Ctrl+N）"), self.new_institution),
                                                  ("edit_institution", self.tr("编辑（Enter）"), self.edit_institution),
                                                  ("delete_institution", self.tr("删除"), self.delete_institution), None,
                                                  ("new_entry", self.tr("新增服务项目"), self.new_entry),
                                                  ("edit_entry", self.tr("编辑服务项目"), self.edit_entry),
                                                  ("delete_entry", self.tr("删除服务项目"), self.delete_entry)],
                                                 [self.status, self.institution_search])
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 6, 0, 0)
        lower_layout.addWidget(self.catalogue_heading)
        lower_layout.addWidget(self.catalogue)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.institutions)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        institutions_tab = self._tab(self.institution_actions[0], splitter)

        self.experts = ListTable(ExpertsModel(self), [80, 210, 110, 170, 104, 60, 60, 60, 60])
        self.experts.no_match_text = self.tr("没有符合条件的专家，请更改搜索条件。")
        self.experts.on_keys(self.edit_expert, self.delete_expert)
        self.expert_search = self._search(self.tr("搜索姓名、单位或擅长领域（Ctrl+F）"), self._filter_experts)
        self.expert_actions = self._toolbar([("new_expert", self.tr("新增专家（Ctrl+N）"), self.new_expert),
                                             ("edit_expert", self.tr("编辑（Enter）"), self.edit_expert),
                                             ("delete_expert", self.tr("删除"), self.delete_expert)],
                                            [self.expert_search])
        experts_tab = self._tab(self.expert_actions[0], self.experts)

        self.tabs = QTabWidget()
        self.tabs.addTab(institutions_tab, self.tr("入驻服务机构"))
        self.tabs.addTab(experts_tab, self.tr("服务专家库"))
        shortcut = QShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_N), self, self.new_in_current_tab)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.setWhatsThis(self.tr("在当前标签页新增"))
        bind_find(institutions_tab, self.institution_search)  # each tab's own, answering while it is shown
        bind_find(experts_tab, self.expert_search)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.note)
        layout.addWidget(self.tabs, 1)
        self.actions_by_name: dict[str, QAction] = {**self.institution_actions[1], **self.expert_actions[1]}
        self._apply_access()
        self._generation = 0

    # -- building ------------------------------------------------------------------------
    def _search(self, placeholder: str, slot: Any) -> QLineEdit:
        box = QLineEdit()
        box.setPlaceholderText(placeholder)
        box.setClearButtonEnabled(True)
        box.setMinimumWidth(160)
        box.textChanged.connect(lambda _t: slot())
        return box

    def _toolbar(self, entries: list[Any], filters: list[QWidget]) -> tuple[QWidget, dict[str, QAction]]:
        toolbar = QToolBar()
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        actions: dict[str, QAction] = {}
        for entry in entries:
            if entry is None:
                toolbar.addSeparator()
            else:
                actions[entry[0]] = toolbar.addAction(entry[1], entry[2])
        bar = QWidget()
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(toolbar)
        for widget in filters:
            row.addWidget(widget, 1 if isinstance(widget, QLineEdit) else 0)
        return bar, actions

    def _tab(self, bar: QWidget, body: QWidget) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(bar)
        layout.addWidget(body, 1)
        return tab

    # -- reading -------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()  # a short list: re-read on every visit (sync or other pages may have changed it)

    def reload(self) -> None:
        db, editor = self._db, current_staff_id()
        self._generation += 1
        generation = self._generation

        def arrived(data: Loaded) -> None:
            if generation == self._generation:  # reads run in parallel: an older one may finish last
                self._arrived(data)

        read_in_background(self, db, lambda session: _read_all(session, editor), on_success=arrived)

    def _arrived(self, data: Loaded) -> None:
        self.data = data
        self._apply_access()  # first: it sets the empty-state texts
        self.institutions.set_rows(data.institutions)
        self.experts.set_rows(data.experts)
        self._filter_institutions()
        self._filter_experts()
        if self.institutions.selected() is None and self.institutions.proxy.rowCount():
            self.institutions.table.selectRow(0)  # so its 服务清单 shows at once
        self._show_catalogue()
        self.loaded.emit()

    @property
    def editable(self) -> bool:
        return self.data is not None and self.data.access.editable

    def _apply_access(self) -> None:
        reason = self.data.access.reason if self.data else ""
        self.note.setText(shown_message(reason))
        self.note.setVisible(bool(reason))
        for action in self.actions_by_name.values():
            action.setVisible(self.editable)
        if self.editable:
            self.institutions.empty_text = self.tr("还没有入驻服务机构。点击“新增机构”（Ctrl+N）登记入驻本站的服务机构。")
            self.experts.empty_text = self.tr("专家库还是空的。点击“新增专家”（Ctrl+N）添加。")
        else:
            self.institutions.empty_text = self.tr("还没有入驻服务机构。服务总站发布后，同步时会自动出现在这里。")
            self.experts.empty_text = self.tr("专家库还是空的。服务总站发布后，同步时会自动出现在这里。")

    def _filter_institutions(self) -> None:
        status = self.status.currentData()
        self.institutions.set_filter(self.institution_search.text(), lambda u: not status or u.row.status == status)

    def _filter_experts(self) -> None:
        self.experts.set_filter(self.expert_search.text())

    def _show_catalogue(self) -> None:
        used = self.institutions.selected()
        rows = [r for r in self.data.catalogue if used is not None and r.institution_id == used.id] if self.data else []
        self.catalogue.set_rows(rows)
        self.catalogue.empty_text = self.tr("这家机构还没有服务清单。") if used else self.tr("请在上方选择一家机构。")
        self.catalogue.set_filter()
        self.catalogue_heading.setText(self.tr("服务清单：%1").replace("%1", used.row.name) if used else self.tr("服务清单"))

    # -- actions -------------------------------------------------------------------------
    def new_in_current_tab(self) -> None:
        if self.tabs.currentIndex() == 0:
            self.new_institution()
        else:
            self.new_expert()

    def _open(self, dialog: FormDialog) -> FormDialog:
        self.dialog = dialog
        dialog.saved.connect(lambda _row: self.reload())
        dialog.open()
        return dialog

    def _categories(self) -> dict[str, str]:
        return self.data.categories if self.data else {}

    def new_institution(self) -> None:
        if self.editable:
            self._open(InstitutionForm(self._db, self._categories(), None, self, editor_id=current_staff_id()))

    def edit_institution(self) -> None:
        used = self.institutions.selected()
        if self.editable and used is not None:
            self._open(InstitutionForm(self._db, self._categories(), used.row, self, editor_id=current_staff_id()))

    def new_entry(self) -> None:
        used = self.institutions.selected()
        if self.editable and used is not None:
            self._open(CatalogueForm(self._db, self._categories(), used.row, None, self, editor_id=current_staff_id()))

    def edit_entry(self) -> None:
        used, entry = self.institutions.selected(), self.catalogue.selected()
        if self.editable and used is not None and entry is not None:
            self._open(CatalogueForm(self._db, self._categories(), used.row, entry, self, editor_id=current_staff_id()))

    def new_expert(self) -> None:
        if self.editable:
            self._open(ExpertForm(self._db, self._categories(), None, self, editor_id=current_staff_id()))

    def edit_expert(self) -> None:
        used = self.experts.selected()
        if self.editable and used is not None:
            self._open(ExpertForm(self._db, self._categories(), used.row, self, editor_id=current_staff_id()))

    def _delete(self, title: str, text: str, write: Any) -> None:
        editor = current_staff_id()
        delete_confirmed(self, self._db, title, text, lambda s: write(s, editor), on_success=lambda _r: self.reload(),
                         progress_title=title)

    def delete_institution(self) -> None:
        used = self.institutions.selected()
        if self.editable and used is not None:
            row = used.row
            self._delete(self.tr("删除入驻机构"),
                         self.tr("删除“%1”及其服务清单？已有的服务记录和需求会保留。机构退出请改为把状态设为“已退出”。")
                         .replace("%1", row.name),
                         lambda s, e: institutions.delete_institution(s, row.id, row.version, e))

    def delete_entry(self) -> None:
        entry = self.catalogue.selected()
        if self.editable and entry is not None:
            self._delete(self.tr("删除服务项目"), self.tr("删除服务项目“%1”？").replace("%1", entry.title),
                         lambda s, e: institutions.delete_entry(s, entry.id, entry.version, e))

    def delete_expert(self) -> None:
        used = self.experts.selected()
        if self.editable and used is not None:
            row = used.row
            self._delete(self.tr("删除专家"), self.tr("把“%1”移出专家库？已有的服务记录和需求会保留。").replace("%1", row.name),
                         lambda s, e: experts.delete(s, row.id, row.version, e))
