"""Events: validation naming the field, soft delete and restore, the list's filters,
the calendar's month view in China time, policy briefings and materials."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.errors import UserError, ValidationError
from app.domain.periods import CHINA_TIME
from app.models import Event, EventMaterial, Policy
from app.services.events import choices as event_choices
from app.services.events import edits as events
from app.services.events import listing as event_listing
from app.services.events import materials as event_materials
from app.services.events.edits import FIELD_LABELS, EventInput
from app.services.events.listing import EventFilter

from . import World, count


def at(day: int, hour: int = 14, month: int = 7) -> datetime:
    return datetime(2026, month, day, hour, 30, tzinfo=CHINA_TIME)


def lecture(**changes: Any) -> EventInput:
    data = EventInput("知识产权保护讲座", "lecture", at(8), at(8, 17), venue="服务站二楼会议室", organiser="天河区服务站")
    return replace(data, **changes)


def _create(db, data: EventInput) -> events.EventDetail:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        return events.create(s, data)


def test_create_edit_delete_restore(db, world: World) -> None:  # type: ignore[no-untyped-def]
    saved = _create(db, lecture(satisfaction=4.66, walk_in_count=3))
    assert (saved.title, saved.type_label, saved.satisfaction, saved.own) == ("知识产权保护讲座", "讲座", 4.7, True)
    with db.begin() as s:
        edited = events.update(s, saved.id, lecture(title="专利申请实务讲座", theme="ip"), saved.version)
    assert (edited.title, edited.theme, edited.version) == ("专利申请实务讲座", "ip", saved.version + 1)
    with pytest.raises(UserError, match="刚被其他人修改过"), db.begin() as s:
        events.update(s, saved.id, lecture(title="旧版本的修改"), saved.version)
    with db.begin() as s:
        events.delete(s, saved.id, edited.version)
        assert event_listing.list_events(s) == []
    with db.begin() as s:
        assert events.restore(s, saved.id).title == "专利申请实务讲座"
        assert [r.title for r in event_listing.list_events(s)] == ["专利申请实务讲座"]
    assert count(db, Event) == 1  # soft: the row stays as a tombstone, then comes back


def test_the_end_before_the_start_is_refused_naming_the_field(db, world: World) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as caught, db.begin() as s:
        events.create(s, lecture(ends_at=at(8, 9)))
    assert caught.value.field == "ends_at" and caught.value.message.startswith("结束时间：不能早于开始时间（2026-07-08 14:30）")
    for changes, fld in [({"walk_in_count": -1}, "walk_in_count"), ({"satisfaction": 6}, "satisfaction"),
                         ({"satisfaction": 0.5}, "satisfaction"), ({"title": "讲" * 201}, "title"),
                         ({"event_type": "party"}, "event_type"), ({"theme": "sports"}, "theme"),
                         ({"description": "x" * 4001}, "description"), ({"starts_at": None}, "starts_at")]:
        with pytest.raises(ValidationError) as caught, db.begin() as s:
            events.create(s, lecture(**changes))
        assert caught.value.field == fld and caught.value.message.startswith(FIELD_LABELS[fld] + "：")
    assert count(db, Event) == 0


def test_filters_and_the_month_view_use_china_time(db, world: World) -> None:  # type: ignore[no-untyped-def]
    _create(db, lecture())
    _create(db, lecture(title="融资对接会", event_type="matchmaking", theme="finance_tax", starts_at=at(20, 9),
                        ends_at=at(20, 11), speakers="陈律师"))
    # 00:30 on 1 August in Guangzhou is still 31 July in UTC: it belongs to August
    midnight = datetime(2026, 7, 31, 16, 30, tzinfo=UTC)
    _create(db, lecture(title="夜场沙龙", event_type="salon", starts_at=midnight, ends_at=midnight + timedelta(hours=1)))
    with db.begin() as s:
        assert event_listing.month_days(s, 2026, 7) == {date(2026, 7, 8): 1, date(2026, 7, 20): 1}
        assert event_listing.month_days(s, 2026, 8) == {date(2026, 8, 1): 1}
        july = event_listing.list_events(s, EventFilter(month=(2026, 7)))
        assert [r.title for r in july] == ["融资对接会", "知识产权保护讲座"]  # latest first
        assert [r.title for r in event_listing.list_events(s, EventFilter(day=date(2026, 8, 1)))] == ["夜场沙龙"]
        assert [r.theme_label for r in event_listing.list_events(s, EventFilter(theme="finance_tax"))] == ["财税主题月"]
        assert [r.title for r in event_listing.list_events(s, EventFilter(event_type="salon"))] == ["夜场沙龙"]
        assert [r.title for r in event_listing.list_events(s, EventFilter(text="陈律师"))] == ["融资对接会"]
        assert event_listing.list_events(s, EventFilter(text="100%"))  == []


def test_a_policy_briefing_keeps_its_policies_in_order(db, world: World) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        first = Policy(title="广州市促进中小企业发展若干措施", category="general", issuer="广州市工信局",
                       issued_on=date(2026, 3, 1))
        second = Policy(title="研发费用加计扣除政策", category="tax", issuer="税务总局", issued_on=date(2026, 1, 5))
        gone = Policy(title="已废止的政策", category="tax", deleted=True)
        s.add_all([first, second, gone])
        s.flush()
        ids = (second.id, first.id)
        assert [c.title for c in event_choices.policy_choices(s)] == [first.title, second.title]
        gone_id = gone.id
    saved = _create(db, lecture(event_type="policy_briefing", policy_ids=ids))
    assert saved.policy_ids == ids
    with db.begin() as s:
        assert s.get(Event, saved.id).policy_ids == f"{ids[0].hex},{ids[1].hex}"  # type: ignore[union-attr]
    with pytest.raises(ValidationError) as caught, db.begin() as s:
        events.update(s, saved.id, lecture(event_type="policy_briefing", policy_ids=(gone_id,)), None)
    assert caught.value.field == "policy_ids"
    with db.begin() as s:  # another type keeps no policies
        assert events.update(s, saved.id, lecture(policy_ids=ids), None).policy_ids == ()


# --- hypothesis: the form never crashes, never half-saves, always names the field ----

_moments = st.one_of(
    st.none(),
    st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2026, 12, 31), timezones=st.just(CHINA_TIME)),
    st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2026, 12, 31)),
)


@st.composite
def _event_inputs(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "title": draw(st.one_of(st.text(max_size=210), st.none(), st.integers())),
        "event_type": draw(st.sampled_from(["training", "policy_briefing", "", "party", None])),
        "starts_at": draw(_moments),
        "ends_at": draw(_moments),
        "theme": draw(st.sampled_from([None, "", "policy", "ip", "sports"])),
        "venue": draw(st.text(max_size=20)),
        "speakers": draw(st.one_of(st.text(max_size=20), st.just("专" * 1001))),
        "walk_in_count": draw(st.one_of(st.integers(-3, 200_000), st.booleans(), st.floats(), st.none())),
        "satisfaction": draw(st.one_of(st.none(), st.floats(allow_nan=True), st.integers(-2, 8), st.booleans())),
        "description": draw(st.text(max_size=30)),
        "policy_ids": draw(st.one_of(st.just(()), st.tuples(st.uuids()))),
    }


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(fields=_event_inputs())
def test_random_input_saves_whole_or_names_a_field(db, world: World, fields: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    before = count(db, Event)
    try:
        with db.begin() as s:
            saved = events.create(s, EventInput(**fields))
    except ValidationError as exc:
        assert exc.field in FIELD_LABELS
        assert exc.message.startswith(FIELD_LABELS[exc.field] + "：")
        assert count(db, Event) == before
    else:
        assert count(db, Event) == before + 1
        assert saved.ends_at >= saved.starts_at and 0 <= saved.walk_in_count
        assert saved.satisfaction is None or 1 <= saved.satisfaction <= 5


# --- materials ------------------------------------------------------------------------


def test_materials_are_copied_hashed_opened_and_removed(db, world: World, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    event = _create(db, lecture())
    folder = event_materials.materials_dir_for(db.path)
    assert folder == db.path.parent / "materials" and folder.is_dir()
    source = tmp_path / "签到表.PDF"
    source.write_bytes(b"%PDF-1.4 sign-in sheet")
    with db.begin() as s:
        material = event_materials.attach(s, folder, event.id, source)
    assert (material.file_name, material.size_bytes) == ("签到表.PDF", 22)
    assert material.sha256 == hashlib.sha256(b"%PDF-1.4 sign-in sheet").hexdigest()
    assert material.stored_name.endswith(".pdf")
    source.unlink()  # the copy is what counts from now on
    with db.begin() as s:
        assert event_materials.file_path(s, folder, material.id).read_bytes() == b"%PDF-1.4 sign-in sheet"
    (folder / material.stored_name).write_bytes(b"tampered")
    with pytest.raises(UserError, match="校验值不符"), db.begin() as s:
        event_materials.file_path(s, folder, material.id)
    with db.begin() as s:
        copy = event_materials.remove(s, material.id, folder)
    event_materials.discard_file(copy)
    with db.begin() as s:
        assert event_materials.list_materials(s, event.id) == []
    assert not copy.exists() and count(db, EventMaterial) == 1


def test_a_material_over_20_mb_is_refused_from_its_size_without_being_read(db, world: World, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    event = _create(db, lecture())
    folder = event_materials.materials_dir_for(db.path)
    big = tmp_path / "整场录像.mp4"
    with big.open("wb") as handle:
        handle.truncate(event_materials.MAX_BYTES + 1)
    opened: list[Path] = []
    real_open = Path.open

    def watched(self: Path, *args: Any, **kwargs: Any) -> Any:
        opened.append(self)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", watched)
    with pytest.raises(UserError, match="超过了单个材料20 MB的上限"), db.begin() as s:
        event_materials.attach(s, folder, event.id, big)
    assert big not in opened  # refused before 20 MB were copied and thrown away
    assert count(db, EventMaterial) == 0


def test_a_material_over_20_mb_or_unreadable_is_refused_and_nothing_is_kept(db, world: World, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    event = _create(db, lecture())
    folder = event_materials.materials_dir_for(db.path)
    big = tmp_path / "活动视频.mp4"
    with big.open("wb") as handle:
        handle.truncate(event_materials.MAX_BYTES + 1)
    with pytest.raises(UserError, match="超过了单个材料20 MB的上限"), db.begin() as s:
        event_materials.attach(s, folder, event.id, big)
    with pytest.raises(UserError, match="无法读取“不存在.docx”"), db.begin() as s:
        event_materials.attach(s, folder, event.id, tmp_path / "不存在.docx")
    with pytest.raises(UserError, match="不是文件"), db.begin() as s:
        event_materials.attach(s, folder, event.id, tmp_path)
    locked = tmp_path / "签到表.xlsx"
    locked.write_bytes(b"PK")
    real_open = Path.open

    def refuse(self: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if self == locked:  # as Windows does while Excel holds the file
            raise PermissionError(13, "Permission denied")
        return real_open(self, mode, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Path, "open", refuse)
        with pytest.raises(UserError, match="无法读取或复制“签到表.xlsx”（Permission denied）"), db.begin() as s:
            event_materials.attach(s, folder, event.id, locked)
    assert list(folder.iterdir()) == [] and count(db, EventMaterial) == 0


def test_another_stations_event_cannot_be_changed(db, world: World) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as s:
        row = Event(station_id=uuid.uuid4(), title="总站培训", event_type="training", starts_at=at(1), ends_at=at(1, 16))
        s.add(row)
        s.flush()
        other = row.id
    with db.begin() as s:
        assert events.get(s, other).own is False
    with pytest.raises(UserError, match="只能查看"), db.begin() as s:
        events.delete(s, other)
