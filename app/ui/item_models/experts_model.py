"""服务专家库 with each expert's usage (rows are `Used` pairs of ExpertRow and Usage)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from app.ui.item_models.institutions_model import usage_columns
from app.ui.item_models.row_list_model import ListColumn, RowListModel

translate = QCoreApplication.translate


class ExpertsModel(RowListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        columns = [
            ListColumn(translate("ExpertsModel", "专家姓名"), lambda u: u.row.name),
            ListColumn(translate("ExpertsModel", "所在单位"), lambda u: u.row.organisation),
            ListColumn(translate("ExpertsModel", "职称/职务"), lambda u: u.row.title),
            ListColumn(translate("ExpertsModel", "擅长领域"), lambda u: u.row.fields_label),
            ListColumn(translate("ExpertsModel", "联系电话"), lambda u: u.row.phone),
            *usage_columns(),
        ]
        super().__init__(columns, parent)
