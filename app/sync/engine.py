"""One sync with HQ: push → files → pull → check (docs/sync-protocol.md).

Two requests when there is anything to push, one when there is not: no hello (every
answer names HQ's time, and the quickest one sets the clock offset), and the check's
figures come with the last pull page (an HQ that predates that is asked /v1/check).

Every step is safe to interrupt (cancel, crash, network) and to run again: the push
batch is saved before it is sent, each pulled page commits with its cursor, and the
check repairs what does not match.  `Faults` holds the deliberately broken variants
and crash points; only tests set it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine

from app.models.database import Database
from app.sync import check, files, pull, push
from app.sync.client import PulledPage, ResyncRequired, SyncClient, SyncError
from app.sync.outcome import Faults, Progress, SyncCancelled, SyncResult, write_log
from app.sync.pipeline import PageStream
from app.sync.profile_meta import meta, set_meta
from app.sync.protocol import DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT, SYNCED_TABLES

__all__ = ["Faults", "SyncCancelled", "SyncResult", "sync"]

log = logging.getLogger(__name__)
LAST_CHECK_KEY = "sync_last_check_ms"
DEFERRED_KEY = "sync_check_deferred"  # checks in a row that put their repair off (HQ was moving)
MAX_DEFERRED = 3


@dataclass
class _Run:
    engine: Engine
    conn: Connection
    client: SyncClient
    result: SyncResult
    progress: Progress
    cancelled: Callable[[], bool]
    page_size: int | None
    faults: Faults
    figures: bool = True  # ask for the check's figures with the last pull page
    hq_check: dict[str, Any] | None = None  # HQ's figures from the last main pull page, until used

    def step(self) -> None:
        if self.cancelled():
            raise SyncCancelled()


def sync(
    db: Database,
    client: SyncClient,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    page_size: int | None = None,
    verify: bool | None = None,
    faults: Faults | None = None,
) -> SyncResult:
    """Run one sync.  Never raises SyncError: the result says whether it completed and,
    if not, why (in Chinese).  Other exceptions (bugs, a full disk) propagate.

    `verify`: None (default) runs the count-and-hash check after every sync that pushed
    or pulled rows, and after any sync while one is owed (none has passed since the last
    bootstrap); it uses the figures kept current by triggers, O(changes).  True always
    runs it and recomputes every table in full, repairing kept figures that drifted
    (`station-desk sync --check`); False never runs it."""
    started = time.perf_counter()
    result = SyncResult()
    trips_before = client.round_trips
    with db.engine.connect() as conn:
        run = _Run(db.engine, conn, client, result, progress or (lambda *_: None), cancelled or (lambda: False),
                   page_size, faults or Faults(), figures=verify is not False)
        try:
            run.progress("hello", 0, None)
            _push_all(run)
            _upload_files(run, db)
            _pull_with_resync(run)
            _set_clock(run)
            if verify or (verify is None and (result.pushed or result.pulled or _check_owed(run))):
                _verify(run, audit=bool(verify))
            result.completed = True
            result.message = "同步完成。"
        except SyncError as exc:
            log.warning("sync stopped: %s", exc)
            result.message = exc.message
            _set_clock(run)
        finally:
            result.seconds = time.perf_counter() - started
            result.round_trips = client.round_trips - trips_before
    write_log(db.engine, result)
    return result


def _set_clock(run: _Run) -> None:
    """The offset to HQ's clock from this sync's quickest answer (the hello of older versions)."""
    offset = run.client.clock_offset()
    if offset is not None:
        with run.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE sync_clock SET offset_ms = ? WHERE id = 1", (offset,))


def _push_all(run: _Run) -> None:
    total = push.pending_count(run.engine)
    while True:
        run.step()
        batch = push.open_batch(run.engine)
        if batch is None:
            return
        batch, rows = push.fit_batch(run.engine, batch, push.batch_rows(run.engine, batch))
        answer: dict[str, Any] = run.client.push(batch.batch_id, rows) if rows else {}
        outcome = push.acknowledge(run.engine, batch, rows, answer, clear_all=run.faults.clear_all_on_ack)
        run.result.pushed += outcome.rows
        run.result.rejected += outcome.rejected
        run.result.conflicts += outcome.conflicts
        run.progress("push", run.result.pushed, total)


def _upload_files(run: _Run, db: Database) -> None:
    """Files queued for HQ (a submitted report's PDF, the signage photo, the work-rules
    document), after the push so that HQ holds the rows they belong to (app/sync/files.py)."""
    total = files.pending_count(run.engine)
    if not total:
        return
    run.progress("files", 0, total)
    done = files.upload_pending(run.engine, db.path.parent, run.client, run.step)
    run.result.files_sent += done.sent
    run.result.files_refused += done.refused
    run.progress("files", done.sent + done.refused, total)


def _pull_with_resync(run: _Run) -> None:
    with run.conn.begin():
        # a repair interrupted last time starts over (its "seen" set was in memory)
        run.conn.exec_driver_sql("DELETE FROM sync_cursor WHERE scope LIKE 'table:%'")
    # rows quarantined by an older version of the app: this one may store them
    run.result.pulled += pull.retry_quarantined(run.conn, stale_only=True)[0]
    try:
        _pull(run, pull.MAIN_SCOPE)
    except ResyncRequired:
        log.warning("HQ asked for a resync (past the tombstone horizon): bootstrapping again")
        with run.conn.begin():
            run.conn.exec_driver_sql("DELETE FROM sync_cursor")
        _pull(run, pull.MAIN_SCOPE)


def _pull(run: _Run, scope: str, table: str | None = None) -> None:
    state = pull.read_cursor(run.conn, scope)
    run.conn.rollback()
    cursor = state[0] if state else None
    if cursor is None and table is None:
        run.result.bootstrapped = True
        # A bootstrap sends no tombstones, so rows this station pushed and HQ deleted (merged
        # by credit code) stay live here until the check retires them: the check is owed
        # from now on, and stays owed if this sync is interrupted before it passes.
        # Kept hash figures are dropped too (their triggers go silent: a bulk load runs at full
        # speed) and the check after the bootstrap computes each table once.
        with run.engine.begin() as conn:
            conn.exec_driver_sql("DELETE FROM profile_meta WHERE key = ?", (LAST_CHECK_KEY,))
            check.forget(conn)

    # Unless told otherwise: big pages for a bootstrap, a repair or an unfinished long pull
    # (fewer commits and round trips: +30% rows/s measured), the default for catching up.
    long_pull = cursor is None or (state is not None and not state[1])
    limit = run.page_size or (MAX_PULL_LIMIT if long_pull else DEFAULT_PULL_LIMIT)

    figures = SYNCED_TABLES if run.figures and table is None else None
    if table is None:
        run.hq_check = None

    def fetch(after: Any) -> PulledPage:
        return run.client.pull_page(after, limit, table, figures)

    def convert(got: PulledPage) -> tuple[dict[str, Any], pull.Page]:
        answer = got.decode()
        return answer, pull.prepare(pull.rows_of(answer))

    # Later pages are fetched and converted while this one is written (app/sync/pipeline.py).
    # HQ then hears a cursor before we committed it; if we crash, HQ may purge tombstones up
    # to it and answer our older cursor with 410: a resync, never a loss.
    with PageStream(fetch, convert, cursor) as stream:
        while True:
            answer, page = stream.next()
            run.step()
            rows, new_cursor, done = answer.get("rows", []), answer.get("cursor"), bool(answer.get("done"))
            if not done and new_cursor == cursor:
                raise SyncError("服务总站同步服务返回的进度没有前进，已停止以免重复下载。请联系服务总站。")
            if rows or new_cursor != cursor or (state is not None and done != state[1]):
                run.result.pulled += pull.apply_page(
                    run.conn, scope, page, new_cursor, done,
                    seen=table is not None,
                    cursor_apart=run.faults.cursor_apart,
                    between=run.faults.between_page_and_cursor,
                )
                state = (new_cursor, done)
            run.progress("pull" if table is None else "repair", run.result.pulled, None)
            if done:
                if figures and isinstance(answer.get("check"), dict):
                    run.hq_check = answer["check"]
                return
            cursor = new_cursor


def _check_owed(run: _Run) -> bool:
    """No check has passed since the last bootstrap (or the last one found differences it
    could not repair): check even when this sync moved no data."""
    last = run.conn.exec_driver_sql("SELECT value FROM profile_meta WHERE key = ?", (LAST_CHECK_KEY,)).scalar()
    run.conn.rollback()
    return last is None


def _verify(run: _Run, audit: bool = False) -> None:
    """Compare counts and hashes; catch up once, then re-pull what still differs.
    `audit`: the first comparison recomputes our figures in full (check.maintained).

    HQ reads its figures with the last page's snapshot, which also counts rows other stations'
    pushes committed above the page's watermark (an older push was still running): in a burst
    of syncs the figures differ, the catch-up pull brings those rows, and the figures it brings
    differ again for the same reason.  A repair then re-pulls a whole table (every enterprise
    of the network) for nothing: with 20 real clients at once, one in 20 did
    (benchmarks/bench_burst_real.py).  So when the catch-up pull brought rows, HQ is moving:
    the repair waits for a later sync (the check stays owed), up to MAX_DEFERRED times in a
    row; a real difference is still repaired then, or at once when HQ is quiet, or in an audit.
    An HQ that names the tables its figures count unsent rows of (`check.moving`) spares the
    catch-up pull too: a difference only in those waits for a later sync at once (same limit)."""
    moved, may_wait = False, not audit
    for attempt in range(3):
        run.step()
        run.progress("check", attempt, None)
        if push.pending_count(run.engine):  # local edits arrived meanwhile: the next sync owes the check
            with run.engine.begin() as conn:
                conn.exec_driver_sql("DELETE FROM profile_meta WHERE key = ?", (LAST_CHECK_KEY,))
            return
        run.conn.rollback()
        moving = _moving(run.hq_check)
        ask, run.hq_check = _ask(run, run.hq_check), None
        try:
            bad = check.compare(run.conn, ask, audit=audit and attempt == 0)
        finally:
            run.conn.rollback()
        if bad and may_wait and moving.issuperset(bad):
            # HQ says its figures count rows of these tables not sent yet: no catch-up pull either
            if _defer_repair(run):
                log.info("sanity check: %s still moving at HQ; the check waits for a later sync", bad)
                return
            may_wait = False  # waited MAX_DEFERRED syncs in a row: catch up and repair now
        if not bad:
            with run.engine.begin() as conn:
                set_meta(conn, LAST_CHECK_KEY, str(int(time.time() * 1000)))
                conn.exec_driver_sql("DELETE FROM profile_meta WHERE key = ?", (DEFERRED_KEY,))
            return
        if attempt == 0:
            log.info("sanity check mismatch in %s: catching up first", bad)
            pulled = run.result.pulled
            _pull(run, pull.MAIN_SCOPE)  # HQ may simply have moved on since our pull
            moved = run.result.pulled > pulled
        elif attempt == 1:
            if moved and may_wait and _defer_repair(run):
                log.info("sanity check mismatch in %s while HQ is moving: the repair waits for a later sync", bad)
                return
            log.warning("sanity check mismatch in %s after catching up: repairing", bad)
            for tbl in bad:
                _repair(run, tbl)
                run.result.repaired.append(tbl)
    log.warning("tables still differ after repair; the next sync checks again")


def _moving(figures: dict[str, Any] | None) -> set[str]:
    """The tables HQ's figures count rows of that were not sent yet (`check.moving`, HQ since
    session 9): rows other pushes committed above the page's watermark."""
    named = figures.get("moving") if isinstance(figures, dict) else None
    return {t for t in named if isinstance(t, str)} if isinstance(named, list) else set()


