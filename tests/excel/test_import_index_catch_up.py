"""A large import: the search index catches up after the commit, in the background, and
the list finds the imported rows all along (SQL answers until the index is current)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from app.services.enterprises import registry, search_live
from app.services.enterprises import search as enterprise_search
from app.services.enterprises.validation import EnterpriseInput
from app.services.excel import import_enterprises as excel_import

_FIND = enterprise_search.EnterpriseFilter(text="广州丙软件")


@pytest.fixture
def bulk(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(excel_import, "BULK_INDEX", 1)  # the messy workbook's 8 rows count as a large import


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """The background catch-up waits for `held.set()` before it reads the rows back."""
    gate = threading.Event()
    real = search_live._read_entries

    def read(connection, ids):  # type: ignore[no-untyped-def]
        if threading.current_thread().name == "enterprise-search-catch-up":
            assert gate.wait(30)
        return real(connection, ids)

    monkeypatch.setattr(search_live, "_read_entries", read)
    yield gate
    gate.set()


def _index_finds(db, filt: enterprise_search.EnterpriseFilter) -> int:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        assert enterprise_search.wait_caught_up(s, 30)
        index = enterprise_search.ready_index(s)
        assert index is not None, "the index went live again"
        return len(index.query(filt.criteria(), enterprise_search.SortKey.NAME, False))


def test_imported_rows_are_found_before_and_after_the_catch_up(db, world, messy: Path, bulk, held) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        enterprise_search.warm_up(s)
        before = enterprise_search.count(s)
    imported = excel_import.import_enterprises(db, messy, confirm_warnings=True).imported
    with db.begin() as s:  # the catch-up has not read anything yet: the stale index must not answer
        assert enterprise_search.ready_index(s) is None
        assert len(enterprise_search.query_ids(s, _FIND)) == 1
        assert enterprise_search.count(s) == before + imported
    held.set()
    assert _index_finds(db, _FIND) == 1
    assert _index_finds(db, enterprise_search.EnterpriseFilter()) == before + imported


def test_writes_during_the_catch_up_reach_the_index(db, world, messy: Path, bulk, held) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        enterprise_search.warm_up(s)
    excel_import.import_enterprises(db, messy, confirm_warnings=True)
    with db.begin() as s:  # an edit committed while the catch-up waits
        detail = registry.get(s, world.enterprise_id)
        registry.update(s, world.enterprise_id, EnterpriseInput(name="广州市新名字科技有限公司", district="天河区"), detail.version)
    held.set()
    assert _index_finds(db, enterprise_search.EnterpriseFilter(text="新名字")) == 1
    assert _index_finds(db, enterprise_search.EnterpriseFilter(text="甲乙科技")) == 0
    assert _index_finds(db, _FIND) == 1


def test_a_small_import_keeps_the_index_current_at_once(db, world, messy: Path) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        enterprise_search.warm_up(s)
    excel_import.import_enterprises(db, messy, confirm_warnings=True)
    with db.begin() as s:
        index = enterprise_search.ready_index(s)
        assert index is not None
        assert len(index.query(_FIND.criteria(), enterprise_search.SortKey.NAME, False)) == 1


def test_a_failed_catch_up_leaves_search_to_sql(db, world, messy: Path, bulk, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        enterprise_search.warm_up(s)

    def broken(connection, ids):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk gone")

    monkeypatch.setattr(search_live, "_read_entries", broken)
    excel_import.import_enterprises(db, messy, confirm_warnings=True)
    with db.begin() as s:
        assert enterprise_search.wait_caught_up(s, 30)
        assert enterprise_search.ready_index(s) is None
        assert len(enterprise_search.query_ids(s, _FIND)) == 1
        enterprise_search.warm_up(s)  # builds again
        assert enterprise_search.ready_index(s) is not None
