"""资源库 through the HQ desk: the endpoints, the client functions, a REAL station sync.

Acceptance (issue 12): a policy published from the desk reaches a station through a real
sync and shows in its policy list; an institution suspended / exited reaches the station
with its status and reason; invalid writes are refused with a Chinese message naming the
field and write nothing; every write is audited with before and after; staff write, the
bureau and the admin do not.
"""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select

from app.domain.periods import china_today
from app.hq import accounts
from app.hqdesk import libraries as lib
from app.hqdesk.client import HqDeskClient, HqDeskError
from app.models import Enterprise, StaffMember
from app.models.database import Database, open_database
from app.services.actor import Actor
from app.services.institutions import resident
from app.services.policies import library as station_policies
from app.services.policies import matching
from app.services.station import identity as station_service
from app.sync.engine import sync
from app.sync.enrolment import enroll, open_client
from tests.hqdesk.libraries_helpers import audits, count, replica, table_counts

POLICY = {"title": "天河区中小企业数字化转型补贴", "category": "digital", "issuer": "天河区工业和信息化局",
          "issued_on": "2026-11-20", "districts": "天河", "sizes": "小型,微型", "industries": "I65",
          "summary": "对小微企业上云用数给予补贴。", "attachment": "https://www.thnet.gov.cn/zc/1.html"}


def make_station(hq_engine: Engine, http: Any, folder: Path, code: str, district: str = "天河区") -> Database:
    """A station profile set up offline, then enrolled through /v1/enroll."""
    db = open_database(folder / f"{code}.db")
    with db.begin() as s:
        station_service.create_station(
            s, station_service.NewStation(code=code, name=f"{code} 服务站", district=district, manager_name="陈晓明"))
    with hq_engine.begin() as conn:
        _, enrol_code = accounts.add_station(conn, code, f"{code} 服务站", district)
    enroll(db, "http://testserver", enrol_code, http=http)
    return db


def synced(db: Database, http: Any) -> None:
    result = sync(db, open_client(db, http=http))
    assert result.completed and result.rejected == 0, result


def test_a_policy_published_from_the_desk_reaches_a_station_through_a_real_sync(
    desk: dict[str, HqDeskClient], hq_engine: Engine, app_client: Any, tmp_path: Path, memory_keyring: object,
) -> None:
    db = make_station(hq_engine, app_client, tmp_path, "LIB-POL-TH")
    try:
        published = lib.save_policy(desk["staff"], None, POLICY)
        assert (published.districts, published.sizes, published.industries) == ("天河区", "small,micro", "65")
        assert published.coverage == lib.Coverage(target_stations=1, received=0, relayed=0, enterprises=0)
        synced(db, app_client)
        with db.sessions() as s:
            [shown] = [p for p in station_policies.list_policies(s) if p.id == uuid.UUID(published.id)]
        assert (shown.title, shown.category, shown.issuer, shown.issued_on) == (
            POLICY["title"], "digital", POLICY["issuer"], date(2026, 11, 20))
        assert shown.scope_text == "行业：软件和信息技术服务业（65）；规模：小型、微型；区域：天河区"
        assert shown.attachment == POLICY["attachment"]
        # the station relays it to an enterprise; the next sync tells HQ (and acknowledges the policy)
        with db.begin() as s:
            firm = Enterprise(name="天河小微软件有限公司", district="天河区", size="small", industry_section="I",
                              industry_code="6510", station_id=station_service.current_station(s).id)
            s.add(firm)
            s.flush()
            manager = s.scalars(select(StaffMember)).one()
            relay = matching.relay(s, uuid.UUID(published.id), [firm.id], Actor(manager.name, manager.id),
                                   china_today(), "online")
        assert relay.created == 1
        synced(db, app_client)
        synced(db, app_client)  # the pull after it sends the cursor past the policy: received
        detail = lib.policy(desk["bureau"], published.id)  # every role reads
        assert detail.policy.coverage == lib.Coverage(target_stations=1, received=1, relayed=1, enterprises=1)
        assert [(c.station_code, c.received, c.enterprises) for c in detail.stations] == [("LIB-POL-TH", True, 1)]
        # a change and a withdrawal travel the same way
        lib.save_policy(desk["staff"], published.id, {"title": "天河区数字化转型补贴（修订）"})
        synced(db, app_client)
        with db.sessions() as s:
            assert station_policies.get(s, uuid.UUID(published.id)).title == "天河区数字化转型补贴（修订）"
        lib.withdraw_policy(desk["staff"], published.id)
        synced(db, app_client)
        with db.sessions() as s:
            assert uuid.UUID(published.id) not in {p.id for p in station_policies.list_policies(s)}
    finally:
        db.dispose()


