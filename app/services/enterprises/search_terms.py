"""What the enterprise search works on and gives back: the index's row (`Entry`), a
parsed query (`Criteria` of `Term`s), the sort keys with their ranks (shared by the
index and the SQL path so that both give the same order) and a result (`IdList`)."""

from __future__ import annotations

import enum
import sys
import unicodedata
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import compress
from typing import NamedTuple, overload

from app.domain.credit_code import ALPHABET
from app.domain.districts import NAMES as DISTRICT_NAMES
from app.domain.industry_data import SECTIONS


class SortKey(enum.StrEnum):
    NAME = "name"
    DISTRICT = "district"
    INDUSTRY = "industry"
    SIZE = "size"
    UPDATED_AT = "updated_at"


# One byte per row; the SQL path sorts by the same ranks (enterprise_search._order).
DISTRICT_RANK = {name: i for i, name in enumerate(DISTRICT_NAMES)}
SIZE_RANK = {"large": 0, "medium": 1, "small": 2, "micro": 3}
STATUS_RANK = {"active": 0, "closed": 1, "moved": 2}
SECTION_RANK = {letter: i + 1 for i, letter in enumerate(SECTIONS)}
UNKNOWN_RANK = 99
NO_SIZE = 4
_PHONE_PUNCT = str.maketrans("", "", " -+()")
SCAN_CHUNK = 4096  # mask bytes scanned at first for a lazy IdList (tests lower it)


class Entry(NamedTuple):
    """One enterprise as the index receives it (enterprise_search.ENTRY_COLUMNS, same order)."""

    id: bytes  # the UUID's 16 bytes: 33 bytes less per row than a uuid.UUID, and sorts the same
    name: str
    name_initials: str
    credit_code: str | None
    contact_phone: str
    district: str | None
    industry_section: str | None
    industry_code: str | None
    size: str | None
    status: str
    credit_code_warning: bool
    updated_at: str  # as stored (ISO text); only used for sorting
    deleted: bool


def make_entry(row: Sequence[object]) -> Entry:
    """An Entry from a row: id as 16 bytes, flags as bool, one shared string per district, size…"""
    values = list(row)
    ident = values[0]
    values[0] = ident.bytes if isinstance(ident, uuid.UUID) else _id_bytes(str(ident))
    values[10], values[12] = bool(values[10]), bool(values[12])
    for i in (5, 6, 7, 8, 9):
        value = values[i]
        if isinstance(value, str):
            values[i] = sys.intern(value)
    return Entry._make(values)


def _id_bytes(text: str) -> bytes:
    """A stored id's 16 bytes: ``bytes.fromhex`` for the 32 hex digits SQLAlchemy writes
    (~10x uuid.UUID's parsing, which was a tenth of building the index), else uuid.UUID."""
    try:
        found = bytes.fromhex(text)
    except ValueError:
        found = b""
    return found if len(found) == 16 and len(text) == 32 else uuid.UUID(hex=text).bytes


@dataclass(frozen=True)
class Term:
    """One word of the search box and the columns it may match (None: not applicable)."""

    name: str  # substring of the name (NFKC, lower-case)
    initials: str | None  # substring of the pinyin initials
    code_prefix: str | None  # prefix of the credit code
    phone: str | None  # substring of the phone's digits


@dataclass(frozen=True)
class Criteria:
    terms: tuple[Term, ...] = ()
    district: str | None = None
    industry_section: str | None = None
    size: str | None = None
    status: str | None = None
    warning_only: bool = False

    @property
    def empty(self) -> bool:
        filters = (self.district, self.industry_section, self.size, self.status, self.warning_only)
        return not self.terms and not any(filters)


def parse_terms(text: str) -> tuple[Term, ...]:
    """Split the search box into words; each word is tried against every column it could mean."""
    terms = []
    for word in unicodedata.normalize("NFKC", text or "").split():
        lower, upper, digits = word.lower(), word.upper(), word.translate(_PHONE_PUNCT)
        terms.append(
            Term(
                name=lower,
                initials=lower if lower.isascii() and lower.isalnum() and not lower.isdigit() else None,
                code_prefix=upper if len(upper) <= 18 and all(ch in ALPHABET for ch in upper) else None,
                phone=digits if digits.isascii() and digits.isdigit() else None,
            )
        )
    return tuple(terms)


