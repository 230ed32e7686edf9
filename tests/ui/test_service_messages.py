"""Issue 13 item 13: messages made by the back end (validation, import, sync and HQ errors) show in
English in English mode, through Qt's catalogue at the UI edge; in Chinese they are exactly the
back end's text.  The back end never imports Qt: its messages are `Msg` strings that keep their
template (app/domain/messages.py); tools/service_messages.py lists the templates for lupdate."""

from __future__ import annotations

import importlib.util
import json
import pickle
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from app.domain import messages
from app.domain.errors import FieldError, ValidationError
from app.domain.messages import Msg, joined
from app.services.actor import Actor
from app.services.enterprises.validation import EnterpriseInput, check_fields
from app.services.events.choices import ThemeChoices
from app.services.station.identity import NewStation, create_station
from app.ui.service_message_catalogue import MESSAGES
from app.ui.service_messages import shown_message

from .test_english_pages import CJK

pytestmark = pytest.mark.usefixtures("presented", "cjk_font")
ROOT = Path(__file__).resolve().parents[2]
QUOTED = re.compile(r"“[^”]*”")  # a column heading the user's Excel file has in Chinese may be quoted


def tool():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("service_messages_tool", ROOT / "tools" / "service_messages.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_catalogue_lists_every_message_of_the_back_end() -> None:
    made = tool()
    assert made.render(made.collect()) == (ROOT / "app/ui/service_message_catalogue.py").read_text(encoding="utf-8"), (
        "run python tools/service_messages.py, then lupdate and tools/fill_translations.py")
    assert made.SEPARATORS == messages.SEPARATORS


def test_every_message_has_english_with_the_same_placeholders() -> None:
    tree = ET.parse(ROOT / "resources/translations/station_desk_en.ts")
    found = {}
    for context in tree.iter("context"):
        if context.findtext("name") == "ServiceMessages":
            for message in context.iter("message"):
                translation = message.find("translation")
                assert translation is not None
                found[message.findtext("source")] = (translation.text or "", translation.get("type"))
    assert set(found) == set(MESSAGES)
    unfinished = [source for source, (_, kind) in found.items() if kind == "unfinished"]
    assert not unfinished
    wrong = [s for s, (t, _) in found.items() if set(re.findall(r"%\d", s)) != set(re.findall(r"%\d", t))]
    assert not wrong


def test_a_message_is_the_chinese_text_it_always_was() -> None:
    label, limit, length = "企业名称", 200, 230
    message = Msg("%1：不能超过%2个字（现有%3个），请精简。", label, limit, length)
    assert message == f"{label}：不能超过{limit}个字（现有{length}个），请精简。" and isinstance(message, str)
    assert pickle.loads(pickle.dumps(message)).args == (label, limit, length)
    assert Msg("%1 和 %2", "%2", "x") == "%2 和 x"  # an argument holding a placeholder stays as it is
    assert joined([Msg("签到%1家", 2), "b"]) + "。" == "签到2家，b。"
    assert FieldError("联系电话", "请填写文字。").message == "联系电话：请填写文字。"


def test_chinese_shows_the_back_end_text_unchanged(qapp) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as raised:
        check_fields(EnterpriseInput(name="", district="天河区"))
    assert shown_message(raised.value) == raised.value.message == "企业名称：不能为空，请填写。"
    for template in MESSAGES:  # every message, fresh or read back from the database: byte for byte
        message = Msg(template, "企业名称", "天河区", 3, "受理", "x", "y", "z", "w", "v")
        assert shown_message(message) == message and shown_message(str(message)) == message, template


@pytest.mark.usefixtures("english")
def test_every_template_reads_in_english() -> None:
    chinese = []
    for template in MESSAGES:
        text = shown_message(Msg(template, *["x"] * 9))
        if CJK.search(QUOTED.sub("", text)):
            chinese.append(text)
    assert not chinese, chinese


SERVICE_ERRORS: dict[str, Callable[[], object]] = {
    "empty name": lambda: check_fields(EnterpriseInput(name="", district="天河区")),
    "bad district": lambda: check_fields(EnterpriseInput(name="Acme", district="Springfield")),
    "bad credit code": lambda: check_fields(EnterpriseInput(name="Acme", district="天河区", credit_code="9144")),
    "bad industry": lambda: check_fields(EnterpriseInput(name="Acme", district="天河区", industry_code="zzz")),
    "bad revenue": lambda: check_fields(EnterpriseInput(name="Acme", district="天河区", revenue="-5")),
    "bad phone": lambda: check_fields(EnterpriseInput(name="Acme", district="天河区", contact_phone="12")),
    "bad status": lambda: check_fields(EnterpriseInput(name="Acme", district="天河区", status="gone")),
}


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize("case", list(SERVICE_ERRORS))
def test_a_service_error_shows_in_english(case: str) -> None:
    with pytest.raises(ValidationError) as raised:
        SERVICE_ERRORS[case]()
    assert CJK.search(raised.value.message)  # the back end still speaks Chinese
    shown = shown_message(raised.value)
    assert shown and not CJK.search(shown), shown


@pytest.mark.usefixtures("english")
def test_sync_and_hq_client_errors_show_in_english() -> None:
    from app.hqdesk.client import HqDeskClient, HqDeskError
    from app.sync.client import InsecureTransportError, require_secure_transport

    with pytest.raises(InsecureTransportError) as refused:
        require_secure_transport("http://hq.example.org", False)
    with pytest.raises(HqDeskError) as hq:
        HqDeskClient("http://hq.example.org", "token")
    for exc in (refused.value, hq.value):
        assert CJK.search(exc.message) and not CJK.search(shown_message(exc)), shown_message(exc)


# --- every form shows the services' refusals in English ------------------------------------------------
def _station(db) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as session:
        create_station(session, NewStation("GZ-TH-001", "Tianhe SME Station", "天河区", "", "Chen"))


def _error_texts(dialog: QDialog) -> list[str]:
    return [label.text() for label in dialog.findChildren(QLabel)
            if label.isVisibleTo(dialog) and label.text() and "color" in label.styleSheet()]


def _enterprise(qtbot, db):  # type: ignore[no-untyped-def]
    from app.ui.enterprises.form import EnterpriseForm

    form = EnterpriseForm(db)
    form.name.setText("Acme Robotics")
    form.credit_code.setText("91440106")  # a code of the wrong length: the service refuses it
    return form, form.save


def _record(qtbot, db):  # type: ignore[no-untyped-def]
    from app.ui.records.form import RecordForm

    form = RecordForm(db)
    return form, form.save


def _demand(qtbot, db):  # type: ignore[no-untyped-def]
    from app.ui.demands.dialogs import NewDemandDialog
    from app.ui.widgets.pick_lists import PickLists

    form = NewDemandDialog(db, PickLists(), Actor("Chen"))
    return form, form.submit


def _event(qtbot, db):  # type: ignore[no-untyped-def]
    from app.ui.events.form import EventForm

    form = EventForm(db, None, ThemeChoices({"policy": "政策主题月"}), [])
    return form, form.submit


def _staff(qtbot, db):  # type: ignore[no-untyped-def]
    from app.ui.staff.form import StaffForm

    form = StaffForm(db)
    return form, form.submit


def _wizard(qtbot, db):  # type: ignore[no-untyped-def]
    from app.ui.station.first_run_wizard import FirstRunWizard

    form = FirstRunWizard(db)
    form.code.setText("X")
    return form, lambda: qtbot.mouseClick(form.finish_button, Qt.MouseButton.LeftButton)


FORMS = {"enterprise": _enterprise, "service record": _record, "demand": _demand, "event": _event,
         "staff": _staff, "first-run wizard": _wizard}


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("name", list(FORMS))
def test_every_form_shows_refusals_in_the_users_language(qtbot, db, request, name: str, language: str) -> None:  # type: ignore[no-untyped-def]
    if language == "en":
        request.getfixturevalue("english")
    if name != "first-run wizard":
        _station(db)
    dialog, submit = FORMS[name](qtbot, db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    submit()
    qtbot.waitUntil(lambda: bool(_error_texts(dialog)), timeout=10_000)
    texts = _error_texts(dialog)
    if language == "en":
        assert not [t for t in texts if CJK.search(t)], texts
    else:
        assert all(CJK.search(t) for t in texts), texts
    dialog.setProperty("discard_without_asking", True)


@pytest.mark.usefixtures("english")
def test_a_message_read_back_from_the_database_still_shows_in_english() -> None:
    """The sync log and refused rows store the text: a plain str again, matched against the templates."""
    stored = str(Msg("%1：不能超过%2个字（现有%3个），请精简。", "企业名称", 200, 230))
    assert type(stored) is str
    assert shown_message(stored) == "Name: at most 200 characters (now 230). Please shorten it."
    assert shown_message("广州云帆科技有限公司") == "广州云帆科技有限公司"  # data passes through


def test_a_message_read_back_stays_chinese_in_chinese(qapp) -> None:  # type: ignore[no-untyped-def]
    stored = str(Msg("%1：不能超过%2个字（现有%3个），请精简。", "企业名称", 200, 230))
    assert shown_message(stored) == stored


@pytest.mark.usefixtures("english", "station")
def test_import_errors_show_in_english(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """What the import dialog lists, row by row (app/ui/excel/import_dialog.py)."""
    from openpyxl import Workbook

    from app.services.excel.import_enterprises import import_enterprises

    book = Workbook()
    sheet = book.active
    sheet.append(["企业名称", "统一社会信用代码", "所在区", "营业收入（万元）", "从业人员（人）", "联系电话"])
    sheet.append(["Acme Robotics", "9144", "天河区", "", "", ""])
    sheet.append(["Beta Tools", "", "Springfield", "", "", ""])
    sheet.append(["Gamma Foods", "", "天河区", "-5", "", ""])
    sheet.append(["Delta Trade", "", "天河区", "", "many", ""])
    sheet.append(["Epsilon Labs", "", "天河区", "", "", "12"])
    sheet.append(["", "", "天河区", "", "", ""])
    path = tmp_path / "enterprises.xlsx"
    book.save(path)
    report = import_enterprises(db, path, confirm_warnings=False)
    assert len(report.errors) >= 5
    chinese = [shown_message(e.message) for e in report.errors if CJK.search(QUOTED.sub("", shown_message(e.message)))]
    assert not chinese, chinese


@pytest.mark.usefixtures("english")
def test_attendance_import_problems_show_in_english(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """What the registration dialog lists after importing a list (app/ui/events/attendance_dialog.py)."""
    from datetime import datetime

    from openpyxl import Workbook

    from app.domain.periods import CHINA_TIME
    from app.services.enterprises import registry
    from app.services.events import attendance, edits
    from app.services.events.edits import EventInput

    with db.begin() as session:
        create_station(session, NewStation("GZ-TH-001", "Tianhe SME Station", "天河区", "", "Chen"))
        firm = registry.create(session, EnterpriseInput(name="Acme Robotics", district="天河区")).id
        start = datetime(2026, 11, 5, 14, 0, tzinfo=CHINA_TIME)
        event = edits.create(session, EventInput("Tax salon", "salon", start, start.replace(hour=16))).id
        attendance.register(session, event, firm)
    book = Workbook()
    book.active.append(["企业名称", "统一社会信用代码", "联系人"])
    for row in (["Acme Robotics", "", "Li"], ["Acme Robotics", "", "Li"], ["Nobody Ltd", "", "Wu"],
                ["", "91440106MA5C123456", "Zhao"]):
        book.active.append(row)
    path = tmp_path / "list.xlsx"
    book.save(path)
    with db.begin() as session:
        report = attendance.import_list(session, event, attendance.read_list(path))
    shown = [shown_message(p.reason) for p in (*report.already_registered, *report.duplicates, *report.unknown)]
    shown.append(shown_message(report.summary()))
    assert len(shown) >= 4 and not [text for text in shown if CJK.search(text)], shown


# --- what the HQ server answers, as the station and the HQ desk receive it: plain text ------------------


def hq_refusals() -> list[str]:
    """HQ's refusals as they arrive (JSON text, a plain str), made by HQ's own code."""
    from app.domain import row_rules
    from app.hq import apply_context, enterprise_requests, gate, http_io
    from app.hq.asgi_guard import LENGTH_REQUIRED
    from app.hq.libraries.errors import not_found
    from app.hq.routes.pull import RESYNC_MESSAGE
    from app.hq.server import HTTP_MESSAGES
    from app.sync.protocol import UPGRADE_MESSAGE

    made: list[str] = [gate.AUTH_MESSAGE, gate.MISSING_TOKEN, RESYNC_MESSAGE, UPGRADE_MESSAGE, LENGTH_REQUIRED,
                       http_io.throttled(42).message, Msg(http_io.TOO_LARGE, http_io.size_text(3 * http_io.MIB)),
                       Msg(http_io.TOO_LARGE_JSON, "16 MB")]
    problem = row_rules.row_problem("enterprise", {"name": "", "district": "天河区"})
    assert problem is not None
    for reason in apply_context.REJECT_MESSAGES:
        made.append(apply_context.reject_message(reason, "enterprise", old="已提交", new="草稿", detail=problem.message))
    made += [Msg(template, 17) for template in enterprise_requests.MESSAGES.values()]
    made += [*HTTP_MESSAGES.values(), not_found("政策", "0192f0c1-0000-7000-8000-000000000000").message,
             apply_context.reject_message("bad_row", "station", detail=Msg("本站信息%1", problem.message))]
    return [str(m) for m in made]


PYDANTIC_ERRORS = [{"loc": ("body", "name"), "type": "string_too_long", "ctx": {"max_length": 64}},
                   {"loc": ("body", "role"), "type": "missing"}, {"loc": ("body", "x"), "type": "extra_forbidden"},
                   {"loc": ("body", "y"), "type": "int_type"}]


@pytest.mark.usefixtures("english")
def test_hq_refusals_show_in_english() -> None:
    from app.hq.gate import AUTH_MESSAGE

    texts = hq_refusals()
    for text in texts:
        assert type(text) is str and CJK.search(text)
        shown = shown_message(text)
        assert not CJK.search(QUOTED.sub("", shown)), (text, shown)
    assert shown_message(str(AUTH_MESSAGE)).startswith("The sync token is invalid")
    [refused_row] = [t for t in texts if t.startswith("这条“enterprise”记录没有同步")]
    assert shown_message(refused_row) == (
        'This "enterprise" record was not synced: Name (name) required; please fill it in. '
        "Correct it at this station and save it again."), shown_message(refused_row)
    from app.domain.messages import from_wire, wire_form
    from app.hq.admin.bodies import describe_errors

    made = describe_errors(PYDANTIC_ERRORS)  # a list of fields: exact only with its form (the wire carries it)
    received = from_wire(json.loads(json.dumps(wire_form(made))), str(made))
    assert isinstance(received, Msg) and received == made
    assert shown_message(received) == (
        "The request has errors: “Name” (name) is too long (at most 64 characters); “Role” (role) is required; "
        "“x” is not a usable field and more (4 in all). Please correct them and try again.")
    assert shown_message("服务总站的新说法，工作台还不认识。") == "服务总站的新说法，工作台还不认识。"  # unknown: as sent


def test_hq_refusals_stay_byte_identical_in_chinese(qapp) -> None:  # type: ignore[no-untyped-def]
    for text in hq_refusals():
        assert shown_message(text) == text


def test_a_message_form_from_hq_is_used_only_when_it_rebuilds_the_text() -> None:
    from app.domain.messages import from_wire, wire_form

    made = Msg("本站已有 %1 个未传完的文件，请先完成这些上传（再次同步即可继续）。", 3)
    form = json.loads(json.dumps(wire_form(made)))
    assert isinstance(from_wire(form, str(made)), Msg)
    assert type(from_wire(form, "服务总站说的别的话")) is str  # a form that does not rebuild the text: the text
    for bad in (None, "x", {"template": 3}, {"template": "%1", "args": "x"}, {"template": "%1", "args": [{}]},
                {"template": "%1", "args": [str(n) for n in range(12)]}):
        assert from_wire(bad, "原文") == "原文"
    assert wire_form("纯文字") is None
