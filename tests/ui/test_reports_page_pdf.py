"""报表 page, the PDF the engine builds: preview (the drafts saved first), print, save as
PDF, the engine's errors, a cancelled build, and the question before printing a report with
empty sections.  Typing, saving and submitting drafts are in test_reports_page.py."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from reportlab.pdfgen import canvas

from app.domain.errors import ValidationError
from app.models import Event, EventAttendance
from app.reports.api import ReportInfo
from app.services.station.identity import NewStation, create_station
from app.ui import operations
from app.ui.reporting import editor as report_editor
from app.ui.reporting import page as reports_page
from app.ui.reporting.page import KINDS
from app.ui.reporting.pdf_document import open_document
from app.ui.widgets import error_dialog
from app.ui.widgets.prompts import answer_prompts
from tests.ui.test_reports_page import open_page, stored


# The same three fixtures as test_reports_page.py's (a module defines its own: tests/ui/conftest.py).
@pytest.fixture(autouse=True)
def presented(qapp) -> Iterator[list[tuple[Any, ...]]]:  # type: ignore[no-untyped-def]
    calls: list[tuple[Any, ...]] = []
    previous = error_dialog.set_presenter(lambda *args: calls.append(args))
    yield calls
    error_dialog.set_presenter(previous)
    assert operations.shutdown(10_000)
    assert calls == []


@pytest.fixture(autouse=True)
def no_autosave(monkeypatch: pytest.MonkeyPatch) -> None:
    """Saves in these tests come from what is tested (preview), not the timer."""
    monkeypatch.setattr(report_editor, "AUTOSAVE_MS", 3_600_000)


@pytest.fixture
def station(db):  # type: ignore[no-untyped-def]
    with db.begin() as session:
        return create_station(session, NewStation("GZ-TH-001", "天河区中小企业服务站", "天河区", "", "陈晓明")).id


def write_pdf(path: Path, pages: int) -> None:
    pdf = canvas.Canvas(str(path))
    for number in range(pages):
        pdf.drawString(72, 720, f"page {number + 1}")
        pdf.showPage()
    pdf.save()


class FakeEngine:
    """Stands in for app.reports.api.build_report: a small real PDF, the call recorded,
    and what the database held at build time (the drafts must be saved first)."""

    def __init__(self, pages: int = 3, error: Exception | None = None) -> None:
        self.pages, self.error = pages, error
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.text_at_build = ""

    def __call__(self, db, kind: str, out: Path, **options: Any) -> ReportInfo:  # type: ignore[no-untyped-def]
        self.calls.append((kind, options))
        if kind == "annual":
            self.text_at_build = stored(db, options["year"]).narrative["work_done"]
        if self.error is not None:
            raise self.error
        options["progress"](1, 2)
        write_pdf(out, self.pages)
        return ReportInfo(out, self.pages, datetime(2026, 11, 27, 9, 30, tzinfo=UTC), "2026年度服务工作总结")


@pytest.fixture
def engine(monkeypatch: pytest.MonkeyPatch) -> FakeEngine:
    fake = FakeEngine()
    monkeypatch.setattr(reports_page, "build_report", fake)
    return fake




def test_preview_saves_the_drafts_first_and_shows_the_pages(qtbot, db, station, engine: FakeEngine) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, db)
    page.summary_editor.texts["work_done"].setPlainText("刚刚写的总结")
    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.preview_dialog is not None, timeout=10_000)
    dialog = page.preview_dialog
    assert dialog is not None
    assert engine.calls[0][0] == "annual" and engine.calls[0][1]["year"] == 2026
    assert engine.text_at_build == "刚刚写的总结"
    assert dialog.pages == 3 and dialog.preview.page_count() == 3
    assert dialog.preview.page_count_label.text() == "页，共 3 页" and dialog.note.text().startswith("共 3 页")
    assert page.result_label.text() == "已生成“2026年度服务工作总结”，共 3 页"
    dialog.preview.next_button.click()
    qtbot.waitUntil(lambda: dialog.preview.page_box.value() == 2, timeout=5000)
    assert dialog.preview.previous_button.isEnabled()


@pytest.mark.usefixtures("english")
def test_in_english_the_status_and_preview_name_the_report_kind(qtbot, db, station, engine: FakeEngine) -> None:  # type: ignore[no-untyped-def]
    """Issue 13: "Generated '2026年度服务工作总结'" stayed Chinese in English; the PDF itself keeps its Chinese title."""
    page = open_page(qtbot, db)
    page.preview()
    qtbot.waitUntil(lambda: page.preview_dialog is not None, timeout=10_000)
    assert page.last_report.title == "2026年度服务工作总结"  # the document's own title
    assert page.result_label.text() == "Created “Annual summary and plan”, 3 pages", page.result_label.text()
    assert page.preview_dialog.windowTitle() == "Preview: Annual summary and plan"  # type: ignore[union-attr]


def test_each_kind_shows_its_own_last_result_not_the_one_before(qtbot, db, station, engine: FakeEngine) -> None:  # type: ignore[no-untyped-def]
    """Issue 13 item 17: the 服务站标识 tab showed the annual report's 已生成 line."""
    page = open_page(qtbot, db)
    page.preview()
    qtbot.waitUntil(lambda: page.preview_dialog is not None, timeout=10_000)
    annual = page.result_label.text()
    assert annual.startswith("已生成")
    page.kinds.setCurrentRow(KINDS.index("signage"))
    assert page.result_label.text() == "" and page.result_label.toolTip() == ""
    page.kinds.setCurrentRow(KINDS.index("annual"))
    assert page.result_label.text() == annual


