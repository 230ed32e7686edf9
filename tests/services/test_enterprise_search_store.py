"""The search index's compact storage (issue 14: one str per text column, packed postings)
gives exactly what a plain scan of the rows gives, whatever the rows, edits and queries."""

from __future__ import annotations

import uuid
from array import array
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.districts import NAMES
from app.services.enterprises import search_columns, search_index, search_store, search_terms
from app.services.enterprises.search_index import SearchIndex
from app.services.enterprises.search_store import BLOCK, Postings, TextColumn
from app.services.enterprises.search_terms import (
    DISTRICT_RANK,
    NO_SIZE,
    SIZE_RANK,
    UNKNOWN_RANK,
    Criteria,
    Entry,
    SortKey,
    parse_terms,
    phone_digits,
    search_name,
    updated_micros,
)


def test_text_column_values_offsets_and_scans() -> None:
    column = TextColumn(["广州云帆", "", "abc\nd", "云帆云帆"])
    column.append("𠮷云")  # beyond the BMP: the joined str widens, offsets stay in characters
    assert len(column) == 5 and list(column.values()) == ["广州云帆", "", "abc\nd", "云帆云帆", "𠮷云"]
    assert column.get(4) == "𠮷云" and column[2] == "abc\nd"
    assert list(column.holding("云帆", [3, 1, 0, 4])) == [3, 0]
    assert sorted(set(column.scan("云"))) == [0, 3, 4]  # split: a row with two matches may come twice
    assert list(column.scan("d")) == [2]
    assert column.scan("x") == ()
    assert column.scan("云帆") is not None and sorted(set(column.scan("帆"))) == [0, 3]
    every = TextColumn(["aa", "a", "ba"])
    assert every.scan("a") == b"\x01\x01\x01"  # more matches than rows: a byte per row


def test_text_column_reads_values_written_since_the_join_without_joining() -> None:
    column = TextColumn(["甲", "乙"])
    assert column.get(1) == "乙"  # the build's chunk is joined on the first read
    column.append("丙")
    column.append("")
    assert (column.get(2), column.get(3), column.get(0)) == ("丙", "", "甲")
    assert column.text == "甲\n乙\n丙\n\n"  # joined now, once
    column.extend(["丁", "戊"])  # a chunk of two: read by joining
    assert column.get(5) == "戊" and column.get(4) == "丁"


def test_postings_pack_blocks_and_take_later_slots() -> None:
    lists = {  # each key's slots, across blocks
        7: [3, 4, BLOCK - 1, BLOCK, 3 * BLOCK + 2],  # a block without the key between
        2: [0, BLOCK - 1],  # the widest gap inside a block
        5: [2 * BLOCK + BLOCK - 1],  # only in the third block, at its last slot
        -1: [1],
    }
    postings = Postings()
    for base in range(0, 4 * BLOCK, BLOCK):
        postings.pack(base, {key: array("I", [s for s in slots if base <= s < base + BLOCK])
                             for key, slots in lists.items() if any(base <= s < base + BLOCK for s in slots)})
    for key, slots in lists.items():
        assert postings.count(key) == len(slots) and list(postings.slots(key)) == slots
    assert postings.count(3) == 0 and list(postings.slots(3)) == [] and 3 not in postings
    postings.add(7, 4 * BLOCK)
    postings.add(3, 4 * BLOCK + 1)
    assert list(postings.slots(7)) == [*lists[7], 4 * BLOCK] and postings.count(7) == 6
    assert list(postings.slots(3)) == [4 * BLOCK + 1] and 3 in postings


# --- the index against a plain scan ---------------------------------------------------

CHARS = "云帆科技有限公司广州ABCabｃＤ（）()𠮷 -"
names = st.text(alphabet=CHARS, min_size=1, max_size=8)
phones = st.one_of(st.just(""), st.text(alphabet="0123458-", max_size=13), st.sampled_from(["１３８００", "13٣80"]))
codes = st.one_of(st.none(), st.just(""), st.text(alphabet="914ABC0", min_size=1, max_size=6))
entries = st.builds(
    lambda name, initials, code, phone, district, section, industry, size, status, warning, minutes, deleted: (
        name, initials, code, phone, district, section, industry, size, status, warning, minutes, deleted),
    names, st.text(alphabet="gzyfk", max_size=6), codes, phones,
    st.sampled_from([None, "", "不存在区", *NAMES[:4]]), st.sampled_from([None, "C", "I"]),
    st.sampled_from([None, "", "6510", "3990"]), st.sampled_from([None, "small", "large", "x"]),
    st.sampled_from(["active", "closed", "moved"]), st.booleans(), st.integers(0, 5), st.booleans(),
)
queries = st.lists(
    st.one_of(st.text(alphabet=CHARS.replace(" ", ""), min_size=1, max_size=4), st.sampled_from(
        ["云", "云帆", "有限公司", "gz", "yf", "gzy", "91", "914", "9144a", "138", "1380", "3800", "13800", "0138", "٣"])),
    max_size=2,
)
filters = st.fixed_dictionaries({
    # a known district only: the index files any other as "unknown" (SQL would compare the text)
    "district": st.sampled_from([None, NAMES[0], NAMES[6]]), "size": st.sampled_from([None, "small"]),
    "status": st.sampled_from([None, "active"]), "industry_section": st.sampled_from([None, "C"]),
    "warning_only": st.booleans(),
})
_START = datetime(2026, 1, 1)


