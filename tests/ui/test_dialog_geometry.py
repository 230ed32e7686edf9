"""Issue 13 item 10: every dialog fits a 1366×768 and a 1024×600 screen with its buttons in view
(the PDF preview was 860×900 and hid 打印 / 另存为 PDF / 关闭 below a 768-pixel screen)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QDialog, QWidget

from app.services.actor import Actor
from app.services.events.choices import ThemeChoices
from app.services.station.identity import NewStation, create_station
from app.ui.demands.dialogs import NewDemandDialog
from app.ui.enterprises.form import EnterpriseForm
from app.ui.events.form import EventForm
from app.ui.institutions.institution_form import InstitutionForm
from app.ui.policies.form import PolicyForm
from app.ui.reporting.pdf_preview import PdfPreviewDialog
from app.ui.staff.form import StaffForm
from app.ui.station.profile_dialog import StationProfileDialog
from app.ui.sync.enroll_dialog import EnrollDialog
from app.ui.widgets import dialog_fit
from app.ui.widgets.pick_lists import PickLists

pytestmark = pytest.mark.usefixtures("presented", "cjk_font")
SCREENS = [(1366, 768), (1024, 600)]
CATEGORIES = {"policy": "政策咨询", "finance_tax": "财税服务"}


def blank_pdf(folder: Path) -> Path:
    from reportlab.pdfgen.canvas import Canvas

    path = folder / "blank.pdf"
    canvas = Canvas(str(path))
    canvas.drawString(72, 720, "page")
    canvas.save()
    return path


DIALOGS: dict[str, Callable[..., QDialog]] = {
    "新建活动": lambda db, tmp: EventForm(db, None, ThemeChoices({"policy": "政策月"}), []),
    "新建服务需求": lambda db, tmp: NewDemandDialog(db, PickLists(), Actor("陈晓明")),
    "本站信息": lambda db, tmp: StationProfileDialog(db, "default"),
    "新建企业": lambda db, tmp: EnterpriseForm(db),
    "登记到服务总站": lambda db, tmp: EnrollDialog(db),
    "新增人员": lambda db, tmp: StaffForm(db),
    "新增政策": lambda db, tmp: PolicyForm(db, CATEGORIES, Actor("陈晓明")),
    "新增入驻机构": lambda db, tmp: InstitutionForm(db, CATEGORIES),
    "预览": lambda db, tmp: preview(tmp),
}


def preview(folder: Path) -> PdfPreviewDialog:
    parent = QWidget()
    dialog = PdfPreviewDialog(blank_pdf(folder), "2026年度服务工作总结", None, parent, lambda: None, lambda: None)
    dialog.setParent(None)  # a window of its own here; the page that opens it stays out of the test
    return dialog


@pytest.mark.parametrize(("width", "height"), SCREENS)
@pytest.mark.parametrize("name", list(DIALOGS))
def test_the_dialog_and_its_buttons_fit_the_screen(qtbot, db, tmp_path, monkeypatch, name: str,  # type: ignore[no-untyped-def]
                                                  width: int, height: int) -> None:
    with db.begin() as session:
        create_station(session, NewStation("GZ-TH-001", "天河区中小企业服务站", "天河区", "", "陈晓明"))
    screen = QRect(0, 0, width, height - 40)  # less the task bar
    monkeypatch.setattr(dialog_fit, "available", lambda _window: screen.adjusted(0, 0, -20, -40))
    dialog = DIALOGS[name](db, tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    frame = 40  # title bar and borders the window manager adds
    assert dialog.width() <= width and dialog.height() + frame <= screen.height(), (dialog.size(), name)
    assert dialog.minimumSizeHint().height() + frame <= screen.height()
    buttons = [b for b in dialog.findChildren(QAbstractButton) if b.isVisibleTo(dialog) and b.text()]
    assert buttons
    for button in buttons:
        corner = button.mapTo(dialog, QPoint(button.width(), button.height()))
        assert dialog.rect().contains(corner - QPoint(1, 1)), (name, button.text(), corner, dialog.size())
