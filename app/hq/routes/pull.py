"""POST /v1/pull: the page after a cursor, written without re-encoding the rows; with the
sanity check's figures on the last page when the station asks (`figures`)."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from app.hq import pull as hq_pull
from app.hq import table_hashes
from app.hq.apply_context import now_ms
from app.hq.gate import AUTH_MESSAGE
from app.hq.http_io import SMALL_LIMITS, ApiError, RawBody, body_reader, parse, respond
from app.hq.routes.context import Service, ServiceContext, Token
from app.hq.wire import PullRequest
from app.sync import protocol

router = APIRouter()
LIMITS = SMALL_LIMITS
Body = Annotated[RawBody, Depends(body_reader(LIMITS))]
RESYNC_MESSAGE = "本站太久没有同步，服务总站已清理旧的删除记录，需要重新下载全部数据。"


def answer(hq: ServiceContext, token: str, version: int, body: RawBody) -> bytes:
    req = parse(PullRequest, body.json())
    columns = req.columns if version >= protocol.ROW_ARRAYS_SINCE else None
    due: list[Any] = []

    moving: list[str] = []

    def work(conn: Any) -> tuple[hq_pull.PullPage, dict[str, tuple[int, int]] | None]:
        # the token check, the cursor's acknowledgement and the figures come with the preamble
        found = hq_pull.pull_as(conn, token, req.cursor, req.limit, req.table, columns, req.figures, hq.bounds)
        if found is None:
            raise ApiError(401, "unauthorized", AUTH_MESSAGE)
        me, page, kept = found
        if not (page.done and req.figures and kept is not None):
            return page, None
        # the sanity check's figures with the last page: the station compares them after
        # applying it, without a /v1/check of its own (same figures, same O(changes) read,
        # with the page's own snapshot); and the tables whose figures count rows not yet sent
        figures, due[:] = kept
        moving[:] = hq_pull.moving_tables(conn, me.station_id, page.cursor, list(figures)) if page.cursor else []
        return page, figures

    try:
        page, figures = hq.in_transaction(work)
    except hq_pull.ResyncRequired as exc:
        raise ApiError(410, "resync_required", RESYNC_MESSAGE) from exc
    if due:  # as /v1/check does: now and then the deltas go into the base figures
        hq.in_transaction(lambda conn: table_hashes.fold(conn, due))
    # "cursor" and "done" after "rows": the client reads them from the tail ahead of decoding
    tail: dict[str, Any] = {"cursor": page.cursor, "done": page.done}
    if figures is not None:
        tail["check"] = {"tables": {t: {"count": c, "hash": h} for t, (c, h) in figures.items()}}
        if moving:
            tail["check"]["moving"] = moving
    tail["server_time_ms"] = now_ms()
    return b'{"rows":[' + b",".join(page.rows_json) + b"]," + json.dumps(tail)[1:].encode()


@router.post("/v1/pull")
def pull_page(request: Request, hq: Service, token: Token, body: Body) -> Response:
    return respond(request, raw_json=answer(hq, token, request.state.protocol, body))
