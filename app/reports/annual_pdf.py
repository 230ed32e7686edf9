"""年度服务工作总结 (year Y) followed by 下一年度服务工作计划 (Y + 1), as one story."""

from __future__ import annotations

from collections.abc import Callable

from app.domain.periods import CHINA_TIME
from app.domain.report_sections import SUMMARY_SECTIONS
from app.reports import labels as L
from app.reports.activity_stats import EventLine
from app.reports.annual_data import AnnualFigures, share
from app.reports.blocks import percent
from app.reports.charts import bar_chart, column_chart, pie_chart
from app.reports.story import Story

HEADINGS = "一二三四五六七八九十"
PEOPLE = "活动参与（人次）"  # F.Turnout.people: checked-in people and walk-ins
ENTERPRISES = "活动参与企业（家次）"  # F.Turnout.enterprises
PLANNED = "计划"
UNITS_NOTE = ("活动参与（人次）= 已签到的报名人数 + 现场登记人数；"
              "活动参与企业（家次）= 每场活动已签到的企业数（同一企业多人只计一家）之和。")


def summary_story(story: Story, f: AnnualFigures) -> None:
    """The summary: key figures, the written sections, then the statistics."""
    n = iter(HEADINGS)
    story.h1(f"{next(n)}、基本情况")
    key_figures(story, f)
    story.h1(f"{next(n)}、{SUMMARY_SECTIONS['work_done']}")
    story.narrative(f.summary.text("work_done"))
    story.h1(f"{next(n)}、服务数据统计")
    statistics(story, f)
    for key in ("highlights", "problems", "measures"):
        story.h1(f"{next(n)}、{SUMMARY_SECTIONS[key]}")
        story.narrative(f.summary.text(key))


def key_figures(story: Story, f: AnnualFigures) -> None:
    r, d = f.records, f.demands
    rows = [
        ["服务企业（家）", f.served.total, "服务记录（次）", r.total],
        ["举办活动（场）", len(f.events), "服务满意率", percent(share(r.satisfied, r.rated))],
        [PEOPLE, f.attendees, ENTERPRISES, f.attendee_enterprises],
        ["受理需求（项）", d.received, "已办结需求（项）", d.finished],
        ["逾期未办结（项）", d.overdue, "计划活动（场）", len(f.planned)],
    ]
    story.table(["指标", "数值", "指标", "数值"], rows, [3.4, 1.6, 3.4, 1.6])
    story.note("统计口径：服务记录按服务日期计入本年度；需求按受理日期计入，办结与逾期状态以数据截至时间为准；"
               "活动以数据截至时已开始的为举办，其后的为计划活动，不计入举办场次和参与数；"
               "满意率为评价“满意”及以上（4–5分）的服务记录占已评价记录的比例。")


def statistics(story: Story, f: AnnualFigures) -> None:
    w = story.width
    story.h2("（一）服务企业")
    if f.served.total:
        story.note(f"本年度共服务企业 {f.served.total:,} 家（有服务记录的企业，按企业去重）。")
        _counts(story, "企业规模", L.ordered(f.served.by_size, L.SIZE_ORDER), L.size_label, f.served.total)
        _counts(story, "所属行业（GB/T 4754-2017 门类）", L.ordered(f.served.by_section, L.SECTION_ORDER),
                L.section_label, f.served.total)
        _counts(story, "所在区", L.ordered(f.served.by_district, L.DISTRICT_ORDER), L.district_label, f.served.total)
    else:
        story.no_data()

    story.h2("（二）服务记录")
    r = f.records
    if r.total:
        months = [f"{f.period.start.year}-{m:02d}" for m in range(1, 13)]
        story.drawing(column_chart("每月服务记录（次）", [f"{m}月" for m in range(1, 13)],
                                   [r.by_month.get(m, 0) for m in months], w))
        cats = L.ordered(r.by_category, list(f.category_labels))
        names = [story.glyphs.clean(L.pick(f.category_labels, c)) for c, _ in cats]
        story.drawing(bar_chart("按服务类别（次）", names, [v for _, v in cats], w))
        _counts(story, "服务类别", cats, lambda c: L.pick(f.category_labels, c), r.total)
        _counts(story, "服务方式", L.ordered(r.by_channel, L.CHANNEL_ORDER), L.channel_label, r.total)
        fees = L.ordered(r.by_fee, L.FEE_ORDER)
        story.drawing(pie_chart("免费、低收费与有偿服务", [L.fee_label(c) for c, _ in fees], [v for _, v in fees], w))
        _counts(story, "收费类型", fees, L.fee_label, r.total)
    else:
        story.no_data()

    story.h2("（三）活动开展")
    events_section(story, f)
    story.h2("（四）服务需求")
    demands_section(story, f)
    story.h2("（五）人员配备")
    staffing_section(story, f)
    story.h2("（六）入驻服务机构")
    institutions_section(story, f)


