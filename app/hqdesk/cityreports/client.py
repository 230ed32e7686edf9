"""The city-wide reports' data fetched from HQ (GET /v1/admin/cityreports/…), for the HQ-mode
page to preview and render locally."""

from __future__ import annotations

from typing import Any, TypeVar

from app.domain.messages import Msg
from app.hq.cityreport import codec
from app.hq.cityreport.model import AnnualCityReport, KeyInfoReport
from app.hqdesk.client import HqDeskClient, HqDeskError

__all__ = ["AnnualCityReport", "KeyInfoReport", "annual", "key_info"]
T = TypeVar("T")


def _decode(cls: type[T], data: Any, what: str) -> T:
    try:
        return codec.from_json(cls, data)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise HqDeskError(Msg("服务总站返回的%1格式不对，请升级工作台或联系服务总站。", what), detail=repr(exc)) from exc


def annual(client: HqDeskClient, year: int) -> AnnualCityReport:
    """The yearly overall report's data; HqDeskError with HQ's Chinese message when refused."""
    return _decode(AnnualCityReport, client.get_json("/cityreports/annual", year=year), Msg("年度汇总数据"))


def key_info(client: HqDeskClient, period: str) -> KeyInfoReport:
    return _decode(KeyInfoReport, client.get_json("/cityreports/key-info", period=period), Msg("重点信息报送数据"))
