"""Near-duplicate enterprise names: equal name keys or keys one edit apart.

Keys one edit apart keep their first half or their second half intact
(pigeonhole), so each key is filed under both halves for its length, and a
query probes the lengths L-1, L and L+1.  Buckets are hashes (smaller than
strings; a collision only adds a candidate, which is verified anyway).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from app.services.enterprises.names import name_key, within_one_edit


def _buckets(key: str, length: int) -> tuple[int, int]:
    half = length // 2
    return hash((length, 0, key[:half])), hash((length, 1, key[len(key) - (length - half) :]))


class SimilarNames:
    """Built on first use (~1 s for 100,000 names), then kept current by add/remove."""

    def __init__(self) -> None:
        self._buckets: dict[int, list[uuid.UUID]] | None = None
        self._keys: dict[uuid.UUID, str] = {}

    def reset(self) -> None:
        self._buckets, self._keys = None, {}

    def build(self, names: Iterable[tuple[uuid.UUID, str]]) -> None:
        if self._buckets is None:
            self._buckets = {}
            for enterprise_id, name in names:
                self.add(enterprise_id, name)

    def add(self, enterprise_id: uuid.UUID, name: str) -> None:
        if self._buckets is None:
            return
        key = name_key(name)
        if key:
            self._keys[enterprise_id] = key
            for bucket in _buckets(key, len(key)):
                self._buckets.setdefault(bucket, []).append(enterprise_id)

    def remove(self, enterprise_id: uuid.UUID) -> None:
        key = self._keys.pop(enterprise_id, None)
        if key is not None and self._buckets is not None:
            for bucket in _buckets(key, len(key)):
                self._buckets[bucket].remove(enterprise_id)

    def find(self, key: str) -> list[uuid.UUID]:
        """Ids whose key equals `key` or is one insertion, deletion or substitution away."""
        if not key or self._buckets is None:
            return []
        found: dict[uuid.UUID, None] = {}
        for length in (len(key) - 1, len(key), len(key) + 1):
            if length < 1:
                continue
            for bucket in _buckets(key, length):
                for enterprise_id in self._buckets.get(bucket, ()):
                    if enterprise_id not in found and within_one_edit(key, self._keys[enterprise_id]):
                        found[enterprise_id] = None
        return list(found)
