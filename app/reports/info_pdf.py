"""定期信息报送: the period's figures, each followed by the manager's text on it."""

from __future__ import annotations

from app.domain.periods import CHINA_TIME
from app.domain.report_sections import INFO_SECTIONS
from app.reports import labels as L
from app.reports.annual_data import share
from app.reports.annual_pdf import ENTERPRISES, PEOPLE, UNITS_NOTE, planned_events
from app.reports.blocks import percent
from app.reports.info_data import InfoFigures
from app.reports.story import Story


def info_story(story: Story, f: InfoFigures) -> None:
    r, d = f.records, f.demands
    story.h1("一、本期服务概况")
    rows = [
        ["服务企业（家）", f.served.total, "服务记录（次）", r.total],
        ["受理需求（项）", d.received, "已办结（项）", d.finished],
        ["举办活动（场）", len(f.events), "计划活动（场）", len(f.planned)],
        [ENTERPRISES, sum(e.enterprises for e in f.events), PEOPLE, sum(e.attendees for e in f.events)],
    ]
    story.table(["指标", "数值", "指标", "数值"], rows, [3.4, 1.6, 3.4, 1.6])
    if r.total:
        cats = L.ordered(r.by_category, list(f.category_labels))
        story.table(["服务类别", "服务记录（次）", "占比"],
                    [[L.pick(f.category_labels, c), n, percent(share(n, r.total))] for c, n in cats], [6, 2, 2])
    staffing_note(story, f)

    story.h1(f"二、{INFO_SECTIONS['key_industries']}")
    sections = L.ordered(f.served.by_section, L.SECTION_ORDER)
    story.table(["行业门类", "服务企业（家）", "占比"],
                [[L.section_label(k), n, percent(share(n, f.served.total))] for k, n in sections], [6, 2, 2])
    story.narrative(f.narrative.text("key_industries"))

    story.h1(f"三、{INFO_SECTIONS['key_enterprises']}")
    story.note(f"本期服务次数最多的 {len(f.top)} 家企业：" if f.top else "本期服务次数最多的企业：")
    story.table(["企业名称", "行业", "规模", "服务次数"],
                [[t.name, L.section_label(t.section), L.size_label(t.size), t.records] for t in f.top], [6, 3, 1.3, 1.5])
    story.narrative(f.narrative.text("key_enterprises"))

    story.h1(f"四、{INFO_SECTIONS['demands']}")
    if d.received:
        story.table(["需求类别", "受理", "已办结", "逾期未办结"],
                    [[L.pick(f.category_labels, x.category), x.received, x.finished, x.overdue] for x in d.lines], [5, 1.6, 1.6, 1.8],
                    total=["合计", d.received, d.finished, d.overdue])
    else:
        story.no_data()
    story.narrative(f.narrative.text("demands"))

    story.h1("五、活动开展情况")
    if f.events or not f.planned:
        story.table(["日期", "活动名称", "类型", "报名（人次）", "参与（人次）", "参与（家次）"],
                    [[f"{e.starts_at.astimezone(CHINA_TIME):%m-%d}", e.title, L.event_type_label(e.event_type),
                      e.registered, e.attendees, e.enterprises] for e in f.events], [1.2, 5.4, 1.8, 1.4, 1.4, 1.4])
    if f.events:
        story.note(UNITS_NOTE)
    planned_events(story, f.planned, f.theme_labels)

    story.h1(f"六、{INFO_SECTIONS['problems']}")
    story.narrative(f.narrative.text("problems"))
    story.h1(f"七、{INFO_SECTIONS['highlights']}")
    story.narrative(f.narrative.text("highlights"))


def staffing_note(story: Story, f: InfoFigures) -> None:
    """The convention's two-full-time rule, as of the period's last day (issue 5: the reports say so)."""
    s = f.staffing
    verdict = "符合服务公约“配备不少于2名专职服务工作人员”的要求。" if not s.shortfall else \
        f"未达到服务公约不少于2名专职人员的要求，尚缺 {s.shortfall} 名。"
    story.note(f"人员配备：截至 {s.on.isoformat()}，在岗人员 {len(s.members)} 名，其中专职 {s.full_time} 名，{verdict}")
