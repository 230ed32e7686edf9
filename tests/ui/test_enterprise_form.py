"""The enterprise form: keyboard entry, live checks, errors beside the field, warnings, duplicates."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlalchemy import func, select

from app.domain.credit_code import make_code
from app.models import Enterprise
from app.models.database import Database
from app.services.enterprises import registry as enterprise_service
from app.services.enterprises.validation import FIELD_LABELS, EnterpriseInput
from app.services.station.identity import StationInfo
from app.ui.enterprises.form import EnterpriseForm
from app.ui.widgets.prompts import answer_prompts

from .keyboard import activate, press, type_text

GOOD = make_code("91440101MA5C00001")
WRONG_CHECK = GOOD[:17] + ("0" if GOOD[17] != "0" else "1")


pytestmark = pytest.mark.usefixtures("presented")


@pytest.fixture
def existing(db: Database, station: StationInfo) -> uuid.UUID:
    with db.begin() as session:
        data = EnterpriseInput(name="广州云帆科技有限公司", district="天河区", credit_code=GOOD)
        return enterprise_service.create(session, data).id


def open_form(qtbot, db: Database, enterprise_id: uuid.UUID | None = None) -> EnterpriseForm:  # type: ignore[no-untyped-def]
    form = EnterpriseForm(db, enterprise_id)
    qtbot.addWidget(form)
    form.show()
    activate(qtbot, form)
    form.name.setFocus()
    return form


def tab(qtbot) -> None:  # type: ignore[no-untyped-def]
    press(qtbot, Qt.Key.Key_Tab)


def stored(db: Database) -> list[Enterprise]:
    with db.sessions() as session:
        return list(session.scalars(select(Enterprise).where(Enterprise.deleted.is_(False))))


def test_create_with_the_keyboard_and_live_size(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    form = open_form(qtbot, db)
    assert QApplication.focusWidget() is form.name
    type_text(qtbot, "广州海鸥软件有限公司")
    tab(qtbot)
    type_text(qtbot, GOOD.lower())
    assert "校验位正确" in form.code_note.text()
    tab(qtbot)
    type_text(qtbot, "65")
    assert "软件和信息技术服务业" in form.industry_note.text()
    assert "从业人员" in form.size_note.text()
    tab(qtbot)
    qtbot.keyClick(form.district, Qt.Key.Key_Home)  # 越秀区, the first (the form prefilled the station's district)
    for _ in range(7):  # address, status, legal rep., contact, phone, year → employees
        tab(qtbot)
    assert QApplication.focusWidget() is form.employees
    type_text(qtbot, "5")
    tab(qtbot)
    type_text(qtbot, "30")
    assert form.size_note.text() == "企业规模：微型"
    with qtbot.waitSignal(form.enterprise_saved, timeout=5000):
        qtbot.keyClick(form.revenue, Qt.Key.Key_Return)
    [row] = stored(db)
    assert (row.name, row.credit_code, row.district, row.industry_code, row.size) == (
        "广州海鸥软件有限公司", GOOD, "越秀区", "65", "micro")


def test_a_validation_error_is_shown_beside_its_field_and_nothing_is_saved(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    form = open_form(qtbot, db)
    qtbot.waitUntil(lambda: form.district.currentIndex() >= 0, timeout=5000)  # the station's district…
    form.district.setCurrentIndex(-1)  # …taken out again
    type_text(qtbot, "广州海鸥软件有限公司")
    qtbot.keyClick(form.name, Qt.Key.Key_Return)  # no district
    label = form.error_labels["district"]
    qtbot.waitUntil(label.isVisible, timeout=5000)
    assert label.text().startswith("所在区：")
    assert QApplication.focusWidget() is form.district
    assert stored(db) == [] and form.isVisible()


def test_a_bad_shape_code_is_flagged_while_typing(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    form = open_form(qtbot, db)
    form.credit_code.setFocus()
    type_text(qtbot, "9144")
    assert "4/18" in form.code_note.text()
    type_text(qtbot, "O")
    assert "不允许的字符" in form.code_note.text()


def test_a_check_character_warning_is_confirmed_then_saved_flagged(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    form = open_form(qtbot, db)
    form.name.setText("广州海鸥软件有限公司")
    form.credit_code.setText(WRONG_CHECK)
    form.district.setCurrentIndex(form.district.findText("天河区"))
    with answer_prompts(True) as asked, qtbot.waitSignal(form.enterprise_saved, timeout=5000):
        form.save()
    assert asked[0].kind == "confirm" and "校验位" in asked[0].text
    [row] = stored(db)
    assert row.credit_code == WRONG_CHECK and row.credit_code_warning is True


def test_a_declined_warning_saves_nothing(qtbot, db, station) -> None:  # type: ignore[no-untyped-def]
    form = open_form(qtbot, db)
    form.name.setText("广州海鸥软件有限公司")
    form.credit_code.setText(WRONG_CHECK)
    form.district.setCurrentIndex(0)
    with answer_prompts(False):
        form.save()
        qtbot.waitUntil(form.error_labels["credit_code"].isVisible, timeout=5000)
    assert stored(db) == []


def test_a_duplicate_code_offers_the_existing_enterprise(qtbot, db, existing) -> None:  # type: ignore[no-untyped-def]
    form = open_form(qtbot, db)
    form.name.setText("广州云帆信息技术有限公司")
    form.credit_code.setText(GOOD)
    form.district.setCurrentIndex(0)
    with qtbot.waitSignal(form.duplicates_checked, timeout=5000):
        pass
    assert "已登记为“广州云帆科技有限公司”" in form.code_note.text()
    with answer_prompts(True) as asked, qtbot.waitSignal(form.open_existing, timeout=5000) as opened:
        form.save()
    assert "打开" in asked[0].text and opened.args == [existing]
    assert len(stored(db)) == 1


def test_a_similar_name_is_suggested_before_saving(qtbot, db, existing) -> None:  # type: ignore[no-untyped-def]
    form = open_form(qtbot, db)
    with qtbot.waitSignal(form.duplicates_checked, timeout=5000) as checked:
        type_text(qtbot, "广州市云帆科技有限公司")
    assert [s.id for s in checked.args[0].similar_names] == [existing]
    assert form.similar_note.isVisible() and "可能重复" in form.similar_note.text()


def test_editing_loads_the_enterprise_and_a_stale_save_reloads(qtbot, db, existing) -> None:  # type: ignore[no-untyped-def]
    form = EnterpriseForm(db, existing)
    qtbot.addWidget(form)
    with qtbot.waitSignal(form.loaded, timeout=5000):
        form.show()
    assert form.name.text() == "广州云帆科技有限公司" and form.district.currentText() == "天河区"
    with db.begin() as session:  # someone else saves first
        enterprise_service.update(session, existing, EnterpriseInput(name="广州云帆科技股份有限公司", district="天河区",
                                                                     credit_code=GOOD), 1)
    form.contact_name.setText("李娜")
    with answer_prompts(True) as asked, qtbot.waitSignal(form.loaded, timeout=5000):
        form.save()
    assert "重新载入" in asked[0].text and form.name.text() == "广州云帆科技股份有限公司"


text_or_number = st.one_of(st.text(max_size=30), st.integers(-10**9, 10**12).map(str),
                           st.decimals(allow_nan=False, allow_infinity=False, places=3).map(str))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.fixed_dictionaries({name: text_or_number for name in (
    "credit_code", "name", "industry", "address", "contact_phone", "employees", "revenue", "assets", "size_year")}),
    district=st.integers(-1, 10))
def test_random_input_saves_fully_or_names_a_field(qtbot, db, station, values, district) -> None:  # type: ignore[no-untyped-def]
    before = len(stored(db))
    form = EnterpriseForm(db)
    qtbot.addWidget(form)
    for name, value in values.items():
        widget = getattr(form, name)
        assert isinstance(widget, QLineEdit)
        widget.setText(value)
    form.district.setCurrentIndex(district)
    saved: list[object] = []
    form.enterprise_saved.connect(saved.append)
    errors = list({id(e): e for e in [*form.error_labels.values(), form.general_error]}.values())
    with answer_prompts(False):
        form.save()
        qtbot.waitUntil(lambda: bool(saved) or any(not e.isHidden() for e in errors), timeout=5000)
    with db.sessions() as session:
        after = session.scalar(select(func.count()).select_from(Enterprise).where(Enterprise.deleted.is_(False)))
    if saved:
        assert after == before + 1
    else:
        assert after == before
        shown = [e.text() for e in errors if not e.isHidden()]
        assert len(shown) == 1 and any(shown[0].startswith(label) for label in FIELD_LABELS.values()), shown
    form.close()
