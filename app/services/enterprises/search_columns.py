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
  each matching row, ~3 ms moving a range mask into name order.
* Phones are searched with str.find in one joined string (see _View): digits are
  low-entropy, so postings would be huge, while typed phone queries are long.
"""

from __future__ import annotations

import operator
from array import array
from bisect import bisect_left
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import compress, repeat

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
        # array('i') keeps 4 bytes per posting instead of a pointer to an int object
        self.postings = {piece: array("i", slots) for piece, slots in lists.items()}

    def add(self, slot: int, value: str) -> None:
        assert slot == len(self.values)
        self.values.append(value)
        for piece in _pieces(value):
            found = self.postings.get(piece)
            if found is None:
                self.postings[piece] = array("i", (slot,))
            else:
                found.append(slot)

    def retire(self, slot: int) -> None:
        self.values[slot] = ""

    def mask(self, q: str, pos: array[int], in_order: list[str]) -> int:
        """Rows whose value contains q; `in_order` is the live values in name order."""
        n = len(in_order)
        postings = [self.postings.get(piece) for piece in (_pieces(q) if len(q) <= 2 else set(_pairs(q)))]
        present = [p for p in postings if p is not None]
        if len(present) < len(postings):
            return 0
        rarest = min(present, key=len)
        if len(q) <= 2:  # the query is one piece: its postings are the answer
            return positions_mask(n, map(pos.__getitem__, self.postings[q]))
        if len(rarest) > n // _DENSE:
            return scan_mask(in_order, operator.contains, q)
        holds = map(operator.contains, map(self.values.__getitem__, rarest), repeat(q))
        return positions_mask(n, map(pos.__getitem__, compress(rarest, holds)))


def _pairs(text: str) -> Iterator[str]:
    return map(operator.add, text, text[1:])


def _pieces(text: str) -> set[str]:
    pieces = set(text)
    pieces.update(_pairs(text))
    return pieces


class PrefixColumn:
    """Prefix search over values kept sorted; the matches are one bisect range.

    A wide range (most codes share 914401…) is turned into a mask without visiting its
    rows: ones over the range in code order, moved to name order by one itemgetter call."""

    def __init__(self, values: list[str]) -> None:
        """`values` by slot ("" for none)."""
        order = sorted((slot for slot, value in enumerate(values) if value), key=values.__getitem__)
        self.sorted = [values[slot] for slot in order]
        self.slots = array("i", order)
        self._to_name_order: tuple[array[int], Callable[[bytes], Sequence[int]]] | None = None

    def add(self, slot: int, value: str) -> None:
        if value:
            at = bisect_left(self.sorted, value)
            self.sorted.insert(at, value)
            self.slots.insert(at, slot)
            self._to_name_order = None

    def retire(self, slot: int, value: str) -> None:
        if value:
            at = bisect_left(self.sorted, value)
            while self.slots[at] != slot:  # equal values (duplicate codes) sit side by side
                at += 1
            del self.sorted[at]
            del self.slots[at]
            self._to_name_order = None

    def permuter(self, pos: array[int], n: int) -> Callable[[bytes], Sequence[int]]:
        """Moves a mask from code order to name order (cached for the view's `pos`)."""
        if self._to_name_order is None or self._to_name_order[0] is not pos:
            rank = array("i", [len(self.slots)]) * n  # position -> place in code order; no code -> the spare 0
            deque(map(rank.__setitem__, map(pos.__getitem__, self.slots), range(len(self.slots))), maxlen=0)
            self._to_name_order = (pos, operator.itemgetter(*rank))
        return self._to_name_order[1]

    def mask(self, q: str, pos: array[int], n: int) -> int:
        low = bisect_left(self.sorted, q)
        high = bisect_left(self.sorted, q + "\U0010ffff", low)
        if high - low > n // _WIDE and n > 1:
            in_code_order = bytes(low) + b"\x01" * (high - low) + bytes(len(self.sorted) - high + 1)
            return int.from_bytes(bytes(self.permuter(pos, n)(in_code_order)), "big")
        return positions_mask(n, map(pos.__getitem__, self.slots[low:high])) if high > low else 0
