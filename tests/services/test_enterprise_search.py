"""Enterprise list: search by each kind, filters, sort orders, lazy rows; the in-process
index gives exactly the SQL path's answers and follows every committed write."""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from dataclasses import replace

import pytest
from sqlalchemy import insert

from app.domain.credit_code import make_code
from app.domain.districts import NAMES
from app.models import Enterprise
from app.models.database import Database
from app.services.enterprises import registry as svc
from app.services.enterprises import search, search_terms
from app.services.enterprises import search_index as enterprise_search_index
from app.services.enterprises.names import name_initials
from app.services.enterprises.registry import EnterpriseInput
from app.services.enterprises.search import EnterpriseFilter, SortKey
from app.services.station.identity import NewStation, create_station

PEOPLE = [
    # name, code, phone, district, industry code, employees, revenue
    ("广州云帆科技有限公司", make_code("91440106MA5YF0001"), "13800138000", "天河区", "6510", 50, 1200),
    ("广州市云帆物流有限公司", make_code("91440111MA5YF0002"), "13922001234", "白云区", "5899", 500, 40000),
    ("广州丙丁贸易有限公司", make_code("91440104MA5BD0003"), "020-38881380", "越秀区", "5191", 8, 2000),
    ("广州华盛餐饮管理有限公司", "", "13711112222", "越秀区", "6210", 120, 3000),
    ("广州ABC电子商务有限公司", make_code("91440113MA5AB0004"), "15900001380", "番禺区", "5292", 3, 30),
    ("海珠区小云便利店", "", "", "海珠区", "", None, None),
]


@pytest.fixture
def ids(db: Database) -> dict[str, uuid.UUID]:
    with db.begin() as s:
        create_station(s, NewStation("GZ-TH-001", "天河区服务站", "天河区", manager_name="王站长"))
    found = {}
    for name, code, phone, district, industry, employees, revenue in PEOPLE:
        with db.begin() as s:
            data = EnterpriseInput(credit_code=code, name=name, industry_code=industry, district=district,
                                   contact_phone=phone, employees=employees, revenue=revenue)
            found[name] = svc.create(s, data).id
    with db.begin() as s:
        svc.delete(s, found["广州市云帆物流有限公司"])
    return found


@pytest.fixture(params=["sql", "index"])
def path(request: pytest.FixtureRequest, db: Database, ids: dict[str, uuid.UUID]) -> Iterator[str]:
    if request.param == "index":
        with db.begin() as s:
            search.warm_up(s)
            assert search.ready_index(s) is not None
    yield request.param


def names(db: Database, ids: dict[str, uuid.UUID], filt: EnterpriseFilter, key: SortKey = SortKey.NAME,
          descending: bool = False) -> list[str]:
    by_id = {v: k for k, v in ids.items()}
    with db.begin() as s:
        found = search.query_ids(s, filt, key, descending)
        assert search.count(s, filt) == len(found)
    return [by_id[i] for i in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("云帆", ["广州云帆科技有限公司"]),  # the deleted 云帆物流 is left out
        ("云", ["广州云帆科技有限公司", "海珠区小云便利店"]),
        ("gzyf", ["广州云帆科技有限公司"]),  # pinyin initials, prefix
        ("yfkj", ["广州云帆科技有限公司"]),  # … and substring
        ("GZHS", ["广州华盛餐饮管理有限公司"]),
        ("9144010", ["广州丙丁贸易有限公司", "广州云帆科技有限公司"]),  # credit-code prefix
        ("91440113ma5", ["广州ABC电子商务有限公司"]),
        ("1380", ["广州ABC电子商务有限公司", "广州丙丁贸易有限公司", "广州云帆科技有限公司"]),  # phone substring
        ("020-3888", ["广州丙丁贸易有限公司"]),
        ("ａｂｃ", ["广州ABC电子商务有限公司"]),  # full-width typing
        ("广州 贸易", ["广州丙丁贸易有限公司"]),  # words are ANDed
        ("%", []),
        ("云帆物流", []),
        ("", ["广州ABC电子商务有限公司", "广州丙丁贸易有限公司", "广州华盛餐饮管理有限公司", "广州云帆科技有限公司",
              "海珠区小云便利店"]),
    ],
)
def test_search_kinds(db: Database, ids: dict[str, uuid.UUID], path: str, text: str, expected: list[str]) -> None:
    assert names(db, ids, EnterpriseFilter(text=text)) == expected


def test_filters(db: Database, ids: dict[str, uuid.UUID], path: str) -> None:
    assert names(db, ids, EnterpriseFilter(district="越秀区")) == ["广州丙丁贸易有限公司", "广州华盛餐饮管理有限公司"]
    assert names(db, ids, EnterpriseFilter(industry_section="H")) == ["广州华盛餐饮管理有限公司"]
    assert names(db, ids, EnterpriseFilter(size="small")) == ["广州丙丁贸易有限公司", "广州云帆科技有限公司"]
    assert names(db, ids, EnterpriseFilter(text="广州", size="micro")) == ["广州ABC电子商务有限公司"]
    assert names(db, ids, EnterpriseFilter(status="closed")) == []
    assert names(db, ids, EnterpriseFilter(warning_only=True)) == []
    assert names(db, ids, EnterpriseFilter(district="不存在区")) == []


