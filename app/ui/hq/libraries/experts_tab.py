"""专家: HQ's experts; staff add, edit and withdraw them."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from app.hqdesk import libraries as lib
from app.hqdesk.client import HqDeskClient
from app.ui.hq.libraries.fields_dialog import FieldsDialog, Spec
from app.ui.hq.libraries.tab_base import LibraryTab
from app.ui.hq.pages import DeskUser
from app.ui.item_models.row_list_model import ListColumn, RowListModel
from app.ui.widgets.list_table import ListTable
from app.ui.widgets.list_views import bind_find
from app.ui.widgets.prompts import confirm


class ExpertsTab(LibraryTab):
    def __init__(self, client: HqDeskClient, user: DeskUser, parent: QWidget | None = None) -> None:
        super().__init__(client, user, parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("按姓名、单位或擅长领域查找，回车（Ctrl+F）"))
        bind_find(self, self.search)
        self.search.returnPressed.connect(self.refresh)
        self.bar.addWidget(self.search, 1)
        self.button(self.tr("新增专家"), self.add, shortcut="Ctrl+N")
        self.button(self.tr("修改"), self.edit, shortcut="F2")
        self.button(self.tr("删除"), self.remove)
        columns = [ListColumn(self.tr("姓名"), lambda r: r.name), ListColumn(self.tr("所在单位"), lambda r: r.organisation),
                   ListColumn(self.tr("职称"), lambda r: r.title), ListColumn(self.tr("擅长领域"), lambda r: r.fields),
                   ListColumn(self.tr("联系电话"), lambda r: r.phone)]
        self.model = RowListModel(columns, self)
        self.table = ListTable(self.model, [120, 220, 100, 200, 120])
        self.table.empty_text = self.for_role(self.tr("还没有专家。点“新增专家”添加，各服务站下次同步后即可看到。"),
                                             self.tr("还没有专家。服务总站工作人员添加后会显示在这里。"))
        self.table.no_match_text = self.tr("没有符合条件的专家。")
        self.table.on_keys(self.edit, self.remove)
        self.finish_layout(self.table)

    def refresh(self) -> None:
        text = self.search.text().strip()
        self.call(lambda: lib.experts(self.client, text=text), self._show, self.tr("读取专家"), key="list")

    def _show(self, page: lib.Page) -> None:
        self.table.set_rows(page.rows)
        self.say(self.tr("共 %1 位专家").replace("%1", str(page.total)))

    def _specs(self) -> list[Spec]:
        return [Spec("name", self.tr("专家姓名")), Spec("organisation", self.tr("所在单位")), Spec("title", self.tr("职称")),
                Spec("fields", self.tr("擅长领域"), hint=self.tr("服务类别，多个用逗号分隔")), Spec("phone", self.tr("联系电话"))]

    def _form(self, title: str, values: dict[str, Any], expert_id: str | None) -> FieldsDialog:
        dialog = FieldsDialog(title, self._specs(), values, lambda body: lib.save_expert(self.client, expert_id, body), self)
        dialog.saved.connect(lambda _row: self.refresh())
        dialog.open()
        return dialog

    def add(self) -> FieldsDialog:
        return self._form(self.tr("新增专家"), {}, None)

    def edit(self) -> FieldsDialog | None:
        row = self.table.selected()
        if row is None or not self.can_write:
            return None
        values = {name: getattr(row, name) for name in ("name", "organisation", "title", "fields", "phone")}
        return self._form(self.tr("修改专家"), values, row.id)

    def remove(self) -> None:
        row = self.table.selected()
        if row is None or not self.can_write:
            return
        if confirm(self, self.tr("删除专家"), self.tr("删除专家“%1”？已有的服务记录仍保留其姓名。").replace("%1", row.name),
                   destructive=True):
            self.call(lambda: lib.remove_expert(self.client, row.id), lambda _r: self.refresh(), self.tr("删除专家"))
