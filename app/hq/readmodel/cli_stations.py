"""`station-desk-hq stations`: the network page on the command line, and its Excel export."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the parser is built at every start: the database side loads on use
    from sqlalchemy import Connection

COMMAND = "stations"
STATUS_CHOICES = ("approved", "revoked")  # app.hq.readmodel.network.STATUS_LABELS


def add_command(sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    stations = sub.add_parser(COMMAND, parents=[common], help="站点网络：各服务站的合规情况和本年度数据，可导出 Excel")
    stations.add_argument("--district", help="只列出这个区的服务站，如 天河区")
    stations.add_argument("--status", choices=STATUS_CHOICES, help="只列出这个状态的服务站")
    stations.add_argument("--year", type=int, help="统计年度（默认今年）")
    stations.add_argument("--export", type=Path, metavar="F.xlsx", help="导出为 Excel 文件（含按区汇总）")


def run(args: argparse.Namespace, conn: Connection) -> int:
    from app.domain.errors import ValidationError
    from app.domain.periods import CHINA_TIME, china_today
    from app.hq.readmodel import network, pending
    from app.hq.readmodel.excel import network_workbook

    year = args.year or china_today().year
    pending.catch_up_on(conn)  # the writes noted since the last drain (committed with this command)
    try:
        rows = network.network_rows(conn, year=year, district=args.district, status=args.status)
    except ValidationError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        return 2
    if args.export is not None:
        if args.export.suffix.lower() != ".xlsx":
            print(f"错误：--export 应为 .xlsx 文件，例如 网络{year}.xlsx。", file=sys.stderr)
            return 2
        made = datetime.now(UTC).astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M")
        data = network_workbook(rows, network.district_summary(rows), year, made)
        args.export.parent.mkdir(parents=True, exist_ok=True)
        args.export.write_bytes(data)
        print(f"已导出 {len(rows)} 个服务站到 {args.export}（含按区汇总）。")
        return 0
    print("编号\t名称\t所在区\t状态\t最近同步\t专职\t挂牌\t制度备案\t应报/已报/逾期\t服务企业\t服务记录\t活动\t人次\t未办结/超期需求\t满意率")
    for r in rows:
        f = r.figures
        share = f"{f.satisfied_share:.0%}" if f.satisfied_share is not None else "-"
        print(f"{r.code}\t{r.name}\t{r.district or '-'}\t{r.status_label}\t{network.china_time(r.last_sync) or '-'}\t"
              f"{r.full_time_staff}{'' if r.staff_rule_met else '（不足）'}\t{r.signage_hung_on or '-'}\t"
              f"{r.work_rules_filed_on or '-'}\t{r.reports.due}/{r.reports.submitted}/{r.reports.late}\t"
              f"{f.enterprises_served}\t{f.service_records}\t{f.events_held}\t{f.attendees_people}\t"
              f"{r.demands_open}/{r.demands_overdue}\t{share}")
    print(f"共 {len(rows)} 个服务站（{year}年度）。")
    return 0
