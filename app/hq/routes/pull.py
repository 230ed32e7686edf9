"""POST /v1/pull: the page after a cursor, written without re-encoding the rows."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from app.hq import pull as hq_pull
from app.hq.apply_context import now_ms
from app.hq.gate import authenticated
from app.hq.http_io import SMALL_LIMITS, ApiError, RawBody, body_reader, parse, respond
from app.hq.routes.context import Service, Token
from app.hq.wire import PullRequest
from app.sync import protocol

router = APIRouter()
Body = Annotated[RawBody, Depends(body_reader(SMALL_LIMITS))]
RESYNC_MESSAGE = "本站太久没有同步，服务总站已清理旧的删除记录，需要重新下载全部数据。"


@router.post("/v1/pull")
def pull_page(request: Request, hq: Service, token: Token, body: Body) -> Response:
    req = parse(PullRequest, body.json())
    columns = req.columns if request.state.protocol >= protocol.ROW_ARRAYS_SINCE else None

    def work(conn: Any) -> hq_pull.PullPage:
        me = authenticated(conn, token)
        return hq_pull.pull(conn, me.station_id, req.cursor, req.limit, req.table, columns, acknowledged=me.cursor_txid)

    try:
        page = hq.in_transaction(work)
    except hq_pull.ResyncRequired as exc:
        raise ApiError(410, "resync_required", RESYNC_MESSAGE) from exc
    # "cursor" and "done" after "rows": the client reads them from the tail ahead of decoding
    tail = json.dumps({"cursor": page.cursor, "done": page.done, "server_time_ms": now_ms()})
    raw = b'{"rows":[' + ",".join(page.rows_json).encode() + b"]," + tail[1:].encode()
    return respond(request, raw_json=raw)
