"""A station's page in HQ mode: profile, staff, figures by month, events, reports, and its
conflicts and rejected writes.  Read once in the background; F5 reads it again, Esc closes."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace
from typing import Any

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from app.domain.catalogue import EVENT_TYPES, STAFF_ROLES
from app.domain.periods import CHINA_TIME
from app.hqdesk.client import HqDeskClient
from app.hqdesk.network import Figures, StationPage, station_page
from app.ui import theme
from app.ui.catalogue_names import shown
from app.ui.hq.network.columns import status_text
from app.ui.item_models.row_list_model import ListColumn, RowListModel
from app.ui.operations import run_in_background
from app.ui.service_messages import shown_message
from app.ui.widgets.list_table import ListTable


def _rows(items: list[dict[str, Any]]) -> list[SimpleNamespace]:
    return [SimpleNamespace(**item, id=n) for n, item in enumerate(items)]


def _time(text: str | None) -> str:
    return datetime.fromisoformat(text).astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M") if text else ""


def _share(f: Figures) -> str:
    return f"{f.satisfied_share:.0%}" if f.satisfied_share is not None else ""


class StationDialog(QDialog):
    def __init__(self, client: HqDeskClient, code: str, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client, self.code, self.year = client, code, year
        self.page: StationPage | None = None
        self.setWindowTitle(self.tr("服务站 %1（%2年度）").replace("%1", code).replace("%2", str(year)))
        self.resize(1100, 640)
        self.tabs = QTabWidget()
        self.profile = QFormLayout()
        profile = QWidget()
        profile.setLayout(self.profile)
        self.tabs.addTab(profile, self.tr("概况"))
        self.staff = self._table(self.tr("人员"), self.tr("服务站还没有同步人员名单。"), [
            ListColumn(self.tr("姓名"), lambda r: r.name),
            ListColumn(self.tr("岗位"), lambda r: shown(STAFF_ROLES.get(r.role, r.role))),
            ListColumn(self.tr("专职/兼职"), lambda r: self.tr("专职") if r.full_time else self.tr("兼职")),
            ListColumn(self.tr("到岗日期"), lambda r: r.start_date or ""),
            ListColumn(self.tr("离岗日期"), lambda r: r.end_date or ""),
            ListColumn(self.tr("在岗"), lambda r: self.tr("在岗") if r.on_staff else self.tr("不在岗")),
        ], [120, 110, 80, 100, 100, 60])
        self.months = self._table(self.tr("按月数据"), self.tr("这一年没有数据。"), [
            ListColumn(self.tr("月份"), lambda r: self.tr("%1月").replace("%1", str(r.month)), sort=lambda r: r.month),
            *(ListColumn(title, getter, align_right=True) for title, getter in (
                (self.tr("服务企业"), lambda r: r.f.enterprises_served), (self.tr("服务记录"), lambda r: r.f.service_records),
                (self.tr("举办活动"), lambda r: r.f.events_held), (self.tr("参与人次"), lambda r: r.f.attendees_people),
                (self.tr("参与企业（家次）"), lambda r: r.f.attendee_enterprises),
                (self.tr("受理需求"), lambda r: r.f.demands_received), (self.tr("办结需求"), lambda r: r.f.demands_closed),
                (self.tr("评价数"), lambda r: r.f.rated))),
            ListColumn(self.tr("满意率"), lambda r: _share(r.f), align_right=True, sort=lambda r: r.f.satisfied_share),
        ], [60, 80, 80, 80, 80, 110, 80, 80, 70, 70])
        self.events = self._table(self.tr("活动"), self.tr("这一年还没有活动。"), [
            ListColumn(self.tr("开始时间"), lambda r: _time(r.starts_at)),
            ListColumn(self.tr("活动名称"), lambda r: r.title),
            ListColumn(self.tr("类型"), lambda r: shown(EVENT_TYPES.get(r.event_type, r.event_type))),
            ListColumn(self.tr("状态"), lambda r: self.tr("已举办") if r.held else self.tr("计划中")),
            *(ListColumn(title, getter, align_right=True) for title, getter in (
                (self.tr("报名"), lambda r: r.registered), (self.tr("签到"), lambda r: r.checked_in),
                (self.tr("现场报名"), lambda r: r.walk_in), (self.tr("人次"), lambda r: r.people),
                (self.tr("家次"), lambda r: r.enterprises))),
        ], [130, 200, 80, 70, 60, 60, 70, 60, 60])
        self.obligations = self._table(self.tr("报送"), self.tr("这一年没有应报的报告。"), [
            ListColumn(self.tr("报告"), self._obligation_label),
            ListColumn(self.tr("截止日期"), lambda r: r.due_on),
            ListColumn(self.tr("状态"), self._report_status),
            ListColumn(self.tr("提交日期"), lambda r: r.submitted_on or ""),
            ListColumn(self.tr("逾期"), lambda r: self.tr("逾期") if r.late else ""),
        ], [200, 100, 80, 100, 60])
        self.conflicts = self._table(self.tr("同步冲突"), self.tr("没有涉及这个服务站的同步冲突。"), [
            ListColumn(self.tr("时间"), lambda r: r.at), ListColumn(self.tr("字段"), lambda r: r.field),
            ListColumn(self.tr("被覆盖的值"), lambda r: r.losing_value), ListColumn(self.tr("生效的值"), lambda r: r.winning_value),
            ListColumn(self.tr("被覆盖方"), lambda r: r.loser), ListColumn(self.tr("生效方"), lambda r: r.winner),
        ], [130, 120, 160, 160, 80, 80])
        self.rejected = self._table(self.tr("被拒收的写入"), self.tr("服务总站没有拒收过这个服务站的写入。"), [
            ListColumn(self.tr("时间"), lambda r: r.at), ListColumn(self.tr("表"), lambda r: r.tbl),
            ListColumn(self.tr("原因"), lambda r: r.reason), ListColumn(self.tr("说明"), lambda r: r.message, tooltip=lambda r: r.message),
        ], [130, 110, 140, 400])
        self.message = QLabel(self.tr("正在读取…"))
        self.message.setStyleSheet(f"color: {theme.TEXT_MUTED};")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        QShortcut(QKeySequence("F5"), self, self.refresh).setWhatsThis(self.tr("刷新"))
        self.refresh()

    def _obligation_label(self, r: SimpleNamespace) -> str:
        if r.kind == "info" and "-Q" in r.period:
            year, quarter = r.period.split("-Q")
            return self.tr("%1年第%2季度信息报送").replace("%1", year).replace("%2", quarter)
        text = self.tr("%1年度总结") if r.kind == "summary" else self.tr("%1年度计划")
        return text.replace("%1", r.period)

    def _report_status(self, r: SimpleNamespace) -> str:
        labels = {"draft": self.tr("草稿"), "submitted": self.tr("已提交"), "accepted": self.tr("已通过"),
                  "returned": self.tr("已退回"), "": self.tr("未报送")}
        return labels.get(r.status, r.status_label)

    def _table(self, title: str, empty: str, columns: list[ListColumn], widths: list[int]) -> ListTable:
        table = ListTable(RowListModel(columns, self), widths)
        table.empty_text = empty
        self.tabs.addTab(table, title)
        return table

    def refresh(self) -> None:
        run_in_background(self, lambda _ctx: station_page(self.client, self.code, year=self.year),
                          on_success=self._show, on_failure=self._failed, title=self.tr("读取服务站"), show_progress=False)

    def _failed(self, error: BaseException) -> None:
        self.message.setStyleSheet(f"color: {theme.ERROR};")
        self.message.setText(shown_message(error))

    def _show(self, page: StationPage) -> None:
        self.page = page
        r = page.row
        while self.profile.rowCount():
            self.profile.removeRow(0)
        reports = self.tr("应报 %1 份，已报 %2 份，逾期 %3 份").replace("%1", str(r.reports_due)) \
            .replace("%2", str(r.reports_submitted)).replace("%3", str(r.reports_late))
        f = r.figures
        lines = [
            (self.tr("编号"), r.code), (self.tr("名称"), r.name), (self.tr("所在区"), shown(r.district)),
            (self.tr("依托单位"), r.host_organisation or self.tr("未填写")), (self.tr("状态"), status_text(r.status, r.status_label)),
            (self.tr("最近同步"), r.last_sync_text or self.tr("从未同步")),
            (self.tr("专职人员"), self.tr("%1 名（规范要求至少 2 名）").replace("%1", str(r.full_time_staff))),
            (self.tr("挂牌日期"), r.signage_hung_on.isoformat() if r.signage_hung_on else self.tr("未挂牌")),
            (self.tr("工作制度备案"), r.work_rules_filed_on.isoformat() if r.work_rules_filed_on else self.tr("未备案")),
            (self.tr("报告"), reports),
            (self.tr("本年度服务"), self.tr("服务企业 %1 家，服务记录 %2 条，举办活动 %3 场，参与 %4 人次")
             .replace("%1", str(f.enterprises_served)).replace("%2", str(f.service_records))
             .replace("%3", str(f.events_held)).replace("%4", str(f.attendees_people))),
            (self.tr("服务需求"), self.tr("未办结 %1 件，其中超期 %2 件").replace("%1", str(r.demands_open))
             .replace("%2", str(r.demands_overdue))),
            (self.tr("满意率"), _share(f) or self.tr("暂无评价")),
        ]
        for label, value in lines:
            shown_value = QLabel(value)
            if (label == self.tr("专职人员") and not r.staff_rule_met) or (label == self.tr("报告") and r.reports_late):
                shown_value.setStyleSheet(f"color: {theme.ERROR};")
            self.profile.addRow(label, shown_value)
        self.staff.set_rows(_rows(page.staff))
        self.months.set_rows([SimpleNamespace(id=m, month=m, f=fig) for m, fig in page.months])
        self.events.set_rows(_rows(page.events))
        self.obligations.set_rows(_rows(page.obligations))
        self.conflicts.set_rows(_rows(page.conflicts))
        self.rejected.set_rows(_rows(page.rejected))
        self.message.setStyleSheet(f"color: {theme.TEXT_MUTED};")
        self.message.setText(self.tr("%1年度，数据截至读取时。").replace("%1", str(page.year)))
