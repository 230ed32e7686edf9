"""Text columns of the enterprise search index and how each finds the rows matching q.

Rows live in *slots*: append-only numbers that never change while the index
lives (an edit retires the old slot and appends a new one), so the structures
below are updated in place.  A query answers slot numbers; the index's current
view maps them to positions in name order (`pos`, where a retired slot maps to
the spare position n) and returns a byte-per-row mask held in an int.  Values are
kept in a `TextColumn` and postings in `Postings` (enterprise_search_store: one
``str`` per column and packed arrays, not an object per row or per key).

Every structure answers in a few C-level passes, not a Python loop over 100,000
rows (figures from benchmarks/bench_search.py, 100,000 demo enterprises):
* GramColumn — postings of every character and character pair.  "kj" over pinyin
  initials: 47 ms scanning every row, ~2 ms through the "kj" postings; "科技" over
  names: 8 ms checking the rows holding 科, 2.5 ms through the "科技" postings.
* PrefixColumn — values kept sorted; a prefix is one bisect range.  "9144010"
  matches 64% of credit codes: 25 ms with startswith on every row, 15 ms setting
  each matching row, ~3 ms moving a range mask into name order, ~0.3 ms translating
  each row's code-order bucket (a byte) and checking the range's two end buckets.
* PhoneColumn — postings of every run of four digits (ten thousand keys: digits are
  low-entropy, so single digits or pairs would be postings of most rows).  "1380" at a
  million phones: ~10 ms scanning the joined digits (any query is a pass over 10 MB),
  ~0.3 ms through its postings.  A query of one to three digits matches most rows
  anyway and is scanned (see _View.phone_mask).
"""

from __future__ import annotations

import operator
from array import array
from bisect import bisect_left
from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Iterator
from functools import partial
from itertools import chain, compress, islice, repeat

from app.services.enterprises.search_store import BLOCK, Postings, TextColumn

_DENSE = 4  # rarest gram in more than 1/4 of the rows: test every row instead
_MASKED = 8  # a piece in more than 1/8 of the rows also keeps a byte per slot
_SAMPLE = 4096  # rows counted to choose those pieces
_WIDE = 16  # a prefix matching more than 1/16 of the rows: permute a range mask instead
_slot_list = partial(array, "I")


def positions_mask(n: int, positions: Iterable[int]) -> int:
    """Byte-per-row int with the given positions set; position n (retired slots) is dropped."""
    hits = bytearray(n + 1)
    deque(map(hits.__setitem__, positions, repeat(1)), maxlen=0)
    return int.from_bytes(memoryview(hits)[:n], "big")


def runs_mask(by_slot: bytes | bytearray, runs: list[slice]) -> int:
    """A byte-per-slot mask cut into name order (`runs`, see `slot_runs`) as an int."""
    return int.from_bytes(b"".join(map(by_slot.__getitem__, runs)), "big")


def text_mask(column: TextColumn, q: str, pos: array[int], runs: list[slice], n: int) -> int:
    """Rows whose value contains q, by one pass over the whole column."""
    found = column.scan(q)
    if isinstance(found, bytes):
        return runs_mask(found, runs)
    return positions_mask(n, map(pos.__getitem__, found))


def _key(piece: str) -> int:
    """A character or a pair of characters as one integer (a pair is above every character)."""
    if len(piece) == 1:
        return ord(piece)
    return (ord(piece[0]) + 1) * 0x110000 + ord(piece[1])


