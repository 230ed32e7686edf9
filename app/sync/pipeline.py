"""The pages of one pull, fetched ahead on another thread.

A bootstrap is limited by three kinds of work per row: HQ producing the page, JSON
decoding plus conversion here, and SQLite writing.  The fetch thread asks for page k+1
as soon as page k's bytes arrive (its cursor is read from the tail of the body,
`PulledPage.peek`), so HQ produces the next pages while the caller decodes and writes
this one.  Decoding runs on the caller's thread, between writes: a decode thread beside
the writer cost more than it overlapped (sqlite3 releases the GIL around every row it
steps, and then waits for a busy decode thread's switch interval to get it back: at
400k rows the bootstrap took 11.9 s with that thread and 8.4 s without it).  Nothing
here touches the database; the caller still commits each page with its cursor.  When
a peek is impossible or wrong, the stream restarts from the cursor the decoded answer
gives (correct, just not ahead).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Any, Self

from app.sync.client import PulledPage

AHEAD = 2  # pages fetched ahead of the one being written (memory: ~2 × page size)


class PageStream:
    def __init__(self, fetch: Callable[[Any], PulledPage], convert: Callable[[PulledPage], Any], cursor: Any) -> None:
        self._fetch, self._convert = fetch, convert
        self._stop = threading.Event()
        self._queue: queue.Queue[Any] = queue.Queue(AHEAD)
        self._thread: threading.Thread | None = None
        self._start(cursor)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def next(self) -> Any:
        """The next converted page, in order.  Errors of the fetch (offline, 401, …) surface here."""
        item = self._queue.get()
        if isinstance(item, BaseException):
            raise item
        got, peeked = item
        answer, page = self._convert(got)
        actual = (answer.get("cursor"), bool(answer.get("done")))
        if not actual[1] and peeked != actual:  # the fetch thread stopped, or went the wrong way
            self._halt()
            self._start(actual[0])
        return answer, page

    def close(self) -> None:
        self._halt()

    def _start(self, after: Any) -> None:
        self._stop, self._queue = threading.Event(), queue.Queue(AHEAD)
        self._thread = threading.Thread(target=self._produce, args=(after, self._stop, self._queue), daemon=True)
        self._thread.start()

    def _halt(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=120)  # an answer in flight: let it land, then drop it
            self._thread = None

    def _produce(self, after: Any, stop: threading.Event, out: queue.Queue[Any]) -> None:
        try:
            while not stop.is_set():
                got = self._fetch(after)
                peeked = got.peek()
                if not _put(out, (got, peeked), stop) or peeked is None or peeked[1]:
                    return
                after = peeked[0]
        except BaseException as exc:  # noqa: BLE001 — handed to the caller's thread
            _put(out, exc, stop)


def _put(out: queue.Queue[Any], item: Any, stop: threading.Event) -> bool:
    while not stop.is_set():
        try:
            out.put(item, timeout=0.05)
            return True
        except queue.Full:
            continue
    return False
