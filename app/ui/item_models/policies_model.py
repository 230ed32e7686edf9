"""政策法规库 lists: the policy table (a few hundred rows at most, held whole, sorted by a
proxy through SORT_ROLE) and the 匹配企业 list (lazy, up to every enterprise, with a check
box per row kept by id, so 全选 never fetches a row)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from app.models.database import Database
from app.services.policies import matching as policy_matching
from app.services.policies.library import PolicyRow
from app.services.policies.matching import MatchRow
from app.ui import theme
from app.ui.db_operations import read_now
from app.ui.item_models.lazy_table_model import Column, LazyTableModel

translate = QCoreApplication.translate
from app.ui.catalogue_names import shown

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
EXPIRED_FOREGROUND = QColor(theme.TEXT_INACTIVE)


def _day(value: object) -> str:
    return value.isoformat() if value is not None else ""  # type: ignore[attr-defined]


class PoliciesModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[PolicyRow] = []
        validity = {True: translate("PoliciesModel", "现行"), False: translate("PoliciesModel", "已失效")}
        # (title, display text, sort value)
        self.columns: list[tuple[str, Callable[[PolicyRow], str], Callable[[PolicyRow], Any]]] = [
            (translate("PoliciesModel", "政策标题"), lambda r: r.title, lambda r: r.title),
            (translate("PoliciesModel", "类别"), lambda r: r.category_label, lambda r: r.category_label),
            (translate("PoliciesModel", "发布机关"), lambda r: r.issuer, lambda r: r.issuer),
            (translate("PoliciesModel", "发布日期"), lambda r: _day(r.issued_on), lambda r: _day(r.issued_on)),
            (translate("PoliciesModel", "失效日期"), lambda r: _day(r.expires_on) or translate("PoliciesModel", "长期有效"),
             lambda r: _day(r.expires_on) or "9999"),
            (translate("PoliciesModel", "状态"), lambda r: validity[r.current], lambda r: not r.current),
        ]

    def set_rows(self, rows: list[PolicyRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> PolicyRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, policy_id: uuid.UUID) -> int:
        return next((k for k, r in enumerate(self.rows) if r.id == policy_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        _title, text, key = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return shown(text(row))  # the category in the user's language
        if role == SORT_ROLE:
            return key(row)
        if role == Qt.ItemDataRole.ForegroundRole and not row.current:
            return EXPIRED_FOREGROUND
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section][0] if 0 <= section < len(self.columns) else None
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


def match_columns() -> list[Column]:
    return [
        Column(translate("PolicyMatchModel", "企业名称"), lambda r: r.name),
        Column(translate("PolicyMatchModel", "统一社会信用代码"), lambda r: r.credit_code),
        Column(translate("PolicyMatchModel", "行业"), lambda r: r.industry),
        Column(translate("PolicyMatchModel", "规模"), lambda r: r.size),
        Column(translate("PolicyMatchModel", "所在区"), lambda r: r.district),
        Column(translate("PolicyMatchModel", "已宣传"), lambda r: translate("PolicyMatchModel", "是") if r.relayed else ""),
    ]


class PolicyMatchModel(LazyTableModel):
    """Matching enterprises of one policy; the first column carries the check box."""

    def __init__(self, db: Database, policy_id: uuid.UUID, load_ids: Callable[[str | None, bool], Sequence[Hashable]],
                 parent: QObject | None = None, *, page_size: int = 100) -> None:
        self._db, self.policy_id = db, policy_id
        self.checked: set[Hashable] = set()
        super().__init__(match_columns(), load_ids, self._fetch, page_size=page_size, parent=parent)

    def _fetch(self, ids: list[Any]) -> dict[Any, MatchRow]:
        return read_now(self._db, lambda s: policy_matching.fetch_rows(s, self.policy_id, ids))

    def _ids_arrived(self, generation: int, ids: list[Hashable]) -> None:
        present = set(ids)
        self.checked &= present
        super()._ids_arrived(generation, ids)

    def checked_ids(self) -> list[Hashable]:
        """The ticked enterprises, in list order."""
        return [i for i in self._ids if i in self.checked]

    def set_checked(self, ids: Iterable[Hashable]) -> None:
        self.checked = set(ids) & set(self._ids)
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, 0), [Qt.ItemDataRole.CheckStateRole])

    def all_ids(self) -> list[Hashable]:
        return list(self._ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole:
            if not index.isValid() or index.column() != 0 or not 0 <= index.row() < len(self._ids):
                return None
            ticked = self._ids[index.row()] in self.checked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or index.column() != 0:
            return False
        key = self.id_at(index.row())
        if key is None:
            return False
        state = Qt.CheckState(value) if isinstance(value, int) else value
        if state == Qt.CheckState.Checked:
            self.checked.add(key)
        else:
            self.checked.discard(key)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags
