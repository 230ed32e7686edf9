"""The in-process search index behind the enterprise list (see enterprise_search).

Why not SQL: search-as-you-type must match name substrings of one or two Chinese
characters, which no SQLite index serves (FTS5 trigram needs three), and a LIKE
scan over 100,000 rows costs 60–450 ms per keystroke, over 1 s for a code prefix
matching most rows (benchmarks/bench_search.py).  Here a query is a few C-level
passes over flat arrays:

* each text column finds its rows (enterprise_search_columns) as a byte per row
  (0/1) held in one big int, so AND/OR of words and filters are bigint operations;
* district, size, status and section filters are ``bytes.translate`` of a
  one-byte-per-row code;
* the hits' positions come out of ``bytes.find``, or (many hits) of
  ``itertools.compress`` a chunk at a time as the list asks for rows; in another
  sort order the IdList reads the name-ordered mask through that order's positions
  (one ``array('i')`` per order, no permuted copy); ids are kept as 16 bytes per row
  and made UUIDs only for the rows the list model asks for (`IdList`).

Rows are stored by slot (append-only columns, see enterprise_search_columns; text in
one string per column and packed postings, enterprise_search_store: at 100,000 rows
the index holds ~26 MB of Python objects, +48 MB resident after the build), so a write
changes a few entries in place; the name-ordered `_View` is then rebuilt (~0.1–0.2 s
for 100,000 on a slow machine, done right after the commit).
"""

from __future__ import annotations

import operator
import threading
import uuid
from array import array
from bisect import bisect_right
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from itertools import compress, islice, pairwise, starmap

from app.services.enterprises.search_columns import (
    GramColumn,
    PhoneColumn,
    PrefixColumn,
    slot_runs,
    text_mask,
)
from app.services.enterprises.search_store import TextColumn
from app.services.enterprises.search_terms import (
    DISTRICT_RANK,
    NO_SIZE,
    SECTION_RANK,
    SIZE_RANK,
    STATUS_RANK,
    UNKNOWN_RANK,
    Criteria,
    Entry,
    IdList,
    SortKey,
    phone_digits,
    search_name,
    updated_micros,
)
from app.services.enterprises.similar import SimilarNames

_BULK = 2000  # more changes than this at once: rebuild rather than insert one by one
_LOOKUPS = 16  # up to this many changes: find each id in the ids bytes (no id -> slot dict is kept)
_RETIRED = b"\xff" * 16  # a retired slot's id (not a valid UUID version: no live id has it)
_CODED = ("district", "size", "status", "section", "warning")
_FEW = 64  # fewer hits than n/_FEW: locate them one by one
_CHUNK = 4096  # entries taken at a time while building


