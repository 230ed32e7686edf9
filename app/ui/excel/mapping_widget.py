"""The column-mapping table of the import dialog: one line per target field, a combo of
the sheet's columns (recognised headers pre-selected) and a sample value."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from app.services.excel.columns import FIELDS, Mapping, column_letters


class ImportMappingWidget(QTableWidget):
    mapping_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setHorizontalHeaderLabels([self.tr("导入到"), self.tr("Excel 中的列"), self.tr("示例")])
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self._fields: list[str] = []
        self._combos: list[QComboBox] = []
        self._samples: list[tuple[object, ...]] = []

    def load(self, kind: str, headers: list[str], mapping: Mapping, samples: list[tuple[object, ...]]) -> None:
        """Fill the table for `kind`'s fields; `mapping` pre-selects columns."""
        self._fields = list(FIELDS[kind])
        self._samples = samples
        self._combos = []
        self.setRowCount(len(self._fields))
        for row, field in enumerate(self._fields):
            label = QTableWidgetItem(FIELDS[kind][field][0])
            self.setItem(row, 0, label)
            combo = QComboBox()
            combo.addItem(self.tr("（不导入）"), -1)
            for column, header in enumerate(headers):
                combo.addItem(f"{column_letters(column)}  {header}", column)
            combo.setCurrentIndex(combo.findData(mapping.get(field, -1)))
            combo.currentIndexChanged.connect(lambda _i, r=row: self._changed(r))
            self.setCellWidget(row, 1, combo)
            self._combos.append(combo)
            self.setItem(row, 2, QTableWidgetItem(""))
            self._show_sample(row)

    def mapping(self) -> Mapping:
        return {f: int(c.currentData()) for f, c in zip(self._fields, self._combos, strict=True) if c.currentData() >= 0}

    def set_column(self, field: str, column: int) -> None:
        """Choose `column` (-1: not imported) for `field`, as the user would."""
        combo = self._combos[self._fields.index(field)]
        combo.setCurrentIndex(combo.findData(column))

    def _changed(self, row: int) -> None:
        self._show_sample(row)
        self.mapping_changed.emit()

    def _show_sample(self, row: int) -> None:
        column = int(self._combos[row].currentData())
        values = [r[column] for r in self._samples if 0 <= column < len(r) and r[column] not in (None, "")]
        item = self.item(row, 2)
        if item is not None:
            item.setText("、".join(str(v) for v in values[:3]))