def test_an_institution_suspended_and_exited_reaches_the_station_with_status_and_reason(
    desk: dict[str, HqDeskClient], hq_engine: Engine, app_client: Any, tmp_path: Path, memory_keyring: object,
) -> None:
    db = make_station(hq_engine, app_client, tmp_path, "LIB-INST-HZ", "海珠区")
    try:
        staff = desk["staff"]
        made = lib.save_institution(staff, None, {"name": "海珠知识产权服务中心", "category": "ip", "contact_name": "李律师",
                                                  "entered_on": "2026-01-05"})
        entry = lib.save_entry(staff, made.id, None, {"title": "专利申请辅导", "stage": "startup", "category": "ip"})
        lib.save_entry(staff, made.id, None, {"title": "知识产权质押融资", "stage": "growth", "category": "financing",
                                              "fee_type": "low_fee"})
        detail = lib.institution(desk["admin"], made.id)
        assert [(s.label, [e.title for e in s.entries]) for s in detail.stages] == [
            ("初创期", ["专利申请辅导"]), ("成长期", ["知识产权质押融资"]), ("成熟期", [])]
        synced(db, app_client)
        with db.sessions() as s:
            [row] = [r for r in resident.list_institutions(s) if r.id == uuid.UUID(made.id)]
            assert (row.status, row.entered_on) == ("active", date(2026, 1, 5))
            assert {e.title for e in resident.catalogue(s, row.id)} == {"专利申请辅导", "知识产权质押融资"}
        assert lib.suspend(staff, made.id).status == "suspended"
        synced(db, app_client)
        with db.sessions() as s:
            assert next(r for r in resident.list_institutions(s) if r.id == uuid.UUID(made.id)).status_label == "暂停"
        exited = lib.exit_institution(staff, made.id, "服务质量考核不合格", "2026-12-01")
        assert (exited.status, exited.exit_reason, exited.exited_on) == ("exited", "服务质量考核不合格", "2026-12-01")
        lib.remove_entry(staff, entry.id)
        synced(db, app_client)
        with db.sessions() as s:
            row = next(r for r in resident.list_institutions(s) if r.id == uuid.UUID(made.id))
            assert (row.status, row.exit_reason, row.exited_on) == ("exited", "服务质量考核不合格", date(2026, 12, 1))
            assert [e.title for e in resident.catalogue(s, row.id)] == ["知识产权质押融资"]
    finally:
        db.dispose()


def _institution(desk: dict[str, HqDeskClient], name: str) -> lib.Institution:
    return lib.save_institution(desk["staff"], None, {"name": name})


