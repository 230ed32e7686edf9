"""匹配企业 and 记录已宣传: the matching rules, the SQL against a naive predicate, and relay."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, delete, select
from sqlalchemy.orm import Session

from app.domain.errors import UserError, ValidationError
from app.models import Base, Enterprise, Policy, ServiceRecord
from app.services.policies import library as policies
from app.services.policies import matching as policy_matching
from app.services.policies.matching import Scope
from app.services.records import entry as record_entry
from app.services.records.period_locks import PeriodLockedError
from app.services.records.validation import RecordInput

from . import TODAY, World


def add_enterprise(db, world: World, name: str, **values: Any) -> uuid.UUID:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        row = Enterprise(station_id=world.station_id, name=name, **values)
        s.add(row)
        s.flush()
        return row.id


def add_policy(db, world: World, **values: Any) -> uuid.UUID:  # type: ignore[no-untyped-def]
    fields = {"title": "测试政策", "category": "policy"} | values
    with db.begin() as s:
        row = Policy(station_id=world.station_id, **fields)
        s.add(row)
        s.flush()
        return row.id


def matched(db, policy_id: uuid.UUID, on: date = TODAY) -> set[uuid.UUID]:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        result = policy_matching.match(s, policy_id, on)
    assert result.count == len(result.ids)
    return set(result.ids)


@pytest.fixture
def firms(db, world: World) -> dict[str, uuid.UUID]:  # type: ignore[no-untyped-def]
    """make_world's two enterprises have no industry, size or district."""
    return {
        "soft_th_small": add_enterprise(db, world, "软件甲", industry_section="I", industry_code="6510",
                                        size="small", district="天河区"),
        "net_hp_micro": add_enterprise(db, world, "互联网乙", industry_section="I", industry_code="6420",
                                       size="micro", district="黄埔区"),
        "maker_py_medium": add_enterprise(db, world, "制造丙", industry_section="C", industry_code="3311",
                                          size="medium", district="番禺区"),
        "shop_section_only": add_enterprise(db, world, "零售丁", industry_section="F", size="micro",
                                            district="天河区"),
        "closed": add_enterprise(db, world, "注销戊", industry_section="I", industry_code="6510", size="small",
                                 district="天河区", status="closed"),
        "moved": add_enterprise(db, world, "迁出己", industry_section="I", size="small", status="moved"),
        "deleted": add_enterprise(db, world, "删除庚", industry_section="I", industry_code="6510", size="small",
                                  district="天河区", deleted=True),
        "bare": world.enterprise_id,
        "bare2": world.other_enterprise_id,
    }


def names(firms: dict[str, uuid.UUID], ids: set[uuid.UUID]) -> set[str]:
    return {k for k, v in firms.items() if v in ids}


def test_empty_lists_match_every_active_live_enterprise(db, world: World, firms) -> None:  # type: ignore[no-untyped-def]
    policy = add_policy(db, world)
    assert names(firms, matched(db, policy)) == {"soft_th_small", "net_hp_micro", "maker_py_medium",
                                                 "shop_section_only", "bare", "bare2"}


def test_section_letter_and_division_code(db, world: World, firms) -> None:  # type: ignore[no-untyped-def]
    assert names(firms, matched(db, add_policy(db, world, industries="I"))) == {"soft_th_small", "net_hp_micro"}
    assert names(firms, matched(db, add_policy(db, world, industries="65"))) == {"soft_th_small"}
    assert names(firms, matched(db, add_policy(db, world, industries="C,64"))) == {"maker_py_medium", "net_hp_micro"}
    # a division does not match an enterprise known only by its section
    assert names(firms, matched(db, add_policy(db, world, industries="52"))) == set()
    assert names(firms, matched(db, add_policy(db, world, industries="F"))) == {"shop_section_only"}
    assert names(firms, matched(db, add_policy(db, world, industries="651"))) == {"soft_th_small"}


def test_sizes_and_districts(db, world: World, firms) -> None:  # type: ignore[no-untyped-def]
    assert names(firms, matched(db, add_policy(db, world, sizes="small,micro"))) == {
        "soft_th_small", "net_hp_micro", "shop_section_only"}
    assert names(firms, matched(db, add_policy(db, world, districts="天河区"))) == {"soft_th_small", "shop_section_only"}
    combined = add_policy(db, world, industries="I", sizes="micro", districts="黄埔区,番禺区")
    assert names(firms, matched(db, combined)) == {"net_hp_micro"}


