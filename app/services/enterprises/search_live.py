"""The search index of each open database and how writes reach it.

One SearchIndex per engine, built by `warm_up` (in the background when the
profile opens).  Writers report the enterprises they touched with `note_changed`
inside their transaction; the rows are re-read just before COMMIT (so the index
gets exactly what was committed, savepoints and later edits included) and applied
after it; a rollback drops them.  Writes committed while the index is being built
are caught up before it goes live.

A bulk writer (an import of thousands of rows) calls `note_bulk_changed` instead:
nothing is read inside its commit; once it has committed the index steps aside
(queries use SQL, which already sees the rows) and a background thread reads the
rows back and applies them, with the writes committed meanwhile, before the index
goes live again (`wait_caught_up`).
"""

from __future__ import annotations

import logging
import threading
import uuid
import weakref
from collections.abc import Iterable

from sqlalchemy import Connection, Engine, Integer, String, event, select, type_coerce
from sqlalchemy.orm import Session

from app.models import Enterprise
from app.services.enterprises.search_index import SearchIndex
from app.services.enterprises.search_terms import Entry, make_entry

# Plain SQL types (ids as hex text, flags as 0/1, updated_at as its stored text): the
# index converts what it needs itself, which loads 100,000 rows in half the time.
ENTRY_COLUMNS = tuple(
    type_coerce(getattr(Enterprise, name), Integer if name in ("credit_code_warning", "deleted") else String)
    if name in ("id", "credit_code_warning", "updated_at", "deleted")
    else getattr(Enterprise, name)
    for name in Entry._fields
)
# "deleted IS NOT 1", never "deleted = 0": without ANALYZE statistics SQLite takes the
# single-column `deleted` index for "= 0" and walks every row through it (7 ms instead
# of 0.3 ms for a page of 50 ids; whole-table scans get slower too).
LIVE = Enterprise.deleted.is_not(True)


class _Holder:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.index: SearchIndex | None = None
        self.building = False
        self.pending: list[Entry] = []
        self.catch_up: threading.Thread | None = None  # a bulk write being applied (note_bulk_changed)


_HOLDERS: weakref.WeakKeyDictionary[Engine, _Holder] = weakref.WeakKeyDictionary()
_NOTED = "enterprise_search.noted"
_LOADED = "enterprise_search.loaded"
_BULK_NOTED = "enterprise_search.bulk_noted"
_log = logging.getLogger(__name__)


def _engine(session: Session) -> Engine:
    bind = session.get_bind()
    return bind if isinstance(bind, Engine) else bind.engine


def ready_index(session: Session) -> SearchIndex | None:
    """The built index for this session's database, or None (use SQL)."""
    holder = _HOLDERS.get(_engine(session))
    return holder.index if holder is not None else None


def warm_up(session: Session) -> None:
    """Build the search index for this database (seconds for 100,000: run it in the background).

    Writes committed while it builds are caught up before the index goes live.
    """
    holder = _HOLDERS.setdefault(_engine(session), _Holder())
    with holder.lock:
        if holder.index is not None or holder.building:
            return
        holder.building, holder.pending = True, []
    try:
        query = select(*ENTRY_COLUMNS).where(LIVE)
        # Name order, so the index's own sort is one linear pass; `|| ''` keeps SQLite off
        # the initials index (a random row lookup per step: 600 ms instead of 80 ms).
        query = query.order_by(Enterprise.name_initials.op("||")(""), Enterprise.name, Enterprise.id)
        index = SearchIndex(map(make_entry, session.execute(query.execution_options(yield_per=5000))))
    except BaseException:
        with holder.lock:
            holder.building = False
        raise
    with holder.lock:
        index.apply(holder.pending)
        holder.index, holder.building, holder.pending = index, False, []
    index.prepare()


def invalidate(session: Session) -> None:
    """Forget the index (queries fall back to SQL until the next `warm_up`)."""
    _HOLDERS.pop(_engine(session), None)


