"""The preview tables' columns: stations of the yearly report, industries of the key-information one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.hqdesk.cityreports import numbers as N
from app.reports import labels as L
from app.ui.item_models.row_list_model import ListColumn

translate = QCoreApplication.translate  # lupdate reads the literal translate("Context", "text") calls


def annual_columns() -> list[ListColumn]:
    def figure(title: str, name: str) -> ListColumn:
        return ListColumn(title, lambda s: getattr(s.figures, name), align_right=True)

    return [
        ListColumn(translate("CityReportsPage", "服务站"), lambda s: s.name, tooltip=lambda s: s.code),
        ListColumn(translate("CityReportsPage", "所在区"), lambda s: L.district_label(s.district)),
        figure(translate("CityReportsPage", "服务企业"), "enterprises_served"),
        figure(translate("CityReportsPage", "服务记录"), "service_records"),
        figure(translate("CityReportsPage", "活动（场）"), "events_held"),
        figure(translate("CityReportsPage", "参与（人次）"), "attendees_people"),
        figure(translate("CityReportsPage", "参与（家次）"), "attendee_enterprises"),
        figure(translate("CityReportsPage", "受理需求"), "demands_received"),
        figure(translate("CityReportsPage", "办结需求"), "demands_closed"),
        ListColumn(translate("CityReportsPage", "满意率"), lambda s: N.share(s.figures), sort=lambda s: s.figures.satisfied_share or -1.0,
                   align_right=True),
        ListColumn(translate("CityReportsPage", "专职人员"), lambda s: s.compliance.full_time_staff, align_right=True),
        ListColumn(translate("CityReportsPage", "规范"), lambda s: translate("CityReportsPage", "符合") if s.compliance.ok else translate("CityReportsPage", "未符合")),
    ]


def key_info_columns() -> list[ListColumn]:
    def figure(title: str, name: str) -> ListColumn:
        return ListColumn(title, lambda b: getattr(b, name), align_right=True)

    return [
        ListColumn(translate("CityReportsPage", "行业门类"), lambda b: L.section_label(b.key)),
        figure(translate("CityReportsPage", "服务企业（家）"), "enterprises_served"),
        figure(translate("CityReportsPage", "服务记录（次）"), "service_records"),
        figure(translate("CityReportsPage", "受理需求（项）"), "demands_received"),
        figure(translate("CityReportsPage", "已办结（项）"), "demands_finished"),
        figure(translate("CityReportsPage", "逾期未办结（项）"), "demands_overdue"),
    ]