def _defer_repair(run: _Run) -> bool:
    """Put this check's repair off, unless MAX_DEFERRED checks in a row already did: the
    check stays owed, so the next sync runs it even with nothing to move."""
    with run.engine.begin() as conn:
        done = int(meta(conn, DEFERRED_KEY) or 0)
        conn.exec_driver_sql("DELETE FROM profile_meta WHERE key = ?", (LAST_CHECK_KEY,))
        if done >= MAX_DEFERRED:
            conn.exec_driver_sql("DELETE FROM profile_meta WHERE key = ?", (DEFERRED_KEY,))
            return False
        set_meta(conn, DEFERRED_KEY, str(done + 1))
    return True


def _ask(run: _Run, figures: dict[str, Any] | None) -> Callable[[dict[str, dict[str, Any]]], dict[str, Any]]:
    """HQ's figures as the last pull page brought them, else a /v1/check request."""
    if figures is None:
        return run.client.check
    return lambda _ours: figures


def _repair(run: _Run, tbl: str) -> None:
    scope = pull.table_scope(tbl)
    with run.conn.begin():
        run.conn.exec_driver_sql("CREATE TEMP TABLE IF NOT EXISTS sync_seen(id TEXT PRIMARY KEY)")
        run.conn.exec_driver_sql("DELETE FROM temp.sync_seen")
        run.conn.exec_driver_sql("DELETE FROM sync_cursor WHERE scope = ?", (scope,))
    _pull(run, scope, tbl)
    pull.retire_unseen(run.conn, tbl)
    with run.conn.begin():
        run.conn.exec_driver_sql("DELETE FROM sync_cursor WHERE scope = ?", (scope,))
