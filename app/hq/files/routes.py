"""The stations' file endpoints (docs/sync-protocol.md, "Files"), behind the station token:

- POST /v1/files/uploads: start or resume an upload (JSON, UploadStart) → upload_id,
  offset (bytes HQ holds), complete, version;
- POST /v1/files/chunk: raw bytes (at most file_types.CHUNK_BYTES) with headers
  X-Upload-Id and X-Upload-Offset → the same answer.
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from app.domain.messages import Msg
from app.hq.files import store
from app.hq.files.wire import UploadStart
from app.hq.gate import authenticated
from app.hq.http_io import FILE_CHUNK_LIMITS, SMALL_LIMITS, ApiError, RawBody, body_reader, parse, respond
from app.hq.routes.context import Service, Token

router = APIRouter()
StartBody = Annotated[RawBody, Depends(body_reader(SMALL_LIMITS))]
ChunkBody = Annotated[RawBody, Depends(body_reader(FILE_CHUNK_LIMITS))]
UPLOAD_ID_HEADER, OFFSET_HEADER = "X-Upload-Id", "X-Upload-Offset"


@router.post("/v1/files/uploads")
def start_upload(request: Request, hq: Service, token: Token, body: StartBody) -> Response:
    req = parse(UploadStart, body.json())

    def work(conn: Any) -> store.UploadState:
        me = authenticated(conn, token, lock=True)
        return store.begin_upload(conn, me.station_id, req)

    return respond(request, hq.in_transaction(work).to_json())


@router.post("/v1/files/chunk")
def put_chunk(request: Request, hq: Service, token: Token, body: ChunkBody) -> Response:
    try:
        upload_id = uuid.UUID(request.headers.get(UPLOAD_ID_HEADER, ""))
    except ValueError as exc:
        raise ApiError(422, "invalid_request", Msg("缺少或无效的上传编号（%1），请重新同步。", UPLOAD_ID_HEADER)) from exc
    offset_text = request.headers.get(OFFSET_HEADER, "").strip()
    if not offset_text.isdigit() or len(offset_text) > 12:
        raise ApiError(422, "invalid_request", Msg("缺少或无效的上传位置（%1），请重新同步。", OFFSET_HEADER))
    if body.encoding not in (None, "identity"):
        raise ApiError(400, "bad_body", "文件内容请按原样上传，不要压缩。")

    def work(conn: Any) -> store.ChunkOutcome:
        me = authenticated(conn, token, lock=True)
        return store.put_chunk(conn, me.station_id, upload_id, int(offset_text), body.data)

    outcome = hq.in_transaction(work)
    if outcome.refused is not None:  # the upload is gone already (committed): nothing is left
        raise outcome.refused
    assert outcome.state is not None
    return respond(request, outcome.state.to_json())
