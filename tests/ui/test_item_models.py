"""Item models: Qt's model tester on each, and the lazy base fetching only what is shown."""

from __future__ import annotations

import sys
import uuid
from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from app.services.actor import Actor
from app.services.demands import edits as demand_edits
from app.services.demands.shapes import DemandInput
from app.services.enterprises import registry as enterprise_service
from app.services.enterprises.validation import EnterpriseInput
from app.services.records import entry as record_entry
from app.services.records.validation import RecordInput
from app.services.references import staff_choices
from app.services.station.identity import NewStation, create_station
from app.ui.item_models.demands_model import OVERDUE_BACKGROUND, DemandsModel
from app.ui.item_models.lazy_table_model import PENDING, Column, LazyTableModel
from app.ui.item_models.records_model import RecordsModel

TODAY = date(2026, 6, 15)


pytestmark = pytest.mark.usefixtures("presented")  # no error dialog, no operation left running


@dataclass(frozen=True)
class Row:
    id: int
    name: str


class FakeSource:
    def __init__(self, count: int) -> None:
        self.count = count
        self.fetched: list[int] = []

    def load_ids(self, key: str | None, descending: bool) -> list[int]:
        ids = list(range(self.count))
        return ids[::-1] if descending else ids

    def fetch_rows(self, ids: list[int]) -> list[Row]:
        self.fetched.extend(ids)
        return [Row(i, f"企业{i:04d}") for i in ids]


def lazy_model(source: FakeSource, page_size: int = 100) -> LazyTableModel:
    columns = [Column("编号", lambda r: r.id, "id", True), Column("名称", lambda r: r.name, "name")]
    return LazyTableModel(columns, source.load_ids, source.fetch_rows, page_size=page_size)


def load(qtbot, model: LazyTableModel) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(model.ids_loaded, timeout=10_000):
        model.reload()


def test_lazy_model_fetches_only_the_visible_page_of_5000(qtbot) -> None:  # type: ignore[no-untyped-def]
    source = FakeSource(5000)
    model = lazy_model(source)
    view = QTableView()
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.setModel(model)
    load(qtbot, model)
    assert model.rowCount() == 5000 and source.fetched == []
    with qtbot.waitSignal(model.page_fetched, timeout=5000):
        view.show()
        qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: model.index(0, 1).data() == "企业0000")
    assert len(source.fetched) == 100 and model.fetched_rows == 100
    with qtbot.waitSignal(model.page_fetched, timeout=5000):
        view.scrollToBottom()
    qtbot.waitUntil(lambda: model.index(4999, 1).data() == "企业4999")
    assert sorted(source.fetched) == list(range(100)) + list(range(4900, 5000))


def test_unfetched_rows_show_a_placeholder_and_sorting_asks_for_new_ids(qtbot) -> None:  # type: ignore[no-untyped-def]
    source = FakeSource(250)
    model = lazy_model(source, page_size=50)
    load(qtbot, model)
    assert model.index(120, 1).data() == PENDING
    qtbot.waitUntil(lambda: model.index(120, 1).data() == "企业0120")
    with qtbot.waitSignal(model.ids_loaded, timeout=5000):
        model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.id_at(0) == 249 and model.row_at(0) is None  # cache dropped with the old order
    model.sort(1, Qt.SortOrder.AscendingOrder)  # a column without a sort key: ignored
    assert model.id_at(0) == 249


def test_lazy_model_passes_the_model_tester(qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = lazy_model(FakeSource(300), page_size=64)
    load(qtbot, model)
    qtmodeltester.check(model)
    qtbot.waitUntil(lambda: model.index(299, 1).data() != PENDING)
    qtmodeltester.check(model)


@pytest.fixture
def filled(db):  # type: ignore[no-untyped-def]
    with db.begin() as session:
        create_station(session, NewStation("GZ-TH-001", "天河区中小企业服务站", "天河区", "", "陈晓明"))
        firm = enterprise_service.create(session, EnterpriseInput(name="广州云帆科技有限公司", district="天河区")).id
        staff = staff_choices(session)[0].id
        actor = Actor("陈晓明", staff)
        for day in (1, 2, 3):
            record_entry.create(session, RecordInput(firm, date(2026, 6, day), "policy", contact_minutes=30),
                                   actor, today=TODAY, lock_days=10)
        demand_edits.create(session, DemandInput("融资对接", "financing", firm, received_on=date(2026, 6, 1),
                                            due_on=date(2026, 6, 5)), actor, today=TODAY, lock_days=10)
        demand_edits.create(session, DemandInput("专利申请", "ip", firm, received_on=TODAY), actor, today=TODAY, lock_days=10)
    return db


def test_records_model_passes_the_model_tester(qtbot, qtmodeltester, filled) -> None:  # type: ignore[no-untyped-def]
    model = RecordsModel(filled, page_size=2)
    load(qtbot, model)
    qtbot.waitUntil(lambda: all(model.index(r, 0).data() != PENDING for r in range(3)))
    qtmodeltester.check(model)
    assert [model.index(r, 0).data() for r in range(3)] == ["2026-06-03", "2026-06-02", "2026-06-01"]
    assert model.index(0, 1).data() == "广州云帆科技有限公司" and model.index(0, 5).data() == "30"


def test_demands_model_passes_the_model_tester_and_marks_overdue(qtbot, qtmodeltester, filled) -> None:  # type: ignore[no-untyped-def]
    model = DemandsModel(filled, today=lambda: TODAY)
    load(qtbot, model)
    qtbot.waitUntil(lambda: model.index(1, 0).data() != PENDING)
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "融资对接" and "超期" in model.index(0, 5).data()
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) == OVERDUE_BACKGROUND
    assert model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole) is None


# --- ids kept packed (issue 14) ------------------------------------------------------------
def test_packed_ids_behave_as_the_list_they_came_from() -> None:
    from app.ui.item_models.packed_ids import PackedIds

    ids = [uuid.UUID(int=(i * 0x0101010101) << 40 | i) for i in range(300)]
    packed = PackedIds(ids)
    assert len(packed) == 300 and list(packed) == ids and packed[-1] == ids[-1] and packed[7] == ids[7]
    assert packed[100:103] == ids[100:103] and packed[295:400] == ids[295:]
    assert packed.index(ids[250]) == 250 and ids[3] in packed and uuid.uuid4() not in packed
    assert packed.index(ids[10], 5, 20) == 10
    with pytest.raises(ValueError):
        packed.index(ids[10], 11)
    with pytest.raises(IndexError):
        packed[300]
    # a key that matches across two ids' bytes is not found there
    straddle = uuid.UUID(bytes=ids[0].bytes[8:] + ids[1].bytes[:8])
    assert straddle not in packed


def test_a_lazy_model_keeps_uuid_ids_16_bytes_each(qtbot) -> None:  # type: ignore[no-untyped-def]
    ids = [uuid.uuid4() for _ in range(5000)]
    model = LazyTableModel([Column("编号", lambda r: r.id)], lambda _k, _d: list(ids),
                           lambda page: [Row(i, "") for i in page])  # type: ignore[arg-type]
    load(qtbot, model)
    assert model.rowCount() == 5000 and model.id_at(4321) == ids[4321] and model.row_of(ids[17]) == 17
    held = model._ids  # what the model keeps between reloads
    assert not isinstance(held, list) and sys.getsizeof(held) + sys.getsizeof(held._data) < 17 * 5000  # type: ignore[attr-defined]
