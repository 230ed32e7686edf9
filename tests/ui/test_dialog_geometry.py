"""Issue 13 item 10: every dialog fits a 1366×768 and a 1024×600 screen with its buttons in view, in
Chinese and in English (the PDF preview was 860×900 and hid 打印 / 另存为 PDF / 关闭 below a 768-pixel
screen).  The dialogs opened on a row (a demand's step, an enterprise's details, an event's attendance,
a catalogue entry, a policy's matches) size themselves the same way (app/ui/widgets/dialog_fit.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QDialog, QWidget

from app.models.database import DatabaseOpenError
from app.services.actor import Actor
from app.services.events.choices import ThemeChoices
from app.services.station.identity import NewStation, create_station
from app.ui.demands.dialogs import NewDemandDialog
from app.ui.enterprises.form import EnterpriseForm
from app.ui.enterprises.quality_dialog import QualityDialog
from app.ui.events.form import EventForm
from app.ui.excel.import_dialog import ImportDialog
from app.ui.institutions.expert_form import ExpertForm
from app.ui.institutions.institution_form import InstitutionForm
from app.ui.policies.form import PolicyForm
from app.ui.records.category_editor import CategoryEditor
from app.ui.records.lock_settings_dialog import LockSettingsDialog
from app.ui.records.unlock_dialog import UnlockDialog
from app.ui.reporting.pdf_preview import PdfPreviewDialog
from app.ui.shell.database_problem_dialog import DatabaseProblemDialog
from app.ui.staff.form import StaffForm
from app.ui.station.enrol_first import EnrolFirstDialog
from app.ui.station.first_run_wizard import FirstRunWizard
from app.ui.station.profile_dialog import StationProfileDialog
from app.ui.sync.enroll_dialog import EnrollDialog
from app.ui.widgets import dialog_fit
from app.ui.widgets.error_dialog import ErrorDialog
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
    "企业信息质量": lambda db, tmp: QualityDialog(db),
    "导入企业": lambda db, tmp: ImportDialog(db, "enterprises"),
    "导入服务记录": lambda db, tmp: ImportDialog(db, "records"),
    "新增专家": lambda db, tmp: ExpertForm(db, CATEGORIES),
    "服务类别": lambda db, tmp: CategoryEditor(db),
    "锁定期限": lambda db, tmp: LockSettingsDialog(db),
    "解锁": lambda db, tmp: UnlockDialog(db, "2026-11", []),
    "首次设置": lambda db, tmp: FirstRunWizard(db),
    "先登记": lambda db, tmp: EnrolFirstDialog(db),
    "出错": lambda db, tmp: ErrorDialog(None, "报表未能生成。请重试；如果问题仍然存在，请点击“复制调试信息”并发给技术支持。" * 3,
                                      "Traceback (most recent call last):\n" * 80),
    "数据库无法打开": lambda db, tmp: DatabaseProblemDialog(
        DatabaseOpenError(tmp / "station.db", "数据库文件已损坏，无法打开。", "file is not a database"), backups(tmp)),
}


def backups(folder: Path) -> list[Path]:
    made = [folder / f"station-2026-12-0{day}.db" for day in range(1, 7)]
    for path in made:
        path.write_bytes(b"SQLite format 3\x00")
    return made


def preview(folder: Path) -> PdfPreviewDialog:
    parent = QWidget()
    dialog = PdfPreviewDialog(blank_pdf(folder), "2026年度服务工作总结", None, parent, lambda: None, lambda: None)
    dialog.setParent(None)  # a window of its own here; the page that opens it stays out of the test
    return dialog


@pytest.mark.parametrize("language", ["zh_CN", "en"])
@pytest.mark.parametrize(("width", "height"), SCREENS)
@pytest.mark.parametrize("name", list(DIALOGS))
def test_the_dialog_and_its_buttons_fit_the_screen(qtbot, db, tmp_path, monkeypatch, request, name: str,  # type: ignore[no-untyped-def]
                                                  width: int, height: int, language: str, stray_windows) -> None:
    if language == "en":
        request.getfixturevalue("english")
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
    assert stray_windows(dialog) == []  # nothing in it was shown before it had a parent
