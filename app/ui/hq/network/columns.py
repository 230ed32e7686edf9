"""The columns of 站点网络's two tables (stations, districts): numbers sort as numbers,
dates as dates, a station never synced or a figure with no rating sorts last."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.ui.item_models.row_list_model import ListColumn

translate = QCoreApplication.translate


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def _share(value: float | None) -> str:
    return f"{value:.0%}" if value is not None else ""


def _num(title: str, value: Callable[[Any], object]) -> ListColumn:
    return ListColumn(title, value, align_right=True)


def station_columns() -> list[ListColumn]:
    never = translate("NetworkPage", "从未同步")
    return [
        ListColumn(translate("NetworkPage", "编号"), lambda r: r.code),
        ListColumn(translate("NetworkPage", "服务站名称"), lambda r: r.name, tooltip=lambda r: r.host_organisation),
        ListColumn(translate("NetworkPage", "所在区"), lambda r: r.district),
        ListColumn(translate("NetworkPage", "状态"), lambda r: r.status_label),
        ListColumn(translate("NetworkPage", "最近同步"), lambda r: r.last_sync_text or never, sort=lambda r: r.last_sync_text or "0"),
        ListColumn(translate("NetworkPage", "专职人员"), lambda r: r.full_time_staff if r.staff_rule_met else
                   translate("NetworkPage", "%1（不足2）").replace("%1", str(r.full_time_staff)),
                   sort=lambda r: r.full_time_staff, align_right=True),
        ListColumn(translate("NetworkPage", "挂牌日期"), lambda r: _day(r.signage_hung_on) or translate("NetworkPage", "未挂牌")),
        ListColumn(translate("NetworkPage", "制度备案"), lambda r: _day(r.work_rules_filed_on) or translate("NetworkPage", "未备案")),
        _num(translate("NetworkPage", "应报"), lambda r: r.reports_due),
        _num(translate("NetworkPage", "已报"), lambda r: r.reports_submitted),
        _num(translate("NetworkPage", "逾期"), lambda r: r.reports_late),
        _num(translate("NetworkPage", "服务企业"), lambda r: r.figures.enterprises_served),
        _num(translate("NetworkPage", "服务记录"), lambda r: r.figures.service_records),
        _num(translate("NetworkPage", "活动"), lambda r: r.figures.events_held),
        _num(translate("NetworkPage", "人次"), lambda r: r.figures.attendees_people),
        _num(translate("NetworkPage", "未办结"), lambda r: r.demands_open),
        _num(translate("NetworkPage", "超期"), lambda r: r.demands_overdue),
        ListColumn(translate("NetworkPage", "满意率"), lambda r: _share(r.figures.satisfied_share), align_right=True,
                   sort=lambda r: r.figures.satisfied_share),
    ]


def district_columns() -> list[ListColumn]:
    return [
        ListColumn(translate("NetworkPage", "所在区"), lambda d: d.district),
        _num(translate("NetworkPage", "服务站"), lambda d: d.stations),
        _num(translate("NetworkPage", "专职达标"), lambda d: d.staff_rule_met),
        _num(translate("NetworkPage", "已挂牌"), lambda d: d.signage_hung),
        _num(translate("NetworkPage", "制度已备案"), lambda d: d.work_rules_filed),
        _num(translate("NetworkPage", "应报"), lambda d: d.reports_due),
        _num(translate("NetworkPage", "已报"), lambda d: d.reports_submitted),
        _num(translate("NetworkPage", "逾期"), lambda d: d.reports_late),
        _num(translate("NetworkPage", "服务企业（各站合计）"), lambda d: d.enterprises_served),
        _num(translate("NetworkPage", "服务记录"), lambda d: d.service_records),
        _num(translate("NetworkPage", "活动"), lambda d: d.events_held),
        _num(translate("NetworkPage", "人次"), lambda d: d.attendees_people),
        _num(translate("NetworkPage", "未办结"), lambda d: d.demands_open),
        _num(translate("NetworkPage", "超期"), lambda d: d.demands_overdue),
        ListColumn(translate("NetworkPage", "满意率"), lambda d: _share(d.satisfied_share), align_right=True, sort=lambda d: d.satisfied_share),
    ]

