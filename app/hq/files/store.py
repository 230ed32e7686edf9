"""Uploads into HQ's file store: start (or resume) an upload, take its chunks in order,
and on the last one check the whole file and keep it.

- Content-addressed: a file is its sha256; file_blob holds its bytes once, whichever
  stations sent it (deduplicated).  A station still sends the bytes of a file it has not
  sent before, even when another station did (HQ never links a file to a station that
  only knows its hash).
- Resumable: a chunk is taken only at the offset where the stored bytes end (409
  otherwise); a chunk's transaction stores it whole or not at all, so a connection lost
  mid-chunk leaves the upload where the last whole chunk ended.
- Refusals leave nothing: a wrong type (checked on the first chunk) or a sha256 the bytes
  do not match (checked on the last) removes the upload and its chunks before answering.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from app.domain.messages import Msg
from app.hq.files import links
from app.hq.files.wire import UploadStart
from app.hq.http_io import ApiError
from app.sync import file_types

MAX_OPEN_UPLOADS = 20  # per station: a station cannot fill HQ's disk with half-sent files
STALE_DAYS = 30  # an upload untouched this long is dropped when its station starts another
NO_UPLOAD = "没有这个上传（可能已完成、已被清理或不属于本站），请重新同步以重新开始上传。"


@dataclass(frozen=True)
class UploadState:
    upload_id: uuid.UUID | None  # None once complete
    offset: int  # bytes HQ holds; the next chunk starts here
    complete: bool
    version: int | None = None  # the file's version for its purpose/report, once complete

    def to_json(self) -> dict[str, Any]:
        return {"upload_id": str(self.upload_id) if self.upload_id else None, "offset": self.offset,
                "complete": self.complete, "version": self.version}


@dataclass(frozen=True)
class ChunkOutcome:
    state: UploadState | None
    refused: ApiError | None = None  # raised by the endpoint after the upload is removed


def begin_upload(conn: Connection, station: uuid.UUID, req: UploadStart) -> UploadState:
    """Start an upload, or find the one under way for the same file and use (resume), or
    answer complete when HQ already holds this file for this use from this station."""
    if problem := file_types.claim_problem(req.purpose, req.media_type):
        raise ApiError(422, "bad_file_type", problem)
    if req.purpose == "report_pdf":
        links.check_report(conn, station, req)
    done = links.existing(conn, station, req)
    if done is not None:
        return UploadState(None, req.size, True, done)
    if links.station_holds(conn, station, req.sha256, req.size):  # this station sent these bytes before
        version = links.link(conn, station, req)
        return UploadState(None, req.size, True, version)
    found = conn.execute(_FIND, _key(station, req)).first()
    if found is not None:
        if found.size != req.size or found.media_type != req.media_type:
            raise ApiError(409, "upload_mismatch", "同一文件的上传说明前后不一致（大小或类型变了），请重新提交。")
        return UploadState(found.id, found.received, False)
    conn.execute(_PURGE_STALE, {"s": station, "days": STALE_DAYS})
    open_uploads = conn.execute(text("SELECT count(*) FROM file_upload WHERE station_id = :s"), {"s": station}).scalar_one()
    if open_uploads >= MAX_OPEN_UPLOADS:
        raise ApiError(429, "too_many_uploads", Msg("本站已有 %1 个未传完的文件，请先完成这些上传（再次同步即可继续）。", open_uploads))
    upload_id = uuid.uuid4()
    conn.execute(_CREATE, {**_key(station, req), "id": upload_id, "size": req.size, "mt": req.media_type, "name": req.name,
                           "tbl": req.report_tbl})
    return UploadState(upload_id, 0, False)


def put_chunk(conn: Connection, station: uuid.UUID, upload_id: uuid.UUID, offset: int, data: bytes) -> ChunkOutcome:
    """Store one chunk at `offset`; on the last one, check and keep the whole file."""
    up = conn.execute(text("SELECT * FROM file_upload WHERE id = :i AND station_id = :s FOR UPDATE"),
                      {"i": upload_id, "s": station}).first()
    if up is None:
        raise ApiError(404, "no_upload", NO_UPLOAD)
    if offset != up.received:
        raise ApiError(409, "wrong_offset",
                       Msg("上传位置不对：服务总站已收到这个文件的 %1 字节，下一段应从第 %2 字节开始（请求从 %3 开始）。",
                           up.received, up.received, offset))
    if not data:
        raise ApiError(422, "empty_chunk", "上传的这一段是空的，请重新同步。")
    if offset + len(data) > up.size:
        raise ApiError(413, "too_large", Msg("上传的内容超出了声明的文件大小（%1 字节），请重新提交。", up.size))
    if offset == 0 and (problem := file_types.type_problem(up.purpose, up.media_type, data[:64])):
        return _discard(conn, up.id, ApiError(422, "bad_file_type", problem))
    conn.execute(text('INSERT INTO file_upload_chunk (upload_id, "offset", data) VALUES (:i, :o, :d)'),
                 {"i": up.id, "o": offset, "d": data})
    received = offset + len(data)
    conn.execute(text("UPDATE file_upload SET received = :r, updated_at = now() WHERE id = :i"), {"r": received, "i": up.id})
    if received < up.size:
        return ChunkOutcome(UploadState(up.id, received, False))
    return _finish(conn, station, up)


def _finish(conn: Connection, station: uuid.UUID, up: Any) -> ChunkOutcome:
    whole = b"".join(bytes(d) for d in conn.execute(
        text('SELECT data FROM file_upload_chunk WHERE upload_id = :i ORDER BY "offset"'), {"i": up.id}).scalars())
    if len(whole) != up.size:  # cannot happen while offsets are checked; never keep a torn file
        return _discard(conn, up.id, ApiError(409, "torn_upload", "上传的内容不完整，请重新同步以重新上传。"))
    if file_types.sha256_hex(whole) != up.sha256:
        return _discard(conn, up.id, ApiError(
            422, "sha256_mismatch", "上传的文件内容与它的 SHA-256 校验值不符（文件可能在传输中损坏或被改动），服务总站没有保存，请重新同步。"))
    if up.media_type == file_types.DOCX and not file_types.is_docx(whole):
        return _discard(conn, up.id, ApiError(422, "bad_file_type", "文件不是有效的 Word 文档(.docx)，请另存为 .docx 或 PDF 后重新选择。"))
    conn.execute(text("INSERT INTO file_blob (sha256, size, media_type, data) VALUES (:h, :n, :m, :d) "
                      "ON CONFLICT (sha256) DO NOTHING"), {"h": up.sha256, "n": up.size, "m": up.media_type, "d": whole})
    req = UploadStart(sha256=up.sha256, size=up.size, media_type=up.media_type, purpose=up.purpose, name=up.name,
                      report_tbl=up.report_tbl, report_id=up.report_id, submitted_at=up.submitted_at)
    version = links.existing(conn, station, req) or links.link(conn, station, req)
    conn.execute(text("DELETE FROM file_upload WHERE id = :i"), {"i": up.id})
    return ChunkOutcome(UploadState(None, up.size, True, version))


def _discard(conn: Connection, upload_id: uuid.UUID, why: ApiError) -> ChunkOutcome:
    conn.execute(text("DELETE FROM file_upload WHERE id = :i"), {"i": upload_id})  # its chunks go with it
    return ChunkOutcome(None, why)


def _key(station: uuid.UUID, req: UploadStart) -> dict[str, Any]:
    return {"s": station, "p": req.purpose, "h": req.sha256, "r": req.report_id, "at": req.submitted_at}


_KEY_MATCH = ("station_id = :s AND purpose = :p AND sha256 = :h AND report_id IS NOT DISTINCT FROM CAST(:r AS uuid) "
              "AND submitted_at IS NOT DISTINCT FROM CAST(:at AS timestamptz)")
_FIND = text(f"SELECT id, size, media_type, received FROM file_upload WHERE {_KEY_MATCH} FOR UPDATE")
_CREATE = text("INSERT INTO file_upload (id, station_id, sha256, size, media_type, purpose, name, report_tbl, report_id, "
               "submitted_at) VALUES (:id, :s, :h, :size, :mt, :p, :name, :tbl, :r, :at)")
_PURGE_STALE = text("DELETE FROM file_upload WHERE station_id = :s AND updated_at < now() - make_interval(days => :days)")
