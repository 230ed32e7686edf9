"""Faults at each protocol step, against the real HQ: lost replies, edits in flight,
crashes between a page and its cursor, HQ's 410.  Each broken variant kept in the
engine (app.sync.engine.Faults) must make the matching check fail."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Engine, text

from app.models import Enterprise
from app.sync.client import OfflineError, PulledPage, SyncClient
from app.sync.engine import Faults, sync

from .helpers import add_work, assert_station_equals_hq, hq_count, local_rows, outbox_size


class Crash(BaseException):
    """A process dying at this point (not an error the engine could handle)."""


class Recording(SyncClient):
    """The real client, plus hooks before/after a push or pull reaches HQ."""

    def __init__(self, base: SyncClient, *, lose_push_replies: int = 0, before_push: Any = None, before_pull: Any = None) -> None:
        super().__init__(base.base_url, base.token, http=base.http)
        self.lose, self.before_push, self.before_pull = lose_push_replies, before_push, before_pull
        self.pushes: list[tuple[str, str]] = []

    def push(self, batch_id: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
        if self.before_push:
            self.before_push()
        answer = super().push(batch_id, rows)
        self.pushes.append((batch_id, answer["status"]))
        if self.lose > 0:
            self.lose -= 1
            raise OfflineError("回复丢失（测试）")
        return answer

    def pull_page(self, cursor: Any, limit: int, table: str | None = None, figures: tuple[str, ...] | None = None) -> PulledPage:
        if self.before_pull:
            self.before_pull()
        return super().pull_page(cursor, limit, table, figures)


def test_lost_push_reply_is_resent_under_the_same_id_and_not_duplicated(make_station, hq_engine: Engine) -> None:  # type: ignore[no-untyped-def]
    a = make_station("GZ-LOST")
    add_work(a.db, a.station_id, 12)
    queued = outbox_size(a.db)
    lossy = Recording(a.client(), lose_push_replies=1)
    first = sync(a.db, lossy)
    assert not first.completed and "回复丢失" in first.message
    assert outbox_size(a.db) == queued  # HQ committed, we did not hear: nothing dropped locally
    assert hq_count(hq_engine, "station_id = :s AND tbl = 'enterprise'", s=a.station_id) == 12
    retry = Recording(a.client())
    second = sync(a.db, retry)
    assert second.completed, second.message
    assert retry.pushes[0] == (lossy.pushes[0][0], "already_applied")
    with hq_engine.connect() as conn:
        batches = conn.execute(text("SELECT count(*) FROM applied_batch WHERE station_id = :s"), {"s": a.station_id}).scalar()
        versions = set(conn.execute(text("SELECT version FROM replica_row WHERE station_id = :s AND tbl <> 'station'"),
                                    {"s": a.station_id}).scalars())
    assert batches == len({b for b, _ in lossy.pushes + retry.pushes})
    assert versions == {1}, "a resent batch must not apply anything twice"
    assert_station_equals_hq(a.db, hq_engine, a.station_id)


def _edit_during_push(make_station, hq_engine: Engine, code: str, clear_all: bool) -> bool:  # type: ignore[no-untyped-def]
    """True when an edit made while a push was in flight reached HQ."""
    a = make_station(code)
    ids = add_work(a.db, a.station_id, 3)
    assert sync(a.db, a.client()).completed
    with a.db.begin() as s:
        s.get(Enterprise, ids[0]).notes = "before"

    def edit() -> None:
        if client.pushes:
            return
        with a.db.begin() as s:
            s.get(Enterprise, ids[1]).contact_name = "在途修改"

    client = Recording(a.client(), before_push=edit)
    assert sync(a.db, client, faults=Faults(clear_all_on_ack=clear_all)).completed
    assert sync(a.db, a.client()).completed
    with hq_engine.connect() as conn:
        value = conn.execute(text("SELECT data->>'contact_name' FROM replica_row WHERE id = :i"), {"i": ids[1]}).scalar()
    return value == "在途修改"


def test_edit_made_while_a_push_is_in_flight_survives(make_station, hq_engine: Engine) -> None:  # type: ignore[no-untyped-def]
    assert _edit_during_push(make_station, hq_engine, "GZ-FLIGHT", clear_all=False)


def test_clear_all_on_ack_variant_is_caught(make_station, hq_engine: Engine) -> None:  # type: ignore[no-untyped-def]
    assert not _edit_during_push(make_station, hq_engine, "GZ-FLIGHT-BROKEN", clear_all=True)


def _crash_between_page_and_cursor(make_station, hq_engine: Engine, code: str, cursor_apart: bool) -> Any:  # type: ignore[no-untyped-def]
    source = make_station(f"{code}-SRC")
    add_work(source.db, source.station_id, 25, seed=7)
    assert sync(source.db, source.client()).completed
    b = make_station(code)
    calls = {"n": 0}

    def crash() -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise Crash

    with pytest.raises(Crash):
        sync(b.db, b.client(), page_size=7, faults=Faults(cursor_apart=cursor_apart, between_page_and_cursor=crash))
    return b, sync(b.db, b.client(), page_size=7, verify=False)


def test_crash_between_page_and_cursor_loses_nothing(make_station, hq_engine: Engine) -> None:  # type: ignore[no-untyped-def]
    b, rerun = _crash_between_page_and_cursor(make_station, hq_engine, "GZ-ATOM", cursor_apart=False)
    assert rerun.completed
    assert_station_equals_hq(b.db, hq_engine, b.station_id)


def test_cursor_committed_apart_from_its_page_is_caught(make_station, hq_engine: Engine) -> None:  # type: ignore[no-untyped-def]
    b, rerun = _crash_between_page_and_cursor(make_station, hq_engine, "GZ-ATOM-BROKEN", cursor_apart=True)
    assert rerun.completed  # the broken variant believes it finished ...
    with pytest.raises(AssertionError, match="missing locally"):
        assert_station_equals_hq(b.db, hq_engine, b.station_id)  # ... but a page is gone
    touch = make_station("GZ-ATOM-TOUCH")  # HQ moves on, so the next sync has something to check
    add_work(touch.db, touch.station_id, 1, seed=9)
    assert sync(touch.db, touch.client()).completed
    repaired = sync(b.db, b.client(), verify=True)  # the count-and-hash check finds and repairs it (trap 11)
    assert repaired.completed and "enterprise" in repaired.repaired
    assert_station_equals_hq(b.db, hq_engine, b.station_id)


def test_resync_after_the_horizon_bootstraps_and_keeps_local_edits(make_station, hq_engine: Engine) -> None:  # type: ignore[no-untyped-def]
    a = make_station("GZ-HORIZON")
    ids = add_work(a.db, a.station_id, 6, seed=3)
    assert sync(a.db, a.client()).completed
    with hq_engine.begin() as conn:  # HQ purged a tombstone this station never saw, and moved its horizon
        conn.execute(text("DELETE FROM replica_row WHERE id = :i"), {"i": ids[5]})
        conn.execute(text("INSERT INTO hq_meta (key, value) VALUES ('purged_through_txid', :v) "
                          "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value"),
                     {"v": str(conn.execute(text("SELECT pg_current_xact_id()::text")).scalar_one())})

    def edit_once() -> None:
        if not edited:
            edited.append(True)
            with a.db.begin() as s:
                s.get(Enterprise, ids[0]).notes = "离线修改"

    edited: list[bool] = []
    result = sync(a.db, Recording(a.client(), before_pull=edit_once))
    assert result.completed and result.bootstrapped, result.message
    assert outbox_size(a.db) > 0  # the local edit made meanwhile is still queued
    final = sync(a.db, a.client())
    assert final.completed and final.pushed >= 1
    with hq_engine.connect() as conn:
        assert conn.execute(text("SELECT data->>'notes' FROM replica_row WHERE id = :i"), {"i": ids[0]}).scalar() == "离线修改"
    assert ("enterprise", ids[5].hex) not in local_rows(a.db, ("enterprise",), live_only=True)
    assert_station_equals_hq(a.db, hq_engine, a.station_id)