class GramColumn:
    """Substring search through postings of every character and every pair of adjacent
    characters.  A one- or two-character query is answered by its postings alone; a
    longer one by checking the rows of its rarest pair."""

    def __init__(self, values: TextColumn) -> None:
        """`values` by slot; the column keeps it and appends to it (`add`)."""
        self.values = values
        # A piece in more than 1/_MASKED of the rows (科, 科技, kj at ~17%) also keeps a byte
        # per slot.  Slots are in name order but for those written since the build, so the
        # view cuts this into a mask with a few slices (`runs`) instead of setting every hit:
        # "kj" at a million rows, ~17 ms → ~1 ms.  A piece in more than 1/_DENSE (有限, gz)
        # keeps only the mask: its postings would be 2 bytes per hit, and are never walked
        # (a longer query holding only such pieces scans).  Pieces are chosen here only,
        # counted over every stride-th row (all rows up to _SAMPLE): postings are built a
        # block at a time, so the choice comes first.  It only decides speed and memory:
        # a masked piece's mask and a listed piece's postings always cover every row.
        count = len(values)
        stride = max(1, count // _SAMPLE)
        seen = Counter(chain.from_iterable(map(_pieces, map(values.get, range(0, count, stride)))))
        sampled = len(range(0, count, stride))
        self.masks = {piece: bytearray(count) for piece, n in seen.items() if n > sampled // _MASKED}
        self.unlisted = frozenset(piece for piece in self.masks if seen[piece] > sampled // _DENSE)
        del seen
        self.postings = Postings()
        rows = enumerate(values.values())
        for base in range(0, count, BLOCK):
            lists: defaultdict[str, array[int]] = defaultdict(_slot_list)
            for slot, value in islice(rows, BLOCK):
                deque(map(array.append, map(lists.__getitem__, _pieces(value)), repeat(slot)), maxlen=0)
            for piece in lists.keys() & self.masks.keys():
                deque(map(self.masks[piece].__setitem__, lists[piece], repeat(1)), maxlen=0)
            self.postings.pack(base, {_key(piece): lists.pop(piece) for piece in list(lists) if piece not in self.unlisted})

    def add(self, slot: int, value: str) -> None:
        assert slot == len(self.values)
        self.values.append(value)
        pieces = _pieces(value)
        if self.masks:
            for piece in pieces.intersection(self.masks):
                mask = self.masks[piece]
                mask.extend(bytes(slot - len(mask)))  # slots since its last hit
                mask.append(1)
            pieces.difference_update(self.unlisted)
        for piece in pieces:
            self.postings.add(_key(piece), slot)

    def mask(self, q: str, pos: array[int], runs: list[slice], n: int) -> int:
        """Rows whose value contains q; `runs` are the slot ranges that make up name order
        (see `slot_runs`), n the number of live rows."""
        dense = self.masks.get(q)
        if dense is not None:
            dense.extend(bytes(len(self.values) - len(dense)))
            return runs_mask(dense, runs)
        pieces = _pieces(q) if len(q) <= 2 else set(_pairs(q))
        counts = {key: self.postings.count(key) for key in map(_key, pieces.difference(self.unlisted))}
        if not all(counts.values()):
            return 0
        if len(q) <= 2:  # the query is one piece: its postings are the answer
            return positions_mask(n, map(pos.__getitem__, self.postings.slots(_key(q))))
        rarest = min(counts, key=counts.__getitem__) if counts else None
        if rarest is None or counts[rarest] > n // _DENSE:
            return text_mask(self.values, q, pos, runs, n)
        holding = self.values.holding(q, self.postings.slots(rarest))
        return positions_mask(n, map(pos.__getitem__, holding))


class PhoneColumn:
    """Substring search of phone digits through postings of their 4-digit runs (keyed by
    the run's number; a run with other than ASCII digits is not filed: no query holds one)."""

    def __init__(self, values: TextColumn) -> None:
        """`values` by slot; the column keeps it and appends to it (`add`)."""
        self.values = values
        self.postings = Postings()
        rows = enumerate(values.values())
        for base in range(0, len(values), BLOCK):
            lists: defaultdict[str, array[int]] = defaultdict(_slot_list)
            for slot, value in islice(rows, BLOCK):
                deque(map(array.append, map(lists.__getitem__, _runs(value)), repeat(slot)), maxlen=0)
            self.postings.pack(base, {int(run): lists.pop(run) for run in list(lists)})  # a run's key: its number

    def add(self, slot: int, value: str) -> None:
        assert slot == len(self.values)
        self.values.append(value)
        for run in _runs(value):
            self.postings.add(int(run), slot)

    def mask(self, q: str, pos: array[int], n: int) -> int | None:
        """Rows whose digits contain q (at least PHONE_RUN digits); None: q is shorter."""
        if len(q) < PHONE_RUN:
            return None
        counts = {run: self.postings.count(run) for run in map(int, _runs(q))}
        if not all(counts.values()):
            return 0
        rarest = self.postings.slots(min(counts, key=counts.__getitem__))
        if len(q) > PHONE_RUN:  # the rows holding one run: check that they hold q
            rarest = self.values.holding(q, rarest)
        return positions_mask(n, map(pos.__getitem__, rarest))


PHONE_RUN = 4


def _runs(digits: str) -> set[str]:
    runs = {digits[i : i + PHONE_RUN] for i in range(len(digits) - PHONE_RUN + 1)}
    return runs if digits.isascii() else {run for run in runs if run.isascii()}


def slot_runs(order: array[int]) -> list[slice]:
    """Name order (slots by position) as slices of consecutive slots: one slice right after
    a build, about two more per row written since."""
    n = len(order)
    if n == 0:
        return []
    steps = map(operator.sub, order[1:], order[:-1])
    cuts = [0, *compress(range(1, n), map(operator.ne, steps, repeat(1))), n]
    return [slice(order[a], order[b - 1] + 1) for a, b in zip(cuts, cuts[1:], strict=False)]


def _pairs(text: str) -> Iterator[str]:
    return map(operator.add, text, text[1:])


def _pieces(text: str) -> set[str]:
    pieces = set(text)
    pieces.update(_pairs(text))
    return pieces


class PrefixColumn:
    """Prefix search over the slots kept in value order; the matches are one bisect range.

    A wide range (most codes share 914401…) is turned into a mask without visiting its
    rows: each row in name order carries its code's place in code order, coarsened to a
    byte (`_marks`), so the buckets wholly inside the range are one ``bytes.translate``
    and only the two buckets at its ends are checked row by row (≤ 2 × 4,096 rows at a
    million codes).  One byte per row, where a permutation would hold an int per row."""

    def __init__(self, values: TextColumn, live: Iterable[int]) -> None:
        """`values` by slot ("" for none; the column keeps it, the index appends to it);
        `live` the slots to file (a rebuild leaves retired slots out)."""
        self.values = values
        starts = values.starts
        coded = [slot for slot in live if starts[slot + 1] - starts[slot] > 1]
        every = list(values.values())  # for the sort's keys: one split, not a slice per slot
        self.slots = array("I", sorted(coded, key=every.__getitem__))
        del every
        self._marks: tuple[array[int], int, bytes] | None = None

    def add(self, slot: int) -> None:
        value = self.values.get(slot)
        if value:
            self.slots.insert(bisect_left(self.slots, value, key=self.values.get), slot)
            self._marks = None

    def retire(self, slot: int) -> None:
        value = self.values.get(slot)
        if value:
            at = bisect_left(self.slots, value, key=self.values.get)
            while self.slots[at] != slot:  # equal values (duplicate codes) sit side by side
                at += 1
            del self.slots[at]
            self._marks = None

    def marks(self, pos: array[int], n: int) -> tuple[int, bytes]:
        """(shift, per position + 1 spare: place in code order >> shift, 255 without a code);
        cached for the view's `pos`."""
        if self._marks is None or self._marks[0] is not pos:
            total, shift = len(self.slots), 0
            while (total - 1) >> shift > 254:
                shift += 1
            marks = bytearray(b"\xff") * (n + 1)
            places = map(operator.rshift, range(total), repeat(shift))
            deque(map(marks.__setitem__, map(pos.__getitem__, self.slots), places), maxlen=0)
            marks[n] = 255
            self._marks = (pos, shift, bytes(marks))
        return self._marks[1], self._marks[2]

    def mask(self, q: str, pos: array[int], n: int) -> int:
        get = self.values.get
        low = bisect_left(self.slots, q, key=get)
        high = bisect_left(self.slots, q + "\U0010ffff", low, key=get)
        if high - low > n // _WIDE and n > 1:
            shift, marks = self.marks(pos, n)
            first, last = low >> shift, (high - 1) >> shift  # the buckets of the range's ends
            inside = bytearray(256)
            inside[first + 1 : last] = b"\x01" * max(0, last - first - 1)
            hits = bytearray(marks.translate(inside))
            split = min(high, (first + 1) << shift)
            ends = chain(range(low, split), range(max(split, last << shift), high))
            deque(map(hits.__setitem__, map(pos.__getitem__, map(self.slots.__getitem__, ends)), repeat(1)), maxlen=0)
            return int.from_bytes(memoryview(hits)[:n], "big")
        return positions_mask(n, map(pos.__getitem__, self.slots[low:high])) if high > low else 0
