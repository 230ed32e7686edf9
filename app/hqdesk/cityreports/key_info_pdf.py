"""重点信息报送 to the bureau: key industries, key enterprises and demands of a month or quarter."""

from __future__ import annotations

from collections.abc import Callable

from app.domain.report_sections import INFO_SECTIONS
from app.hq.cityreport.model import Breakdown, KeyInfoReport
from app.hqdesk.cityreports.annual_pdf import excerpts
from app.hqdesk.cityreports.context import addressee, closing
from app.reports import labels as L
from app.reports.blocks import percent
from app.reports.story import Cell, Story

BREAKDOWN_HEADERS = ["服务企业（家）", "服务记录（次）", "受理需求（项）", "已办结（项）", "逾期未办结（项）"]


def title(r: KeyInfoReport) -> str:
    return f"{r.period_label}全市民营和中小企业重点信息报送"


def _share(part: int, whole: int) -> str:
    return percent(100.0 * part / whole if whole else None)


def breakdown(story: Story, head: str, lines: list[Breakdown], label: Callable[[str], str], total: Breakdown) -> None:
    rows: list[list[Cell]] = [[label(b.key), b.enterprises_served, _share(b.enterprises_served, total.enterprises_served),
             b.service_records, b.demands_received, b.demands_finished, b.demands_overdue] for b in lines]
    story.table([head, BREAKDOWN_HEADERS[0], "占比", *BREAKDOWN_HEADERS[1:]], rows, [3.6, 1.4, 1.1, 1.4, 1.4, 1.3, 1.5])


def key_info_story(story: Story, r: KeyInfoReport) -> None:
    addressee(story)
    t = r.total
    story.para_note(f"现将{r.period_label}（{r.span}）全市民营和中小企业重点信息报送如下。")
    story.h1("一、本期概况")
    story.para_note(
        f"本期各服务站共服务企业 {t.enterprises_served:,} 家，记录服务 {t.service_records:,} 次；受理企业需求 "
        f"{t.demands_received:,} 项，已办结 {t.demands_finished:,} 项，逾期未办结 {t.demands_overdue:,} 项。"
        f"全市 {r.stations_total} 个服务站中，{r.stations_reporting} 个已报送本期定期信息。")
    story.table(["指标", "数值"], [[h, v] for h, v in zip(BREAKDOWN_HEADERS, [
        t.enterprises_served, t.service_records, t.demands_received, t.demands_finished, t.demands_overdue],
        strict=True)], [6, 3])
    story.note("统计口径：服务企业为本期有服务记录的企业（按企业去重）；服务记录按服务日期、需求按受理日期计入本期；"
               "办结、逾期状态以数据截至时间为准；企业的行业、区域和规模取服务总站企业库的登记信息；已删除的记录一律不计。")

    story.h1(f"二、{INFO_SECTIONS['key_industries']}")
    breakdown(story, "行业门类", r.by_industry, L.section_label, t)
    story.h1(f"三、{INFO_SECTIONS['key_enterprises']}")
    story.note(f"本期服务次数最多的 {len(r.key_enterprises)} 家企业：" if r.key_enterprises else "本期服务次数最多的企业：")
    story.table(["企业名称", "行业", "所在区", "规模", "服务（次）", "服务站", "需求（项）"],
                [[k.name, L.section_label(k.industry_section), L.district_label(k.district), L.size_label(k.size),
                  k.service_records, k.stations, k.demands_received] for k in r.key_enterprises],
                [4.4, 2.6, 1.3, 1.1, 1.2, 1.1, 1.2])
    story.h1(f"四、{INFO_SECTIONS['demands']}")
    if r.demand_categories:
        story.table(["需求类别", "受理", "已办结", "逾期未办结"],
                    [[L.pick(r.category_labels, c.category), c.received, c.finished, c.overdue] for c in r.demand_categories],
                    [5, 1.6, 1.6, 1.8], total=["合计", t.demands_received, t.demands_finished, t.demands_overdue])
    else:
        story.no_data()
    story.h1("五、分区和企业规模情况")
    story.h2("（一）按企业所在区")
    breakdown(story, "所在区", r.by_district, L.district_label, t)
    story.h2("（二）按企业规模")
    breakdown(story, "企业规模", r.by_size, L.size_label, t)
    story.h1("六、服务站报送摘要")
    excerpts(story, r.notes, {k: INFO_SECTIONS[k] for k in ("key_industries", "key_enterprises", "demands")})
    closing(story, "特此报送。")
