"""The enterprise list: filters, search-as-you-type and lazy row fetching.

The list model holds ids only (`query_ids`) and fetches a page of rows at a time
(`fetch_rows`).  Searching runs on the in-process index (enterprise_search_index)
once `warm_up` has built it (call it in the background when the profile opens);
until then, and after `invalidate`, the same results come from SQL.  Measured over
100,000 enterprises by benchmarks/bench_search.py.

Keeping the index current (enterprise_search_live): enterprise_service reports its
writes through `note_changed`; any other writer of the enterprise table (import,
sync, demo data) must call `note_changed(session, ids)` in its transaction too.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import SQLColumnExpression, and_, bindparam, case, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from app.domain import industries
from app.domain.catalogue import ENTERPRISE_STATUSES
from app.domain.enterprise_size import SIZE_LABELS, Size
from app.models import Enterprise
from app.services.enterprises.search_live import (
    LIVE,
    invalidate,
    note_bulk_changed,
    note_changed,
    ready_index,
    wait_caught_up,
    warm_up,
)
from app.services.enterprises.search_terms import (
    DISTRICT_RANK,
    NO_SIZE,
    SIZE_RANK,
    UNKNOWN_RANK,
    Criteria,
    IdList,
    SortKey,
    parse_terms,
)

__all__ = [  # warm_up … ready_index are re-exported: callers need only this module
    "LIVE", "EnterpriseFilter", "EnterpriseRow", "SortKey", "count", "fetch_rows", "invalidate",
    "note_bulk_changed", "note_changed", "query_ids", "ready_index", "sql_query_ids", "wait_caught_up", "warm_up",
]

_SIZE_BY_VALUE = {s.value: s for s in Size}


@dataclass(frozen=True)
class EnterpriseFilter:
    text: str = ""  # search box: name substring, pinyin initials, credit-code prefix, phone digits
    district: str | None = None
    industry_section: str | None = None  # A–T
    size: str | None = None  # Size value: large / medium / small / micro
    status: str | None = None  # active / closed / moved
    warning_only: bool = False  # only codes accepted with a check-character warning

    def criteria(self) -> Criteria:
        size = self.size.value if isinstance(self.size, Size) else self.size
        return Criteria(
            parse_terms(self.text), self.district or None, self.industry_section or None, size or None,
            self.status or None, self.warning_only,
        )


@dataclass(frozen=True)
class EnterpriseRow:
    """One line of the enterprise list."""

    id: uuid.UUID
    version: int
    name: str
    credit_code: str | None
    credit_code_warning: bool
    district: str | None
    industry_section: str | None
    industry_code: str | None
    industry_label: str
    size: str | None
    size_label: str  # 大型/中型/小型/微型, "" when it cannot be computed yet
    status: str
    status_label: str
    contact_name: str
    contact_phone: str
    updated_at: datetime


# --- queries ----------------------------------------------------------------------


def query_ids(
    session: Session,
    filt: EnterpriseFilter | None = None,
    sort_key: SortKey | str = SortKey.NAME,
    descending: bool = False,
) -> Sequence[uuid.UUID]:
    """Ids of the matching enterprises in display order (the list model fetches rows lazily).

    A read-only Sequence: from the index an IdList, which turns positions into ids only
    for the rows asked for and does not change when the table does; from SQL an IdList too."""
    filt, key = filt or EnterpriseFilter(), SortKey(sort_key)
    index = ready_index(session)
    if index is not None:
        return index.query(filt.criteria(), key, descending)
    return sql_query_ids(session, filt, key, descending)


def count(session: Session, filt: EnterpriseFilter | None = None) -> int:
    filt = filt or EnterpriseFilter()
    index = ready_index(session)
    if index is not None:
        return index.count(filt.criteria())
    return int(session.scalar(select(func.count()).select_from(Enterprise).where(*_conditions(filt.criteria()))) or 0)


_ROW_COLUMNS = (
    Enterprise.id, Enterprise.version, Enterprise.name, Enterprise.credit_code, Enterprise.credit_code_warning,
    Enterprise.district, Enterprise.industry_section, Enterprise.industry_code, Enterprise.size, Enterprise.status,
    Enterprise.contact_name, Enterprise.contact_phone, Enterprise.updated_at,
)
# Built once: constructing the statement cost half of a page fetch.
_PAGE = select(*_ROW_COLUMNS).where(Enterprise.id.in_(bindparam("ids", expanding=True)), LIVE)
_industry_label = lru_cache(maxsize=4096)(industries.label)


def fetch_rows(session: Session, ids: Sequence[uuid.UUID]) -> list[EnterpriseRow]:
    """Rows for a page of ids (one query), in the ids' order; ids deleted meanwhile are left out."""
    if not ids:
        return []
    found = {}
    for r in session.execute(_PAGE, {"ids": list(ids)}):
        size = _SIZE_BY_VALUE.get(r.size or "")
        found[r.id] = EnterpriseRow(
            r.id, r.version, r.name, r.credit_code, r.credit_code_warning, r.district, r.industry_section,
            r.industry_code, _industry_label(r.industry_section, r.industry_code), r.size,
            SIZE_LABELS[size] if size else "", r.status, ENTERPRISE_STATUSES.get(r.status, r.status),
            r.contact_name, r.contact_phone, r.updated_at,
        )
    return [found[i] for i in ids if i in found]


