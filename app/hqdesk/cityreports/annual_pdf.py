"""The yearly report to the bureau: the network's work in year Y and the plan for Y + 1."""

from __future__ import annotations

from app.domain.report_sections import PLAN_INDICATORS, PLAN_SECTIONS, SUMMARY_SECTIONS
from app.hq.cityreport.model import AnnualCityReport, Excerpt
from app.hqdesk.cityreports import numbers as N
from app.hqdesk.cityreports.context import addressee, closing
from app.hqdesk.cityreports.tables import figure_table
from app.reports import labels as L
from app.reports.story import Cell, Story

STATION_WIDTHS = [3.2, 1.4, 1.3, 1.3, 1.3, 1.3, 1.3, 1.3, 1.3, 1.3]
SHORT_HEADERS = ["服务企业", "服务记录", "活动场次", "参与人次", "参与家次", "受理需求", "办结需求"]


def title(r: AnnualCityReport) -> str:
    return f"关于{r.year}年度服务站建设整体工作情况和{r.year + 1}年度服务工作计划的报告"


def annual_story(story: Story, r: AnnualCityReport) -> None:
    addressee(story)
    t, n = r.total, len(r.stations)
    story.para_note(f"现将{r.year}年度全市民营和中小企业服务站建设整体工作情况和{r.year + 1}年度服务工作计划报告如下。")
    story.h1("一、基本情况")
    story.para_note(
        f"截至{N.chinese_date(r.cutoff.date())}，服务站网络共有服务站 {n} 个，分布在 {len(r.districts)} 个区。"
        f"{r.year}年度共服务企业 {t.enterprises_served:,} 家，记录服务 {t.service_records:,} 次，举办活动 "
        f"{t.events_held:,} 场，活动参与 {t.attendees_people:,} 人次，受理企业需求 {t.demands_received:,} 项，"
        f"办结 {t.demands_closed:,} 项，服务满意率 {N.share(t)}。")
    rows = [[label, getattr(t, key)] for key, label in N.FIGURE_COLUMNS] + [["服务满意率", N.share(t)]]
    story.table(["指标", "全市合计"], rows, [6, 3])
    story.note("统计口径：服务企业为有服务记录的企业（按企业去重，同一企业由多个服务站服务只计一次）；服务记录按服务日期、"
               "活动按开始时间（广州时间）计入本年度，数据截至时尚未开始的活动不计；需求按受理日期计入，办结需求按办结时间计入；"
               "满意率为评价 4–5 分的服务记录占已评价记录的比例；已删除的记录一律不计。")

    story.h1("二、服务数据统计")
    story.h2("（一）分区情况")
    district_rows: list[list[Cell]] = [[L.district_label(d.district), d.stations, *N.figure_cells(d.figures), N.share(d.figures)]
                     for d in r.districts]
    story.table(["所在区", "站数", *SHORT_HEADERS, "满意率"], district_rows, [1.8, 1, *STATION_WIDTHS[2:]],
                total=["合计", n, *N.figure_cells(t), N.share(t)])
    story.note("各区服务企业数按企业去重，故各区之和可能大于全市合计。")
    story.h2("（二）各服务站情况")
    station_rows: list[list[Cell]] = [[s.name, L.district_label(s.district), *N.figure_cells(s.figures), N.share(s.figures)]
                    for s in r.stations]
    figure_table(story, ["服务站", "所在区", *SHORT_HEADERS, "满意率"], station_rows, STATION_WIDTHS)

    story.h1("三、服务站规范建设情况")
    compliance(story, r)

    story.h1("四、工作亮点")
    story.para_note(f"{r.summaries_submitted} 个服务站已报送{r.year}年度服务工作总结，其工作亮点与典型案例摘录如下"
                    "（各站主要工作开展情况见 Excel 附表）。")
    excerpts(story, [e for e in r.highlights if e.sections.get("highlights")],
             {"highlights": SUMMARY_SECTIONS["highlights"]}, label=False)

    story.h1(f"五、{r.year + 1}年度服务工作计划")
    plan(story, r)
    closing(story)


