"""Service categories: the catalogue defaults, the station's own edited list, HQ's
authority once enrolled, and what records accept and show."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from app.domain.catalogue import SERVICE_CATEGORIES
from app.domain.errors import ValidationError
from app.models import PickListItem
from app.services import pick_lists, references
from app.services.pick_lists import SERVICE_CATEGORY, EditItem, save_local_list
from app.services.records import entry as record_entry
from app.services.records import listing as record_listing
from app.services.records.stored import RecordSummary
from app.services.records.validation import RecordInput

from . import TODAY, World


def _edit(db, world: World, lines: list[EditItem]) -> list[pick_lists.PickItem]:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        return save_local_list(s, SERVICE_CATEGORY, lines, world.manager)


def _current(db) -> list[EditItem]:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        return [EditItem(i.code, i.label, i.active) for i in pick_lists.items(s, SERVICE_CATEGORY, include_inactive=True)]


def _record(db, world: World, category: str) -> RecordSummary:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        data = RecordInput(enterprise_id=world.enterprise_id, service_date=TODAY, category=category)
        return record_entry.create(s, data, world.clerk, today=TODAY)


def test_defaults_until_the_station_has_a_list(db, world: World) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        assert references.categories(s) == SERVICE_CATEGORIES
        assert list(references.categories(s)) == list(SERVICE_CATEGORIES)  # display order too
        assert pick_lists.editable(s)


def test_local_edit_adds_renames_reorders_and_retires(db, world: World) -> None:  # type: ignore[no-untyped-def]
    lines = _current(db)
    lines[0] = replace(lines[0], label="政策咨询与申报")  # rename "policy"
    lines.insert(0, EditItem(None, "  外贸服务 "))  # new, first
    lines = [line for line in lines if line.code != "startup"]  # left out, never used: removed softly
    lines = [replace(line, active=False) if line.code == "other" else line for line in lines]
    saved = _edit(db, world, lines)
    assert saved[0].label == "外贸服务" and saved[0].code.startswith("custom_") and saved[0].active
    with db.begin() as s:
        offered = references.categories(s)
        assert list(offered)[:2] == [saved[0].code, "policy"] and offered["policy"] == "政策咨询与申报"
        assert "startup" not in offered and "other" not in offered
        assert s.scalar(select(PickListItem.id).where(PickListItem.code == "startup")) is None  # unused default: not kept
    lines = [line for line in _current(db) if line.code != "ip"]  # a stored, unused item left out: soft-deleted
    _edit(db, world, lines)
    with db.begin() as s:
        assert s.scalar(select(PickListItem.deleted).where(PickListItem.code == "ip")) is True
        assert "ip" not in references.categories(s)
    again = _edit(db, world, _current(db) + [EditItem(None, "跨境电商")])  # codes are never reused
    assert len({i.code for i in again}) == len(again)


def test_bad_lists_are_refused_and_nothing_is_saved(db, world: World) -> None:  # type: ignore[no-untyped-def]
    lines = _current(db)
    cases = [
        (lines + [EditItem(None, "政策咨询")], "重名"),
        (lines + [EditItem(None, "   ")], "不能为空"),
        (lines + [EditItem("no-such-code", "新的")], "重新打开"),
        ([replace(line, active=False) for line in lines], "至少要保留一个"),
    ]
    for bad, words in cases:
        with pytest.raises(ValidationError) as refused, db.begin() as s:
            save_local_list(s, SERVICE_CATEGORY, bad, world.manager)
        assert words in refused.value.message and "服务类别" in refused.value.message
    with db.begin() as s:
        assert s.scalar(select(PickListItem.id)) is None


def test_refused_while_enrolled_with_hq(db, world: World, mark_enrolled) -> None:  # type: ignore[no-untyped-def]
    mark_enrolled()
    with db.begin() as s:
        assert not pick_lists.editable(s)
    with pytest.raises(ValidationError) as refused, db.begin() as s:
        save_local_list(s, SERVICE_CATEGORY, _current(db) + [EditItem(None, "外贸服务")], world.manager)
    assert "服务总站" in refused.value.message and refused.value.field == "list_name"
    with db.begin() as s:
        assert s.scalar(select(PickListItem.id)) is None


def test_record_with_a_new_category_saves(db, world: World) -> None:  # type: ignore[no-untyped-def]
    code = _edit(db, world, _current(db) + [EditItem(None, "外贸服务")])[-1].code
    saved = _record(db, world, code)
    with db.begin() as s:
        shown = record_listing.fetch_rows(s, [saved.id])[saved.id]
    assert shown.category == code and shown.category_label == "外贸服务"


def test_retired_category_still_labelled_but_refused_for_new_records(db, world: World) -> None:  # type: ignore[no-untyped-def]
    old = _record(db, world, "startup")  # used by a record before it is retired
    _edit(db, world, [line for line in _current(db) if line.code != "startup"])
    with db.begin() as s:
        item = s.scalars(select(PickListItem).where(PickListItem.code == "startup")).one()
        assert (item.active, item.deleted) == (False, False)  # kept, only inactive: a record uses it
        assert "startup" not in references.categories(s)
        assert pick_lists.labels(s, SERVICE_CATEGORY)["startup"] == "创业服务"
        assert record_listing.fetch_rows(s, [old.id])[old.id].category_label == "创业服务"
    with pytest.raises(ValidationError) as refused:
        _record(db, world, "startup")
    assert refused.value.field == "category"
    assert refused.value.message.startswith("服务类别：") and "“创业服务”已停用" in refused.value.message