def test_sort_orders(db: Database, ids: dict[str, uuid.UUID], path: str) -> None:
    every = EnterpriseFilter()
    by_district = names(db, ids, every, SortKey.DISTRICT)
    assert by_district == ["广州丙丁贸易有限公司", "广州华盛餐饮管理有限公司", "海珠区小云便利店", "广州云帆科技有限公司",
                           "广州ABC电子商务有限公司"]
    assert names(db, ids, every, SortKey.SIZE) == [  # medium, small, small (by name), micro, unknown last
        "广州华盛餐饮管理有限公司", "广州丙丁贸易有限公司", "广州云帆科技有限公司", "广州ABC电子商务有限公司", "海珠区小云便利店",
    ]
    assert names(db, ids, every, SortKey.INDUSTRY)[0] == "海珠区小云便利店"  # no industry first
    assert names(db, ids, every, SortKey.UPDATED_AT)[-1] == "海珠区小云便利店"  # saved last
    for key in SortKey:
        assert names(db, ids, every, key, descending=True) == names(db, ids, every, key)[::-1]


def test_fetch_rows_keeps_the_order_and_drops_deleted(db: Database, ids: dict[str, uuid.UUID]) -> None:
    wanted = [ids["海珠区小云便利店"], ids["广州市云帆物流有限公司"], ids["广州云帆科技有限公司"]]
    with db.begin() as s:
        rows = search.fetch_rows(s, wanted)
    assert [r.name for r in rows] == ["海珠区小云便利店", "广州云帆科技有限公司"]
    assert (rows[1].size_label, rows[1].industry_label, rows[1].status_label) == ("小型", "软件和信息技术服务业", "正常")
    with db.begin() as s:
        assert search.fetch_rows(s, []) == []


def test_index_follows_commits_but_not_rollbacks(db: Database, ids: dict[str, uuid.UUID]) -> None:
    with db.begin() as s:
        search.warm_up(s)
    yf = EnterpriseFilter(text="云帆")
    with db.begin() as s:
        svc.create(s, EnterpriseInput(name="广州云帆新材料有限公司", district="南沙区"))
    with pytest.raises(RuntimeError), db.begin() as s:
        svc.create(s, EnterpriseInput(name="广州云帆回滚有限公司", district="南沙区"))
        raise RuntimeError("the user action failed after the save")
    with db.begin() as s:
        found = search.query_ids(s, yf)
        assert len(found) == 2 and found == search.sql_query_ids(s, yf, SortKey.NAME, False)
    first = ids["广州云帆科技有限公司"]
    with db.begin() as s:
        detail = svc.get(s, first)
        svc.update(s, first, replace(detail.to_input(), name="广州星河科技有限公司"), detail.version)
    with db.begin() as s:
        assert first not in search.query_ids(s, yf)
        assert search.query_ids(s, EnterpriseFilter(text="gzxh")) == [first]
    with db.begin() as s:  # a phone's 4-digit runs follow its edits
        detail = svc.get(s, first)
        svc.update(s, first, replace(detail.to_input(), contact_phone="020-87654321"), detail.version)
    with db.begin() as s:
        assert first not in search.query_ids(s, EnterpriseFilter(text="13800138"))
        assert search.query_ids(s, EnterpriseFilter(text="8765")) == [first]
        assert search.query_ids(s, EnterpriseFilter(text="0208765432")) == [first]
    with db.begin() as s:
        svc.restore(s, ids["广州市云帆物流有限公司"])
        svc.delete(s, ids["海珠区小云便利店"])
    with db.begin() as s:
        assert ids["广州市云帆物流有限公司"] in search.query_ids(s, yf)
        assert search.query_ids(s, EnterpriseFilter(text="便利店")) == []


def test_other_writers_report_through_note_changed(db: Database, ids: dict[str, uuid.UUID]) -> None:
    with db.begin() as s:
        search.warm_up(s)
    with db.begin() as s:  # e.g. the importer's bulk insert
        new_id = uuid.uuid4()
        s.execute(insert(Enterprise), [{"id": new_id, "name": "广州导入测试有限公司", "name_initials": "gzdrcsyxgs",
                                        "district": "天河区"}])
        search.note_changed(s, [new_id])
    with db.begin() as s:
        assert search.query_ids(s, EnterpriseFilter(text="导入")) == [new_id]
        search.invalidate(s)
        assert search.ready_index(s) is None
        assert search.query_ids(s, EnterpriseFilter(text="导入")) == [new_id]  # SQL again