def test_preview_with_the_report_engine(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    start = datetime(2026, 9, 3, 1, 30, tzinfo=UTC)
    with db.begin() as session:
        event = Event(station_id=station, title="财税政策培训会", event_type="training", starts_at=start, ends_at=start)
        session.add(event)
        session.flush()
        session.add(EventAttendance(station_id=station, event_id=event.id, attendee_name="张三"))
    page = open_page(qtbot, db)
    page.kinds.setCurrentRow(3)
    events = page.parameters["event"]
    qtbot.waitUntil(lambda: events.events.count() == 1, timeout=10_000)
    assert page.request().file_name == "财税政策培训会签到表.pdf"
    page.preview()
    qtbot.waitUntil(lambda: page.preview_dialog is not None, timeout=60_000)
    info = page.last_report
    document = open_document(Path(info.path))
    assert page.preview_dialog.pages == info.pages == document.page_count() >= 1  # type: ignore[union-attr]
    document.close()


def test_print_renders_every_page_into_the_printer(qtbot, db, station, engine: FakeEngine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    engine.pages = 4
    page = open_page(qtbot, db)
    out = tmp_path / "printed.pdf"

    def choose(printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(150)
        return True

    page.choose_printer = choose
    page.print_report()
    qtbot.waitUntil(lambda: page.result_label.text() == "已送打印：4 页", timeout=20_000)
    document = open_document(out)
    assert document.page_count() == 4
    document.close()


def test_save_as_pdf_proposes_a_name_and_writes_the_file(qtbot, db, station, engine: FakeEngine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, db)
    proposed: list[str] = []
    page.choose_save_path = lambda name: proposed.append(name) or str(tmp_path / "总结")
    page.save_pdf()
    qtbot.waitUntil(lambda: page.result_label.text().startswith("已保存"), timeout=10_000)
    assert proposed == ["2026年度服务工作总结.pdf"] and (tmp_path / "总结.pdf").read_bytes().startswith(b"%PDF")
    page.choose_save_path = lambda name: ""  # cancelled in the file dialog: nothing built
    page.save_pdf()
    assert len(engine.calls) == 1


def test_engine_errors_are_explained(qtbot, db, station, engine: FakeEngine, presented) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, db)
    engine.error = ValidationError("纸张：请选择 A4 或 A3。", "size")
    with answer_prompts(True) as asked:
        page.preview()
        qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert asked[0].kind == "inform" and asked[0].text == "纸张：请选择 A4 或 A3。" and page.preview_dialog is None
    engine.error = RuntimeError("字体文件损坏")
    page.preview()
    qtbot.waitUntil(lambda: bool(presented), timeout=10_000)
    assert "报表未能生成" in presented[0][1] and "字体文件损坏" in presented[0][2]
    presented.clear()
    page.kinds.setCurrentRow(3)  # no events yet: said so, nothing built
    operations.wait_for_all()
    with answer_prompts(True) as asked:
        page.preview()
    assert "请先选择一场活动" in asked[0].text and len(engine.calls) == 2


def test_a_cancelled_build_shows_nothing(qtbot, db, station, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    started: list[uuid.UUID] = []

    def slow(db, kind: str, out: Path, *, cancelled, **_options: Any) -> ReportInfo:  # type: ignore[no-untyped-def]
        started.append(uuid.uuid4())
        while not cancelled():
            time.sleep(0.01)
        raise RuntimeError("cancelled by the user")  # what the engine's ReportCancelled stands for

    monkeypatch.setattr(reports_page, "build_report", slow)
    page = open_page(qtbot, db)
    page.preview()
    qtbot.waitUntil(lambda: bool(started), timeout=10_000)
    for op in list(operations._running):
        op.cancel()
    assert operations.wait_for_all(10_000)
    assert page.preview_dialog is None and page.result_label.text() == ""


def test_preview_waits_for_a_draft_that_cannot_be_saved_and_says_why(qtbot, db, station, engine: FakeEngine) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, db)
    plan = page.plan_editor.plan
    assert plan is not None
    plan.targets.setData(plan.targets.index(2, 1), "-3")
    with answer_prompts(True) as asked:
        page.preview()
        qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert asked[0].title == "草稿未能保存" and "举办活动（场）：不能是负数" in asked[0].text
    assert "2027年度服务工作计划" in asked[0].text and engine.calls == [] and page.preview_dialog is None


def test_printing_a_report_with_empty_sections_asks_first(qtbot, db, station, engine: FakeEngine,  # type: ignore[no-untyped-def]
                                                          tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 13 (Reports 4, 8): what the engine says is missing is shown before printing or saving."""
    warning = "以下部分尚未填写，打印件中将显示为“无”：2026年度总结 二、主要工作开展情况。"
    plain = engine.__call__

    def with_warning(*args: Any, **kwargs: Any) -> ReportInfo:
        info = plain(*args, **kwargs)
        return ReportInfo(info.path, info.pages, info.cutoff, info.title, (warning,))

    monkeypatch.setattr(reports_page, "build_report", with_warning)
    page = open_page(qtbot, db)
    printers: list[QPrinter] = []
    page.choose_printer = lambda printer: printers.append(printer) or False
    with answer_prompts(False) as asked:
        page.print_report()
        qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert asked[0].kind == "confirm" and warning in asked[0].text
    assert printers == [], "declined: the printer is not even asked for"
    assert warning in page.result_label.text()
    with answer_prompts(True) as asked:
        page.print_report()
        qtbot.waitUntil(lambda: bool(printers), timeout=10_000)
    assert len(asked) == 1
    saved = tmp_path / "总结.pdf"
    page.choose_save_path = lambda name: str(saved)
    with answer_prompts(False) as asked:
        page.save_pdf()
        qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert not saved.exists(), "declined: nothing saved"


def test_no_question_when_nothing_is_missing(qtbot, db, station, engine: FakeEngine) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, db)
    printers: list[QPrinter] = []
    page.choose_printer = lambda printer: printers.append(printer) or False
    with answer_prompts(False) as asked:
        page.print_report()
        qtbot.waitUntil(lambda: bool(printers), timeout=10_000)
    assert asked == []
