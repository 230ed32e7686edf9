"""The libraries' server functions (app.hq.libraries) on the real PostgreSQL: lifecycle,
validation by the row rules, publishing, audit, coverage, and the enterprise library."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine

from app.hq import accounts
from app.hq.libraries import enterprises, experts, institutions, pick_lists, policies, requests
from app.hq.libraries.errors import LibraryError
from tests.hq.factories import enterprise, hlc, service_record
from tests.hqdesk.libraries_helpers import NOW, audits, count, push, replica, sql_audit, table_counts
from tests.pg import fresh_database


@pytest.fixture(scope="module")
def engine() -> Iterator[Engine]:
    from app.hq.db import init_db, make_engine

    with fresh_database("sd_lib", init_db) as url:
        made = make_engine(url)
        yield made
        made.dispose()


AUDIT = sql_audit()


def run(engine: Engine, work: Any) -> Any:
    with engine.begin() as conn:
        return work(conn)


def refused(engine: Engine, work: Any, field: str, *words: str, status: int = 422) -> LibraryError:
    """`work` is refused naming `field`, and writes nothing (no row, no audit entry)."""
    before = table_counts(engine)
    with pytest.raises(LibraryError) as caught:
        run(engine, work)
    assert (caught.value.status, caught.value.field) == (status, field), caught.value.message
    for word in words:
        assert word in caught.value.message, caught.value.message
    assert table_counts(engine) == before
    return caught.value


def test_an_institution_is_admitted_suspended_exited_and_readmitted(engine: Engine) -> None:
    made = run(engine, lambda c: institutions.create_institution(c, AUDIT, {"name": " 广州融资服务中心 ", "category": "financing"}, NOW))
    assert made["name"] == "广州融资服务中心" and made["status"] == "active" and made["entered_on"] == "2026-12-07"
    ident = made["id"]
    run(engine, lambda c: institutions.add_entry(c, AUDIT, ident, {"title": "融资对接", "stage": "growth", "category": "financing"}, NOW))
    run(engine, lambda c: institutions.add_entry(c, AUDIT, ident, {"title": "创业贷款", "stage": "startup", "category": "financing",
                                                                   "fee_type": "low_fee"}, NOW))
    shown = run(engine, lambda c: institutions.get_institution(c, ident))
    assert [(s["stage"], [e["title"] for e in s["entries"]]) for s in shown["stages"]] == [
        ("startup", ["创业贷款"]), ("growth", ["融资对接"]), ("mature", [])]
    suspended = run(engine, lambda c: institutions.suspend(c, AUDIT, ident, NOW))
    assert suspended["status"] == "suspended" and suspended["status_label"] == "暂停"
    refused(engine, lambda c: institutions.suspend(c, AUDIT, ident, NOW), "", "只有在驻", status=409)
    refused(engine, lambda c: institutions.exit_institution(c, AUDIT, ident, {"exit_reason": "  "}, NOW), "exit_reason", "退出原因")
    refused(engine, lambda c: institutions.exit_institution(c, AUDIT, ident, {"exit_reason": "合同到期", "exited_on": "2020-01-01"}, NOW), "exited_on", "入驻日期")
    exited = run(engine, lambda c: institutions.exit_institution(c, AUDIT, ident, {"exit_reason": " 合同到期 "}, NOW))
    assert (exited["status"], exited["exit_reason"], exited["exited_on"]) == ("exited", "合同到期", "2026-12-07")
    stored = replica(engine, "service_institution", ident)
    assert stored.data["status"] == "exited" and stored.data["exit_reason"] == "合同到期"
    back = run(engine, lambda c: institutions.admit(c, AUDIT, ident, {"entered_on": "2027-01-02"}, NOW))
    assert (back["status"], back["entered_on"], back["exited_on"], back["exit_reason"]) == ("active", "2027-01-02", None, "")
    [exit_entry] = audits(engine, "institution.exit")
    assert exit_entry.before["status"] == "suspended" and exit_entry.after["status"] == "exited"
    assert exit_entry.target.startswith(f"service_institution/{ident}") and exit_entry.actor == "测试员"


def test_institution_writes_are_checked_by_the_row_rules(engine: Engine) -> None:
    def create(body: Any) -> Any:
        return lambda c: institutions.create_institution(c, AUDIT, body, NOW)

    refused(engine, create({"name": ""}), "name", "机构名称", "不能为空")
    refused(engine, create({"category": "x"}), "name", "缺少")
    refused(engine, create({"name": "甲" * 201}), "name", "最多200")
    refused(engine, create({"name": 12}), "name", "应为文字")
    refused(engine, create({"name": "甲", "entered_on": "2026-13-01"}), "entered_on", "不是日期")
    refused(engine, create({"name": "甲", "status": "exited"}), "status", "不能在这里")
    refused(engine, create({"name": "甲", "category": "astrology"}), "category", "服务类别")
    refused(engine, create(["name"]), "", "JSON 对象")
    ident = run(engine, create({"name": "乙机构"}))["id"]
    refused(engine, lambda c: institutions.add_entry(c, AUDIT, ident, {"title": "x", "stage": "old", "category": "c"}, NOW),
            "stage", "适用阶段")
    refused(engine, lambda c: institutions.add_entry(c, AUDIT, ident, {"title": "x", "stage": "growth", "category": "financing",
                                                                       "fee_type": "gratis"}, NOW), "fee_type", "收费方式")
    refused(engine, lambda c: institutions.update_institution(c, AUDIT, "not-a-uuid", {"name": "x"}, NOW), "id", "uuid")
    refused(engine, lambda c: institutions.update_institution(c, AUDIT, "0192f3c0-0000-7000-8000-000000000999", {}, NOW),
            "id", "找不到", status=404)


def test_experts_and_pick_lists(engine: Engine) -> None:
    made = run(engine, lambda c: experts.create_expert(c, AUDIT, {"name": "林专家", "fields": "financing,ip"}, NOW))
    run(engine, lambda c: experts.update_expert(c, AUDIT, made["id"], {"phone": "020-1"}, NOW))
    assert run(engine, lambda c: experts.list_experts(c, text="ip"))["total"] == 1
    run(engine, lambda c: experts.remove_expert(c, AUDIT, made["id"], NOW))
    assert replica(engine, "expert", made["id"]).deleted
    assert run(engine, lambda c: experts.list_experts(c))["total"] == 0
    assert [a.action for a in audits(engine) if a.target.startswith("expert/")] == ["expert.create", "expert.update", "expert.delete"]

    assert not run(engine, lambda c: pick_lists.list_items(c, "service_category"))["published"]
    item = run(engine, lambda c: pick_lists.create_item(c, AUDIT, {"list_name": "service_category", "code": "trade",
                                                                   "label": "外贸服务"}, NOW))
    refused(engine, lambda c: pick_lists.create_item(c, AUDIT, {"list_name": "service_category", "code": "trade",
                                                                "label": "重复"}, NOW), "", "已有编码", status=409)
    refused(engine, lambda c: pick_lists.create_item(c, AUDIT, {"list_name": "colours", "code": "x", "label": "x"}, NOW),
            "list_name", "选项表")
    refused(engine, lambda c: pick_lists.update_item(c, AUDIT, item["id"], {"code": "other"}, NOW), "code", "不能在这里")
    refused(engine, lambda c: pick_lists.update_item(c, AUDIT, item["id"], {"sort_order": "1"}, NOW), "sort_order", "整数")
    refused(engine, lambda c: pick_lists.update_item(c, AUDIT, item["id"], {"active": "no"}, NOW), "active", "true/false")
    run(engine, lambda c: pick_lists.update_item(c, AUDIT, item["id"], {"active": False}, NOW))
    listed = run(engine, lambda c: pick_lists.list_items(c, "service_category"))
    assert listed["published"] and [r["code"] for r in listed["rows"]] == ["trade"]
    for code, label in (("policy", "政策咨询"), ("financing", "投融资")):
        run(engine, lambda c, code=code, label=label: pick_lists.create_item(
            c, AUDIT, {"list_name": "service_category", "code": code, "label": label}, NOW))
    assert run(engine, lambda c: pick_lists.active_codes(c, "service_category")) == {"policy": "政策咨询", "financing": "投融资"}


def policy_body(**over: Any) -> dict[str, Any]:
    return {"title": "广州市中小企业稳岗补贴", "category": "policy", "issuer": "广州市工业和信息化局", "issued_on": "2026-11-01",
            "districts": "天河, 黄埔区", "sizes": "小型、micro", "industries": "c, I65", **over}


def test_policies_normalise_targets_and_refuse_bad_ones(engine: Engine) -> None:
    run(engine, lambda c: [pick_lists.create_item(c, AUDIT, {"list_name": "service_category", "code": code, "label": label}, NOW)
                           for code, label in (("policy", "政策咨询"),)] if not count(
        engine, "SELECT count(*) FROM replica_row WHERE tbl = 'pick_list_item' AND data->>'code' = 'policy'") else None)
    made = run(engine, lambda c: policies.create_policy(c, AUDIT, policy_body(), NOW))
    assert (made["districts"], made["sizes"], made["industries"]) == ("天河区,黄埔区", "small,micro", "C,65")
    assert made["category_label"] == "政策咨询"

    def create(**over: Any) -> Any:
        return lambda c: policies.create_policy(c, AUDIT, policy_body(**over), NOW)

    refused(engine, create(title=""), "title", "政策标题", "不能为空")
    refused(engine, create(title="   "), "title", "不能为空")
    refused(engine, create(districts="天河区,深圳南山"), "districts", "适用区域", "不是广州市的区")
    refused(engine, create(sizes="巨型"), "sizes", "适用规模")
    refused(engine, create(industries="Z9"), "industries", "适用行业")
    refused(engine, create(category="astrology"), "category", "政策类别")
    refused(engine, create(summary="字" * 20_001), "summary", "最多20000")
    refused(engine, create(title=["a"]), "title", "应为文字")
    refused(engine, create(issued_on=20261101), "issued_on", "不是日期")
    refused(engine, create(expires_on="2026-10-01"), "expires_on", "不能早于")
    refused(engine, create(attachment="C:\\政策.pdf"), "attachment", "网址")
    refused(engine, create(local_note="x"), "local_note", "不能在这里")
    refused(engine, lambda c: policies.list_policies(c, limit=0), "limit")
    changed = run(engine, lambda c: policies.update_policy(c, AUDIT, made["id"], {"districts": ""}, NOW))
    assert changed["districts"] == "" and changed["version"] == made["version"] + 1
    [entry] = audits(engine, "policy.update")
    assert entry.before["districts"] == "天河区,黄埔区" and entry.after["districts"] == ""
    run(engine, lambda c: policies.withdraw_policy(c, AUDIT, made["id"], NOW))
    assert replica(engine, "policy", made["id"]).deleted


def test_relay_coverage_counts_target_stations_that_received_and_relayed(engine: Engine) -> None:
    with engine.begin() as conn:
        ids = {code: accounts.add_station(conn, code, f"{code} 站", district)[0].station_id
               for code, district in (("COV-TH", "天河区"), ("COV-HP", "黄埔区"), ("COV-YX", "越秀区"))}
    made = run(engine, lambda c: policies.create_policy(c, AUDIT, policy_body(title="覆盖测试政策"), NOW))
    firm = enterprise(ids["COV-TH"], hlc(0))
    push(engine, ids["COV-TH"], [firm, service_record(ids["COV-TH"], firm["id"], policy_id=made["id"])])
    push(engine, ids["COV-YX"], [service_record(ids["COV-YX"], firm["id"], policy_id=made["id"])])  # not a target
    with engine.begin() as conn:  # 天河 pulled past the policy; 黄埔 has not synced since
        from sqlalchemy import text

        conn.execute(text("UPDATE station_account SET cursor_txid = pg_current_xact_id()::text::bigint WHERE code = 'COV-TH'"))
    row = next(r for r in run(engine, lambda c: policies.list_policies(c, text="覆盖测试"))["rows"])
    assert row["coverage"] == {"target_stations": 2, "received": 1, "relayed": 1, "enterprises": 2}
    detail = run(engine, lambda c: policies.get_policy(c, made["id"]))
    assert [(s["station_code"], s["received"], s["enterprises"]) for s in detail["stations"]] == [
        ("COV-HP", False, 0), ("COV-TH", True, 1)]


def test_the_enterprise_library_pages_filters_and_finds_duplicates(engine: Engine) -> None:
    with engine.begin() as conn:
        a = accounts.add_station(conn, "ENT-A", "甲站", "天河区")[0].station_id
        b = accounts.add_station(conn, "ENT-B", "乙站", "海珠区")[0].station_id
    rows = [enterprise(a, hlc(i), name=f"企业{i:03d}", district="天河区" if i % 2 else "海珠区", size="small")
            for i in range(25)]
    push(engine, a, rows)
    push(engine, b, [enterprise(b, hlc(99), name="企业007", district="海珠区")])  # same name, no code: a possible duplicate
    seen: list[str] = []
    after: dict[str, Any] = {}
    while True:
        page = run(engine, lambda c, after=after: enterprises.list_enterprises(c, text_="企业", limit=10, **after))
        assert page["total"] == 26
        seen += [r["name"] for r in page["rows"]]
        if page["next"] is None:
            break
        after = page["next"]
    assert len(seen) == 26 and seen == sorted(seen)
    tianhe = run(engine, lambda c: enterprises.list_enterprises(c, district="天河区", station="ENT-A", limit=200))
    assert tianhe["total"] == 12 and all(r["district"] == "天河区" and r["station_code"] == "ENT-A" for r in tianhe["rows"])
    refused(engine, lambda c: enterprises.list_enterprises(c, district="深圳"), "district", "所在区")
    refused(engine, lambda c: enterprises.list_enterprises(c, station="NOPE"), "station", "服务站")
    refused(engine, lambda c: enterprises.list_enterprises(c, size="huge"), "size", "企业规模")
    dupes = run(engine, lambda c: enterprises.possible_duplicates(c))
    assert [(g["name"], g["count"]) for g in dupes["rows"]] == [("企业007", 2)]


def test_requests_are_decided_and_merges_undone_with_audit(engine: Engine) -> None:
    with engine.begin() as conn:
        a = accounts.add_station(conn, "REQ-A", "甲站", "天河区")[0].station_id
        b = accounts.add_station(conn, "REQ-B", "乙站", "天河区")[0].station_id
    firm = enterprise(a, hlc(0), name="待删企业")
    push(engine, a, [firm])
    push(engine, b, [{**firm, "deleted": True, "field_hlc": {"deleted": hlc(10)}}], at=10)
    [pending] = run(engine, lambda c: requests.list_requests(c))["rows"]
    assert pending["kind"] == "delete" and pending["station_code"] == "REQ-B"
    refused(engine, lambda c: requests.decide(c, AUDIT, pending["id"], "yes", "", "王审核"), "approve", "true")
    refused(engine, lambda c: requests.decide(c, AUDIT, 10**9, True, "", "王审核"), "id", "找不到", status=404)
    done = run(engine, lambda c: requests.decide(c, AUDIT, pending["id"], True, "同意", "王审核"))
    assert done["status"] == "approved" and "已删除" in done["outcome"] and replica(engine, "enterprise", firm["id"]).deleted
    refused(engine, lambda c: requests.decide(c, AUDIT, pending["id"], False, "", "王审核"), "", "不能再次处理", status=409)
    [entry] = audits(engine, "enterprise_request.approve")
    assert entry.before["status"] == "pending" and entry.after["status"] == "approved"

    code = "91440101MA5C0B0002"
    first = enterprise(a, hlc(20), credit_code=code, name="同一家")
    second = enterprise(b, hlc(25), credit_code=code, name="同一家（乙录入）")
    push(engine, a, [first], at=20)
    push(engine, b, [second], at=25)
    [merge] = run(engine, lambda c: enterprises.list_merges(c))["rows"]
    assert merge["merged_id"] == second["id"] and merge["undone_at"] is None
    undone = run(engine, lambda c: requests.undo_merge(c, AUDIT, merge["id"], "王审核"))
    assert undone["merged_id"] == second["id"] and not replica(engine, "enterprise", second["id"]).deleted
    refused(engine, lambda c: requests.undo_merge(c, AUDIT, merge["id"], "王审核"), "", "已于", status=409)
    assert len(audits(engine, "enterprise.unmerge")) == 1


def test_publish_from_a_file_is_checked_by_the_row_rules_and_audited_as_the_command_line(
        engine: Engine, tmp_path: Any, capsys: Any) -> None:
    import json

    from app.hq.cli import main as hq_main

    url = engine.url.render_as_string(hide_password=False)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"expert": [{"name": "好专家"}, {"name": "", "phone": "1"}]}, ensure_ascii=False), encoding="utf-8")
    before = table_counts(engine)
    assert hq_main(["publish", "--db", url, str(bad)]) == 1
    assert "expert 第2条：专家姓名（name）不能为空" in capsys.readouterr().err
    assert table_counts(engine) == before  # one transaction: the good row is not published either
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"expert": [{"name": "文件里的专家", "fields": "ip"}]}, ensure_ascii=False), encoding="utf-8")
    assert hq_main(["publish", "--db", url, str(good)]) == 0
    [entry] = audits(engine, "reference.publish")
    assert entry.actor.startswith("命令行") and entry.role == "cli" and entry.after["count"] == 1


def test_a_typed_backslash_u0000_is_text_and_a_nul_is_refused() -> None:
    from app.hq.wire import check_json_value

    for text in ("C:\\u0000", "\\\\u0000", "正常"):
        check_json_value({"name": text})
    for hostile in ("a\x00b", "\\\x00", ["x", {"k": "\x00"}]):
        with pytest.raises(ValueError):
            check_json_value({"name": hostile})


def test_a_lifecycle_step_out_of_order_is_refused_and_writes_nothing(engine: Engine) -> None:
    """入驻 of an institution already in 驻, and 退出 of one already exited, are 409s: the
    audit trail never shows a move that did not happen."""
    ident = run(engine, lambda c: institutions.create_institution(c, AUDIT, {"name": "顺序校验机构"}, NOW))["id"]
    refused(engine, lambda c: institutions.admit(c, AUDIT, ident, {}, NOW), "", "已在驻", status=409)
    run(engine, lambda c: institutions.exit_institution(c, AUDIT, ident, {"exit_reason": "合同到期"}, NOW))
    refused(engine, lambda c: institutions.exit_institution(c, AUDIT, ident, {"exit_reason": "再退一次"}, NOW), "", "已于",
            status=409)
    assert replica(engine, "service_institution", ident).data["exit_reason"] == "合同到期"


def test_list_filters_comments_and_ids_are_capped(engine: Engine) -> None:
    refused(engine, lambda c: institutions.list_institutions(c, status="closed"), "status", "入驻状态")
    refused(engine, lambda c: experts.list_experts(c, text="查" * 101), "text", "100")
    assert run(engine, lambda c: experts.list_experts(c, text="查" * 100))["total"] == 0  # the edge itself passes
    refused(engine, lambda c: requests.decide(c, AUDIT, 1, False, "意" * 1001, "王审核"), "comment", "1000")
    for huge in (2**62, 2**63):  # past bigint: a 422, not the database's overflow
        refused(engine, lambda c, huge=huge: requests.decide(c, AUDIT, huge, False, "", "王审核"), "id", "正整数")
        refused(engine, lambda c, huge=huge: requests.undo_merge(c, AUDIT, huge, "王审核"), "id", "正整数")


def test_a_pick_list_is_capped(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    have = count(engine, "SELECT count(*) FROM replica_row WHERE tbl = 'pick_list_item' AND NOT deleted "
                         "AND data->>'list_name' = 'event_theme'")
    monkeypatch.setattr(pick_lists, "MAX_ITEMS", have + 1)
    run(engine, lambda c: pick_lists.create_item(c, AUDIT, {"list_name": "event_theme", "code": "cap1", "label": "上限内"}, NOW))
    refused(engine, lambda c: pick_lists.create_item(c, AUDIT, {"list_name": "event_theme", "code": "cap2", "label": "超出"}, NOW),
            "list_name", "最多")


def test_a_retired_category_is_kept_by_a_row_that_has_it_but_not_chosen_anew(engine: Engine) -> None:
    """Rolled back at the end: the module's other tests see the pick-lists as they were."""
    with engine.connect() as conn, conn.begin() as trans:
        item = pick_lists.create_item(conn, AUDIT, {"list_name": "service_category", "code": "retiring", "label": "将停用"}, NOW)
        kept = institutions.create_institution(conn, AUDIT, {"name": "老类别机构", "category": "retiring"}, NOW)
        other = institutions.create_institution(conn, AUDIT, {"name": "新机构"}, NOW)
        pick_lists.update_item(conn, AUDIT, item["id"], {"active": False}, NOW)
        changed = institutions.update_institution(conn, AUDIT, kept["id"], {"phone": "020-12345678"}, NOW)
        assert (changed["category"], changed["phone"]) == ("retiring", "020-12345678")
        with pytest.raises(LibraryError) as caught:
            institutions.update_institution(conn, AUDIT, other["id"], {"category": "retiring"}, NOW)
        assert (caught.value.status, caught.value.field) == (422, "category")
        trans.rollback()


def test_a_catalogue_is_capped_so_its_page_shows_every_entry(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    """get_institution reads at most MAX_ENTRIES entries: one more could be added yet never shown."""
    monkeypatch.setattr(institutions, "MAX_ENTRIES", 2)
    ident = run(engine, lambda c: institutions.create_institution(c, AUDIT, {"name": "清单上限机构"}, NOW))["id"]
    for title in ("甲服务", "乙服务"):
        run(engine, lambda c, title=title: institutions.add_entry(
            c, AUDIT, ident, {"title": title, "stage": "growth", "category": "financing"}, NOW))
    refused(engine, lambda c: institutions.add_entry(c, AUDIT, ident, {"title": "丙服务", "stage": "growth",
                                                                       "category": "financing"}, NOW), "", "上限", status=409)
    shown = run(engine, lambda c: institutions.get_institution(c, ident))
    assert sorted(e["title"] for s in shown["stages"] for e in s["entries"]) == ["乙服务", "甲服务"]