# few: result assembly always by position, mixed, never; chunk: a lazy result's first scan;
# bulk: 2,500 changes re-sort once, or are inserted one by one (ids found through one dict)
@pytest.mark.parametrize(("few", "chunk", "bulk"), [(1, 4096, 2000), (64, 7, 10**9), (10**9, 1, 2000)])
def test_index_and_sql_agree_on_random_data(
    db: Database, ids: dict[str, uuid.UUID], few: int, chunk: int, bulk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """2,500 rows written by another writer (a bulk import: the index re-sorts once)."""
    monkeypatch.setattr(enterprise_search_index, "_FEW", few)
    monkeypatch.setattr(enterprise_search_index, "_BULK", bulk)
    monkeypatch.setattr(search_terms, "SCAN_CHUNK", chunk)  # a large result finds its rows chunk by chunk
    with db.begin() as s:
        search.warm_up(s)
    rng = random.Random(4)
    brands, trades = "云帆华盛鑫源恒泰信诚德丰博瑞嘉宏利通远航星汇明光", ["科技", "贸易", "餐饮管理", "物业管理", "电子"]
    sections = {
        "科技": ("I", "6510"), "贸易": ("F", "5191"), "餐饮管理": ("H", "6210"), "物业管理": ("K", "7020"),
        "电子": ("C", "3990"),
    }
    with db.begin() as s:
        station_id = s.get(Enterprise, ids["广州云帆科技有限公司"]).station_id  # type: ignore[union-attr]
        rows = []
        for i in range(2500):
            trade = rng.choice(trades)
            name = f"{rng.choice(['广州', '广州市', ''])}{rng.choice(brands)}{rng.choice(brands)}{trade}有限公司"
            rows.append({
                "station_id": station_id, "name": name, "name_initials": name_initials(name),
                "credit_code": make_code(f"914401{rng.randint(3, 18):02d}MA5{rng.randint(0, 999999):06d}")
                if i % 7 else None,
                "contact_phone": f"13{rng.randint(0, 999999999):09d}", "district": rng.choice([*NAMES, None]),
                "industry_section": sections[trade][0], "industry_code": sections[trade][1],
                "size": rng.choice(["large", "medium", "small", "micro", None]),
                "status": rng.choice(["active", "active", "closed", "moved"]),
                "credit_code_warning": i % 11 == 0, "deleted": i % 13 == 0, "id": uuid.uuid4(),
            })
        s.execute(insert(Enterprise), rows)
        search.note_changed(s, [r["id"] for r in rows])
    filters = [EnterpriseFilter(text=t) for t in ["云", "帆华", "科技", "gz", "yf", "9144010", "914401", "13", "888", "z",
                                                "1388", "3888", "13888", "00013", "8080808"]]
    filters += [
        EnterpriseFilter(district="天河区"), EnterpriseFilter(text="广州", size="small", status="active"),
        EnterpriseFilter(industry_section="K", warning_only=True), EnterpriseFilter(text="科技 gz"),
    ]
    with db.begin() as s:
        expected = {
            (f, k, d): search.sql_query_ids(s, f, k, d) for f in filters for k in SortKey for d in (False, True)
        }
        assert search.ready_index(s) is not None
        assert rows[1]["id"] in [x.id for x in svc.find_duplicates(s, "", rows[1]["name"]).similar_names]
        for (f, k, d), want in expected.items():
            assert search.query_ids(s, f, k, d) == want, (f, k, d)
            assert search.count(s, f) == len(want)
            found = search.query_ids(s, f, k, d)  # a fresh result, read out of order
            assert found[-1:] == want[-1:] and found[3:9] == want[3:9] and found[::-7] == want[::-7], (f, k, d)


def test_index_results_are_read_only_snapshots(db: Database, ids: dict[str, uuid.UUID]) -> None:
    with db.begin() as s:
        search.warm_up(s)
        found = search.query_ids(s, EnterpriseFilter(text="广州"))
        everything = search.query_ids(s, EnterpriseFilter(), SortKey.DISTRICT, descending=True)
    assert len(found) == 4 and found[0] == ids["广州ABC电子商务有限公司"] and found[-1] == ids["广州云帆科技有限公司"]
    assert found[1:3] == [ids["广州丙丁贸易有限公司"], ids["广州华盛餐饮管理有限公司"]]
    assert list(everything)[-1] == ids["广州丙丁贸易有限公司"] and ids["海珠区小云便利店"] in everything
    with db.begin() as s:
        svc.delete(s, ids["广州ABC电子商务有限公司"])
    assert len(found) == 4  # what the list model holds does not shift under it
    with db.begin() as s:
        assert len(search.query_ids(s, EnterpriseFilter(text="广州"))) == 3


def test_slot_runs_cut_name_order_into_consecutive_slots() -> None:
    from array import array

    from app.services.enterprises.search_columns import slot_runs

    assert slot_runs(array("i")) == []
    assert slot_runs(array("i", range(5))) == [slice(0, 5)]
    assert slot_runs(array("i", [0, 1, 2, 7, 3, 4, 9])) == [slice(0, 3), slice(7, 8), slice(3, 5), slice(9, 10)]