def compliance(story: Story, r: AnnualCityReport) -> None:
    lines = [s.compliance for s in r.stations]
    on = lines[0].on if lines else r.cutoff.date()
    staffed = sum(1 for c in lines if c.staff_ok)
    signed = sum(1 for c in lines if c.signage_hung_on)
    filed = sum(1 for c in lines if c.work_rules_filed_on)
    timely = sum(1 for c in lines if c.reports_on_time)
    story.para_note(
        f"截至{N.chinese_date(on)}，{staffed} 个服务站配备不少于 2 名专职服务人员，{signed} 个已挂牌，{filed} 个已备案工作制度；"
        f"{timely} 个服务站按时报送了到期的定期信息。")
    rows: list[list[Cell]] = [[s.name, s.compliance.full_time_staff, N.yes_no(s.compliance.signage_hung_on),
             N.yes_no(s.compliance.work_rules_filed_on), N.report_status(s.compliance.summary_status),
             N.report_status(s.compliance.plan_status), f"{s.compliance.info_on_time}/{s.compliance.info_due}",
             "符合" if s.compliance.ok else "未符合"] for s in r.stations]
    figure_table(story, ["服务站", "专职人员", "挂牌", "制度备案", "年度总结", "年度计划", "信息按时/应报", "规范"],
                 rows, [3.6, 1.2, 1, 1.2, 1.3, 1.3, 1.6, 1.1])
    story.note("专职人员按服务公约不少于 2 名；挂牌、备案以服务站报送的日期为准；年度总结和下一年度计划应于次年 1 月 31 日前报送；"
               "定期信息按季度报送，于季度结束后 10 日内报送，“应报”为截至数据截至日已到期的本年度季度数。")


def excerpts(story: Story, items: list[Excerpt], titles: dict[str, str], *, label: bool = True) -> None:
    if not items:
        story.no_data()
        return
    third = story.s.body.clone("third_level", firstLineIndent=21, spaceBefore=4)
    for number, e in enumerate(items, 1):
        story.add(story.para(f"{number}. {e.name}（{L.district_label(e.district)}）", third))
        for key, heading in titles.items():
            if e.sections.get(key):
                if label:
                    story.add(story.para(f"{heading}：", story.s.note))
                story.paragraphs(e.sections[key])


def plan(story: Story, r: AnnualCityReport) -> None:
    p = r.plan
    story.para_note(f"{p.submitted} 个服务站已报送{p.year}年度服务工作计划，汇总如下。")
    story.h2("（一）计划指标")
    rows = [[N.indicator(k), N.target(k, p.targets[k])] for k in PLAN_INDICATORS if k in p.targets]
    story.table(["指标", "计划合计"], rows, [6, 3])
    if rows:
        story.note("满意率为各站计划值的平均，其余为各站计划值之和。")
    story.h2("（二）计划活动安排")
    if any(p.events_by_month):
        story.table(["月份", *[f"{m}月" for m in range(1, 13)], "合计"],
                    [["计划活动（场）", *p.events_by_month, sum(p.events_by_month)]], [2.4, *[1] * 12, 1.2])
        by_type: dict[str, list[int]] = {}
        for e in p.events:
            by_type.setdefault(e.event_type, [0] * 12)[e.month - 1] += 1
        order = L.ordered({k: sum(v) for k, v in by_type.items()}, L.EVENT_TYPE_ORDER)
        story.table(["活动类型", *[f"{m}月" for m in range(1, 13)], "合计"],
                    [[L.event_type_label(k), *by_type[k], n] for k, n in order], [2.4, *[1] * 12, 1.2])
        story.note("各站计划活动的名称和月份见 Excel 附表。")
    else:
        story.no_data()
    story.h2("（三）各服务站计划指标")
    keys = [k for k in PLAN_INDICATORS if k in p.targets]
    figure_table(story, ["服务站", *[N.indicator(k).split("（")[0] for k in keys], "计划活动"],
                 [[x.name, *[N.target(k, x.targets[k]) if k in x.targets else None for k in keys], x.planned_events]
                  for x in p.lines], [3.4, *[1.3] * len(keys), 1.2])
    story.h2("（四）主要目标")
    excerpts(story, [e for e in p.texts if e.sections.get("goals")], {"goals": PLAN_SECTIONS["goals"]}, label=False)
    story.note("各站的主要措施和需要服务总站协调支持的事项见 Excel 附表。")
