"""The main window's sections, in navigation order (Ctrl+1 … Ctrl+0 follow this order)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

# lupdate only sees literal translate("Context", "text") calls, not a helper taking a variable.
translate = QCoreApplication.translate


@dataclass(frozen=True)
class Section:
    key: str  # stable: stored as LAST_PAGE, used by tests
    title: str
    coming: str  # what the placeholder promises until the page is built


def sections() -> list[Section]:
    """Built on each call so the titles follow the installed translator."""
    return [
        Section("home", translate("Navigation", "首页"), ""),
        Section(
            "enterprises",
            translate("Navigation", "企业"),
            translate("Navigation", "企业库：按区、行业、规模筛选，拼音首字母搜索，Excel 导入导出——即将推出"),
        ),
        Section(
            "service_records",
            translate("Navigation", "服务记录"),
            translate("Navigation", "服务记录：登记每一次咨询、转介和上门服务，按月汇总服务时长——即将推出"),
        ),
        Section(
            "demands",
            translate("Navigation", "服务需求"),
            translate("Navigation", "服务需求：受理、分派、处理、反馈、办结、回访的闭环跟踪和到期提醒——即将推出"),
        ),
        Section(
            "events",
            translate("Navigation", "活动"),
            translate("Navigation", "活动：培训、沙龙、政策宣贯会的报名、签到与满意度——即将推出"),
        ),
        Section(
            "staff",
            translate("Navigation", "人员"),
            translate("Navigation", "人员：服务站工作人员、岗位和在岗情况——即将推出"),
        ),
        Section(
            "institutions",
            translate("Navigation", "机构与专家"),
            translate("Navigation", "机构与专家：入驻服务机构、服务目录和专家库——即将推出"),
        ),
        Section(
            "policies",
            translate("Navigation", "政策"),
            translate("Navigation", "政策：惠企政策库，按行业和规模匹配企业——即将推出"),
        ),
        Section(
            "reports",
            translate("Navigation", "报表"),
            translate("Navigation", "报表：月报、季报、年报一键生成，导出 Excel 和 PDF——即将推出"),
        ),
        Section(
            "sync",
            translate("Navigation", "同步"),
            translate("Navigation", "同步：与服务总站交换数据，离线时也能照常工作——即将推出"),
        ),
    ]