def search_name(name: str) -> str:
    """NFKC, lower-case; the very same object when that changes nothing (most Chinese names)."""
    folded = unicodedata.normalize("NFKC", name).lower()
    return name if folded == name else folded


def phone_digits(phone: str) -> str:
    if phone and phone.isdigit() and phone.isascii():  # most phones: NFKC and the filter change nothing
        return phone
    digits = "".join(ch for ch in unicodedata.normalize("NFKC", phone or "") if ch.isdigit())
    return phone if digits == phone else digits


_EPOCH = datetime(1970, 1, 1)


def updated_micros(stored: str) -> int:
    """A stored updated_at as microseconds: sorts like the text, in 8 bytes instead of ~75."""
    try:
        return (datetime.fromisoformat(stored).replace(tzinfo=None) - _EPOCH) // timedelta(microseconds=1)
    except (TypeError, ValueError):
        return 0


class IdList(Sequence[uuid.UUID]):
    """A search result: its rows' positions, turned into ids only when asked for.

    Ids are kept as one ``bytes`` of 16 bytes per row (the view's, shared by every
    result): 100,000 `uuid.UUID` objects would cost ~10 MB and a cache miss each, while
    the list model only ever reads its visible rows' ids.  A large result may also keep
    its hits as a byte-per-row mask (`hits`, in display order, over `source`, the view
    positions in that order) and find its positions a chunk at a time as rows are
    asked for: the first page of 60,000 hits needs a few thousand bytes scanned, not
    60,000 positions built.  With `by_position` the mask is in the view's own (name)
    order and is read through `source` (another sort order: no permuted copy of the
    mask, and no permutation kept to make one).  Immutable; a later write does not
    change it (it keeps the view it came from)."""

    __slots__ = ("_ids", "_rows", "_hits", "_source", "_scanned", "_len", "_by_position")

    def __init__(self, ids: bytes, rows: Sequence[int], hits: bytes = b"", source: Sequence[int] = (),
                 count: int | None = None, by_position: bool = False) -> None:
        self._ids, self._rows = ids, rows
        self._hits, self._source, self._scanned = hits, source, 0
        self._len = len(rows) if count is None else count
        self._by_position = by_position

    def __len__(self) -> int:
        return self._len

    def _upto(self, stop: int) -> None:
        """Find the positions of the first `stop` rows in the mask (chunks that double)."""
        rows, hits, source = self._rows, self._hits, self._source
        while len(rows) < stop and self._scanned < len(hits):
            start = self._scanned
            end = min(len(hits), start + max(SCAN_CHUNK, start))
            chunk = source[start:end]
            found = map(hits.__getitem__, chunk) if self._by_position else hits[start:end]
            rows.extend(compress(chunk, found))  # type: ignore[attr-defined]
            self._scanned = end

    def _id(self, row: int) -> uuid.UUID:
        at = 16 * row
        return uuid.UUID(bytes=self._ids[at : at + 16])

    @overload
    def __getitem__(self, i: int) -> uuid.UUID: ...

    @overload
    def __getitem__(self, i: slice) -> list[uuid.UUID]: ...

    def __getitem__(self, i: int | slice) -> uuid.UUID | list[uuid.UUID]:
        if isinstance(i, slice):
            wanted = range(*i.indices(self._len))
            if not wanted:
                return []
            self._upto(max(wanted[0], wanted[-1]) + 1)
            return [self._id(self._rows[k]) for k in wanted]
        if i < 0:
            i += self._len
        if not 0 <= i < self._len:
            raise IndexError("IdList index out of range")
        self._upto(i + 1)
        return self._id(self._rows[i])

    def __iter__(self) -> Iterator[uuid.UUID]:
        self._upto(self._len)
        return map(self._id, self._rows[: self._len])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"IdList({len(self)} ids)"
