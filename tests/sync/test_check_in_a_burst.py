"""The check in a burst of syncs: HQ's figures count rows that other pushes committed above
the page's watermark, so they differ while HQ is moving.  The catch-up pull brings rows then,
and the repair (a whole table re-pulled) waits for a later sync, MAX_DEFERRED times at most;
a difference that stays is repaired, and at once when HQ is quiet or in an audit."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from app.sync import protocol
from app.sync.engine import DEFERRED_KEY, LAST_CHECK_KEY, MAX_DEFERRED, sync
from app.sync.enrolment import open_client

from .helpers import add_work, assert_station_equals_hq


class MovingHq:
    """The test HQ's transport for station A.  Before each of A's pulls but the first, another
    station pushes (HQ moves on); every pull's figures count one enterprise more than HQ holds
    for A, as a snapshot does that sees a push committed above the watermark; `says_moving`:
    and name the table in `check.moving`, as HQ does since session 9."""

    def __init__(self, http: Any, other: Any, says_moving: bool = False) -> None:
        self.http, self.other, self.base_url = http, other, http.base_url
        self.pulls, self.moving, self.phantom, self.says_moving = 0, True, True, says_moving

    def request(self, method: str, url: str, **kw: Any) -> Any:
        if url.endswith("/v1/pull"):
            self.pulls += 1
            if self.moving and self.pulls > 1:
                add_work(self.other.db, self.other.station_id, 1, seed=self.pulls)
                assert sync(self.other.db, self.other.client()).completed
        answer = self.http.request(method, url, **kw)
        if url.endswith("/v1/pull") and self.phantom:
            body = protocol.decode(answer.content, None)  # httpx has undone the zstd
            if isinstance(body.get("check"), dict):
                body["check"]["tables"]["enterprise"]["count"] += 1
                if self.says_moving:  # as HQ since session 9 names it (app.hq.pull.moving_tables)
                    body["check"]["moving"] = ["enterprise"]
                answer._content = protocol.dumps(body)
        return answer


def _meta(db: Any, key: str) -> str | None:
    with db.engine.connect() as conn:
        return conn.execute(text("SELECT value FROM profile_meta WHERE key = :k"), {"k": key}).scalar()


def test_a_moving_hq_puts_the_repair_off_and_a_quiet_one_gets_it(make_station, hq_engine) -> None:  # type: ignore[no-untyped-def]
    a, b = make_station("GZ-BURST-A"), make_station("GZ-BURST-B")
    add_work(a.db, a.station_id, 3)
    wire = MovingHq(a.http, b)
    result = sync(a.db, open_client(a.db, http=wire))
    assert result.completed and result.repaired == [], result  # the catch-up pull brought B's rows: HQ is moving
    assert _meta(a.db, LAST_CHECK_KEY) is None and _meta(a.db, DEFERRED_KEY) == "1"  # the check stays owed
    wire.moving = wire.phantom = False
    quiet = sync(a.db, open_client(a.db, http=wire))  # nothing to push or pull: the owed check runs
    assert quiet.completed and quiet.repaired == [], quiet
    assert _meta(a.db, LAST_CHECK_KEY) is not None and _meta(a.db, DEFERRED_KEY) is None
    assert_station_equals_hq(a.db, hq_engine, a.station_id)


@pytest.mark.parametrize("says_moving", [False, True], ids=["hq-moved", "hq-says-moving"])
def test_a_difference_that_stays_is_repaired_after_max_deferred_syncs(make_station, says_moving: bool) -> None:  # type: ignore[no-untyped-def]
    a, b = make_station(f"GZ-BURST-C{int(says_moving)}"), make_station(f"GZ-BURST-D{int(says_moving)}")
    add_work(a.db, a.station_id, 2)
    wire = MovingHq(a.http, b, says_moving=says_moving)
    repaired = []
    for _ in range(MAX_DEFERRED + 1):
        wire.pulls = 0
        result = sync(a.db, open_client(a.db, http=wire))
        assert result.completed, result.message
        repaired.append(result.repaired)
    assert repaired == [[]] * MAX_DEFERRED + [["enterprise"]], repaired
    assert _meta(a.db, DEFERRED_KEY) is None  # counted afresh after the repair


def test_a_quiet_hq_with_a_difference_repairs_at_once(make_station) -> None:  # type: ignore[no-untyped-def]
    a, b = make_station("GZ-BURST-E"), make_station("GZ-BURST-F")
    add_work(a.db, a.station_id, 2)
    wire = MovingHq(a.http, b)
    wire.moving = False  # the figures differ, but the catch-up pull brings nothing
    result = sync(a.db, open_client(a.db, http=wire))
    assert result.completed and result.repaired == ["enterprise"], result


def test_an_audit_never_waits(make_station) -> None:  # type: ignore[no-untyped-def]
    a, b = make_station("GZ-BURST-G"), make_station("GZ-BURST-H")
    add_work(a.db, a.station_id, 2)
    wire = MovingHq(a.http, b)
    result = sync(a.db, open_client(a.db, http=wire), verify=True)  # station-desk sync --check
    assert result.completed and result.repaired == ["enterprise"], result


def test_a_table_hq_names_moving_waits_without_a_catch_up_pull(make_station) -> None:  # type: ignore[no-untyped-def]
    a, b = make_station("GZ-BURST-I"), make_station("GZ-BURST-J")
    add_work(a.db, a.station_id, 2)
    wire = MovingHq(a.http, b, says_moving=True)
    result = sync(a.db, open_client(a.db, http=wire))
    assert result.completed and result.repaired == [] and wire.pulls == 1, (result, wire.pulls)
    assert result.round_trips == 2  # push and pull: the check took no third request
    assert _meta(a.db, LAST_CHECK_KEY) is None and _meta(a.db, DEFERRED_KEY) == "1"


def test_a_difference_outside_the_moving_tables_is_not_put_off_by_them(make_station) -> None:  # type: ignore[no-untyped-def]
    a, b = make_station("GZ-BURST-M"), make_station("GZ-BURST-N")
    add_work(a.db, a.station_id, 2)
    assert sync(a.db, a.client()).completed
    with a.db.engine.begin() as conn:  # a service record HQ never heard of, behind capture's back
        conn.exec_driver_sql("UPDATE sync_control SET applying = 1")
        conn.exec_driver_sql("UPDATE service_record SET version = version + 7 WHERE rowid = (SELECT min(rowid) FROM service_record)")
        conn.exec_driver_sql("UPDATE sync_control SET applying = 0")
    add_work(a.db, a.station_id, 1, seed=9)  # something to push: the check runs
    wire = MovingHq(a.http, b, says_moving=True)
    wire.moving = False  # HQ quiet: nothing to catch up with
    result = sync(a.db, open_client(a.db, http=wire))
    assert result.completed and "service_record" in result.repaired, result
