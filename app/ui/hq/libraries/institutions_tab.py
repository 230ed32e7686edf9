"""服务机构: institutions with their status, and the selected one's 服务清单 by stage.
Staff admit (入驻), suspend (暂停), exit with a reason (退出) and edit the 服务清单."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QSplitter, QTreeWidget, QTreeWidgetItem, QWidget

from app.domain.catalogue import ENTERPRISE_STAGES, FEE_TYPES
from app.hqdesk import libraries as lib
from app.hqdesk.client import HqDeskClient
from app.ui.catalogue_names import shown
from app.ui.hq.libraries import tab_base
from app.ui.hq.libraries.fields_dialog import FieldsDialog, Spec
from app.ui.hq.libraries.tab_base import LibraryTab
from app.ui.hq.pages import DeskUser
from app.ui.item_models.row_list_model import ListColumn, RowListModel
from app.ui.widgets.list_table import ListTable
from app.ui.widgets.list_views import bind_find
from app.ui.widgets.prompts import confirm


def shown_names(names: dict[str, str]) -> dict[str, str]:
    """code → label in the user's language (read when a form opens, after the translator is in)."""
    return {code: shown(label) for code, label in names.items()}


class InstitutionsTab(LibraryTab):
    def __init__(self, client: HqDeskClient, user: DeskUser, categories: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(client, user, parent)
        self.categories = categories
        self.status_filter = QComboBox()
        for code, label in (("", self.tr("全部状态")), ("active", self.tr("在驻")), ("suspended", self.tr("暂停")),
                            ("exited", self.tr("已退出"))):
            self.status_filter.addItem(label, code)
        self.status_filter.currentIndexChanged.connect(self.refresh)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("按名称或类别查找，回车（Ctrl+F）"))
        bind_find(self, self.search)
        self.search.returnPressed.connect(self.refresh)
        self.bar.addWidget(self.status_filter)
        self.bar.addWidget(self.search, 1)
        self.button(self.tr("新增机构（入驻）"), self.add, shortcut="Ctrl+N")
        self.button(self.tr("修改"), self.edit, shortcut="F2")
        self.suspend_button = self.button(self.tr("暂停"), self.suspend)
        self.admit_button = self.button(self.tr("恢复入驻"), self.admit)
        self.exit_button = self.button(self.tr("退出…"), self.exit)
        self.button(self.tr("新增服务项目"), self.add_entry)
        self.button(self.tr("删除服务项目"), self.remove_entry)
        columns = [
            ListColumn(self.tr("机构名称"), lambda r: r.name),
            ListColumn(self.tr("服务类别"), lambda r: categories.get(r.category, r.category)),
            ListColumn(self.tr("状态"), lambda r: r.status_label),
            ListColumn(self.tr("入驻日期"), lambda r: r.entered_on),
            ListColumn(self.tr("退出日期"), lambda r: r.exited_on),
            ListColumn(self.tr("退出原因"), lambda r: r.exit_reason),
            ListColumn(self.tr("服务项目"), lambda r: r.entries, align_right=True),
        ]
        self.model = RowListModel(columns, self)
        self.table = ListTable(self.model, [220, 110, 70, 100, 100, 160, 70])
        self.table.empty_text = self.for_role(self.tr("还没有入驻机构。点“新增机构（入驻）”添加，各服务站下次同步后即可看到。"),
                                             self.tr("还没有入驻机构。服务总站工作人员添加后会显示在这里。"))
        self.table.no_match_text = self.tr("没有符合条件的机构。")
        self.table.on_keys(self.edit, lambda: None)
        self.table.current_changed.connect(self._selected)
        self.entries = QTreeWidget()
        self.entries.setHeaderLabels([self.tr("服务清单（按阶段）"), self.tr("服务类别"), self.tr("收费方式"), self.tr("服务内容")])
        self.entries.setColumnWidth(0, 220)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.entries)
        self.finish_layout(split)

    def refresh(self) -> None:
        status, text = self.status_filter.currentData() or None, self.search.text().strip()
        self.call(lambda: lib.institutions(self.client, status=status, text=text), self._show, self.tr("读取服务机构"), key="list")

    def _show(self, page: lib.Page) -> None:
        self.table.set_rows(page.rows)
        self.say(self.tr("共 %1 家机构").replace("%1", str(page.total)))

    def _selected(self, row: lib.Institution | None) -> None:
        self.entries.clear()
        for button, allowed in ((self.suspend_button, ("active",)), (self.admit_button, ("suspended", "exited")),
                                (self.exit_button, ("active", "suspended"))):
            button.setEnabled(row is not None and row.status in allowed)
        if row is not None:
            self.call(lambda: lib.institution(self.client, row.id), self._show_entries, self.tr("读取服务清单"), key="entries")

    def _show_entries(self, detail: lib.InstitutionDetail) -> None:
        self.entries.clear()
        for stage in detail.stages:
            top = QTreeWidgetItem([f"{shown(stage.label)}（{len(stage.entries)}）"])
            for entry in stage.entries:
                item = QTreeWidgetItem([entry.title, self.categories.get(entry.category, entry.category),
                                        shown(FEE_TYPES.get(entry.fee_type, entry.fee_type)), entry.description])
                item.setData(0, Qt.ItemDataRole.UserRole, entry.id)
                top.addChild(item)
            self.entries.addTopLevelItem(top)
        self.entries.expandAll()

    # --- writes -------------------------------------------------------------------------
    def _specs(self) -> list[Spec]:
        return [Spec("name", self.tr("机构名称")), Spec("category", self.tr("服务类别"), "choice", {"": "", **self.categories}),
                Spec("contact_name", self.tr("联系人")), Spec("phone", self.tr("联系电话")),
                Spec("entered_on", self.tr("入驻日期"), hint="2026-03-02")]

    def _form(self, title: str, values: dict[str, Any], save: Any) -> FieldsDialog:
        dialog = FieldsDialog(title, self._specs(), values, save, self)
        dialog.saved.connect(lambda _row: self.refresh())
        dialog.open()
        return dialog

    def add(self) -> FieldsDialog:
        return self._form(self.tr("新增入驻机构"), {}, lambda body: lib.save_institution(self.client, None, body))

    def edit(self) -> FieldsDialog | None:
        row = self.table.selected()
        if row is None or not self.can_write:
            return None
        values = {"name": row.name, "category": row.category, "contact_name": row.contact_name, "phone": row.phone,
                  "entered_on": row.entered_on}
        return self._form(self.tr("修改机构"), values, lambda body: lib.save_institution(self.client, row.id, body))

    def _act(self, work: Any, title: str) -> None:
        self.call(work, lambda _r: self.refresh(), title)

    def suspend(self) -> None:
        row = self.table.selected()
        if row is not None and confirm(self, self.tr("暂停机构"), self.tr("暂停“%1”？各服务站将不能再向它派单。").replace("%1", row.name)):
            self._act(lambda: lib.suspend(self.client, row.id), self.tr("暂停机构"))

    def admit(self) -> None:
        row = self.table.selected()
        if row is not None:
            self._act(lambda: lib.admit(self.client, row.id), self.tr("恢复入驻"))

    def exit(self) -> None:
        row = self.table.selected()
        if row is None:
            return
        reason, ok = tab_base.ask_text(self, self.tr("机构退出"), self.tr("“%1”退出的原因（必填）：").replace("%1", row.name))
        if ok:
            self._act(lambda: lib.exit_institution(self.client, row.id, reason), self.tr("机构退出"))

    def add_entry(self) -> FieldsDialog | None:
        row = self.table.selected()
        if row is None:
            self.say(self.tr("请先在上面的列表中选择机构。"), error=True)
            return None
        specs = [Spec("title", self.tr("服务项目")), Spec("stage", self.tr("适用阶段"), "choice", shown_names(ENTERPRISE_STAGES)),
                 Spec("category", self.tr("服务类别"), "choice", self.categories),
                 Spec("fee_type", self.tr("收费方式"), "choice", shown_names(FEE_TYPES)),
                 Spec("description", self.tr("服务内容"), "text")]
        dialog = FieldsDialog(self.tr("新增服务项目"), specs, {}, lambda body: lib.save_entry(self.client, row.id, None, body), self)
        dialog.saved.connect(lambda _e: self._selected(row))
        dialog.open()
        return dialog

    def remove_entry(self) -> None:
        item = self.entries.currentItem()
        entry_id = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        row = self.table.selected()
        if item is None or not entry_id or row is None:
            self.say(self.tr("请先在服务清单中选择要删除的服务项目。"), error=True)
            return
        if confirm(self, self.tr("删除服务项目"), self.tr("删除“%1”？").replace("%1", item.text(0)), destructive=True):
            self.call(lambda: lib.remove_entry(self.client, entry_id), lambda _r: self._selected(row), self.tr("删除服务项目"))
