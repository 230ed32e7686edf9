"""政策: policies with their classification and targets, and relay coverage — per policy,
how many target stations have received it and how many have relayed it to enterprises;
the selected policy's stations below.  Staff publish, edit and withdraw."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QSplitter, QWidget

from app.domain.enterprise_size import SIZE_LABELS
from app.hqdesk import libraries as lib
from app.hqdesk.client import HqDeskClient
from app.ui.catalogue_names import shown
from app.ui.hq.libraries.fields_dialog import FieldsDialog, Spec
from app.ui.hq.libraries.tab_base import LibraryTab
from app.ui.hq.pages import DeskUser
from app.ui.item_models.row_list_model import ListColumn, RowListModel
from app.ui.widgets.list_table import ListTable
from app.ui.widgets.list_views import bind_find
from app.ui.widgets.prompts import confirm

SIZE_NAMES = {size.value: label for size, label in SIZE_LABELS.items()}


def size_names(codes: str) -> str:
    """"small,micro" → 小型、微型, in the user's language."""
    return "、".join(shown(SIZE_NAMES.get(code, code)) for code in codes.split(",") if code)


FIELDS = ("title", "category", "issuer", "issued_on", "expires_on", "districts", "industries", "sizes", "summary", "attachment")


class PoliciesTab(LibraryTab):
    def __init__(self, client: HqDeskClient, user: DeskUser, parent: QWidget | None = None) -> None:
        super().__init__(client, user, parent)
        self.categories: dict[str, str] = {}
        self.category_filter = QComboBox()
        self.category_filter.addItem(self.tr("全部类别"), "")
        self.category_filter.currentIndexChanged.connect(self.refresh)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("按标题或发文单位查找，回车（Ctrl+F）"))
        bind_find(self, self.search)
        self.search.returnPressed.connect(self.refresh)
        self.bar.addWidget(self.category_filter)
        self.bar.addWidget(self.search, 1)
        self.button(self.tr("发布政策"), self.add, shortcut="Ctrl+N")
        self.button(self.tr("修改"), self.edit, shortcut="F2")
        self.button(self.tr("撤回"), self.withdraw)
        columns = [
            ListColumn(self.tr("政策标题"), lambda r: r.title),
            ListColumn(self.tr("类别"), lambda r: r.category_label),
            ListColumn(self.tr("发布日期"), lambda r: r.issued_on),
            ListColumn(self.tr("适用区域"), lambda r: "、".join(shown(d) for d in r.districts.split(",") if d) or self.tr("全市")),
            ListColumn(self.tr("适用规模"), lambda r: size_names(r.sizes) or self.tr("全部")),
            ListColumn(self.tr("适用行业"), lambda r: r.industries or self.tr("全部")),
            ListColumn(self.tr("目标服务站"), lambda r: r.coverage.target_stations, align_right=True),
            ListColumn(self.tr("已收到"), lambda r: r.coverage.received, align_right=True),
            ListColumn(self.tr("已转发"), lambda r: r.coverage.relayed, align_right=True),
            ListColumn(self.tr("转发企业数"), lambda r: r.coverage.enterprises, align_right=True),
        ]
        self.model = RowListModel(columns, self)
        self.table = ListTable(self.model, [260, 90, 90, 120, 80, 80, 80, 60, 60, 80])
        self.table.empty_text = self.for_role(self.tr("还没有发布政策。点“发布政策”，各目标服务站下次同步后即可看到。"),
                                             self.tr("还没有发布政策。服务总站工作人员发布后会显示在这里。"))
        self.table.no_match_text = self.tr("没有符合条件的政策。")
        self.table.on_keys(self.edit, self.withdraw)
        self.table.current_changed.connect(self._selected)
        station_columns = [
            ListColumn(self.tr("服务站"), lambda s: f"{s.station_code} {s.station_name}"),
            ListColumn(self.tr("所在区"), lambda s: s.district),
            ListColumn(self.tr("已收到"), lambda s: self.tr("是") if s.received else self.tr("否")),
            ListColumn(self.tr("转发企业数"), lambda s: s.enterprises, align_right=True),
        ]
        self.station_model = RowListModel(station_columns, self)
        self.stations = ListTable(self.station_model, [240, 90, 70, 90])
        self.stations.empty_text = self.tr("选择一条政策，查看各目标服务站的接收和转发情况。")
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.stations)
        self.finish_layout(split)

    def refresh(self) -> None:
        category, text = self.category_filter.currentData() or None, self.search.text().strip()
        self.call(lambda: lib.policies(self.client, category=category, text=text), self._show, self.tr("读取政策"), key="list")

    def _show(self, result: tuple[lib.Page, dict[str, str]]) -> None:
        page, self.categories = result
        if self.category_filter.count() == 1:
            for code, label in self.categories.items():
                self.category_filter.addItem(label, code)
        self.table.set_rows(page.rows)
        self.say(self.tr("共 %1 条政策。已收到：服务站已同步到最新版本；已转发：服务站已向企业登记政策宣传服务。")
                 .replace("%1", str(page.total)))

    def _selected(self, row: lib.Policy | None) -> None:
        self.stations.empty_text = self.tr("选择一条政策，查看各目标服务站的接收和转发情况。")
        self.stations.set_rows([])
        if row is not None:
            self.call(lambda: lib.policy(self.client, row.id), self._show_stations, self.tr("读取转发情况"), key="stations")

    def _show_stations(self, detail: lib.PolicyDetail) -> None:
        self.stations.empty_text = self.tr("这条政策的适用区域内还没有服务站。")
        self.stations.set_rows(detail.stations)

    def _specs(self) -> list[Spec]:
        return [Spec("title", self.tr("政策标题")), Spec("category", self.tr("政策类别"), "choice", self.categories),
                Spec("issuer", self.tr("发文单位")), Spec("issued_on", self.tr("发布日期"), hint="2026-03-02"),
                Spec("expires_on", self.tr("有效期至"), hint=self.tr("长期有效留空")),
                Spec("districts", self.tr("适用区域"), hint=self.tr("如 天河区,黄埔区；留空表示全市")),
                Spec("industries", self.tr("适用行业"), hint=self.tr("门类字母或行业代码，如 C,65；留空表示全部")),
                Spec("sizes", self.tr("适用规模"), hint=self.tr("如 小型,微型；留空表示全部")),
                Spec("summary", self.tr("政策要点"), "text"), Spec("attachment", self.tr("附件网址"), hint="https://")]

    def _form(self, title: str, values: dict[str, Any], policy_id: str | None) -> FieldsDialog:
        dialog = FieldsDialog(title, self._specs(), values, lambda body: lib.save_policy(self.client, policy_id, body), self)
        dialog.saved.connect(lambda _row: self.refresh())
        dialog.open()
        return dialog

    def add(self) -> FieldsDialog:
        return self._form(self.tr("发布政策"), {}, None)

    def edit(self) -> FieldsDialog | None:
        row = self.table.selected()
        if row is None or not self.can_write:
            return None
        return self._form(self.tr("修改政策"), {name: getattr(row, name) for name in FIELDS}, row.id)

    def withdraw(self) -> None:
        row = self.table.selected()
        if row is None or not self.can_write:
            return
        if confirm(self, self.tr("撤回政策"), self.tr("撤回“%1”？各服务站下次同步后不再显示。").replace("%1", row.title),
                   destructive=True):
            self.call(lambda: lib.withdraw_policy(self.client, row.id), lambda _r: self.refresh(), self.tr("撤回政策"))
