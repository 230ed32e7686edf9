"""`station-desk info`: which profile, which station, how many rows."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from app.commands.common import EXIT_OK, EXIT_USAGE, fail, open_db

if TYPE_CHECKING:
    from app.models.database import Database


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("info", help="显示当前档案、服务站和数据量")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # Imported here, not at the top: app.main imports every command to build its parser.
    from sqlalchemy import func, select

    from app.models import Demand, Enterprise, Event, ServiceRecord
    from app.services.station import identity as station_service
    from app.services.station.enrolment_state import is_hq_profile

    db = open_db(args)
    if db is None:
        return EXIT_USAGE
    try:
        with db.begin() as session:
            hq = is_hq_profile(session)
            station = station_service.current_station(session)
            counts = {
                label: session.scalar(select(func.count()).select_from(model).where(model.deleted.is_(False)))
                for label, model in (("企业", Enterprise), ("服务记录", ServiceRecord), ("服务需求", Demand), ("活动", Event))
            }
    finally:
        db.dispose()
    print(f"档案：{args.profile_name}（{db.path}）")
    if hq:
        return _hq_info(db, args.profile_name)
    if station is None:
        return fail("本档案还没有设置服务站信息（运行 station-desk 打开设置向导，或 station-desk setup）。", EXIT_USAGE)
    print(f"服务站：{station.name}（{station.code}，{station.district}）{'【演示】' if station.is_demo else ''}")
    for label, n in counts.items():
        print(f"{label}：{n}")
    return EXIT_OK


def _hq_info(db: Database, name: str) -> int:
    from app.hqdesk.profile import read_hq_profile  # only for an HQ profile (start-up path stays light)

    found = read_hq_profile(db, name)
    assert found is not None
    print(f"服务总站档案：{found.user}（{found.role_label}），服务器 {found.server}。运行 station-desk 打开服务总站模式。")
    return EXIT_OK