class _Slots:
    """Columns indexed by slot; a retired slot keeps its values (the view leaves it out).

    Text is held per column in one string (`TextColumn`), numbers in arrays: no Python
    object per row (issue 14: the four strings a row cost 27 MB at 100,000 rows)."""

    def __init__(self, live: Iterable[Entry]) -> None:
        self.ids = bytearray()  # 16 bytes per slot (a retired slot: _RETIRED)
        self.raw_names = TextColumn()  # the name as stored where it differs from its search form, else ""
        self.industry = array("I")  # section + code as a number in `industries`, for sorting
        self.industries: list[str] = []
        self._industry_numbers: dict[str, int] = {}
        self.updated = array("q")  # microseconds, for sorting
        self.coded = {column: bytearray() for column in _CODED}
        names, initials, phones, codes = TextColumn(), TextColumn(), TextColumn(), TextColumn()
        entries, in_order, last = iter(live), True, None
        while chunk := list(islice(entries, _CHUNK)):  # a chunk at a time: no list of every row's strings
            for entry in chunk:
                self._append(entry)
            folded = list(map(search_name, (e.name for e in chunk)))
            names.extend(folded)
            self.raw_names.extend("" if f == e.name else e.name for f, e in zip(folded, chunk, strict=True))
            initials.extend(e.name_initials for e in chunk)
            phones.extend(phone_digits(e.contact_phone) for e in chunk)
            codes.extend(e.credit_code or "" for e in chunk)
            # live slots in name order: (initials, name, id) as in SQL's ORDER BY; the rows
            # usually come in that order (warm_up asks for it), so check before sorting
            keys = [(e.name_initials, e.name, e.id) for e in chunk]
            in_order = in_order and (last is None or last <= keys[0]) and all(starmap(operator.le, pairwise(keys)))
            last = keys[-1]
        self.search_names, self.initials = GramColumn(names), GramColumn(initials)
        self.phone_runs = PhoneColumn(phones)
        self.prefixes = PrefixColumn(codes, range(len(codes)))
        self.order = array("i", range(len(self)) if in_order else sorted(range(len(self)), key=self.name_key))

    def __len__(self) -> int:
        return len(self.ids) // 16

    def id_at(self, slot: int) -> bytes:
        return bytes(self.ids[16 * slot : 16 * slot + 16])

    def name(self, slot: int) -> str:
        return self.raw_names.get(slot) or self.search_names.values.get(slot)

    def name_key(self, slot: int) -> tuple[str, str, bytearray]:
        # the id's bytes sort as the UUIDs do (SQL's ORDER BY … id)
        return (self.initials.values.get(slot), self.name(slot), self.ids[16 * slot : 16 * slot + 16])

    def append(self, e: Entry) -> int:
        slot = self._append(e)
        name = search_name(e.name)
        self.raw_names.append("" if name == e.name else e.name)
        self.search_names.add(slot, name)
        self.initials.add(slot, e.name_initials)
        self.phone_runs.add(slot, phone_digits(e.contact_phone))
        self.prefixes.values.append(e.credit_code or "")
        return slot

    def _append(self, e: Entry) -> int:
        """The entry's fixed-width values (its text is appended by the caller)."""
        self.ids += e.id
        industry = (e.industry_section or "") + (e.industry_code or "")
        number = self._industry_numbers.get(industry)
        if number is None:
            number = self._industry_numbers[industry] = len(self.industries)
            self.industries.append(industry)
        self.industry.append(number)
        self.updated.append(updated_micros(e.updated_at))
        for column, value in zip(_CODED, (
            DISTRICT_RANK.get(e.district or "", UNKNOWN_RANK), SIZE_RANK.get(e.size or "", NO_SIZE),
            STATUS_RANK.get(e.status, UNKNOWN_RANK), SECTION_RANK.get(e.industry_section or "", 0),
            int(e.credit_code_warning),
        ), strict=True):
            self.coded[column].append(value)
        return len(self) - 1


