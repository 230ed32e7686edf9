"""选项: the pick-lists HQ publishes (服务类别, 活动主题).  Until HQ publishes a list the
stations use the defaults, shown here greyed; an item is retired (停用), never deleted."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QWidget

from app.hqdesk import libraries as lib
from app.hqdesk.client import HqDeskClient
from app.ui.hq.libraries.fields_dialog import FieldsDialog, Spec
from app.ui.hq.libraries.tab_base import LibraryTab
from app.ui.hq.pages import DeskUser
from app.ui.item_models.row_list_model import ListColumn, RowListModel
from app.ui.widgets.list_table import ListTable

LISTS = ("service_category", "event_theme")


class PickListsTab(LibraryTab):
    def __init__(self, client: HqDeskClient, user: DeskUser, parent: QWidget | None = None) -> None:
        super().__init__(client, user, parent)
        self.list_box = QComboBox()
        self.list_box.addItem(self.tr("服务类别"), "service_category")
        self.list_box.addItem(self.tr("活动主题"), "event_theme")
        self.list_box.currentIndexChanged.connect(self.refresh)
        self.bar.addWidget(self.list_box, 1)
        self.button(self.tr("新增选项"), self.add, shortcut="Ctrl+N")
        self.button(self.tr("修改"), self.edit, shortcut="F2")
        self.toggle_button = self.button(self.tr("停用/启用"), self.toggle)
        columns = [ListColumn(self.tr("编码"), lambda r: r.code), ListColumn(self.tr("名称"), lambda r: r.label),
                   ListColumn(self.tr("英文名称"), lambda r: r.label_en),
                   ListColumn(self.tr("排序"), lambda r: r.sort_order, align_right=True),
                   ListColumn(self.tr("状态"), lambda r: self.tr("启用") if r.active else self.tr("停用"))]
        self.model = RowListModel(columns, self)
        self.table = ListTable(self.model, [140, 180, 180, 60, 60])
        self.table.empty_text = self.for_role(
            self.tr("服务总站还没有发布这张选项表，各服务站使用软件自带的默认选项。点“新增选项”开始发布。"),
            self.tr("服务总站还没有发布这张选项表，各服务站使用软件自带的默认选项。"))
        self.table.on_keys(self.edit, lambda: None)
        self.finish_layout(self.table)
        self.current: lib.PickList | None = None

    def refresh(self) -> None:
        name = self.list_box.currentData()
        self.call(lambda: lib.pick_list(self.client, name), self._show, self.tr("读取选项"), key="list")

    def _show(self, result: lib.PickList) -> None:
        self.current = result
        self.table.set_rows(result.items)
        if result.published:
            self.say(self.tr("共 %1 项；停用的选项不再供新记录选择，已有记录仍显示其名称。").replace("%1", str(len(result.items))))
        else:
            self.say(self.tr("未发布，服务站使用默认选项：%1").replace("%1", "、".join(result.defaults.values())))

    def _specs(self, new: bool) -> list[Spec]:
        head = [Spec("code", self.tr("编码"), hint=self.tr("英文字母、数字或下划线，发布后不能修改"))] if new else []
        return [*head, Spec("label", self.tr("名称")), Spec("label_en", self.tr("英文名称")),
                Spec("sort_order", self.tr("排序"), "number"), Spec("active", self.tr("启用"), "check")]

    def _form(self, title: str, values: dict[str, Any], item_id: str | None) -> FieldsDialog:
        name = self.list_box.currentData()

        def save(body: dict[str, Any]) -> lib.PickItem:
            return lib.save_pick_item(self.client, item_id, {**body, "list_name": name} if item_id is None else body)

        dialog = FieldsDialog(title, self._specs(item_id is None), values, save, self)
        dialog.saved.connect(lambda _row: self.refresh())
        dialog.open()
        return dialog

    def add(self) -> FieldsDialog:
        order = (max((i.sort_order for i in self.current.items), default=0) + 10) if self.current else 10
        return self._form(self.tr("新增选项"), {"sort_order": order, "active": True}, None)

    def edit(self) -> FieldsDialog | None:
        row = self.table.selected()
        if row is None or not self.can_write:
            return None
        values = {"label": row.label, "label_en": row.label_en, "sort_order": row.sort_order, "active": row.active}
        return self._form(self.tr("修改选项"), values, row.id)

    def toggle(self) -> None:
        row = self.table.selected()
        if row is not None:
            self.call(lambda: lib.save_pick_item(self.client, row.id, {"active": not row.active}), lambda _r: self.refresh(),
                      self.tr("停用/启用选项"))
