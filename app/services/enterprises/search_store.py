"""Compact storage behind the enterprise search index (issue 14: ≤ 200 MB with the list open).

A `str` object per row and value costs 50–75 bytes of header besides its characters, and
a posting list per key an array object, its key and a dict entry (~200 bytes) besides its
slots.  At 100,000 enterprises that was 27 MB of row strings and 17 MB of postings.  Here:

* `TextColumn` — every slot's value in one ``str``, each followed by "\\n", with a start
  offset per slot (4 bytes): the characters and 5 bytes a row.  A value is a slice; a
  substring test is a pattern search between two offsets (no slice made); a scan of every
  row is one ``str.split`` (the matches' rows found with ``bisect``) or a search per row.
* `Postings` — ascending slot lists by integer key, packed a block of 32,768 slots at a
  time into one ``array('H')`` of gaps per block (2 bytes a posting: inside a block every
  gap and first offset fits), with sorted key and offset arrays (14 bytes a key and block,
  no Python object per key).  A list is read back with ``itertools.accumulate`` (C level).
  Building a block at a time keeps one block's scratch lists alive, not every list (at a
  million rows the freed lists had left ~100 MB in the C heap).  Slots added after the
  build go to small plain arrays (`added`) until the next build.
"""

from __future__ import annotations

import operator
import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from itertools import accumulate, chain, compress, islice, repeat

_SEP = "\n"  # after every value; a search term never holds whitespace (parse_terms splits on it)


class TextColumn:
    """Strings by slot, in one ``str``: slot i is ``text[starts[i] : starts[i + 1] - 1]``.

    Append-only: a retired slot keeps its text (the index's `pos` drops it).  Values
    appended after the build wait in a list and are joined on the next read of the whole
    column (one copy of the column per batch of writes, ~1 ms per 10 MB); `get` reads them
    from the list, so the inserts of a batch (bisects by name, by code) copy nothing."""

    __slots__ = ("_text", "_joined", "_pending", "_building", "starts")

    def __init__(self, values: Iterable[str] = ()) -> None:
        self._text = ""
        self._joined = 0  # slots in _text
        self._pending: list[str] = []  # values each followed by _SEP, not yet joined
        self._building = bytearray()  # values given to `extend`, UTF-8, each followed by _SEP
        self.starts = array("I", [0])
        self.extend(values)

    def __len__(self) -> int:
        return len(self.starts) - 1

    def extend(self, values: Iterable[str]) -> None:
        """Append many values (a build), a few thousand at a time into one growing buffer:
        no list of them all, and no chunks left as holes in the C heap once joined."""
        if self._pending:
            self._join()
        it = iter(values)
        while chunk := list(islice(it, 4096)):
            self._building += (_SEP.join(chunk) + _SEP).encode("utf-8", "surrogatepass")
            self.starts.extend(islice(accumulate(map((1).__add__, map(len, chunk)), initial=self.starts[-1]), 1, None))

    def append(self, value: str) -> None:
        self._pending.append(value + _SEP)
        self.starts.append(self.starts[-1] + len(value) + 1)

    def _join(self) -> str:
        if self._building:
            self._text += self._building.decode("utf-8", "surrogatepass")
            self._building = bytearray()
        if self._pending:
            self._text = "".join([self._text, *self._pending])
            self._pending = []
        self._joined = len(self)
        return self._text

    @property
    def text(self) -> str:
        return self._join()

    def get(self, slot: int) -> str:
        if slot >= self._joined:
            if not self._building and len(self._pending) == len(self) - self._joined:  # appends: no join
                return self._pending[slot - self._joined][:-1]
            self._join()
        return self._text[self.starts[slot] : self.starts[slot + 1] - 1]

    def __getitem__(self, slot: int) -> str:
        return self.get(slot)

    def values(self) -> Iterator[str]:
        """Every slot's value in slot order (split a few thousand at a time)."""
        text, starts, count = self._join(), self.starts, len(self)
        for first in range(0, count, 4096):
            last = min(count, first + 4096)
            chunk = text[starts[first] : starts[last] - 1].split(_SEP)
            yield from chunk if len(chunk) == last - first else map(self.get, range(first, last))

    def holding(self, q: str, slots: Iterable[int]) -> array[int]:
        """The slots (of `slots`, in their order) whose value contains q.  A compiled
        pattern's ``search(text, start, end)`` per slot: no slice made, and ~25 % less
        than ``str.find`` with bounds, whose argument parsing is most of its cost."""
        slots = slots if isinstance(slots, array) else array("I", slots)
        text, search = self._join(), re.compile(re.escape(q)).search
        with memoryview(self.starts) as starts:  # released before the column grows again
            ends = starts[1:]
            found = map(search, repeat(text), map(starts.__getitem__, slots), map(ends.__getitem__, slots))
            held = array("I", compress(slots, found))
            ends.release()
        return held

    def scan(self, q: str) -> Iterable[int] | bytes:
        """Slots whose value contains q, by one pass over the whole column: an iterable of
        slots (a slot may come more than once), or, when q is in nearly every row, a byte per
        slot (1: contains)."""
        text, n = self._join(), len(self)
        pieces = text.split(q, n)  # one pass: the pieces' lengths locate the matches
        if len(pieces) == 1:
            return ()
        if len(pieces) > n:  # more matches than rows: test each row instead
            search, starts = re.compile(re.escape(q)).search, self.starts
            return bytes(map(bool, map(search, repeat(text), starts, islice(starts, 1, None))))
        ends = accumulate(map(len(q).__add__, map(len, pieces[:-1])))  # each match's end
        return map(operator.sub, map(bisect_right, repeat(self.starts), ends), repeat(1))