def note_changed(session: Session, ids: Iterable[uuid.UUID]) -> None:
    """Tell the index these enterprises were inserted, edited, deleted or restored in this transaction."""
    session.info.setdefault(_NOTED, set()).update(ids)


def note_bulk_changed(session: Session, ids: Iterable[uuid.UUID]) -> None:
    """`note_changed` for thousands of rows: applied after the commit, off the writer's thread."""
    session.info.setdefault(_BULK_NOTED, set()).update(ids)


def wait_caught_up(session: Session, timeout: float | None = None) -> bool:
    """Wait for a bulk write's catch-up (note_bulk_changed); True when none is running."""
    holder = _HOLDERS.get(_engine(session))
    thread = holder.catch_up if holder is not None else None
    if thread is not None:
        thread.join(timeout)
        return not thread.is_alive()
    return True


def _read_entries(connection: Connection, ids: list[uuid.UUID]) -> list[Entry]:
    found: list[Entry] = []
    for start in range(0, len(ids), 5000):
        query = select(*ENTRY_COLUMNS).where(Enterprise.id.in_(ids[start : start + 5000]))
        found.extend(map(make_entry, connection.execute(query)))
    return found


@event.listens_for(Session, "before_commit")
def _load_noted(session: Session) -> None:
    ids = session.info.pop(_NOTED, None)
    if not ids:
        return
    session.info[_LOADED] = (_engine(session), _read_entries(session.connection(), list(ids)))


@event.listens_for(Session, "after_commit")
def _apply_loaded(session: Session) -> None:
    if bulk := session.info.pop(_BULK_NOTED, None):
        _step_aside(_engine(session), list(bulk))
    loaded = session.info.pop(_LOADED, None)
    if loaded is None:
        return
    engine, entries = loaded
    holder = _HOLDERS.get(engine)
    if holder is None:
        return
    with holder.lock:
        if holder.building:
            holder.pending.extend(entries)
            return
        index = holder.index
    if index is not None:
        index.apply(entries)
        # Rebuild the name-ordered arrays now, on the writer's (worker) thread, rather
        # than on the next keystroke: ~0.1 s per 100,000 enterprises after each save.
        index.prepare()


def _step_aside(engine: Engine, ids: list[uuid.UUID]) -> None:
    """After a bulk write's commit: SQL answers until a background thread has applied it."""
    holder = _HOLDERS.get(engine)
    if holder is None:
        return
    with holder.lock:
        index = holder.index
        if index is None and not holder.building:
            return  # no index to keep (queries use SQL)
        if index is not None:
            holder.index, holder.building, holder.pending = None, True, []  # writers queue in pending
    if index is None:
        # warm_up or another catch-up is running (either goes live with whatever is
        # pending): queue the rows as any writer's, read here, after the commit
        with engine.connect() as connection:
            entries = _read_entries(connection, ids)
        with holder.lock:
            if holder.building:
                holder.pending.extend(entries)
                return
            index = holder.index
        if index is not None:
            index.apply(entries)
        return
    holder.catch_up = threading.Thread(target=_catch_up, args=(engine, holder, index, ids),
                                       name="enterprise-search-catch-up", daemon=True)
    holder.catch_up.start()


def _catch_up(engine: Engine, holder: _Holder, index: SearchIndex, ids: list[uuid.UUID]) -> None:
    try:
        with engine.connect() as connection:
            entries = _read_entries(connection, ids)
        while True:
            index.apply(entries)
            index.prepare()
            with holder.lock:
                entries, holder.pending = holder.pending, []  # committed while this one applied
                if not entries:
                    holder.index, holder.building = index, False
                    return
    except BaseException:
        _log.exception("search index: catching up after a bulk write failed; searching uses SQL until it is rebuilt")
        with holder.lock:
            holder.index, holder.building, holder.pending = None, False, []  # the next warm_up rebuilds


@event.listens_for(Session, "after_rollback")
def _forget_noted(session: Session) -> None:
    session.info.pop(_NOTED, None)
    session.info.pop(_BULK_NOTED, None)
    session.info.pop(_LOADED, None)
