"""企业库: every station's enterprises, searched and read a page at a time (HQ pages by
name; 下一页 asks HQ for the page after the last row shown, 上一页 goes back)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from app.domain import districts
from app.domain.catalogue import ENTERPRISE_STATUSES
from app.hqdesk import libraries as lib
from app.hqdesk.client import HqDeskClient
from app.ui.catalogue_names import shown
from app.ui.hq.libraries.tab_base import LibraryTab
from app.ui.hq.pages import DeskUser
from app.ui.item_models.row_list_model import ListColumn, RowListModel
from app.ui.widgets.elided_tips import fit_to_names
from app.ui.widgets.fit_columns import fit_columns
from app.ui.widgets.list_table import ListTable
from app.ui.widgets.list_views import bind_find

PAGE = 100


class EnterprisesTab(LibraryTab):
    def __init__(self, client: HqDeskClient, user: DeskUser, parent: QWidget | None = None) -> None:
        super().__init__(client, user, parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("企业名称或统一社会信用代码，回车查询（Ctrl+F）"))
        bind_find(self, self.search)
        self.search.returnPressed.connect(self.refresh)
        self.district = QComboBox()
        self.district.addItem(self.tr("全部区"), "")
        for name in districts.NAMES:
            self.district.addItem(shown(name), name)
        self.district.currentIndexChanged.connect(self.refresh)
        self.status_box = QComboBox()
        self.status_box.addItem(self.tr("全部状态"), "")
        for code, label in ENTERPRISE_STATUSES.items():
            self.status_box.addItem(shown(label), code)
        self.status_box.currentIndexChanged.connect(self.refresh)
        self.station = QLineEdit()
        self.station.setPlaceholderText(self.tr("登记服务站编码"))
        self.station.returnPressed.connect(self.refresh)
        for widget, stretch in ((self.search, 2), (self.district, 0), (self.status_box, 0), (self.station, 1)):
            self.bar.addWidget(widget, stretch)
        self.previous_button = self.button(self.tr("上一页"), self.previous_page, shortcut="PgUp", write=False)
        self.next_button = self.button(self.tr("下一页"), self.next_page, shortcut="PgDown", write=False)
        columns = [
            ListColumn(self.tr("企业名称"), lambda r: r.name),
            ListColumn(self.tr("统一社会信用代码"), lambda r: r.credit_code),
            ListColumn(self.tr("所在区"), lambda r: r.district),
            ListColumn(self.tr("行业门类"), lambda r: r.industry_label),
            ListColumn(self.tr("企业规模"), lambda r: r.size_label),
            ListColumn(self.tr("经营状态"), lambda r: ENTERPRISE_STATUSES.get(r.status, r.status)),
            ListColumn(self.tr("登记服务站"), lambda r: r.station_code),
            ListColumn(self.tr("服务过的站"), lambda r: r.served_by_stations, align_right=True),
        ]
        self.model = RowListModel(columns, self)
        self.table = ListTable(self.model, [240, 170, 80, 150, 70, 80, 100, 80])
        # the name takes what is left; districts and statuses are never cut (English names are longer);
        # on a narrow screen 服务过的站 then 登记服务站 step aside rather than scroll sideways
        fit_to_names(self.table.table, {2: districts.NAMES, 5: ENTERPRISE_STATUSES.values()})
        fit_columns(self.table.table, stretch=0, floor=180, keep=[2, 5], samples={1: "91440106MA5C123456"}, least={3: 110}, drop=[7, 6])
        self.table.empty_text = self.tr("没有找到企业。各服务站同步后，它们登记的企业会出现在这里。")
        self.finish_layout(self.table)
        self.pages: list[dict[str, str] | None] = [None]  # the cursor of each page shown so far
        self.following: dict[str, str] | None = None

    def refresh(self) -> None:
        self.pages = [None]
        self._load()

    def next_page(self) -> None:
        if self.following is not None:
            self.pages.append(self.following)
            self._load()

    def previous_page(self) -> None:
        if len(self.pages) > 1:
            self.pages.pop()
            self._load()

    def _load(self) -> None:
        after = self.pages[-1]
        text, district, status, station = (self.search.text().strip(), self.district.currentData(),
                                           self.status_box.currentData(), self.station.text().strip())
        self.call(lambda: lib.enterprises(self.client, text=text, district=district, status=status, station=station,
                                          limit=PAGE, after=after), self._show, self.tr("查询企业库"), key="list")

    def _show(self, page: lib.EnterprisePage) -> None:
        self.following = page.next
        self.table.set_rows(page.rows)
        self.previous_button.setEnabled(len(self.pages) > 1)
        self.next_button.setEnabled(page.next is not None)
        total = (self.tr("超过 %1").replace("%1", str(page.total)) if page.more_than_total else str(page.total))
        first = (len(self.pages) - 1) * PAGE + 1
        self.say(self.tr("共 %1 家企业，第 %2–%3 家").replace("%1", total).replace("%2", str(first))
                 .replace("%3", str(first + len(page.rows) - 1)) if page.rows else self.tr("共 0 家企业"))
