"""政策法规库 service: validation, filters, and who may edit (read-only once enrolled, except the note)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from app.domain.errors import UserError, ValidationError
from app.models import Policy
from app.services.policies import library as policies
from app.services.policies.library import PolicyFilter, PolicyInput

from . import TODAY, World

BASE = PolicyInput("小微企业税费优惠政策指引", "finance_tax", "国家税务总局广州市税务局", date(2026, 1, 1), date(2027, 12, 31))


def create(db, world: World, **changes: Any) -> policies.PolicyRow:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        return policies.create(s, replace(BASE, **changes), world.manager, today=TODAY)


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"title": "  "}, "title", "政策标题"),
        ({"category": "astrology"}, "category", "政策类别"),
        ({"expires_on": date(2025, 12, 31)}, "expires_on", "不能早于发布日期"),
        ({"industries": "C,ZZ"}, "industries", "“ZZ”"),
        ({"industries": "99"}, "industries", "适用行业"),
        ({"sizes": "small,huge"}, "sizes", "“huge”"),
        ({"districts": "天河区,深圳南山"}, "districts", "适用区域"),
        ({"issued_on": "2026-01-01"}, "issued_on", "发布日期"),
        ({"title": "x" * 301}, "title", "300"),
    ],
)
def test_bad_input_names_the_field(db, world: World, changes: dict[str, Any], field: str, words: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as bad:
        create(db, world, **changes)
    assert bad.value.field == field
    assert words in bad.value.message
    with db.begin() as s:
        assert s.scalars(select(Policy.id)).all() == []


def test_codes_are_normalised(db, world: World) -> None:  # type: ignore[no-untyped-def]
    row = create(db, world, industries="c， I65、6510 c", sizes="微型,small", districts="天河 黄埔区,天河区")
    assert (row.industries, row.sizes, row.districts) == ("C,65,6510", "small,micro", "天河区,黄埔区")
    assert row.scope_text == "行业：制造业（C），软件和信息技术服务业（65），软件和信息技术服务业（6510）；规模：小型、微型；区域：天河区、黄埔区"
    everyone = create(db, world, title="普惠政策", expires_on=None)
    assert everyone.scope_text == "行业：全部行业；规模：全部规模；区域：全市" and everyone.current


def test_filters_by_category_validity_and_text(db, world: World) -> None:  # type: ignore[no-untyped-def]
    create(db, world)
    create(db, world, title="专利资助和奖励办法", category="ip", expires_on=date(2026, 6, 30), issuer="市知识产权局")
    create(db, world, title="跨境电商扶持措施", category="market", expires_on=None, summary="出口退税", issuer="市商务局")
    with db.begin() as s:
        def titles(**kw: Any) -> list[str]:
            return [r.title for r in policies.list_policies(s, PolicyFilter(today=TODAY, **kw))]

        assert len(titles()) == 3
        assert titles(category="ip") == ["专利资助和奖励办法"]
        assert titles(validity="expired") == ["专利资助和奖励办法"]
        assert sorted(titles(validity="current")) == sorted(["小微企业税费优惠政策指引", "跨境电商扶持措施"])
        assert titles(text="退税") == ["跨境电商扶持措施"]
        assert titles(text="税务局") == ["小微企业税费优惠政策指引"]


def test_manager_edits_and_deletes_before_enrolment(db, world: World) -> None:  # type: ignore[no-untyped-def]
    row = create(db, world)
    with db.begin() as s:
        edited = policies.update(s, row.id, replace(BASE, title="新标题"), world.manager, row.version, today=TODAY)
    assert edited.title == "新标题" and edited.version == row.version + 1
    with pytest.raises(UserError, match="刚被修改过"), db.begin() as s:
        policies.update(s, row.id, BASE, world.manager, row.version)
    with db.begin() as s:
        policies.delete(s, row.id, world.manager, edited.version)
        assert policies.list_policies(s) == []
    with pytest.raises(UserError, match="找不到"), db.begin() as s:
        policies.get(s, row.id)


def test_clerk_may_not_edit(db, world: World) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        assert not policies.permissions(s, world.clerk).can_edit
        with pytest.raises(UserError, match="站长"):
            policies.create(s, BASE, world.clerk)


def test_enrolled_station_reads_only_but_keeps_its_note(db, world: World, mark_enrolled) -> None:  # type: ignore[no-untyped-def]
    row = create(db, world)
    mark_enrolled()
    with db.begin() as s:
        allowed = policies.permissions(s, world.manager)
        assert not allowed.can_edit and "服务总站" in allowed.reason
        for attempt in (
            lambda: policies.create(s, BASE, world.manager),
            lambda: policies.update(s, row.id, BASE, world.manager, row.version),
            lambda: policies.delete(s, row.id, world.manager),
        ):
            with pytest.raises(UserError, match="服务总站"):
                attempt()
        noted = policies.set_note(s, row.id, "  已在三月宣讲会上介绍  ", today=TODAY)
    assert noted.local_note == "已在三月宣讲会上介绍"
    assert noted.version == row.version  # a local note is not a change HQ must hear of
    with db.begin() as s:
        assert policies.get(s, row.id).title == BASE.title
    with pytest.raises(ValidationError) as bad, db.begin() as s:
        policies.set_note(s, row.id, "x" * 4001)
    assert bad.value.field == "local_note"


def test_a_picked_file_is_copied_into_the_profile_and_stored_relative(db, world: World, tmp_path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "picked" / "税费优惠指引.pdf"
    source.parent.mkdir()
    source.write_bytes(b"%PDF-1.4 guide")
    profile = policies_profile(db)
    with db.begin() as s:
        row = policies.create(s, replace(BASE, attachment=str(source)), world.manager, today=TODAY, profile_dir=profile)
    assert row.attachment.startswith("policy_files/税费优惠指引-") and row.attachment.endswith(".pdf")
    copy = profile / row.attachment
    assert copy.read_bytes() == b"%PDF-1.4 guide"
    source.unlink()  # the original may go: the profile keeps its copy
    with db.begin() as s:
        assert policies.attachment_location(profile, row.attachment) == copy
        edited = policies.update(s, row.id, replace(BASE, title="新标题", attachment=row.attachment), world.manager,
                                 row.version, today=TODAY, profile_dir=profile)
    assert edited.attachment == row.attachment  # unchanged: not copied again
    assert len(list((profile / "policy_files").iterdir())) == 1
    copy.unlink()  # e.g. the database was copied to another machine without the folder
    with pytest.raises(UserError) as missing:
        policies.attachment_location(profile, row.attachment)
    assert missing.value.message.startswith("附件：") and "不在本机" in missing.value.message


def test_a_web_address_stays_as_typed(db, world: World) -> None:  # type: ignore[no-untyped-def]
    url = "https://www.gz.gov.cn/zwgk/policy/2026/guide.html"
    row = create(db, world, attachment=url)
    assert row.attachment == url
    assert policies.attachment_location(policies_profile(db), url) == url
    assert not (policies_profile(db) / "policy_files").exists()


@pytest.mark.parametrize("problem", ["missing", "too_big", "relative", "unreadable"])
def test_a_bad_attachment_names_the_field_and_saves_nothing(db, world: World, tmp_path, problem: str) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "指引.pdf"
    if problem == "too_big":
        with source.open("wb") as handle:
            handle.truncate(policies.profile_files.MAX_BYTES + 1)
    elif problem == "unreadable":
        source.mkdir()  # a folder where a file was expected
    attachment = "docs/指引.pdf" if problem == "relative" else str(source)
    profile = policies_profile(db)
    with pytest.raises(ValidationError) as info, db.begin() as s:
        policies.create(s, replace(BASE, attachment=attachment), world.manager, today=TODAY, profile_dir=profile)
    assert info.value.field == "attachment" and info.value.message.startswith("附件：")
    if problem == "too_big":
        assert "20 MB" in info.value.message
    with db.sessions() as s:
        assert s.scalars(select(Policy)).all() == []
    assert list((profile / "policy_files").glob("*")) == []  # nothing copied (glob of a missing folder is empty)


def test_a_failed_save_removes_the_copied_file(db, world: World, tmp_path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "指引.docx"
    source.write_bytes(b"doc")
    row = create(db, world)
    profile = policies_profile(db)
    with pytest.raises(UserError, match="刚被修改过"), db.begin() as s:
        policies.update(s, row.id, replace(BASE, attachment=str(source)), world.manager, row.version + 5,
                        profile_dir=profile)
    assert list((profile / "policy_files").iterdir()) == []


def policies_profile(db):  # type: ignore[no-untyped-def]
    return policies.profile_files.profile_dir_for(db.path)