def test_unreadable_restriction_matches_nobody(db, world: World, firms) -> None:  # type: ignore[no-untyped-def]
    assert matched(db, add_policy(db, world, industries="ZZ")) == set()
    assert matched(db, add_policy(db, world, sizes="huge")) == set()


def test_expired_policy_matches_nobody(db, world: World, firms) -> None:  # type: ignore[no-untyped-def]
    policy = add_policy(db, world, expires_on=date(2026, 11, 4))
    with db.begin() as s:
        result = policy_matching.match(s, policy, TODAY)
    assert result.expired and result.ids == [] and result.count == 0
    assert names(firms, matched(db, policy, date(2026, 11, 4))) >= {"soft_th_small"}  # its last day still counts


def test_search_narrows_by_name(db, world: World, firms) -> None:  # type: ignore[no-untyped-def]
    policy = add_policy(db, world)
    with db.begin() as s:
        assert policy_matching.match(s, policy, TODAY, text="软件").ids == [firms["soft_th_small"]]


# --- relay ------------------------------------------------------------------------


def relay(db, world: World, policy: uuid.UUID, ids: list[uuid.UUID], on: date = TODAY, **kw: Any):  # type: ignore[no-untyped-def]
    with db.begin() as s:
        return policy_matching.relay(s, policy, ids, world.clerk, on, "online", today=TODAY, lock_days=10, **kw)


def test_relay_records_one_policy_record_each_and_is_idempotent(db, world: World, firms) -> None:  # type: ignore[no-untyped-def]
    policy = add_policy(db, world, title="专精特新若干措施")
    first = relay(db, world, policy, [firms["soft_th_small"], firms["net_hp_micro"]])
    assert (first.created, first.skipped, first.missing) == (2, 0, 0)
    with db.begin() as s:
        rows = s.scalars(select(ServiceRecord).where(ServiceRecord.policy_id == policy)).all()
        assert {r.enterprise_id for r in rows} == {firms["soft_th_small"], firms["net_hp_micro"]}
        for r in rows:
            assert (r.category, r.channel, r.service_date, r.staff_id) == ("policy", "online", TODAY, world.clerk_id)
            assert r.station_id == world.station_id and "专精特新若干措施" in r.summary and r.version == 1
        everyone = list(firms.values())
        assert policy_matching.relayed_among(s, policy, everyone) == {firms["soft_th_small"], firms["net_hp_micro"]}
    again = relay(db, world, policy, [firms["soft_th_small"], firms["net_hp_micro"], firms["maker_py_medium"]])
    assert (again.created, again.skipped) == (1, 2)
    assert "2家此前已宣传过" in again.message


def test_relay_writes_nothing_when_a_rule_fails(db, world: World, firms) -> None:  # type: ignore[no-untyped-def]
    policy = add_policy(db, world)
    ids = [firms["soft_th_small"], firms["net_hp_micro"]]
    with pytest.raises(PeriodLockedError):
        relay(db, world, policy, ids, on=date(2026, 9, 30))  # September locked on 2026-10-10
    with pytest.raises(ValidationError) as bad, db.begin() as s:
        policy_matching.relay(s, policy, ids, world.clerk, TODAY, "fax", today=TODAY, lock_days=10)
    assert bad.value.field == "channel"
    with pytest.raises(ValidationError):
        relay(db, world, policy, [])
    expired = add_policy(db, world, expires_on=date(2026, 1, 1))
    with pytest.raises(UserError, match="失效"):
        relay(db, world, expired, ids)

    def stop(done: int, total: int) -> None:
        raise RuntimeError("cancelled")

    with pytest.raises(RuntimeError):
        relay(db, world, policy, ids, progress=stop)
    with db.begin() as s:
        assert s.scalars(select(ServiceRecord.id)).all() == []


