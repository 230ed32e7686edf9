"""A sync is two requests (push, pull) when there is something to push, one when there is
not: no hello (every answer names HQ's time) and no /v1/check (the last pull page carries
HQ's figures).  Against an HQ that predates the figures, the client asks /v1/check."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

from app.sync import protocol
from app.sync.engine import LAST_CHECK_KEY, sync
from app.sync.enrolment import open_client

from .helpers import add_work, assert_station_equals_hq


class Recording:
    """The test HQ's transport, keeping the path of every request; `old_hq` drops the
    `figures` a pull asks for, as an HQ of the older version ignores it."""

    def __init__(self, http: Any, old_hq: bool = False) -> None:
        self.http, self.old_hq, self.paths = http, old_hq, []
        self.base_url = http.base_url

    def request(self, method: str, url: str, **kw: Any) -> Any:
        self.paths.append(url)
        if self.old_hq and url.endswith("/v1/pull"):
            body = protocol.decode(kw["content"], protocol.CONTENT_ENCODING)
            body.pop("figures", None)
            kw["content"] = protocol.encode(body)
        return self.http.request(method, url, **kw)


def _check_passed(db: Any) -> bool:
    with db.engine.connect() as conn:
        return conn.execute(text("SELECT 1 FROM profile_meta WHERE key = :k"), {"k": LAST_CHECK_KEY}).first() is not None


def test_a_sync_with_work_is_push_and_pull_and_a_quiet_one_is_one_pull(make_station, hq_engine) -> None:  # type: ignore[no-untyped-def]
    a = make_station("GZ-TWO-A")
    add_work(a.db, a.station_id, 12)
    wire = Recording(a.http)
    result = sync(a.db, open_client(a.db, http=wire))
    assert result.completed and result.pushed > 0, result.message
    assert wire.paths == ["/v1/push", "/v1/pull"], wire.paths
    assert _check_passed(a.db)  # the check ran, on the figures of the last page
    assert_station_equals_hq(a.db, hq_engine, a.station_id)
    wire.paths.clear()
    again = sync(a.db, open_client(a.db, http=wire))
    assert again.completed and again.round_trips == 1 and wire.paths == ["/v1/pull"]


def test_the_check_still_finds_a_difference_from_the_pages_figures(make_station, hq_engine) -> None:  # type: ignore[no-untyped-def]
    a = make_station("GZ-TWO-B")
    add_work(a.db, a.station_id, 5)
    assert sync(a.db, a.client()).completed
    with a.db.engine.begin() as conn:  # a row HQ never heard of, behind capture's back
        conn.exec_driver_sql("UPDATE sync_control SET applying = 1")
        conn.exec_driver_sql("UPDATE service_record SET version = version + 7 WHERE rowid = (SELECT min(rowid) FROM service_record)")
        conn.exec_driver_sql("UPDATE sync_control SET applying = 0")
    result = sync(a.db, a.client(), verify=True)
    assert result.completed and result.repaired == ["service_record"], result
    assert_station_equals_hq(a.db, hq_engine, a.station_id)


def test_an_hq_without_figures_is_asked_check(make_station, hq_engine) -> None:  # type: ignore[no-untyped-def]
    a = make_station("GZ-TWO-C")
    add_work(a.db, a.station_id, 8)
    wire = Recording(a.http, old_hq=True)
    result = sync(a.db, open_client(a.db, http=wire))
    assert result.completed, result.message
    assert wire.paths == ["/v1/push", "/v1/pull", "/v1/check"], wire.paths
    assert _check_passed(a.db)
    assert_station_equals_hq(a.db, hq_engine, a.station_id)


def test_the_clock_offset_comes_from_the_sync_own_answers(make_station) -> None:  # type: ignore[no-untyped-def]
    a = make_station("GZ-TWO-D")
    with a.db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE sync_clock SET offset_ms = 3600000 WHERE id = 1")
    assert sync(a.db, a.client()).completed
    with a.db.engine.connect() as conn:
        offset = conn.exec_driver_sql("SELECT offset_ms FROM sync_clock WHERE id = 1").scalar_one()
    assert abs(offset) < 5_000, offset  # the test HQ runs on this machine's clock
