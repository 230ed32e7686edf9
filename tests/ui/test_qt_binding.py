"""A known-bad Qt binding must not ship: PySide6 6.12.0 over-releases the None that
QAbstractItemModel.data() returns, and any table view repainting for a few seconds
then aborts the interpreter ("Fatal Python error: none_dealloc")."""

from __future__ import annotations

import os
import subprocess
import sys

SPIN = """
import sys
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QTableView
app = QApplication(sys.argv)
class Model(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()): return 0 if parent.isValid() else 50
    def columnCount(self, parent=QModelIndex()): return 0 if parent.isValid() else 8
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return "x" if role == Qt.ItemDataRole.DisplayRole else None
view = QTableView(); model = Model(); view.setModel(model); view.resize(1000, 300); view.show()
for _ in range(1_000_000):
    app.processEvents()
print("survived")
"""


def test_table_views_survive_many_repaints() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", SPIN], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0 and "survived" in done.stdout, done.stderr[-2000:]
