"""Which enterprises a policy applies to (匹配企业), and recording that the station told them
(记录已宣传): one 政策咨询 service record per enterprise, with the policy attached.

Matching is one SQL query, so it stays quick over 100,000 enterprises:
- only live enterprises whose status is active; nothing at all once the policy has expired;
- industries: a section letter matches the enterprise's section, a division (or finer)
  code matches every enterprise code that starts with it; an enterprise whose industry is
  unknown only matches a policy for all industries (likewise size and district);
- an empty list means everyone.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, false, insert, or_, select
from sqlalchemy.orm import Session

from app.domain import districts as district_names
from app.domain.enterprise_size import LABEL_TO_SIZE, SIZE_LABELS, Size
from app.domain.errors import UserError, ValidationError
from app.domain.industries import label as industry_label
from app.domain.industry_data import SECTIONS
from app.domain.messages import Msg
from app.domain.periods import china_today
from app.models import Enterprise, Policy, ServiceRecord
from app.models.types import uuid7
from app.services.actor import Actor
from app.services.records import period_locks
from app.services.records import validation as record_validation
from app.services.records.validation import RecordInput
from app.services.row_access import load_live
from app.services.station.identity import require_station

POLICY_CATEGORY = "policy"  # 政策咨询 in app.domain.catalogue.SERVICE_CATEGORIES
CHUNK = 500
_SPLIT = re.compile(r"[\s,，、;；/]+")
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Scope:
    """A policy's audience, parsed.  `restricted_*` is True when the stored list was not
    empty, even if none of its entries could be read (then nobody matches)."""

    sections: frozenset[str] = frozenset()
    codes: frozenset[str] = frozenset()  # division or finer code prefixes
    sizes: frozenset[str] = frozenset()
    districts: frozenset[str] = frozenset()
    restricted_industry: bool = False
    restricted_size: bool = False
    restricted_district: bool = False
    expires_on: date | None = None

    @classmethod
    def parse(cls, industries: str, sizes: str, districts: str, expires_on: date | None = None) -> Scope:
        sections, codes, size_codes, names = set(), set(), set(), set()
        for token in _tokens(industries):
            code = token.upper()
            if code[:1] in SECTIONS and code[1:].isdigit():
                code = code[1:]
            if code in SECTIONS:
                sections.add(code)
            elif code.isdigit():
                codes.add(code)
        for token in _tokens(sizes):
            size = LABEL_TO_SIZE.get(token) or (Size(token.lower()) if token.lower() in {s.value for s in Size} else None)
            if size is not None:
                size_codes.add(size.value)
        for token in _tokens(districts):
            if name := district_names.parse_district(token):
                names.add(name)
        return cls(frozenset(sections), frozenset(codes), frozenset(size_codes), frozenset(names),
                   bool(_tokens(industries)), bool(_tokens(sizes)), bool(_tokens(districts)), expires_on)

    def expired(self, on: date) -> bool:
        return self.expires_on is not None and self.expires_on < on


@dataclass(frozen=True)
class MatchResult:
    policy_id: uuid.UUID
    ids: list[uuid.UUID]  # by enterprise name
    count: int
    expired: bool


@dataclass(frozen=True)
class MatchRow:
    id: uuid.UUID
    name: str
    credit_code: str
    industry: str
    size: str
    district: str
    relayed: bool


@dataclass(frozen=True)
class RelayResult:
    created: int
    skipped: int  # already relayed this policy before
    missing: int  # deleted meanwhile
    record_ids: list[uuid.UUID]

    @property
    def message(self) -> str:
        text = Msg("已为%1家企业登记政策宣传服务记录", self.created)
        if self.skipped:
            text += Msg("，%1家此前已宣传过，已跳过", self.skipped)
        if self.missing:
            text += Msg("，%1家企业已被删除，未登记", self.missing)
        return text + "。"


def _tokens(text: str | None) -> list[str]:
    return [t for t in _SPLIT.split(text or "") if t]


def scope_of(policy: Policy) -> Scope:
    return Scope.parse(policy.industries, policy.sizes, policy.districts, policy.expires_on)


def conditions(scope: Scope) -> list[ColumnElement[bool]]:
    """WHERE terms for the enterprises in `scope` (expiry is the caller's business)."""
    terms: list[ColumnElement[bool]] = [Enterprise.deleted.is_(False), Enterprise.status == "active"]
    if scope.restricted_industry:
        options: list[ColumnElement[bool]] = (
            [Enterprise.industry_section.in_(sorted(scope.sections))] if scope.sections else []
        )
        options += [Enterprise.industry_code.startswith(code) for code in sorted(scope.codes)]
        terms.append(or_(*options) if options else false())
    if scope.restricted_size:
        terms.append(Enterprise.size.in_(sorted(scope.sizes)) if scope.sizes else false())
    if scope.restricted_district:
        terms.append(Enterprise.district.in_(sorted(scope.districts)) if scope.districts else false())
    return terms


def matching_ids(session: Session, scope: Scope, on: date, *, text: str = "") -> list[uuid.UUID]:
    """Enterprises `scope` applies to on `on`, by name; `text` narrows by name or credit code."""
    if scope.expired(on):
        return []
    query = select(Enterprise.id).where(*conditions(scope))
    if text.strip():
        needle = text.strip()
        query = query.where(or_(Enterprise.name.contains(needle, autoescape=True),
                                Enterprise.credit_code.contains(needle.upper(), autoescape=True)))
    return list(session.scalars(query.order_by(Enterprise.name, Enterprise.id)))


def match(session: Session, policy_id: uuid.UUID, on: date, *, text: str = "") -> MatchResult:
    policy = _load(session, policy_id)
    scope = scope_of(policy)
    ids = matching_ids(session, scope, on, text=text)
    return MatchResult(policy.id, ids, len(ids), scope.expired(on))


def relayed_among(session: Session, policy_id: uuid.UUID, ids: Sequence[uuid.UUID]) -> set[uuid.UUID]:
    """Those of `ids` with a live service record for this policy (500 enterprises a query).

    Looked up per enterprise (ix_service_record_enterprise_date): service_record has no
    index on policy_id, and scanning a million records takes seconds.
    """
    found: set[uuid.UUID] = set()
    for start in range(0, len(ids), CHUNK):
        query = select(ServiceRecord.enterprise_id).where(
            ServiceRecord.enterprise_id.in_(ids[start : start + CHUNK]),
            ServiceRecord.policy_id == policy_id,
            ServiceRecord.deleted.is_(False),
        )
        found.update(session.scalars(query))
    return found


def fetch_rows(session: Session, policy_id: uuid.UUID, ids: list[uuid.UUID]) -> dict[uuid.UUID, MatchRow]:
    """One page of the match list, in `ids` order; enterprises deleted meanwhile are absent."""
    found: dict[uuid.UUID, MatchRow] = {}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        told = relayed_among(session, policy_id, chunk)
        query = select(Enterprise).where(Enterprise.id.in_(chunk), Enterprise.deleted.is_(False))
        for e in session.scalars(query):
            size = SIZE_LABELS[Size(e.size)] if e.size in {s.value for s in Size} else ""
            found[e.id] = MatchRow(e.id, e.name, e.credit_code or "", industry_label(e.industry_section, e.industry_code),
                                   size, e.district or "", e.id in told)
    return {i: found[i] for i in ids if i in found}


def relay(
    session: Session,
    policy_id: uuid.UUID,
    enterprise_ids: Sequence[uuid.UUID],
    actor: Actor,
    on_date: date,
    channel: str,
    *,
    today: date | None = None,
    lock_days: int | None = None,
    progress: Progress | None = None,
) -> RelayResult:
    """One 政策咨询 service record per enterprise, dated `on_date`, with the policy attached.

    Enterprises that already have a live record for this policy are skipped, so running
    it twice records nothing new.  Everything is checked before the first row is written
    (date, period lock, channel, staff: records.validation's rules), and the caller's
    transaction holds all rows: `progress` may raise to abandon the lot.
    """
    today = today or china_today()
    lock_days = period_locks.resolve_lock_days(lock_days)
    policy = _load(session, policy_id)
    if scope_of(policy).expired(on_date):
        raise UserError(Msg("这条政策已于%1失效，不能再登记宣传。", policy.expires_on), "policy_id")
    wanted = list(dict.fromkeys(enterprise_ids))
    if not wanted:
        raise ValidationError("企业：请至少勾选一家企业。", "enterprise_ids")
    template = _template(session, policy, _first_live(session, wanted), actor, on_date, channel, today, lock_days)
    created: list[uuid.UUID] = []
    skipped = missing = 0
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        told = relayed_among(session, policy.id, chunk)
        live = set(session.scalars(select(Enterprise.id).where(Enterprise.id.in_(chunk), Enterprise.deleted.is_(False))))
        rows: list[dict[str, Any]] = []
        for enterprise_id in chunk:
            if enterprise_id in told:
                skipped += 1
            elif enterprise_id not in live:
                missing += 1
            else:
                rows.append(template | {"id": uuid7(), "enterprise_id": enterprise_id})
        if rows:
            session.execute(insert(ServiceRecord), rows)
            created.extend(row["id"] for row in rows)
        if progress is not None:
            progress(min(start + CHUNK, len(wanted)), len(wanted))
    return RelayResult(len(created), skipped, missing, created)


def _first_live(session: Session, ids: list[uuid.UUID]) -> uuid.UUID:
    for start in range(0, len(ids), CHUNK):
        found = session.scalars(
            select(Enterprise.id).where(Enterprise.id.in_(ids[start : start + CHUNK]), Enterprise.deleted.is_(False))
        ).first()
        if found is not None:
            return found
    raise ValidationError("企业：所选企业都已被删除，请刷新匹配列表后重新勾选。", "enterprise_ids")


def _template(session: Session, policy: Policy, first: uuid.UUID, actor: Actor, on_date: date, channel: str,
              today: date, lock_days: int) -> dict[str, Any]:
    """Column values shared by every record, validated by the quick-entry form's own rules."""
    data = RecordInput(
        enterprise_id=first,
        service_date=on_date,
        category=POLICY_CATEGORY,
        channel=channel,
        summary=f"宣传政策《{policy.title}》",
    )
    # The quick-entry form's own checks (RecordInput has no policy_id, so records.entry's
    # create() cannot be called per row without a second UPDATE and version bump each).
    values = record_validation.validate_record(session, data, actor, today, lock_days)
    return values | {"station_id": require_station(session).id, "policy_id": policy.id}


def _load(session: Session, policy_id: uuid.UUID) -> Policy:
    return load_live(session, Policy, policy_id, "找不到这条政策（可能已被删除），请刷新列表。")