def _counts(story: Story, title: str, pairs: list[tuple[str, int]], label: Callable[[str], str], total: int) -> None:
    rows = [[label(k), v, percent(share(v, total))] for k, v in pairs]
    story.table([title, "数量", "占比"], rows, [6, 2, 2], total=["合计", sum(v for _, v in pairs), "100.0%"])


def events_section(story: Story, f: AnnualFigures) -> None:
    if not f.events:
        story.no_data()
    else:
        held_events(story, f)
    planned_events(story, f.planned, f.theme_labels)


def held_events(story: Story, f: AnnualFigures) -> None:
    by_type: dict[str, list[int]] = {}
    for e in f.events:
        line = by_type.setdefault(e.event_type, [0, 0, 0, 0])
        line[0] += 1
        line[1] += e.registered
        line[2] += e.enterprises
        line[3] += e.attendees
    order = L.ordered({k: v[0] for k, v in by_type.items()}, L.EVENT_TYPE_ORDER)
    rows = [[L.event_type_label(k), *by_type[k]] for k, _ in order]
    story.table(["活动类型", "场次", "报名（人次）", ENTERPRISES, PEOPLE], rows, [3.4, 1.4, 2, 2.4, 2],
                total=["合计", len(f.events), sum(e.registered for e in f.events), f.attendee_enterprises,
                       f.attendees])
    themed = [e for e in f.events if e.theme]
    if themed:
        by_theme: dict[str, list[int]] = {}
        for e in themed:
            line = by_theme.setdefault(e.theme or "", [0, 0, 0])
            line[0] += 1
            line[1] += e.enterprises
            line[2] += e.attendees
        story.table(["主题月", "场次", ENTERPRISES, PEOPLE],
                    [[L.pick(f.theme_labels, k), *v] for k, v in by_theme.items()], [4.2, 1.4, 2.4, 2])
        rows = [[f"{e.starts_at.astimezone(CHINA_TIME):%m-%d}", L.pick(f.theme_labels, e.theme), e.title,
                 e.enterprises, e.attendees] for e in themed]
        story.table(["日期", "主题月", "活动名称", "参与（家次）", "参与（人次）"], rows, [1.3, 2.4, 4.4, 1.6, 1.6])
    story.note(UNITS_NOTE)


def planned_events(story: Story, planned: list[EventLine], themes: dict[str, str]) -> None:
    """Events after the cut-off: listed as planned, never as held."""
    if not planned:
        return
    story.note(f"另有计划活动 {len(planned)} 场，在数据截至时尚未举行，不计入举办场次和参与数：")
    rows = [[f"{e.starts_at.astimezone(CHINA_TIME):%m-%d %H:%M}", e.title, L.event_type_label(e.event_type),
             L.pick(themes, e.theme) if e.theme else None, e.registered, PLANNED] for e in planned]
    story.table(["时间", "活动名称", "类型", "主题月", "报名（人次）", "状态"], rows, [1.8, 4.2, 1.6, 1.9, 1.9, 1.2])


def demands_section(story: Story, f: AnnualFigures) -> None:
    d = f.demands
    if not d.received:
        story.no_data()
        return
    rows = [[L.pick(f.category_labels, x.category), x.received, x.finished, x.received - x.finished, x.overdue] for x in d.lines]
    story.table(["需求类别", "受理", "已办结", "未办结", "逾期未办结"], rows, [4, 1.5, 1.5, 1.5, 1.8],
                total=["合计", d.received, d.finished, d.received - d.finished, d.overdue])
    story.note(f"办结率 {percent(share(d.finished, d.received))}；回访评价 {d.rated:,} 项，"
               f"满意及以上 {d.satisfied:,} 项，满意率 {percent(share(d.satisfied, d.rated))}。")


def staffing_section(story: Story, f: AnnualFigures) -> None:
    s = f.staffing
    rows = [[m.name, L.role_label(m.role), "专职" if m.full_time else "兼职",
             m.start_date.isoformat() if m.start_date else None, m.trainings or None] for m in s.members]
    story.table(["姓名", "岗位", "专/兼职", "到岗日期", "培训情况"], rows, [2, 2.2, 1.4, 2, 4])
    verdict = "符合服务公约“配备不少于2名专职服务工作人员”的要求。" if not s.shortfall else \
        f"未达到服务公约不少于2名专职人员的要求，尚缺 {s.shortfall} 名。"
    story.note(f"截至 {s.on.isoformat()}，专职服务人员 {s.full_time} 名，{verdict}")


def institutions_section(story: Story, f: AnnualFigures) -> None:
    rows = [[i.name, L.pick(f.category_labels, i.category) if i.category else None, L.institution_status_label(i.status),
             i.entered_on.isoformat() if i.entered_on else None, i.records, i.demands] for i in f.institutions]
    story.table(["机构名称", "服务领域", "状态", "入驻日期", "服务记录", "承办需求"], rows, [5, 2, 1.3, 2, 1.5, 1.5])
    if rows:
        story.note("服务记录、承办需求：本年度引用该机构的服务记录数与分派给该机构的需求数。")