BAD_WRITES: list[tuple[str, str, dict[str, Any], str, str]] = [
    # (what, path (with {inst} / {pol}), body, field, a word of the message)
    ("empty title", "/libraries/policies", {**POLICY, "title": ""}, "title", "政策标题"),
    ("blank title", "/libraries/policies", {**POLICY, "title": "  "}, "title", "不能为空"),
    ("no title", "/libraries/policies", {k: v for k, v in POLICY.items() if k != "title"}, "title", "缺少"),
    ("unknown district", "/libraries/policies", {**POLICY, "districts": "天河区,福田区"}, "districts", "不是广州市的区"),
    ("bad size", "/libraries/policies", {**POLICY, "sizes": "特大型"}, "sizes", "不是企业规模"),
    ("bad industry", "/libraries/policies", {**POLICY, "industries": "Z99"}, "industries", "行业"),
    ("unknown category", "/libraries/policies", {**POLICY, "category": "fortune"}, "category", "服务类别"),
    ("oversized summary", "/libraries/policies", {**POLICY, "summary": "长" * 20_001}, "summary", "最多20000"),
    ("oversized title", "/libraries/policies", {**POLICY, "title": "长" * 301}, "title", "最多300"),
    ("title a number", "/libraries/policies", {**POLICY, "title": 42}, "title", "应为文字"),
    ("date a number", "/libraries/policies", {**POLICY, "issued_on": 20261120}, "issued_on", "不是日期"),
    ("impossible date", "/libraries/policies", {**POLICY, "expires_on": "2026-02-30"}, "expires_on", "不是日期"),
    ("expiry before issue", "/libraries/policies", {**POLICY, "expires_on": "2026-01-01"}, "expires_on", "不能早于"),
    ("a local file", "/libraries/policies", {**POLICY, "attachment": "D:/政策.pdf"}, "attachment", "网址"),
    ("a station-only field", "/libraries/policies", {**POLICY, "local_note": "x"}, "local_note", "不能在这里"),
    ("a NUL", "/libraries/policies", {**POLICY, "summary": "a\u0000b"}, "summary", "特殊字符"),
    ("unnamed institution", "/libraries/institutions", {"name": ""}, "name", "机构名称"),
    ("status by hand", "/libraries/institutions", {"name": "某机构", "status": "exited"}, "status", "不能在这里"),
    ("exit without reason", "/libraries/institutions/{inst}/exit", {"exit_reason": " "}, "exit_reason", "退出原因"),
    ("exit reason a list", "/libraries/institutions/{inst}/exit", {"exit_reason": ["x"]}, "exit_reason", "退出原因"),
    ("exit date wrong", "/libraries/institutions/{inst}/exit", {"exit_reason": "到期", "exited_on": "12/01"}, "exited_on", "日期"),
    ("bad stage", "/libraries/institutions/{inst}/entries", {"title": "x", "stage": "late", "category": "ip"}, "stage", "适用阶段"),
    ("bad fee type", "/libraries/institutions/{inst}/entries", {"title": "x", "stage": "growth", "category": "ip",
                                                                 "fee_type": "cheap"}, "fee_type", "收费方式"),
    ("expert unnamed", "/libraries/experts", {"name": None}, "name", "专家姓名"),
    ("expert phone too long", "/libraries/experts", {"name": "王", "phone": "1" * 51}, "phone", "最多50"),
    ("unknown list", "/libraries/pick-list-items", {"list_name": "colour", "code": "x", "label": "x"}, "list_name", "选项表"),
    ("order not a number", "/libraries/pick-list-items", {"list_name": "event_theme", "code": "x", "label": "x",
                                                          "sort_order": "1"}, "sort_order", "整数"),
    ("active not a boolean", "/libraries/pick-list-items", {"list_name": "event_theme", "code": "x", "label": "x",
                                                            "active": 1}, "active", "true/false"),
    ("decide without a verdict", "/libraries/enterprise-requests/1/decide", {"comment": "x"}, "approve", "处理结果"),
    ("decide with an unknown field", "/libraries/enterprise-requests/1/decide", {"approve": False, "reason": "x"}, "reason",
     "不是可用的字段"),
]


@pytest.mark.parametrize("case", BAD_WRITES, ids=[c[0] for c in BAD_WRITES])
def test_invalid_writes_are_refused_naming_the_field_and_write_nothing(
    desk: dict[str, HqDeskClient], hq_engine: Engine, case: tuple[str, str, dict[str, Any], str, str],
) -> None:
    _, path, body, field, word = case
    if "{inst}" in path:
        path = path.replace("{inst}", _institution(desk, f"校验用机构{uuid.uuid4().hex[:6]}").id)
    before = table_counts(hq_engine)
    with pytest.raises(HqDeskError) as refused:
        desk["staff"].post_json(path, body)
    assert refused.value.status == 422, refused.value.message
    message = refused.value.message
    assert (f"（{field}）" in message or f"“{field}”" in message) and word in message, message
    assert table_counts(hq_engine) == before


