"""Text columns of the enterprise search index and how each finds the rows matching q.

Rows live in *slots*: append-only numbers that never change while the index
lives (an edit retires the old slot and appends a new one), so the structures
below are updated in place.  A query answers slot numbers; the index's current
view maps them to positions in name order (`pos`, where a retired slot maps to
the spare position n) and returns a byte-per-row mask held in an int.

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
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator
from itertools import chain, compress, repeat

_DENSE = 4  # rarest gram in more than 1/4 of the rows: test every row in name order instead
_WIDE = 16  # a prefix matching more than 1/16 of the rows: permute a range mask instead


def positions_mask(n: int, positions: Iterable[int]) -> int:
    """Byte-per-row int with the given positions set; position n (retired slots) is dropped."""
    hits = bytearray(n + 1)
    deque(map(hits.__setitem__, positions, repeat(1)), maxlen=0)
    return int.from_bytes(memoryview(hits)[:n], "big")


def scan_mask(values: list[str], test: object, q: str) -> int:
    """Byte-per-row int of test(value, q) over every value (C-level map)."""
    return int.from_bytes(bytes(map(test, values, repeat(q))), "big")  # type: ignore[call-overload]


class GramColumn:
    """Substring search through postings of every character and every pair of adjacent
    characters.  A one- or two-character query is answered by its postings alone; a
    longer one by checking the rows of its rarest pair."""

    def __init__(self, values: list[str]) -> None:
        """`values` by slot."""
        self.values = values  # "" once retired, so a retired slot never verifies
        lists: defaultdict[str, list[int]] = defaultdict(list)
        for slot, value in enumerate(values):
            for piece in _pieces(value):
                lists[piece].append(slot)
        # A piece in more than 1/_MASKED of the rows (科, 科技, kj at ~17%) also keeps a byte
        # per slot.  Slots are in name order but for those written since the build, so the
        # view cuts this into a mask with a few slices (`runs`) instead of setting every hit:
        # "kj" at a million rows, ~17 ms → ~1 ms.  A piece in more than 1/_DENSE (有限, gz)
        # keeps only the mask: its postings would be 4 bytes per hit, and are never walked
        # (a longer query holding only such pieces scans).  Pieces are chosen here only.
        count = len(values)
        self.masks = {piece: _slot_mask(slots, count) for piece, slots in lists.items() if len(slots) > count // _MASKED}
        self.unlisted = frozenset(piece for piece in self.masks if len(lists[piece]) > count // _DENSE)
        # array('i') keeps 4 bytes per posting instead of a pointer to an int object
        self.postings = {piece: array("i", slots) for piece, slots in lists.items() if piece not in self.unlisted}

    def add(self, slot: int, value: str) -> None:
        assert slot == len(self.values)
        self.values.append(value)
        pieces, postings = _pieces(value), self.postings
        if self.masks:
            for piece in pieces.intersection(self.masks):
                mask = self.masks[piece]
                mask.extend(bytes(slot - len(mask)))  # slots since its last hit
                mask.append(1)
            pieces.difference_update(self.unlisted)
        for piece in pieces.difference(postings):
            postings[piece] = array("i")
        # C-level appends: an import of 10,000 names adds ~300,000 postings
        deque(map(array.append, map(postings.__getitem__, pieces), repeat(slot)), maxlen=0)

    def retire(self, slot: int) -> None:
        self.values[slot] = ""

    def mask(self, q: str, pos: array[int], in_order: list[str], runs: list[slice]) -> int:
        """Rows whose value contains q; `in_order` is the live values in name order, `runs`
        the slot ranges that make up name order (see `slot_runs`)."""
        n = len(in_order)
        dense = self.masks.get(q)
        if dense is not None:
            dense.extend(bytes(len(self.values) - len(dense)))
            return int.from_bytes(b"".join(map(dense.__getitem__, runs)), "big")
        pieces = _pieces(q) if len(q) <= 2 else set(_pairs(q))
        if any(piece not in self.postings and piece not in self.unlisted for piece in pieces):
            return 0
        if len(q) <= 2:  # the query is one piece: its postings are the answer
            return positions_mask(n, map(pos.__getitem__, self.postings[q]))
        listed = [self.postings[piece] for piece in pieces if piece in self.postings]
        rarest = min(listed, key=len) if listed else None
        if rarest is None or len(rarest) > n // _DENSE:
            return scan_mask(in_order, operator.contains, q)
        holds = map(operator.contains, map(self.values.__getitem__, rarest), repeat(q))
        return positions_mask(n, map(pos.__getitem__, compress(rarest, holds)))


class PhoneColumn:
    """Substring search of phone digits through postings of their 4-digit runs.  The
    values list is the index's own phones list (by slot, "" once retired): the index
    appends to it, `add` only files the new slot's runs."""

    def __init__(self, values: list[str]) -> None:
        self.values = values
        lists: defaultdict[str, list[int]] = defaultdict(list)
        for slot, value in enumerate(values):
            for run in _runs(value):
                lists[run].append(slot)
        self.postings = {run: array("i", slots) for run, slots in lists.items()}

    def add(self, slot: int, value: str) -> None:
        runs, postings = _runs(value), self.postings
        for run in runs.difference(postings):
            postings[run] = array("i")
        deque(map(array.append, map(postings.__getitem__, runs), repeat(slot)), maxlen=0)

    def mask(self, q: str, pos: array[int], n: int) -> int | None:
        """Rows whose digits contain q (at least PHONE_RUN digits); None: q is shorter."""
        if len(q) < PHONE_RUN:
            return None
        postings = [self.postings.get(run) for run in _runs(q)]
        if any(p is None for p in postings):
            return 0
        rarest: array[int] = min(postings, key=len)  # type: ignore[arg-type]
        if len(q) > PHONE_RUN:  # the rows holding one run: check that they hold q
            rarest = array("i", compress(rarest, map(operator.contains, map(self.values.__getitem__, rarest), repeat(q))))
        return positions_mask(n, map(pos.__getitem__, rarest))


