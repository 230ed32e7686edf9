"""Issue 13 item 14: a new enterprise's 所在区 is prefilled from the credit code's region code
(positions 3–8), else from the station's own district; a district the user chose stays."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from app.domain.districts import district_from_credit_code
from app.services.station.identity import NewStation, create_station
from app.ui.enterprises.form import EnterpriseForm

pytestmark = pytest.mark.usefixtures("presented")


@pytest.mark.parametrize(("code", "district"), [
    ("91440106MA5C123456", "天河区"), ("91440113MA5C123456", "番禺区"), ("914401", None),
    ("91440101MA5C123456", None), ("91350100M000100Y43", None), ("", None),
])
def test_the_region_code_names_the_district(code: str, district: str | None) -> None:
    assert district_from_credit_code(code) == district


@pytest.fixture
def form(qtbot, db) -> EnterpriseForm:  # type: ignore[no-untyped-def]
    with db.begin() as session:
        create_station(session, NewStation("GZ-BY-001", "白云区中小企业服务站", "白云区", "", "陈晓明"))
    dialog = EnterpriseForm(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.district.currentText() == "白云区", timeout=5000)  # the station's district
    return dialog


def test_the_code_fills_the_district_then_the_station_does(form: EnterpriseForm) -> None:
    form.credit_code.setText("91440106MA5C123456")
    assert form.district.currentText() == "天河区"
    form.credit_code.setText("91440113MA5C1234")
    assert form.district.currentText() == "番禺区"
    form.credit_code.setText("91440101MA5C123456")  # registered at city level: no district in the code
    assert form.district.currentText() == "白云区"
    form.credit_code.clear()


def test_a_district_the_user_chose_is_kept(form: EnterpriseForm) -> None:
    form.district.setCurrentIndex(form.district.findText("海珠区"))
    form.district.activated.emit(form.district.currentIndex())
    form.credit_code.setText("91440106MA5C123456")
    assert form.district.currentText() == "海珠区"
    QApplication.processEvents()