class _View:
    """Query-side arrays in name order, built from the slots after a write."""

    def __init__(self, slots: _Slots) -> None:
        order = slots.order
        self.slots, self.n = slots, len(order)
        self.pos = array("i", [self.n]) * len(slots)  # slot -> position; retired -> n
        deque(map(self.pos.__setitem__, order, range(self.n)), maxlen=0)
        self.runs = slot_runs(order)
        ids = slots.ids
        self.ids = b"".join([ids[16 * run.start : 16 * run.stop] for run in self.runs])  # 16 bytes a position
        self.coded = {column: b"".join(map(codes.__getitem__, self.runs)) for column, codes in slots.coded.items()}
        self.every = int.from_bytes(b"\x01" * self.n, "big")
        self._numbers: dict[SortKey, array[int]] = {}  # industry rank, updated_at: built on first use
        self._orders: dict[SortKey, array[int]] = {}
        self._all: dict[tuple[SortKey, bool], array[int]] = {}

    def prepare(self) -> None:
        for column in (self.slots.search_names, self.slots.initials, self.slots.phone_runs, self.slots.prefixes):
            column.values.text  # noqa: B018 - join what writes appended, before a keystroke needs it
        if self.n > 1:
            self.slots.prefixes.marks(self.pos, self.n)
        self.order(SortKey.DISTRICT)

    def phone_mask(self, q: str) -> int:
        """Rows whose phone digits contain q: through the 4-digit runs' postings
        (PhoneColumn), or for a shorter q by one pass over every phone (TextColumn.scan)."""
        found = self.slots.phone_runs.mask(q, self.pos, self.n)
        if found is not None:
            return found
        return text_mask(self.slots.phone_runs.values, q, self.pos, self.runs, self.n)

    def _in_order(self, by_slot: array[int]) -> array[int]:
        found = array(by_slot.typecode)
        for run in self.runs:
            found.extend(by_slot[run])
        return found

    def sort_value(self, key: SortKey) -> Callable[[int], int]:
        """Position -> the key's value (ties: name order, the position)."""
        if key in (SortKey.INDUSTRY, SortKey.UPDATED_AT):
            if key not in self._numbers:
                if key is SortKey.UPDATED_AT:
                    self._numbers[key] = self._in_order(self.slots.updated)
                else:  # industry numbers are in first-seen order: rank them by their text
                    table = self.slots.industries
                    rank = array("I", bytes(4 * len(table)))
                    deque(map(rank.__setitem__, sorted(range(len(table)), key=table.__getitem__), range(len(table))),
                          maxlen=0)
                    self._numbers[key] = array("I", map(rank.__getitem__, self._in_order(self.slots.industry)))
            return self._numbers[key].__getitem__
        return self.coded[key.value].__getitem__

    def order(self, key: SortKey) -> array[int]:
        """Positions in `key` order.  A stable sort: ties stay in name order."""
        if key not in self._orders:
            if key in (SortKey.DISTRICT, SortKey.SIZE):  # a byte per row: one pass per value present
                codes, order = self.coded[key.value], array("i")
                for value in (v for v in range(256) if v in codes):
                    table = bytearray(256)
                    table[value] = 1
                    order.extend(compress(range(self.n), codes.translate(table)))
            else:
                order = array("i", sorted(range(self.n), key=self.sort_value(key)))
            self._orders[key] = order
        return self._orders[key]

    def positions(self, key: SortKey, descending: bool) -> Sequence[int]:
        """Every position in display order (a range for name order: no memory at all)."""
        if key is SortKey.NAME:
            return range(self.n - 1, -1, -1) if descending else range(self.n)
        if (key, descending) not in self._all:
            self._all[(key, descending)] = self.order(key)[::-1] if descending else self.order(key)
        return self._all[(key, descending)]

    def _coded(self, column: str, wanted: int) -> int:
        table = bytearray(256)
        table[wanted] = 1
        return int.from_bytes(self.coded[column].translate(table), "big")

    def mask(self, criteria: Criteria) -> int | None:
        """Hits as a byte-per-row int; None means every row (no criteria)."""
        if criteria.empty:
            return None
        slots, mask, pos, runs, n = self.slots, self.every, self.pos, self.runs, self.n
        for term in criteria.terms:
            hit = slots.search_names.mask(term.name, pos, runs, n)
            if term.initials:
                hit |= slots.initials.mask(term.initials, pos, runs, n)
            if term.code_prefix:
                hit |= slots.prefixes.mask(term.code_prefix, pos, n)
            if term.phone:
                hit |= self.phone_mask(term.phone)
            mask &= hit
            if not mask:
                return 0
        for column, value, ranks in (
            ("district", criteria.district, DISTRICT_RANK),
            ("size", criteria.size, SIZE_RANK),
            ("status", criteria.status, STATUS_RANK),
            ("section", criteria.industry_section, SECTION_RANK),
        ):
            if value:
                mask &= self._coded(column, ranks.get(value, 255))
        if criteria.warning_only:
            mask &= self._coded("warning", 1)
        return mask

    def query(self, criteria: Criteria, key: SortKey, descending: bool) -> Sequence[uuid.UUID]:
        mask = self.mask(criteria)
        if mask is None:
            return IdList(self.ids, self.positions(key, descending))
        if not mask:
            return []
        hits = mask.to_bytes(self.n, "big")
        found = hits.count(1)
        if found < self.n // _FEW:  # few hits: find them (memchr) one by one
            rows, at = array("i"), hits.find(1)
            while at >= 0:
                rows.append(at)
                at = hits.find(1, at + 1)
            if key is not SortKey.NAME:
                value = self.sort_value(key)
                rows = array("i", sorted(rows, key=lambda i: (value(i), i)))
            if descending:
                rows.reverse()
            return IdList(self.ids, rows)
        # Many hits: the IdList finds their positions as the list asks for rows.  In name
        # order the mask is in display order; in another it is read through the positions.
        if key is SortKey.NAME:
            return IdList(self.ids, array("i"), hits[::-1] if descending else hits, self.positions(key, descending),
                          found)
        return IdList(self.ids, array("i"), hits, self.positions(key, descending), found, by_position=True)

    def count(self, criteria: Criteria) -> int:
        mask = self.mask(criteria)
        return self.n if mask is None else mask.to_bytes(self.n, "big").count(1) if mask else 0


