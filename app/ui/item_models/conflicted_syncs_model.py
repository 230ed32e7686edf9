"""The 同步 page's list of syncs whose pushed edits HQ merged with other stations'
concurrent edits: when, how many fields, how many rows that sync sent.  (Shown only when
HQ sent counts without details — an older HQ.)"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from app.domain.periods import CHINA_TIME
from app.sync.status import ConflictedSync
from app.ui.item_models.row_list_model import ListColumn, RowListModel


def _when(row: ConflictedSync) -> str:
    return row.finished_at.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M") if row.finished_at else ""


class ConflictedSyncsModel(RowListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        translate = QCoreApplication.translate
        super().__init__(
            [
                ListColumn(translate("ConflictedSyncsModel", "同步时间"), _when),
                ListColumn(translate("ConflictedSyncsModel", "冲突字段数"), lambda r: f"{r.conflicts:,}", align_right=True),
                ListColumn(translate("ConflictedSyncsModel", "本次上传"), lambda r: f"{r.pushed:,}", align_right=True),
            ],
            parent,
        )