def _entry(ident: bytes, row: tuple) -> Entry:  # type: ignore[type-arg]
    name, initials, code, phone, district, section, industry, size, status, warning, minutes, deleted = row
    updated = (_START + timedelta(minutes=minutes)).isoformat(sep=" ")
    return Entry(ident, name, initials, code, phone, district, section, industry, size, status, warning, updated,
                 deleted)


def _expected(rows: dict[bytes, Entry], criteria: Criteria, key: SortKey, descending: bool) -> list[uuid.UUID]:
    """The plain scan: what SQL's LIKE and ORDER BY do (enterprise_search._conditions, _order)."""
    def hit(e: Entry) -> bool:
        for term in criteria.terms:
            if not (term.name in search_name(e.name)
                    or (term.initials and term.initials in e.name_initials)
                    or (term.code_prefix and (e.credit_code or "").startswith(term.code_prefix))
                    or (term.phone and term.phone in phone_digits(e.contact_phone))):
                return False
        wanted = (criteria.district, criteria.size, criteria.status, criteria.industry_section)
        held = (e.district, e.size, e.status, e.industry_section)
        return (all(w is None or w == h for w, h in zip(wanted, held, strict=True))
                and (e.credit_code_warning or not criteria.warning_only))

    def sort_key(e: Entry) -> tuple:  # type: ignore[type-arg]
        by_name = (e.name_initials, e.name, e.id)
        value = {
            SortKey.NAME: 0,
            SortKey.DISTRICT: DISTRICT_RANK.get(e.district or "", UNKNOWN_RANK),
            SortKey.SIZE: SIZE_RANK.get(e.size or "", NO_SIZE),
            SortKey.INDUSTRY: (e.industry_section or "") + (e.industry_code or ""),
            SortKey.UPDATED_AT: updated_micros(e.updated_at),
        }[key]
        return (value, *by_name)

    found = sorted((e for e in rows.values() if not e.deleted and hit(e)), key=sort_key)
    return [uuid.UUID(bytes=e.id) for e in (found[::-1] if descending else found)]


@contextmanager
def _thresholds(small: bool) -> Iterator[None]:
    """Small rows counts reach every branch only with small thresholds (dense masks, scans,
    wide prefixes, few/many hits, bulk applies, lazy chunks, postings in several blocks, dense
    pieces chosen from a sample of the rows)."""
    saved = [(module, name, getattr(module, name)) for module, name in (
        (search_columns, "_DENSE"), (search_columns, "_MASKED"), (search_columns, "_WIDE"),
        (search_index, "_FEW"), (search_index, "_BULK"), (search_index, "_LOOKUPS"), (search_terms, "SCAN_CHUNK"),
        (search_columns, "BLOCK"), (search_store, "BLOCK"), (search_columns, "_SAMPLE"))]
    if small:
        for (module, name, _), value in zip(saved, (2, 3, 4, 2, 3, 1, 2, 3, 3, 4), strict=True):
            setattr(module, name, value)
    try:
        yield
    finally:
        for module, name, value in saved:
            setattr(module, name, value)


@settings(max_examples=150, deadline=None)
@given(
    first=st.lists(entries, max_size=25), edits=st.lists(st.lists(st.tuples(st.integers(0, 40), entries), max_size=6),
                                                         max_size=3),
    searches=st.lists(st.tuples(queries, filters, st.sampled_from(list(SortKey)), st.booleans()), min_size=1,
                      max_size=4),
    small=st.booleans(), order_in=st.booleans(),
)
def test_index_answers_as_a_plain_scan(first, edits, searches, small, order_in) -> None:  # type: ignore[no-untyped-def]
    ids = [uuid.UUID(int=(i * 2654435761) % 2**122 | 1 << 76).bytes for i in range(64)]
    rows = {ids[i]: _entry(ids[i], row) for i, row in enumerate(first)}
    with _thresholds(small):
        built = sorted(rows.values(), key=lambda e: (e.name_initials, e.name, e.id)) if order_in else rows.values()
        index = SearchIndex(list(built))
        check(index, rows, searches[:1])
        for batch in edits:  # writes after searches: the columns grow under no held buffer
            changed = [_entry(ids[i], row) for i, row in batch]
            index.apply(changed)
            rows.update((e.id, e) for e in changed)
            if batch and batch[0][0] % 2:
                index.prepare()
            check(index, rows, searches[:1])
        check(index, rows, searches)


def check(index: SearchIndex, rows: dict[bytes, Entry], searches: list) -> None:  # type: ignore[type-arg]
    for words, picked, key, descending in searches:
        criteria = Criteria(parse_terms(" ".join(words)), **picked)
        want = _expected(rows, criteria, key, descending)
        found = index.query(criteria, key, descending)
        assert list(found) == want, (words, picked, key, descending)
        assert index.count(criteria) == len(want)
        again = index.query(criteria, key, descending)  # read from the end first, then a slice
        assert again[-1:] == want[-1:] and again[1:4] == want[1:4]