def test_non_object_bodies_and_bad_queries_are_refused_in_chinese(desk: dict[str, HqDeskClient], app_client: Any,
                                                                   hq_users: dict[str, str], hq_engine: Engine) -> None:
    before = table_counts(hq_engine)
    headers = {"X-Station-Desk-Protocol": "2", "Authorization": f"Bearer {hq_users['staff']}"}
    for content in (b"[1, 2]", b'"text"', b"not json", b"[" * 5000 + b"]" * 5000, ("{" + ",".join(f'"k{i}": 1' for i in range(40)) + "}").encode()):
        answer = app_client.post("/v1/admin/libraries/policies", content=content,
                                 headers={**headers, "Content-Type": "application/json"})
        assert 400 <= answer.status_code < 500 and "请求" in answer.json()["message"], (content[:20], answer.text[:200])
        assert answer.status_code != 422 or "请求内容" in answer.json()["message"]
    for query in ({"limit": "all"}, {"limit": 0}, {"limit": 10_000}, {"offset": -1}, {"text": "x" * 101}):
        with pytest.raises(HqDeskError) as refused:
            desk["staff"].get_json("/libraries/policies", **query)
        assert refused.value.status == 422 and "limit" in refused.value.message or "offset" in refused.value.message \
            or "text" in refused.value.message, refused.value.message
    for path in ("/libraries/policies/not-a-uuid", "/libraries/institutions/0192f3c0-0000-7000-8000-000000000000"):
        with pytest.raises(HqDeskError) as missing:
            desk["bureau"].get_json(path)
        assert missing.value.status in (404, 422) and "编号" in missing.value.message
    assert table_counts(hq_engine) == before


def test_staff_write_the_libraries_and_the_bureau_and_admin_may_not(desk: dict[str, HqDeskClient], hq_engine: Engine) -> None:
    for role in ("bureau", "admin"):
        before = table_counts(hq_engine)
        with pytest.raises(HqDeskError) as refused:
            lib.save_expert(desk[role], None, {"name": f"{role} 想加的专家"})
        assert refused.value.status == 403 and "不能执行" in refused.value.message
        with pytest.raises(HqDeskError):
            lib.save_policy(desk[role], None, POLICY)
        assert table_counts(hq_engine) == before
        assert lib.experts(desk[role]).rows is not None  # but every role reads
    made = lib.save_expert(desk["staff"], None, {"name": "周专家", "organisation": "华南理工大学", "fields": "digital"})
    assert replica(hq_engine, "expert", made.id).data["organisation"] == "华南理工大学"


