"""The station sync endpoints are answered by the front door (app/hq/routes/station_asgi.py)
without FastAPI's routing, and answer exactly as their FastAPI routes do: one `answer` per
endpoint, the same caps, validation, token checks and error answers."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from sqlalchemy.exc import DataError
from starlette.testclient import TestClient

from app.hq import push as hq_push
from app.hq.asgi_guard import Guard
from app.hq.server import create_app
from app.models.types import uuid7
from app.sync import protocol
from tests.hq.factories import service_record

STATION_PATHS = {"/v1/hello", "/v1/push", "/v1/pull", "/v1/check"}


def _app(hq_engine: Any, *, front_door: bool) -> Any:
    """The service; `front_door=False`: the Guard passes the station endpoints on to FastAPI."""
    app = create_app(engine=hq_engine)
    if not front_door:
        for middleware in app.user_middleware:
            if middleware.cls is Guard:
                middleware.kwargs["handlers"] = None
    return app


def test_the_station_endpoints_answer_without_fastapi_routing(hq_engine, enrol) -> None:  # type: ignore[no-untyped-def]
    station = enrol("SA-1")
    app = _app(hq_engine, front_door=True)
    app.router.routes = [r for r in app.router.routes if getattr(r, "path", "") not in STATION_PATHS]
    with TestClient(app) as client:
        headers = station.headers(**{"Content-Encoding": "zstd"})
        assert client.get("/v1/hello", headers=station.headers()).json()["station"]["id"] == str(station.station_id)
        rows = [service_record(station.station_id, uuid7(), summary="快速通道")]
        pushed = client.post("/v1/push", content=protocol.encode({"batch_id": str(uuid7()), "rows": rows}), headers=headers)
        assert pushed.status_code == 200 and pushed.json()["accepted"] == 1, pushed.text
        pulled = client.post("/v1/pull", content=protocol.encode({"cursor": None, "figures": ["service_record"]}), headers=headers)
        assert pulled.status_code == 200 and pulled.headers["content-encoding"] == "zstd"
        assert pulled.json()["check"]["tables"]["service_record"]["count"] == 1
        checked = client.post("/v1/check", content=protocol.encode({"tables": {"service_record": {"count": 1, "hash": 0}}}),
                              headers=headers)
        assert checked.json()["mismatched"] == ["service_record"]
        # not a station endpoint: still FastAPI's (its route was not removed)
        assert client.get("/v1/push", headers=station.headers()).status_code == 405


def _hostile(station: Any, other: Any) -> list[tuple[str, str, dict[str, str], bytes | None]]:
    zstd = station.headers(**{"Content-Encoding": "zstd"})
    plain = station.headers(**{"Content-Type": "application/json"})
    return [
        ("GET", "/v1/hello", station.headers(), None),
        ("GET", "/v1/hello", other.headers(), None),  # a token that is not (or no longer) any station's
        ("POST", "/v1/pull", zstd, b"not zstd"),
        ("POST", "/v1/pull", plain, b"{not json"),
        ("POST", "/v1/pull", plain, b"[]"),
        ("POST", "/v1/pull", plain, b'{"limit": 0}'),
        ("POST", "/v1/pull", plain, b'{"figures": ["sync_outbox"]}'),
        ("POST", "/v1/pull", plain, b'{"cursor": {"txid": "1", "tbl": "", "id": "00000000-0000-0000-0000-000000000000"}}'),
        ("POST", "/v1/pull", station.headers(**{"Content-Encoding": "gzip"}), b"{}"),
        ("POST", "/v1/push", plain, b'{"batch_id": "x", "rows": []}'),
        ("POST", "/v1/push", plain, b'{"batch_id": "' + str(uuid.UUID(int=7)).encode() + b'", "rows": [{"tbl": "enterprise"}]}'),
        ("POST", "/v1/push", plain, b'{"batch_id": "' + str(uuid.UUID(int=8)).encode() + b'", "rows": [{"tbl": "x", "id": "'
         + str(uuid.UUID(int=9)).encode() + b'", "data": {"a": "\\u0000"}}]}'),
        ("POST", "/v1/check", plain, b'{"tables": {"sync_outbox": {"count": 0, "hash": 0}}}'),
        ("POST", "/v1/check", plain, b'{"tables": {"enterprise": {"count": -1, "hash": 0}}}'),
        ("POST", "/v1/check", plain, b""),
    ]


def _shape(answer: Any) -> tuple[int, Any]:
    try:
        body = answer.json()
    except ValueError:
        return answer.status_code, answer.content
    if isinstance(body, dict):
        body.pop("server_time_ms", None)
        if "cursor" in body:  # the watermark moves between the two calls
            body["cursor"] = "…"
    return answer.status_code, body


def test_the_front_door_answers_as_fastapi_did(hq_engine, enrol) -> None:  # type: ignore[no-untyped-def]
    station, other = enrol("SA-2"), enrol("SA-3")
    from app.hq import accounts

    with hq_engine.begin() as conn:
        accounts.revoke_station(conn, other.code)
    seen = []
    for front_door in (True, False):
        with TestClient(_app(hq_engine, front_door=front_door), client=(f"door-{front_door}", 1)) as client:
            seen.append([_shape(client.request(m, p, headers=h, content=b)) for m, p, h, b in _hostile(station, other)])
    assert seen[0] == seen[1]
    assert [s for s, _ in seen[0]] == [200, 401, 400, 400, 422, 422, 422, 200, 400, 422, 422, 422, 422, 422, 400]


def test_a_data_error_behind_wire_checks_is_a_422_not_a_500(hq_engine, enrol, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    station = enrol("SA-4")

    def broken(*_: Any, **__: Any) -> Any:
        raise DataError("INSERT …", {}, Exception("invalid input syntax"))

    monkeypatch.setattr(hq_push, "apply_push", broken)
    with TestClient(_app(hq_engine, front_door=True)) as client:
        answer = client.post("/v1/push", content=protocol.encode({"batch_id": str(uuid7()), "rows": []}),
                             headers=station.headers(**{"Content-Encoding": "zstd"}))
    assert answer.status_code == 422 and answer.json()["error"] == "invalid_data"


@pytest.mark.parametrize("path", ["/v1/push", "/v1/pull", "/v1/check"])
def test_a_client_that_hangs_up_mid_body_gets_no_answer_and_writes_nothing(hq_engine, enrol, path: str) -> None:  # type: ignore[no-untyped-def]
    import asyncio

    station = enrol(f"SA-5{path[-2:]}")
    app = _app(hq_engine, front_door=True)
    sent: list[dict[str, Any]] = []
    messages = iter([{"type": "http.request", "body": b'{"batch', "more_body": True}, {"type": "http.disconnect"}])

    async def receive() -> dict[str, Any]:
        return next(messages)

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    headers = [(k.lower().encode(), v.encode()) for k, v in station.headers().items()]
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
             "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "", "headers": headers,
             "client": ("192.0.2.7", 1000), "server": ("testserver", 80)}

    asyncio.run(app(scope, receive, send))
    assert sent == []
