"""Hypothesis on the 服务记录 quick-entry form's validation, through its widgets.

Random text, numbers, dates and choices go into the form's fields; saving must never
crash (no error dialog) and must either save the whole record (and its demand, when
asked) or show exactly one message, beside a field, that starts with a field's label,
and write nothing.  Modelled on test_enterprise_form.py's property test.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QDate
from sqlalchemy import func, select

from app.models import Demand, ServiceRecord
from app.models.database import Database
from app.services.demands.shapes import FIELD_LABELS as DEMAND_FIELD_LABELS
from app.services.enterprises import registry as enterprise_service
from app.services.enterprises.validation import EnterpriseInput
from app.services.records import validation as record_validation
from app.services.station.identity import StationInfo
from app.ui.records.form import RecordForm
from app.ui.widgets.prompts import answer_prompts

TODAY = date(2026, 6, 15)
LABELS = (*record_validation.FIELD_LABELS.values(), *DEMAND_FIELD_LABELS.values())


pytestmark = pytest.mark.usefixtures("presented")


@pytest.fixture
def firm(db: Database, station: StationInfo) -> uuid.UUID:
    with db.begin() as session:
        return enterprise_service.create(session, EnterpriseInput(name="广州云帆科技有限公司", district="天河区")).id


@pytest.fixture
def form(qtbot, db: Database, firm: uuid.UUID) -> RecordForm:  # type: ignore[no-untyped-def]
    """One form for all examples, as at the desk: each save (or Esc) readies it for the next."""
    widget = RecordForm(db, today=lambda: TODAY, lock_days=10)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.pick_lists_loaded, timeout=10_000):
        widget.show()
    return widget


def counts(db: Database) -> tuple[int, int]:
    with db.sessions() as session:
        records = session.scalar(select(func.count()).select_from(ServiceRecord).where(ServiceRecord.deleted.is_(False)))
        opened = session.scalar(select(func.count()).select_from(Demand))
    return records or 0, opened or 0


text = st.one_of(
    st.text(max_size=40),
    st.integers(-10**9, 10**12).map(str),
    st.decimals(allow_nan=False, allow_infinity=False, places=3).map(str),
    st.sampled_from(["", " ", "200", "199.50", "1,000", "１２０", "-5", "abc", "2026-07-01", "2026年7月1日",
                     "2026/13/40", "2025-02-29", "9999-01-01", "0000-00-00"]),
)
# Half-plausible on purpose: wholly random input is almost always rejected by its first field.
blank_or = lambda good, wild=text: st.one_of(st.just(""), good, wild)
inputs = st.fixed_dictionaries({
    "picked": st.sampled_from([True, True, True, False]),
    "day_offset": st.one_of(st.integers(-10, 0), st.integers(-800, 60)),  # this month, locked months, the future
    "category": st.one_of(st.integers(0, 3), st.integers(-1, 12)), "channel": st.integers(-1, 5),
    "staff": st.integers(-1, 3), "prep": st.integers(-10, 10**6), "contact": st.integers(-10, 10**6),
    "fee_type": st.integers(-1, 4), "fee": blank_or(st.sampled_from(["200", "199.50", "1,000"])),
    "referral": st.integers(-1, 3), "satisfaction": st.integers(-1, 7),
    "follow_up": blank_or(st.sampled_from(["2026-07-01", "2026/7/1", "2026年7月1日"])),
    "summary": st.one_of(st.just("政策咨询：申报高新技术企业"), text), "outcome": text,
    "demand": st.booleans(), "demand_title": blank_or(st.just("申请科技型中小企业评价")),
    "demand_category": st.integers(-1, 12),
})


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=inputs)
def test_random_input_saves_fully_or_names_a_field(qtbot, db, firm, form, values) -> None:  # type: ignore[no-untyped-def]
    before = counts(db)
    form.cancel()  # Esc: what the previous example left is gone
    if values["picked"]:
        form.picker.set_enterprise(firm, "广州云帆科技有限公司")
    day = TODAY + timedelta(days=values["day_offset"])
    form.service_date.setDate(QDate(day.year, day.month, day.day))
    for name in ("category", "channel", "staff", "fee_type", "referral", "demand_category"):
        getattr(form, name).setCurrentIndex(values[name])  # out of range → no selection (-1) or unchanged
    form.prep_minutes.setValue(values["prep"])  # spin boxes clamp to their range, as typing does
    form.contact_minutes.setValue(values["contact"])
    form.satisfaction.setValue(values["satisfaction"])
    if form.fee.isEnabled():
        form.fee.setText(values["fee"])
    form.follow_up.setText(values["follow_up"])
    form.summary.setPlainText(values["summary"])
    form.outcome.setPlainText(values["outcome"])
    form.demand_check.setChecked(values["demand"])
    if form.demand_title.isEnabled():
        form.demand_title.setText(values["demand_title"])
    asked_demand = form.demand_check.isChecked()

    saved: list[object] = []
    form.record_saved.connect(saved.append)
    try:
        _save_and_check(qtbot, db, form, before, asked_demand, saved)
    finally:
        form.record_saved.disconnect(saved.append)


def _save_and_check(qtbot, db, form, before, asked_demand, saved) -> None:  # type: ignore[no-untyped-def]
    errors = list({id(e): e for e in form.error_labels.values()}.values())
    with answer_prompts(False):  # a locked month offers the manager's unlock: declined
        form.save()
        qtbot.waitUntil(lambda: bool(saved) or any(not e.isHidden() for e in errors), timeout=5000)
    records, opened = counts(db)
    event("saved" if saved else "rejected")
    if saved:
        assert (records, opened) == (before[0] + 1, before[1] + (1 if asked_demand else 0))
        assert form.picker.enterprise_id is None  # ready for the next visitor
    else:
        assert (records, opened) == before, "a rejected save wrote something"
        shown = [e.text() for e in errors if not e.isHidden()]
        assert len(shown) == 1 and any(shown[0].startswith(label) for label in LABELS), shown
