"""入驻服务机构 with their usage, and the selected institution's 服务清单.  `Used` pairs a
reference row (institution or expert) with its usage figures; experts_model.py shares it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor

from app.domain.catalogue import ENTERPRISE_STAGES
from app.services.institutions.resident import CatalogueRow, InstitutionRow
from app.services.institutions.usage import Usage
from app.ui import theme
from app.ui.item_models.row_list_model import ListColumn, RowListModel

translate = QCoreApplication.translate
INACTIVE = QColor(theme.TEXT_INACTIVE)


@dataclass(frozen=True)
class Used:
    """A reference row with its usage figures (an institution or an expert)."""

    row: Any  # InstitutionRow | ExpertRow
    usage: Usage

    @property
    def id(self) -> uuid.UUID:
        return self.row.id  # type: ignore[no-any-return]


def _average(value: float | None) -> str:
    return f"{value:.1f}" if value is not None else ""


def usage_tooltip(used: Used) -> str:
    u = used.usage
    return (translate("InstitutionsModel", "服务记录 %1 条（评价 %2 条，平均 %3）；需求 %4 项（回访评价 %5 项，平均 %6）")
            .replace("%1", str(u.records)).replace("%2", str(u.rated_records))
            .replace("%3", _average(u.record_satisfaction) or "—").replace("%4", str(u.demands))
            .replace("%5", str(u.rated_demands)).replace("%6", _average(u.demand_satisfaction) or "—"))


def usage_columns() -> list[ListColumn]:
    return [
        ListColumn(translate("InstitutionsModel", "服务记录"), lambda u: u.usage.records, align_right=True),
        ListColumn(translate("InstitutionsModel", "服务企业"), lambda u: u.usage.enterprises, align_right=True),
        ListColumn(translate("InstitutionsModel", "承办需求"), lambda u: u.usage.demands, align_right=True),
        ListColumn(translate("InstitutionsModel", "已办结"), lambda u: u.usage.demands_finished, align_right=True),
        ListColumn(translate("InstitutionsModel", "满意度"), lambda u: _average(u.usage.satisfaction),
                   lambda u: u.usage.satisfaction, True, usage_tooltip),
    ]


def _day(value: object) -> str:
    return value.isoformat() if value is not None else ""  # type: ignore[attr-defined, no-any-return]


class InstitutionsModel(RowListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        columns = [
            ListColumn(translate("InstitutionsModel", "机构名称"), lambda u: u.row.name),
            ListColumn(translate("InstitutionsModel", "服务类别"), lambda u: u.row.category_label),
            ListColumn(translate("InstitutionsModel", "状态"), lambda u: u.row.status_label,
                       tooltip=lambda u: u.row.exit_reason),
            ListColumn(translate("InstitutionsModel", "联系人"), lambda u: u.row.contact_name),
            ListColumn(translate("InstitutionsModel", "联系电话"), lambda u: u.row.phone),
            ListColumn(translate("InstitutionsModel", "入驻日期"), lambda u: _day(u.row.entered_on)),
            ListColumn(translate("InstitutionsModel", "退出日期"), lambda u: _day(u.row.exited_on)),
            *usage_columns(),
        ]
        super().__init__(columns, parent)

    def row_style(self, row: Used, role: int) -> Any:
        institution: InstitutionRow = row.row
        if role == Qt.ItemDataRole.ForegroundRole and institution.status != "active":
            return INACTIVE
        return None


def _stage_order(row: CatalogueRow) -> int:
    stages = list(ENTERPRISE_STAGES)
    return stages.index(row.stage) if row.stage in stages else len(stages)


class CatalogueModel(RowListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        columns = [
            ListColumn(translate("CatalogueModel", "企业发展阶段"), lambda r: r.stage_label, _stage_order),
            ListColumn(translate("CatalogueModel", "服务类别"), lambda r: r.category_label),
            ListColumn(translate("CatalogueModel", "服务项目"), lambda r: r.title),
            ListColumn(translate("CatalogueModel", "收费方式"), lambda r: r.fee_label),
            ListColumn(translate("CatalogueModel", "服务内容"), lambda r: r.description, tooltip=lambda r: r.description),
        ]
        super().__init__(columns, parent)
