"""ImportDialog with qtbot: mapping pre-filled, one warning confirmation, result, error workbook."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from app.models import Enterprise
from app.ui.excel.import_dialog import ImportDialog
from app.ui.operations import wait_for_all
from app.ui.widgets.prompts import answer_prompts
from tests.services import count


def _open(qtbot, db, messy: Path) -> ImportDialog:  # type: ignore[no-untyped-def]
    dialog = ImportDialog(db, "enterprises")
    qtbot.addWidget(dialog)
    dialog.open_file(messy)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=10000)
    return dialog


def test_dialog_imports_after_one_confirmation(qtbot, db, world, messy: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, db, messy)
    mapping = dialog.mapping_table.mapping()
    assert (mapping["name"], mapping["credit_code"], mapping["district"], mapping["revenue"]) == (1, 2, 4, 6)
    dialog.check()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
    assert dialog.import_button.isEnabled()
    assert "可导入 8 行" in dialog.preview_text.toPlainText()
    with answer_prompts(True) as asked, qtbot.waitSignal(dialog.import_finished, timeout=10000) as signal:
        dialog.import_button.click()
    assert len(asked) == 1 and "第 11 行" in asked[0].text
    report = signal.args[0]
    assert (report.imported, report.warnings, report.rejected) == (9, 1, 3)
    assert dialog.pages.currentIndex() == 2 and "已导入 9 行" in dialog.result_label.text()
    assert count(db, Enterprise) == 2 + 9
    dialog.save_errors(tmp_path / "errors.xlsx")
    assert load_workbook(tmp_path / "errors.xlsx").active.max_row == 4
    dialog.grab().save(str(tmp_path / "import_result.png"))
    assert wait_for_all()


def test_declined_warnings_and_remembered_mapping(qtbot, db, world, messy: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, db, messy)
    dialog.mapping_table.set_column("notes", 8)  # 联系人 column as notes: remembered for next time
    dialog.check()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
    with answer_prompts(False), qtbot.waitSignal(dialog.import_finished, timeout=10000) as signal:
        dialog.start_import()
    assert signal.args[0].imported == 8 and len(signal.args[0].warning_rows) == 1
    again = _open(qtbot, db, messy)
    assert again.mapping_table.mapping()["notes"] == 8
    assert wait_for_all()