def test_relay_skips_deleted_enterprises_and_counts_earlier_manual_records(db, world: World, firms) -> None:  # type: ignore[no-untyped-def]
    policy = add_policy(db, world)
    with db.begin() as s:  # told at the desk earlier, then the policy attached
        saved = record_entry.create(s, RecordInput(firms["bare"], TODAY, "policy"), world.clerk, today=TODAY, lock_days=10)
        row = s.get(ServiceRecord, saved.id)
        assert row is not None
        row.policy_id = policy
    result = relay(db, world, policy, [firms["deleted"], firms["bare"], firms["bare2"]])
    assert (result.created, result.skipped, result.missing) == (1, 1, 1)


def test_fetch_rows_shows_labels_and_relayed(db, world: World, firms) -> None:  # type: ignore[no-untyped-def]
    policy = add_policy(db, world)
    relay(db, world, policy, [firms["soft_th_small"]])
    with db.begin() as s:
        rows = policy_matching.fetch_rows(s, policy, [firms["soft_th_small"], firms["maker_py_medium"]])
    soft, maker = rows.values()
    assert (soft.size, soft.district, soft.relayed) == ("小型", "天河区", True)
    assert "软件" in soft.industry and not maker.relayed and maker.size == "中型"


# --- property: the SQL equals a naive predicate ------------------------------------

SECTIONS = ("C", "F", "I", "K")
CODES = {"C": ("13", "1310", "3311"), "F": ("51", "5211", "52"), "I": ("64", "6420", "6510", "65"), "K": ("7010",)}
SIZES = ("large", "medium", "small", "micro")
DISTRICTS = ("天河区", "黄埔区", "番禺区")


@st.composite
def enterprise(draw: st.DrawFn) -> dict[str, Any]:
    section = draw(st.sampled_from((None, *SECTIONS)))
    code = draw(st.sampled_from((None, *CODES[section]))) if section else None
    return {
        "industry_section": section,
        "industry_code": code,
        "size": draw(st.sampled_from((None, *SIZES))),
        "district": draw(st.sampled_from((None, *DISTRICTS))),
        "status": draw(st.sampled_from(("active", "active", "closed", "moved"))),
        "deleted": draw(st.booleans()),
    }


industry_tokens = st.sampled_from(SECTIONS + tuple(c for codes in CODES.values() for c in codes) + ("651", "31"))
policy_scope = st.fixed_dictionaries({
    "industries": st.lists(industry_tokens, max_size=3).map(",".join),
    "sizes": st.lists(st.sampled_from(SIZES), max_size=3).map(",".join),
    "districts": st.lists(st.sampled_from(DISTRICTS), max_size=2).map(",".join),
    "expires_on": st.sampled_from((None, date(2026, 11, 4), TODAY, date(2027, 1, 1))),
})


def naive(e: dict[str, Any], p: dict[str, Any], on: date) -> bool:
    if e["deleted"] or e["status"] != "active" or (p["expires_on"] is not None and p["expires_on"] < on):
        return False
    industries = [t for t in p["industries"].split(",") if t]
    if industries and not any(
        e["industry_section"] == t if t.isalpha() else (e["industry_code"] or "").startswith(t) for t in industries
    ):
        return False
    sizes = [t for t in p["sizes"].split(",") if t]
    districts = [t for t in p["districts"].split(",") if t]
    return (not sizes or e["size"] in sizes) and (not districts or e["district"] in districts)


@pytest.fixture(scope="module")
def memory_engine():  # type: ignore[no-untyped-def]
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    yield engine
    engine.dispose()


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(firms=st.lists(enterprise(), max_size=25), scope=policy_scope)
def test_sql_match_equals_the_naive_predicate(memory_engine, firms: list[dict[str, Any]], scope: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    with Session(memory_engine) as s:
        s.execute(delete(Enterprise))
        rows = [Enterprise(name=f"企业{k:02d}", **e) for k, e in enumerate(firms)]
        s.add_all(rows)
        s.flush()
        parsed = Scope.parse(policies.normalise_industries(scope["industries"]), scope["sizes"], scope["districts"],
                             scope["expires_on"])
        got = set(policy_matching.matching_ids(s, parsed, TODAY))
        expected = {row.id for row, e in zip(rows, firms, strict=True) if naive(e, scope, TODAY)}
        s.rollback()
    assert got == expected
