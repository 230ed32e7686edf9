"""文件 → 切换档案: every profile on this machine, the HQ ones marked, filled each time the menu
opens (a profile enrolled from the command line meanwhile shows up).  Picking one asks the
launcher to switch (app/ui/shell/launcher.py switch_profile), station or HQ alike."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu

from app.hqdesk.profile_kinds import list_profiles


def _label(name: str, kind: str) -> str:
    if kind == "hq":
        return QCoreApplication.translate("ProfileMenu", "%1（服务总站）").replace("%1", name)
    if kind == "other":
        return QCoreApplication.translate("ProfileMenu", "%1（无法读取）").replace("%1", name)
    return name


def add_profile_menu(parent_menu: QMenu, current: str, pick: Callable[[str], None]) -> QMenu:
    menu = parent_menu.addMenu(QCoreApplication.translate("ProfileMenu", "切换档案"))

    def fill() -> None:
        menu.clear()
        for name, kind in list_profiles():
            action = menu.addAction(_label(name, kind))
            action.setCheckable(True)
            action.setChecked(name == current)
            action.setEnabled(name != current)
            action.triggered.connect(lambda _checked=False, n=name: pick(n))
        if menu.isEmpty():
            menu.addAction(QCoreApplication.translate("ProfileMenu", "（没有其他档案）")).setEnabled(False)

    menu.aboutToShow.connect(fill)
    fill()
    return menu