# --- the SQL path (before the index is built; also the benchmark's baseline) -------


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _phone_digits_sql() -> SQLColumnExpression[str]:
    expr: SQLColumnExpression[str] = Enterprise.contact_phone
    for ch in " -+()":
        expr = func.replace(expr, ch, "")
    return expr


def _conditions(criteria: Criteria) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = [LIVE]
    for term in criteria.terms:
        alternatives = [Enterprise.name.like(_like(term.name), escape="\\")]
        if term.initials:
            alternatives.append(Enterprise.name_initials.like(_like(term.initials), escape="\\"))
        if term.code_prefix:
            alternatives.append(Enterprise.credit_code.like(term.code_prefix + "%"))
        if term.phone:
            alternatives.append(_phone_digits_sql().like(_like(term.phone), escape="\\"))
        conds.append(or_(*alternatives))
    for column, value in (
        (Enterprise.district, criteria.district),
        (Enterprise.industry_section, criteria.industry_section),
        (Enterprise.size, criteria.size),
        (Enterprise.status, criteria.status),
    ):
        if value:
            conds.append(column == value)
    if criteria.warning_only:
        conds.append(Enterprise.credit_code_warning.is_(True))
    return conds


def _order(key: SortKey) -> list[SQLColumnExpression[Any]]:
    """The index's order: the key's rank, then name order (initials, name, id).

    `name_initials || ''` keeps SQLite from walking ix_enterprise_name_initials with a
    random row lookup per step (600 ms for 100,000) instead of scanning and sorting (80 ms)."""
    by_name = [Enterprise.name_initials.op("||")(""), Enterprise.name, Enterprise.id]
    if key is SortKey.DISTRICT:
        return [case(DISTRICT_RANK, value=Enterprise.district, else_=UNKNOWN_RANK), *by_name]
    if key is SortKey.SIZE:
        return [case(SIZE_RANK, value=Enterprise.size, else_=NO_SIZE), *by_name]
    if key is SortKey.INDUSTRY:
        return [func.coalesce(Enterprise.industry_section, "") + func.coalesce(Enterprise.industry_code, ""), *by_name]
    if key is SortKey.UPDATED_AT:
        return [Enterprise.updated_at, *by_name]
    return by_name


def sql_query_ids(
    session: Session, filt: EnterpriseFilter, sort_key: SortKey | str, descending: bool
) -> IdList:
    """query_ids without the index (LIKE scans; 50 ms to 1 s over 100,000 rows).

    The ids are read a few thousand at a time into 16 bytes each: the list shown while the
    index builds held 100,000 uuid.UUID objects (~10 MB resident afterwards, issue 14)."""
    order = _order(SortKey(sort_key))
    query = select(Enterprise.id).where(and_(*_conditions(filt.criteria())))
    query = query.order_by(*(o.desc() for o in order) if descending else order)
    packed = bytearray()
    for enterprise_id in session.scalars(query.execution_options(yield_per=5000)):
        packed += enterprise_id.bytes
    return IdList(bytes(packed), range(len(packed) // 16))
