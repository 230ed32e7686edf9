"""`station-desk setup`: the first-run wizard's job, for scripts."""

from __future__ import annotations

import argparse

from app.commands.common import EXIT_OK, EXIT_USAGE, fail, open_db
from app.domain.errors import UserError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("setup", help="设置本档案的服务站信息和第一位负责人")
    p.add_argument("--code", required=True, help="服务站代码")
    p.add_argument("--name", required=True, help="服务站名称")
    p.add_argument("--district", required=True, help="所在区，如 天河区")
    p.add_argument("--host", default="", help="依托单位")
    p.add_argument("--manager", required=True, help="负责人姓名")
    p.add_argument("--manager-phone", default="", help="负责人电话")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from app.services.station import identity as station_service  # the ORM: not on the window's start-up path

    db = open_db(args)
    if db is None:
        return EXIT_USAGE
    new = station_service.NewStation(
        code=args.code,
        name=args.name,
        district=args.district,
        host_organisation=args.host,
        manager_name=args.manager,
        manager_phone=args.manager_phone,
    )
    try:
        with db.begin() as session:
            info = station_service.create_station(session, new)
    except UserError as exc:
        return fail(exc.message, EXIT_USAGE)
    finally:
        db.dispose()
    print(f"已设置服务站：{info.name}（{info.code}，{info.district}）")
    return EXIT_OK