class SearchIndex:
    """Live enterprises in memory.  Thread-safe: writers `apply`, readers `query`."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        """`entries` may be a stream (rows as they are fetched): nothing else keeps them."""
        self._lock = threading.RLock()
        self._slots = _Slots(e for e in entries if not e.deleted)
        self._live = len(self._slots)
        self._view: _View | None = None
        self.similar_names = SimilarNames()  # built on first use (enterprise_service.find_duplicates)

    def __len__(self) -> int:
        return self._live

    def _slot_table(self, count: int) -> dict[bytes, int] | None:
        """id -> live slot for an apply of `count` entries; None: find each id in the ids.

        Not kept between applies: a dict of 100,000 ids costs ~13 MB for the life of the
        window, while a save finds its id in the 16-byte ids in ~0.2 ms."""
        if count <= _LOOKUPS:
            return None
        s = self._slots
        return {s.id_at(slot): slot for slot in s.order}

    def _find(self, ident: bytes, table: dict[bytes, int] | None) -> int | None:
        if table is not None:
            return table.pop(ident, None)
        ids = self._slots.ids
        at = ids.find(ident) if ident != _RETIRED else -1
        while at >= 0 and at % 16:  # a match straddling two ids
            at = ids.find(ident, at + 1)
        return None if at < 0 else at // 16

    def _live_entries(self) -> Iterable[tuple[uuid.UUID, str]]:
        s = self._slots
        return ((uuid.UUID(bytes=s.id_at(slot)), s.name(slot)) for slot in s.order)

    def apply(self, entries: Iterable[Entry]) -> None:
        """Upsert, or retire (deleted entries); the view is rebuilt on next use.

        An edit retires the old slot and appends a new one; retired slots are not
        reclaimed (a few bytes each) until the index is built again."""
        entries = list(entries)
        bulk = len(entries) > _BULK  # an import or demo data: sort once instead of inserting each
        with self._lock:
            s = self._slots
            table = self._slot_table(len(entries))
            for entry in entries:
                slot = self._find(entry.id, table)
                if slot is not None:
                    self._retire(slot, bulk)
                if not entry.deleted:
                    slot = self._add(entry, bulk)
                    if table is not None:
                        table[entry.id] = slot
            if bulk and table is not None:
                s.order = array("i", sorted(table.values(), key=s.name_key))
                s.prefixes = PrefixColumn(s.prefixes.values, s.order)
                self.similar_names = SimilarNames()
            self._view = None

    def _add(self, entry: Entry, bulk: bool) -> int:
        s = self._slots
        slot = s.append(entry)
        self._live += 1
        if not bulk:
            s.prefixes.add(slot)
            s.order.insert(bisect_right(s.order, s.name_key(slot), key=s.name_key), slot)
            self.similar_names.add(uuid.UUID(bytes=entry.id), entry.name)
        return slot

    def _retire(self, slot: int, bulk: bool) -> None:
        s = self._slots
        if not bulk:
            at = bisect_right(s.order, s.name_key(slot), key=s.name_key) - 1
            assert s.order[at] == slot
            del s.order[at]
            s.prefixes.retire(slot)
            self.similar_names.remove(uuid.UUID(bytes=s.id_at(slot)))
        s.ids[16 * slot : 16 * slot + 16] = _RETIRED  # never found again
        self._live -= 1

    def view(self) -> _View:
        with self._lock:
            if self._view is None:
                self._view = _View(self._slots)
            return self._view

    def prepare(self) -> None:
        """Build what a first keystroke or sort would wait for (call in the background)."""
        with self._lock:
            self.view().prepare()

    # Queries hold the lock too: the slot structures they read are appended to by writers.
    def query(self, criteria: Criteria, key: SortKey, descending: bool) -> Sequence[uuid.UUID]:
        with self._lock:
            return self.view().query(criteria, key, descending)

    def count(self, criteria: Criteria) -> int:
        with self._lock:
            return self.view().count(criteria)

    def similar(self, key: str) -> list[uuid.UUID]:
        """Ids of live enterprises whose name key equals `key` or is one edit away.
        The first call builds the structure (~1–2 s per 100,000 names)."""
        with self._lock:
            self.similar_names.build(self._live_entries())
            return self.similar_names.find(key)

