"""Hostile JSON at the libraries' writes: whatever a request holds, the answer is the
saved row (which then obeys the row rules) or a 4xx naming the field in Chinese, and a
refused write leaves no row and no audit entry.  Values come from the row rules
themselves (tests/hq/fuzz_strategies.py), each swapped now and then for a hostile one."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from app.domain import districts, row_rules
from app.domain.catalogue import SERVICE_CATEGORIES
from app.hq.libraries import experts, institutions, pick_lists, policies
from app.hq.libraries.errors import LibraryError
from tests.hq.fuzz_strategies import HOSTILE, valid_value
from tests.hqdesk.libraries_helpers import NOW, replica, sql_audit, table_counts
from tests.pg import fresh_database

AUDIT = sql_audit()
CJK = re.compile(r"[\u4e00-\u9fff]")
WRITES = {
    "policy": (policies.create_policy, policies.EDITABLE),
    "service_institution": (institutions.create_institution, (*institutions.EDITABLE, "entered_on")),
    "expert": (experts.create_expert, experts.EDITABLE),
    "pick_list_item": (pick_lists.create_item, ("list_name", "code", *pick_lists.EDITABLE)),
}


@pytest.fixture(scope="module")
def engine() -> Iterator[Engine]:
    from app.hq.db import init_db, make_engine

    with fresh_database("sd_libfz", init_db) as url:
        made = make_engine(url)
        yield made
        made.dispose()


FRESH = itertools.count()
# values the library's own rules accept, beyond what the row rules say
SPECIAL: dict[str, st.SearchStrategy[Any]] = {
    "category": st.sampled_from(sorted(SERVICE_CATEGORIES)),
    "districts": st.lists(st.sampled_from([*districts.NAMES, "天河", "440106"]), max_size=3).map(",".join),
    "sizes": st.lists(st.sampled_from(["small", "微型", "中型", "large"]), max_size=3).map("、".join),
    "industries": st.lists(st.sampled_from(["C", "I65", "65", "6510", "a"]), max_size=3).map(",".join),
    "list_name": st.just("event_theme"),  # service_category stays the defaults the policy fuzz chooses from
    "code": st.just(0).map(lambda _: f"c{next(FRESH)}"),  # a fresh code: no 409 for a taken one
    "attachment": st.sampled_from(["", "https://gxj.gz.gov.cn/zc/1.html"]),
}


def bodies(tbl: str) -> st.SearchStrategy[tuple[str | None, Any]]:
    """(the poisoned field or None, the body): a valid body, the same with one field made
    hostile or one unknown key added, or something that is not a body at all."""
    rules = row_rules.TABLE_RULES[tbl]
    names = WRITES[tbl][1]
    good = {n: SPECIAL[n] if n in SPECIAL and (tbl == "policy" or n in ("list_name", "code") or (n == "category" and tbl == "service_institution")) else valid_value(rules[n]) for n in names}
    valid = st.fixed_dictionaries({n: good[n] for n in names if rules[n].required},
                                  optional={n: good[n] for n in names if not rules[n].required})
    poisoned = st.tuples(valid, st.sampled_from(names), HOSTILE).map(lambda t: (t[1], {**t[0], t[1]: t[2]}))
    unknown = st.tuples(valid, st.sampled_from(["status", "id", "deleted", "x" * 100, "标题", ""]), HOSTILE).map(
        lambda t: (t[1], {**t[0], t[1]: t[2]}))
    return st.one_of(valid.map(lambda b: (None, b)), valid.map(lambda b: (None, b)), poisoned, unknown, HOSTILE.map(lambda h: ("*", h)))


@pytest.mark.parametrize("tbl", sorted(WRITES))
def test_hostile_bodies_are_saved_by_the_rules_or_refused_naming_the_field(engine: Engine, tbl: str) -> None:
    write = WRITES[tbl][0]
    outcomes: dict[str, int] = {"saved": 0, "refused": 0}

    @settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                      HealthCheck.too_slow])
    @given(bodies(tbl))
    def check(case: tuple[str | None, Any]) -> None:
        poisoned, body = case
        before = table_counts(engine)
        try:
            with engine.begin() as conn:
                saved = write(conn, AUDIT, body, NOW)
        except LibraryError as exc:
            outcomes["refused"] += 1
            assert 400 <= exc.status < 500 and CJK.search(exc.message), exc.message
            assert table_counts(engine) == before
            if exc.status == 409 or (exc.field == "expires_on" and "不能早于" in exc.message):
                return  # a pick-list code taken already; an expiry before the issue date
            if poisoned != "*":  # a hostile non-body (or a stray dict): any field may be the first at fault
                assert exc.field == (poisoned or "")[:40], (poisoned, exc.field, exc.message)
            if exc.field:
                assert f"（{exc.field}）" in exc.message or f"“{exc.field}”" in exc.message, exc.message
            return
        outcomes["saved"] += 1
        assert poisoned != "" and (poisoned in (None, "*") or poisoned in body), poisoned
        stored = replica(engine, tbl, saved["id"])
        assert row_rules.row_problem(tbl, stored.data) is None
        assert table_counts(engine) == (before[0] + 1, before[1] + 1)

    check()
    assert outcomes["saved"] >= 5 and outcomes["refused"] >= 10, outcomes