PHONE_RUN = 4


def _runs(digits: str) -> set[str]:
    return {digits[i : i + PHONE_RUN] for i in range(len(digits) - PHONE_RUN + 1)}


_MASKED = 8


def _slot_mask(slots: list[int], count: int) -> bytearray:
    mask = bytearray(count)
    deque(map(mask.__setitem__, slots, repeat(1)), maxlen=0)
    return mask


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
    """Prefix search over values kept sorted; the matches are one bisect range.

    A wide range (most codes share 914401…) is turned into a mask without visiting its
    rows: each row in name order carries its code's place in code order, coarsened to a
    byte (`_marks`), so the buckets wholly inside the range are one ``bytes.translate``
    and only the two buckets at its ends are checked row by row (≤ 2 × 4,096 rows at a
    million codes).  One byte per row, where a permutation would hold an int per row."""

    def __init__(self, values: list[str]) -> None:
        """`values` by slot ("" for none)."""
        order = sorted((slot for slot, value in enumerate(values) if value), key=values.__getitem__)
        self.sorted = [values[slot] for slot in order]
        self.slots = array("i", order)
        self._marks: tuple[array[int], int, bytes] | None = None

    def add(self, slot: int, value: str) -> None:
        if value:
            at = bisect_left(self.sorted, value)
            self.sorted.insert(at, value)
            self.slots.insert(at, slot)
            self._marks = None

    def retire(self, slot: int, value: str) -> None:
        if value:
            at = bisect_left(self.sorted, value)
            while self.slots[at] != slot:  # equal values (duplicate codes) sit side by side
                at += 1
            del self.sorted[at]
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
        low = bisect_left(self.sorted, q)
        high = bisect_left(self.sorted, q + "\U0010ffff", low)
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
