"""The 用户与服务站 page's client functions (app/hqdesk/accounts.py) against the real admin
endpoints: every name HQ accepts can be revoked and reissued through its URL, and a name that
could not be (a path separator, %, ?, #, "." or "..") is refused up front with a message."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.hq.accounts import AccountError
from app.hq.admin.users import check_name, check_role
from app.hqdesk import accounts
from app.hqdesk.client import HqDeskError
from tests.hq.conftest import app_client, enrol, hq_engine, hq_url  # noqa: F401 - fixtures
from tests.hqdesk.conftest import desk, hq_app, hq_users, new_user  # noqa: F401 - fixtures

NAMES = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12) | st.sampled_from(
    ["王/晓", "a?b", "c#d", "e%2Ff", "..", ".", "...", "back\\slash", " 空格 ", "a.b"])
seen: set[str] = set()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=NAMES)
def test_every_name_hq_accepts_can_be_reissued_and_revoked_by_url(desk: Any, name: str) -> None:  # noqa: F811
    admin = desk["admin"]
    try:
        issued = accounts.add_user(admin, name, "bureau")
    except HqDeskError as exc:
        assert exc.status in (409, 422), exc.message  # refused with a reason, never a 500 or a 404
        assert exc.message
        return
    seen.add(issued.who)
    assert accounts.reissue_user(admin, issued.who).code
    revoked = accounts.revoke_user(admin, issued.who)
    assert revoked.name == issued.who and revoked.status == "revoked"
    assert any(u.name == issued.who and u.status == "revoked" for u in accounts.users(admin))


@pytest.mark.parametrize("name", ["王/晓", "..", ".", "50%", "a?b", "c#d", "back\\slash", "王\n晓", "名" * 65])
def test_a_name_no_url_could_reach_is_refused_naming_the_field(desk: Any, name: str) -> None:  # noqa: F811
    with pytest.raises(HqDeskError) as refused:
        accounts.add_user(desk["admin"], name, "staff")
    assert refused.value.status in (409, 422) and ("名称" in refused.value.message or "用户名" in refused.value.message)
    with pytest.raises(AccountError):  # station-desk-hq add-user: the same rule
        check_name(name)


def test_the_shared_role_rule_refuses_a_role_hq_does_not_have() -> None:
    assert [check_role(r) for r in ("admin", "staff", "bureau")] == ["admin", "staff", "bureau"]
    for role in ("root", "Admin", "", "staff "):
        with pytest.raises(AccountError, match="角色"):
            check_role(role)


def test_stations_round_trip_and_a_reader_is_refused_writes(desk: Any) -> None:  # noqa: F811
    issued = accounts.add_station(desk["admin"], "GZ-CL-01", "客户端测试站", "南沙区")
    assert issued.who == "GZ-CL-01" and issued.valid_days == 7
    assert accounts.revoke_station(desk["admin"], "GZ-CL-01").status == "revoked"
    assert accounts.reissue_station(desk["admin"], "GZ-CL-01").code != issued.code
    row = next(s for s in accounts.stations(desk["bureau"]) if s.code == "GZ-CL-01")
    assert (row.name, row.district) == ("客户端测试站", "南沙区")
    with pytest.raises(HqDeskError) as refused:
        accounts.add_station(desk["staff"], "GZ-CL-02", "不可", "南沙区")
    assert refused.value.status == 403 and "管理员" in refused.value.message
