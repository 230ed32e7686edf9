"""A list model's ids, 16 bytes each: a uuid.UUID object is made only for a row asked for.

A million uuid.UUID objects in a list hold ~100 MB (object, its int, the list slot); the same
ids packed hold 16 MB (issue 14: "record ids are compact").  `compact()` packs a loader's
result when it is a list of UUIDs and leaves anything else (the enterprise index's own
IdList, ints, tuples) as it is."""

from __future__ import annotations

import uuid
from collections.abc import Hashable, Iterable, Iterator, Sequence
from typing import Any, overload

_SIZE = 16


class PackedIds(Sequence[uuid.UUID]):
    __slots__ = ("_data",)

    def __init__(self, ids: Sequence[uuid.UUID]) -> None:
        self._data = b"".join(i.bytes for i in ids)

    def __len__(self) -> int:
        return len(self._data) // _SIZE

    @overload
    def __getitem__(self, index: int) -> uuid.UUID: ...
    @overload
    def __getitem__(self, index: slice) -> list[uuid.UUID]: ...

    def __getitem__(self, index: int | slice) -> uuid.UUID | list[uuid.UUID]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("id index out of range")
        return uuid.UUID(bytes=self._data[_SIZE * index : _SIZE * index + _SIZE])

    def __iter__(self) -> Iterator[uuid.UUID]:
        data = self._data
        return (uuid.UUID(bytes=data[start : start + _SIZE]) for start in range(0, len(data), _SIZE))

    def __contains__(self, value: object) -> bool:
        return self._find(value) >= 0

    def index(self, value: Any, start: int = 0, stop: int | None = None) -> int:
        found = self._find(value, start, len(self) if stop is None else stop)
        if found < 0:
            raise ValueError(f"{value!r} is not in the list")
        return found

    def _find(self, value: object, start: int = 0, stop: int | None = None) -> int:
        if not isinstance(value, uuid.UUID):
            return -1
        key, end = value.bytes, _SIZE * (len(self) if stop is None else stop)
        at = self._data.find(key, _SIZE * max(0, start), end)
        while at >= 0 and at % _SIZE:  # a match straddling two ids
            at = self._data.find(key, at + 1, end)
        return -1 if at < 0 else at // _SIZE


def compact(ids: Iterable[Hashable]) -> Sequence[Hashable]:
    """A loader's result as the model keeps it: packed when it is all UUIDs, a read-only
    Sequence that is not a list (the enterprise index's IdList) as it is, else a list."""
    if isinstance(ids, Sequence) and not isinstance(ids, list):
        return ids
    listed = list(ids)
    if listed and all(type(i) is uuid.UUID for i in listed):
        return PackedIds(listed)  # type: ignore[arg-type]
    return listed
