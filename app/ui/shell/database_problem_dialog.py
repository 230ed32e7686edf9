"""A database that cannot be opened safely: explain, then offer a backup, a new profile, or quit.

The damaged file is never written to; a restored backup becomes a new profile beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.domain.periods import CHINA_TIME

if TYPE_CHECKING:  # the launcher paints the window's frame before SQLAlchemy is imported
    from app.models.database import DatabaseOpenError

OPEN_BACKUP, NEW_PROFILE, QUIT = "open_backup", "new_profile", "quit"


@dataclass(frozen=True)
class ProblemChoice:
    action: str  # OPEN_BACKUP, NEW_PROFILE or QUIT
    backup: Path | None = None


def _describe(backup: Path) -> str:
    stat = backup.stat()
    when = datetime.fromtimestamp(stat.st_mtime, CHINA_TIME).strftime("%Y-%m-%d %H:%M")
    return f"{when}    {stat.st_size / 1_048_576:.1f} MB    {backup.name}"


class DatabaseProblemDialog(QDialog):
    def __init__(self, error: DatabaseOpenError, backups: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = ProblemChoice(QUIT)
        self.setWindowTitle(self.tr("无法打开数据文件"))

        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48, 48))
        self.message = QLabel(error.user_message)
        self.message.setWordWrap(True)
        font = self.message.font()
        font.setBold(True)
        self.message.setFont(font)
        where = QLabel(
            self.tr("文件：%1\n这个文件不会被改动。您可以打开一份备份（作为新档案），或者新建一个空白档案。").replace(
                "%1", str(error.path)
            )
        )
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.addWidget(self.message)
        text.addWidget(where)
        top.addLayout(text, 1)

        self.backups = QListWidget(self)  # parented: shown parentless it would be a window of its own
        for backup in backups:
            item = QListWidgetItem(_describe(backup), self.backups)
            item.setData(Qt.ItemDataRole.UserRole, str(backup))
        if backups:
            self.backups.setCurrentRow(0)  # newest first
        self.backups.setVisible(bool(backups))
        backups_title = QLabel(self.tr("可用的备份（最新的在最上面）：") if backups else self.tr("没有找到这个档案的备份。"))

        self.open_backup_button = QPushButton(self.tr("打开备份"))
        self.open_backup_button.setEnabled(bool(backups))
        self.open_backup_button.clicked.connect(self._open_backup)
        self.backups.itemDoubleClicked.connect(self._open_backup)
        self.new_profile_button = QPushButton(self.tr("新建档案"))
        self.new_profile_button.clicked.connect(lambda: self._choose(ProblemChoice(NEW_PROFILE)))
        self.quit_button = QPushButton(self.tr("退出"))
        self.quit_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_backup_button)
        buttons.addWidget(self.new_profile_button)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        (self.open_backup_button if backups else self.new_profile_button).setDefault(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addSpacing(8)
        layout.addWidget(backups_title)
        layout.addWidget(self.backups, 1)
        layout.addLayout(buttons)
        self.setMinimumWidth(560)

    def _choose(self, choice: ProblemChoice) -> None:
        self.choice = choice
        self.accept()

    def _open_backup(self) -> None:
        item = self.backups.currentItem()
        if item is not None:
            self._choose(ProblemChoice(OPEN_BACKUP, Path(item.data(Qt.ItemDataRole.UserRole))))

    def reject(self) -> None:
        self.choice = ProblemChoice(QUIT)
        super().reject()


def ask_database_problem(error: DatabaseOpenError, backups: list[Path], parent: QWidget | None = None) -> ProblemChoice:
    """Modal: what the user wants to do about an unopenable database."""
    dialog = DatabaseProblemDialog(error, backups, parent)
    try:
        dialog.exec()
        return dialog.choice
    finally:
        # A parentless dialog left to Python's GC can outlive QApplication and crash at exit.
        shiboken6.delete(dialog)
