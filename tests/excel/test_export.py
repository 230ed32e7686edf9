"""Export: HQ's columns and cells, and a round trip through import."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from sqlalchemy import select

from app.domain.export_columns import ENTERPRISE_COLUMNS, ENTERPRISE_HEADERS
from app.models import Enterprise
from app.services.enterprises.search import EnterpriseFilter
from app.services.excel.export import export_enterprises
from app.services.excel.import_enterprises import import_enterprises
from app.services.station.identity import NewStation, create_station
from app.services.station.profiles import open_profile

STATION = NewStation(code="GZ-TH-001", name="天河区中小企业服务站", district="天河区", manager_name="王站长")


def _station_db(name: str):  # type: ignore[no-untyped-def]
    db = open_profile(name)
    with db.begin() as s:
        create_station(s, STATION)
    return db


def _cells(path: Path) -> tuple[str, list[tuple[Any, ...]]]:
    book = load_workbook(path)
    return book.active.title, list(book.active.iter_rows(values_only=True))


def test_round_trip(messy: Path, tmp_path: Path) -> None:
    first, second = _station_db("a"), _station_db("b")
    try:
        import_enterprises(first, messy, confirm_warnings=True)
        out_a, out_b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
        with first.begin() as s:
            assert export_enterprises(s, None, out_a) == 9
        again = import_enterprises(first, out_a, confirm_warnings=True)
        assert (again.imported, again.unchanged, again.rejected) == (0, 9, 0)
        fresh = import_enterprises(second, out_a, confirm_warnings=True)
        assert (fresh.imported, fresh.warnings, fresh.rejected) == (9, 1, 0)
        with second.begin() as s:
            export_enterprises(s, EnterpriseFilter(), out_b)
        title, rows = _cells(out_a)
        assert (title, rows[0]) == ("企业库", ENTERPRISE_HEADERS)
        assert _cells(out_b) == (title, rows)
        assert load_workbook(out_a).active.freeze_panes == "A2"
        assert {r[13] for r in rows[1:]} <= {"大型", "中型", "小型", "微型", None}
        with first.begin() as s:
            assert export_enterprises(s, EnterpriseFilter(district="白云区"), out_a) == 2
    finally:
        first.dispose()
        second.dispose()


class _FakeHQ:
    """Stands in for HQ's PostgreSQL connection: replica rows' JSON data."""

    def __init__(self, data: list[dict[str, Any]]) -> None:
        self.data = data

    def execute(self, *_args: object) -> list[tuple[dict[str, Any]]]:
        return [(d,) for d in self.data]


def test_same_file_as_hq_export(messy: Path, tmp_path: Path) -> None:
    from app.hq.export import export_enterprises as hq_export

    db = _station_db("a")
    try:
        import_enterprises(db, messy, confirm_warnings=True)
        ours = tmp_path / "station.xlsx"
        with db.begin() as s:
            export_enterprises(s, None, ours)
            by_code = {r.credit_code: r for r in s.scalars(select(Enterprise))}
    finally:
        db.dispose()
    _, rows = _cells(ours)
    data = []
    for row in rows[1:]:
        stored = by_code[row[0]]
        values = {f: getattr(stored, f) for _, f in ENTERPRISE_COLUMNS}
        data.append({k: str(v) if isinstance(v, Decimal) else v for k, v in values.items()})  # JSON-like
    theirs = tmp_path / "hq.xlsx"
    hq_export(_FakeHQ(data), theirs)  # type: ignore[arg-type]
    assert _cells(theirs) == _cells(ours)


def test_texts_that_look_like_formulas_stay_text(tmp_path: Path) -> None:
    """openpyxl writes any text beginning with "=" as a formula: an enterprise typed or imported
    as =HYPERLINK(…) would be a live link in the export, and a rejected row's cells (the
    import's error workbook echoes them) would come back as formulas the user never wrote."""
    from app.services.excel.export import write_error_workbook
    from app.services.excel.rows import ImportReport

    db = _station_db("f")
    hostile = '=HYPERLINK("http://example.invalid/x","点我查看")'
    with db.begin() as s:
        s.add(Enterprise(name=hostile, district="天河区", contact_name="=1+1"))
    out = tmp_path / "e.xlsx"
    with db.begin() as s:
        export_enterprises(s, None, out)
    [cells] = list(load_workbook(out).active.iter_rows(min_row=2))
    assert {c.value: c.data_type for c in cells if isinstance(c.value, str) and c.value[:1] == "="} == {
        hostile: "s", "=1+1": "s"}

    report = ImportReport(headers=["企业名称", "联系人"])
    report.reject(5, (hostile, "=1+1"), "企业名称", "企业名称：示例")
    errors = tmp_path / "errors.xlsx"
    assert write_error_workbook(report, errors) == 1
    [row] = list(load_workbook(errors).active.iter_rows(min_row=2))
    assert [(c.value, c.data_type) for c in row[2:]] == [(hostile, "s"), ("=1+1", "s")]
