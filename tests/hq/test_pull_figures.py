"""A pull may ask for the sanity check's figures (`figures`): the last page carries HQ's
count and hash per table, the same as /v1/check answers; the older four-request flow
(hello, push, pull without figures, check) keeps answering as before, for stations
running an older version."""

from __future__ import annotations

from app.hq.table_hashes import kept_figures
from app.models.types import uuid7
from app.sync import protocol
from tests.hq.conftest import call
from tests.hq.factories import service_record


def test_the_last_page_carries_the_figures_check_would_answer(app_client, hq_engine, enrol) -> None:  # type: ignore[no-untyped-def]
    a = enrol("PF-A1")
    rows = [service_record(a.station_id, uuid7(), summary=f"r{i}") for i in range(7)]
    assert call(app_client, a, "/v1/push", {"batch_id": str(uuid7()), "rows": rows}).status_code == 200
    tables = ["enterprise", "service_record"]
    cursor, pages = None, []
    while True:
        answer = call(app_client, a, "/v1/pull", {"cursor": cursor, "limit": 3, "figures": tables}).json()
        pages.append(answer)
        cursor = answer["cursor"]
        if answer["done"]:
            break
    assert len(pages) > 2 and all("check" not in p for p in pages[:-1])  # only the last page
    figures = pages[-1]["check"]["tables"]
    with hq_engine.connect() as conn:
        kept, _ = kept_figures(conn, a.station_id, tables)
    assert figures == {t: {"count": c, "hash": h} for t, (c, h) in kept.items()}
    assert figures["service_record"]["count"] == 7
    checked = call(app_client, a, "/v1/check", {"tables": figures}).json()
    assert checked["mismatched"] == [] and checked["tables"] == {t: {**f, "match": True} for t, f in figures.items()}
    # cursor and done still lead the tail (the client peeks them), the clock still ends it
    again = call(app_client, a, "/v1/pull", {"cursor": cursor, "limit": 3, "figures": tables})
    tail = again.content[again.content.rindex(b'],"cursor":'):]
    assert tail.index(b'"done"') < tail.index(b'"check"') < tail.index(b'"server_time_ms"')


def test_figures_of_unknown_tables_are_refused_whole(app_client, enrol) -> None:  # type: ignore[no-untyped-def]
    a = enrol("PF-A2")
    for bad in (["enterprise", "sync_outbox"], "enterprise", [1], ["enterprise"] * (len(protocol.SYNCED_TABLES) + 1)):
        answer = call(app_client, a, "/v1/pull", {"cursor": None, "limit": 10, "figures": bad})
        assert answer.status_code == 422, (bad, answer.text)


def test_the_four_request_flow_of_older_stations_still_works(app_client, enrol) -> None:  # type: ignore[no-untyped-def]
    a = enrol("PF-A3")
    for version in ("1", "2"):
        headers = a.headers(**{protocol.PROTOCOL_HEADER: version})
        hello = app_client.get("/v1/hello", headers=headers)
        assert hello.status_code == 200 and hello.json()["station"]["id"] == str(a.station_id)
        rows = [service_record(a.station_id, uuid7(), summary=f"old-{version}-{i}") for i in range(3)]
        pushed = app_client.post("/v1/push", content=protocol.encode({"batch_id": str(uuid7()), "rows": rows}),
                                 headers={**headers, "Content-Encoding": "zstd"})
        assert pushed.status_code == 200 and pushed.json()["status"] == "applied"
        cursor = None
        while True:
            page = app_client.post("/v1/pull", content=protocol.encode({"cursor": cursor, "limit": 5}),
                                   headers={**headers, "Content-Encoding": "zstd"}).json()
            assert set(page) == {"rows", "cursor", "done", "server_time_ms"}  # no figures unless asked
            cursor = page["cursor"]
            if page["done"]:
                break
        checked = app_client.post("/v1/check", content=protocol.encode({"tables": {"service_record": {"count": 0, "hash": 0}}}),
                                  headers={**headers, "Content-Encoding": "zstd"}).json()
        assert checked["tables"]["service_record"]["count"] == 3 * int(version)
        assert checked["mismatched"] == ["service_record"]
