"""企业审核: what no station decides alone about a shared enterprise — stations' requests to
delete or merge one (批准 / 驳回 with a comment), the credit-code merges HQ made (撤销合并),
and names held by more than one enterprise (疑似重复), for HQ to look into."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QTabWidget, QWidget

from app.domain.periods import CHINA_TIME
from app.hqdesk import libraries as lib
from app.hqdesk.client import HqDeskClient
from app.ui.hq.libraries import tab_base
from app.ui.hq.libraries.tab_base import LibraryTab
from app.ui.hq.pages import DeskUser
from app.ui.item_models.row_list_model import ListColumn, RowListModel
from app.ui.service_messages import shown_message
from app.ui.widgets.list_table import ListTable
from app.ui.widgets.prompts import confirm


def china_time(moment: str) -> str:
    """HQ's UTC timestamp as China time, to the minute."""
    try:
        return datetime.fromisoformat(moment).astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return moment


class ReviewTab(LibraryTab):
    def __init__(self, client: HqDeskClient, user: DeskUser, parent: QWidget | None = None) -> None:
        super().__init__(client, user, parent)
        self.approve_button = self.button(self.tr("批准申请"), lambda: self.decide(True))
        self.reject_button = self.button(self.tr("驳回申请"), lambda: self.decide(False))
        self.unmerge_button = self.button(self.tr("撤销合并"), self.unmerge)
        self.bar.addStretch(1)
        self.button(self.tr("刷新"), self.refresh, write=False)
        self.requests_model = RowListModel([
            ListColumn(self.tr("编号"), lambda r: r.id, align_right=True),
            ListColumn(self.tr("提交时间"), lambda r: china_time(r.created_at)),
            ListColumn(self.tr("申请服务站"), lambda r: r.station_code),
            ListColumn(self.tr("类型"), lambda r: r.kind_label),
            ListColumn(self.tr("企业"), lambda r: r.enterprise_name),
            ListColumn(self.tr("统一社会信用代码"), lambda r: r.credit_code),
            ListColumn(self.tr("并入"), lambda r: r.survivor_name),
        ], self)
        self.requests = ListTable(self.requests_model, [50, 120, 100, 60, 200, 170, 160])
        self.requests.empty_text = self.tr("没有待处理的申请。服务站删除或合并其他站也在用的企业时，申请会出现在这里。")
        self.merges_model = RowListModel([
            ListColumn(self.tr("编号"), lambda m: m.id, align_right=True),
            ListColumn(self.tr("时间"), lambda m: china_time(m.at)),
            ListColumn(self.tr("统一社会信用代码"), lambda m: m.credit_code),
            ListColumn(self.tr("保留的企业"), lambda m: m.survivor_name),
            ListColumn(self.tr("并入的企业"), lambda m: m.merged_name),
            ListColumn(self.tr("触发方"), lambda m: m.station_code),
            ListColumn(self.tr("状态"), lambda m: self.tr("已撤销") if m.undone_at else self.tr("有效")),
        ], self)
        self.merges = ListTable(self.merges_model, [50, 120, 170, 200, 200, 80, 60])
        self.merges.empty_text = self.tr("还没有按统一社会信用代码合并的企业。")
        self.duplicates_model = RowListModel([
            ListColumn(self.tr("企业名称"), lambda r: r.name),
            ListColumn(self.tr("统一社会信用代码"), lambda r: r.credit_code),
            ListColumn(self.tr("所在区"), lambda r: r.district),
            ListColumn(self.tr("登记服务站"), lambda r: r.station_code),
        ], self)
        self.duplicates = ListTable(self.duplicates_model, [240, 170, 80, 100])
        self.duplicates.empty_text = self.tr("没有同名的企业记录。")
        self.tabs = QTabWidget()
        self.tabs.addTab(self.requests, self.tr("待审申请"))
        self.tabs.addTab(self.merges, self.tr("合并记录"))
        self.tabs.addTab(self.duplicates, self.tr("疑似重复（同名）"))
        self.finish_layout(self.tabs)
        self.note = ""

    def refresh(self) -> None:
        self.call(lambda: (lib.enterprise_requests(self.client), lib.merges(self.client).rows,
                           lib.possible_duplicates(self.client)), self._show, self.tr("读取企业审核"), key="list")

    def _show(self, found: tuple[list[lib.RequestRow], list[lib.MergeRow], list[lib.DuplicateGroup]]) -> None:
        requests, merges, groups = found
        self.requests.set_rows(requests)
        self.merges.set_rows(merges)
        self.duplicates.set_rows([e for g in groups for e in g.enterprises])
        self.tabs.setTabText(0, self.tr("待审申请（%1）").replace("%1", str(len(requests))))
        counts = (self.tr("待审申请 %1 条，合并记录 %2 条，疑似重复 %3 组").replace("%1", str(len(requests)))
                  .replace("%2", str(len(merges))).replace("%3", str(len(groups))))
        self.say(f"{self.note} {counts}".strip())
        self.note = ""

    def decide(self, approve: bool) -> None:
        row = self.requests.selected()
        if row is None:
            self.say(self.tr("请先在“待审申请”中选择一条申请。"), error=True)
            return
        title = self.tr("批准申请") if approve else self.tr("驳回申请")
        comment, ok = tab_base.ask_text(self, title, self.tr("处理意见（服务站可见）："))
        if ok:
            self.call(lambda: lib.decide(self.client, row.id, approve, comment), self._decided, title)

    def _decided(self, outcome: str) -> None:
        self.note = shown_message(outcome)  # shown with the lists read again (HQ words it in Chinese)
        self.refresh()

    def unmerge(self) -> None:
        row = self.merges.selected()
        if row is None or row.undone_at:
            self.say(self.tr("请先在“合并记录”中选择一次有效的合并。"), error=True)
            return
        if confirm(self, self.tr("撤销合并"), self.tr("撤销合并 %1？两家企业将各自恢复。").replace("%1", str(row.id))):
            self.call(lambda: lib.unmerge(self.client, row.id), lambda _r: self.refresh(), self.tr("撤销合并"))