def test_every_write_is_audited_with_before_and_after(desk: dict[str, HqDeskClient], hq_engine: Engine,
                                                      enrol: Any) -> None:
    staff = desk["staff"]
    start = count(hq_engine, "SELECT coalesce(max(id), 0) FROM audit_log")
    inst = lib.save_institution(staff, None, {"name": "审计用机构", "category": "legal"})
    lib.save_institution(staff, inst.id, {"phone": "020-88888888"})
    entry = lib.save_entry(staff, inst.id, None, {"title": "合同审查", "stage": "mature", "category": "legal"})
    lib.save_entry(staff, inst.id, entry.id, {"fee_type": "paid"})
    lib.remove_entry(staff, entry.id)
    lib.suspend(staff, inst.id)
    lib.admit(staff, inst.id)
    lib.exit_institution(staff, inst.id, "自愿退出")
    lib.admit(staff, inst.id, "2027-01-01")
    expert = lib.save_expert(staff, None, {"name": "审计专家"})
    lib.save_expert(staff, expert.id, {"title": "教授"})
    lib.remove_expert(staff, expert.id)
    pol = lib.save_policy(staff, None, {**POLICY, "title": "审计用政策"})
    lib.save_policy(staff, pol.id, {"districts": ""})
    lib.withdraw_policy(staff, pol.id)
    item = lib.save_pick_item(staff, None, {"list_name": "event_theme", "code": "digital", "label": "数字化主题月"})
    lib.save_pick_item(staff, item.id, {"active": False})
    a, b = enrol("AUD-A"), enrol("AUD-B")
    from tests.hq.factories import enterprise, hlc
    from tests.hqdesk.libraries_helpers import push

    firm = enterprise(a.station_id, hlc(0), name="审计用企业")
    push(hq_engine, a.station_id, [firm])
    push(hq_engine, b.station_id, [{**firm, "deleted": True, "field_hlc": {"deleted": hlc(5)}}], at=5)
    [request] = [r for r in lib.enterprise_requests(staff) if r.enterprise_id == firm["id"]]
    assert "驳回" in lib.decide(staff, request.id, False, "企业仍在经营")
    code = "91440101MA5C0B0003"
    push(hq_engine, a.station_id, [enterprise(a.station_id, hlc(10), credit_code=code, name="同码企业")], at=10)
    second = enterprise(b.station_id, hlc(15), credit_code=code, name="同码企业（乙）")
    push(hq_engine, b.station_id, [second], at=15)
    [merge] = [m for m in lib.merges(staff).rows if m.merged_id == second["id"]]
    lib.unmerge(staff, merge.id)

    entries = [e for e in audits(hq_engine) if e.action not in ("station.add",)][-25:]
    mine = [e for e in entries if e.actor == "staff-user"]
    with hq_engine.connect() as conn:
        from sqlalchemy import text

        actions = [r.action for r in conn.execute(text("SELECT action FROM audit_log WHERE id > :s ORDER BY id"), {"s": start})]
    assert actions == [
        "institution.admit", "institution.update", "catalogue_entry.create", "catalogue_entry.update", "catalogue_entry.delete",
        "institution.suspend", "institution.admit", "institution.exit", "institution.admit",
        "expert.create", "expert.update", "expert.delete", "policy.publish", "policy.update", "policy.withdraw",
        "pick_list_item.create", "pick_list_item.update", "enterprise_request.reject", "enterprise.unmerge",
    ]
    assert all(e.role == "staff" for e in mine)
    by_action = {e.action: e for e in mine}
    assert by_action["policy.publish"].before is None and by_action["policy.publish"].after["title"] == "审计用政策"
    assert by_action["policy.update"].before["districts"] == "天河区" and by_action["policy.update"].after["districts"] == ""
    assert by_action["policy.withdraw"].before["deleted"] is False and by_action["policy.withdraw"].after["deleted"] is True
    assert by_action["institution.exit"].after["exit_reason"] == "自愿退出"
    assert by_action["institution.suspend"].before["status"] == "active"
    assert by_action["pick_list_item.update"].before["active"] is True and by_action["pick_list_item.update"].after["active"] is False
    assert by_action["enterprise_request.reject"].before["status"] == "pending"
    assert by_action["enterprise_request.reject"].after["status"] == "rejected"
    assert by_action["enterprise.unmerge"].after["merged_id"] == second["id"]
    assert all(e.before is not None or e.action.endswith((".create", ".publish")) or e.action == "institution.admit"
               for e in mine)


HTTP_WRITES = {"policy": "/libraries/policies", "service_institution": "/libraries/institutions",
               "expert": "/libraries/experts", "pick_list_item": "/libraries/pick-list-items"}


@pytest.mark.parametrize("tbl", sorted(HTTP_WRITES))
def test_hostile_json_at_the_endpoints_is_saved_by_the_rules_or_refused_naming_the_field(
    desk: dict[str, HqDeskClient], hq_engine: Engine, tbl: str,
) -> None:
    """The server-function property (tests/hqdesk/test_libraries_fuzz.py) again through HTTP:
    FastAPI's own body check (an object of at most 32 keys) and the library's, never a 500."""
    from hypothesis import HealthCheck, given, settings

    from app.domain import row_rules
    from tests.hqdesk.test_libraries_fuzz import CJK, bodies

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                      HealthCheck.too_slow])
    @given(bodies(tbl))
    def check(case: tuple[str | None, Any]) -> None:
        poisoned, body = case
        before = table_counts(hq_engine)
        try:
            saved = desk["staff"].post_json(HTTP_WRITES[tbl], body)
        except HqDeskError as exc:
            assert CJK.search(exc.message), exc.message
            assert exc.status is None and "无法保存的字符" in exc.message or 400 <= (exc.status or 0) < 500, exc.message
            assert table_counts(hq_engine) == before
            if poisoned not in (None, "*", "") and exc.status == 422 and "不能早于" not in exc.message:
                assert poisoned[:40] in exc.message, (poisoned, exc.message)  # named, as （name） or “name”
            return
        assert row_rules.row_problem(tbl, replica(hq_engine, tbl, saved["id"]).data) is None
        assert table_counts(hq_engine) == (before[0] + 1, before[1] + 1)

    check()
