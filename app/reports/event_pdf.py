"""活动签到表 (printed before an event) and 活动总结 (after it)."""

from __future__ import annotations

from app.domain.messages import Msg
from app.reports import labels as L
from app.reports.annual_data import share
from app.reports.blocks import percent
from app.reports.event_data import EventSheet
from app.reports.story import Story

BLANK_ROWS = 15  # for walk-ins and people registered by phone on the day
SIGN_ROW_MM = 9  # tall enough to sign by hand


def _when(sheet: EventSheet) -> str:
    start, end = sheet.starts_at, sheet.ends_at
    tail = f"{end:%H:%M}" if end.date() == start.date() else f"{end:%Y-%m-%d %H:%M}"
    return f"{start:%Y-%m-%d %H:%M}—{tail}"


def _facts(story: Story, sheet: EventSheet, *, after: bool) -> None:
    rows: list[list[str | int | float | None]] = [
        ["活动名称", sheet.title or None],
        ["活动类型", L.event_type_label(sheet.event_type) + (f"（{sheet.theme}）" if sheet.theme else "")],
        ["时间", _when(sheet)],
        ["地点", sheet.venue or None],
        ["主办", sheet.organiser or None],
    ]
    if sheet.partners:
        rows.append(["合作机构", sheet.partners])
    if sheet.speakers:
        rows.append(["主讲/嘉宾", sheet.speakers])
    if after and sheet.policies:
        rows.append(["宣讲政策", "；".join(sheet.policies)])
    story.table(["项目", "内容"], rows, [2, 8])


def attendance_story(story: Story, sheet: EventSheet) -> None:
    _facts(story, sheet, after=False)
    story.h2(f"签到（已报名 {len(sheet.attendees)} 人，另留 {BLANK_ROWS} 行供现场登记）")
    rows: list[list[str | int | float | None]] = [
        [str(i), a.enterprise or None, a.person or None, "", ""] for i, a in enumerate(sheet.attendees, start=1)
    ]
    start = len(rows) + 1
    rows += [[str(i), "", "", "", ""] for i in range(start, start + BLANK_ROWS)]
    story.table(["序号", "单位名称", "姓名", "联系电话", "签名"], rows, [1, 5, 2, 2.5, 2.5], min_height_mm=SIGN_ROW_MM)


def event_summary_story(story: Story, sheet: EventSheet, *, held: bool = True) -> None:
    """After the event; before it (`held` False: it starts after the cut-off) only what is
    known, marked as planned: no check-in rate of 0.0% for an event yet to come."""
    story.h1("一、活动基本情况")
    _facts(story, sheet, after=True)
    if not held:
        when = f"{sheet.starts_at:%Y-%m-%d %H:%M}"
        story.h1("二、报名情况")
        story.para_note(f"本活动为计划活动，定于 {when} 举行，数据截至时尚未举行，签到与参与情况待活动结束后统计。")
        story.table(["指标", "数值"], [["状态", "计划"], ["报名（人）", len(sheet.attendees)]], [6, 4])
        story.warnings.append(Msg("活动“%1”定于 %2 举行，尚未举行：活动总结只列出报名情况，请在活动结束后重新生成。",
                                  story.glyphs.clean(sheet.title), when))
        return
    story.h1("二、参与情况")
    registered, came = len(sheet.attendees), sheet.checked_in
    rows = [
        ["报名（人）", registered],
        ["签到（人）", came],
        ["签到率", percent(share(came, registered))],
        ["现场登记（人）", sheet.walk_in],
        ["参与合计（人）", came + sheet.walk_in],
        ["满意度（5分制）", sheet.satisfaction],
    ]
    story.table(["指标", "数值"], rows, [6, 4])
    if came:
        sizes = L.ordered(sheet.by_size(), L.SIZE_ORDER)
        story.table(["签到企业规模", "人数"], [[L.size_label(k), v] for k, v in sizes], [6, 4])
        sections = L.ordered(sheet.by_section(), L.SECTION_ORDER)
        story.table(["签到企业行业", "人数"], [[L.section_label(k), v] for k, v in sections], [6, 4])
    else:
        story.note("本活动暂无签到记录。")
    story.h1("三、活动总结")
    story.narrative(sheet.summary)
    story.h1("四、签到名单")
    present = [[str(i), a.enterprise or None, a.person or None]
               for i, a in enumerate((a for a in sheet.attendees if a.checked_in), start=1)]
    story.table(["序号", "单位名称", "姓名"], present, [1, 7, 2.5])
    if sheet.materials:
        story.h1("五、活动资料")
        story.table(["序号", "文件名"], [[str(i), m] for i, m in enumerate(sheet.materials, start=1)], [1, 9])