BLOCK = 1 << 16  # slots per block of postings: offsets inside a block fit 2 bytes


def _gaps(slots: array[int]) -> Iterator[int]:
    return map(operator.sub, islice(slots, 1, None), slots)


class _Block:
    """The postings of the slots base … base + BLOCK - 1: sorted keys, each key's first
    slot (as an offset from base) and the end of its gaps in one array('H')."""

    __slots__ = ("base", "keys", "firsts", "ends", "gaps")

    def __init__(self, base: int, lists: dict[int, array[int]]) -> None:
        self.base = base
        self.keys, self.firsts, self.ends, self.gaps = array("q"), array("H"), array("I"), array("H")
        for key in sorted(lists):
            slots = lists.pop(key)  # each list freed as it is packed
            self.keys.append(key)
            self.firsts.append(slots[0] - base)
            self.gaps.extend(_gaps(slots))
            self.ends.append(len(self.gaps))

    def find(self, key: int) -> int:
        i = bisect_left(self.keys, key)
        return i if i < len(self.keys) and self.keys[i] == key else -1

    def count(self, i: int) -> int:
        return self.ends[i] - (self.ends[i - 1] if i else 0) + 1

    def slots(self, i: int) -> Iterator[int]:
        return accumulate(self.gaps[self.ends[i - 1] if i else 0 : self.ends[i]], initial=self.base + self.firsts[i])


class Postings:
    """Ascending slot lists by integer key, packed a block of slots at a time (see the
    module docstring): the build holds one block's lists at once, not every list."""

    __slots__ = ("blocks", "added")

    def __init__(self) -> None:
        self.blocks: list[_Block] = []
        self.added: dict[int, array[int]] = {}  # slots filed after the build

    def pack(self, base: int, lists: dict[int, array[int]]) -> None:
        """File the lists of slots base … base + BLOCK - 1 (blocks in order), emptying `lists`."""
        assert not self.blocks or base >= self.blocks[-1].base + BLOCK
        self.blocks.append(_Block(base, lists))

    def add(self, key: int, slot: int) -> None:
        """File a slot greater than every slot filed so far."""
        found = self.added.get(key)
        if found is None:
            self.added[key] = array("I", [slot])
        else:
            found.append(slot)

    def __contains__(self, key: int) -> bool:
        return self.count(key) > 0

    def count(self, key: int) -> int:
        total = len(self.added.get(key, ()))
        for block in self.blocks:
            i = block.find(key)
            if i >= 0:
                total += block.count(i)
        return total

    def slots(self, key: int) -> Iterable[int]:
        """The key's slots, ascending (iterators over the packed arrays)."""
        parts: list[Iterable[int]] = []
        for block in self.blocks:
            i = block.find(key)
            if i >= 0:
                parts.append(block.slots(i))
        if key in self.added:
            parts.append(self.added[key])
        return chain.from_iterable(parts)
