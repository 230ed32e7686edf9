"""Protocol 2: pull rows as arrays of the columns a station asks for (docs/sync-protocol.md,
"Pull rows as arrays").  They must store exactly what object rows store, also when HQ's
data lacks a key, and a version 1 conversation must never see them."""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine

from app.hq import pull as hq_pull
from app.hq import push as hq_push
from app.hq.hq_edits import publish_reference
from app.sync import protocol, pull
from app.sync.client import SyncClient
from app.sync.codec import codec, wire_columns
from app.sync.protocol import SYNCED_TABLES
from tests.hq.factories import enterprise, hlc, service_record
from tests.sync.test_codec import _fill, _storage


def _as_array(tbl: str, wire: dict[str, Any]) -> list[Any]:
    head = [tbl, wire["id"], wire.get("station_id"), wire["version"], wire["deleted"], wire.get("field_hlc"), None]
    return head + [wire["data"].get(name) for name in codec(tbl).data_columns]


def test_array_rows_store_the_same_bytes_as_object_rows(db) -> None:  # type: ignore[no-untyped-def]
    _fill(db)
    checked = 0
    for tbl in SYNCED_TABLES:
        k = codec(tbl)
        for row in _storage(db, tbl):
            wire = k.to_wire(row)
            array = json.loads(json.dumps(_as_array(tbl, wire)))  # through real JSON
            assert k.from_array(array) == k.to_storage(wire), tbl
            checked += 1
    assert checked >= 6


def test_absent_keys_take_the_column_default_as_in_object_rows() -> None:
    row_id = "01900000-0000-7000-8000-000000000001"
    data = {"name": "广州示例科技有限公司", "credit_code": None}  # everything else absent at HQ
    wire = {"tbl": "enterprise", "id": row_id, "station_id": None, "version": 3, "deleted": False, "data": data}
    array = _as_array("enterprise", wire)
    array[6] = [c for c in codec("enterprise").data_columns if c not in data]
    stored = codec("enterprise").from_array(array)
    assert stored == codec("enterprise").to_storage(wire)
    columns = codec("enterprise").columns
    assert stored[columns.index("name_initials")] == ""  # the column default, not NULL
    assert stored[columns.index("created_at")] is not None  # NOT NULL timestamp: the time in the uuid7 id


def test_hq_array_rows_convert_to_the_same_page_as_object_rows(hq_engine: Engine) -> None:
    station = uuid.uuid4()
    ent = enterprise(station, hlc(0), name="广州数组科技有限公司")
    rows = [ent, service_record(station, ent["id"], fee="12.30", reportable=False)]
    with hq_engine.begin() as conn:
        hq_push.apply_push(conn, station, uuid.uuid4(), rows)
        # a published reference row without timestamps or defaulted fields
        publish_reference(conn, "policy", [{"title": "稳岗补贴", "category": "employment"}])
    columns = wire_columns(SYNCED_TABLES)
    # one snapshot for both: the cursor ends at the watermark, the oldest transaction still
    # running on the whole server, which anything else using it moves between two transactions
    with hq_engine.connect().execution_options(isolation_level="REPEATABLE READ") as conn, conn.begin():
        objects = hq_pull.pull(conn, station, None, 1000)
        arrays = hq_pull.pull(conn, station, None, 1000, columns=columns)
    assert all(isinstance(r, dict) for r in objects.rows) and all(isinstance(r, list) for r in arrays.rows)
    policy = next(r for r in arrays.rows if r[0] == "policy")
    assert "created_at" in policy[6] and "title" not in policy[6]  # absent keys are named
    expected, got = pull.prepare(objects.rows), pull.prepare(arrays.rows)
    assert {t: sorted(v) for t, v in got.grouped.items()} == {t: sorted(v) for t, v in expected.grouped.items()}
    assert got.bases == expected.bases and got.max_hlc == expected.max_hlc > 0
    assert arrays.cursor == objects.cursor


def test_tables_not_named_stay_object_rows_in_a_mixed_page(hq_engine: Engine) -> None:
    station = uuid.uuid4()
    ent = enterprise(station, hlc(0))
    with hq_engine.begin() as conn:
        hq_push.apply_push(conn, station, uuid.uuid4(), [ent, service_record(station, ent["id"])])
    with hq_engine.begin() as conn:
        page = hq_pull.pull(conn, station, None, 1000, columns={"enterprise": ["name"]})
    mine = [r for r in page.rows if (r[1] if isinstance(r, list) else r["id"]) == ent["id"] or isinstance(r, dict)]
    assert any(isinstance(r, list) and r[0] == "enterprise" and len(r) == 8 for r in mine)
    assert any(isinstance(r, dict) and r["tbl"] == "service_record" for r in page.rows)


def test_a_version_1_request_gets_object_rows_even_when_it_names_columns(make_station: Any) -> None:
    st = make_station("ARR-V1")
    token = st.client().token
    body = {"cursor": None, "limit": 6000, "columns": wire_columns(SYNCED_TABLES)}
    for version, kind in (("1", dict), ("2", list)):
        headers = {protocol.PROTOCOL_HEADER: version, "Authorization": f"Bearer {token}"}
        answer = st.http.post("/v1/pull", json=body, headers=headers)
        assert answer.status_code == 200
        rows = answer.json()["rows"]
        assert rows and all(isinstance(r, kind) for r in rows), version
        hello = st.http.get("/v1/hello", headers=headers).json()
        assert hello["protocol"] == int(version) and hello["protocols"] == sorted(protocol.SUPPORTED_VERSIONS)


def _recording_client(answer: Any) -> tuple[SyncClient, list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        body = protocol.decode(request.content, request.headers.get("content-encoding")) if request.content else None
        seen.append((request.headers[protocol.PROTOCOL_HEADER], body))
        return answer(request)

    http = httpx.Client(base_url="https://hq.example", transport=httpx.MockTransport(handler))
    return SyncClient("https://hq.example", "tok", http=http), seen


def test_only_pages_bigger_than_the_default_ask_for_arrays() -> None:
    client, seen = _recording_client(lambda r: httpx.Response(200, json={"rows": [], "cursor": None, "done": True}))
    client.pull_page(None, protocol.MAX_PULL_LIMIT)
    client.pull_page(None, protocol.DEFAULT_PULL_LIMIT)
    assert seen[0][1]["columns"] == wire_columns(SYNCED_TABLES)
    assert "columns" not in seen[1][1]


@pytest.mark.parametrize("old_hq_versions", [{"1"}, set()])
def test_the_client_falls_back_to_version_1_once_when_hq_is_older(old_hq_versions: set[str]) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        if request.headers[protocol.PROTOCOL_HEADER] in old_hq_versions:
            return httpx.Response(200, json={"server_time_ms": 1})
        return httpx.Response(426, json={"error": "upgrade_required", "message": protocol.UPGRADE_MESSAGE})

    client, seen = _recording_client(answer)
    if old_hq_versions:
        assert client.hello() == {"server_time_ms": 1}
        client.hello()
        assert [v for v, _ in seen] == [str(protocol.PROTOCOL_VERSION), "1", "1"]
        assert client.protocol_version == 1
    else:  # HQ speaks neither: the user is told to upgrade, after one retry
        from app.sync.client import UpgradeRequired

        with pytest.raises(UpgradeRequired):
            client.hello()
        assert [v for v, _ in seen] == [str(protocol.PROTOCOL_VERSION), "1"]
