"""Users, stations and the audit trail through the admin endpoints and the command line."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Engine, text

from app.hq.cli import main as hq_cli
from app.hqdesk.client import HqDeskError


def audit_rows(engine: Engine, action: str) -> list[Any]:
    with engine.connect() as conn:
        return list(conn.execute(text("SELECT actor, role, target, before, after FROM audit_log WHERE action = :a "
                                      "ORDER BY id"), {"a": action}))


def test_me_names_the_user_and_role(desk: dict[str, Any]) -> None:
    me = desk["bureau"].get_json("/me")
    assert me["role"] == "bureau" and me["role_label"] == "市工业和信息化局"


def test_admin_adds_a_user_and_it_is_audited(desk: dict[str, Any], hq_engine: Engine) -> None:
    answer = desk["admin"].post_json("/users", {"name": "李四", "role": "staff"})
    assert len(answer["code"].replace("-", "")) == 20
    [(actor, role, target, before, after)] = audit_rows(hq_engine, "user.add")[-1:]
    assert (actor, role, target, before, after) == ("admin-user", "admin", "李四", None, {"role": "staff"})
    with pytest.raises(HqDeskError) as refused:
        desk["admin"].post_json("/users", {"name": "李四", "role": "staff"})
    assert refused.value.status == 409 and "已存在" in refused.value.message


@pytest.mark.parametrize(("body", "field"), [
    ({"name": "", "role": "staff"}, "名称"),
    ({"name": "x" * 65, "role": "staff"}, "名称"),
    ({"name": "王五", "role": "root"}, "角色"),
    ({"name": "王五"}, "角色"),
    ({"name": ["王五"], "role": "staff"}, "名称"),
    ({"name": "王五", "role": "staff", "admin": True}, "admin"),
])
def test_a_bad_user_body_names_the_field_and_saves_nothing(desk: dict[str, Any], hq_engine: Engine, body: Any,
                                                            field: str) -> None:
    with hq_engine.connect() as conn:
        before = conn.execute(text("SELECT count(*) FROM hq_user")).scalar_one()
    with pytest.raises(HqDeskError) as refused:
        desk["admin"].post_json("/users", body)
    assert refused.value.status == 422 and field in refused.value.message, refused.value.message
    with hq_engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM hq_user")).scalar_one() == before


def test_an_admin_cannot_revoke_their_own_account(desk: dict[str, Any], hq_engine: Engine) -> None:
    """The last admin revoking themself would leave no one to manage users and stations."""
    with pytest.raises(HqDeskError) as refused:
        desk["admin"].post_json("/users/%20admin-user%20/revoke")  # spaces around the name are the same name
    assert refused.value.status == 409 and "不能撤销自己" in refused.value.message
    assert desk["admin"].get_json("/me")["name"] == "admin-user"  # still works
    with hq_engine.connect() as conn:
        assert conn.execute(text("SELECT status FROM hq_user WHERE name = 'admin-user'")).scalar_one() == "active"


def test_station_actions_are_audited_with_before_and_after(desk: dict[str, Any], hq_engine: Engine) -> None:
    added = desk["admin"].post_json("/stations", {"code": "AUD1", "name": "审计站", "district": "天河区"})
    assert added["station"]["code"] == "AUD1"
    desk["admin"].post_json("/stations/AUD1/reissue")
    desk["admin"].post_json("/stations/AUD1/revoke")
    assert audit_rows(hq_engine, "station.add")[-1][2] == "AUD1"
    assert audit_rows(hq_engine, "station.reissue_code")[-1][2] == "AUD1"
    assert audit_rows(hq_engine, "station.revoke")[-1][3:] == ("active", "revoked")
    with pytest.raises(HqDeskError) as missing:
        desk["admin"].post_json("/stations/NOPE/revoke")
    assert missing.value.status == 404


def test_a_station_without_a_district_is_refused_in_chinese(desk: dict[str, Any], hq_engine: Engine) -> None:
    for body, words in (({"code": "ND1", "name": "无区站"}, "所在区"),
                        ({"code": "ND2", "name": "外地站", "district": "朝阳区"}, "不是广州的区")):
        with pytest.raises(HqDeskError) as caught:
            desk["admin"].post_json("/stations", body)
        assert words in str(caught.value)
    with pytest.raises(HqDeskError) as long_one:  # the body's own cap, before any lookup
        desk["admin"].post_json("/stations", {"code": "ND3", "name": "长区站", "district": "天" * 21})
    assert long_one.value.status == 422 and "所在区" in long_one.value.message and "20" in long_one.value.message
    with hq_engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM station_account WHERE code IN ('ND1', 'ND2', 'ND3')")).scalar() == 0


def test_the_audit_endpoint_and_command_list_newest_first(desk: dict[str, Any], hq_url: str,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert hq_cli(["add-user", "cli-made", "--role", "bureau", "--db", hq_url]) == 0
    entries = desk["bureau"].get_json("/audit", limit=5)
    assert entries[0]["action"] == "user.add" and entries[0]["target"] == "cli-made"
    assert entries[0]["actor"].startswith("命令行:") and entries[0]["role"] == "cli"
    assert [e["id"] for e in entries] == sorted((e["id"] for e in entries), reverse=True)
    capsys.readouterr()
    assert hq_cli(["audit", "--action", "user.", "--limit", "3", "--db", hq_url]) == 0
    out = capsys.readouterr().out
    assert "cli-made" in out and "user.add" in out


def test_add_user_prints_the_code_last(hq_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert hq_cli(["add-user", "王小明", "--role", "staff", "--db", hq_url]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert len(last.replace("-", "")) == 20
    assert hq_cli(["add-user", "王小明", "--role", "staff", "--db", hq_url]) == 1
    assert "已存在" in capsys.readouterr().err


def test_a_write_without_content_length_is_refused_at_the_door(app_client: Any, hq_users: dict[str, str]) -> None:
    def chunks() -> Any:
        yield b'{"name": "x", '
        yield b'"role": "staff"}'

    answer = app_client.post("/v1/admin/users", content=chunks(),
                             headers={"X-Station-Desk-Protocol": "2", "Authorization": f"Bearer {hq_users['admin']}"})
    assert answer.status_code == 411 and "Content-Length" in answer.json()["message"]


def test_a_body_over_the_cap_is_refused(app_client: Any, hq_users: dict[str, str]) -> None:
    answer = app_client.post("/v1/admin/users", content=b"{" + b" " * (1024 * 1024 + 10) + b"}",
                             headers={"X-Station-Desk-Protocol": "2", "Authorization": f"Bearer {hq_users['admin']}",
                                      "Content-Type": "application/json"})
    assert answer.status_code == 413
